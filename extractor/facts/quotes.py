"""Quotes facts (first version pending)."""
from __future__ import annotations

from .context import DocContext


def extract(ctx: DocContext) -> list[dict]:
    """Return the quotes facts of the document (FACTS.md)."""
    return []
