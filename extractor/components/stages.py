"""The fact stages ``legal_citations`` ... ``legal_quotes`` and ``legal_identifiers``: each runs one
:mod:`extractor.facts` module and writes its facts to ``doc.spans["legal_<type>s"]`` (see :mod:`extractor.components`)."""
from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..facts import citations, counts, dates, identifiers, orders, parties, quantities, quotes
from .caption import ensure_document
from .context import context_of, release
from .results import store_facts


class FactStage:
    """One fact stage: ``module.extract(ctx)`` over the ``Doc``'s context, facts stored on the ``Doc``.

    Args:
        nlp, name: as spaCy gives them.
        module: the :mod:`extractor.facts` module whose ``extract(ctx) -> list[dict]`` runs.
        fact_type: the FACTS.md type it produces ("date", ...).
        min_confidence: facts below it (0..1) are not put on the ``Doc`` (later stages still see them).
        anchor_date: for a stage used without ``legal_caption``: ``YYYY-MM-DD`` relative dates resolve
            against when the text shows none.
    """

    def __init__(self, nlp: Language, name: str, *, module, fact_type: str, min_confidence: float = 0.0,
                 anchor_date: Optional[str] = None):
        self.name, self.module, self.fact_type = name, module, fact_type
        self.min_confidence, self.anchor_date = min_confidence, anchor_date
        self._nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        ensure_document(doc, self.anchor_date)
        ctx = context_of(doc)
        facts = self.module.extract(ctx)
        if self.fact_type == "party":
            ctx.parties = facts
        store_facts(doc, self.fact_type, facts, self.min_confidence)
        if is_last_stage(self._nlp, self.name):
            release(doc)
        return doc


def is_last_stage(nlp: Language, name: str) -> bool:
    """True when no ``legal_*`` fact stage comes after ``name`` in ``nlp`` (then the Doc's context goes)."""
    names = [n for n in nlp.pipe_names if n.startswith("legal_") and n != "legal_sentences"]
    return not names or names[-1] == name


def _factory(name: str, module, fact_type: str, with_anchor: bool = False):
    config = {"min_confidence": 0.0, **({"anchor_date": None} if with_anchor else {})}

    @Language.factory(name, default_config=config, assigns=["doc.spans", "span._.fact"])
    def make(nlp: Language, name: str, min_confidence: float, anchor_date: Optional[str] = None) -> FactStage:
        return FactStage(nlp, name, module=module, fact_type=fact_type, min_confidence=min_confidence,
                         anchor_date=anchor_date)

    make.__doc__ = f"Factory of the ``{name}`` stage ({fact_type} facts, :class:`FactStage`)."
    make.__name__ = f"make_{name}"
    return make


make_legal_citations = _factory("legal_citations", citations, "citation")
make_legal_counts = _factory("legal_counts", counts, "count")
make_legal_parties = _factory("legal_parties", parties, "party")
make_legal_dates = _factory("legal_dates", dates, "date", with_anchor=True)
make_legal_quantities = _factory("legal_quantities", quantities, "quantity")
make_legal_orders = _factory("legal_orders", orders, "order")
make_legal_quotes = _factory("legal_quotes", quotes, "quote")
make_legal_identifiers = _factory("legal_identifiers", identifiers, "identifier")
