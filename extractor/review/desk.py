"""The review desk's fact list, as plain data: rows of the compact list,
speaker turns folded under their speaker, the low-confidence cut, counts by
type and status, and stepping to the next or previous fact.

Generic over fact types: a type this module has never heard of (``identifier``
in schema 1.1, or a later one) gets a row, a count and a colour like any other.
"""
from __future__ import annotations

from collections import Counter

from .edits import MAIN_FIELD, STATUSES

LOW_CONFIDENCE = 0.75  # "Hide low-confidence facts" hides facts below it (extractor scores are 0.7, 0.8, 0.9 ...)
ROW_COLUMNS = ("id", "type", "value", "role", "page", "confidence", "status")
TURN_METHOD_SUFFIX = "turn"  # transcript speaker turns: quote facts with method "quote-turn"
_FALLBACK_FIELDS = ("value", "name", "normalized", "kind", "content", "text")


def main_value(fact: dict):
    """What the fact says, for a list column: the type's main field
    (:data:`MAIN_FIELD`), else the first of value, name, normalized, kind,
    content present, else the surface text. Lists are joined with "; "."""
    field = MAIN_FIELD.get(fact.get("type"))
    value = fact.get(field) if field else None
    if value in (None, "", []):
        value = next((fact[k] for k in _FALLBACK_FIELDS if fact.get(k) not in (None, "", [])), "")
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    return value


def is_turn(fact: dict) -> bool:
    """True for a transcript speaker turn (a quote whose method ends in "turn")."""
    return fact.get("type") == "quote" and str(fact.get("method", "")).endswith(TURN_METHOD_SUFFIX)


def status_of(fact: dict) -> str:
    """The fact's ``review.status`` ("unreviewed" when it has no review)."""
    return (fact.get("review") or {}).get("status", "unreviewed")


def turns_by_speaker(facts: list[dict]) -> dict[str, list[dict]]:
    """Speaker turns grouped under their speaker, speakers by number of turns
    (most first, then name), turns in text order."""
    groups: dict[str, list[dict]] = {}
    for f in sorted((f for f in facts if is_turn(f)), key=lambda f: f["start_char"]):
        groups.setdefault(f.get("speaker") or "(no speaker)", []).append(f)
    return dict(sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def visible_facts(facts: list[dict], *, show_turns: bool = False, speakers=None,
                  hide_low: bool = False, low: float = LOW_CONFIDENCE) -> list[dict]:
    """The facts the list shows before the user's filters.

    Args:
        facts: reviewed facts (with ``review``).
        show_turns: False hides every speaker turn; True shows them, sorted
            by speaker (as :func:`turns_by_speaker`) after the other facts.
        speakers: with ``show_turns``, only these speakers' turns (empty: all).
        hide_low: hide facts with a confidence below ``low``.
    """
    kept = [f for f in facts if not (hide_low and f.get("confidence", 1.0) < low)]
    out = [f for f in kept if not is_turn(f)]
    if show_turns:
        for speaker, turns in turns_by_speaker(kept).items():
            if not speakers or speaker in speakers:
                out.extend(turns)
    return out


def fact_rows(facts: list[dict]) -> list[dict]:
    """One compact row per fact (:data:`ROW_COLUMNS`): id, type, value, role
    (party role, quote speaker or order's party bound), page, confidence, status."""
    rows = []
    for f in facts:
        role = f.get("role") or f.get("speaker") or f.get("directed_to") or f.get("kind") or ""
        rows.append({"id": f["id"], "type": f["type"], "value": str(main_value(f)), "role": str(role),
                     "page": f.get("page"), "confidence": round(float(f.get("confidence", 1.0)), 2),
                     "status": status_of(f)})
    return rows


def counts(facts: list[dict]) -> dict:
    """Counts of one document's reviewed facts.

    Returns:
        ``{"total": n, "by_type": {type: n}, "by_status": {status: n},
        "by_type_status": {type: {status: n}}}``; types in order of first
        appearance, statuses in :data:`STATUSES` order then any other.
    """
    by_type = Counter(f["type"] for f in facts)
    by_status = Counter(status_of(f) for f in facts)
    order = [s for s in STATUSES if s in by_status] + sorted(set(by_status) - set(STATUSES))
    cross: dict[str, dict[str, int]] = {}
    for f in facts:
        cell = cross.setdefault(f["type"], {})
        cell[status_of(f)] = cell.get(status_of(f), 0) + 1
    return {"total": len(facts), "by_type": dict(by_type), "by_status": {s: by_status[s] for s in order},
            "by_type_status": cross}


def step(ids: list[str], current: str | None, delta: int) -> str | None:
    """The id ``delta`` places after ``current`` in ``ids`` (clamped to the ends);
    the first id when ``current`` is not in the list; None for an empty list."""
    if not ids:
        return None
    if current not in ids:
        return ids[0]
    return ids[max(0, min(len(ids) - 1, ids.index(current) + delta))]


def originals(fact: dict) -> dict:
    """The extracted values of an edited fact's changed fields (``{}`` when not edited)."""
    return dict((fact.get("review") or {}).get("original") or {})
