"""Ingestion of the real corpus: pleading-paper and ECF documents come out without margin numbers
or ECF stamps in the body, with the stamps kept per page; a scanned page is OCRed into words."""
from __future__ import annotations

import re

import pytest

from extractor.ingest import IngestSettings, read_file
from extractor.ingest.pleading import is_ecf_header

NO_OCR = IngestSettings(ocr=False)

# (file, pages that carry an ECF stamp, pages with margin line numbers at least)
PLEADING = [
    ("order_prelim_injunction_cdcal_consumerinfo_v_leon.pdf", 4, 4),   # C.D. Cal. 28-line pleading paper
    ("order_suggestion_of_remand_dariz_bard_ivc_mdl.pdf", 0, 1),       # numbered first page, landscape tables
    ("transcript_ndcal_us_v_levandowski_sentencing.pdf", 79, 78),      # 25-line transcript with ECF stamps
    ("transcript_ndcal_us_v_silcox_change_of_plea.pdf", 0, 37),        # transcript without stamps
    ("complaint_edcal_ipamg_v_ironshore.pdf", 24, 24),                 # complaint on pleading paper
    ("complaint_dcolo_berkshire_life_v_schubert.pdf", 16, 0),          # "USDC Colorado" inside the stamp
    ("opinion_ca1_calvary_chapel_v_mills.pdf", 17, 0),                 # appellate stamp, drawn last on the page
]


@pytest.mark.parametrize("name, stamped, numbered", PLEADING)
def test_pleading_documents_clean(shared_dir, name, stamped, numbered):
    src, _ = read_file(shared_dir / "corpus" / "real" / name, NO_OCR)
    lines = src.text.split("\n")
    # no line that is only a margin number, no ECF stamp left in the body
    assert [ln for ln in lines if re.fullmatch(r"\s*([1-9]|1\d|2[0-8])\s*", ln)] == []
    assert [ln for ln in lines if is_ecf_header(ln)] == []
    # the stamps and numbers are kept on their pages
    kinds = [{r["kind"] for r in p.removed} for p in src.pages]
    assert sum("ecf_header" in k for k in kinds) == stamped
    assert sum("line_numbers" in k for k in kinds) >= numbered
    # the page map still slices the text
    assert all(src.text[p.start_char:p.end_char] == src.text[p.start_char:p.end_char].strip("\n") for p in src.pages)


def test_ecf_stamp_fields_readable(shared_dir):
    # the removed stamp keeps docket number and filing date for the anchor
    src, _ = read_file(shared_dir / "corpus" / "real" / "order_prelim_injunction_cdcal_consumerinfo_v_leon.pdf", NO_OCR)
    stamp = [r["text"] for r in src.pages[0].removed if r["kind"] == "ecf_header"][0]
    assert stamp.startswith("Case 8:16-cv-01261-DOC-KES Document 40 Filed 08/05/16 Page 1 of 4")


def test_scanned_page_is_ocred(shared_dir):
    # a one-page image-only opinion reads as words through Tesseract
    from extractor.ingest import ocr
    if not ocr.available():
        pytest.skip("tesseract is not installed")
    src, _ = read_file(shared_dir / "corpus" / "real" / "scanned_opinion_tn_wcab_goodwin_v_morristown.pdf")
    assert src.pages[0].ocr is True
    assert "Reversed and Remanded" in src.text and "interlocutory appeal" in src.text
