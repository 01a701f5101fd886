"""Court names: find them in text and normalize them to one canonical form.

Canonical forms follow the courts' own style: "United States District Court
for the Central District of California", "United States Court of Appeals for
the Fifth Circuit", "Supreme Court of the United States", "Supreme Court of
Alabama". State names and their abbreviations come from ``models/courts.json``.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..data import load_json
from .spans import leftmost_longest


@functools.lru_cache(maxsize=1)
def court_data() -> dict:
    """The parsed ``models/courts.json`` (states, abbreviations, circuits)."""
    return load_json("courts.json")


@dataclass(frozen=True)
class CourtMention:
    """One court named in the text: ``[start_char, end_char)`` and its canonical name."""

    start_char: int
    end_char: int
    name: str
    kind: str  # "bankruptcy" | "district" | "appeals" | "supreme" | "state" | "state_court" | "state_appeals" | "tax" | "jpml" | "generic"


_DIR = r"(?:Northern|Southern|Eastern|Western|Central|Middle)"
_DIR_ABBR = {"N": "Northern", "S": "Southern", "E": "Eastern", "W": "Western", "C": "Central", "M": "Middle"}


@functools.lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    states = sorted(court_data()["states"], key=len, reverse=True)
    st = "(?:" + "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in states) + ")"
    circ = r"(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|District\s+of\s+Columbia|Federal)"
    us = r"(?:United\s+States|U\.\s?S\.)"
    sep = r"[\s,—–-]*"
    # a place's name: one to three capitalized words on one line, none of them a function word or a title
    place = (r"(?:(?!(?:From|In|Filed|On|Appeal|The|Of|For|To|At|By|Honorable|Hon|Judge)\b)[A-Z][a-z'’]+(?:\.(?=[ \t][A-Z]))?[ \t]+){0,2}"
             r"(?!(?:From|In|Filed|On|Appeal|The|Of|For|To|At|By|Honorable|Hon|Judge)\b)[A-Z][a-z'’]+")
    pats = [
        ("bankruptcy", rf"(?:In\s+the\s+)?{us}\s+Bankruptcy\s+Court{sep}(?:for\s+)?(?:the\s+)?(?P<dir>{_DIR}\s+)?District\s+of\s+(?P<state>{st})"),
        ("district", rf"(?:In\s+the\s+)?{us}\s+District\s+Court{sep}(?:for\s+)?(?:the\s+)?(?P<dir>{_DIR}\s+)?District\s+of\s+(?P<state>{st})"),
        ("district", rf"{us}\s+District\s+Court,\s+(?P<abbr>[NSEWCM])\.\s?D\.\s+(?P<state>{st})"),
        ("district", rf"(?<![\w.])(?:District\s+Court\s+for\s+)?(?:the\s+)?(?P<dir>{_DIR}\s+)?District\s+of\s+(?P<state>{st})(?!\s+(?:Circuit|Court))"),
        ("appeals", rf"{us}\s+Court\s+of\s+Appeals[\s,]*(?:for\s+)?(?:the\s+)?(?P<circ>{circ})\s+Circuit"),
        ("appeals", rf"(?<![\w.])(?:the\s+)?(?P<circ>{circ})\s+Circuit(?!\s+(?:Rule|Judge|Court\s+of\s+Appeals))"),
        ("supreme", r"Supreme\s+Court\s+of\s+the\s+United\s+States|United\s+States\s+Supreme\s+Court|U\.\s?S\.\s+Supreme\s+Court"),
        ("state", rf"(?:the\s+)?Supreme\s+Court\s+of\s+(?P<sstate>{st})|(?P<sstate2>{st})\s+Supreme\s+Court"),
        ("tax", r"United\s+States\s+Tax\s+Court"),
        ("state_appeals", r"(?P<ord>First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth|"
                          r"Thirteenth|Fourteenth)\s+(?:District\s+)?Court\s+of\s+Appeals"),
        # state trial and appellate courts: "the Circuit Court of Boone County", "Superior Court of Lassen County",
        # "Court of Common Pleas of Erie County", "Harris County District Court", "Court of Appeals of Ohio"
        ("state_court", rf"(?<![\w])(?:Circuit|Superior|District|Chancery|Probate|Family|Juvenile|County|Municipal|Justice|Surrogate['’]?s?)"
                        rf"\s+Court\s+(?:of|for)\s+(?:the\s+)?(?:(?:City\s+and\s+)?County\s+of\s+)?{place}[ \t]+(?:County|Parish)(?![\w])"
                        rf"|(?<![\w])(?:Circuit|Superior|District)\s+Court\s+(?:of|for)\s+(?:the\s+)?County\s+of\s+{place}(?![\w])"
                        rf"|(?<![\w])Court\s+of\s+Common\s+Pleas\s+(?:of|for)\s+{place}[ \t]+County(?![\w])"
                        rf"|(?<![\w.]){place}[ \t]+(?:County|Parish)\s+(?:Circuit|Superior|District|Chancery|Probate|Family|Municipal)\s+Court(?![\w])"
                        rf"|(?<![\w])Court\s+of\s+(?:Criminal\s+)?Appeals?\s+of\s+(?:the\s+State\s+of\s+)?(?P<astate>{st})(?![\w])"
                        rf"|(?<![\w])(?P<astate2>{st})\s+Court\s+of\s+(?:Criminal\s+)?Appeals?(?![\w])"),
        ("jpml", r"(?:United\s+States\s+)?Judicial\s+Panel\s+(?:on|for)\s+Multidistrict\s+Litigation"),
        ("generic", r"(?:(?:a|the)\s+)?(?:federal|district)\s+court\s+in\s+(?P<city>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
                    r"|(?P<city2>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+federal\s+court"),
    ]
    case_sensitive = ("generic", "state_court")
    return [(k, re.compile(p, re.I if k not in case_sensitive and not (k == "appeals" and "Court" not in p) else 0)) for k, p in pats]


def _title(s: str) -> str:
    s = " ".join(s.split())
    return s if not s.isupper() else s.title()


def canonical_state(s: str) -> str:
    """Return the ``models/courts.json`` spelling of a state name matched case-insensitively."""
    s = " ".join(s.split())
    for name in court_data()["states"]:
        if name.lower() == s.lower():
            return "District of Columbia" if name == "Columbia" else name
    return _title(s)


def _normalize(kind: str, m: re.Match) -> str | None:
    g = m.groupdict()
    if kind == "district":
        state = canonical_state(g["state"])
        direction = g.get("dir")
        if g.get("abbr"):
            direction = _DIR_ABBR[g["abbr"].upper()]
        d = (_title(direction.strip()) + " ") if direction else ""
        if state == "District of Columbia":
            return "United States District Court for the District of Columbia"
        return f"United States District Court for the {d}District of {state}"
    if kind == "bankruptcy":
        direction = g.get("dir")
        d = (_title(direction.strip()) + " ") if direction else ""
        return f"United States Bankruptcy Court for the {d}District of {canonical_state(g['state'])}"
    if kind == "appeals":
        c = " ".join(g["circ"].split())
        c = "District of Columbia" if c.lower() in ("district of columbia", "d.c.") else _title(c)
        return f"United States Court of Appeals for the {c} Circuit"
    if kind == "supreme":
        return "Supreme Court of the United States"
    if kind == "state":
        return f"Supreme Court of {canonical_state(g.get('sstate') or g.get('sstate2'))}"
    if kind == "tax":
        return "United States Tax Court"
    if kind == "state_appeals":
        return _title(" ".join(m.group(0).split()))
    if kind == "state_court":
        return _title(re.sub(r"^(?:the|The)\s+", "", " ".join(m.group(0).split())))
    if kind == "jpml":
        return "United States Judicial Panel on Multidistrict Litigation"
    if kind == "generic":
        city = g.get("city") or g.get("city2")
        return f"federal court in {city}"
    return None


def find_courts(text: str, start: int = 0, end: int | None = None) -> list[CourtMention]:
    """Find court names in ``text[start:end]``.

    Returns:
        Non-overlapping :class:`CourtMention` s sorted by ``start_char`` (the longest
        match wins an overlap). Bare "District of Columbia" also reads as a court
        here; callers decide from context whether a mention is a party.
    """
    end = len(text) if end is None else end
    hits: list[CourtMention] = []
    for kind, pat in _patterns():
        for m in pat.finditer(text, start, end):
            name = _normalize(kind, m)
            if name:
                hits.append(CourtMention(m.start(), m.end(), name, kind))
    return leftmost_longest(hits, lambda h: (h.start_char, h.end_char))


@functools.lru_cache(maxsize=1)
def _tribunal_pattern() -> re.Pattern:
    states = sorted(court_data()["states"], key=len, reverse=True)
    st = "(?i:" + "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in states) + ")"
    word = r"(?!The\b|THE\b)[A-Z][A-Za-z'’]*"
    return re.compile(
        rf"(?:(?P<st>{st})\s+)?(?P<body>(?:{word}\s+){{1,3}})(?:Appeals\s+Board|APPEALS\s+BOARD)\b"
        rf"|(?:Board\s+of\s+(?P<b1>(?:[A-Z][a-z'’]+\s+){{1,2}})Appeals|BOARD\s+OF\s+(?P<b2>(?:[A-Z'’]+\s+){{1,2}})APPEALS)\b")


def find_tribunals(text: str, start: int = 0, end: int | None = None) -> list[CourtMention]:
    """Administrative appeal boards that decide cases: "Board of Veterans' Appeals",
    "Board of Immigration Appeals", "<State> Workers' Compensation Appeals Board".

    Kept apart from :func:`find_courts` (which party extraction reads): a board is the
    deciding body only when the document is its own decision, which the caller judges.

    Returns:
        :class:`CourtMention` s (kind "tribunal") in text order; ``[start_char, end_char)``
        0-based, end exclusive. Names are title-cased, apostrophes kept.
    """
    end = len(text) if end is None else end
    out = []
    for m in _tribunal_pattern().finditer(text, start, end):
        if m.group("body"):
            state = (canonical_state(m.group("st")) + " ") if m.group("st") else ""
            body = " ".join(m.group("body").split())
            body = body.title() if body.isupper() else body
            name = f"{state}{body} Appeals Board"
        else:
            body = " ".join((m.group("b1") or m.group("b2")).split())
            body = body.title() if body.isupper() else body
            name = f"Board of {body} Appeals"
        name = re.sub(r"(?<=\w)['’]S\b", lambda x: x.group(0).lower(), name)
        out.append(CourtMention(m.start(), m.end(), name, "tribunal"))
    return out
