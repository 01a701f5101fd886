"""Facts on the ``Doc`` and back: the one place fact dicts become spans and spans become the result's facts."""
from __future__ import annotations

from spacy.tokens import Doc

from .context import fact_span
from .doc_ext import FACTS_ATTR

# The order of fact types at the same start offset (FACTS.md lists them so).
FACT_ORDER = ("party", "date", "quantity", "count", "order", "citation", "quote", "identifier")


def group_name(fact_type: str) -> str:
    """The ``doc.spans`` key of a fact type: "party" -> "legal_parties", "date" -> "legal_dates"."""
    plural = fact_type[:-1] + "ies" if fact_type.endswith("y") else fact_type + "s"
    return f"legal_{plural}"


def store_facts(doc: Doc, fact_type: str, facts: list[dict], min_confidence: float = 0.0) -> None:
    """Number ``facts`` ("date-1", "date-2" ... by ``(start_char, end_char)``, ties in the order given) and
    put them on ``doc``: ``doc._.legal_facts[id] = fact`` and one ``Span`` per fact in
    ``doc.spans[group_name(fact_type)]``.

    Args:
        doc: the ``Doc`` the facts were read from.
        fact_type: their FACTS.md type (every fact dict has it as ``"type"``).
        facts: fact dicts from an :mod:`extractor.facts` module (``id`` is set here).
        min_confidence: facts with a lower ``confidence`` get an id but are not stored.
    """
    stored = dict(doc._.get(FACTS_ATTR) or {})
    spans = []
    for n, fact in enumerate(sorted(facts, key=lambda f: (f["start_char"], f["end_char"])), start=1):
        fact["id"] = f"{fact_type}-{n}"
        if fact["confidence"] < min_confidence:
            continue
        stored[fact["id"]] = fact
        span = fact_span(doc, fact)
        if span is not None:
            spans.append(span)
    doc._.set(FACTS_ATTR, stored)
    doc.spans[group_name(fact_type)] = spans


def facts_from_doc(doc: Doc) -> list[dict]:
    """Every fact stored on ``doc``, in output order: by ``start_char``, then :data:`FACT_ORDER`, then
    ``end_char`` (FACTS.md). Types the order does not know go last, by name."""
    facts = list((doc._.get(FACTS_ATTR) or {}).values())
    rank = {t: i for i, t in enumerate(FACT_ORDER)}
    return sorted(facts, key=lambda f: (f["start_char"], rank.get(f["type"], len(rank)), f["type"], f["end_char"],
                                        int(f["id"].rsplit("-", 1)[1])))


def fact_groups(doc: Doc) -> dict[str, list]:
    """``{group name: [Span, ...]}`` of the ``legal_*`` fact groups present on ``doc``."""
    return {name: list(group) for name, group in doc.spans.items()
            if name.startswith("legal_") and name != "legal_reserved"}
