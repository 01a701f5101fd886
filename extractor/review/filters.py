"""Filtering facts in the review view (type, party role, page, confidence,
review status, free text) and the per-type choices of an edit form."""
from __future__ import annotations

import typing

from .. import schema
from .edits import _MODELS, MAIN_FIELD

_SEARCHED = ("text", "name", "value", "directed_to", "directive", "object", "normalized", "speaker",
             "content", "title", "unit", "action")


def field_choices(fact_type: str, field: str) -> list | None:
    """The allowed values of a fact field with a closed vocabulary (``role``,
    ``entity_type``, ``precision``, ``kind``, ``comparator``, ``polarity``), read
    from the schema's ``Literal`` types; None for free fields."""
    info = _MODELS[fact_type].model_fields.get(field)
    if info is None:
        return None
    ann = info.annotation
    for arg in (ann, *typing.get_args(ann)):
        if typing.get_origin(arg) is typing.Literal:
            return list(typing.get_args(arg))
    return None


ROLES = list(typing.get_args(schema.Role))


def matches(fact: dict, *, types=None, roles=None, pages=None, min_confidence: float = 0.0,
            statuses=None, query: str = "") -> bool:
    """Whether one (reviewed) fact passes the filters; an empty filter passes all.

    Args:
        types: fact types to keep.
        roles: party roles to keep; applies to facts with a ``role`` (parties),
            other types pass.
        pages: 1-based pages to keep (a fact without a page passes only when empty).
        min_confidence: keep facts at or above it (added facts have 1.0).
        statuses: ``review.status`` values to keep ("unreviewed" when no review).
        query: case-insensitive words that must all occur in the fact's text,
            sentence, main fields or review note.
    """
    if types and fact["type"] not in types:
        return False
    if roles and "role" in fact and fact["role"] not in roles:
        return False
    if pages and fact.get("page") not in pages:
        return False
    if fact.get("confidence", 1.0) < min_confidence:
        return False
    review = fact.get("review") or {}
    if statuses and review.get("status", "unreviewed") not in statuses:
        return False
    words = query.lower().split()
    if words:
        hay = " ".join(str(fact.get(k) or "") for k in (*_SEARCHED, MAIN_FIELD.get(fact["type"], "text")))
        hay = f"{hay} {(fact.get('sentence') or {}).get('text', '')} {review.get('note') or ''}".lower()
        if not all(w in hay for w in words):
            return False
    return True


def filter_facts(facts: list[dict], **filters) -> list[dict]:
    """The facts that pass :func:`matches`, in their order."""
    return [f for f in facts if matches(f, **filters)]
