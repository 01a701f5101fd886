"""PDF ingestion on small hand-made PDFs: pleading paper (C-08), two columns (C-09), ECF header
across a page break (C-10), rotation, page furniture, and bad input giving stable error codes."""
from __future__ import annotations

import io
import re

import pytest

from extractor.errors import InputError
from extractor.ingest import IngestSettings, read_bytes
from helpers_pdf import Text, make_pdf, pleading_page

NO_OCR = IngestSettings(ocr=False)


def removed_of(source, kind):
    return [r["text"] for p in source.pages for r in p.removed if r["kind"] == kind]


# --- C-08 pleading paper -------------------------------------------------------------------

C08_BODY = ["MARISOL DEANE,", "Plaintiff,", "v.", "KESTREL MINING CORP.,", "Defendant.", "",
            "COMPLAINT FOR DAMAGES", "", "", "COUNT II \u2014 Breach of Contract",
            "Defendant failed to pay the sum due under the contract."]


@pytest.fixture(scope="module")
def c08():
    items = pleading_page(C08_BODY)
    items.append(Text(380, 72, "Case No. 2:25-cv-00417"))
    return read_bytes(make_pdf([items]), "c08.pdf", NO_OCR)


def test_c08_no_line_starts_with_a_margin_number(c08):
    # every one of the 28 margin numbers is gone from the body text
    assert not [ln for ln in c08.text.split("\n") if re.match(r"\s*\d{1,2}\b", ln)]


def test_c08_margin_numbers_kept_as_metadata(c08):
    # the removed numbers are recorded on the page, 1 to 28 in order
    assert removed_of(c08, "line_numbers") == [" ".join(str(n) for n in range(1, 29))]


def test_c08_body_lines_intact(c08):
    # the caption, the docket number at the right and the count heading read whole
    lines = c08.text.split("\n")
    assert "MARISOL DEANE, Case No. 2:25-cv-00417" in lines
    assert "COUNT II \u2014 Breach of Contract" in lines
    assert "KESTREL MINING CORP.," in lines


def test_c08_offsets_slice_back(c08):
    # the page map covers the text exactly
    page = c08.pages[0]
    assert (page.start_char, page.end_char) == (0, len(c08.text))


# --- C-09 two columns --------------------------------------------------------------------

LEFT = ["The court on Monday barred the", "Social Security Administration from", "giving benefit records to ICE."]
RIGHT = ["Lawyers for the agency said it", "would seek review in the Fourth", "Circuit."]


def test_c09_two_columns_read_left_then_right():
    # the left column is read whole before the right column
    items = [Text(72, 100 + 16 * i, t, size=11) for i, t in enumerate(LEFT)]
    items += [Text(320, 100 + 16 * i, t, size=11) for i, t in enumerate(RIGHT)]
    src = read_bytes(make_pdf([items]), "c09.pdf", NO_OCR)
    assert src.text.split("\n") == LEFT + RIGHT


def test_table_rows_are_not_read_as_columns():
    # short cells in a table keep their row order (negative case for the column reader)
    rows = [("Jessica Parker v. Bard", "2:15-cv-01739", "Ala. N.D."), ("Dean Becker v. Bard", "2:15-cv-02155", "Cal. C.D."),
            ("David Sizemore v. Bard", "2:15-cv-01638", "Cal. C.D."), ("Gary Milton v. Bard", "2:15-cv-01625", "Ga. M.D.")]
    items = [Text(x, 100 + 18 * i, cell) for i, row in enumerate(rows) for x, cell in zip((72, 300, 450), row)]
    src = read_bytes(make_pdf([items]), "table.pdf", NO_OCR)
    assert src.text.split("\n")[0] == "Jessica Parker v. Bard 2:15-cv-01739 Ala. N.D."


# --- C-10 ECF header across a page break -------------------------------------------------

def _c10_pdf() -> bytes:
    pages = []
    bodies = [["Plaintiffs move for a preliminary injunction.", "Plaintiffs ask the Court to enjoin the"],
              ["Department from releasing the records before July 1, 2025.", "The motion is fully briefed."]]
    for n, body in enumerate(bodies, start=1):
        pages.append(pleading_page(body, header=f"Case 3:25-cv-00981-JD Document 31 Filed 06/12/25 Page {n} of 2",
                                   footer=f"PLAINTIFFS' MOTION FOR PRELIMINARY INJUNCTION \u2013 {n}"))
    return make_pdf(pages)


@pytest.fixture(scope="module")
def c10():
    return read_bytes(_c10_pdf(), "c10.pdf", NO_OCR)


def test_c10_header_not_in_text(c10):
    # neither the ECF stamp nor its numbers (31, 1, 2) stay in the body
    assert "Document 31" not in c10.text and "Filed" not in c10.text


def test_c10_header_kept_per_page(c10):
    # each page keeps its own stamp for the filing date and docket number
    assert removed_of(c10, "ecf_header") == [f"Case 3:25-cv-00981-JD Document 31 Filed 06/12/25 Page {n} of 2" for n in (1, 2)]


def test_c10_footer_removed(c10):
    # the running footer repeated on both pages is taken off and kept
    assert "MOTION FOR PRELIMINARY" not in c10.text
    assert removed_of(c10, "footer") == [f"PLAINTIFFS' MOTION FOR PRELIMINARY INJUNCTION \u2013 {n}" for n in (1, 2)]


def test_c10_sentence_continues_across_the_break(c10):
    # page 1 ends mid-sentence and page 2 starts with its rest, nothing in between but the separator
    p1, p2 = c10.pages
    assert c10.text[p1.start_char:p1.end_char].endswith("Plaintiffs ask the Court to enjoin the")
    assert c10.text[p2.start_char:p2.end_char].startswith("Department from releasing the records before July 1, 2025.")
    assert c10.text[p1.end_char:p2.start_char] == "\n"  # one newline: the sentence goes on


# --- page furniture, hyphenation, rotation ------------------------------------------------

@pytest.mark.parametrize("items, expected", [
    # a bare page number at the bottom is removed and kept
    ([Text(72, 100, "The motion is denied."), Text(300, 760, "- 4 -")], ("The motion is denied.", ["- 4 -"])),
    # a "Page 2 of 9" line at the top likewise
    ([Text(72, 30, "Page 2 of 9"), Text(72, 100, "The motion is granted.")], ("The motion is granted.", ["Page 2 of 9"])),
    # a number inside the body is kept (negative case)
    ([Text(72, 100, "The amount due is"), Text(72, 300, "42"), Text(72, 400, "dollars in all.")],
     ("The amount due is\n42\ndollars in all.", [])),
])
def test_page_numbers(items, expected):
    src = read_bytes(make_pdf([items]), "p.pdf", NO_OCR)
    assert (src.text, removed_of(src, "page_number")) == expected


@pytest.mark.parametrize("lines, expected", [
    # a word split by a line-break hyphen is joined
    (["The court found the state-", "ment credible and the rest"], "The court found the statement\ncredible and the rest"),
    # a compound inside a line keeps its hyphen
    (["a well-known rule applies here"], "a well-known rule applies here"),
    # a listed prefix keeps its hyphen across the break
    (["the plaintiff is self-", "represented in this case"], "the plaintiff is self-represented\nin this case"),
    # a capital after the break means a real hyphenated name: kept as is
    (["the Anti-", "Defamation League joined"], "the Anti-\nDefamation League joined"),
])
def test_hyphenation_in_pdf(lines, expected):
    items = [Text(72, 100 + 16 * i, t) for i, t in enumerate(lines)]
    assert read_bytes(make_pdf([items]), "h.pdf", NO_OCR).text == expected


@pytest.mark.parametrize("rotate, angle", [
    (90, 90),    # landscape page shown upright: text drawn sideways, /Rotate turns it back
    (0, 90),     # text drawn sideways on an unrotated page (a table turned on its side)
    (90, 0),     # /Rotate with upright text: text order is unchanged
])
def test_rotated_pages_read_in_order(rotate, angle):
    lines = ["First line of the order.", "Second line of the order.", "Third line of the order."]
    if angle == 90:
        items = [Text(100 + 20 * i, 600, t) for i, t in enumerate(lines)]
        items = [Text(it.x + 12, it.top, it.text, angle=90) for it in items]
    else:
        items = [Text(72, 100 + 20 * i, t) for i, t in enumerate(lines)]
    src = read_bytes(make_pdf([items], rotate=[rotate]), "r.pdf", NO_OCR)
    got = src.text.split("\n")
    assert sorted(got) == sorted(lines) and (got == lines or got == lines[::-1])


def test_stray_bytes_before_header_accepted():
    # bytes before %PDF (a mail or upload wrapper) are skipped
    data = b"garbage before the header\r\n" + make_pdf([[Text(72, 100, "Order of dismissal.")]])
    assert read_bytes(data, "x.pdf", NO_OCR).text == "Order of dismissal."


# --- scans and OCR switches ---------------------------------------------------------------

def test_image_only_pdf_without_ocr_is_no_text():
    # a scan with OCR turned off: error pdf.no_text, plain message
    with pytest.raises(InputError) as exc:
        read_bytes(make_pdf([[]], image_pages={0}), "scan.pdf", NO_OCR)
    assert exc.value.code == "pdf.no_text" and "OCR" in exc.value.message


def test_image_page_among_text_pages_warns():
    # one image-only page among text pages: a pdf.no_text_layer warning for that page only
    data = make_pdf([[Text(72, 100, "Page one text here.")], []], image_pages={1})
    src = read_bytes(data, "mixed.pdf", NO_OCR)
    assert [(w["code"], w["page"]) for w in src.warnings] == [("pdf.no_text_layer", 2)]
    assert [p.ocr for p in src.pages] == [False, False]


def test_ocr_unavailable_gives_no_text(monkeypatch):
    # OCR on but Tesseract missing: the same stable error code
    from extractor.ingest import ocr
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(InputError) as exc:
        read_bytes(make_pdf([[]], image_pages={0}), "scan.pdf")
    assert exc.value.code == "pdf.no_text" and "not installed" in exc.value.message


# --- bad input ----------------------------------------------------------------------------

def _encrypted() -> bytes:
    pikepdf = pytest.importorskip("pikepdf")
    src = pikepdf.open(io.BytesIO(make_pdf([[Text(72, 100, "Secret order.")]])))
    out = io.BytesIO()
    src.save(out, encryption=pikepdf.Encryption(owner="o", user="u", R=6))
    return out.getvalue()


GOOD = make_pdf([[Text(72, 100, "Order granting the motion.")]] * 3)


@pytest.mark.parametrize("make, name, settings, code", [
    (lambda: b"", "empty.pdf", None, "input.empty"),                                   # zero bytes
    (lambda: GOOD[: len(GOOD) // 3], "cut.pdf", None, "pdf.corrupt"),                  # truncated
    (lambda: b"PK\x03\x04" + b"\x00" * 100, "renamed.pdf", None, "input.unsupported_format"),  # a zip renamed .pdf
    (lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "scan.pdf", None, "pdf.corrupt"),   # a PNG renamed .pdf
    (lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "scan.png", None, "input.unsupported_format"),  # an image
    (_encrypted, "locked.pdf", None, "pdf.encrypted"),                                 # password-protected
    (lambda: GOOD, "big.pdf", IngestSettings(max_pages=2), "input.too_many_pages"),    # over the page limit
    (lambda: GOOD, "big.pdf", IngestSettings(max_bytes=100), "input.too_large"),       # over the byte limit
    (lambda: GOOD, "slow.pdf", IngestSettings(max_seconds=0.0), "input.timeout"),      # over the time budget
])
def test_bad_input_codes(make, name, settings, code):
    with pytest.raises(InputError) as exc:
        read_bytes(make(), name, settings)
    assert exc.value.code == code and exc.value.message and "Traceback" not in exc.value.message


def test_two_thousand_pages_over_limit():
    # a 2,001-page file is refused by page count before any page is read
    data = make_pdf([[Text(72, 100, "x")]] * 2001)
    with pytest.raises(InputError) as exc:
        read_bytes(data, "huge.pdf")
    assert exc.value.code == "input.too_many_pages" and "2001" in exc.value.message


def test_scan_with_only_an_ecf_stamp_keeps_the_stamp():
    # OCR off, image pages whose only text is the ECF stamp: empty body, stamp kept, warnings per page
    stamp = "Case 2:15-cv-05642-CAS Document 467 Filed 03/16/20 Page {} of 2 Page ID #:1"
    data = make_pdf([[Text(60, 20, stamp.format(n), size=9)] for n in (1, 2)], image_pages={0, 1})
    src = read_bytes(data, "verdict.pdf", NO_OCR)
    assert src.text.strip() == "" and removed_of(src, "ecf_header") == [stamp.format(1), stamp.format(2)]
    assert [(w["code"], w["page"]) for w in src.warnings] == [("pdf.no_text_layer", 1), ("pdf.no_text_layer", 2)]


def _fake_ocr(monkeypatch, calls):
    from extractor.ingest import ocr
    from extractor.ingest.layout import Glyph

    def fake(page, timeout=120.0):
        calls.append(timeout)
        return [[Glyph("Scanned", 72, 100, 120, 112, 12), Glyph("words.", 125, 100, 160, 112, 12)]], 612.0, 792.0
    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "ocr_page", fake)


def test_ocr_only_pages_that_need_it(monkeypatch):
    # page 1 has text, page 2 is a scan: only page 2 goes through OCR and is marked ocr
    calls = []
    _fake_ocr(monkeypatch, calls)
    data = make_pdf([[Text(72, 100, "Typed page with enough words to count as text.")], []], image_pages={1})
    src = read_bytes(data, "mixed.pdf", IngestSettings(ocr=True))
    assert [p.ocr for p in src.pages] == [False, True] and len(calls) == 1
    assert src.text.endswith("Scanned words.") and src.warnings == []


def test_ocr_stops_past_the_time_budget(monkeypatch):
    # past the budget OCR stops with one ocr.time_limit warning (the file is not failed at once)
    import extractor.ingest.pdf as pdf_mod
    calls = []
    _fake_ocr(monkeypatch, calls)
    clock = iter([0.0, 0.0, 5.0, 5.0, 5.0, 5.0])
    monkeypatch.setattr(pdf_mod.time, "monotonic", lambda: next(clock, 5.0))
    data = make_pdf([[Text(72, 100, "Typed page with enough words to count as text.")], [], []], image_pages={1, 2})
    src = read_bytes(data, "scan.pdf", IngestSettings(ocr=True, max_seconds=4.0))
    assert [w["code"] for w in src.warnings if w["code"] == "ocr.time_limit"] == ["ocr.time_limit"]
    assert any(not p.ocr for p in src.pages[1:])


@pytest.mark.parametrize("prev, nxt, expected", [
    ("Plaintiffs ask the Court to enjoin the", "Department from releasing", True),   # mid-sentence
    ("The motion is denied.", "The Court turns to", False),                        # sentence ended
    ("as the Court held in", "(citation omitted)", False),                         # next page opens with a bracket
    ("IT IS SO ORDERED:", "1. Defendant shall", False),                            # colon ends a lead-in
])
def test_page_continues(prev, nxt, expected):
    from extractor.ingest.source import page_continues
    assert page_continues(prev, nxt) is expected


def test_margin_numbers_close_to_the_text():
    # numbers 13 pt left of the body (one segment with it, as on C.D. Cal. paper): still removed
    body = [f"line {k} of the order, which the Court now reads aloud" for k in range(1, 29)]
    src = read_bytes(make_pdf([pleading_page(body, body_x=60)]), "close.pdf", NO_OCR)
    assert src.text.split("\n") == body
    assert removed_of(src, "line_numbers") == [" ".join(str(n) for n in range(1, 29))]


def test_ocr_words_under_the_text_layer_are_dropped():
    # OCR of a scan whose stamp is in the text layer: the stamp's words come from the text layer only
    from extractor.ingest.layout import Glyph
    from extractor.ingest.pdf import drop_covered_words
    rows = [[Glyph("se", 60, 20, 70, 29, 9), Glyph("2:15-cv-05642", 75, 20, 140, 29, 9)],   # under the stamp
            [Glyph("SPECIAL", 200, 300, 260, 312, 12), Glyph("VERDICT", 265, 300, 330, 312, 12)]]  # the scan's own text
    kept = drop_covered_words(rows, [(58, 19, 500, 30)])
    assert [[g.text for g in row] for row in kept] == [["SPECIAL", "VERDICT"]]


@pytest.mark.parametrize("prev, nxt, expected", [
    ("the cap on subbasin 5's ex-", "cess water implies that", ("the cap on subbasin 5's excess", "water implies that")),  # joined
    ("line one\nthe ex-", "cess\nnext line", ("line one\nthe excess", "next line")),          # the fragment was a whole line
    ("the Anti-", "Defamation League", ("the Anti-", "Defamation League")),                  # capital: unchanged
    ("The motion is denied.", "the end", ("The motion is denied.", "the end")),              # no hyphen: unchanged
])
def test_join_across_pages(prev, nxt, expected):
    from extractor.ingest.pdf import join_across_pages
    assert join_across_pages(prev, nxt) == expected
