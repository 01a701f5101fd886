"""The document's own date (anchor date) — first version pending."""
from __future__ import annotations

import datetime as dt

from .context import DocContext


def find_anchor(ctx: DocContext) -> tuple[dt.date, str] | None:
    """Return ``(date, source)`` with source "text" or "metadata", or None."""
    return None
