"""Benchmark of the PDF text stage (not a test): pages per second before/after, and memory (C-11).

Usage::

    .venv/bin/python bench/bench_ingest.py                 # speed on the corpus text PDFs
    .venv/bin/python bench/bench_ingest.py --memory        # C-11: 400- vs 40-page peak memory
    .venv/bin/python bench/bench_ingest.py FILE.pdf ...    # speed on chosen files

Speed rows (CPU seconds of this process, so other load on the machine matters less):

* ``pdfplumber extract_text`` – the reader before issue 3 (layout-free, no cleaning);
* ``pypdfium2 get_text_range`` – raw text, no positions: the floor;
* ``ingest.read_pdf (ocr off)`` – what ingestion does now: pdfium character boxes, lines,
  columns, margin numbers, ECF headers, page numbers, footers, hyphens.

C-11: a generated 400-page text PDF and its first 40 pages are read in fresh processes; peak
resident memory (ru_maxrss) for 400 pages must stay within 1.5× that for 40, and every page's
text must equal the text of the same page read from the 40-page file.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def _text_pdfs() -> list[Path]:
    return [p for p in sorted(CORPUS.glob("*.pdf")) if not p.name.startswith("scanned_")]


def bench_speed(files: list[Path]) -> None:
    import pdfplumber
    import pypdfium2 as pdfium

    from extractor.ingest.pdf import read_pdf

    datas = [(f, f.read_bytes()) for f in files]

    def plumber(data: bytes) -> int:
        import io
        with pdfplumber.open(io.BytesIO(data[data.find(b"%PDF"):])) as pdf:
            for page in pdf.pages:
                page.extract_text(x_tolerance=1.5, y_tolerance=3)
                page.close()
            return len(pdf.pages)

    def pdfium_raw(data: bytes) -> int:
        doc = pdfium.PdfDocument(data[data.find(b"%PDF"):])
        for i in range(len(doc)):
            page = doc[i]
            tp = page.get_textpage()
            tp.get_text_range()
            tp.close()
            page.close()
        n = len(doc)
        doc.close()
        return n

    def ingest(data: bytes) -> int:
        return len(read_pdf(data, max_pages=5000, ocr=False).pages)

    print(f"{len(files)} PDFs")
    for label, fn in [("pdfplumber extract_text (before)", plumber), ("pypdfium2 get_text_range (floor)", pdfium_raw),
                      ("ingest.read_pdf, ocr off (after)", ingest)]:
        cpu0, wall0, pages = time.process_time(), time.perf_counter(), 0
        for _, data in datas:
            pages += fn(data)
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        print(f"  {label:36s} {pages:5d} pages  {pages / cpu:7.1f} pages/s CPU  {pages / wall:7.1f} pages/s wall")


def _make_long_pdf(n_pages: int) -> bytes:
    from helpers_pdf import Text, make_pdf

    pages = []
    for p in range(n_pages):
        lines = [f"Page {p + 1} line {k}: the Court has considered the motion and the record in full." for k in range(40)]
        pages.append([Text(72, 60 + 17 * k, t, size=10) for k, t in enumerate(lines)])
    return make_pdf(pages)


def _child(path: str) -> None:
    import resource

    from extractor.ingest import IngestSettings, read_bytes

    src = read_bytes(Path(path).read_bytes(), "long.pdf", IngestSettings(ocr=False))
    texts = [src.text[p.start_char:p.end_char] for p in src.pages]
    print(json.dumps({"maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "texts": texts}))


def bench_memory() -> bool:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        runs = {}
        for n in (40, 400):
            path = Path(tmp) / f"long{n}.pdf"
            path.write_bytes(_make_long_pdf(n))
            out = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True, text=True, check=True)
            runs[n] = json.loads(out.stdout)
    small, big = runs[40], runs[400]
    ratio = big["maxrss_kb"] / small["maxrss_kb"]
    same = big["texts"][:40] == small["texts"]
    ok = ratio <= 1.5 and same and len(big["texts"]) == 400
    print(f"C-11: peak RSS 40 pages {small['maxrss_kb'] / 1024:.1f} MB, 400 pages {big['maxrss_kb'] / 1024:.1f} MB, "
          f"ratio {ratio:.2f} (limit 1.5); first 40 page texts identical: {same} -> {'PASS' if ok else 'FAIL'}")
    return ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--memory", action="store_true", help="run the C-11 memory check")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(args.child)
        return 0
    if args.memory:
        return 0 if bench_memory() else 1
    bench_speed(args.files or _text_pdfs())
    return 0


if __name__ == "__main__":
    sys.exit(main())
