"""Non-PDF formats and the cleaning rules as tables: text encodings, HTML, Word, unsupported files,
ECF header / page-number patterns, hyphen joining, garbage detection, footer spotting."""
from __future__ import annotations

import io
import json

import pytest

from extractor.errors import ERROR_MESSAGES, InputError
from extractor.ingest import read_bytes, sniff_format
from extractor.ingest.layout import Glyph, Line, Segment
from extractor.ingest.pdf import looks_garbled
from extractor.ingest.pleading import (PAGE_NUMBER, hyphen_prefixes, is_ecf_header, join_hyphenated,
                                       repeated_footers, strip_margin_numbers)

TEXT = "ORDER \u00a7 1983 \u2014 the Court GRANTS the motion. Caf\u00e9 r\u00e9sum\u00e9."


@pytest.mark.parametrize("encoding", [
    "utf-8",       # the usual
    "utf-8-sig",   # with a byte-order mark
    "utf-16",      # Windows "Unicode" text
    "cp1252",      # Windows Western (section sign as 0xA7)
])
def test_text_encodings(encoding):
    data = (TEXT + "\n") * 20
    src = read_bytes(data.encode(encoding), "order.txt")
    assert src.text.split("\n")[0] == TEXT and src.has_pages is False


def test_latin1_section_sign():
    # a Latin-1 file like the BVA decision: "\u00a7" survives
    src = read_bytes(("38 U.S.C. \u00a7 5110 applies to the effective date of the award here.\n" * 10).encode("latin-1"), "d.txt")
    assert src.text.startswith("38 U.S.C. \u00a7 5110")


def test_html_visible_text_only():
    # scripts and styles are dropped, blocks become paragraphs
    html = b"<html><head><style>p{}</style><script>var x=1</script></head><body><h1>Order</h1><p>The motion is <b>granted</b>.</p></body></html>"
    assert read_bytes(html, "o.html").text == "Order\n\nThe motion is granted."


def test_docx_paragraphs_and_tables():
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("ORDER GRANTING MOTION")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Plaintiff"
    table.rows[0].cells[1].text = "Jane Roe"
    buf = io.BytesIO()
    document.save(buf)
    assert read_bytes(buf.getvalue(), "o.docx").text == "ORDER GRANTING MOTION\nPlaintiff  Jane Roe"


@pytest.mark.parametrize("data, name, code", [
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "photo.png", "input.unsupported_format"),   # an image
    (b"PK\x03\x04" + bytes(200), "archive.zip", "input.unsupported_format"),        # a zip that is not Word
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200), "old.doc", "input.unsupported_format"),  # legacy .doc
    (b"PK\x03\x04word/" + bytes(200), "broken.docx", "docx.corrupt"),               # a damaged Word file
    (b"", "empty.txt", "input.empty"),                                               # nothing
])
def test_unsupported_and_broken(data, name, code):
    with pytest.raises(InputError) as exc:
        read_bytes(data, name)
    assert exc.value.code == code and exc.value.code in ERROR_MESSAGES


def test_sniff_prefers_bytes_over_name():
    # a PDF named .txt is read as a PDF
    assert sniff_format(b"%PDF-1.4\n...", "notes.txt") == "pdf"


@pytest.mark.parametrize("text, expected", [
    ("Case 2:20-cv-01234-ABC Document 45 Filed 05/01/20 Page 3 of 12", True),              # district stamp
    ("Case 8:16-cv-01261-DOC-KES Document 40 Filed 08/05/16 Page 2 of 4 Page ID #:366", True),  # with Page ID
    ("Case 1:21-cv-01061-KLM Document 1 Filed 04/16/21 USDC Colorado Page 3 of 16", True),  # court name inside
    ("Case: 20-1507 Document: 00117684624 Page: 2 Date Filed: 12/22/2020 Entry ID: 6390389", True),  # appellate
    ("Appellate Case: 21-800 Document: 010110462922 Date Filed: 01/26/2021 Page: 1", True),  # 10th Cir.
    ("Case 2:20-cv-01234 Document 45-1 Filed 05/01/20 Page 1 of 3", True),                  # an attachment
    ("In this case the document was filed late.", False),                                  # prose
    ("Case No. 2:25-cv-00417", False),                                                     # a caption docket number
    ("as held in Case 2:20-cv-1 Document 12 Filed 05/01/20 and later", False),              # prose citing a filing
    ("case 2:20-cv-1 document 12 filed 05/01/20", False),                                  # lower case: prose
])
def test_ecf_header_pattern(text, expected):
    assert is_ecf_header(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("3", True), ("- 3 -", True), ("Page 3", True), ("Page 3 of 12", True), ("3 of 12", True),  # page numbers
    ("-ii-", True),                                                                          # roman
    ("3. The Court", False), ("$300", False), ("Section 3", False),                         # not page numbers
])
def test_page_number_pattern(text, expected):
    assert bool(PAGE_NUMBER.match(text)) is expected


@pytest.mark.parametrize("lines, expected", [
    (["the defen-", "dant moved"], ["the defendant", "moved"]),           # joined, rest stays on its line
    (["the defen-", "dant"], ["the defendant"]),                         # next line used up: dropped
    (["a well-known rule"], ["a well-known rule"]),                      # inside a line: kept
    (["the self-", "represented party"], ["the self-represented", "party"]),  # listed prefix keeps the hyphen
    (["see Exhibit A-", "1 attached"], ["see Exhibit A-", "1 attached"]),  # a digit follows: kept
    (["the Anti-", "Defamation League"], ["the Anti-", "Defamation League"]),  # capital follows: kept
    (["he said --", "and left"], ["he said --", "and left"]),            # a dash, not a hyphen
    (["the defen-", "dant’s motion"], ["the defendant’s", "motion"]),    # apostrophe kept with the word
    (["the worst-", "case-scenario test"], ["the worst-case-scenario", "test"]),  # a compound going on keeps it
])
def test_join_hyphenated(lines, expected):
    assert join_hyphenated(lines) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Court grants the motion in part and denies it in part for the reasons below. " * 3, False),  # prose
    ("ARTICLE I MEMBERSHIP BYLAWS 1. ALL MEMBERS MUST HAVE A PROFILE PICTURE AND A NAME " * 3, False),  # capitals
    ("Tl1e c0urt gr@nts tbe rn0ti0n |n p@rt ~ ,,. ;i1 AI\\GELA 8e ~~ " * 3, True),             # bad OCR layer
    ("\ufffd\ufffd\ufffd\ufffd ab", True),                                                   # unmapped glyphs
    ("short text", False),                                                                  # too little to judge
])
def test_looks_garbled(text, expected):
    assert looks_garbled(text) is expected


def _line(x, top, text, width=612, height=792):
    glyphs, pos = [], x
    for ch in text:
        if ch != " ":
            glyphs.append(Glyph(ch, pos, top, pos + 6, top + 12, 12))
        pos += 6
    return Line([Segment(glyphs)], width, height)


def test_margin_numbers_need_a_rising_column():
    # numbered paragraphs "1 ..." "2 ..." at the body margin are not pleading numbers (text starts at the same x)
    lines = [_line(72, 100 + 20 * i, f"{i + 1} item text here") for i in range(6)]
    lines += [_line(72, 300 + 20 * i, "body text line that starts at the margin") for i in range(6)]
    assert strip_margin_numbers(lines)[1] is None


def test_margin_numbers_removed():
    # numbers alone at x=40 with the body at x=100: removed and reported
    lines = [_line(40, 100 + 24 * i, str(i + 1)) for i in range(8)] + [_line(100, 112 + 24 * i, "body") for i in range(8)]
    kept, removed = strip_margin_numbers(lines)
    assert removed == "1 2 3 4 5 6 7 8" and [ln.text for ln in kept] == ["body"] * 8


def test_repeated_footers_need_two_pages_and_letters():
    # a footer on both pages counts; a bare number at the bottom does not (page numbers are separate)
    pages = [[_line(200, 760, f"DEFENDANT'S MOTION - {n}"), _line(300, 770, str(n))] for n in (1, 2)]
    assert repeated_footers(pages) == frozenset({"foot:defendant s motion"})


def test_running_heads_need_many_pages():
    # a page-opening body line on 3 of 10 pages is not a running head; a case-name head on 5 of 10 is
    words = "alpha beta gamma delta epsilon zeta eta theta iota kappa".split()
    pages = [[_line(100, 60, "THE DEFENDANT: That is true." if n < 3 else f"The {words[n]} motion is moot."),
              _line(100, 400, f"more {words[n]} text")] for n in range(10)]
    pages = [[_line(100, 60, f"{n} TARRANT v. HERRMANN")] + p if n % 2 else p for n, p in enumerate(pages)]
    assert repeated_footers(pages) == frozenset({"head:tarrant v herrmann"})


def test_models_ingest_json_round_trip():
    # the hyphen-prefix list loads as written
    from pathlib import Path
    data = json.loads((Path(__file__).resolve().parent.parent / "models" / "ingest.json").read_text(encoding="utf-8"))
    assert hyphen_prefixes() == frozenset(data["hyphen_keep_prefixes"]) and "self" in hyphen_prefixes()


def test_docx_with_xml_comments_reads_its_text():
    """An XML comment in the body or inside a paragraph is no element to read (issue 14)."""
    import zipfile

    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("ORDER GRANTING MOTION")
    buf = io.BytesIO()
    document.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body><!-- a comment -->", 1)
                data = data.replace(b"<w:r>", b"<w:r><!-- inside -->", 1)
            dst.writestr(item, data)
    assert read_bytes(out.getvalue(), "c.docx").text == "ORDER GRANTING MOTION"


def test_lone_surrogates_become_replacement_characters():
    # pdfium reports lone UTF-16 surrogates for some damaged font maps (a mutated corpus PDF gave
    # U+DF10 and a UnicodeEncodeError on output): one U+FFFD for each, offsets unchanged
    from extractor.ingest.clean import normalize_chars

    assert normalize_chars("a\udf10b\U0001F600c\ud800") == "a\ufffdb\U0001F600c\ufffd"
