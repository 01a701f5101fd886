"""Exports of reviewed results: JSON (FACTS.md with ``review`` on each fact),
JSON Lines (one document a line, as a batch writes), and CSV (one fact a row).

Inputs are results already passed through :func:`extractor.review.apply_review`,
or error lines (``{"document", "facts": [], "error"}``), which CSV skips.
"""
from __future__ import annotations

import csv
import io
import json

from .edits import MAIN_FIELD

CSV_COLUMNS = [
    "document_id", "source", "fact_id", "type", "text", "value", "role", "directed_to",
    "page", "start_char", "end_char", "confidence", "method", "review_status", "note", "sentence",
]


def _strip_text(result: dict, include_text: bool) -> dict:
    if include_text or "text" not in result.get("document", {}):
        return result
    return {**result, "document": {k: v for k, v in result["document"].items() if k != "text"}}


def to_json(result: dict, *, include_text: bool = False) -> str:
    """One reviewed result as indented JSON (``document.text`` left out unless asked)."""
    return json.dumps(_strip_text(result, include_text), ensure_ascii=False, indent=2)


def to_jsonl(results: list[dict], *, include_text: bool = False) -> str:
    """Many results as JSON Lines, one compact object a line, in the given order."""
    return "".join(json.dumps(_strip_text(r, include_text), ensure_ascii=False) + "\n" for r in results)


def _cell(value) -> str:
    """A CSV cell; text a spreadsheet would run as a formula (starting with =, +,
    @, a tab or CR, or - before a non-number) gets a leading apostrophe (OWASP
    "CSV injection")."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    if text[:1] in ("=", "+", "@", "\t", "\r") or (text[:1] == "-" and not _is_number(text)):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def to_csv(results: list[dict]) -> str:
    """Every fact of every result as one CSV row (columns :data:`CSV_COLUMNS`).

    ``value`` is the type's main field (party name, date value, quantity value,
    count number, order action, normalized citation, quote content); newlines in
    cells are kept (quoted), so the file opens cleanly in a spreadsheet.
    """
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for result in results:
        if "error" in result:
            continue
        doc = result["document"]
        for fact in result["facts"]:
            review = fact.get("review") or {}
            writer.writerow({
                "document_id": doc.get("id"), "source": _cell(doc.get("source")), "fact_id": fact["id"],
                "type": fact["type"], "text": _cell(fact["text"]), "value": _cell(fact.get(MAIN_FIELD[fact["type"]])),
                "role": _cell(fact.get("role")), "directed_to": _cell(fact.get("directed_to")),
                "page": _cell(fact.get("page")), "start_char": fact["start_char"], "end_char": fact["end_char"],
                "confidence": fact["confidence"], "method": fact["method"],
                "review_status": review.get("status", "unreviewed"), "note": _cell(review.get("note")),
                "sentence": _cell(fact["sentence"]["text"]),
            })
    return buf.getvalue()
