"""The document's own date (anchor date): ECF header, "Date Filed:", FILED stamp,
"Dated:", a dateline at the top; the user's date overrides it (CASES.md C-10)."""
from __future__ import annotations

import pytest

from conftest import facts_of


def _anchor(text, anchor=None):
    from extractor import extract_text

    doc = extract_text(text, name="case.txt", anchor_date=anchor)["document"]
    return doc["anchor_date"], doc["anchor_date_source"]


# (text, expected (anchor_date, source))
CASES = [
    # ECF header with a two-digit year, repeated on each page
    ("Case 8:16-cv-01261-DOC-KES Document 40 Filed 08/05/16 Page 1 of 4 Page ID #:365\nORDER\n"
     "On July 13, 2016, the Court issued a TRO.\nDated: August 5, 2016", ("2016-08-05", "text")),
    # appellate ECF header
    ("Appellate Case: 21-800 Document: 010110462922 Date Filed: 01/11/2021 Page: 1\nFILED\nJanuary 11, 2021",
     ("2021-01-11", "text")),
    # a docket's "Date Filed:" line
    ("CRIMINAL DOCKET FOR CASE #: 1:17-cr-00201\n\nCase title: USA v. MANAFORT\n\nDate Filed: 10/27/2017\n",
     ("2017-10-27", "text")),
    # a FILED stamp with the date a few lines below
    ("FILED\nUnited States Court of Appeals\nTenth Circuit\nJanuary 11, 2021\nORDER\nThe court was advised in 2020.",
     ("2021-01-11", "text")),
    # "DATED this ... day of ..." in the signature block wins over dates in the body
    ("COMPLAINT\n1. The policy issued on June 13, 2016.\nDATED this the 16th day of April, 2021.\n",
     ("2021-04-16", "text")),
    # a press release date line under the headline
    ("CEMEX Agrees to Pay $2 Million Fine\nThursday, January 15, 2009\n\nWASHINGTON—The company agreed in 2007.",
     ("2009-01-15", "text")),
    # "Dated:" with the place on its line and the date on the next
    ("ORDER\nThe action was filed on May 26, 2022.\nSO ORDERED.\n\nDated: New York, New York\nMarch 3, 2023\n",
     ("2023-03-03", "text")),
    # an appellate opinion: the decision date, not the argument date
    ("United States Court of Appeals\nArgued December 10, 2009 Decided February 5, 2010\nNo. 08-3071\n"
     "On September 9, 2006, the officer stopped him.", ("2010-02-05", "text")),
    # no date of its own
    ("WASHINGTON (AP) — The IRS shared data last April, a filing said.", (None, None)),
]


@pytest.mark.parametrize("text,want", CASES)
def test_anchor(text, want):
    assert _anchor(text) == want


@pytest.mark.parametrize("metadata,want", [
    ({"CreationDate": "D:20190531120000-07'00'"}, "2019-05-31"),  # PDF date string
    ({"created": "2021-03-04T10:00:00"}, "2021-03-04"),             # ISO string
    ({"CreationDate": "garbage"}, None),                          # unreadable: nothing
    ({}, None),                                                   # no metadata
])
def test_metadata_date(metadata, want):
    from extractor.facts.anchor import metadata_date

    got = metadata_date(metadata)
    assert (got.isoformat() if got else None) == want


def test_user_anchor_overrides():
    # the --anchor-date of the user wins over the document's own date
    text = "Case 1:21-cv-01061-KLM Document 1 Filed 04/16/21 Page 1 of 16\nCOMPLAINT\n"
    assert _anchor(text, "2022-01-01") == ("2022-01-01", "user")


def test_relative_dates_use_found_anchor():
    text = "Court Orders Preparer to Stop\nThursday, January 15, 2009\n\nThe Department announced today that it sued."
    values = [(f["text"], f["value"]) for f in facts_of(text, "date")]
    assert ("today", "2009-01-15") in values


def _two_page_pdf(path):
    """CASES.md C-10: two pages with a running ECF header and footer, a sentence across the break."""
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.lib.pagesizes import letter

    c = canvas.Canvas(str(path), pagesize=letter)
    bodies = ["Plaintiffs ask the Court to enjoin the", "Department from releasing the records before July 1, 2025."]
    for n, body in enumerate(bodies, start=1):
        c.setFont("Helvetica", 9)
        c.drawString(72, 760, f"Case 3:25-cv-00981-JD Document 31 Filed 06/12/25 Page {n} of 2")
        c.setFont("Helvetica", 12)
        c.drawString(72, 700, body)
        c.setFont("Helvetica", 9)
        c.drawString(72, 40, f"PLAINTIFFS' MOTION FOR PRELIMINARY INJUNCTION – {n}")
        c.showPage()
    c.save()


def test_c10_ecf_header_pdf(tmp_path):
    from extractor import extract_file

    path = tmp_path / "c10.pdf"
    _two_page_pdf(path)
    result = extract_file(path)
    assert result["document"]["anchor_date"] == "2025-06-12"
    dates = [f["value"] for f in result["facts"] if f["type"] == "date"]
    assert "2025-07-01" in dates
    assert dates.count("2025-06-12") <= 1  # the header date at most once
    values = {f["value"] for f in result["facts"] if f["type"] == "quantity"}
    assert not values & {31.0, 1.0, 2.0}


def test_anchor_candidates_list_every_date_the_document_bears():
    from extractor import extract_text

    text = ("Case 1:20-cv-00111-ABC Document 12 Filed 03/04/21 Page 1 of 2\n"
            "UNITED STATES DISTRICT COURT\nORDER\nThe motion is denied.\n"
            "Dated: February 26, 2021\n/s/ Ada Quill\nUnited States District Judge\n")
    doc = extract_text(text)["document"]
    cands = doc["anchor_candidates"]
    assert [(c["date"], c["source"]) for c in cands] == [("2021-03-04", "ecf_header"), ("2021-02-26", "dated")]
    assert doc["anchor_date"] == "2021-03-04" and doc["anchor_date_source"] == "text"
    dated = cands[1]
    assert text[dated["start_char"]:dated["start_char"] + 17] == "February 26, 2021"
