"""The case caption, court, docket number and judge — first version pending."""
from __future__ import annotations

from .context import DocContext


def find_case(ctx: DocContext) -> dict:
    """Return ``{"caption", "court", "docket_number", "judge"}`` (values may be None)."""
    return {"caption": None, "court": None, "docket_number": None, "judge": None}
