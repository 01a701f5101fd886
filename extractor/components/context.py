"""The :class:`~extractor.facts.context.DocContext` of a ``Doc``: one per ``Doc``, shared by its stages.

Our extraction attaches the ingested :class:`~extractor.ingest.source.SourceText` (page map, removed
headers, metadata) before the stages run (:func:`attach_source`); in a user's own pipeline a ``Doc`` gets a
context of its own text as one page-less source the first time a stage asks (:func:`context_of`). Contexts
live in a weak table keyed by the ``Doc``, so nothing that cannot be serialized is put on the ``Doc``.
What later stages need from earlier ones is also on the ``Doc`` (``doc.spans["legal_reserved"]``, the party
facts), so a context rebuilt for a ``Doc`` that went through ``to_bytes`` sees the same.
"""
from __future__ import annotations

import weakref

from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

from ..facts.context import DocContext
from ..ingest.source import PageSpan, SourceText
from ..pipeline import set_legal_sentence_starts
from .doc_ext import FACTS_ATTR

RESERVED_GROUP = "legal_reserved"
_CONTEXTS: "weakref.WeakKeyDictionary[Doc, DocContext]" = weakref.WeakKeyDictionary()


class _TrackedReserved(list):
    """``DocContext.reserved`` that also writes each reserved span to ``doc.spans["legal_reserved"]``."""

    def __init__(self, doc: Doc, items=()):
        super().__init__(items)
        self._doc = doc

    def append(self, item: tuple[int, int, str]) -> None:
        super().append(item)
        span = self._doc.char_span(item[0], item[1], label=item[2], alignment_mode="expand")
        if span is not None:
            self._doc.spans.setdefault(RESERVED_GROUP, []).append(span)


def _ensure_sentences(doc: Doc) -> None:
    """Give a ``Doc`` from a pipeline without parser or senter sentence starts (spaCy's sentencizer, then
    the legal abbreviation rules of :func:`extractor.pipeline.set_legal_sentence_starts`)."""
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return
    Sentencizer()(doc)
    set_legal_sentence_starts(doc)


def attach_source(doc: Doc, source: SourceText) -> DocContext:
    """Make ``source`` the context of ``doc`` (``source.text`` must be ``doc.text``).

    Raises:
        ValueError: when the texts differ (a programming error).
    """
    if source.text != doc.text:
        raise ValueError("the source text is not the Doc's text")
    _ensure_sentences(doc)
    ctx = DocContext(source=source, doc=doc)
    ctx.reserved = _TrackedReserved(doc)
    _CONTEXTS[doc] = ctx
    return ctx


def context_of(doc: Doc) -> DocContext:
    """The context of ``doc``, made on first use from the ``Doc`` alone when none was attached.

    A made context has the ``Doc``'s text as one page-less source ("text/plain"), and takes back from the
    ``Doc`` what earlier stages left there: reserved spans, document-level fields and party facts.
    """
    ctx = _CONTEXTS.get(doc)
    if ctx is not None:
        return ctx
    text = doc.text
    ctx = attach_source(doc, SourceText(text=text, pages=[PageSpan(1, 0, len(text))], media_type="text/plain",
                                        has_pages=False))
    reserved = doc.spans.get(RESERVED_GROUP)
    if reserved is not None:
        list.extend(ctx.reserved, ((s.start_char, s.end_char, s.label_) for s in reserved))
    facts = doc._.get(FACTS_ATTR) or {}
    ctx.parties = [f for f in facts.values() if f.get("type") == "party"]
    return ctx


def fact_span(doc: Doc, fact: dict) -> Span | None:
    """The ``Span`` of a fact dict (label = its type, ``id_`` = its id); None when it cannot align."""
    span = doc.char_span(fact["start_char"], fact["end_char"], label=fact["type"], alignment_mode="expand")
    if span is not None:
        span.id_ = fact["id"]
    return span
