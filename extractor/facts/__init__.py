"""``Doc`` → facts. Each module here turns a :class:`DocContext` into facts of one type.

:data:`EXTRACTORS` lists them in the order they run: citations first (they
reserve spans that must not become numbers or dates), parties before orders
and quotes (which name parties).
"""
from . import citations, counts, dates, orders, parties, quantities, quotes
from .context import DocContext

EXTRACTORS = [citations, counts, parties, dates, quantities, orders, quotes]

__all__ = ["DocContext", "EXTRACTORS"]
