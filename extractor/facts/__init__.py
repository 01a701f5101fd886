"""``Doc`` → facts. Each module here turns a :class:`DocContext` into facts of one type.

:data:`EXTRACTORS` lists them in the order they run: citations first (they
reserve spans that must not become numbers or dates), parties before orders
and quotes (which name parties), identifiers last (they skip
the citation and docket spans the others reserved).
"""
from . import citations, counts, dates, identifiers, orders, parties, quantities, quotes
from .context import DocContext

EXTRACTORS = [citations, counts, parties, dates, quantities, orders, quotes, identifiers]

__all__ = ["DocContext", "EXTRACTORS"]
