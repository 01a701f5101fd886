"""Batch runs over folders: parallel, resumable, one JSON line per file, never stopping on a bad file.

Lines are first journaled to ``OUT.partial`` as files finish (so an
interrupted run loses nothing and a rerun skips what is done), then ``OUT`` is
written atomically in sorted path order and the journal is removed; see
:mod:`extractor.batch_output` for the files beside ``OUT`` and when a line is
reused, and :mod:`extractor.batch_pool` for the worker processes.
"""
from __future__ import annotations

import json
import os
import stat
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .batch_output import (Journal, OutputLock, dump, finished_records, read_finished, read_journal, record_for,
                           redo_reason, sidecars, write_atomically)
from .errors import UsageError

SUPPORTED_SUFFIXES = {".pdf", ".txt", ".text", ".htm", ".html", ".xhtml", ".docx"}
# Seconds of wall clock one file may take in a worker: above IngestSettings.max_seconds (600 s of OCR, after which
# a scan ends on its own with an ocr.time_limit warning), so only a file that is truly stuck is cut off.
DEFAULT_TIMEOUT = 900.0


@dataclass
class BatchPlan:
    """Which files a batch reads, and which paths it skips (with why).

    Attributes:
        files: sorted paths to read.
        skipped: ``(path, why)`` for each path left out.
        empty: folders given on the command line with nothing to read.
    """

    files: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)


def _kind_of(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
                       (stat.S_ISBLK, "a device")):
        if test(mode):
            return name
    return "not a regular file"


def _walk(root: str, result: BatchPlan, seen: set[str]) -> None:
    """Add the readable files under ``root`` to ``result``; name every other entry in ``result.skipped``."""
    found = 0

    def unreadable(err: OSError) -> None:
        result.skipped.append((err.filename or root, f"unreadable folder ({err.strerror})"))

    for folder, dirs, names in os.walk(root, onerror=unreadable):
        for name in sorted(dirs):
            path = os.path.join(folder, name)
            if name.startswith("."):
                result.skipped.append((path, "hidden folder"))
                dirs.remove(name)
            elif os.path.islink(path):
                result.skipped.append((path, "link to a folder (not followed)"))
        for name in sorted(names):
            path = os.path.join(folder, name)
            if name.startswith("."):
                result.skipped.append((path, "hidden file"))
                continue
            try:
                mode = os.stat(path).st_mode
            except FileNotFoundError:
                result.skipped.append((path, "dangling link" if os.path.islink(path) else "vanished"))
                continue
            except OSError as exc:
                result.skipped.append((path, f"unreadable ({exc.strerror})"))
                continue
            if not stat.S_ISREG(mode):
                result.skipped.append((path, _kind_of(mode)))
            elif os.path.splitext(name)[1].lower() not in SUPPORTED_SUFFIXES:
                result.skipped.append((path, f"unsupported suffix {os.path.splitext(name)[1] or '(none)'}"))
            elif path not in seen:
                seen.add(path)
                result.files.append(path)
                found += 1
    if not found:
        result.empty.append(root)


def plan(paths: list[str]) -> BatchPlan:
    """Expand files and folders (recursively, links to folders not followed) into a sorted file list.

    A file named directly is always read (an unsupported one gets an error
    line). Inside folders, only regular files with a suffix in
    :data:`SUPPORTED_SUFFIXES` are read; hidden entries, pipes, devices,
    dangling links, unreadable folders and other suffixes are listed in
    ``skipped`` with the reason. Names are kept as the OS gives them (a name
    that is not UTF-8 holds surrogate escapes).

    Raises:
        UsageError: ``usage.not_found`` when a given path does not exist.
    """
    result = BatchPlan()
    seen: set[str] = set()
    missing = [p for p in paths if not os.path.lexists(p) or (os.path.islink(p) and not os.path.exists(p))]
    if missing:
        raise UsageError("usage.not_found", "No such file or folder: " + ", ".join(map(printable, missing)))
    for raw in paths:
        raw = os.fspath(raw)
        if os.path.isdir(raw):
            _walk(raw, result, seen)
        elif raw not in seen:
            seen.add(raw)
            result.files.append(raw)
    result.files.sort()
    result.skipped.sort()
    return result


def printable(path: str) -> str:
    """A path for a message: a byte that was not UTF-8 shows as ``\\xff``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def process_one(path: str, anchor_date: str | None, include_text: bool, ocr: bool = True,
                show_hidden_text: bool = False) -> str:
    """Extract one file and return its JSON line (valid UTF-8); any failure becomes an error line.
    ``show_hidden_text`` keeps the words under failed redactions (else each character is "█")."""
    from .extract import error_result, extract_file, file_id
    from .ingest import IngestSettings

    try:
        result = extract_file(path, anchor_date=anchor_date, include_text=include_text,
                              settings=IngestSettings(ocr=ocr, show_hidden_text=show_hidden_text))
    except Exception as exc:  # one bad file must never stop a batch
        result = error_result(path, exc, file_id(path))
    return dump(result)


def _error_line(path: str, code: str, message: str) -> str:
    from .errors import InputError
    from .extract import error_result, file_id
    return dump(error_result(path, InputError(code, message), file_id(path)))


def refuse_output_over_input(outputs: list[Path], inputs: list[str]) -> None:
    """Raise when writing any of ``outputs`` would overwrite one of ``inputs`` (the same file, or path).

    Raises:
        UsageError: ``usage.output_is_input``, or ``usage.bad_option`` when an output is a folder.
    """
    def identity(path: str | Path) -> tuple:
        try:
            st = os.stat(path)
            return "file", st.st_dev, st.st_ino
        except OSError:
            return "path", os.path.realpath(path)

    for mine in outputs:
        if mine.is_dir():
            raise UsageError("usage.bad_option", f"The output {printable(str(mine))} is a folder.")
    mine = {identity(p): p for p in outputs}
    for given in inputs:
        hit = mine.get(identity(given))
        if hit is not None:
            raise UsageError("usage.output_is_input",
                             f"The output {printable(str(hit))} is the input {printable(str(given))}; "
                             "it would be overwritten. Choose another -o.")


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def run_batch(paths: list[str], out: str, *, anchor_date: str | None = None, include_text: bool = False,
              jobs: int | None = None, resume: bool = True, progress: bool = True,
              dask_scheduler: str | None = None, ocr: bool = True, timeout: float = DEFAULT_TIMEOUT,
              show_hidden_text: bool = False) -> dict:
    """Run a batch and write ``out`` (JSON Lines, one line per input file, sorted by path).

    Args:
        paths: files and folders.
        out: output path; ``out.partial``, ``out.resume`` and ``out.lock`` are written beside it.
        anchor_date: ``YYYY-MM-DD`` given to every file.
        include_text: add ``document.text`` to every line.
        jobs: worker processes (default: CPU count, at most 4); each loads the pipeline once.
        resume: reuse lines of a previous run of the same output whose file, options and version match.
        progress: draw a progress bar on stderr.
        dask_scheduler: address of a Dask scheduler ("tcp://host:8786") to run on instead of local processes.
        ocr: OCR scanned pages (False: they get ``pdf.no_text_layer`` warnings).
        timeout: wall-clock seconds one file may take in a local worker; past it the file is ``extract.timeout``.
        show_hidden_text: keep the words under failed redactions in every line (an option that changes
            output, so a resume redoes lines made without it).
    Returns:
        The summary dict (see :func:`summarize`).
    Raises:
        UsageError: a path does not exist (``usage.not_found``), the output is an input
            (``usage.output_is_input``), another batch holds the output (``usage.output_locked``),
            or ``jobs``/``timeout`` are not positive (``usage.bad_option``).
        OSError: when the output cannot be written (a full disk, no permission).
    """
    from tqdm import tqdm

    started = time.perf_counter()
    if (jobs is not None and jobs < 1) or not timeout > 0:
        raise UsageError("usage.bad_option", "--jobs and --timeout must be positive.")
    batch = plan(paths)
    out_path = Path(out)
    files = sidecars(out_path)
    refuse_output_over_input([out_path, *files.values()], [*paths, *batch.files])
    if not batch.files:
        return summarize([], batch, time.perf_counter() - started)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    options = {"include_text": include_text, "anchor_date": anchor_date, "ocr": ocr}
    if show_hidden_text:  # only when asked, so lines made before the option existed stay reusable
        options["show_hidden_text"] = True
    events: list = []
    with OutputLock(files["lock"]):
        previous = {}
        if resume:
            previous.update(read_finished(out_path))
            previous.update(read_journal(files["partial"]))
        else:
            files["partial"].unlink(missing_ok=True)  # a fresh journal: nothing of an earlier run is kept
        records: dict[str, dict] = {}
        redone: Counter = Counter()
        if previous:
            from .extract import file_id
        for path in batch.files:
            record = previous.get(path)
            if record is None:
                continue
            why = redo_reason(record, file_id(path), options, __version__)
            if why is None:
                records[path] = record
            else:
                redone[why] += 1
        reused = len(records)
        todo = sorted((f for f in batch.files if f not in records), key=lambda f: (-_size(f), f))
        journal = Journal(files["partial"])
        try:
            with tqdm(total=len(batch.files), initial=reused, unit="file", disable=not progress,
                      file=sys.stderr, dynamic_ncols=True) as bar:
                for path, line in _lines(todo, (anchor_date, include_text, ocr, show_hidden_text), jobs, dask_scheduler,
                                         timeout, events):
                    records[path] = record_for(path, line, options, __version__)
                    journal.append(records[path])
                    bar.update(1)
        finally:
            journal.close()
        ordered = [records[p] for p in batch.files]
        write_atomically(files["resume"], finished_records(ordered), files["tmp"])
        write_atomically(out_path, [r["line"] for r in ordered], files["tmp"])
        files["partial"].unlink(missing_ok=True)
    return summarize([r["line"] for r in ordered], batch, time.perf_counter() - started, reused=reused,
                     redone=dict(redone), events=events)


def _lines(todo: list[str], task_args: tuple, jobs: int | None, dask_scheduler: str | None, timeout: float,
           events: list):
    if not todo:
        return iter(())
    if dask_scheduler:
        from .distributed import run_on_dask
        return run_on_dask(todo, dask_scheduler, *task_args)
    from .batch_pool import run_in_workers
    jobs = jobs or min(4, os.cpu_count() or 1)
    return run_in_workers(todo, task_args, jobs=min(jobs, len(todo)), timeout=timeout,
                          failed_line=_error_line, events=events)


def summarize(lines: list[str], batch: BatchPlan, seconds: float, reused: int = 0,
              redone: dict[str, int] | None = None, events: list | None = None) -> dict:
    """Count files, pages, facts by type and errors by code over output lines.

    Returns:
        ``{"files", "reused", "redone": {why: n}, "pages", "facts": {type: n}, "errors": {code: n},
        "privacy": [{"path", "flags"}], "skipped": [{"path", "why"}], "empty": [folder],
        "events": [{"path", "kind", "detail"}], "seconds"}``; ``privacy`` lists the documents with an
        unredacted identifier or a failed redaction (:func:`extractor.review.privacy.privacy_flags`).
    """
    from .review.privacy import privacy_flags

    facts, errors = Counter(), Counter()
    pages = 0
    flagged = []
    for line in lines:
        obj = json.loads(line)
        if "error" in obj:
            errors[obj["error"]["code"]] += 1
            continue
        pages += len(obj["document"].get("pages") or [])
        facts.update(f["type"] for f in obj["facts"])
        flags = privacy_flags(obj)
        if flags:
            flagged.append({"path": obj["document"]["source"], "flags": flags})
    return {"files": len(lines), "reused": reused, "redone": dict(sorted((redone or {}).items())), "pages": pages,
            "facts": dict(sorted(facts.items())), "errors": dict(sorted(errors.items())), "privacy": flagged,
            "skipped": [{"path": p, "why": w} for p, w in batch.skipped], "empty": list(batch.empty),
            "events": [{"path": e.path, "kind": e.kind, "detail": e.detail} for e in events or []],
            "seconds": round(seconds, 1)}


_EVENT_WORDS = {"worker_died": "worker died ({detail}), retried in a fresh worker",
                "worker_died_twice": "worker died ({detail}) twice: extract.worker_died",
                "timeout": "took longer than {detail}: extract.timeout"}


def format_summary(summary: dict) -> str:
    """A few plain lines for the end of a batch run (paths that are not UTF-8 show as ``\\xff``)."""
    facts = ", ".join(f"{k} {v}" for k, v in summary["facts"].items()) or "none"
    errors = ", ".join(f"{k} {v}" for k, v in summary["errors"].items()) or "none"
    redone = ", ".join(f"{k} {v}" for k, v in summary["redone"].items()) or "none"
    lines = [f"files {summary['files']} (reused from a previous run: {summary['reused']}; redone: {redone}), "
             f"pages {summary['pages']}, seconds {summary['seconds']}",
             f"facts: {facts}", f"errors: {errors}"]
    if summary.get("privacy"):
        lines.append(f"privacy: {len(summary['privacy'])} document(s) show what court rules restrict:")
        lines.extend(f"  {printable(p['path'])} ({', '.join(p['flags'])})" for p in summary["privacy"])
    for e in summary["events"]:
        lines.append(f"{printable(e['path'])}: " + _EVENT_WORDS[e["kind"]].format(detail=e["detail"]))
    if summary["skipped"]:
        lines.append(f"skipped {len(summary['skipped'])}:")
        lines.extend(f"  {printable(s['path'])} ({s['why']})" for s in summary["skipped"])
    for folder in summary["empty"]:
        lines.append(f"warning: no file to read in {printable(folder)}")
    return "\n".join(lines)
