"""The review app's flows with ``streamlit.testing.v1.AppTest``: upload, pick a
sample, errors, the too-large message (CASES.md C-12), filters, corrections
that survive a new session, adding a fact, exports, and the privacy config.

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
            ]}


DOWNLOADS: dict[str, bytes] = {}


@pytest.fixture()
def app(monkeypatch, tmp_path):
    """A fresh app session with the fake extractor, an empty review store and a
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
    monkeypatch.setattr(extractor, "extract_bytes", fake_extract_bytes)
    monkeypatch.setenv("LEGAL_FACTS_REVIEW_DB", str(tmp_path / "reviews.sqlite"))
    samples = tmp_path / "corpus"
    samples.mkdir()
    (samples / "sample_order.txt").write_text("sample one", encoding="utf-8")
    (samples / "notes.tsv").write_text("skip me", encoding="utf-8")        # not a document type: not listed
    monkeypatch.setenv("LEGAL_FACTS_SAMPLES", str(samples))
    return new_session()


def new_session() -> AppTest:
    """A new browser session (a refresh): nothing of the old session's state survives."""
    return AppTest.from_file(APP, default_timeout=60).run()


def upload(at: AppTest, *files: tuple[str, bytes]) -> AppTest:
    for name, data in files:
        at.file_uploader(key="uploads").upload(name, data, "application/octet-stream")
    return at.run()


def fact_html(at: AppTest) -> dict[str, str]:
    """fact id -> the HTML of its row (sentence with the highlighted words)."""
    out = {}
    for h in at.html:
        if 'class="fact-row' in h.value and "data-fact-id" in h.value:
            fid = h.value.split('data-fact-id="', 1)[1].split('"', 1)[0]
            out[fid] = h.value
    return out


def status_of(at: AppTest, fid: str) -> str:
    return fact_html(at)[fid].split('data-status="', 1)[1].split('"', 1)[0]


# --- upload, samples, errors ---------------------------------------------------------
def test_empty_app_shows_hint_and_limit(app):
    assert not app.exception
    assert "Upload filings" in app.info[0].value
    uploader = app.file_uploader(key="uploads")
    assert "50 MB" in uploader.label and uploader.accept_multiple_files       # C-12: the limit beside the uploader
    assert set(uploader.allowed_type) >= {".pdf", ".txt", ".html", ".docx"}


def test_upload_shows_facts_beside_highlighted_sentences(app):
    at = upload(app, ("case.txt", b"one"))
    assert not at.exception
    rows = fact_html(at)
    assert set(rows) == {"party-1", "party-2", "date-1", "order-1"}
    assert '<mark class="fact">ORDERS</mark>' in rows["order-1"]                          # the fact's words
    assert "stop sharing &lt;data&gt; &amp; files" in rows["order-1"]                      # escaped, not HTML
    assert "<data>" not in rows["order-1"]
    assert "page 1" in rows["date-1"] and '<mark class="fact">March 3, 2024</mark>' in rows["date-1"]
    assert [m.value for m in at.markdown if m.value.startswith("#### ")] == [
        "#### Party (2)", "#### Date (1)", "#### Order (1)"]                                  # grouped by type
    header = next(h.value for h in at.html if "case-head" in h.value)
    assert "Acme Corp. v. IRS" in header and "1:24-cv-00001" in header and "D.D.C." in header


def test_bad_file_does_not_stop_the_others(app):
    at = upload(app, ("bad.pdf", b"bad bytes"), ("good.txt", b"good"))
    assert not at.exception
    assert [e.value for e in at.error] == [
        "bad.pdf: pdf.corrupt — The PDF is damaged or truncated and could not be opened."]
    table = at.dataframe[0].value
    assert list(table["file"]) == ["bad.pdf", "good.txt"] and list(table["status"]) == ["error", "ok"]
    assert list(table["facts"])[1] == 4 and list(table["party"])[1] == 2
    assert "order-1" in fact_html(at)                                                      # the good file is shown


def test_too_large_file_gets_plain_message(app):
    big = b"x" * (50 * 1024 * 1024 + 1)                                                    # C-12: just over 50 MB
    at = upload(app, ("huge.pdf", big), ("good.txt", b"good"))
    assert not at.exception
    assert at.error[0].value.startswith("huge.pdf: input.too_large — file too large (limit 50 MB)")
    assert "order-1" in fact_html(at)


def test_pick_bundled_sample(app):
    assert app.multiselect(key="samples").options == ["sample_order.txt"]                 # .tsv not listed
    at = app.multiselect(key="samples").select("sample_order.txt").run()
    assert not at.exception and "party-1" in fact_html(at)


def test_select_document(app):
    at = upload(app, ("first.txt", b"one"), ("second.txt", b"two"))
    assert at.subheader[0].value == "first.txt"                               # the first readable document
    at.selectbox(key="doc_select").set_value(f"{sha(b'two')}:second.txt").run()
    assert at.subheader[0].value == "second.txt"
    assert f"rej_{sha(b'two')[:12]}_date-1" in [b.key for b in at.button]      # its own review buttons


def test_anchor_date_is_passed(app):
    at = app.checkbox(key="use_anchor").check().run()
    import datetime as dt
    at = at.date_input(key="anchor_date").set_value(dt.date(2026, 2, 12)).run()
    at = upload(at, ("case.txt", b"one"))
    header = next(h.value for h in at.html if "case-head" in h.value)
    assert "2026-02-12 (user)" in header


# --- filters ---------------------------------------------------------------------------
@pytest.mark.parametrize("widget, value, expected", [
    ("flt_types", ["date"], {"date-1"}),                                   # by fact type
    ("flt_roles", ["defendant"], {"party-2", "date-1", "order-1"}),         # role applies to parties only
    ("flt_query", "irs", {"order-1"}),                                       # free text in value/sentence
    ("flt_conf", 0.8, {"party-1", "date-1", "order-1"}),                    # minimum confidence
])
def test_filters(app, widget, value, expected):
    at = upload(app, ("case.txt", b"one"))
    if widget == "flt_query":
        at.text_input(key=widget).input(value)
    elif widget == "flt_conf":
        at.slider(key=widget).set_value(value)
    else:
        at.multiselect(key=widget).set_value(value)
    at.run()
    assert set(fact_html(at)) == expected


# --- corrections survive a new session ---------------------------------------------------
def test_reject_accept_and_refresh(app):
    at = upload(app, ("case.txt", b"one"))
    at.button(key=f"rej_{sha(b'one')[:12]}_date-1").click().run()
    at.button(key=f"acc_{sha(b'one')[:12]}_party-1").click().run()
    assert status_of(at, "date-1") == "rejected" and status_of(at, "party-1") == "accepted"
    again = new_session()                                                   # refresh: no upload in this session
    assert not again.exception
    assert list(again.dataframe[0].value["status"]) == ["saved review"]     # reopened from the store
    assert status_of(again, "date-1") == "rejected" and status_of(again, "party-1") == "accepted"
    again.button(key=f"undo_{sha(b'one')[:12]}_date-1").click().run()
    assert status_of(again, "date-1") == "unreviewed"


def test_saved_review_pins_extraction_and_forget(app):
    at = upload(app, ("case.txt", b"one"))
    at.button(key=f"rej_{sha(b'one')[:12]}_date-1").click().run()
    at.checkbox(key="use_anchor").check().run()                             # would change the extraction
    header = next(h.value for h in at.html if "case-head" in h.value)
    assert "— (none)" in header                                              # the reviewed extraction is kept
    assert list(at.dataframe[0].value["status"]) == ["saved review"]
    at.button(key=f"forget_{sha(b'one')[:12]}").click().run()                # forget: decisions and text deleted
    assert list(at.dataframe[0].value["status"]) == ["ok"] and status_of(at, "date-1") == "unreviewed"
    header = next(h.value for h in at.html if "case-head" in h.value)
    assert "(user)" in header                                                # extracted again with the anchor
    assert new_session().info[0].value.startswith("Upload filings")         # nothing left on disk to reopen


def test_edit_fact_and_note(app):
    at = upload(app, ("case.txt", b"one"))
    p = f"{sha(b'one')[:12]}_order-1"
    at.text_input(key=f"{p}_directed_to").input("Internal Revenue Service")
    at.text_area(key=f"{p}_note").input("named in full on p. 1")
    at.button(key=f"save_{p}").click().run()
    row = fact_html(at)["order-1"]
    assert status_of(at, "order-1") == "edited"
    assert "directed_to: <b>Internal Revenue Service</b>" in row and "named in full on p. 1" in row


def test_edit_refused_value_shows_message(app):
    at = upload(app, ("case.txt", b"one"))
    p = f"{sha(b'one')[:12]}_date-1"
    at.text_input(key=f"{p}_value").input("")                              # a date needs a value
    at.button(key=f"save_{p}").click().run()
    assert any("Not a valid date fact" in e.value for e in at.error)
    assert status_of(at, "date-1") == "unreviewed"


def test_add_missed_fact_by_search(app):
    at = upload(app, ("case.txt", b"one"))
    p = f"add_{sha(b'one')[:12]}"
    at.selectbox(key=f"{p}_type").set_value("quantity").run()
    at.text_input(key=f"{p}_query").input("47,000 names").run()
    at.text_input(key=f"{p}_unit").input("names")
    at.button(key=f"{p}_go").click().run()
    assert any("Added manual-1" in s.value for s in at.success)
    row = fact_html(at)["manual-1"]
    assert '<mark class="fact">47,000 names</mark>' in row and "value: <b>47000.0</b>" in row
    assert status_of(at, "manual-1") == "added"


def test_add_missed_fact_by_offsets_and_bad_span(app):
    at = upload(app, ("case.txt", b"one"))
    p = f"add_{sha(b'one')[:12]}"
    at.radio(key=f"{p}_how").set_value("Character offsets").run()
    at.number_input(key=f"{p}_start").set_value(10)
    at.number_input(key=f"{p}_end").set_value(10)                          # empty span
    at.button(key=f"{p}_go").click().run()
    assert any("empty or outside" in e.value for e in at.error)
    start = TEXT.index("Internal Revenue Service")
    at.number_input(key=f"{p}_start").set_value(start)
    at.number_input(key=f"{p}_end").set_value(start + len("Internal Revenue Service"))
    at.button(key=f"{p}_go").click().run()
    assert "name: <b>Internal Revenue Service</b>" in fact_html(at)["manual-1"]


# --- exports -----------------------------------------------------------------------------
def test_exports_carry_the_review(app):
    at = upload(app, ("case.txt", b"one"), ("bad.pdf", b"bad"))
    at.button(key=f"rej_{sha(b'one')[:12]}_date-1").click().run()
    doc = json.loads(_download(at, "dl_json"))
    validate_line(doc)
    assert {f["id"]: f["review"]["status"] for f in doc["facts"]}["date-1"] == "rejected"
    assert "text" not in doc["document"]
    lines = [json.loads(x) for x in _download(at, "dl_jsonl").splitlines()]
    assert [x["document"]["source"] for x in lines] == ["case.txt", "bad.pdf"]
    assert lines[1]["error"]["code"] == "pdf.corrupt"
    rows = list(csv.DictReader(io.StringIO(_download(at, "dl_csv_all"))))
    assert {r["fact_id"]: r["review_status"] for r in rows}["date-1"] == "rejected" and len(rows) == 4
    at.checkbox(key="exp_drop_rejected").check().run()
    assert "date-1" not in {f["id"] for f in json.loads(_download(at, "dl_json"))["facts"]}


def _download(at: AppTest, key: str) -> str:
    """The text behind a download button (captured by the ``app`` fixture from Streamlit's media storage)."""
    btn = next(b for b in at.get("download_button") if b.proto.id.endswith(f"-{key}"))
    file_id = btn.proto.url.rsplit("/", 1)[-1].split(".", 1)[0]
    return DOWNLOADS[file_id].decode("utf-8")


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


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
    table = at.dataframe[0].value
    assert list(table["status"]) == ["ok"] and list(table["kind"]) == ["news"]
    rows = fact_html(at)
    assert len(rows) == min(int(table["facts"][0]), 40)                     # every fact on screen 1 is shown
    for row in rows.values():
        assert row.count('<mark class="fact">') == 1                         # each beside its highlighted words


def test_real_pdf_page_image_and_paragraph(monkeypatch, tmp_path):
    pdf = ROOT / "corpus" / "order_ca10_in_re_liebowitz.pdf"
    if not pdf.exists():
        pytest.skip("corpus PDF missing")
    monkeypatch.setenv("LEGAL_FACTS_REVIEW_DB", str(tmp_path / "r.sqlite"))
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.file_uploader(key="uploads").upload(pdf.name, pdf.read_bytes(), "application/pdf")
    at.run()
    rows = fact_html(at)
    if not rows:
        pytest.skip("the extractors find no fact in this PDF yet")
    first = next(iter(rows))
    toggle = at.toggle(key=f"img_{sha(pdf.read_bytes())[:12]}_{first}")
    toggle.set_value(True).run()
    assert not at.exception
    assert len(at.image) == 1                                                # the page, with the span boxed
    paragraphs = [h.value for h in at.html if 'class="fact-row"><div class="sent">' in h.value]
    assert paragraphs and all(p.count('<mark class="fact">') == 1 for p in paragraphs)   # paragraph view


# --- privacy config ------------------------------------------------------------------------
def test_config_keeps_everything_local():
    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert cfg["browser"]["gatherUsageStats"] is False
    assert cfg["server"]["maxUploadSize"] == 50                              # C-12, same as app.MAX_UPLOAD_MB
    assert "MAX_UPLOAD_MB = 50" in (ROOT / "app.py").read_text(encoding="utf-8")
    source = (ROOT / "app.py").read_text(encoding="utf-8")
    assert "http://" not in source and "https://" not in source               # no external fonts, scripts, CDNs
