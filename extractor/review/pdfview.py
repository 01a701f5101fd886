"""A PDF page rendered as an image with a fact's words boxed.

pdfplumber finds the words' character boxes (``page.search``) and renders the
page (through pypdfium2). The fact is located by its text: the n-th match on
the page, where n counts the same words earlier on the page in
``document.text`` (the two texts come from the same characters, so their
order agrees).
"""
from __future__ import annotations

import io
import re

from .text import find_spans


def _line_boxes(match: dict) -> list[tuple[float, float, float, float]]:
    """One ``(x0, top, x1, bottom)`` box per text line of a search match."""
    lines: dict[int, list[dict]] = {}
    for ch in match.get("chars", []):
        lines.setdefault(round(ch["top"] / 3), []).append(ch)
    boxes = [(min(c["x0"] for c in cs), min(c["top"] for c in cs), max(c["x1"] for c in cs),
              max(c["bottom"] for c in cs)) for _, cs in sorted(lines.items())]
    return boxes or [(match["x0"], match["top"], match["x1"], match["bottom"])]


def page_image_with_box(pdf_bytes: bytes, page_number: int, fact_text: str, occurrence: int = 0,
                        resolution: int = 100):
    """Render one page with the fact's words boxed in red.

    Args:
        pdf_bytes: the PDF file (stray bytes before ``%PDF`` are skipped).
        page_number: 1-based page.
        fact_text: the fact's ``text``.
        occurrence: 0-based index of the match to box when the words repeat on the page.
        resolution: dots per inch of the image.
    Returns:
        ``(PIL.Image, found)``: the page image, and whether the words were found
        and boxed (False: the page is shown without a box).
    Raises:
        ValueError: when the page does not exist; pdfplumber errors for unreadable PDFs.
    """
    import pdfplumber

    start = max(pdf_bytes.find(b"%PDF"), 0)
    with pdfplumber.open(io.BytesIO(pdf_bytes[start:])) as pdf:
        if not 1 <= page_number <= len(pdf.pages):
            raise ValueError(f"page {page_number} is not in this PDF ({len(pdf.pages)} pages)")
        page = pdf.pages[page_number - 1]
        words = fact_text.split()
        matches = []
        if words:
            pattern = r"\s*".join(re.escape(w) for w in words)
            matches = page.search(pattern, regex=True, case=True) or page.search(pattern, regex=True, case=False)
        image = page.to_image(resolution=resolution)
        found = bool(matches)
        if found:
            match = matches[min(occurrence, len(matches) - 1)]
            for box in _line_boxes(match):
                image.draw_rect(box, fill=(255, 230, 0, 60), stroke=(220, 0, 0), stroke_width=3)
        return image.annotated.convert("RGB"), found


def occurrence_on_page(text: str, page: dict, fact: dict) -> int:
    """How many times the fact's words occur on its page before the fact itself
    (``page`` is a FACTS.md page span; ``text`` is ``document.text``)."""
    page_text = text[page["start_char"]:page["end_char"]]
    before = fact["start_char"] - page["start_char"]
    return sum(1 for s, _ in find_spans(page_text, fact["text"], limit=10_000) if s < before)


def render_page(pdf_bytes: bytes, page_number: int, scale: float = 1.3) -> tuple[bytes, float, float]:
    """One page as a PNG (pypdfium2), with the page size.

    Args:
        pdf_bytes: the PDF file (stray bytes before ``%PDF`` are skipped).
        page_number: 1-based page.
        scale: pixels per PDF point (1.3 is about 94 dpi).
    Returns:
        ``(png bytes, width, height)``, the size in PDF points.
    Raises:
        ValueError: when the page does not exist; pypdfium2 errors for unreadable PDFs.
    """
    import pypdfium2 as pdfium

    start = max(pdf_bytes.find(b"%PDF"), 0)
    pdf = pdfium.PdfDocument(pdf_bytes[start:])
    try:
        if not 1 <= page_number <= len(pdf):
            raise ValueError(f"page {page_number} is not in this PDF ({len(pdf)} pages)")
        page = pdf[page_number - 1]
        width, height = page.get_size()
        image = page.render(scale=scale).to_pil().convert("RGB")
        buf = io.BytesIO()
        image.save(buf, format="PNG", optimize=False)
        return buf.getvalue(), float(width), float(height)
    finally:
        pdf.close()


def fact_boxes(pdf_bytes: bytes, page_number: int, facts: list[tuple[str, str, int]]) -> dict[str, list]:
    """Where facts are on a page, in PDF points.

    Args:
        pdf_bytes: the PDF file.
        page_number: 1-based page.
        facts: ``(fact_id, fact text, occurrence)`` triples; ``occurrence`` as
            :func:`occurrence_on_page` gives it.
    Returns:
        ``{fact_id: [(x0, top, x1, bottom), ...]}`` with one box per text line;
        facts whose words are not found on the page are left out.
    """
    import pdfplumber

    start = max(pdf_bytes.find(b"%PDF"), 0)
    out: dict[str, list] = {}
    with pdfplumber.open(io.BytesIO(pdf_bytes[start:])) as pdf:
        if not 1 <= page_number <= len(pdf.pages):
            return out
        page = pdf.pages[page_number - 1]
        for fid, text, occurrence in facts:
            words = text.split()
            if not words:
                continue
            pattern = r"\s*".join(re.escape(w) for w in words)
            matches = page.search(pattern, regex=True, case=True) or page.search(pattern, regex=True, case=False)
            if matches:
                out[fid] = _line_boxes(matches[min(occurrence, len(matches) - 1)])
    return out
