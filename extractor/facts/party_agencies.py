"""Government agencies: the shipped federal list (``models/agencies.json``) and
general patterns for state and local bodies ("Minneapolis Police Department",
"Wake County Board of Elections", "U.S. Attorney's Office for the ...").
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..data import load_json
from .caption_court import court_data
from .spans import leftmost_longest


@functools.lru_cache(maxsize=1)
def agency_list() -> list[dict]:
    """The rows of ``models/agencies.json``: ``{"name", "acronyms", "parent", "variants"}``."""
    return load_json("agencies.json")["agencies"]


@dataclass(frozen=True)
class AgencyMention:
    """An agency named in the text: span, canonical name and whether it was an acronym."""

    start_char: int
    end_char: int
    name: str
    acronym: bool


def _flex(s: str) -> str:
    s = re.escape(s).replace(r"\ ", r"\s+").replace("'", "['’]").replace("’", "['’]")
    return s.replace(r"\,", ",?").replace(",", ",?")


@functools.lru_cache(maxsize=1)
def _gazetteer() -> tuple[re.Pattern, dict[str, str], re.Pattern, dict[str, str]]:
    names: dict[str, str] = {}
    acr: dict[str, str] = {}
    for row in agency_list():
        for v in [row["name"], *row["variants"]]:
            names[_key(v)] = row["name"]
        for a in row["acronyms"]:
            acr[a] = row["name"]
    alts = sorted({v for row in agency_list() for v in [row["name"], *row["variants"]]}, key=len, reverse=True)
    pat = re.compile(r"(?<![\w])(?:(?:U\.\s?S\.|United\s+States)\s+)?(?:" + "|".join(_flex(a) for a in alts) + r")(?!\w|-(?-i:[a-z]))", re.I)
    apat = re.compile(r"(?<![\w.-])(" + "|".join(re.escape(a) for a in sorted(acr, key=len, reverse=True)) + r")(?![\w]|-[A-Za-z])")
    return pat, names, apat, acr


def _key(s: str) -> str:
    s = re.sub(r"^(?:the\s+)?(?:U\.\s?S\.|United\s+States)\s+", "", s.strip(), flags=re.I)
    return re.sub(r"[^a-z]", "", s.lower())


def canonical_agency(name: str) -> str | None:
    """The list's canonical name for ``name`` (any variant, with or without "U.S."), or None."""
    _, names, _, acr = _gazetteer()
    return names.get(_key(name)) or acr.get(name.strip())


def find_listed(text: str) -> list[AgencyMention]:
    """Mentions of listed agencies by name or acronym (acronyms case-sensitive, so "ice" is not ICE)."""
    pat, names, apat, acr = _gazetteer()
    out = []
    for m in pat.finditer(text):
        name = names.get(_key(m.group(0)))
        if not name or not m.group(0)[0].isupper():
            continue
        s, e = m.start(), m.end()
        # "Department of Health and Human Services, Office of Inspector General": the department's OIG
        oig = re.match(r",?\s+(?:Office\s+of\s+(?:the\s+)?Inspector\s+General)", text[e:e + 50])
        if oig:
            out.append(AgencyMention(s, e + oig.end(), f"{name}, Office of Inspector General", False))
            continue
        out.append(AgencyMention(s, e, name, False))
    for m in re.finditer(r"(?<![\w-])(?P<acr>[A-Z]{2,6})-OIG\b", text):
        parent = acr.get(m.group("acr"))
        if parent:
            out.append(AgencyMention(m.start(), m.end(), f"{parent}, Office of Inspector General", True))
    banned = _redefined_acronyms(text, acr)
    for m in apat.finditer(text):
        a = m.group(1)
        if a in banned:
            continue
        # an all-caps acronym inside an all-caps line is a word of a heading, not an agency
        line_s = text.rfind("\n", 0, m.start()) + 1
        line_e = text.find("\n", m.end())
        line = text[line_s: line_e if line_e >= 0 else len(text)]
        letters = re.sub(r"[^A-Za-z]", "", line)
        if len(letters) > 12 and letters.isupper() and len(a) <= 3:
            continue
        if _not_an_acronym(text, m.start(), m.end()):
            continue
        out.append(AgencyMention(m.start(), m.end(), acr[a], True))
    return leftmost_longest(out, lambda h: (h.start_char, h.end_char))


def _not_an_acronym(text: str, start: int, end: int) -> bool:
    """True where a listed acronym's letters are another word: a state's postal code after a city
    ("Arlington, VA 22201", "Ames, IA") or the last word of a person's name ("JANE DOE asked",
    "John Doe's claim": a capitalized word right before it and no capitalized word after it).

    Args:
        text: the document text.
        start, end: the acronym's span (characters, 0-based, end exclusive).
    """
    a = text[start:end]
    before = text[max(0, start - 40):start]
    after = text[end:end + 30]
    if a in court_data()["postal_codes"] and re.search(r"[A-Z][A-Za-z.'’-]+,[ \t]*$", before):
        return True
    return bool(re.search(r"(?<![\w.])(?!The\b|THE\b|U\.S\.|US\b|New\b)[A-Z][A-Za-z'’-]+[ \t]$", before)) and not re.match(
        r"[ \t]+(?:[A-Z]|&|and\s+[A-Z])", after)


def _redefined_acronyms(text: str, acr: dict[str, str]) -> set[str]:
    """Listed acronyms the document defines for something else: "Dependents' Educational Assistance (DEA)"
    makes "DEA" that program, not the Drug Enforcement Administration."""
    banned = set()
    for m in re.finditer(r"\((?:the\s+)?[“\"]?(?P<a>[A-Z][A-Za-z]{1,7})[”\"]?\)", text):
        a = m.group("a")
        if a not in acr:
            continue
        before = text[max(0, m.start() - 120):m.start()]
        words = [w for w in re.findall(r"[A-Za-z]+", acr[a]) if w.lower() not in ("of", "and", "the", "for")]
        if not all(re.search(rf"(?i)\b{re.escape(w)}", before) for w in words):
            banned.add(a)
    return banned


_CAP = r"(?:[A-Z][\w.'’&-]*|of|and|the|for|&)"
LOCAL_AGENCY = re.compile(
    r"(?<![\w])(?:(?:the\s+)?(?:United\s+States|U\.S\.)\s+Attorney['’]s\s+Office(?:\s+for\s+the\s+(?:[A-Z][a-z]+\s+)?District\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"
    r"|(?:[A-Z][a-z]+\s+){1,3}Attorney\s+General['’]s\s+Office"
    r"|(?:[A-Z][\w.]*\s+(?:(?:and|of|&)\s+)?){1,4}(?:Police\s+Department|Sheriff['’]s\s+Office|Task\s+Force|Bureau\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}|Board\s+of\s+[A-Z][a-z]+(?:s?['’](?=\s+[A-Z]))?(?:\s+(?!Director|Chair|Member|President)[A-Z][a-z]+)?|Department\s+of\s+[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){0,3}|Commission|Agency|Authority)"
    r"|Commissioner\s+of\s+(?:the\s+)?(?:Social\s+Security(?:\s+Administration)?|Internal\s+Revenue))")

AGENCY_WORDS = re.compile(
    r"(?i)\b(?:department|bureau|agency|administration|commission|office|board|service|division|task\s+force|"
    r"police|sheriff|county|city\s+of|state\s+of|commissioner|attorney\s+general|government|congress|"
    r"united\s+states(?!\s+district)|internal\s+revenue|secretary\s+of)\b")
CORP_WORDS = re.compile(r"(?i)\b(?:inc|llc|l\.l\.c|corp|corporation|company|co|ltd|llp|lp|p\.c|pllc|group|bank|"
                        r"holdings|partners|services|associates|trust|fund|church|university|hospital|clinic|association|"
                        r"society|foundation|coalition|league|alliance|union|institute)\b\.?")


def find_local(text: str) -> list[tuple[int, int]]:
    """Spans of state/local agencies and "U.S. Attorney's Office" by general pattern."""
    out = []
    for m in LOCAL_AGENCY.finditer(text):
        s, e = m.start(), m.end()
        span = text[s:e]
        lead = re.match(r"(?:(?:The|the|A|An|In|On|By|And|With|From|Its|His|Her|Their)\s+)+", span)
        if lead:
            s += lead.end()
        if "\n" in text[s:e]:
            continue
        out.append((s, e))
    return out
