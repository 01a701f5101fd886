"""What the review app and the batch summary need about privacy (FACTS.md 1.1): identifier and
failed-redaction rows for the review section shown first, the flags of a document, and the
redacted download. Pure Python, no Streamlit.
"""
from __future__ import annotations

from pathlib import Path

from ..redact import allowed_mask, redact_bytes

FLAG_IDENTIFIER = "identifier.unredacted"
FLAG_REDACTION = "pdf.bad_redaction"
FLAG_LABELS = {FLAG_IDENTIFIER: "unredacted identifier", FLAG_REDACTION: "failed redaction"}


def identifier_status(fact: dict) -> str:
    """"violation" (shows more than the rule allows, no exemption), "exempt" or "redacted"."""
    if fact.get("exempt"):
        return "exempt"
    return "redacted" if fact.get("redacted") else "violation"


def privacy_rows(result: dict) -> dict[str, list[dict]]:
    """Rows for the app's privacy review section, violations first.

    Args:
        result: one extraction result (FACTS.md shape).
    Returns:
        ``{"identifiers": [...], "redactions": [...]}``. An identifier row has ``id``, ``page``,
        ``kind``, ``text``, ``masked`` (what the redacted copy shows), ``status``, ``rule``,
        ``exempt``; a redaction row has ``page``, ``bbox`` (points, top-left origin),
        ``text_under`` and ``status`` ("failed" or "ok"). No row holds the words under a box.
    """
    order = {"violation": 0, "exempt": 1, "redacted": 2}
    ids = [{"id": f.get("id"), "page": f.get("page"), "kind": f["kind"], "text": f["text"], "masked": allowed_mask(f),
            "status": identifier_status(f), "rule": f.get("rule"), "exempt": f.get("exempt"), "start_char": f["start_char"]}
           for f in result.get("facts", []) if f.get("type") == "identifier"]
    ids.sort(key=lambda r: (order[r["status"]], r["start_char"]))
    reds = [{"page": r["page"], "bbox": r["bbox"], "text_under": r["text_under"],
             "status": "failed" if r["text_under"] else "ok"}
            for r in (result.get("document") or {}).get("redactions") or []]
    reds.sort(key=lambda r: (not r["text_under"], r["page"]))
    return {"identifiers": ids, "redactions": reds}


def privacy_flags(result: dict) -> list[str]:
    """Flags for a batch summary or the app's document list: ``identifier.unredacted`` when an
    identifier shows more than its rule allows and is not exempt, ``pdf.bad_redaction`` when a
    box hides text still in the text layer. An error line has none.

    Args:
        result: one result or error line (FACTS.md).
    Returns:
        The flags in that order, each at most once; [] for a clean document.
    """
    flags = []
    if any(f.get("type") == "identifier" and identifier_status(f) == "violation" for f in result.get("facts", [])):
        flags.append(FLAG_IDENTIFIER)
    if any(r.get("text_under") for r in (result.get("document") or {}).get("redactions") or []):
        flags.append(FLAG_REDACTION)
    return flags


def flag_text(result: dict) -> str:
    """The flags as a short label for a document list ("unredacted identifier, failed redaction"), or ""."""
    return ", ".join(FLAG_LABELS[f] for f in privacy_flags(result))


def redacted_download(data: bytes, name: str, result: dict | None = None,
                      types: frozenset[str] = frozenset()) -> tuple[bytes, str, str]:
    """The redacted copy the app offers as a download.

    Args:
        data: the uploaded file's bytes.
        name: its file name.
        result: its result with ``document.text`` when already extracted (saves a second run).
        types: fact types to mask whole as well ("party", ...).
    Returns:
        ``(bytes, file_name, mime)``: "NAME.redacted.pdf" for a PDF, "NAME.redacted.txt" otherwise.
    Raises:
        InputError: with a stable code (``redact.unlocated``, ``redact.ocr_failed``, input codes).
    """
    out, mime = redact_bytes(data, name, types=types, result=result)
    stem = Path(name).stem or "document"
    return out, f"{stem}.redacted.{'pdf' if mime == 'application/pdf' else 'txt'}", mime
