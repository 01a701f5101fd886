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


def ocr_page(page, *, timeout: float = 120.0, dpi: int = OCR_DPI) -> tuple[list[Glyph], float, float]:
    """OCR one pypdfium2 page.

    Args:
        page: a ``pypdfium2.PdfPage``.
        timeout: seconds Tesseract may run.
        dpi: render resolution.
    Returns:
        ``(words, width, height)``: one :class:`Glyph` per recognized word (box in
        points, top-down, in the page as displayed), and the displayed page size in points.
    Raises:
        OcrError: Tesseract missing, failed, or ran out of time.
    """
    exe = tesseract_path()
    if exe is None:
        raise OcrError("tesseract is not installed")
    scale = dpi / 72.0
    width, height = page.get_size()
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        image = bitmap.to_pil()
        with tempfile.TemporaryDirectory(prefix="ocr-") as tmp:
            png = os.path.join(tmp, "page.png")
            image.save(png)
            del image
            env = dict(os.environ, OMP_THREAD_LIMIT="1")
            try:
                proc = subprocess.run([exe, png, "stdout", "-l", "eng", "--psm", "3", "--dpi", str(dpi), "tsv"],
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


def parse_tsv(tsv: str, scale: float) -> list[Glyph]:
    """Turn Tesseract TSV output into word glyphs (pixels divided by ``scale`` → points).

    Only level-5 rows (words) with text and confidence ≥ :data:`MIN_CONFIDENCE` are kept.
    """
    words: list[Glyph] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        try:
            left, top, w, h = (int(c) for c in cols[6:10])
            conf = float(cols[10])
        except ValueError:
            continue
        if not text or conf < MIN_CONFIDENCE:
            continue
        x0, y0 = left / scale, top / scale
        x1, y1 = (left + w) / scale, (top + h) / scale
        words.append(Glyph(text, x0, y0, x1, y1, max(y1 - y0, 1.0), 0))
    return words
