"""Dates facts (first version pending)."""
from __future__ import annotations

from .context import DocContext


def extract(ctx: DocContext) -> list[dict]:
    """Return the dates facts of the document (FACTS.md)."""
    return []
