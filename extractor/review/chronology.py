"""A case chronology: every dated event of the reviewed documents in date
order, with its sentence, as rows, CSV and a Word table (python-docx), the
table a paralegal builds by hand.

Rows come from ``date`` facts (their ``value`` and ``event``) and from
``order`` facts that carry a ``date``; rejected facts are left out.
"""
from __future__ import annotations

import csv
import io

from .desk import status_of
from .export import _cell

COLUMNS = ("date", "event", "document", "page", "sentence", "status", "fact_id")
HEADERS = {"date": "Date", "event": "Event", "document": "Document", "page": "Page",
           "sentence": "Sentence", "status": "Review", "fact_id": "Fact"}


def _sentence(fact: dict) -> str:
    sent = fact.get("sentence") or {}
    text = sent.get("text", "") if isinstance(sent, dict) else str(sent)
    return " ".join(text.split())


def chronology_rows(results: list[dict], *, events_only: bool = False) -> list[dict]:
    """The dated events of reviewed results, earliest first.

    Args:
        results: results passed through :func:`extractor.review.apply_review`
            (error lines are skipped).
        events_only: keep only dates whose sentence names an event
            (``event`` set) and orders.
    Returns:
        Dicts with :data:`COLUMNS`: ``date`` (ISO at the text's precision),
        ``event`` (the date's event, or "order: <action>"), ``document``
        (source name), ``page`` (1-based or None), ``sentence`` (one line),
        ``status`` (review status), ``fact_id``. Sorted by date, then
        document and position; a partial date ("2020-06") sorts before the
        days of its month.
    """
    rows = []
    for result in results:
        if "error" in result:
            continue
        source = result["document"].get("source", "")
        for f in result["facts"]:
            if status_of(f) == "rejected":
                continue
            if f["type"] == "date" and f.get("value"):
                if events_only and not f.get("event"):
                    continue
                date, event = f["value"], f.get("event") or ""
            elif f["type"] == "order" and f.get("date"):
                date, event = f["date"], f"order: {f.get('action') or ''}".strip()
            else:
                continue
            rows.append({"date": str(date), "event": event, "document": source, "page": f.get("page"),
                         "sentence": _sentence(f), "status": status_of(f), "fact_id": f["id"],
                         "_pos": f["start_char"]})
    rows.sort(key=lambda r: (r["date"], r["document"], r["_pos"]))
    for r in rows:
        del r["_pos"]
    return rows


def chronology_csv(rows: list[dict]) -> str:
    """The rows as CSV with a header of :data:`HEADERS` (cells guarded against spreadsheet formulas)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([HEADERS[c] for c in COLUMNS])
    for r in rows:
        writer.writerow([_cell(r[c]) for c in COLUMNS])
    return buf.getvalue()


def chronology_docx(rows: list[dict], title: str = "Chronology") -> bytes:
    """The rows as a Word document: a heading and one table (header row of
    :data:`HEADERS`, one row per event). Returns the .docx bytes."""
    import docx  # python-docx

    document = docx.Document()
    document.add_heading(title, level=1)
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    for cell, col in zip(table.rows[0].cells, COLUMNS):
        cell.text = HEADERS[col]
    for r in rows:
        cells = table.add_row().cells
        for cell, col in zip(cells, COLUMNS):
            cell.text = "" if r[col] is None else str(r[col])
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
