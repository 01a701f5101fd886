"""Redacted export (``redact``) and the review/batch privacy helpers (``extractor.review.privacy``)."""
from __future__ import annotations

import re
import shutil

import pytest

from extractor.cli import main
from extractor.extract import extract_text
from extractor.redact import allowed_mask, redact_bytes
from extractor.review.privacy import flag_text, privacy_flags, privacy_rows, redacted_download
from helpers_pdf import Text, make_pdf

# (kind, text, masked): what each rule lets a copy show, one character for one
MASKS = [
    ("ssn", "457-31-9082", "XXX-XX-9082"),                      # last four digits, 5.2(a)(1)
    ("ssn", "531-XX-XXXX", "XXX-XX-XXXX"),                      # the first three are no part of the last four
    ("tin", "953726184", "XXXXX6184"),
    ("account", "5561-0093-2218", "XXXX-XXXX-2218"),            # 5.2(a)(4)
    ("dob", "03/14/1987", "XX/XX/1987"),                        # the year only, 5.2(a)(2)
    ("dob", "August 9, 1979", "XXXXXX X, 1979"),
    ("minor", "AMELIA HARTWELL", "A.     H.      "),            # initials, 5.2(a)(3)
    ("address", "2217 Wrenfield Drive, Apt. 4B, Columbus, Ohio 43215",
     "XXXX XXXXXXXXX XXXXX, XXX. XX, Columbus, Ohio XXXXX"),    # city and state, 49.1(a)(5)
]


@pytest.mark.parametrize("kind,text,masked", MASKS)
def test_allowed_mask(kind, text, masked):
    assert allowed_mask({"type": "identifier", "kind": kind, "text": text}) == masked


TEXT = ("Case No. 3:25-cv-01877-RMK\n\nPlaintiff's Social Security number is 457-31-9082. "
        "Her account ending in 4821 was closed.\n")


def test_text_export_masks_in_place():
    """The copy is the masked ``document.text`` (the same page map: every offset holds)."""
    out, mime = redact_bytes(TEXT.encode(), "filing.txt")
    masked = out.decode()
    assert mime == "text/plain" and len(masked) == len(extract_text(TEXT, include_text=True)["document"]["text"])
    assert "XXX-XX-9082" in masked and "457-31" not in masked and "ending in 4821" in masked


def test_types_mask_whole_facts():
    out, _ = redact_bytes(TEXT.encode(), "filing.txt", types=frozenset({"citation", "date"}))
    assert "3:25-cv-01877-RMK" in out.decode()  # a docket number is no fact of those types
    result = extract_text("Filed January 5, 2026.\n")
    out, _ = redact_bytes(b"Filed January 5, 2026.\n", "f.txt", types=frozenset({"date"}), result=None)
    assert [f["text"] for f in result["facts"] if f["type"] == "date"] == ["January 5, 2026"]
    assert out.decode() == "Filed XXXXXXX X, XXXX."


def test_flags_and_rows():
    result = extract_text(TEXT)
    assert privacy_flags(result) == ["identifier.unredacted"]
    rows = privacy_rows(result)
    assert [(r["kind"], r["status"], r["masked"]) for r in rows["identifiers"]] == [
        ("ssn", "violation", "XXX-XX-9082"), ("account", "redacted", "4821")]
    assert rows["redactions"] == []
    assert flag_text(result) == "unredacted identifier"
    assert privacy_flags(extract_text("Nothing private here.\n")) == []
    assert privacy_flags({"document": {"redactions": [{"page": 1, "bbox": [0, 0, 1, 1], "text_under": True}]},
                          "facts": []}) == ["pdf.bad_redaction"]


def test_cli_redact(tmp_path, capsys):
    src, out = tmp_path / "filing.txt", tmp_path / "out.txt"
    src.write_text(TEXT)
    assert main(["redact", str(src), "-o", str(out)]) == 0
    assert "XXX-XX-9082" in out.read_text()
    assert main(["redact", str(tmp_path / "missing.txt"), "-o", str(out)]) == 2
    assert "[input.not_found]" in capsys.readouterr().err
    assert main(["redact", str(src), "-o", str(out), "--types", "nonsense"]) == 2


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
def test_pdf_export_burns_boxes_and_stays_searchable():
    import pypdfium2 as pdfium

    data = make_pdf([[Text(72, 72, "Case No. 3:25-cv-01877-RMK"),
                      Text(72, 110, "Plaintiff's Social Security number is 457-31-9082 and"),
                      Text(72, 130, "the complaint was filed in the Southern District.")]])
    out, name, mime = redacted_download(data, "filing.pdf")
    assert (name, mime) == ("filing.redacted.pdf", "application/pdf")
    pdf = pdfium.PdfDocument(out)
    text = pdf[0].get_textpage().get_text_range()
    digits = re.sub(r"\D", "", text)
    assert "45731" not in digits and "457319082" not in digits  # nothing under the box survives
    assert "Security" in text and "complaint" in text  # OCR gave the page a text layer again
    import sys
    assert "ocrmypdf" not in sys.modules  # it patches pdfminer when imported: it runs in a child process


def test_char_boxes_follow_a_fact_across_lines():
    import pypdfium2 as pdfium

    from extractor.redact import _char_boxes

    data = make_pdf([[Text(72, 72, "He resides at 18 Alder Road,"), Text(72, 90, "Bend, Oregon 97701 now.")]])
    page = pdfium.PdfDocument(data)[0]
    textpage = page.get_textpage()
    fact = {"type": "identifier", "kind": "address", "text": "18 Alder Road,\nBend, Oregon 97701"}
    boxes = _char_boxes(textpage, fact["text"], allowed_mask(fact))
    assert len(boxes) == len("18Alder Road".replace(" ", "")) + 5  # street letters and digits, then the ZIP
    assert len({round(b[1]) for b in boxes}) == 2  # on both lines
    assert _char_boxes(textpage, "no such words", "XX XXXX XXXXX") == []
