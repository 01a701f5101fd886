"""Batch runs over folders: parallel, resumable, one JSON line per file, never stopping on a bad file.

Lines are first appended to ``OUT.partial`` as files finish (so an
interrupted run loses nothing and a rerun skips what is done), then written to
``OUT`` in sorted path order and the partial file is removed.
"""
from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

SUPPORTED_SUFFIXES = {".pdf", ".txt", ".text", ".htm", ".html", ".xhtml", ".docx"}


@dataclass
class BatchPlan:
    """Which files a batch reads, and which it skips (with why)."""

    files: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def plan(paths: list[str]) -> BatchPlan:
    """Expand files and folders (recursively) into a sorted file list.

    A file named directly is always read (an unsupported one gets an error
    line); inside folders, files whose suffix is not in
    :data:`SUPPORTED_SUFFIXES` are skipped and listed, and hidden files are ignored.
    """
    result = BatchPlan()
    seen = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if not child.is_file() or any(part.startswith(".") for part in child.relative_to(p).parts):
                    continue
                if child.suffix.lower() in SUPPORTED_SUFFIXES:
                    if str(child) not in seen:
                        seen.add(str(child))
                        result.files.append(str(child))
                else:
                    result.skipped.append((str(child), f"unsupported suffix {child.suffix or '(none)'}"))
        elif str(p) not in seen:
            seen.add(str(p))
            result.files.append(str(p))
    result.files.sort()
    return result


def _worker_init() -> None:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    from .pipeline import load_pipeline
    load_pipeline()


def process_one(path: str, anchor_date: str | None, include_text: bool, ocr: bool = True) -> str:
    """Extract one file and return its JSON line; any failure becomes an error line."""
    from .extract import error_result, extract_file, file_id
    from .ingest import IngestSettings

    try:
        result = extract_file(path, anchor_date=anchor_date, include_text=include_text,
                              settings=IngestSettings(ocr=ocr))
    except Exception as exc:  # one bad file must never stop a batch
        result = error_result(path, exc, file_id(path))
    return json.dumps(result, ensure_ascii=False)


def _read_done(path: Path) -> dict[str, str]:
    done: dict[str, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                done[json.loads(line)["document"]["source"]] = line
            except (ValueError, KeyError, TypeError):
                continue  # a line cut off by an interruption is redone
    return done


def run_batch(paths: list[str], out: str, *, anchor_date: str | None = None, include_text: bool = False,
              jobs: int | None = None, resume: bool = True, progress: bool = True,
              dask_scheduler: str | None = None, ocr: bool = True) -> dict:
    """Run a batch and write ``out`` (JSON Lines, one line per input file, sorted by path).

    Args:
        paths: files and folders.
        out: output path.
        anchor_date: ``YYYY-MM-DD`` given to every file.
        jobs: worker processes (default: CPU count, at most 4); 1 runs in this process.
        resume: reuse lines of a previous run of the same output for files already done.
        progress: draw a progress bar on stderr.
        dask_scheduler: address of a Dask scheduler ("tcp://host:8786") to run on instead of local processes.
        ocr: OCR scanned pages (False: they get ``pdf.no_text_layer`` warnings).
    Returns:
        The summary dict: files, pages, facts by type, errors by code, skipped, seconds.
    """
    from tqdm import tqdm

    started = time.perf_counter()
    batch = plan(paths)
    out_path = Path(out)
    partial = out_path.with_name(out_path.name + ".partial")
    done = {}
    if resume:
        done.update(_read_done(out_path))
        done.update(_read_done(partial))
    results = {f: done[f] for f in batch.files if f in done}
    reused = len(results)
    todo = [f for f in batch.files if f not in results]
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with open(partial, "a", encoding="utf-8") as sink, \
            tqdm(total=len(batch.files), initial=len(results), unit="file", disable=not progress,
                 file=sys.stderr, dynamic_ncols=True) as bar:
        def record(path: str, line: str) -> None:
            results[path] = line
            sink.write(line + "\n")
            sink.flush()
            bar.update(1)

        if dask_scheduler:
            from .distributed import run_on_dask
            for path, line in run_on_dask(todo, dask_scheduler, anchor_date, include_text, ocr):
                record(path, line)
        else:
            jobs = jobs or min(4, os.cpu_count() or 1)
            if jobs <= 1 or len(todo) <= 1:
                for path in todo:
                    record(path, process_one(path, anchor_date, include_text, ocr))
            else:
                with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init) as pool:
                    futures = {pool.submit(process_one, p, anchor_date, include_text, ocr): p for p in todo}
                    for fut in as_completed(futures):
                        path = futures[fut]
                        try:
                            line = fut.result()
                        except Exception as exc:  # a worker died (memory, signal)
                            from .extract import error_result
                            line = json.dumps(error_result(path, exc))
                        record(path, line)
    tmp = out_path.with_name(out_path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        for path in batch.files:
            fh.write(results[path] + "\n")
    os.replace(tmp, out_path)
    partial.unlink(missing_ok=True)
    return summarize([results[p] for p in batch.files], batch.skipped, time.perf_counter() - started, reused=reused)


def summarize(lines: list[str], skipped: list[tuple[str, str]], seconds: float, reused: int = 0) -> dict:
    """Count files, pages, facts by type and errors by code over output lines."""
    facts, errors = Counter(), Counter()
    pages = 0
    for line in lines:
        obj = json.loads(line)
        if "error" in obj:
            errors[obj["error"]["code"]] += 1
            continue
        pages += len(obj["document"].get("pages") or [])
        facts.update(f["type"] for f in obj["facts"])
    return {"files": len(lines), "reused": reused, "pages": pages, "facts": dict(sorted(facts.items())),
            "errors": dict(sorted(errors.items())), "skipped": [{"path": p, "why": w} for p, w in skipped],
            "seconds": round(seconds, 1)}


def format_summary(summary: dict) -> str:
    """A few plain lines for the end of a batch run."""
    facts = ", ".join(f"{k} {v}" for k, v in summary["facts"].items()) or "none"
    errors = ", ".join(f"{k} {v}" for k, v in summary["errors"].items()) or "none"
    lines = [f"files {summary['files']} (reused from a previous run: {summary['reused']}), pages {summary['pages']}, "
             f"seconds {summary['seconds']}",
             f"facts: {facts}", f"errors: {errors}"]
    if summary["skipped"]:
        lines.append(f"skipped {len(summary['skipped'])}: " + ", ".join(f"{s['path']} ({s['why']})" for s in summary["skipped"]))
    return "\n".join(lines)
