"""Corrections applied to facts: edited fields, decisions, added facts.

Edits are validated against the fact models of :mod:`extractor.schema`, so a
reviewed result still matches FACTS.md (plus each fact's ``review`` field).
"""
from __future__ import annotations

import copy
import re

from pydantic import ValidationError

from .. import schema
from .text import page_of, sentence_around

# fields a reviewer may correct, per fact type (FACTS.md names)
EDITABLE_FIELDS: dict[str, tuple[str, ...]] = {
    "party": ("name", "role", "entity_type", "title"),
    "date": ("value", "precision", "event"),
    "quantity": ("value", "unit", "kind", "comparator", "of_total", "approximate"),
    "count": ("number", "title", "against"),
    "order": ("action", "directed_to", "directive", "object", "polarity", "court"),
    "citation": ("normalized", "kind"),
    "quote": ("speaker", "speaker_title", "content"),
}
# the one field that says what a fact is, shown as "value" in tables and CSV
MAIN_FIELD = {"party": "name", "date": "value", "quantity": "value", "count": "number",
              "order": "action", "citation": "normalized", "quote": "content", "identifier": "kind"}
# review.status of an exported fact
STATUSES = ("unreviewed", "accepted", "rejected", "edited", "added")
MANUAL_METHOD = "review.manual"

_MODELS = {model.model_fields["type"].default: model for model in schema.FACT_MODELS}  # "party" -> PartyFact ...
_LIST_FIELDS = {"against", "aliases", "statutes"}


class ReviewError(ValueError):
    """A correction that would not match FACTS.md; ``str()`` is a plain sentence for the user."""


def _plain(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        field = ".".join(str(p) for p in err["loc"])
        parts.append(f"{field}: {err['msg']}")
    return "; ".join(parts)


def _prepare(field: str, value):
    """Turn a form value (usually a string) into the JSON the model expects."""
    if isinstance(value, str):
        value = value.strip()
        if field in _LIST_FIELDS:
            return [v.strip() for v in value.split(";") if v.strip()]
        if value == "":
            return None
    return value


def coerce_edits(fact: dict, edits: dict) -> dict:
    """Validate and convert corrected values for one fact.

    Args:
        fact: the fact as extracted (a FACTS.md fact dict).
        edits: ``{field: new value}``; strings are converted ("3.5" → 3.5 for a
            quantity's value, "a; b" → ["a", "b"] for list fields, "" → null).
            Values equal to the fact's own are dropped.
    Returns:
        The edits that change something, with values of the schema's types.
    Raises:
        ReviewError: for a field that cannot be edited on this type, or a value
            the schema refuses (a role outside the list, text for a number...).
    """
    allowed = EDITABLE_FIELDS[fact["type"]]
    unknown = sorted(set(edits) - set(allowed))
    if unknown:
        raise ReviewError(f"These fields cannot be edited on a {fact['type']} fact: {', '.join(unknown)}.")
    prepared = {k: _prepare(k, v) for k, v in edits.items()}
    candidate = {**{k: v for k, v in fact.items() if k != "review"}, **prepared}
    try:
        model = _MODELS[fact["type"]].model_validate(candidate)
    except ValidationError as exc:
        raise ReviewError(f"Not a valid {fact['type']} fact: {_plain(exc)}.") from exc
    checked = model.model_dump()
    return {k: checked[k] for k in prepared if checked[k] != fact.get(k)}


def review_field(fact: dict, decision: dict | None, *, added: bool = False) -> dict:
    """The ``review`` object of an exported fact.

    Returns:
        ``{"status": one of STATUSES, "note", "reviewed_at", "original"}``;
        ``original`` holds the extracted values of edited fields (else absent).
    """
    decision = decision or {}
    status = decision.get("status", "unreviewed")
    edits = decision.get("edits") or {}
    if added and status != "rejected":
        status = "added"
    elif edits and status != "rejected":
        status = "edited"
    out = {"status": status, "note": decision.get("note"), "reviewed_at": decision.get("updated_at")}
    if edits:
        out["original"] = {k: fact.get(k) for k in edits}
    return out


def apply_review(result: dict, review: dict, *, include_rejected: bool = True) -> dict:
    """A copy of ``result`` with the review applied: edited values in place,
    added facts merged in offset order, and a ``review`` field on every fact.

    Args:
        result: a FACTS.md result (an error line is returned unchanged).
        review: :meth:`ReviewStore.review` output.
        include_rejected: keep rejected facts (with ``review.status ==
            "rejected"``); False drops them.
    """
    if "error" in result:
        return copy.deepcopy(result)
    out = copy.deepcopy(result)
    decisions = review.get("decisions", {})
    facts = []
    for fact, added in [(f, False) for f in out["facts"]] + [(copy.deepcopy(f), True) for f in review.get("added", [])]:
        decision = decisions.get(fact["id"])
        fact["review"] = review_field(fact, decision, added=added)
        fact.update((decision or {}).get("edits") or {})
        if fact["review"]["status"] == "rejected" and not include_rejected:
            continue
        facts.append(fact)
    facts.sort(key=lambda f: (f["start_char"], f["end_char"], f["id"]))
    out["facts"] = facts
    return out


def _first_number(text: str) -> float | None:
    m = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    return float(m.group().replace(",", "")) if m else None


def _defaults(fact_type: str, text: str) -> dict:
    """Type-specific values a manual fact gets unless the reviewer gives them."""
    stripped = text.strip().strip("\"“”'‘’").strip()
    number = _first_number(text)
    return {
        "party": {"name": stripped, "entity_type": "ORG", "role": "other"},
        "date": {"precision": "day"},
        "quantity": {"value": number, "kind": "other"},
        "count": {"number": int(number) if number is not None else None},
        "order": {"action": (stripped.split() or [""])[0].lower()},
        "citation": {"kind": "other", "normalized": stripped},
        "quote": {"content": stripped, "direct": stripped != text.strip()},
    }[fact_type]


def make_manual_fact(result: dict, fact_type: str, start_char: int, end_char: int,
                     fields: dict | None = None) -> dict:
    """Build a fact the extractor missed from a span of ``document.text``.

    Args:
        result: the FACTS.md result, with ``document.text``.
        fact_type: one of the seven fact types.
        start_char, end_char: the span (0-based, end exclusive).
        fields: type-specific values (strings are converted as in
            :func:`coerce_edits`); a party's ``name`` defaults to the span's text.
    Returns:
        A fact dict valid for its type with ``method`` "review.manual",
        ``confidence`` 1.0, the page of ``start_char`` and the sentence around
        the span; its ``id`` is a placeholder the store replaces.
    Raises:
        ReviewError: without document text, for an empty or out-of-range span,
            an unknown type, or fields the schema refuses.
    """
    doc = result.get("document", {})
    text = doc.get("text")
    if text is None:
        raise ReviewError("The document text is not available, so no fact can be added.")
    if fact_type not in _MODELS:
        raise ReviewError(f"Unknown fact type {fact_type!r}.")
    if not (0 <= start_char < end_char <= len(text)) or not text[start_char:end_char].strip():
        raise ReviewError(f"The span {start_char}–{end_char} is empty or outside the document (0–{len(text)}).")
    span = text[start_char:end_char]
    s_start, s_end = sentence_around(text, start_char, end_char)
    fact = {
        "id": "manual-0", "type": fact_type, "text": span, "start_char": start_char, "end_char": end_char,
        "page": page_of(doc.get("pages", []), start_char),
        "sentence": {"text": text[s_start:s_end], "start_char": s_start, "end_char": s_end},
        "confidence": 1.0, "method": MANUAL_METHOD,
    }
    fact.update(_defaults(fact_type, span))
    fact.update({k: _prepare(k, v) for k, v in (fields or {}).items()})
    try:
        return _MODELS[fact_type].model_validate(fact).model_dump(exclude_none=False)
    except ValidationError as exc:
        raise ReviewError(f"Not a valid {fact_type} fact: {_plain(exc)}.") from exc
