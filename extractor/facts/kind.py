"""The kind of document (complaint, order, opinion, docket, news, ...), from its first page.

Rules, in order (the first that fires decides):
1. News and press releases: a dateline ("WASHINGTON (AP) —", "NEWARK, N.J. –"),
   a weekday date line under a headline, "Litigation Release No.", "FOR
   IMMEDIATE RELEASE" — when the head has no court caption.
2. Dockets, transcripts: their fixed headings ("CRIMINAL DOCKET", "Docket
   Text", "Case Events"; "TRANSCRIPT OF PROCEEDINGS").
3. Markers only opinions carry ("(Slip Opinion)", "T.C. Memo.", "Decision Date").
4. The document title: the first line of the head (court names excluded)
   that names a kind; "ORDER GRANTING MOTION ..." is an order because the
   title word that comes first on the line wins.
5. Appellate markers ("Before ... Circuit Judges", "Appeal from") make an opinion.
"""
from __future__ import annotations

import re

from .context import DocContext

HEAD_CHARS = 3000

_NEWS = re.compile(
    r"^[A-Z][A-Z.\- ]{2,}(?:, [A-Z][A-Za-z.]+)?(?: \([A-Za-z]+\))? ?[—–-]{1,2} ?\S"   # dateline
    r"|^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), [A-Z][a-z]+ \d{1,2}, \d{4}\s*$"
    r"|\bLitigation Release No\b|\bFOR IMMEDIATE RELEASE\b|\bPress Release\b", re.M)
_CAPTION = re.compile(r"^\s*(?:Plaintiffs?|Defendants?|Petitioners?|Respondents?|Appellants?|Appellees?)[,.]?\s*$"
                      r"|\bUNITED STATES DISTRICT COURT\b|\bCOURT OF APPEALS\b", re.M | re.I)
_FIXED = [
    ("docket", re.compile(r"\b(?:CRIMINAL|CIVIL) DOCKET\b|\bDocket Text\b|\bCase Events\b|\bCase Information\b", re.I)),
    ("transcript", re.compile(r"\bTRANSCRIPT OF (?:PROCEEDINGS|HEARING|SENTENCING)\b|\bREPORTER['’]S TRANSCRIPT\b|\bOFFICIAL TRANSCRIPT\b", re.I)),
]
# Title words, matched on one line; the earliest match on the line wins.
_TITLE_WORDS = [
    ("order", r"\bORDER\b|\bMINUTES\b|\bJUDGMENT\b|\bVERDICT\b|\bDECREE\b|\bINJUNCTION\b|\bWARRANT\b"),
    ("opinion", r"\bOPINION\b|\bMEMORANDUM DECISION\b|\bDECISIONS?\b|\bSYLLABUS\b|\bPER CURIAM\b|\bT\.C\. Memo\b"),
    ("complaint", r"\bCOMPLAINT\b|\bPETITION FOR\b"),
    ("indictment", r"\bINDICTMENT\b|^\s*(?:CRIMINAL )?INFORMATION\s*$"),
    ("declaration", r"\bDECLARATION OF\b|\bAFFIDAVIT OF\b"),
    ("motion", r"\bMOTION\b|\bBRIEF\b|\bMEMORANDUM (?:OF POINTS|IN SUPPORT|IN OPPOSITION)\b"),
    ("transcript", r"\bTRANSCRIPT\b"),
]
_TITLE = re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _TITLE_WORDS))
_COURT_LINE = re.compile(r"\bCOURT\b|\bDISTRICT OF\b|\bCIRCUIT\b|\bDIVISION\b", re.I)
_APPELLATE = re.compile(r"^\s*Before:?\s*$|\bCircuit Judges?\b|\bAPPEAL FROM\b|\bOn Appeal\b|\bPetition for Review\b", re.M | re.I)
# Markers that only opinions carry in their head (slip opinions, Tax Court memos, BVA decisions, review grants).
_OPINION_HEAD = re.compile(r"\(Slip Opinion\)|^\s*Syllabus\s*$|\bT\.C\. Memo\.|\bDecision Date\b|\bCERTIORARI TO\b"
                           r"|\bOn discretionary review\b|\bArgued\b.{0,40}\bDecided\b", re.M | re.I)


def title_kind(head: str) -> str | None:
    """Return the kind named by the first title-like line of ``head``, or None.

    A title line is one in capitals (at least 60% of its letters) that is not
    a court-name line; the earliest title word on it decides.
    """
    for line in head.splitlines():
        letters = [c for c in line if c.isalpha()]
        if len(letters) < 4 or sum(c.isupper() for c in letters) < 0.6 * len(letters):
            continue
        if _COURT_LINE.search(line) and not re.search(r"\bORDER\b|\bOPINION\b|\bMINUTES\b", line):
            continue
        m = _TITLE.search(line)
        if m:
            return m.lastgroup
    return None


def classify(ctx: DocContext) -> str:
    """Return the document kind (a FACTS.md ``document.kind`` value) from the first 3,000 characters."""
    head = ctx.text[:HEAD_CHARS]
    has_caption = bool(_CAPTION.search(head[:1500]))
    if not has_caption and _NEWS.search(head[:800]):
        return "news"
    for kind, pattern in _FIXED:
        if pattern.search(head):
            return kind
    if re.search(r"\bI, [A-Z][\w.' -]+, (?:hereby )?declare\b", head):
        return "declaration"
    if _OPINION_HEAD.search(head):
        return "opinion"
    kind = title_kind(head)
    if kind:
        return kind
    if _APPELLATE.search(head) or re.search(r"\bDecision Date\b", head):
        return "opinion"
    if not has_caption and re.search(r"\b(?:said|announced|according to)\b", head):
        return "news"
    return "other"
