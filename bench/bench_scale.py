"""Benchmark of whole-document extraction at scale (not a test): issue 10's figures.

Usage::

    .venv/bin/python bench/bench_scale.py                      # 40, 100, 200, 400, 1000 pages + corpus ratio
    .venv/bin/python bench/bench_scale.py --pages 40 400       # chosen sizes only
    .venv/bin/python bench/bench_scale.py --corpus-only        # only the corpus ratio
    .venv/bin/python bench/bench_scale.py --jobs               # batch --jobs 2 vs --jobs 1 wall time

What it prints:

* per size: a synthetic text PDF of N pages, each page 46 lines of real public court text (the
  plain-text opinions and decisions of ``../shared/corpus/real``, repeated in order), is extracted
  by ``extract_file`` in a fresh process with OCR off; the row gives that process's CPU seconds,
  CPU seconds per page and peak resident memory (``ru_maxrss``), then the ratios to the 40-page row.
  Targets (issue 10): RSS(400) <= 1.5 x RSS(40), RSS(1000) < 1 GB, s/page(400) <= 1.1 x s/page(40).
* corpus: in one fresh process, the CPU of our extraction of the corpus's text-layer files against
  the CPU of the bare pipeline on the same files (pypdfium2 ``get_text_range`` per page, or the
  file's text, then ``nlp.pipe`` of the same spaCy model, every component on). Target <= 1.0.
* jobs: the wall time of ``batch --jobs 1`` and ``--jobs 2`` over the corpus text files (fresh
  processes; meaningful only on an otherwise idle machine). Target: jobs 2 >= 1.7 x faster.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
LINES_PER_PAGE = 46


def _source_lines() -> list[str]:
    """Lines of real court text (about 90 characters each) from the corpus's plain-text filings."""
    lines: list[str] = []
    for path in sorted(CORPUS.glob("*.txt")):
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
        for para in text.encode("cp1252", errors="replace").decode("cp1252").split("\n\n"):
            para = " ".join(para.split())
            if para:
                lines.extend(textwrap.wrap(para, 90))
                lines.append("")
    return lines


def make_pdf_bytes(n_pages: int) -> bytes:
    """A text PDF of ``n_pages`` Letter pages of corpus text (Helvetica 10 pt), built by hand."""
    sys.path.insert(0, str(ROOT / "tests"))
    from helpers_pdf import Text, make_pdf

    lines = _source_lines()
    pages, k = [], 0
    for p in range(n_pages):
        items = []
        for row in range(LINES_PER_PAGE):
            line = lines[k % len(lines)]
            k += 1
            if line:
                items.append(Text(54, 40 + 15 * row, line, size=10))
        items.append(Text(300, 752, str(p + 1), size=10))
        pages.append(items)
    return make_pdf(pages)


def _child_extract(path: str) -> None:
    import resource

    sys.path.insert(0, str(ROOT))
    from extractor import extract_file
    from extractor.ingest import IngestSettings
    from extractor.pipeline import load_pipeline

    load_pipeline()
    t0 = time.process_time()
    result = extract_file(path, settings=IngestSettings(ocr=False))
    cpu = time.process_time() - t0
    print(json.dumps({"cpu": cpu, "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                      "facts": len(result["facts"]), "pages": len(result["document"]["pages"]),
                      "chars": result["document"]["text_length"]}))


def _run_child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"child failed: {out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_pages(sizes: list[int]) -> None:
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'pages':>6} {'chars':>10} {'facts':>7} {'CPU s':>8} {'s/page':>7} {'peak RSS':>9}  ratios to the first row")
        for n in sizes:
            path = Path(tmp) / f"synthetic_{n}.pdf"
            path.write_bytes(make_pdf_bytes(n))
            row = _run_child("--child-extract", str(path))
            rows[n] = row
            base = rows[sizes[0]]
            spp, base_spp = row["cpu"] / n, base["cpu"] / sizes[0]
            print(f"{n:6d} {row['chars']:10,d} {row['facts']:7d} {row['cpu']:8.1f} {spp:7.3f} "
                  f"{row['maxrss_kb'] / 1024:7.0f} MB  s/page x{spp / base_spp:.2f}, RSS x{row['maxrss_kb'] / base['maxrss_kb']:.2f}",
                  flush=True)
            path.unlink()


def _corpus_files() -> list[Path]:
    return [p for p in sorted(CORPUS.iterdir()) if p.suffix in (".pdf", ".txt") and not p.name.startswith("scanned_")]


def _child_corpus() -> None:
    sys.path.insert(0, str(ROOT))
    import pypdfium2

    from extractor import extract_file
    from extractor.ingest import IngestSettings, read_file
    from extractor.pipeline import BASE_MODEL, load_pipeline

    import spacy

    files = _corpus_files()
    bare_nlp = spacy.load(BASE_MODEL)
    bare_nlp.max_length = 10_000_000
    load_pipeline()
    # one warm-up of each so that lazy initialisation is not counted
    bare_nlp("Warm up the pipeline.")
    extract_file(files[-1], settings=IngestSettings(ocr=False))

    t0 = time.process_time()
    texts = []
    for path in files:
        if path.suffix == ".pdf":
            pdf = pypdfium2.PdfDocument(str(path))
            texts.append("\n".join(page.get_textpage().get_text_range() for page in pdf))
            pdf.close()
        else:
            texts.append(read_file(path, IngestSettings(ocr=False))[0].text)
    for _ in bare_nlp.pipe(texts):
        pass
    bare = time.process_time() - t0

    t0 = time.process_time()
    for path in files:
        extract_file(path, settings=IngestSettings(ocr=False))
    ours = time.process_time() - t0
    print(json.dumps({"files": len(files), "bare": bare, "ours": ours}))


def bench_corpus() -> None:
    row = _run_child("--child-corpus")
    print(f"corpus ({row['files']} text-layer files): bare pypdfium2 + nlp.pipe {row['bare']:.1f} s CPU, "
          f"our extraction {row['ours']:.1f} s CPU, ratio {row['ours'] / row['bare']:.2f} (target <= 1.0)")


def bench_jobs() -> None:
    files = [str(p) for p in _corpus_files()]
    walls = {}
    with tempfile.TemporaryDirectory() as tmp:
        for jobs in (1, 2):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "extractor", "batch", *files, "-o", f"{tmp}/j{jobs}.jsonl",
                            "--no-ocr", "--no-resume", "--no-progress", "--jobs", str(jobs)],
                           cwd=ROOT, check=True, capture_output=True)
            walls[jobs] = time.perf_counter() - t0
        same = Path(f"{tmp}/j1.jsonl").read_bytes() == Path(f"{tmp}/j2.jsonl").read_bytes()
    print(f"batch wall: --jobs 1 {walls[1]:.1f} s, --jobs 2 {walls[2]:.1f} s, speed-up x{walls[1] / walls[2]:.2f} "
          f"(target >= 1.7 on an idle 2-core machine); same bytes: {same}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, nargs="*", default=[40, 100, 200, 400, 1000])
    ap.add_argument("--corpus-only", action="store_true")
    ap.add_argument("--jobs", action="store_true", help="only the --jobs 2 vs --jobs 1 wall time")
    ap.add_argument("--child-extract", help=argparse.SUPPRESS)
    ap.add_argument("--child-corpus", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child_extract:
        _child_extract(args.child_extract)
    elif args.child_corpus:
        _child_corpus()
    elif args.jobs:
        bench_jobs()
    else:
        if not args.corpus_only:
            bench_pages(args.pages)
        bench_corpus()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(main())
