"""Page images for the review desk: a page rendered with its size, and facts
located on it as boxes in PDF points (a corpus PDF)."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor.review.pdfview import fact_boxes, render_page

PDF = Path(__file__).resolve().parent.parent / "corpus" / "order_ca10_in_re_liebowitz.pdf"


@pytest.fixture(scope="module")
def pdf() -> bytes:
    if not PDF.exists():
        pytest.skip("corpus PDF missing")
    return PDF.read_bytes()


def test_render_page(pdf):
    png, width, height = render_page(pdf, 1)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and (width, height) == (612.0, 792.0)  # US letter, in points
    with pytest.raises(ValueError, match="not in this PDF"):
        render_page(pdf, 9)


def test_fact_boxes(pdf):
    boxes = fact_boxes(pdf, 1, [("f1", "Liebowitz", 0), ("f2", "no such words here", 0), ("f3", "  ", 0)])
    assert set(boxes) == {"f1"}                                  # words not on the page: no box
    x0, top, x1, bottom = boxes["f1"][0]
    assert 0 <= x0 < x1 <= 612 and 0 <= top < bottom <= 792
    assert fact_boxes(pdf, 9, [("f1", "Liebowitz", 0)]) == {}    # a page that is not there
