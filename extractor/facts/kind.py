"""The kind of document (complaint, order, opinion, docket, news, ...)."""
from __future__ import annotations

import re

from .context import DocContext

# Title words looked for near the top of a court document, first match wins.
# Order matters: "ORDER" appears inside many complaint and motion captions, so it comes late.
_TITLE_RULES: list[tuple[str, re.Pattern]] = [
    ("docket", re.compile(r"\b(CIVIL|CRIMINAL) DOCKET\b|\bDocket Text\b|\bDate Filed\b.*#", re.I)),
    ("transcript", re.compile(r"\bTRANSCRIPT OF PROCEEDINGS\b|\bREPORTER'S TRANSCRIPT\b|\bREPORTER’S TRANSCRIPT\b|\bTRANSCRIPT\b", re.I)),
    ("indictment", re.compile(r"\bINDICTMENT\b")),
    ("complaint", re.compile(r"\b(COMPLAINT|PETITION) (FOR|AND)\b|^\s*COMPLAINT\s*$|\bCLASS ACTION COMPLAINT\b", re.M)),
    ("declaration", re.compile(r"\bDECLARATION OF\b|^\s*I, [A-Z][\w. ]+, declare", re.M)),
    ("motion", re.compile(r"\bMOTION (TO|FOR)\b|\bMEMORANDUM IN SUPPORT\b")),
    ("opinion", re.compile(r"\bOPINION\b|\bMEMORANDUM (AND|&) ORDER\b|\bMEMORANDUM DECISION\b|\bPUBLISHED\b|\bSyllabus\b|\bPER CURIAM\b", re.I)),
    ("order", re.compile(r"\bORDER\b|\bMINUTES\b|\bJUDGMENT\b|\bVERDICT\b")),
]
_NEWS = re.compile(r"^[A-Z][A-Z .,]+(\([A-Z]+\))?\s+[—–-]{1,2}\s|\bpress release\b|\bU\.S\. Attorney\b.*\bannounced\b|\bFOR IMMEDIATE RELEASE\b", re.I | re.M)


def classify(ctx: DocContext) -> str:
    """Return the document kind from its first 3,000 characters.

    A dateline ("WASHINGTON (AP) —") or a press-release phrase makes it
    "news"; otherwise the first title word of :data:`_TITLE_RULES` that occurs
    decides; else "other".
    """
    head = ctx.text[:3000]
    if _NEWS.search(head[:600]) or re.search(r"\b(announced|said|according to)\b", head[:1500]) and not re.search(r"\bv\.|\bCase No\b|\bCOURT\b", head[:1500]):
        return "news"
    for kind, pattern in _TITLE_RULES:
        if pattern.search(head):
            return kind
    return "other"
