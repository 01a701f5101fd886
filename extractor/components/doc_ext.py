"""The ``Doc`` and ``Span`` extension attributes our components write (``doc._.case``, ``span._.value``)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

# Document-level results of ``legal_caption`` (JSON values, so a Doc keeps them through to_bytes).
DOC_FIELDS = ("case", "document_kind", "anchor_date", "anchor_date_source", "anchor_candidates")


def span_fields() -> tuple[str, ...]:
    """The fact fields offered as span extensions besides ``span._.fact``: every field of every fact model
    of :mod:`extractor.schema` (FACTS.md) but the ones a ``Span`` has itself (text, offsets, id, type).
    A field a fact type does not have reads None."""
    from .. import schema

    own = {"id", "type", "text", "start_char", "end_char", "sentence"}
    names: list[str] = []
    for model in schema.FACT_MODELS:
        names.extend(n for n in model.model_fields if n not in own and n not in names)
    return tuple(names)


FACTS_ATTR = "legal_facts"  # doc._.legal_facts: {fact id: fact dict}


def _fact_of(span: Span) -> dict | None:
    facts = span.doc._.get(FACTS_ATTR) or {}
    return facts.get(span.id_) if span.id else None


def register_extensions() -> None:
    """Register the extensions once per process (a second call does nothing).

    ``Doc``: ``legal_facts`` and :data:`DOC_FIELDS`, default None. ``Span``: ``fact`` (the fact dict of a
    span in a ``legal_*`` group, else None) and each of :func:`span_fields` (that field of the fact).
    A name another library has already registered on ``Span`` is left to it.
    """
    for name in (FACTS_ATTR, *DOC_FIELDS):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Span.has_extension("fact"):
        Span.set_extension("fact", getter=_fact_of)
    for field in span_fields():
        if not Span.has_extension(field):
            Span.set_extension(field, getter=lambda span, f=field: (_fact_of(span) or {}).get(f))
