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
