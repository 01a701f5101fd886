"""Identifier facts (FACTS.md 1.1): personal identifiers that court privacy rules limit.

The rules: Fed. R. Civ. P. 5.2(a), Fed. R. Crim. P. 49.1(a), Fed. R. Bankr. P. 9037(a). A filing
may show only the last four digits of an individual's SSN or TIN and of a financial-account
number, the year of birth, a minor's initials and, in criminal cases only (49.1(a)(5)), the city
and state of a home address. Finding and validating is in :mod:`.identifier_patterns`; this module
picks the rule from the court the document shows, applies the exemptions the document shows
(5.2(b), 49.1(b), 9037(b)) and builds the facts.

A hit inside a citation, docket number or other reserved span (set by earlier extractors) is
dropped, so statute, case and docket numbers are never identifiers.
"""
from __future__ import annotations

import re

from .context import DocContext
from .identifier_patterns import Hit, find_all
from .spans import leftmost_longest

# (a) paragraph of each rule, by kind
_PARAGRAPH = {"ssn": 1, "tin": 1, "dob": 2, "minor": 3, "account": 4, "address": 5}
_RULE = {"civil": "Fed. R. Civ. P. 5.2", "criminal": "Fed. R. Crim. P. 49.1", "bankruptcy": "Fed. R. Bankr. P. 9037"}

_HEAD = 4000
_CRIMINAL = re.compile(r"\b\d{1,2}:\d{2}-cr-\d+|\b\d{2}-cr-\d+|\bCR\.?\s+(?:No\.?\s*)?\d|\bCriminal\s+(?:Case\s+)?No\b"
                       r"|\bUNITED STATES OF AMERICA\b[^\n]{0,80}\n?[^\n]{0,40}\bv\.|\bUNITED STATES v\.|\bUnited States v\. [A-Z]"
                       r"|\bINDICTMENT\b|\bCRIMINAL COMPLAINT\b", re.I)
_CIVIL = re.compile(r"\b\d{1,2}:\d{2}-cv-\d+|\b\d{2}-cv-\d+|\bCivil\s+(?:Action\s+)?No\b|\bCIVIL ACTION\b", re.I)
_BANKRUPTCY = re.compile(r"\b\d{1,2}:\d{2}-bk-\d+|\bBankruptcy\s+(?:Court|Case|No)\b|\bChapter\s+(?:7|9|11|12|13|15)\b"
                         r"|\bBankr\.\b|\bAdv(?:ersary)?\.?\s+(?:Proc\.?\s+)?No\b", re.I)
_BANKRUPTCY_DOCKET = re.compile(r"^\s*(?:Case\s+)?No\.?\s*\d{2}-\d{5}\b", re.I | re.M)
_FORFEITURE = re.compile(r"\bforfeit(?:ure|ed|able)?\b|\bin rem\b", re.I)
_HABEAS = re.compile(r"(?:§§?|section)\s*22(?:41|54|55)\b|\b28 U\.S\.C\.\s*§+\s*22(?:41|54|55)", re.I)
_PRO_SE = re.compile(r"\bpro se\b|\bin propria persona\b|\bpro per\b", re.I)
_CHARGING = re.compile(r"^\s*(?:(?:SUPERSEDING|SEALED|FIRST|SECOND)\s+)*(?:INDICTMENT|INFORMATION|CRIMINAL COMPLAINT)\s*$", re.M)
# a warrant's own title line ("A093 Search and Seizure Warrant", "ELECTRONIC SEARCH AND SEIZURE WARRANT")
_WARRANT = re.compile(r"^[^\n]{0,20}\b(?:ARREST|SEARCH(?:\s+AND\s+SEIZURE)?)\s+WARRANT\s*$", re.M | re.I)
_MAGISTRATE = re.compile(r"\bIn the Matter of the Search of\b|\b\d{1,2}[-:]\d{2,5}-?M[JB]\b|\b\d{2}-\d{3,6}\s?M[JB]\b", re.I)


def court_type(text: str, case: dict | None = None) -> str | None:
    """Which privacy rule governs: "criminal", "bankruptcy", "civil", or None when unknown.

    Read from the docket number and caption the document shows (``case["docket_number"]``
    first, then the first 4,000 characters): "-cr-" or "United States v." is criminal,
    "-bk-", "Chapter 7", "Bankruptcy Court" or a bare "25-41187" docket is bankruptcy,
    "-cv-" or "Civil Action No." civil. A warrant or a magistrate's "MJ"/"MB" number is criminal.
    """
    docket = (case or {}).get("docket_number") or ""
    for kind, pattern in (("criminal", r"-cr-|\bcr\b|-m[jb]-|\dM[JB]\b"), ("bankruptcy", r"-bk-|\bbk\b"), ("civil", r"-cv-|\bcv\b")):
        if re.search(pattern, docket, re.I):
            return kind
    head = text[:_HEAD]
    if _CRIMINAL.search(head) or _WARRANT.search(head) or _MAGISTRATE.search(head):
        return "criminal"
    if _BANKRUPTCY.search(head) or _BANKRUPTCY_DOCKET.search(head):
        return "bankruptcy"
    if _CIVIL.search(head):
        return "civil"
    return None


def rule_for(kind: str, court: str | None) -> str:
    """The rule that limits ``kind`` in a ``court`` ("criminal", ...) case: "Fed. R. Crim. P. 49.1(a)(1)".

    Unknown courts (news) get Fed. R. Civ. P. 5.2(a), as FACTS.md says.
    """
    return f"{_RULE.get(court or 'civil', _RULE['civil'])}(a)({_PARAGRAPH[kind]})"


def exemption_for(hit: Hit, text: str, court: str | None, doc_kind: str) -> str | None:
    """The exemption the document shows for ``hit``, or None.

    * (b)(1) of each rule: a financial-account number or real-property address that
      identifies property subject to forfeiture (a forfeiture word near it).
    * Fed. R. Civ. P. 5.2(b)(6) / Fed. R. Crim. P. 49.1(b)(6): a pro se filing under
      28 U.S.C. § 2241, 2254 or 2255.
    * Fed. R. Crim. P. 49.1(b)(8): an arrest or search warrant; 49.1(b)(9): a charging
      document (indictment, information, criminal complaint).
    """
    rule = _RULE.get(court or "civil", _RULE["civil"])
    head = text[:_HEAD]
    if hit.kind in ("account", "address"):
        near = text[max(0, hit.start_char - 300):hit.end_char + 300]
        if _FORFEITURE.search(near) and _FORFEITURE.search(head):
            return f"{rule}(b)(1)"
    if _HABEAS.search(head) and _PRO_SE.search(head) and court != "bankruptcy":
        return f"{rule}(b)(6)"
    if court == "criminal":
        if _WARRANT.search(head):
            return f"{_RULE['criminal']}(b)(8)"
        if doc_kind == "indictment" or _CHARGING.search(head):
            return f"{_RULE['criminal']}(b)(9)"
    return None


def other_mentions(text: str, hits: list[Hit]) -> list[Hit]:
    """Every other place a minor's full name is written: once the text shows the person to be a
    minor, each mention of the name is limited (Fed. R. Civ. P. 5.2(a)(3)); initials are not sought."""
    out = []
    starts = {h.start_char for h in hits}
    for name in {text[h.start_char:h.end_char] for h in hits if h.kind == "minor" and not h.redacted}:
        for m in re.finditer(rf"(?<![\w.]){re.escape(name)}(?!\w)", text):
            if m.start() not in starts:
                out.append(Hit("minor", m.start(), m.end(), False, "minor_mention", 0.7))
    return out


def identifier_facts(ctx: DocContext) -> list[dict]:
    """All identifier facts of a document.

    Args:
        ctx: the document (text, reserved spans, kind, case).
    Returns:
        Fact dicts with ``kind``, ``redacted``, ``rule`` and ``exempt`` (FACTS.md 1.1).
        Addresses count only in criminal cases (Fed. R. Crim. P. 49.1(a)(5)); Civ. R. 5.2
        and Bankr. R. 9037 have no address rule.
    """
    text = ctx.text
    court = court_type(text, ctx.case)
    hits = [h for h in find_all(text) if not ctx.is_reserved(h.start_char, h.end_char)]
    hits += other_mentions(text, hits)
    if court != "criminal" or ctx.kind == "news":
        hits = [h for h in hits if h.kind != "address"]
    hits = leftmost_longest(hits, lambda h: (h.start_char, h.end_char))
    facts = []
    for hit in hits:
        facts.append(ctx.make_fact("identifier", hit.start_char, hit.end_char, hit.method, hit.confidence,
                                   kind=hit.kind, redacted=hit.redacted, rule=rule_for(hit.kind, court),
                                   exempt=exemption_for(hit, text, court, ctx.kind)))
    return facts


def extract(ctx: DocContext) -> list[dict]:
    """The module's entry point in :data:`extractor.facts.EXTRACTORS`."""
    return identifier_facts(ctx)
