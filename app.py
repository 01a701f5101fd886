"""The review app: ``streamlit run app.py``.

Upload filings (or pick a bundled sample from ``corpus/``), see every fact
beside its source sentence with the fact's words highlighted, and review them:
accept, reject, edit, add a missed fact, note. Reviews are kept in a local
SQLite file (``extractor.review.default_db_path()``; ``$LEGAL_FACTS_REVIEW_DB``
overrides it) keyed by the document's sha256, and exported as JSON, CSV or
JSON Lines.

Streamlit only: widgets, caching and rendering. Extraction is
``extractor.extract_bytes``; reviewing and exporting are ``extractor.review``.
Uploaded bytes stay in memory; a document's extracted text is written to disk
only when the user saves a review of it (a first decision).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import os
from pathlib import Path

import streamlit as st

from extractor import error_result, extract_bytes, load_pipeline
from extractor.review import (EDITABLE_FIELDS, MAIN_FIELD, ROLES, STATUSES, ReviewError, ReviewStore, apply_review,
                              coerce_edits, default_db_path, field_choices, filter_facts, make_manual_fact, to_csv,
                              to_json, to_jsonl)
from extractor.review.text import find_spans, highlight_html, paragraph_around

ROOT = Path(__file__).resolve().parent
MAX_UPLOAD_MB = 50  # must match server.maxUploadSize in .streamlit/config.toml (CASES.md C-12)
UPLOAD_TYPES = ["pdf", "txt", "text", "html", "htm", "docx"]
SAMPLE_SUFFIXES = {"." + t for t in UPLOAD_TYPES}
FACT_TYPES = ["party", "date", "quantity", "count", "order", "citation", "quote"]
FACTS_PER_SCREEN = 40
CSS = """<style>
mark.fact { background: #ffe066; color: inherit; padding: 0 2px; border-radius: 3px; font-weight: 600; }
.fact-row .meta { color: #555; font-size: 0.85rem; }
.fact-row .sent { margin-top: 0.2rem; line-height: 1.5; }
.fact-row.rejected .sent { text-decoration: line-through; color: #888; }
.badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 0.75rem; background: #e9ecef; }
.badge.accepted, .badge.edited, .badge.added { background: #d3f9d8; }
.badge.rejected { background: #ffe3e3; }
.case-head td { padding: 0 12px 0 0; vertical-align: top; }
</style>"""


# --- cached resources and data -------------------------------------------------
@st.cache_resource(show_spinner="Loading the language pipeline…")
def pipeline():
    """The spaCy pipeline, loaded once per server process."""
    return load_pipeline()


@st.cache_resource
def review_store(path: str) -> ReviewStore:
    """One store per database path (the path comes from the environment at run time)."""
    return ReviewStore(path)


@st.cache_data(show_spinner=False, max_entries=50)
def extract_cached(sha: str, name: str, anchor: str | None, _data: bytes) -> dict:
    """The result for one file, keyed by its sha256 (``_data`` is not hashed); a
    file that cannot be read gives the FACTS.md error line (code and message)."""
    pipeline()
    try:
        return extract_bytes(_data, name, anchor_date=anchor, include_text=True)
    except Exception as exc:  # InputError keeps its code; anything else is extract.failed
        return error_result(name, exc, sha)


def store() -> ReviewStore:
    return review_store(str(default_db_path()))


def samples_dir() -> Path:
    return Path(os.environ.get("LEGAL_FACTS_SAMPLES", ROOT / "corpus"))


def list_samples() -> list[str]:
    """File names in the bundled ``corpus/`` folder, read at run time."""
    folder = samples_dir()
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SAMPLE_SUFFIXES)


def esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


# --- inputs --------------------------------------------------------------------
def sidebar_inputs() -> tuple[list[tuple[str, bytes]], str | None]:
    """The files to read (name, bytes) and the anchor date (ISO or None)."""
    sb = st.sidebar
    sb.header("Documents")
    uploads = sb.file_uploader(f"Upload filings (PDF, text, HTML, Word) — up to {MAX_UPLOAD_MB} MB each",
                               type=UPLOAD_TYPES, accept_multiple_files=True, key="uploads",
                               help="Files are read in memory and not written to disk.")
    sb.caption(f"Limit {MAX_UPLOAD_MB} MB per file. Files stay in memory; a document's text is saved "
               "only when you save a review of it.")
    picked = sb.multiselect("Or pick bundled samples", list_samples(), key="samples",
                            help=f"Files in {samples_dir().name}/")
    use_anchor = sb.checkbox("Set an anchor date", key="use_anchor",
                             help="The date relative expressions (\"last April\") resolve against.")
    anchor = None
    if use_anchor:
        anchor = sb.date_input("Anchor date", value=dt.date.today(), key="anchor_date").isoformat()
    files = [(f.name, f.getvalue()) for f in uploads or []]
    for name in picked:
        files.append((name, (samples_dir() / name).read_bytes()))
    return files, anchor


def too_large_line(name: str, size: int) -> dict:
    return {"schema_version": "1.0", "document": {"source": name, "id": None}, "facts": [],
            "error": {"code": "input.too_large",
                      "message": f"file too large (limit {MAX_UPLOAD_MB} MB): {size / 1e6:.1f} MB"}}


def run_extraction(files: list[tuple[str, bytes]], anchor: str | None) -> list[dict]:
    """Extract every file (cached by sha256), with a progress bar for new work.

    Returns:
        One entry per file: ``{"key", "name", "sha", "result", "pdf"}``
        (``pdf`` holds the bytes of a PDF, in memory, for the page image).
    """
    done = st.session_state.setdefault("extracted", set())
    todo = [(n, d) for n, d in files if (hashlib.sha256(d).hexdigest(), n, anchor) not in done]
    bar = st.progress(0.0, text="Extracting…") if todo else None
    entries, new = [], 0
    for name, data in files:
        sha = hashlib.sha256(data).hexdigest()
        if len(data) > MAX_UPLOAD_MB * 1024 * 1024:
            result = too_large_line(name, len(data))
        else:
            if bar is not None and (sha, name, anchor) not in done:
                bar.progress(new / len(todo), text=f"Extracting {name} ({new + 1} of {len(todo)})…")
                new += 1
            result = extract_cached(sha, name, anchor, data)
            done.add((sha, name, anchor))
        is_pdf = data[:1024].find(b"%PDF") >= 0
        entries.append({"key": f"{sha}:{name}", "name": name, "sha": sha, "result": result,
                        "pdf": data if is_pdf else None})
    if bar is not None:
        bar.empty()
    return entries


def use_saved_results(entries: list[dict]) -> None:
    """A document with a saved review shows the extraction its decisions were
    made on (fact ids are stable only for the same input, anchor date and
    extractor version); forgetting the review re-extracts it."""
    for e in entries:
        if "error" not in e["result"] and store().has_document(e["sha"]):
            saved = store().load_document(e["sha"])
            if saved is not None:
                e["result"], e["saved"] = saved, True


def saved_entries(current: list[dict]) -> list[dict]:
    """Documents with a saved review that are not open in this session."""
    open_shas = {e["sha"] for e in current}
    out = []
    for row in store().documents():
        if row["doc_id"] in open_shas:
            continue
        result = store().load_document(row["doc_id"])
        if result:
            out.append({"key": f"{row['doc_id']}:{row['source']}", "name": row["source"], "sha": row["doc_id"],
                        "result": result, "pdf": None, "saved": True})
    return out


# --- document list -------------------------------------------------------------
def status_of(entry: dict) -> str:
    if "error" in entry["result"]:
        return "error"
    return "saved review" if entry.get("saved") else "ok"


def document_table(entries: list[dict]) -> None:
    """Status, kind, pages and fact counts of every document; errors in plain words."""
    rows = []
    for e in entries:
        r = e["result"]
        row = {"file": e["name"], "status": status_of(e)}
        if "error" in r:
            row.update(kind="", pages=None, facts=None, reviewed=None)
        else:
            reviewed = len(store().review(e["sha"])["decisions"])
            row.update(kind=r["document"]["kind"], pages=len(r["document"]["pages"]), facts=len(r["facts"]),
                       reviewed=reviewed)
            for t in FACT_TYPES:
                row[t] = sum(1 for f in r["facts"] if f["type"] == t)
        rows.append(row)
    st.dataframe(rows, hide_index=True, width="stretch", key="doc_table")
    for e in entries:
        err = e["result"].get("error")
        if err:
            st.error(f"{e['name']}: {err['code']} — {err['message']}")


# --- corrections (callbacks: they run before the script, so the page shows the new state) ---
def _remember(result: dict) -> None:
    if not store().has_document(result["document"]["id"]):
        store().save_document(result)


def on_status(result: dict, fact_id: str, status: str) -> None:
    _remember(result)
    store().set_status(result["document"]["id"], fact_id, status)


def on_save_edits(result: dict, fact: dict, prefix: str) -> None:
    doc_id = result["document"]["id"]
    values = {f: st.session_state.get(f"{prefix}_{f}") for f in EDITABLE_FIELDS[fact["type"]]}
    original = next((f for f in result["facts"] if f["id"] == fact["id"]), None)
    messages = st.session_state.setdefault("messages", {})
    try:
        if original is None:  # an added fact: rebuild it from its span with the new values
            base = {k: v for k, v in fact.items() if k != "review"}
            new = make_manual_fact(result, fact["type"], fact["start_char"], fact["end_char"],
                                   {**{k: base.get(k) for k in EDITABLE_FIELDS[fact["type"]]}, **values})
            _remember(result)
            store().remove_added(doc_id, fact["id"])
            new_id = store().add_fact(doc_id, new)
            store().set_note(doc_id, new_id, st.session_state.get(f"{prefix}_note"))
        else:
            edits = coerce_edits(original, {k: v for k, v in values.items() if _changed(original.get(k), v)})
            _remember(result)
            store().set_edits(doc_id, fact["id"], edits)
            store().set_note(doc_id, fact["id"], st.session_state.get(f"{prefix}_note"))
        messages.pop(prefix, None)
    except ReviewError as exc:
        messages[prefix] = str(exc)


def _changed(old, new) -> bool:
    if isinstance(old, list):
        old = "; ".join(old)
    return ("" if old is None else str(old)) != ("" if new is None else str(new)).strip()


def on_remove_added(result: dict, fact_id: str) -> None:
    store().remove_added(result["document"]["id"], fact_id)


def on_add_fact(result: dict, prefix: str) -> None:
    ss = st.session_state
    messages = ss.setdefault("messages", {})
    text = result["document"]["text"]
    try:
        if ss.get(f"{prefix}_how") == "Search text":
            hits = find_spans(text, ss.get(f"{prefix}_query") or "")
            if not hits:
                raise ReviewError("The text to find is not in the document.")
            start, end = hits[min(int(ss.get(f"{prefix}_occ") or 1), len(hits)) - 1]
        else:
            start, end = int(ss.get(f"{prefix}_start") or 0), int(ss.get(f"{prefix}_end") or 0)
        fact_type = ss.get(f"{prefix}_type")
        fields = {}
        for field in EDITABLE_FIELDS[fact_type]:
            value = ss.get(f"{prefix}_{field}")
            if value not in (None, ""):
                fields[field] = value
        fact = make_manual_fact(result, fact_type, start, end, fields)
        _remember(result)
        new_id = store().add_fact(result["document"]["id"], fact)
        store().set_note(result["document"]["id"], new_id, ss.get(f"{prefix}_note"))
        messages[prefix] = f"ok:Added {new_id}: “{text[start:end]}”."
    except (ReviewError, ValueError) as exc:
        messages[prefix] = str(exc)


def on_forget(doc_id: str) -> None:
    store().forget(doc_id)


# --- review view ---------------------------------------------------------------
def anchor_choice(doc: dict) -> None:
    """Offer the other dates the document bears (``document.anchor_candidates``) as its anchor date:
    choosing one sets the sidebar's anchor date, and the documents are read again against it."""
    cands = doc.get("anchor_candidates") or []
    if len(cands) < 2:
        return
    labels = [f"{c['date']} ({c['source'].replace('_', ' ')})" for c in cands]
    key = f"anchor_pick_{doc.get('id', '')[:12]}"

    def use() -> None:
        picked = cands[labels.index(st.session_state[key])]
        st.session_state["use_anchor"] = True
        st.session_state["anchor_date"] = dt.date.fromisoformat(picked["date"])

    st.selectbox("Dates this document bears: pick one to resolve relative dates against it", labels,
                 index=0, key=key, on_change=use)


def case_header(entry: dict) -> None:
    doc = entry["result"]["document"]
    case = doc.get("case") or {}
    cells = [("Caption", case.get("caption")), ("Court", case.get("court")),
             ("Docket number", case.get("docket_number")), ("Judge", case.get("judge")),
             ("Anchor date", f"{doc.get('anchor_date') or '—'} ({doc.get('anchor_date_source') or 'none'})"),
             ("Kind", doc.get("kind")), ("Pages", len(doc.get("pages", [])))]
    rows = "".join(f"<tr><td><b>{esc(k)}</b></td><td>{esc(v if v not in (None, '') else '—')}</td></tr>"
                   for k, v in cells)
    st.html(f'<table class="case-head">{rows}</table>')
    anchor_choice(doc)
    for w in entry["result"].get("warnings", []):
        st.warning(f"{w['code']}: {w['message']}")


def summary(fact: dict) -> str:
    """The fact's main values, as escaped HTML."""
    keys = {"party": ("name", "role", "entity_type", "title"), "date": ("value", "precision", "event"),
            "quantity": ("value", "unit", "kind", "comparator", "of_total"), "count": ("number", "title"),
            "order": ("action", "directed_to", "directive", "polarity"), "citation": ("normalized", "kind"),
            "quote": ("speaker", "content")}[fact["type"]]
    parts = [f"{k}: <b>{esc(fact.get(k))}</b>" for k in keys if fact.get(k) not in (None, "", [])]
    return " · ".join(parts)


def fact_row(entry: dict, fact: dict) -> None:
    """One fact: its sentence with the words highlighted, values, page, review buttons."""
    result, sha = entry["result"], entry["sha"]
    status = fact["review"]["status"]
    prefix = f"{sha[:12]}_{fact['id']}"
    sent = fact["sentence"]
    with st.container(border=True):
        left, right = st.columns([5, 1])
        with left:
            note = fact["review"].get("note")
            st.html(
                f'<div class="fact-row {esc(status)}" data-fact-id="{esc(fact["id"])}" data-status="{esc(status)}">'
                f'<div class="meta"><span class="badge">{esc(fact["type"])}</span> '
                f'<span class="badge {esc(status)}">{esc(status)}</span> '
                f'page {esc(fact.get("page") or "—")} · confidence {fact["confidence"]:.2f} · {esc(fact["method"])}</div>'
                f'<div class="meta">{summary(fact)}</div>'
                f'<div class="sent">{highlight_html(sent["text"], fact["start_char"], fact["end_char"], sent["start_char"])}</div>'
                + (f'<div class="meta">Note: {esc(note)}</div>' if note else "") + "</div>")
        with right:
            st.button("Accept", key=f"acc_{prefix}", on_click=on_status, args=(result, fact["id"], "accepted"),
                      disabled=status in ("accepted", "edited", "added"), width="stretch")
            st.button("Reject", key=f"rej_{prefix}", on_click=on_status, args=(result, fact["id"], "rejected"),
                      disabled=status == "rejected", width="stretch")
            if status == "added":
                st.button("Remove", key=f"rm_{prefix}", on_click=on_remove_added, args=(result, fact["id"]),
                          width="stretch")
            elif status != "unreviewed":
                st.button("Undo", key=f"undo_{prefix}", on_click=on_status, args=(result, fact["id"], "unreviewed"),
                          width="stretch")
        with st.expander("Paragraph, page, edit, note", key=f"exp_{prefix}"):
            text = result["document"].get("text") or ""
            if text:
                p0, p1 = paragraph_around(text, fact["start_char"], fact["end_char"])
                st.html(f'<div class="fact-row"><div class="sent">'
                        f'{highlight_html(text[p0:p1], fact["start_char"], fact["end_char"], p0)}</div></div>')
            if entry.get("pdf") and fact.get("page"):
                if st.toggle("Show the page with the span boxed", key=f"img_{prefix}"):
                    page_image(entry, fact)
            edit_form(result, fact, prefix)


def page_image(entry: dict, fact: dict) -> None:
    from extractor.review.pdfview import occurrence_on_page, page_image_with_box

    doc = entry["result"]["document"]
    page = next((p for p in doc["pages"] if p["number"] == fact["page"]), None)
    try:
        occ = occurrence_on_page(doc.get("text") or "", page, fact) if page else 0
        image, found = page_image_with_box(entry["pdf"], fact["page"], fact["text"], occ)
    except Exception as exc:  # a page that cannot be rendered must not stop the review
        st.info(f"The page image is not available ({type(exc).__name__}).")
        return
    st.image(image, caption=f"Page {fact['page']}" + ("" if found else " (the words were not located on the page)"))


def edit_form(result: dict, fact: dict, prefix: str) -> None:
    with st.form(key=f"form_{prefix}", border=False):
        for field in EDITABLE_FIELDS[fact["type"]]:
            value = fact.get(field)
            choices = field_choices(fact["type"], field)
            key = f"{prefix}_{field}"
            if choices:
                st.selectbox(field, choices, index=choices.index(value) if value in choices else 0, key=key)
            elif isinstance(value, bool) or field in ("approximate",):
                st.checkbox(field, value=bool(value), key=key)
            else:
                shown = "; ".join(value) if isinstance(value, list) else ("" if value is None else str(value))
                st.text_input(field, value=shown, key=key)
        st.text_area("Note", value=fact["review"].get("note") or "", key=f"{prefix}_note", height=68)
        st.form_submit_button("Save correction", key=f"save_{prefix}", on_click=on_save_edits,
                              args=(result, fact, prefix))
    msg = st.session_state.get("messages", {}).get(prefix)
    if msg:
        st.error(msg)


def filters(entry: dict, facts: list[dict]) -> dict:
    with st.expander("Filters", expanded=True, key="exp_filters"):
        c1, c2, c3 = st.columns(3)
        types = c1.multiselect("Fact type", FACT_TYPES, key="flt_types")
        roles = c2.multiselect("Party role", ROLES, key="flt_roles", help="Applies to party facts.")
        pages = sorted({f["page"] for f in facts if f.get("page")})
        chosen_pages = c3.multiselect("Page", pages, key=f"flt_pages_{entry['sha'][:12]}")
        c4, c5, c6 = st.columns(3)
        min_conf = c4.slider("Minimum confidence", 0.0, 1.0, 0.0, 0.05, key="flt_conf")
        statuses = c5.multiselect("Review status", list(STATUSES), key="flt_status")
        query = c6.text_input("Search", key="flt_query", placeholder="words in the fact or its sentence")
    return {"types": types, "roles": roles, "pages": chosen_pages, "min_confidence": min_conf,
            "statuses": statuses, "query": query}


def add_fact_panel(entry: dict) -> None:
    result = entry["result"]
    prefix = f"add_{entry['sha'][:12]}"
    with st.expander("Add a fact the extractor missed", key=f"exp_{prefix}"):
        fact_type = st.selectbox("Type", FACT_TYPES, key=f"{prefix}_type")
        how = st.radio("Select its text by", ["Search text", "Character offsets"], horizontal=True, key=f"{prefix}_how")
        if how == "Search text":
            c1, c2 = st.columns([4, 1])
            query = c1.text_input("Text to find (exact words)", key=f"{prefix}_query")
            hits = find_spans(result["document"]["text"], query) if query.strip() else []
            c2.number_input("Occurrence", 1, max(len(hits), 1), 1, key=f"{prefix}_occ")
            if query.strip():
                st.caption(f"{len(hits)} match(es)" + ("" if hits else " — check the spelling"))
        else:
            c1, c2 = st.columns(2)
            c1.number_input("Start (character)", 0, len(result["document"]["text"]), 0, key=f"{prefix}_start")
            c2.number_input("End (character, exclusive)", 0, len(result["document"]["text"]), 0, key=f"{prefix}_end")
        for field in EDITABLE_FIELDS[fact_type]:
            choices = field_choices(fact_type, field)
            key = f"{prefix}_{field}"
            if choices:
                st.selectbox(field, [""] + choices, key=key)
            elif field == "approximate":
                st.checkbox(field, key=key)
            else:
                st.text_input(field, key=key, placeholder="from the text" if field == MAIN_FIELD[fact_type] else "")
        st.text_input("Note", key=f"{prefix}_note")
        st.button("Add fact", key=f"{prefix}_go", on_click=on_add_fact, args=(result, prefix))
        msg = st.session_state.get("messages", {}).get(prefix)
        if msg and msg.startswith("ok:"):
            st.success(msg[3:])
        elif msg:
            st.error(msg)


def review_view(entry: dict) -> None:
    result = entry["result"]
    doc_id = result["document"]["id"]
    st.subheader(entry["name"])
    if entry.get("saved"):
        st.caption("This document has a saved review: it is shown as it was extracted when the review "
                   "began. Forget the saved review (at the bottom) to extract it again.")
    case_header(entry)
    reviewed = apply_review(result, store().review(doc_id))
    flt = filters(entry, reviewed["facts"])
    shown = filter_facts(reviewed["facts"], **flt)
    shown.sort(key=lambda f: (FACT_TYPES.index(f["type"]), f["start_char"]))
    st.caption(f"{len(shown)} of {len(reviewed['facts'])} facts shown.")
    add_fact_panel(entry)
    screens = max(1, -(-len(shown) // FACTS_PER_SCREEN))
    screen = 1
    if screens > 1:
        screen = st.number_input(f"Screen (of {screens}, {FACTS_PER_SCREEN} facts each)", 1, screens, 1,
                                 key=f"screen_{doc_id[:12]}")
    window = shown[(screen - 1) * FACTS_PER_SCREEN: screen * FACTS_PER_SCREEN]
    for fact_type in FACT_TYPES:
        group = [f for f in window if f["type"] == fact_type]
        if group:
            st.markdown(f"#### {fact_type.capitalize()} ({sum(1 for f in shown if f['type'] == fact_type)})")
            for fact in group:
                fact_row(entry, fact)
    if not shown:
        st.info("No facts match." if reviewed["facts"] else "The extractor found no facts in this document.")


def export_panel(entries: list[dict], selected: dict | None) -> None:
    st.sidebar.header("Export")
    drop = st.sidebar.checkbox("Leave out rejected facts", key="exp_drop_rejected")
    with_text = st.sidebar.checkbox("Include the document text", key="exp_text")

    def reviewed(e):
        r = e["result"]
        return r if "error" in r else apply_review(r, store().review(r["document"]["id"]), include_rejected=not drop)

    if selected is not None and "error" not in selected["result"]:
        stem = Path(selected["name"]).stem
        out = reviewed(selected)
        st.sidebar.download_button("This document: JSON", to_json(out, include_text=with_text),
                                   file_name=f"{stem}.facts.json", mime="application/json", key="dl_json")
        st.sidebar.download_button("This document: CSV", to_csv([out]), file_name=f"{stem}.facts.csv",
                                   mime="text/csv", key="dl_csv")
    if entries:
        everything = [reviewed(e) for e in entries]
        st.sidebar.download_button("All documents: JSON Lines", to_jsonl(everything, include_text=with_text),
                                   file_name="facts.reviewed.jsonl", mime="application/jsonl", key="dl_jsonl")
        st.sidebar.download_button("All documents: CSV", to_csv(everything), file_name="facts.reviewed.csv",
                                   mime="text/csv", key="dl_csv_all")


def main() -> None:
    st.set_page_config(page_title="Legal facts review", layout="wide")
    st.html(CSS)
    st.title("Legal facts review")
    files, anchor = sidebar_inputs()
    entries = run_extraction(files, anchor)
    use_saved_results(entries)
    entries += saved_entries(entries)
    if not entries:
        st.info("Upload filings or pick a bundled sample in the sidebar. Reviews are kept on this machine "
                f"in {default_db_path()}.")
        export_panel(entries, None)
        return
    st.markdown("##### Documents")
    document_table(entries)
    readable = [e for e in entries if "error" not in e["result"]]
    selected = None
    if readable:
        keys = [e["key"] for e in readable]
        label = {e["key"]: f"{e['name']} ({status_of(e)})" for e in readable}
        if st.session_state.get("doc_select") not in keys:
            st.session_state["doc_select"] = keys[0]
        choice = st.selectbox("Review document", keys, format_func=label.get, key="doc_select")
        selected = next(e for e in readable if e["key"] == choice)
    export_panel(entries, selected)
    if selected is not None:
        st.divider()
        review_view(selected)
        if selected.get("saved") or store().has_document(selected["sha"]):
            st.button("Forget this document's saved review", key=f"forget_{selected['sha'][:12]}",
                      on_click=on_forget, args=(selected["sha"],),
                      help="Deletes its decisions, notes, added facts and saved text from this machine.")


main()
