"""The review app: ``streamlit run app.py``.

A review desk: the document (its page text with every fact highlighted in its
type's colour, or the page image with every fact boxed) beside a compact,
sortable fact list; accept, reject, edit, add by selecting text, bulk
decisions, review keys (j/k/a/r/e), a case chronology (CSV, Word) and counts.

Reviews live in a *workspace* (``extractor.review.workspace``): one SQLite
store per workspace, a private one per browser session by default (its name
is kept in the page address, so a reload reopens it), or one the user names.
A session never lists another workspace's documents.

Streamlit only: widgets, caching and rendering. Extraction is
``extractor.extract_bytes``; everything else is ``extractor.review``.
"""
from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import html
import os
from pathlib import Path

import streamlit as st

from extractor import error_result, extract_bytes, load_pipeline
from extractor.errors import InputError
from extractor.review import (EDITABLE_FIELDS, STATUSES, ReviewError, ReviewStore, apply_review, coerce_edits,
                              field_choices, filter_facts, make_manual_fact, to_csv, to_json, to_jsonl)
from extractor.review import desk as desk_mod
from extractor.review.chronology import chronology_csv, chronology_docx, chronology_rows
from extractor.review.privacy import flag_text, privacy_rows, redacted_download
from extractor.review.marks import marks_in_window, page_boxes_html, text_marks_html, view_windows, window_of
from extractor.review.text import highlight_html
from extractor.review.workspace import check_name, is_session_name, new_session_name, workspace_db_path

ROOT = Path(__file__).resolve().parent
WEB = ROOT / "extractor" / "review" / "web"
MAX_UPLOAD_MB = 50  # must match server.maxUploadSize in .streamlit/config.toml (CASES.md C-12)
UPLOAD_TYPES = ["pdf", "txt", "text", "html", "htm", "docx"]
SAMPLE_SUFFIXES = {"." + t for t in UPLOAD_TYPES}
LIST_HEIGHT = 330  # px: the fact list scrolls inside this, so the page stays one screen tall
CSS = """<style>
.block-container { padding-top: 2.2rem; padding-bottom: 1rem; }
.lf-card { border: 1px solid #ddd; border-radius: 6px; padding: 6px 10px; font-size: 0.9rem; }
.lf-card .meta { color: #555; font-size: 0.8rem; }
.lf-card mark.fact { background: #ffe066; padding: 0 2px; border-radius: 3px; }
.lf-card .orig { color: #a61e4d; font-size: 0.8rem; }
.lf-badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 0.75rem; background: #e9ecef; }
.lf-ws { font-family: ui-monospace, monospace; font-size: 0.8rem; background: #f1f3f5; padding: 1px 6px; border-radius: 4px; }
</style>"""

docview = st.components.v2.component("legal_facts_docview", js=(WEB / "docview.js").read_text(),
                                     css=(WEB / "docview.css").read_text(), isolate_styles=False)
review_keys = st.components.v2.component("legal_facts_keys", js=(WEB / "keys.js").read_text())


# --- cached resources and data -------------------------------------------------
@st.cache_resource(show_spinner="Loading the language pipeline…")
def pipeline():
    """The spaCy pipeline, loaded once per server process."""
    return load_pipeline()


@st.cache_resource
def review_store(path: str) -> ReviewStore:
    """One store per workspace file."""
    return ReviewStore(path)


@st.cache_data(show_spinner=False, max_entries=50)
def extract_cached(sha: str, name: str, anchor: str | None, _data: bytes) -> dict:
    """The result for one file, keyed by its sha256 and options (``_data`` is not
    hashed); a file that cannot be read gives the FACTS.md error line."""
    pipeline()
    try:
        return extract_bytes(_data, name, anchor_date=anchor, include_text=True)
    except Exception as exc:  # InputError keeps its code; anything else is extract.failed
        return error_result(name, exc, sha)


@st.cache_data(show_spinner=False, max_entries=200)
def page_picture(sha: str, page: int, _pdf: bytes) -> tuple[str, float, float]:
    """A PDF page as a ``data:`` PNG URI with its size in points, keyed by sha256 and page."""
    from extractor.review.pdfview import render_page

    png, width, height = render_page(_pdf, page)
    return "data:image/png;base64," + base64.b64encode(png).decode(), width, height


@st.cache_data(show_spinner=False, max_entries=500)
def page_fact_boxes(sha: str, page: int, spans: tuple, _pdf: bytes) -> dict:
    """Boxes of the facts ``spans`` (``(id, text, occurrence)``) on one page, keyed by sha256, page and spans."""
    from extractor.review.pdfview import fact_boxes

    return fact_boxes(_pdf, page, list(spans))


def esc(value) -> str:
    """Escaped text for HTML (None is empty)."""
    return html.escape("" if value is None else str(value), quote=True)


def flash(message: str | None) -> None:
    """Keep a message for the desk to show on its next run (None clears it)."""
    st.session_state["flash"] = message


def guarded(callback):
    """A widget callback that turns any failure (a locked or full disk ...) into a message, never a traceback."""
    @functools.wraps(callback)
    def run(*args, **kwargs):
        try:
            return callback(*args, **kwargs)
        except Exception as exc:
            flash(f"That did not work ({type(exc).__name__}: {exc}). Nothing else was changed.")
    return run


# --- workspace -------------------------------------------------------------------
def workspace() -> str:
    """The open workspace: from the page address (``?ws=``) on a session's first run,
    else a new private one; written back to the address so a reload keeps it."""
    ss = st.session_state
    if "workspace" not in ss:
        asked = st.query_params.get("ws")
        try:
            ss["workspace"] = check_name(asked) if asked else new_session_name()
        except ReviewError:
            ss["workspace"] = new_session_name()
            ss["flash"] = "The workspace in the address is not a valid name; a new private one was opened."
    if st.query_params.get("ws") != ss["workspace"]:
        st.query_params["ws"] = ss["workspace"]
    return ss["workspace"]


def store() -> ReviewStore:
    """The review store of the open workspace."""
    return review_store(str(workspace_db_path(workspace())))


@guarded
def on_open_workspace() -> None:
    """Open the workspace typed under *Workspace name*; a bad name leaves a message."""
    try:
        name = check_name(st.session_state.get("ws_input") or "")
    except ReviewError as exc:
        st.session_state["flash"] = str(exc)
        return
    _switch_workspace(name)


def _switch_workspace(name: str) -> None:
    st.session_state["workspace"] = name
    st.session_state.pop("doc_select", None)
    st.session_state["flash"] = None


def workspace_panel(name: str) -> None:
    """The sidebar's workspace line: which one is open, and controls to open a named or a new private one."""
    sb = st.sidebar
    private = is_session_name(name)
    sb.markdown(f'Workspace: <span class="lf-ws" id="lf-workspace">{esc(name)}</span>', unsafe_allow_html=True)
    sb.caption("Private to this browser tab: keep the page address to come back to it."
               if private else "A named workspace: anyone who opens this name on this server sees its reviews.")
    c1, c2 = sb.columns([3, 2], vertical_alignment="bottom")
    c1.text_input("Workspace name", key="ws_input", placeholder="e.g. smith-v-jones")
    c2.button("Open", key="ws_open", on_click=on_open_workspace)
    sb.button("New private workspace", key="ws_new", on_click=lambda: _switch_workspace(new_session_name()))


# --- privacy (issue 12) ----------------------------------------------------------------
@st.cache_data(show_spinner="Making the redacted copy…", max_entries=8)
def redacted_cached(sha: str, name: str, _data: bytes, _result: dict) -> tuple[bytes, str, str] | str:
    """The redacted copy of one file (``privacy.redacted_download``), keyed by its sha256; a plain
    message instead when it cannot be made."""
    try:
        return redacted_download(_data, name, _result)
    except InputError as exc:
        return f"The redacted copy could not be made: {exc.message} [{exc.code}]"


def render_privacy_section(result: dict, entry: dict | None = None) -> None:
    """Shown first for a document: what court privacy rules restrict (Fed. R. Civ. P. 5.2, Crim. P. 49.1,
    Bankr. P. 9037) — its identifiers, violations first, and its redaction boxes, failed ones first —
    with a redacted copy to download. Nothing when the document has neither."""
    rows = privacy_rows(result)
    if not rows["identifiers"] and not rows["redactions"]:
        return
    facts, boxes = rows["identifiers"], rows["redactions"]
    failed = sum(1 for b in boxes if b["text_under"])
    st.warning(f"Privacy: {len(facts)} personal identifier(s), {len(boxes)} redaction box(es)"
               + (f", {failed} with readable text under them" if failed else "") + "."
               + (f" Flagged: {flag_text(result)}." if flag_text(result) else ""))
    sha12 = ((entry or {}).get("sha") or result["document"].get("id") or "")[:12]
    with st.expander("Privacy review", expanded=bool(flag_text(result))):
        if facts:
            st.dataframe([{k: r[k] for k in ("status", "kind", "page", "text", "masked", "rule", "exempt")} for r in facts],
                         hide_index=True, width="stretch", key=f"priv_ids_{sha12}")
        if boxes:
            st.dataframe([{k: r[k] for k in ("status", "page", "bbox")} for r in boxes], hide_index=True,
                         width="stretch", key=f"priv_boxes_{sha12}")
        data = (entry or {}).get("data")
        if data is None:
            return
        if st.button("Make a redacted copy", key=f"priv_make_{sha12}"):
            st.session_state[f"priv_ready_{sha12}"] = True
        if st.session_state.get(f"priv_ready_{sha12}"):
            made = redacted_cached(entry["sha"], entry["name"], data, result)
            if isinstance(made, str):
                st.error(made)
            else:
                out, fname, mime = made
                st.download_button("Download the redacted copy", out, file_name=fname, mime=mime,
                                   key=f"priv_dl_{sha12}")


# --- inputs --------------------------------------------------------------------
def samples_dir() -> Path:
    """The folder of bundled samples (``$LEGAL_FACTS_SAMPLES`` or ``corpus/``)."""
    return Path(os.environ.get("LEGAL_FACTS_SAMPLES", ROOT / "corpus"))


def list_samples() -> list[str]:
    """File names in the bundled ``corpus/`` folder, read at run time."""
    folder = samples_dir()
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SAMPLE_SUFFIXES)


def sidebar_inputs() -> tuple[list[tuple[str, bytes]], str | None]:
    """The files to read (name, bytes) and the anchor date (ISO or None)."""
    sb = st.sidebar
    uploads = sb.file_uploader(f"Upload filings (PDF, text, HTML, Word) — up to {MAX_UPLOAD_MB} MB each",
                               type=UPLOAD_TYPES, accept_multiple_files=True, key="uploads",
                               help="Files are read in memory; a file is stored only if you keep it with its review.")
    picked = sb.multiselect("Or pick bundled samples", list_samples(), key="samples")
    anchor = None
    if sb.checkbox("Set an anchor date", key="use_anchor", help="The date relative expressions resolve against."):
        anchor = sb.date_input("Anchor date", value=dt.date.today(), key="anchor_date").isoformat()
    files = [(f.name, f.getvalue()) for f in uploads or []]
    for name in picked:
        try:
            files.append((name, (samples_dir() / name).read_bytes()))
        except OSError as exc:
            st.sidebar.error(f"{name}: cannot be read ({exc.strerror or type(exc).__name__}).")
    return files, anchor


def too_large_line(name: str, size: int) -> dict:
    """The FACTS.md error line of a file over the upload limit (``size`` in bytes)."""
    return {"schema_version": "1.0", "document": {"source": name, "id": None}, "facts": [],
            "error": {"code": "input.too_large",
                      "message": f"file too large (limit {MAX_UPLOAD_MB} MB): {size / 1e6:.1f} MB"}}


def is_pdf(data: bytes | None) -> bool:
    """True when the bytes hold a PDF header in their first KiB."""
    return bool(data) and data[:1024].find(b"%PDF") >= 0


def pick_document(keys: list[str]) -> str | None:
    """The document to review: a newly added one first, else the one chosen before."""
    ss = st.session_state
    seen = ss.setdefault("seen_keys", [])
    new = [k for k in keys if k not in seen]
    ss["seen_keys"] = seen + new
    if new:
        ss["doc_select"] = new[0]
    if ss.get("doc_select") not in keys:
        ss["doc_select"] = keys[0] if keys else None
    return ss["doc_select"]


def extract_all(files, anchor, selected, status_box, on_ready) -> list[dict]:
    """Read every file (cached by sha256 and anchor), with a progress bar and one
    line per document as soon as it is done; ``on_ready(entry)`` runs for the
    selected document the moment it is ready, so its facts show before the others finish."""
    done = st.session_state.setdefault("extracted", set())  # (sha, name, anchor) read in this session
    shas = [hashlib.sha256(data).hexdigest() for _, data in files]
    new = [i for i, (name, _) in enumerate(files) if (shas[i], name, anchor) not in done]
    bar = status_box.progress(0.0, text="Reading…") if new else None
    entries, lines, summary = [], [], status_box.empty()
    for i, (name, data) in enumerate(files):
        sha = shas[i]
        result = store().load_document(sha)  # a saved review keeps the extraction it was made on
        saved = result is not None
        if result is None and len(data) > MAX_UPLOAD_MB * 1024 * 1024:
            result = too_large_line(name, len(data))
        elif result is None:
            if bar is not None and i in new:
                bar.progress(new.index(i) / len(new), text=f"Reading {name} ({new.index(i) + 1} of {len(new)})…")
            result = extract_cached(sha, name, anchor, data)
            done.add((sha, name, anchor))
        entry = {"key": f"{sha}:{name}", "name": name, "sha": sha, "result": result,
                 "pdf": data if is_pdf(data) else None, "data": data, "saved": saved}
        entries.append(entry)
        if "error" in result:
            lines.append(f"✗ {name}: {result['error']['code']}")
        else:
            c = desk_mod.counts(result["facts"])
            lines.append(f"✓ {name}: {c['total']} facts (" + ", ".join(f"{t} {n}" for t, n in c["by_type"].items())
                         + ")")
        summary.caption(" · ".join(lines))  # each document's counts as soon as it is read
        if entry["key"] == selected:
            on_ready(entry)
    if bar is not None:
        bar.empty()
    return entries


def saved_entries(open_shas: set[str]) -> list[dict]:
    """This workspace's saved reviews that are not among this session's files,
    with their kept source file (for page images) when there is one."""
    out = []
    for row in store().documents():
        if row["doc_id"] not in open_shas:
            out.append({"key": f"{row['doc_id']}:{row['source']}", "name": row["source"], "sha": row["doc_id"],
                        "result": None, "pdf": None, "saved": True})
    return out


def load_saved(entry: dict) -> dict:
    """Fill a saved entry's result and kept source file from the store (once)."""
    if entry["result"] is None:
        entry["result"] = store().load_document(entry["sha"]) or error_result(
            entry["name"], ReviewError("The saved review could not be read."), entry["sha"])
        entry["pdf"] = store().load_source(entry["sha"])
    return entry


# --- callbacks (they run before the script, so the page shows the new state) -------
def _remember(result: dict) -> None:
    if not store().has_document(result["document"]["id"]):
        store().save_document(result)


def set_current(sha12: str, fact_id: str | None, page: int | None = None) -> None:
    """Select a fact of a document; the desk then shows its page (``page`` is not needed)."""
    st.session_state[f"cur_{sha12}"] = fact_id


@guarded
def on_decide(result: dict, fact_ids: list[str], status: str, then: str | None = None) -> None:
    """Set ``status`` on the facts; ``then`` is the fact to select next (auto-advance)."""
    if not fact_ids:
        return
    _remember(result)
    store().set_many(result["document"]["id"], list(fact_ids), status)
    sha12 = result["document"]["id"][:12]
    if then and st.session_state.get(f"auto_{sha12}", True):
        st.session_state[f"cur_{sha12}"] = then
    flash(None)


@guarded
def on_page_step(key: str, numbers: list[int], delta: int) -> None:
    """Show the previous or next page (``delta`` -1 or 1), clamped to the document."""
    i = numbers.index(st.session_state[key]) if st.session_state.get(key) in numbers else 0
    st.session_state[key] = numbers[max(0, min(len(numbers) - 1, i + delta))]


@guarded
def on_step(sha12: str, ids: list[str], pages: dict, delta: int) -> None:
    """Select the fact ``delta`` places from the selected one in the list's order."""
    new = desk_mod.step(ids, st.session_state.get(f"cur_{sha12}"), delta)
    set_current(sha12, new, pages.get(new))


@guarded
def on_list_select(sha12: str, ids: list[str], pages: dict) -> None:
    """The rows chosen in the fact list: the last one chosen becomes the selected fact."""
    rows = (st.session_state.get(f"list_{sha12}") or {}).get("selection", {}).get("rows", [])
    if rows and rows[-1] < len(ids):
        fid = ids[rows[-1]]
        set_current(sha12, fid, pages.get(fid))


@guarded
def on_save_edits(result: dict, fact: dict, prefix: str) -> None:
    """Save the edit form of one fact (an added fact is rebuilt); a refused value leaves a message."""
    values = {f: st.session_state.get(f"{prefix}_{f}") for f in EDITABLE_FIELDS.get(fact["type"], ())}
    original = next((f for f in result["facts"] if f["id"] == fact["id"]), None)
    try:
        _remember(result)
        doc_id = result["document"]["id"]
        if original is None:  # an added fact: rebuild it from its span with the new values
            new = make_manual_fact(result, fact["type"], fact["start_char"], fact["end_char"],
                                   {**{k: fact.get(k) for k in EDITABLE_FIELDS[fact["type"]]}, **values})
            store().remove_added(doc_id, fact["id"])
            fid = store().add_fact(doc_id, new)
        else:
            fid = fact["id"]
            store().set_edits(doc_id, fid, coerce_edits(original, {k: v for k, v in values.items()
                                                                   if _changed(original.get(k), v)}))
        store().set_note(doc_id, fid, st.session_state.get(f"{prefix}_note"))
        st.session_state[f"cur_{doc_id[:12]}"] = fid
        flash(None)
    except ReviewError as exc:
        flash(str(exc))


def _changed(old, new) -> bool:
    if isinstance(old, list):
        old = "; ".join(old)
    return ("" if old is None else str(old)) != ("" if new is None else str(new)).strip()


@guarded
def on_add_span(result: dict, sha12: str) -> None:
    """Add the words selected in the document view as a fact of the chosen type."""
    span = st.session_state.get(f"span_{sha12}")
    fact_type = st.session_state.get(f"addtype_{sha12}")
    try:
        if not span:
            raise ReviewError("Select the words in the document first.")
        fact = make_manual_fact(result, fact_type, span["start"], span["end"])
        _remember(result)
        fid = store().add_fact(result["document"]["id"], fact)
        set_current(sha12, fid, fact.get("page"))
        st.session_state.pop(f"span_{sha12}", None)
        flash(f"Added {fid}.")
    except ReviewError as exc:
        flash(str(exc))


@guarded
def on_remove_added(result: dict, fact_id: str) -> None:
    """Delete a fact the reviewer added."""
    store().remove_added(result["document"]["id"], fact_id)


@guarded
def on_keep_source(entry: dict) -> None:
    """Keep or drop the document's file in the store, as its toggle says."""
    sha12 = entry["sha"][:12]
    try:
        if st.session_state.get(f"keep_{sha12}"):
            _remember(entry["result"])
            store().save_source(entry["sha"], entry["name"], entry["pdf"] or b"")
        else:
            store().drop_source(entry["sha"])
    except ValueError as exc:
        st.session_state[f"keep_{sha12}"] = False
        flash(str(exc))


@guarded
def on_forget(doc_id: str) -> None:
    """Delete everything the workspace keeps about one document."""
    store().forget(doc_id)


# --- the review desk -------------------------------------------------------------
def anchor_choice(doc: dict) -> None:
    """Switch the anchor date among ``document.anchor_candidates``: the documents are read again against it."""
    cands = doc.get("anchor_candidates") or []
    if len(cands) < 2:
        return
    labels = [f"{c['date']} ({c['source'].replace('_', ' ')})" for c in cands]
    key = f"anchor_pick_{doc.get('id', '')[:12]}"

    def use() -> None:
        """Use the chosen candidate as the anchor date and read the documents again."""
        picked = cands[labels.index(st.session_state[key])]
        st.session_state["use_anchor"] = True
        st.session_state["anchor_date"] = dt.date.fromisoformat(picked["date"])
        st.session_state["rerun_app"] = True  # the documents are read again: more than this fragment

    st.selectbox("Anchor date (relative dates resolve against it)", labels, index=0, key=key, on_change=use)


def counts_line(facts: list[dict]) -> str:
    """One line of HTML: the facts by type and by review status."""
    c = desk_mod.counts(facts)
    types = " · ".join(f"{t} {n}" for t, n in c["by_type"].items())
    statuses = " · ".join(f"{s} {n}" for s, n in c["by_status"].items())
    return f'<div class="lf-counts" data-total="{c["total"]}">{c["total"]} facts: {esc(types)} &nbsp;|&nbsp; {esc(statuses)}</div>'


def list_filters(sha12: str, facts: list[dict]) -> list[dict]:
    """The filter row; returns the facts the list shows."""
    turns = desk_mod.turns_by_speaker(facts)
    c1, c2, c3, c4 = st.columns([3, 3, 3, 2], vertical_alignment="bottom")
    types = c1.multiselect("Type", sorted({f["type"] for f in facts}), key=f"flt_types_{sha12}")
    statuses = c2.multiselect("Status", list(STATUSES), key=f"flt_status_{sha12}")
    query = c3.text_input("Search", key=f"flt_query_{sha12}", placeholder="words in the fact or sentence")
    hide_low = c4.toggle(f"Hide low confidence (< {desk_mod.LOW_CONFIDENCE})", key=f"flt_low_{sha12}")
    show_turns, speakers = False, []
    if turns:
        c5, c6 = st.columns([2, 5], vertical_alignment="bottom")
        n = sum(len(v) for v in turns.values())
        show_turns = c5.toggle(f"Show speaker turns ({n})", key=f"flt_turns_{sha12}",
                               help="Transcript turns, grouped under their speaker; hidden by default.")
        if show_turns:
            speakers = c6.multiselect("Speakers", list(turns), key=f"flt_speakers_{sha12}",
                                      format_func=lambda s: f"{s} ({len(turns[s])})")
        else:
            c6.caption("Speaker turns hidden: " + ", ".join(f"{s} {len(v)}" for s, v in list(turns.items())[:6]))
    shown = desk_mod.visible_facts(facts, show_turns=show_turns, speakers=speakers, hide_low=hide_low)
    return filter_facts(shown, types=types, statuses=statuses, query=query)


def document_side(entry: dict, facts: list[dict], shown: list[dict], current: dict | None) -> dict | None:
    """The page (text with marks, or image with boxes); returns the component's events."""
    result, sha12 = entry["result"], entry["sha"][:12]
    doc = result["document"]
    text = doc.get("text") or ""
    windows = view_windows(doc.get("pages") or [], text)
    numbers = list(range(1, len(windows) + 1))
    key = f"pg_{sha12}"
    if st.session_state.get(key) not in numbers:
        st.session_state[key] = window_of(windows, (current or {}).get("start_char", 0)) + 1
    views = ["Text", "Page image"] if entry.get("pdf") else ["Text"]
    c1, c2, c3, c4 = st.columns([6, 4, 1, 1], vertical_alignment="bottom")
    view = c1.segmented_control("View", views, default="Text", key=f"view_{sha12}") or "Text"
    page_no = c2.selectbox("Page", numbers, key=key, format_func=lambda n: window_label(windows, n))
    c3.button("‹", key=f"pgprev_{sha12}", on_click=on_page_step, args=(key, numbers, -1), help="Previous page")
    c4.button("›", key=f"pgnext_{sha12}", on_click=on_page_step, args=(key, numbers, 1), help="Next page")
    win = windows[page_no - 1]
    on_page = marks_in_window(shown, win["start_char"], win["end_char"])
    cur_id = (current or {}).get("id")
    if view == "Page image" and win["page"]:
        from extractor.review.pdfview import occurrence_on_page
        page = next(p for p in doc["pages"] if p["number"] == win["page"])
        on_page = [f for f in shown if f.get("page") == win["page"]]
        try:
            uri, width, height = page_picture(entry["sha"], win["page"], entry["pdf"])
            spans = tuple((f["id"], f["text"], occurrence_on_page(text, page, f)) for f in on_page)
            boxes = page_fact_boxes(entry["sha"], win["page"], spans, entry["pdf"])
        except Exception as exc:  # an unrenderable page must not stop the review
            st.info(f"The page image is not available ({type(exc).__name__}); showing the text.")
            view = "Text"
        else:
            body = page_boxes_html(uri, width, height, boxes, {f["id"]: f["type"] for f in on_page}, cur_id)
    else:
        view = "Text"
    if view == "Text":
        body = text_marks_html(text, win["start_char"], win["end_char"], on_page, cur_id)
    digest = hashlib.sha1(body.encode()).hexdigest()[:16]
    res = docview(key=f"doc_{sha12}", data={"html": body, "key": f"{view}:{page_no}:{digest}", "page": page_no,
                                              "follow": True},
                  on_pick_change=lambda: None, on_span_change=lambda: None)
    return res


def window_label(windows: list[dict], n: int) -> str:
    """How the page picker names window ``n`` (1-based): "3 of 39", or "3 of 39, part 2/4" for a long page."""
    w = windows[n - 1]
    pages = len({x["page"] for x in windows})
    where = f"{w['page']} of {pages}" if w["page"] is not None else f"part {w['part']} of {w['parts']}"
    return where + (f", part {w['part']}/{w['parts']}" if w["page"] is not None and w["parts"] > 1 else "")


def fact_card(entry: dict, fact: dict, ids: list[str], pages: dict) -> None:
    """The selected fact: its values once, its sentence with the words marked,
    the original of edited fields, and the decision buttons."""
    result, sha12 = entry["result"], entry["sha"][:12]
    status = desk_mod.status_of(fact)
    sent = fact.get("sentence") or {}
    value = desk_mod.main_value(fact)
    extras = [f"{k}: <b>{esc(fact[k])}</b>" for k in ("role", "speaker", "event", "unit", "directed_to", "kind")
              if fact.get(k) not in (None, "", [])]
    quote_once = fact["type"] == "quote"  # a quote's words are its sentence: shown once, marked
    orig = desk_mod.originals(fact)
    orig_html = "".join(f'<div class="orig">{esc(k)} was: <s>{esc(v)}</s> → {esc(fact.get(k))}</div>'
                        for k, v in orig.items())
    sentence_html = highlight_html(sent.get("text", ""), fact["start_char"], fact["end_char"], sent.get("start_char", 0))
    st.html(f'<div class="lf-card" data-fact-id="{esc(fact["id"])}" data-status="{esc(status)}">'
            f'<div class="meta"><span class="lf-badge">{esc(fact["type"])}</span> '
            f'<span class="lf-badge">{esc(status)}</span> page {esc(fact.get("page") or "—")} · '
            f'confidence {float(fact.get("confidence", 1)):.2f} · {esc(fact.get("method"))} · {esc(fact["id"])}</div>'
            + ("" if quote_once else f'<div><b>{esc(value)}</b> {" · ".join(extras)}</div>')
            + (f'<div class="meta">{" · ".join(extras)}</div>' if quote_once and extras else "")
            + f'<div class="sent">{sentence_html}</div>{orig_html}'
            + (f'<div class="meta">Note: {esc(fact["review"].get("note"))}</div>' if fact["review"].get("note") else "")
            + "</div>")
    nxt = desk_mod.step(ids, fact["id"], 1)
    b = st.columns(5)
    b[0].button("← Prev", key="kb_prev", on_click=on_step, args=(sha12, ids, pages, -1), help="k or ↑",
                width="stretch")
    b[1].button("Next →", key="kb_next", on_click=on_step, args=(sha12, ids, pages, 1), help="j or ↓",
                width="stretch")
    b[2].button("Accept", key="kb_accept", on_click=on_decide, args=(result, [fact["id"]], "accepted", nxt),
                type="primary", help="a", width="stretch")
    b[3].button("Reject", key="kb_reject", on_click=on_decide, args=(result, [fact["id"]], "rejected", nxt),
                help="r", width="stretch")
    if status == "added":
        b[4].button("Remove", key="kb_remove", on_click=on_remove_added, args=(result, fact["id"]), width="stretch")
    else:
        b[4].button("Undo", key="kb_undo", on_click=on_decide, args=(result, [fact["id"]], "unreviewed"),
                    disabled=status == "unreviewed", width="stretch")
    with st.expander("Edit (e)", key="kb_edit"):
        edit_form(result, fact, f"{sha12}_{fact['id']}")


def edit_form(result: dict, fact: dict, prefix: str) -> None:
    """The form that corrects a fact's fields (closed vocabularies as select boxes) and its note."""
    with st.form(key=f"form_{prefix}", border=False):
        for field in EDITABLE_FIELDS.get(fact["type"], ()):
            value = fact.get(field)
            choices = field_choices(fact["type"], field)
            key = f"{prefix}_{field}"
            if choices:
                st.selectbox(field, choices, index=choices.index(value) if value in choices else 0, key=key)
            elif isinstance(value, bool) or field == "approximate":
                st.checkbox(field, value=bool(value), key=key)
            else:
                shown = "; ".join(value) if isinstance(value, list) else ("" if value is None else str(value))
                st.text_input(field, value=shown, key=key)
        st.text_input("Note", value=fact["review"].get("note") or "", key=f"{prefix}_note")
        st.form_submit_button("Save correction", key=f"save_{prefix}", on_click=on_save_edits,
                              args=(result, fact, prefix))


def bulk_row(result: dict, sha12: str, shown: list[dict], ids: list[str]) -> None:
    """Accept or reject the rows ticked in the list, or every fact the filters show."""
    rows = (st.session_state.get(f"list_{sha12}") or {}).get("selection", {}).get("rows", [])
    picked = [ids[i] for i in rows if i < len(ids)]
    c = st.columns(4)
    c[0].button(f"✓ Selected ({len(picked)})", key="bulk_acc_sel", on_click=on_decide,
                args=(result, picked, "accepted"), disabled=not picked, help="Accept the rows ticked in the list", width="stretch")
    c[1].button(f"✗ Selected ({len(picked)})", key="bulk_rej_sel", on_click=on_decide,
                args=(result, picked, "rejected"), disabled=not picked, help="Reject the rows ticked in the list", width="stretch")
    c[2].button(f"✓ All shown ({len(ids)})", key="bulk_acc_all", on_click=on_decide,
                args=(result, ids, "accepted"), disabled=not ids, help="Accept every fact the filters show", width="stretch")
    c[3].button(f"✗ All shown ({len(ids)})", key="bulk_rej_all", on_click=on_decide,
                args=(result, ids, "rejected"), disabled=not ids, help="Reject every fact the filters show", width="stretch")


def add_from_selection(entry: dict, sha12: str, res) -> None:
    """Offer to add the words selected in the document view (``res.span``) as a fact."""
    if res is not None and getattr(res, "span", None):
        st.session_state[f"span_{sha12}"] = res.span
    span = st.session_state.get(f"span_{sha12}")
    if not span:
        st.caption("To add a fact the extractor missed, select its words in the document.")
        return
    text = entry["result"]["document"].get("text") or ""
    c1, c2, c3 = st.columns([4, 2, 1], vertical_alignment="bottom")
    c1.markdown(f"Selected: “{esc(text[span['start']:span['end']][:120])}”")
    c2.selectbox("Add as", list(EDITABLE_FIELDS), key=f"addtype_{sha12}")
    c3.button("Add", key=f"add_{sha12}", on_click=on_add_span, args=(entry["result"], sha12))


@st.fragment
def review_desk(entry: dict) -> None:
    """One document's review: re-runs alone on every review action (``st.fragment``)."""
    try:
        _review_desk(entry)
    except Exception as exc:  # never a traceback on the page
        st.error(f"This view could not be drawn ({type(exc).__name__}: {exc}). Your decisions so far are saved.")


def _review_desk(entry: dict) -> None:
    if st.session_state.pop("rerun_app", False):
        st.rerun(scope="app")
    result, sha12 = entry["result"], entry["sha"][:12]
    doc = result["document"]
    reviewed = apply_review(result, store().review(doc["id"]))
    facts = reviewed["facts"]
    render_privacy_section(reviewed, entry)
    case = doc.get("case") or {}
    st.html(f'<div><b>{esc(entry["name"])}</b> · {esc(doc.get("kind"))} · {len(doc.get("pages") or [])} pages'
            + (f' · {esc(case.get("caption"))}' if case.get("caption") else "")
            + (f' · {esc(case.get("docket_number"))}' if case.get("docket_number") else "")
            + f' · anchor {esc(doc.get("anchor_date") or "—")}</div>' + counts_line(facts))
    # the message has a place of its own, kept empty when there is none: a message that comes or goes
    # must not move the desk under it (a moved desk stays on the page twice, the old copy stale,
    # until the re-run ends)
    flash_slot = st.empty()
    if st.session_state.get("flash"):
        flash_slot.warning(st.session_state["flash"])
    shown = list_filters(sha12, facts)
    ids = [f["id"] for f in shown]
    pages = {f["id"]: f.get("page") for f in shown}
    cur_key = f"cur_{sha12}"
    if st.session_state.get(cur_key) not in pages:
        st.session_state[cur_key] = ids[0] if ids else None
    by_id = {f["id"]: f for f in facts}
    current = by_id.get(st.session_state[cur_key])
    if current is not None and st.session_state.get(f"drawn_{sha12}") != current["id"]:
        windows = view_windows(doc.get("pages") or [], doc.get("text") or "")  # the page follows a new selection
        st.session_state[f"pg_{sha12}"] = window_of(windows, current["start_char"]) + 1
        st.session_state[f"drawn_{sha12}"] = current["id"]
    left, right = st.columns([11, 10], gap="medium")
    with left:
        res = document_side(entry, facts, shown, current)
        if res is not None and getattr(res, "pick", None) in by_id:
            st.session_state[cur_key] = st.session_state[f"drawn_{sha12}"] = res.pick
            current = by_id[res.pick]
    with right:
        st.caption(f'<span class="lf-shown" data-shown="{len(shown)}">{len(shown)} of {len(facts)} facts shown</span>'
                   " · click a row or a mark; keys j/k next/previous, a accept, r reject, e edit",
                   unsafe_allow_html=True)
        st.dataframe(desk_mod.fact_rows(shown), key=f"list_{sha12}", on_select=functools.partial(on_list_select, sha12, ids, pages), selection_mode="multi-row", hide_index=True, height=LIST_HEIGHT,
                     width="stretch", column_order=[c for c in desk_mod.ROW_COLUMNS if c != "id"],
                     column_config={"confidence": st.column_config.NumberColumn(format="%.2f", width="small"),
                                    "page": st.column_config.NumberColumn(width="small"),
                                    "value": st.column_config.TextColumn(width="large")})
        bulk_row(result, sha12, shown, ids)
        if current is not None:
            fact_card(entry, current, ids, pages)
        elif facts:
            st.info("No facts match the filters.")
        else:
            st.info("The extractor found no facts in this document.")
        add_from_selection(entry, sha12, res)
    with st.expander("Document details", key=f"details_{sha12}"):
        if store().has_document(doc["id"]):
            st.caption("This review is saved: it keeps the extraction it was made on (fact ids stay stable). "
                       "Forget the saved review to read the document again with another anchor date.")
        anchor_choice(doc)
        if entry.get("pdf"):
            st.toggle("Keep this file with its review (page images when reopened; up to 20 MB)",
                      value=store().has_source(entry["sha"]), key=f"keep_{sha12}", on_change=on_keep_source,
                      args=(entry,))
        for w in result.get("warnings", []):
            st.caption(f"⚠ {w['code']}: {w['message']}")
        st.toggle("Next fact after a decision", value=True, key=f"auto_{sha12}")


# --- overview, chronology, export --------------------------------------------------------
def reviewed_results(entries: list[dict], include_rejected: bool = True) -> list[dict]:
    """The entries' results with their reviews applied (error lines unchanged)."""
    out = []
    for e in entries:
        r = e["result"]
        out.append(r if "error" in r else apply_review(r, store().review(r["document"]["id"]),
                                                        include_rejected=include_rejected))
    return out


def overview(entries: list[dict]) -> None:
    """Per document: status, kind, pages, counts by fact type and by review status; errors in plain words."""
    rows = []
    for e, r in zip(entries, reviewed_results(entries)):
        row = {"file": e["name"], "status": "error" if "error" in r else ("saved review" if e["saved"] else "new")}
        if "error" not in r:
            c = desk_mod.counts(r["facts"])
            row.update(kind=r["document"].get("kind"), pages=len(r["document"].get("pages") or []), facts=c["total"],
                       privacy=flag_text(r))
            row.update({f"type: {t}": n for t, n in c["by_type"].items()})
            row.update({f"status: {s}": n for s, n in c["by_status"].items()})
        rows.append(row)
    st.dataframe(rows, hide_index=True, width="stretch", key="doc_table")
    for r in entries:
        err = r["result"].get("error")
        if err:
            st.error(f"{r['name']}: {err['code']} — {err['message']}")


def chronology(entries: list[dict]) -> None:
    """The Chronology tab: every dated event in date order, with CSV and Word downloads."""
    events_only = st.toggle("Only dates with an event (filed, signed, ordered …)", key="chrono_events")
    rows = chronology_rows([r for r in reviewed_results(entries) if "error" not in r], events_only=events_only)
    st.caption(f'<span class="lf-chrono" data-rows="{len(rows)}">{len(rows)} dated events</span>', unsafe_allow_html=True)
    st.dataframe(rows, hide_index=True, width="stretch", height=420, key="chrono_table")
    c1, c2 = st.columns(2)
    c1.download_button("Chronology: CSV", chronology_csv(rows), file_name="chronology.csv", mime="text/csv",
                       key="dl_chrono_csv")
    c2.download_button("Chronology: Word table", chronology_docx(rows), file_name="chronology.docx",
                       mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                       key="dl_chrono_docx")


def export_panel(entries: list[dict], selected: dict | None) -> None:
    """The sidebar's downloads: this document or all, as JSON, CSV or JSON Lines."""
    sb = st.sidebar
    with sb.expander("Export", key="exp_export"):
        drop = st.checkbox("Leave out rejected facts", key="exp_drop_rejected")
        with_text = st.checkbox("Include the document text", key="exp_text")
        ok = [e for e in entries if e["result"] is not None]
        if selected is not None and "error" not in selected["result"]:
            out = reviewed_results([selected], include_rejected=not drop)[0]
            stem = Path(selected["name"]).stem
            st.download_button("This document: JSON", to_json(out, include_text=with_text),
                               file_name=f"{stem}.facts.json", mime="application/json", key="dl_json")
            st.download_button("This document: CSV", to_csv([out]), file_name=f"{stem}.facts.csv",
                               mime="text/csv", key="dl_csv")
        if ok:
            everything = reviewed_results(ok, include_rejected=not drop)
            st.download_button("All documents: JSON Lines", to_jsonl(everything, include_text=with_text),
                               file_name="facts.reviewed.jsonl", mime="application/jsonl", key="dl_jsonl")
            st.download_button("All documents: CSV", to_csv(everything), file_name="facts.reviewed.csv",
                               mime="text/csv", key="dl_csv_all")


def main() -> None:
    """The page: workspace, inputs, then the desk of the selected document, the chronology and the counts."""
    st.set_page_config(page_title="Legal facts review", layout="wide")
    st.html(CSS)
    review_keys(key="review_keys")
    ws = workspace()
    st.sidebar.markdown("### Legal facts review")
    workspace_panel(ws)
    files, anchor = sidebar_inputs()
    open_keys = []
    for name, data in files:
        open_keys.append(f"{hashlib.sha256(data).hexdigest()}:{name}")
    saved = saved_entries({k.split(":", 1)[0] for k in open_keys})
    keys = open_keys + [e["key"] for e in saved]
    selected_key = pick_document(keys)
    if not keys:
        st.info("Upload filings or pick a bundled sample in the sidebar. Reviews are kept on this machine, "
                f"in workspace {ws}.")
        if st.session_state.get("flash"):
            st.warning(st.session_state["flash"])
        return
    names = {k: k.split(":", 1)[1] for k in keys}
    saved_keys = {e["key"] for e in saved}
    st.sidebar.selectbox("Review document", keys, key="doc_select",
                         format_func=lambda k: names[k] + (" (saved review)" if k in saved_keys else ""))
    # switching tabs re-runs the app, so the chronology and counts show the latest decisions
    tab_review, tab_chrono, tab_overview = st.tabs(["Review", "Chronology", "Documents"], key="main_tab",
                                                   on_change="rerun")
    status_box = tab_review.container()
    desk_box = tab_review.container()
    shown_desk = []

    def ready(entry: dict) -> None:
        """Draw the desk (or the error) of the selected document as soon as it is read."""
        with desk_box:
            if "error" in entry["result"]:
                err = entry["result"]["error"]
                st.error(f"{entry['name']}: {err['code']} — {err['message']}")
            else:
                review_desk(entry)
        shown_desk.append(entry["key"])

    entries = extract_all(files, anchor, selected_key, status_box, ready)
    for e in saved:
        if e["key"] == selected_key:
            ready(load_saved(e))
    entries += [load_saved(e) for e in saved]
    selected = next((e for e in entries if e["key"] == selected_key), None)
    if selected is not None and store().has_document(selected["sha"]):
        tab_review.button("Forget this document's saved review", key=f"forget_{selected['sha'][:12]}",
                          on_click=on_forget, args=(selected["sha"],),
                          help="Deletes its decisions, notes, added facts, kept file and saved text.")
    with tab_chrono:
        chronology(entries)
    with tab_overview:
        overview(entries)
    export_panel(entries, selected)


try:
    main()
except Exception as exc:  # the last guard: a plain message, never a traceback
    st.error(f"Something went wrong ({type(exc).__name__}: {exc}). Reload the page; your saved reviews are kept.")
