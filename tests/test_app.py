"""The review app's flows with ``streamlit.testing.v1.AppTest``: upload, pick a
sample, errors, the too-large message (CASES.md C-12), the review desk (list,
filters, folded speaker turns, accept/reject/next, bulk), corrections that
survive a new session in the same workspace and stay out of other workspaces,
adding a fact from a text selection, kept source files, the chronology and
exports, and the privacy config. (The document view itself is a browser
component: tests/test_browser.py.)

Most tests replace ``extractor.extract_bytes`` with a fake that returns a fixed,
schema-valid result, so they test the app and not the extractors; one test
runs the real pipeline on a corpus file.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import tomllib
from pathlib import Path

import pytest

streamlit = pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402

import extractor  # noqa: E402
from extractor.errors import InputError  # noqa: E402
from extractor.schema import validate_line  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
TEXT = ("Plaintiff Acme Corp. sued the Internal Revenue Service on March 3, 2024.\n\n"
        "The court ORDERS the IRS to stop sharing <data> & files. About 47,000 names were shared.")


def _fact(fid, type_, phrase, **extra):
    start = TEXT.index(phrase)
    s0 = 0 if start < TEXT.index("\n") else TEXT.index("The court")
    s1 = TEXT.index("\n") if s0 == 0 else TEXT.index(" About")
    return {"id": fid, "type": type_, "text": phrase, "start_char": start, "end_char": start + len(phrase),
            "page": 1, "sentence": {"text": TEXT[s0:s1], "start_char": s0, "end_char": s1},
            "confidence": extra.pop("confidence", 0.9), "method": "fake", **extra}


def fake_extract_bytes(data: bytes, name: str, *, anchor_date=None, include_text: bool = False, settings=None):
    """A stand-in for the pipeline: a fixed result over TEXT; "bad" in the name raises like ingest does."""
    if b"bad" in data:
        raise InputError("pdf.corrupt", "The PDF is damaged or truncated and could not be opened.")
    doc = {"id": hashlib.sha256(data).hexdigest(), "source": name, "media_type": "text/plain", "kind": "order",
           "anchor_date": anchor_date, "anchor_date_source": "user" if anchor_date else None,
           "pages": [{"number": 1, "start_char": 0, "end_char": len(TEXT), "ocr": False}],
           "text_length": len(TEXT),
           "case": {"caption": "Acme Corp. v. IRS", "court": "D.D.C.", "docket_number": "1:24-cv-00001",
                    "judge": None}}
    if CANDIDATES:
        doc["anchor_candidates"] = CANDIDATES
    if include_text:
        doc["text"] = TEXT
    return {"schema_version": "1.0", "document": doc, "warnings": [],
            "extractor": {"name": "fake", "version": "0", "pipeline": "none"},
            "facts": [
                _fact("party-1", "party", "Acme Corp.", name="Acme Corp.", entity_type="ORG", role="plaintiff"),
                _fact("party-2", "party", "Internal Revenue Service", name="Internal Revenue Service",
                      entity_type="GOV_AGENCY", role="defendant", confidence=0.5),
                _fact("date-1", "date", "March 3, 2024", value="2024-03-03", precision="day"),
                _fact("order-1", "order", "ORDERS", action="order", directed_to="IRS",
                      directive="stop sharing <data> & files"),
            ] + EXTRA_FACTS}


CANDIDATES: list[dict] = []  # a test gives the fake document anchor candidates here
EXTRA_FACTS: list[dict] = []  # a test adds facts of other kinds here (speaker turns, a new fact type)


DOWNLOADS: dict[str, bytes] = {}


@pytest.fixture()
def app(monkeypatch, tmp_path):
    """A fresh app session with the fake extractor, an empty review folder and a
    samples folder; download contents are captured into DOWNLOADS."""
    import streamlit as st
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    real_load = MemoryMediaFileStorage.load_and_get_id

    def capture(self, path_or_data, mimetype, kind, filename=None):
        file_id = real_load(self, path_or_data, mimetype, kind, filename)
        if isinstance(path_or_data, bytes):
            DOWNLOADS[file_id] = path_or_data
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", capture)
    st.cache_data.clear()
    EXTRA_FACTS.clear()
    CANDIDATES.clear()
    monkeypatch.setattr(extractor, "extract_bytes", fake_extract_bytes)
    monkeypatch.setenv("LEGAL_FACTS_REVIEW_DB", str(tmp_path / "reviews.sqlite"))
    samples = tmp_path / "corpus"
    samples.mkdir()
    (samples / "sample_order.txt").write_text("sample one", encoding="utf-8")
    (samples / "notes.tsv").write_text("skip me", encoding="utf-8")        # not a document type: not listed
    monkeypatch.setenv("LEGAL_FACTS_SAMPLES", str(samples))
    return new_session()


def new_session(workspace: str | None = None) -> AppTest:
    """A new browser session: a reload when ``workspace`` is the old page address's, else another browser."""
    at = AppTest.from_file(APP, default_timeout=60)
    if workspace:
        at.query_params["ws"] = workspace
    return at.run()


def upload(at: AppTest, *files: tuple[str, bytes]) -> AppTest:
    for name, data in files:
        at.file_uploader(key="uploads").upload(name, data, "application/octet-stream")
    return at.run()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


P1 = sha(b"one")[:12]  # key prefix of the document uploaded as b"one"


def card(at: AppTest) -> str:
    """The HTML of the selected fact's card."""
    return next(h.value for h in at.html if 'class="lf-card"' in h.value)


def card_id(at: AppTest) -> str:
    return card(at).split('data-fact-id="', 1)[1].split('"', 1)[0]


def counts(at: AppTest) -> str:
    return next(h.value for h in at.html if 'class="lf-counts"' in h.value)


def shown(at: AppTest) -> int:
    cap = next(c.value for c in at.caption if 'class="lf-shown"' in c.value)
    return int(cap.split('data-shown="', 1)[1].split('"', 1)[0])


def fact_list(at: AppTest):
    """The fact list (the desk's dataframe) as a pandas frame."""
    return next(d.value for d in at.dataframe if "confidence" in d.value.columns and "status" in d.value.columns)


def workspace_of(at: AppTest) -> str:
    return at.session_state["workspace"]


# --- upload, samples, errors ---------------------------------------------------------
def test_empty_app_shows_hint_limit_and_workspace(app):
    assert not app.exception
    assert "Upload filings" in app.info[0].value
    uploader = app.file_uploader(key="uploads")
    assert "50 MB" in uploader.label and uploader.accept_multiple_files       # C-12: the limit beside the uploader
    assert set(uploader.allowed_type) >= {".pdf", ".txt", ".html", ".docx"}
    ws = workspace_of(app)
    assert ws.startswith("session-") and len(ws) == 24
    assert any(ws in m.value for m in app.markdown)                            # shows which workspace is open
    assert app.query_params["ws"] == [ws] or app.query_params["ws"] == ws     # kept in the address


def test_upload_shows_the_desk(app):
    at = upload(app, ("case.txt", b"one"))
    assert not at.exception
    table = fact_list(at)
    assert list(table["id"]) == ["party-1", "party-2", "date-1", "order-1"]       # text order
    assert list(table.columns) == ["id", "type", "value", "role", "page", "confidence", "status"]
    assert list(table["value"]) == ["Acme Corp.", "Internal Revenue Service", "2024-03-03", "order"]
    assert table["role"][0] == "plaintiff" and table["role"][3] == "IRS"
    assert card_id(at) == "party-1" and '<mark class="fact">Acme Corp.</mark>' in card(at)
    assert 'data-total="4"' in counts(at) and "unreviewed 4" in counts(at)
    assert "party 2" in counts(at) and "date 1" in counts(at)
    assert at.button(key="kb_accept").label == "Accept"                          # every fact: a control named Accept


def test_bad_file_does_not_stop_the_others(app):
    at = upload(app, ("case.txt", b"one"), ("bad.pdf", b"bad"))
    assert not at.exception
    assert any("pdf.corrupt" in e.value and "damaged" in e.value for e in at.error)   # in the Documents tab
    assert card_id(at) == "party-1"                                                   # the good one is reviewed


def test_unexpected_failure_is_a_message_not_a_traceback(app, monkeypatch):
    def boom(*a, **k):
        raise RuntimeError("disk on fire")
    monkeypatch.setattr(extractor, "extract_bytes", boom)
    at = upload(app, ("case.txt", b"one"))
    assert not at.exception
    assert any("extract.failed" in e.value for e in at.error)


def test_too_large_file_gets_plain_message(app):
    big = b"x" * (50 * 1024 * 1024 + 1)                                                    # C-12: just over 50 MB
    at = upload(app, ("huge.pdf", big), ("good.txt", b"good"))
    assert not at.exception
    assert any(e.value.startswith("huge.pdf: input.too_large — file too large (limit 50 MB)") for e in at.error)


def test_pick_bundled_sample(app):
    assert app.multiselect(key="samples").options == ["sample_order.txt"]                 # .tsv not listed
    at = app.multiselect(key="samples").select("sample_order.txt").run()
    assert not at.exception and card_id(at) == "party-1"


def test_select_document_and_new_documents_open_first(app):
    at = upload(app, ("first.txt", b"one"), ("second.txt", b"two"))
    assert at.selectbox(key="doc_select").value == f"{sha(b'one')}:first.txt"  # the first new document
    at.selectbox(key="doc_select").set_value(f"{sha(b'two')}:second.txt").run()
    assert "second.txt" in counts(at)
    at.multiselect(key="samples").select("sample_order.txt").run()          # a document added later opens
    assert at.selectbox(key="doc_select").value == f"{sha(b'sample one')}:sample_order.txt"
    assert "sample_order.txt" in counts(at)


def test_anchor_date_is_passed(app):
    import datetime as dt
    at = app.checkbox(key="use_anchor").check().run()
    at = at.date_input(key="anchor_date").set_value(dt.date(2026, 2, 12)).run()
    at = upload(at, ("case.txt", b"one"))
    assert "anchor 2026-02-12" in counts(at)


def test_anchor_candidates_switch_and_relative_dates_re_resolve(app):
    CANDIDATES.extend([{"date": "2024-03-03", "source": "signature", "start_char": 0},
                       {"date": "2025-01-31", "source": "filed_stamp", "start_char": 5}])
    at = upload(app, ("case.txt", b"one"))
    assert "anchor —" in counts(at)
    pick = at.selectbox(key=f"anchor_pick_{P1}")
    assert pick.options == ["2024-03-03 (signature)", "2025-01-31 (filed stamp)"]
    pick.set_value("2025-01-31 (filed stamp)").run()
    assert "anchor 2025-01-31" in counts(at)                                  # read again against it


# --- the fact list ------------------------------------------------------------------------
@pytest.mark.parametrize("widget, value, expected", [
    ("flt_types", ["date"], ["date-1"]),                                    # by fact type
    ("flt_status", ["unreviewed"], ["party-1", "party-2", "date-1", "order-1"]),  # by review status
    ("flt_query", "irs", ["order-1"]),                                       # free text in value/sentence
    ("flt_low", True, ["party-1", "date-1", "order-1"]),                     # one control hides low confidence
])
def test_filters(app, widget, value, expected):
    at = upload(app, ("case.txt", b"one"))
    key = f"{widget}_{P1}"
    if widget == "flt_query":
        at.text_input(key=key).input(value)
    elif widget == "flt_low":
        at.toggle(key=key).set_value(value)
    else:
        at.multiselect(key=key).set_value(value)
    at.run()
    assert list(fact_list(at)["id"]) == expected and shown(at) == len(expected)


def test_speaker_turns_fold_under_their_speaker(app):
    def turn(n, speaker, start):
        return {"id": f"quote-{n}", "type": "quote", "text": TEXT[start:start + 5], "start_char": start,
                "end_char": start + 5, "page": 1, "sentence": {"text": TEXT[:10], "start_char": 0, "end_char": 10},
                "confidence": 0.85, "method": "quote-turn", "speaker": speaker, "speaker_title": None,
                "content": TEXT[start:start + 5], "direct": True}
    EXTRA_FACTS.extend([turn(1, "The Court", 0), turn(2, "Mr. Levinsohn", 20), turn(3, "The Court", 40)])
    at = upload(app, ("t.txt", b"one"))
    assert shown(at) == 4 and "quote" not in set(fact_list(at)["type"])          # hidden by default
    assert at.toggle(key=f"flt_turns_{P1}").label == "Show speaker turns (3)"
    assert any("The Court 2, Mr. Levinsohn 1" in c.value for c in at.caption)
    at.toggle(key=f"flt_turns_{P1}").set_value(True).run()
    assert list(fact_list(at)["id"])[-3:] == ["quote-1", "quote-3", "quote-2"]  # grouped under their speaker
    at.multiselect(key=f"flt_speakers_{P1}").set_value(["Mr. Levinsohn"]).run()
    assert list(fact_list(at)["id"]) == ["party-1", "party-2", "date-1", "order-1", "quote-2"]


def test_a_new_fact_type_shows_up_without_code_changes(app):
    EXTRA_FACTS.append({"id": "identifier-1", "type": "identifier", "text": "Acme", "start_char": 10,
                        "end_char": 14, "page": 1, "sentence": {"text": TEXT[:72], "start_char": 0, "end_char": 72},
                        "confidence": 0.9, "method": "fake", "kind": "account", "redacted": False,
                        "rule": "Fed. R. Civ. P. 5.2(a)", "exempt": None})
    at = upload(app, ("case.txt", b"one"))
    table = fact_list(at)
    assert "identifier-1" in list(table["id"]) and "identifier 1" in counts(at)
    assert at.multiselect(key=f"flt_types_{P1}").options == ["date", "identifier", "order", "party"]
    assert any("Privacy: 1 personal identifier(s)" in w.value for w in at.warning)     # the privacy place, first


def test_privacy_section_is_a_no_op_without_identifiers(app):
    at = upload(app, ("case.txt", b"one"))
    assert not any("Privacy" in w.value for w in at.warning)


# --- decisions -------------------------------------------------------------------------------
def test_accept_reject_next_previous_and_undo(app):
    at = upload(app, ("case.txt", b"one"))
    at.button(key="kb_accept").click().run()                                 # accept party-1, go to the next
    assert card_id(at) == "party-2" and "accepted 1" in counts(at)
    at.button(key="kb_reject").click().run()
    assert card_id(at) == "date-1" and "rejected 1" in counts(at)
    at.button(key="kb_prev").click().run()
    assert card_id(at) == "party-2" and 'data-status="rejected"' in card(at)
    at.button(key="kb_undo").click().run()
    assert "rejected" not in counts(at) and "unreviewed 3" in counts(at)
    at.button(key="kb_next").click().run()
    at.button(key="kb_next").click().run()
    at.button(key="kb_next").click().run()                                   # clamped at the last fact
    assert card_id(at) == "order-1"
    assert list(fact_list(at)["status"]) == ["accepted", "unreviewed", "unreviewed", "unreviewed"]


def test_bulk_accept_every_fact_of_a_filter(app):
    at = upload(app, ("case.txt", b"one"))
    at.multiselect(key=f"flt_types_{P1}").set_value(["party"]).run()
    assert at.button(key="bulk_acc_all").label == "✓ All shown (2)"
    at.button(key="bulk_acc_all").click().run()
    assert "accepted 2" in counts(at) and "unreviewed 2" in counts(at)
    at.multiselect(key=f"flt_types_{P1}").set_value([]).run()
    at.button(key="bulk_rej_all").click().run()
    assert "rejected 4" in counts(at)
    assert at.button(key="bulk_acc_sel").disabled                            # nothing ticked in the list


# --- reviews last, per workspace ---------------------------------------------------------------
def test_review_reopens_in_its_workspace_and_nowhere_else(app):
    at = upload(app, ("case.txt", b"one"))
    ws = workspace_of(at)
    at.button(key="kb_reject").click().run()                                 # party-1 rejected: the review is saved
    again = new_session(ws)                                                  # a reload: same address, same workspace
    assert not again.exception and workspace_of(again) == ws
    assert again.selectbox(key="doc_select").value == f"{sha(b'one')}:case.txt"
    assert "(saved review)" in again.selectbox(key="doc_select").format_func(again.selectbox(key="doc_select").value)
    assert "rejected 1" in counts(again)
    other = new_session()                                                    # another browser: its own workspace
    assert workspace_of(other) != ws and other.info[0].value.startswith("Upload filings")
    assert not [h for h in other.html if "lf-counts" in h.value]
    other.text_input(key="ws_input").input("team-b")
    other.button(key="ws_open").click().run()
    assert workspace_of(other) == "team-b" and other.info[0].value.startswith("Upload filings")
    other.text_input(key="ws_input").input("../etc")                        # a bad name: a message, nothing opened
    other.button(key="ws_open").click().run()
    assert workspace_of(other) == "team-b" and any("workspace name" in w.value for w in other.warning)


def test_bad_workspace_in_the_address_opens_a_private_one(app):
    at = new_session("../../etc/passwd")
    assert not at.exception and workspace_of(at).startswith("session-")
    assert any("not a valid name" in w.value for w in at.warning)


def test_saved_review_pins_extraction_and_forget(app):
    at = upload(app, ("case.txt", b"one"))
    at.button(key="kb_reject").click().run()
    at.checkbox(key="use_anchor").check().run()                             # would change the extraction
    assert "anchor —" in counts(at)                                          # the reviewed extraction is kept
    at.button(key=f"forget_{P1}").click().run()                              # forget: decisions and text deleted
    assert "anchor " + __import__("datetime").date.today().isoformat() in counts(at)   # extracted again
    assert "unreviewed 4" in counts(at)
    assert new_session(workspace_of(at)).info[0].value.startswith("Upload filings")  # nothing left to reopen


def test_kept_source_reopens_with_its_page_image(app):
    pdf = b"%PDF-1.4 one"
    at = upload(app, ("case.pdf", pdf))
    p = sha(pdf)[:12]
    assert at.get("segmented_control")[0].options == ["Text", "Page image"]  # a PDF: both views
    at.toggle(key=f"keep_{p}").set_value(True).run()
    again = new_session(workspace_of(at))
    assert again.toggle(key=f"keep_{p}").value is True
    assert again.get("segmented_control")[0].options == ["Text", "Page image"]  # the file came back from the store
    again.toggle(key=f"keep_{p}").set_value(False).run()
    third = new_session(workspace_of(at))
    assert third.get("segmented_control")[0].options == ["Text"]


def test_edit_shows_the_original_value(app):
    at = upload(app, ("case.txt", b"one"))
    at.button(key="kb_next").click().run()
    at.button(key="kb_next").click().run()
    assert card_id(at) == "date-1"
    p = f"{P1}_date-1"
    at.text_input(key=f"{p}_value").input("2024-03-04")
    at.text_input(key=f"{p}_note").input("typo in the order")
    at.button(key=f"save_{p}").click().run()
    c = card(at)
    assert 'data-status="edited"' in c and "value was: <s>2024-03-03</s> → 2024-03-04" in c
    assert "typo in the order" in c


def test_edit_refused_value_shows_message(app):
    at = upload(app, ("case.txt", b"one"))
    at.button(key="kb_next").click().run()
    at.button(key="kb_next").click().run()
    p = f"{P1}_date-1"
    at.text_input(key=f"{p}_value").input("")                              # a date needs a value
    at.button(key=f"save_{p}").click().run()
    assert any("Not a valid date fact" in w.value for w in at.warning)
    assert 'data-status="unreviewed"' in card(at)


def test_add_missed_fact_from_a_text_selection(app):
    at = upload(app, ("case.txt", b"one"))
    start = TEXT.index("47,000 names")
    at.session_state[f"span_{P1}"] = {"start": start, "end": start + len("47,000 names")}  # what the view sends
    at.run()
    assert any("Selected: “47,000 names”" in m.value for m in at.markdown)
    at.selectbox(key=f"addtype_{P1}").set_value("quantity")
    at.button(key=f"add_{P1}").click().run()
    assert card_id(at) == "manual-1" and 'data-status="added"' in card(at)
    assert "<b>47000.0</b>" in card(at) and "manual-1" in list(fact_list(at)["id"])


# --- chronology and exports ----------------------------------------------------------------
def test_chronology_exports_csv_and_word(app):
    at = upload(app, ("case.txt", b"one"))
    rows = list(csv.reader(io.StringIO(_download(at, "dl_chrono_csv"))))
    assert rows[0] == ["Date", "Event", "Document", "Page", "Sentence", "Review", "Fact"]
    assert rows[1][:4] == ["2024-03-03", "", "case.txt", "1"] and rows[1][6] == "date-1"
    import docx
    table = docx.Document(io.BytesIO(_download(at, "dl_chrono_docx", binary=True))).tables[0]
    assert [c.text for c in table.rows[1].cells][:3] == ["2024-03-03", "", "case.txt"]


def test_exports_carry_the_review(app):
    at = upload(app, ("case.txt", b"one"), ("bad.pdf", b"bad"))
    at.selectbox(key="doc_select").set_value(f"{sha(b'one')}:case.txt").run()
    at.button(key="kb_reject").click().run()                                 # party-1
    doc = json.loads(_download(at, "dl_json"))
    validate_line(doc)
    assert {f["id"]: f["review"]["status"] for f in doc["facts"]}["party-1"] == "rejected"
    assert "text" not in doc["document"]
    lines = [json.loads(x) for x in _download(at, "dl_jsonl").splitlines()]
    assert [x["document"]["source"] for x in lines] == ["case.txt", "bad.pdf"]
    assert lines[1]["error"]["code"] == "pdf.corrupt"
    rows = list(csv.DictReader(io.StringIO(_download(at, "dl_csv_all"))))
    assert {r["fact_id"]: r["review_status"] for r in rows}["party-1"] == "rejected" and len(rows) == 4
    at.checkbox(key="exp_drop_rejected").check().run()
    assert "party-1" not in {f["id"] for f in json.loads(_download(at, "dl_json"))["facts"]}


def test_documents_tab_counts_by_type_and_status(app):
    at = upload(app, ("case.txt", b"one"))
    at.button(key="kb_accept").click().run()
    table = next(d.value for d in at.dataframe if "file" in d.value.columns)
    row = table.iloc[0]
    assert row["facts"] == 4 and row["type: party"] == 2 and row["status: accepted"] == 1
    assert row["status: unreviewed"] == 3 and row["status"] == "saved review"


def _download(at: AppTest, key: str, binary: bool = False):
    """The content behind a download button (captured by the ``app`` fixture from Streamlit's media storage)."""
    btn = next(b for b in at.get("download_button") if b.proto.id.endswith(f"-{key}"))
    file_id = btn.proto.url.rsplit("/", 1)[-1].split(".", 1)[0]
    return DOWNLOADS[file_id] if binary else DOWNLOADS[file_id].decode("utf-8")


# --- the real pipeline -------------------------------------------------------------------
def test_real_pipeline_on_corpus_text(monkeypatch, tmp_path):
    import streamlit as st

    path = ROOT.parent / "shared" / "corpus" / "news" / "irs_dhs_taxpayer_data.txt"
    if not path.exists():
        pytest.skip("../shared/corpus is not present")
    st.cache_data.clear()
    monkeypatch.setenv("LEGAL_FACTS_REVIEW_DB", str(tmp_path / "r.sqlite"))
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.file_uploader(key="uploads").upload(path.name, path.read_bytes(), "text/plain")
    at.run()
    assert not at.exception
    result = extractor.extract_bytes(path.read_bytes(), path.name, include_text=True)
    assert list(fact_list(at)["id"]) == [f["id"] for f in sorted(result["facts"], key=lambda f: f["start_char"])
                                         if not (f["type"] == "quote" and f["method"].endswith("turn"))]
    assert f'data-total="{len(result["facts"])}"' in counts(at)


# --- privacy config ------------------------------------------------------------------------
def test_config_keeps_everything_local():
    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert cfg["browser"]["gatherUsageStats"] is False
    assert cfg["server"]["maxUploadSize"] == 50                              # C-12, same as app.MAX_UPLOAD_MB
    assert cfg["client"]["showErrorDetails"] == "none"                       # no traceback in the browser
    source = (ROOT / "app.py").read_text(encoding="utf-8")
    assert "MAX_UPLOAD_MB = 50" in source
    for path in [ROOT / "app.py", *(ROOT / "extractor" / "review" / "web").iterdir()]:
        text = path.read_text(encoding="utf-8")
        assert "http://" not in text and "https://" not in text               # no external fonts, scripts, CDNs


def test_a_failing_store_is_a_message_not_a_traceback(app, monkeypatch):
    import sqlite3

    from extractor.review import ReviewStore

    at = upload(app, ("case.txt", b"one"))

    def locked(*a, **k):
        raise sqlite3.OperationalError("database is locked")
    monkeypatch.setattr(ReviewStore, "set_many", locked)
    at.button(key="kb_accept").click().run()
    assert not at.exception
    assert any("database is locked" in w.value for w in at.warning) and "accepted" not in counts(at)


def test_privacy_section_lists_an_unredacted_ssn_and_offers_the_redacted_copy(app, monkeypatch):
    """A filing showing a whole SSN: the privacy review comes first, flags it, and the redacted copy
    shows only the last four digits (issue 12)."""
    import extractor
    import extractor.extract

    monkeypatch.setattr(extractor, "extract_bytes", extractor.extract.extract_bytes)  # the real extraction
    data = b"UNITED STATES DISTRICT COURT\n\nThe debtor's SSN is 123-45-6789 and he lives in Ohio."
    at = upload(app, ("leak.txt", data))
    assert any("Privacy: 1 personal identifier(s)" in w.value and "unredacted identifier" in w.value
               for w in at.warning)
    table = next(d.value for d in at.dataframe if "masked" in d.value.columns)
    assert list(table["status"]) == ["violation"] and list(table["kind"]) == ["ssn"]
    assert "6789" in table["masked"][0] and "123-45" not in table["masked"][0]
    key = f"priv_make_{sha(data)[:12]}"
    at.button(key=key).click().run()
    assert not at.error
    assert any(getattr(b, "label", "") == "Download the redacted copy" for b in at.get("download_button"))
