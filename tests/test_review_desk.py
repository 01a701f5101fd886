"""The review desk's pure parts: list rows, folded speaker turns, the
low-confidence cut, counts, stepping, the marks of the document view, the
chronology and its CSV and Word exports, workspaces, and kept source files."""
from __future__ import annotations

import csv
import io
import os
import stat

import pytest

from extractor.review import ReviewStore, apply_review
from extractor.review import desk
from extractor.review.chronology import chronology_csv, chronology_docx, chronology_rows
from extractor.review.edits import ReviewError
from extractor.review.marks import colour_of, page_boxes_html, text_marks_html
from extractor.review.workspace import check_name, is_session_name, new_session_name, workspace_db_path, workspaces_root

TEXT = "THE COURT: Filed on May 1, 2020. THE DEFENDANT: Yes. Acme Corp. paid $5."


def fact(fid, type_, phrase, **extra):
    start = TEXT.index(phrase)
    f = {"id": fid, "type": type_, "text": phrase, "start_char": start, "end_char": start + len(phrase),
         "page": extra.pop("page", 1), "sentence": {"text": TEXT[:33], "start_char": 0, "end_char": 33},
         "confidence": extra.pop("confidence", 0.9), "method": extra.pop("method", "rule")}
    f.update(extra)
    return f


FACTS = [
    fact("quote-1", "quote", "THE COURT: Filed on May 1, 2020.", method="quote-turn", speaker="The Court",
         content="Filed on May 1, 2020.", confidence=0.85),
    fact("date-1", "date", "May 1, 2020", value="2020-05-01", event="filed"),
    fact("quote-2", "quote", "THE DEFENDANT: Yes.", method="quote-turn", speaker="The Defendant", content="Yes.",
         confidence=0.85),
    fact("party-1", "party", "Acme Corp.", name="Acme Corp.", role="defendant", confidence=0.7),
    fact("quantity-1", "quantity", "$5", value=5.0, unit="USD", kind="money", page=2),
    fact("identifier-1", "identifier", "Acme", kind="account", page=2),  # a type the desk has never seen
]
RESULT = {"document": {"id": "d" * 64, "source": "t.txt", "text": TEXT, "pages": []}, "facts": FACTS}


def reviewed(decisions=None):
    return apply_review(RESULT, {"decisions": decisions or {}, "added": []})["facts"]


# --- list rows ------------------------------------------------------------------------------
@pytest.mark.parametrize("fid, value, role", [
    ("date-1", "2020-05-01", ""),                  # a date's value
    ("party-1", "Acme Corp.", "defendant"),        # a party's name and role
    ("quote-2", "Yes.", "The Defendant"),          # a quote: content, and the speaker as its role
    ("quantity-1", "5.0", "money"),                # a quantity's value; its kind in the role column
    ("identifier-1", "account", "account"),        # an unknown type: its kind, generically
])
def test_fact_rows(fid, value, role):
    row = next(r for r in desk.fact_rows(reviewed()) if r["id"] == fid)
    assert (row["value"], row["role"], row["status"]) == (value, role, "unreviewed")
    assert list(row) == list(desk.ROW_COLUMNS)


def test_turns_are_folded_under_their_speaker():
    facts = reviewed()
    assert [f["id"] for f in desk.visible_facts(facts)] == ["date-1", "identifier-1", "party-1", "quantity-1"]
    groups = desk.turns_by_speaker(facts)
    assert {k: [f["id"] for f in v] for k, v in groups.items()} == {"The Court": ["quote-1"],
                                                                  "The Defendant": ["quote-2"]}
    ids = [f["id"] for f in desk.visible_facts(facts, show_turns=True, speakers=["The Defendant"])]
    assert ids[-1] == "quote-2" and "quote-1" not in ids


def test_low_confidence_cut():
    ids = [f["id"] for f in desk.visible_facts(reviewed(), hide_low=True)]
    assert "party-1" not in ids and "date-1" in ids            # 0.7 < 0.75 <= 0.9


def test_counts_by_type_and_status():
    c = desk.counts(reviewed({"date-1": {"status": "accepted"}, "party-1": {"status": "rejected"}}))
    assert c["total"] == 6 and c["by_type"]["quote"] == 2 and c["by_type"]["identifier"] == 1
    assert c["by_status"] == {"unreviewed": 4, "accepted": 1, "rejected": 1}       # STATUSES order
    assert c["by_type_status"]["party"] == {"rejected": 1}


@pytest.mark.parametrize("current, delta, expected", [
    ("b", 1, "c"), ("b", -1, "a"),   # next, previous
    ("c", 1, "c"), ("a", -1, "a"),   # clamped at both ends
    ("zz", 1, "a"),                  # not in the list: the first
])
def test_step(current, delta, expected):
    assert desk.step(["a", "b", "c"], current, delta) == expected


def test_step_empty_and_originals():
    assert desk.step([], "a", 1) is None
    f = reviewed({"date-1": {"status": "accepted", "edits": {"value": "2020-05-02"}}})
    date = next(x for x in f if x["id"] == "date-1")
    assert desk.originals(date) == {"value": "2020-05-01"} and date["value"] == "2020-05-02"


# --- marks --------------------------------------------------------------------------------------
def test_text_marks_nest_inside_turns_and_escape():
    facts = [f for f in reviewed() if f["id"] in ("quote-1", "date-1")]
    out = text_marks_html(TEXT + "<b>", 0, 33, facts, current="date-1")
    assert out.count('data-fact="date-1"') == 1 and 'class="fact current"' in out
    assert out.count('data-fact="quote-1"') == 2            # the turn, cut around the date inside it
    assert 'data-s="20">May 1, 2020</span>' in out and "<b>" not in out.split('class="doctext">', 1)[1]
    assert f'background:{colour_of("date")}' in out and 'data-status="unreviewed"' in out


def test_text_marks_map_back_to_offsets():
    facts = [f for f in reviewed() if f["id"] == "party-1"]
    start = TEXT.index("Acme")
    out = text_marks_html(TEXT, 40, len(TEXT), facts)
    assert f'data-s="{start}">Acme Corp.</span>' in out and 'data-s="40"' in out


def test_colours_are_stable_for_unknown_types():
    assert colour_of("party") == "#7aecec" and colour_of("novel") == colour_of("novel")
    assert colour_of("novel").startswith("hsl(")


def test_page_boxes_are_in_percent_of_the_page():
    out = page_boxes_html("data:image/png;base64,AA", 600, 800, {"date-1": [(60, 80, 120, 96)]}, {"date-1": "date"},
                          current="date-1")
    assert "left:10.00%;top:10.00%;width:10.00%;height:2.00%" in out and 'class="box current"' in out


# --- chronology ---------------------------------------------------------------------------------
def _result(source, facts):
    return {"document": {"id": source, "source": source}, "facts": facts}


CHRONO = [
    _result("b.txt", [fact("date-1", "date", "May 1, 2020", value="2020-05-01", event="filed",
                           review={"status": "accepted"}),
                      fact("date-2", "date", "May 1, 2020", value="2019", event=None),
                      fact("date-3", "date", "May 1, 2020", value="2021-01-01", review={"status": "rejected"}),
                      fact("order-1", "order", "Filed", action="grant", date="2020-05", page=3)]),
    _result("a.txt", [fact("date-9", "date", "May 1, 2020", value="2020-05-01", event="signed")]),
    {"document": {"source": "bad.pdf", "id": None}, "facts": [], "error": {"code": "pdf.corrupt", "message": "x"}},
]


def test_chronology_rows_in_date_order_without_rejected():
    rows = chronology_rows(CHRONO)
    assert [(r["date"], r["document"], r["event"]) for r in rows] == [
        ("2019", "b.txt", ""), ("2020-05", "b.txt", "order: grant"), ("2020-05-01", "a.txt", "signed"),
        ("2020-05-01", "b.txt", "filed")]
    assert rows[1]["page"] == 3 and rows[3]["status"] == "accepted" and rows[0]["sentence"] == TEXT[:33].strip()
    assert [r["fact_id"] for r in chronology_rows(CHRONO, events_only=True)] == ["order-1", "date-9", "date-1"]


def test_chronology_csv_and_docx_read_back():
    rows = chronology_rows(CHRONO)
    table = list(csv.reader(io.StringIO(chronology_csv(rows))))
    assert table[0] == ["Date", "Event", "Document", "Page", "Sentence", "Review", "Fact"] and len(table) == 5
    assert table[2][:4] == ["2020-05", "order: grant", "b.txt", "3"]
    import docx
    doc = docx.Document(io.BytesIO(chronology_docx(rows, title="Smith v. Jones")))
    assert doc.paragraphs[0].text == "Smith v. Jones"
    cells = [[c.text for c in r.cells] for r in doc.tables[0].rows]
    assert cells[0][:2] == ["Date", "Event"] and cells[3][:3] == ["2020-05-01", "signed", "a.txt"] and len(cells) == 5


def test_chronology_csv_guards_formulas():
    rows = [{"date": "2020", "event": "=cmd()", "document": "d", "page": None, "sentence": "s", "status": "x",
             "fact_id": "f"}]
    assert "'=cmd()" in chronology_csv(rows)


# --- workspaces --------------------------------------------------------------------------------
@pytest.mark.parametrize("name, ok", [
    ("smith-v-jones", True), ("Team_B.2", True),      # letters, digits, - _ .
    ("", False), ("  ", False),                        # empty
    ("../etc", False), ("a/b", False), ("a..b", False),  # no path tricks
    ("has space", False), ("-lead", False), ("x" * 65, False),
])
def test_workspace_names(name, ok):
    if ok:
        assert check_name(f" {name} ") == name
    else:
        with pytest.raises(ReviewError):
            check_name(name)


def test_session_names_are_unguessable_and_recognised():
    a, b = new_session_name(), new_session_name()
    assert a != b and is_session_name(a) and len(a) == 24 and not is_session_name("team-b")


def test_workspace_paths(tmp_path, monkeypatch):
    monkeypatch.setenv("LEGAL_FACTS_REVIEW_DB", str(tmp_path / "r" / "reviews.sqlite"))
    assert workspaces_root() == tmp_path / "r" / "workspaces"
    assert workspace_db_path("team-b") == tmp_path / "r" / "workspaces" / "team-b.sqlite"
    with pytest.raises(ReviewError):
        workspace_db_path("../x")


def test_workspaces_do_not_share_documents(tmp_path):
    a = ReviewStore(workspace_db_path("a", tmp_path))
    b = ReviewStore(workspace_db_path("b", tmp_path))
    a.save_document(RESULT)
    a.set_status(RESULT["document"]["id"], "date-1", "accepted")
    assert [d["doc_id"] for d in a.documents()] == [RESULT["document"]["id"]]
    assert b.documents() == [] and b.review(RESULT["document"]["id"])["decisions"] == {}
    assert stat.S_IMODE(os.stat(tmp_path / "a.sqlite").st_mode) == 0o600


# --- kept source files and bulk decisions --------------------------------------------------------
def test_source_is_kept_capped_and_forgotten(tmp_path):
    s = ReviewStore(tmp_path / "s.sqlite")
    doc_id = RESULT["document"]["id"]
    s.save_document(RESULT)
    assert s.load_source(doc_id) is None and not s.has_source(doc_id)
    s.save_source(doc_id, "t.pdf", b"%PDF-1.4 bytes")
    assert s.load_source(doc_id) == b"%PDF-1.4 bytes" and s.has_source(doc_id)
    with pytest.raises(ValueError, match="up to 0 MB"):
        s.save_source(doc_id, "t.pdf", b"x" * 10, max_bytes=5)
    s.drop_source(doc_id)
    assert not s.has_source(doc_id) and s.has_document(doc_id)       # the review stays
    s.save_source(doc_id, "t.pdf", b"again")
    s.forget(doc_id)
    assert not s.has_source(doc_id) and not s.has_document(doc_id)


def test_set_many(tmp_path):
    s = ReviewStore(tmp_path / "s.sqlite")
    s.set_status("d", "a", "rejected")
    s.set_many("d", ["a", "b", "c"], "accepted")
    assert {k: v["status"] for k, v in s.review("d")["decisions"].items()} == {"a": "accepted", "b": "accepted",
                                                                               "c": "accepted"}
    with pytest.raises(ValueError):
        s.set_many("d", ["a"], "maybe")


# --- the document view's windows ------------------------------------------------------------------
def test_view_windows_cut_long_pages_at_line_breaks():
    from extractor.review.marks import view_windows, window_of

    text = ("x" * 49 + "\n") * 100                                  # 5,000 characters
    pages = [{"number": 1, "start_char": 0, "end_char": 300}, {"number": 2, "start_char": 300, "end_char": 5000}]
    w = view_windows(pages, text, max_chars=1000)
    assert w[0] == {"page": 1, "part": 1, "parts": 1, "start_char": 0, "end_char": 300}   # a short page: whole
    assert [x["page"] for x in w] == [1] + [2] * 5 and w[1]["parts"] == 5
    assert all(text[x["start_char"]] == "\n" for x in w[2:])         # each cut at a line break
    assert [(a["end_char"], b["start_char"]) for a, b in zip(w, w[1:])] == [(a["end_char"],) * 2 for a in w[:-1]]
    assert w[-1]["end_char"] == 5000 and max(x["end_char"] - x["start_char"] for x in w) <= 1000
    assert window_of(w, 0) == 0 and window_of(w, 301) == 1 and window_of(w, 4999) == 5 and window_of(w, 10**6) == 5


def test_view_windows_without_pages_or_line_breaks():
    from extractor.review.marks import view_windows

    w = view_windows([], "y" * 2500, max_chars=1000)
    assert [(x["page"], x["start_char"], x["end_char"]) for x in w] == [(None, 0, 1000), (None, 1000, 2000),
                                                                        (None, 2000, 2500)]


def test_a_party_is_marked_wherever_it_is_named():
    from extractor.review.marks import marks_in_window

    party = {**next(f for f in reviewed() if f["id"] == "party-1"), "mentions": [{"start_char": 0, "end_char": 3},
                                                                                  {"start_char": 53, "end_char": 63}]}
    spans = [(m["id"], m["start_char"], m["end_char"]) for m in marks_in_window([party], 0, 40)]
    assert spans == [("party-1", 0, 3)]                                   # a mention inside the window
    spans = [(m["id"], m["start_char"]) for m in marks_in_window([party], 0, len(TEXT))]
    assert TEXT[53:63] == "Acme Corp." and spans == [("party-1", 0), ("party-1", 53)]  # its own span: once
    out = text_marks_html(TEXT, 0, len(TEXT), marks_in_window([party], 0, len(TEXT)))
    assert out.count('data-fact="party-1"') == 2 and out.count('class="lbl"') == 1
