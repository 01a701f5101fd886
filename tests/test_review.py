"""The review store and exports (extractor.review): pure Python, no Streamlit."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from extractor.review import (CSV_COLUMNS, ReviewError, ReviewStore, apply_review, coerce_edits,
                              default_db_path, make_manual_fact, to_csv, to_json, to_jsonl)
from extractor.review.text import find_spans, highlight_html, page_of, paragraph_around, sentence_around
from extractor.schema import validate_line

TEXT = ("Plaintiff Acme Corp. sued the Internal Revenue Service on March 3, 2024.\n\n"
        "The court ORDERS the IRS to stop sharing data. About 47,000 names were shared.")
S1 = TEXT.index("The court")
SENT1 = {"text": TEXT[:TEXT.index("\n")], "start_char": 0, "end_char": TEXT.index("\n")}
SENT2 = {"text": TEXT[S1:TEXT.index(" About")], "start_char": S1, "end_char": TEXT.index(" About")}


def _fact(fid, type_, text, sent, **extra):
    start = TEXT.index(text)
    base = {"id": fid, "type": type_, "text": text, "start_char": start, "end_char": start + len(text),
            "page": 1 if start < S1 else 2, "sentence": sent, "confidence": 0.9, "method": "test"}
    return {**base, **extra}


def make_result() -> dict:
    """A small, schema-valid result over TEXT (two pages split at the blank line)."""
    return {
        "schema_version": "1.0",
        "document": {"id": "a" * 64, "source": "case.txt", "media_type": "text/plain", "kind": "order",
                     "anchor_date": None, "anchor_date_source": None,
                     "pages": [{"number": 1, "start_char": 0, "end_char": S1, "ocr": False},
                               {"number": 2, "start_char": S1, "end_char": len(TEXT), "ocr": False}],
                     "text_length": len(TEXT), "case": {"caption": None, "court": None, "docket_number": None,
                                                          "judge": None}, "text": TEXT},
        "facts": [
            _fact("party-1", "party", "Acme Corp.", SENT1, name="Acme Corp.", entity_type="ORG", role="plaintiff"),
            _fact("date-1", "date", "March 3, 2024", SENT1, value="2024-03-03", precision="day"),
            _fact("order-1", "order", "ORDERS", SENT2, action="order", directed_to="IRS",
                  directive="stop sharing data"),
        ],
        "warnings": [],
        "extractor": {"name": "t", "version": "0", "pipeline": "p"},
    }


@pytest.fixture()
def store(tmp_path):
    return ReviewStore(tmp_path / "sub" / "reviews.sqlite")


DOC = "a" * 64


# --- where the store lives -------------------------------------------------
@pytest.mark.parametrize("env, expected", [
    ({"LEGAL_FACTS_REVIEW_DB": "/x/r.sqlite"}, "/x/r.sqlite"),                    # explicit override wins
    ({"XDG_DATA_HOME": "/data"}, "/data/legal-facts/reviews.sqlite"),            # XDG data home
    ({"HOME": "/home/u"}, "/home/u/.local/share/legal-facts/reviews.sqlite"),    # XDG default
])
def test_default_db_path(monkeypatch, env, expected):
    for var in ("LEGAL_FACTS_REVIEW_DB", "XDG_DATA_HOME"):
        monkeypatch.delenv(var, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert str(default_db_path()) == expected


# --- decisions survive a new store object (a restart) -----------------------
def test_decisions_persist_across_instances(tmp_path):
    path = tmp_path / "r.sqlite"
    s = ReviewStore(path)
    s.save_document(make_result())
    s.set_status(DOC, "party-1", "accepted")
    s.set_status(DOC, "date-1", "rejected")
    s.set_note(DOC, "date-1", "  wrong year  ")
    again = ReviewStore(path)
    review = again.review(DOC)
    assert {k: v["status"] for k, v in review["decisions"].items()} == {"party-1": "accepted", "date-1": "rejected"}
    assert review["decisions"]["date-1"]["note"] == "wrong year"          # note stripped
    assert again.load_document(DOC)["document"]["text"] == TEXT              # result kept for reopening
    assert [d["doc_id"] for d in again.documents()] == [DOC]
    assert again.documents()[0]["reviewed"] == 2


def test_status_reset_and_bad_status(store):
    store.set_status(DOC, "party-1", "rejected")
    store.set_status(DOC, "party-1", "unreviewed")                          # reset
    assert store.review(DOC)["decisions"]["party-1"]["status"] == "unreviewed"
    with pytest.raises(ValueError):
        store.set_status(DOC, "party-1", "maybe")                           # not a status


def test_edits_accept_and_keep_rejection(store):
    store.set_edits(DOC, "order-1", {"directed_to": "Internal Revenue Service"})
    assert store.review(DOC)["decisions"]["order-1"]["status"] == "accepted"  # editing accepts
    store.set_status(DOC, "date-1", "rejected")
    store.set_edits(DOC, "date-1", {"value": "2024-03-04"})
    assert store.review(DOC)["decisions"]["date-1"]["status"] == "rejected"   # a rejection stays


def test_added_facts_ids_and_removal(store):
    fact = make_manual_fact(make_result(), "quantity", TEXT.index("47,000"), TEXT.index("47,000") + 6)
    assert store.add_fact(DOC, fact) == "manual-1"
    assert store.add_fact(DOC, fact) == "manual-2"
    store.set_note(DOC, "manual-1", "seen on p. 2")
    store.remove_added(DOC, "manual-1")
    review = store.review(DOC)
    assert [f["id"] for f in review["added"]] == ["manual-2"]
    assert "manual-1" not in review["decisions"]
    assert store.add_fact(DOC, fact) == "manual-3"                          # ids are never reused while others exist


def test_forget_deletes_everything(store):
    store.save_document(make_result())
    store.set_status(DOC, "party-1", "accepted")
    store.forget(DOC)
    assert store.documents() == [] and store.review(DOC) == {"decisions": {}, "added": []}
    assert store.load_document(DOC) is None


# --- edits are checked against the schema ---------------------------------
@pytest.mark.parametrize("fact_id, edits, expected", [
    ("party-1", {"role": "defendant"}, {"role": "defendant"}),                       # a valid role
    ("party-1", {"role": "plaintiff", "name": "Acme Corp."}, {}),                    # unchanged values dropped
    ("order-1", {"directed_to": ""}, {"directed_to": None}),                         # empty -> null
    ("date-1", {"value": " 2024-03-04 "}, {"value": "2024-03-04"}),                  # trimmed
])
def test_coerce_edits(fact_id, edits, expected):
    fact = next(f for f in make_result()["facts"] if f["id"] == fact_id)
    assert coerce_edits(fact, edits) == expected


@pytest.mark.parametrize("fact_id, edits, message", [
    ("party-1", {"role": "boss"}, "role"),                          # role outside the list
    ("party-1", {"value": "x"}, "cannot be edited"),                # not an editable party field
    ("date-1", {"precision": "hour"}, "precision"),                 # precision outside the list
])
def test_coerce_edits_refuses(fact_id, edits, message):
    fact = next(f for f in make_result()["facts"] if f["id"] == fact_id)
    with pytest.raises(ReviewError, match=message):
        coerce_edits(fact, edits)


def test_coerce_quantity_number_and_list():
    q = _fact("quantity-1", "quantity", "47,000", SENT2, value=47000.0, kind="count")
    assert coerce_edits(q, {"value": "47500", "of_total": "1280000"}) == {"value": 47500.0, "of_total": 1280000.0}
    c = _fact("count-1", "count", "ORDERS", SENT2, number=1)
    assert coerce_edits(c, {"against": "IRS; DHS"}) == {"against": ["IRS", "DHS"]}   # "; " separates a list


# --- manual facts ----------------------------------------------------------
@pytest.mark.parametrize("type_, phrase, fields, expected", [
    ("party", "Internal Revenue Service", {"entity_type": "GOV_AGENCY", "role": "defendant"},
     {"name": "Internal Revenue Service", "role": "defendant", "page": 1}),        # name defaults to the text
    ("quantity", "47,000", {}, {"value": 47000.0, "kind": "other", "page": 2}),   # number read from the text
    ("order", "ORDERS", {"action": "order", "directed_to": "IRS"}, {"directed_to": "IRS", "page": 2}),
    ("date", "March 3, 2024", {"value": "2024-03-03"}, {"value": "2024-03-03", "precision": "day"}),
])
def test_make_manual_fact(type_, phrase, fields, expected):
    start = TEXT.index(phrase)
    fact = make_manual_fact(make_result(), type_, start, start + len(phrase), fields)
    assert fact["text"] == phrase and fact["method"] == "review.manual" and fact["confidence"] == 1.0
    assert {k: fact[k] for k in expected} == expected
    s = fact["sentence"]
    assert TEXT[s["start_char"]:s["end_char"]] == s["text"] and s["start_char"] <= start < s["end_char"]


@pytest.mark.parametrize("type_, start, end, fields, message", [
    ("party", 5, 5, {}, "empty"),                              # empty span
    ("party", 0, 10_000, {}, "outside"),                       # past the end
    ("widget", 0, 5, {}, "Unknown fact type"),                 # not a fact type
    ("date", 0, 5, {}, "value"),                               # a date needs its value
])
def test_make_manual_fact_refuses(type_, start, end, fields, message):
    with pytest.raises(ReviewError, match=message):
        make_manual_fact(make_result(), type_, start, end, fields)


def test_make_manual_fact_needs_text():
    result = make_result()
    del result["document"]["text"]
    with pytest.raises(ReviewError, match="text is not available"):
        make_manual_fact(result, "party", 0, 5)


# --- applying a review, and the exports ------------------------------------
def reviewed(store, include_rejected=True):
    result = make_result()
    store.set_status(DOC, "party-1", "accepted")
    store.set_status(DOC, "date-1", "rejected")
    store.set_note(DOC, "date-1", "not a filing date")
    store.set_edits(DOC, "order-1", coerce_edits(result["facts"][2], {"directed_to": "Internal Revenue Service"}))
    start = TEXT.index("47,000")
    store.add_fact(DOC, make_manual_fact(result, "quantity", start, start + 6, {"approximate": True}))
    return apply_review(result, store.review(DOC), include_rejected=include_rejected)


def test_apply_review(store):
    out = reviewed(store)
    validate_line(out)                                                   # still FACTS.md
    status = {f["id"]: f["review"]["status"] for f in out["facts"]}
    assert status == {"party-1": "accepted", "date-1": "rejected", "order-1": "edited", "manual-1": "added"}
    order = next(f for f in out["facts"] if f["id"] == "order-1")
    assert order["directed_to"] == "Internal Revenue Service"
    assert order["review"]["original"] == {"directed_to": "IRS"}         # the extracted value is kept
    assert next(f for f in out["facts"] if f["id"] == "date-1")["review"]["note"] == "not a filing date"
    assert [f["start_char"] for f in out["facts"]] == sorted(f["start_char"] for f in out["facts"])
    assert make_result()["facts"][2]["directed_to"] == "IRS"             # input untouched


def test_apply_review_drops_rejected(store):
    out = reviewed(store, include_rejected=False)
    assert [f["id"] for f in out["facts"]] == ["party-1", "order-1", "manual-1"]


def test_apply_review_unreviewed_and_error_line():
    out = apply_review(make_result(), {"decisions": {}, "added": []})
    assert {f["review"]["status"] for f in out["facts"]} == {"unreviewed"}
    err = {"schema_version": "1.0", "document": {"source": "x.pdf", "id": None}, "facts": [],
           "error": {"code": "pdf.corrupt", "message": "bad"}}
    assert apply_review(err, {"decisions": {}, "added": []}) == err


def test_exports(store):
    out = reviewed(store)
    err = {"schema_version": "1.0", "document": {"source": "x.pdf", "id": None}, "facts": [],
           "error": {"code": "pdf.corrupt", "message": "bad"}}
    doc = json.loads(to_json(out))
    assert "text" not in doc["document"] and json.loads(to_json(out, include_text=True))["document"]["text"] == TEXT
    lines = to_jsonl([out, err]).splitlines()
    assert len(lines) == 2 and json.loads(lines[1])["error"]["code"] == "pdf.corrupt"
    for line in lines:
        validate_line(json.loads(line))
    rows = list(csv.DictReader(io.StringIO(to_csv([out, err]))))
    assert list(rows[0]) == CSV_COLUMNS and len(rows) == 4               # the error line has no rows
    by_id = {r["fact_id"]: r for r in rows}
    assert by_id["order-1"]["directed_to"] == "Internal Revenue Service" and by_id["order-1"]["review_status"] == "edited"
    assert by_id["date-1"]["value"] == "2024-03-03" and by_id["date-1"]["note"] == "not a filing date"
    assert by_id["manual-1"]["value"] == "47000.0" and by_id["manual-1"]["page"] == "2"


# --- text helpers ------------------------------------------------------------
@pytest.mark.parametrize("text, query, expected", [
    ("the Internal\nRevenue Service", "Internal Revenue", [(4, 20)]),   # whitespace runs match line breaks
    ("IRS and irs", "irs", [(8, 11)]),                                  # exact case first
    ("IRS only", "irs", [(0, 3)]),                                      # then any case
    ("nothing", "IRS", []),                                             # no match
    ("x", "   ", []),                                                   # blank query
])
def test_find_spans(text, query, expected):
    assert find_spans(text, query) == expected


@pytest.mark.parametrize("text, start, end, expected", [
    ("A <b>&\"x\" end", 2, 9, 'A <mark class="fact">&lt;b&gt;&amp;&quot;x&quot;</mark> end'),   # escaped inside
    ("<i>one\ntwo</i>", 3, 6, '&lt;i&gt;<mark class="fact">one</mark> two&lt;/i&gt;'),          # escaped outside, newline
    ("abc", 1, 99, 'a<mark class="fact">bc</mark>'),                                        # clipped to the text
])
def test_highlight_html(text, start, end, expected):
    assert highlight_html(text, start, end) == expected


def test_highlight_html_base_offset():
    assert highlight_html("cde", 3, 4, base=2) == 'c<mark class="fact">d</mark>e'   # document offsets


@pytest.mark.parametrize("char, expected", [(0, 1), (S1 - 1, 1), (S1, 2), (len(TEXT) - 1, 2)])
def test_page_of(char, expected):
    assert page_of(make_result()["document"]["pages"], char) == expected


def test_page_of_without_pages():
    assert page_of([], 3) is None


def test_sentence_and_paragraph_around():
    start = TEXT.index("47,000")
    s, e = sentence_around(TEXT, start, start + 6)
    assert TEXT[s:e] == "About 47,000 names were shared."
    s, e = sentence_around(TEXT, 10, 14)
    assert TEXT[s:e] == TEXT[:TEXT.index("\n")]                           # stops at the blank line
    p, q = paragraph_around(TEXT, start, start + 6)
    assert TEXT[p:q] == TEXT[S1:]
    p, q = paragraph_around("x" * 5000, 2500, 2510, max_chars=100)
    assert q - p <= 100 and p <= 2500 and q >= 2510                       # a long paragraph is cut around the span


# --- the PDF page image with the span boxed ------------------------------------------
PDF = Path(__file__).resolve().parent.parent / "corpus" / "order_ca10_in_re_liebowitz.pdf"


@pytest.mark.parametrize("words, occurrence, found", [
    ("Tenth Circuit", 0, True),              # on the page: boxed
    ("Tenth Circuit", 5, True),              # an occurrence past the last match boxes the last one
    ("no such words here", 0, False),        # not on the page: the page alone
])
def test_page_image_with_box(words, occurrence, found):
    if not PDF.exists():
        pytest.skip("corpus PDF missing")
    from extractor.review.pdfview import page_image_with_box

    image, ok = page_image_with_box(PDF.read_bytes(), 1, words, occurrence, resolution=50)
    assert ok is found and image.mode == "RGB" and image.size == (425, 550)   # letter page at 50 dpi
    px = image.tobytes()
    reds = sum(1 for i in range(0, len(px), 3) if px[i] > 200 and px[i + 1] < 40 and px[i + 2] < 40)
    assert (reds > 20) is found                                               # the red box is drawn


def test_page_image_bad_page():
    if not PDF.exists():
        pytest.skip("corpus PDF missing")
    from extractor.review.pdfview import page_image_with_box

    with pytest.raises(ValueError, match="page 3"):
        page_image_with_box(PDF.read_bytes(), 3, "x")


def test_occurrence_on_page():
    from extractor.review.pdfview import occurrence_on_page

    text = "aa IRS bb IRS cc\n\nIRS"
    page = {"number": 1, "start_char": 0, "end_char": 16}
    fact = {"text": "IRS", "start_char": 10}
    assert occurrence_on_page(text, page, fact) == 1            # one "IRS" before it on the page


@pytest.mark.parametrize("value, expected", [
    ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),   # a formula is neutralized
    ("@SUM(A1)", "'@SUM(A1)"),                     # @ starts a formula too
    ("-2+3", "'-2+3"),                             # - before a non-number
    ("-5.0", "-5.0"),                              # a negative number stays a number
    ("Acme Corp.", "Acme Corp."),                  # ordinary text unchanged
    (["IRS", "DHS"], "IRS; DHS"),                  # lists joined
    (None, ""),                                    # null is empty
])
def test_csv_cell(value, expected):
    from extractor.review.export import _cell

    assert _cell(value) == expected


# --- filters ------------------------------------------------------------------------
def _reviewed_facts():
    result = make_result()
    review = {"decisions": {"date-1": {"status": "rejected", "edits": {}, "note": "wrong year", "updated_at": "t"}},
              "added": []}
    facts = apply_review(result, review)["facts"]
    facts[2]["page"], facts[2]["confidence"] = 2, 0.5
    return facts


@pytest.mark.parametrize("filters, expected", [
    ({}, ["party-1", "date-1", "order-1"]),                                  # no filter: all
    ({"types": ["order"]}, ["order-1"]),                                     # fact type
    ({"roles": ["defendant"]}, ["date-1", "order-1"]),                       # role: only parties are filtered
    ({"roles": ["plaintiff"]}, ["party-1", "date-1", "order-1"]),            # the plaintiff stays
    ({"pages": [2]}, ["order-1"]),                                           # page
    ({"min_confidence": 0.6}, ["party-1", "date-1"]),                        # confidence at or above
    ({"statuses": ["rejected"]}, ["date-1"]),                                # review status
    ({"statuses": ["unreviewed"]}, ["party-1", "order-1"]),                  # no decision = unreviewed
    ({"query": "irs stop"}, ["order-1"]),                                    # all words, any case, any field
    ({"query": "WRONG year"}, ["date-1"]),                                   # the note is searched
    ({"query": "nowhere"}, []),                                              # no match
])
def test_filter_facts(filters, expected):
    from extractor.review import filter_facts

    assert [f["id"] for f in filter_facts(_reviewed_facts(), **filters)] == expected


@pytest.mark.parametrize("type_, field, expected", [
    ("date", "precision", ["day", "week", "month", "quarter", "season", "year", "decade", "century"]),     # a Literal field
    ("order", "polarity", ["grant", "deny", "neutral"]),           # an Optional-free Literal
    ("order", "directed_to", None),                                 # free text
    ("party", "nonexistent", None),                                 # not a field
])
def test_field_choices(type_, field, expected):
    from extractor.review import field_choices

    assert field_choices(type_, field) == expected


def test_new_review_store_is_private(tmp_path):
    """The store holds filings' text: a new one is readable by its owner only (issue 18)."""
    import stat

    from extractor.review.store import ReviewStore

    db = tmp_path / "private" / "reviews.sqlite"
    ReviewStore(db)
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
