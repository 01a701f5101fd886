"""OCR of one PDF page with Tesseract (the system ``tesseract`` program).

The page is rendered with pypdfium2 to a grayscale image, written to a
temporary PNG and read by ``tesseract … tsv`` in a subprocess with a time
limit, so a stuck page cannot hang a batch and only one page image is alive at
a time. ``OMP_THREAD_LIMIT=1`` is set for Tesseract: on these machines one page
takes about 4 s with it and 15–140 s without (NOTES.md, "OCR").
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from functools import lru_cache

from .layout import Glyph

# Render resolution: Tesseract is most accurate on 300 dpi text.
OCR_DPI = 300
# Largest page image rendered (pixels): a Letter page at 300 dpi has 8.4 million.
MAX_PIXELS = 40_000_000
# Words Tesseract is less sure of than this (0–100) are dropped: they are mostly specks and rules.
MIN_CONFIDENCE = 30


class OcrError(Exception):
    """Tesseract failed, timed out or is missing."""


@lru_cache(maxsize=1)
def tesseract_path() -> str | None:
    """Path of the ``tesseract`` program, or None when it is not installed."""
    return shutil.which("tesseract")


def available() -> bool:
    """True when Tesseract with English data is installed."""
    return tesseract_path() is not None


def ocr_page(page, *, timeout: float = 120.0, dpi: int = OCR_DPI) -> tuple[list[list[Glyph]], float, float]:
    """OCR one pypdfium2 page.

    Args:
        page: a ``pypdfium2.PdfPage``.
        timeout: seconds Tesseract may run.
        dpi: render resolution.
    Returns:
        ``(lines, width, height)``: Tesseract's lines in reading order, each a list of
        word :class:`Glyph` boxes (points, top-down, page as displayed), and the displayed
        page size in points.
    Raises:
        OcrError: Tesseract missing, failed, or ran out of time.
    """
    exe = tesseract_path()
    if exe is None:
        raise OcrError("tesseract is not installed")
    width, height = page.get_size()
    # at most MAX_PIXELS pixels: a hostile page size must not allocate gigabytes
    scale = min(dpi / 72.0, (MAX_PIXELS / max(width * height, 1.0)) ** 0.5)
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        image = bitmap.to_pil()
        with tempfile.TemporaryDirectory(prefix="ocr-") as tmp:
            png = os.path.join(tmp, "page.png")
            image.save(png)
            del image
            env = dict(os.environ, OMP_THREAD_LIMIT="1")
            try:
                proc = subprocess.run([exe, png, "stdout", "-l", "eng", "--psm", "3", "--dpi", str(round(72 * scale)),
                                       "-c", "tessedit_do_invert=0", "tsv"],
                                      capture_output=True, timeout=timeout, env=env, check=False)
            except subprocess.TimeoutExpired as exc:
                raise OcrError(f"timed out after {timeout:.0f} s") from exc
            except OSError as exc:
                raise OcrError(str(exc)) from exc
    finally:
        bitmap.close()
    if proc.returncode != 0:
        raise OcrError(proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or "tesseract failed")
    return parse_tsv(proc.stdout.decode("utf-8", "replace"), scale), width, height


def parse_tsv(tsv: str, scale: float) -> list[list[Glyph]]:
    """Turn Tesseract TSV output into lines of word glyphs (pixels divided by ``scale`` → points).

    Only level-5 rows (words) with text and confidence ≥ :data:`MIN_CONFIDENCE` are kept.
    Lines come in Tesseract's reading order (it finds columns and blocks itself); each
    word takes the top and bottom of its line (level 4).
    """
    lines: dict[tuple[str, ...], list[Glyph]] = {}
    line_box: dict[tuple[str, ...], tuple[int, int]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] not in ("4", "5"):
            continue
        try:
            left, top, w, h = (int(c) for c in cols[6:10])
            conf = float(cols[10])
        except ValueError:
            continue
        key = tuple(cols[1:5])  # page, block, paragraph, line
        if cols[0] == "4":
            line_box[key] = (top, top + h)
            continue
        text = cols[11].strip()
        if not text or conf < MIN_CONFIDENCE:
            continue
        y_top, y_bottom = line_box.get(key, (top, top + h))
        x0, x1 = left / scale, (left + w) / scale
        y0, y1 = y_top / scale, y_bottom / scale
        lines.setdefault(key, []).append(Glyph(text, x0, y0, x1, y1, max(y1 - y0, 1.0), 0))
    return [words for words in lines.values() if words]
