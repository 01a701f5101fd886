"""``legal_caption``: the document-level stage (kind, anchor date, case caption)."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..facts import anchor, caption, kind
from .context import context_of


def annotate_document(doc: Doc, default_anchor: str | None = None) -> None:
    """Classify the document and find its anchor date and case; write them on the ``Doc``.

    A ``doc._.anchor_date`` set before this stage runs is the user's (``anchor_date_source`` "user") and is
    kept; otherwise the text's own date (:func:`extractor.facts.anchor.find_anchor`), else
    ``default_anchor`` (source "user"), else none.

    Writes ``doc._.document_kind`` (FACTS.md kinds), ``doc._.anchor_date`` (ISO day or None),
    ``doc._.anchor_date_source``, ``doc._.anchor_candidates`` (list of dicts) and ``doc._.case``
    (``{"caption", "court", "docket_number", "judge"}``); reserves docket number spans.

    Raises:
        ValueError: when ``doc._.anchor_date`` or ``default_anchor`` is not a ``YYYY-MM-DD`` date.
    """
    ctx = context_of(doc)
    ctx.kind = kind.classify(ctx)
    candidates = anchor.anchor_candidates(ctx)
    if doc._.anchor_date is not None:
        ctx.anchor_date, ctx.anchor_date_source = dt.date.fromisoformat(doc._.anchor_date), "user"
    else:
        found = anchor.find_anchor(ctx, candidates)
        if found is not None:
            ctx.anchor_date, ctx.anchor_date_source = found
        elif default_anchor is not None:
            ctx.anchor_date, ctx.anchor_date_source = dt.date.fromisoformat(default_anchor), "user"
    ctx.case = caption.find_case(ctx)
    doc._.document_kind = ctx.kind
    doc._.anchor_date = ctx.anchor_date.isoformat() if ctx.anchor_date else None
    doc._.anchor_date_source = ctx.anchor_date_source
    doc._.anchor_candidates = candidates
    doc._.case = ctx.case


def ensure_document(doc: Doc, default_anchor: str | None = None) -> None:
    """Run :func:`annotate_document` unless ``legal_caption`` already did (a stage used on its own)."""
    if doc._.case is None:
        annotate_document(doc, default_anchor)


class LegalCaption:
    """The ``legal_caption`` component: see :func:`annotate_document`."""

    def __init__(self, nlp: Language, name: str, *, anchor_date: Optional[str] = None):
        if anchor_date is not None:
            dt.date.fromisoformat(anchor_date)  # a bad config value fails when the pipe is added
        self.name = name
        self.anchor_date = anchor_date

    def __call__(self, doc: Doc) -> Doc:
        annotate_document(doc, self.anchor_date)
        return doc


@Language.factory("legal_caption", default_config={"anchor_date": None},
                  assigns=["doc._.case", "doc._.document_kind", "doc._.anchor_date"])
def make_legal_caption(nlp: Language, name: str, anchor_date: Optional[str]) -> LegalCaption:
    """Factory of :class:`LegalCaption`; ``anchor_date`` (``YYYY-MM-DD`` or None) is the date relative
    expressions resolve against when the text shows none."""
    return LegalCaption(nlp, name, anchor_date=anchor_date)
