"""``DocContext`` -> facts. Each module here turns a :class:`DocContext` into facts of one type; the spaCy
components of :mod:`extractor.components` run them (in :data:`extractor.components.LEGAL_PIPES` order)
and put their facts on the ``Doc``.
"""
from .context import DocContext

__all__ = ["DocContext"]
