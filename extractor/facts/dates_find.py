"""Find date mentions in text with the project's own patterns.

Each hit is a :class:`DateHit`: a character span plus what the text says
(year, month, day as written, or a relative offset), not yet resolved against
the anchor date. :mod:`extractor.facts.dates` resolves and filters them.

Patterns (every one has an id that becomes the fact's ``method``):

* ``month-day``: "May 2, 2025", "Wednesday, March 22, 2023", "Aug. 9, 2012 at
  2:57 p.m.", "Wed Aug 05 12:00:00 2015", "July 11th of 2019", "July 14th" (year-less).
* ``day-month``: "4 October 1957", "the 1st day of June, 2017", "25th march 2015", "10 December".
* ``month-year``: "June 2017", "November, 2024".
* ``numeric``: "05/01/20", "4-7-98", "14.05.2018", "26. 10.21", ISO "2017-06-01".
* ``year``: a bare year with a date cue ("in 2007", "since 2001", "a 2007 complaint").
* ``fiscal-year``: "fiscal 2023–24", "FY 2024".
* ``relative``: "today", "yesterday", "last April", "last year", "this past year",
  "last summer", "five years ago", "in three weeks", "6 months from now",
  "Wednesday" alone, "January" alone, "the following day".

Vocabularies are in ``models/dates.json``.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..data import load_json
from . import numbers


@functools.lru_cache(maxsize=1)
def vocab() -> dict:
    """Return ``models/dates.json`` (months, weekdays, seasons, cue words)."""
    return load_json("dates.json")


@dataclass
class DateHit:
    """One date mention as written.

    Attributes:
        start, end: character offsets (0-based, end exclusive).
        method: the pattern id.
        year, month, day: the parts the text states (None when absent).
        season: EDTF season code (21..24) for "last summer".
        rel: for relative mentions, what to resolve: ``("offset", {"days": -1})``,
            ``("last_month", 4)``, ``("weekday", 2)``, ``("month", 1)``,
            ``("year", -1)``, ``("season", (22, 6), -1)``, ``("following", 1)``.
        numeric: for numeric dates, the two leading numbers as written and the
            separator, so day/month order can be decided per document.
    """

    start: int
    end: int
    method: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: int | None = None
    rel: tuple | None = None
    numeric: tuple | None = None
    extra: dict = field(default_factory=dict)


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    v = vocab()
    # an abbreviation's period ("Aug. 9"), never a sentence's ("... the 11th of July. The")
    month = rf"(?P<month>{_alt(v['months'])})(?:\.(?!\s*(?:$|[A-Z\n])))?(?![a-z])\]?"
    wday = rf"(?:(?:{_alt(v['weekdays'])})\.?,?\s+)"
    time = (r"(?:\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?\s*(?:[ap]\.?\s?m\b\.?)?|\d{1,2}\s*[ap]\.?m\b\.?|\d{1,2}h\d{2}"
            r"|noon|midnight)(?:\s+[A-Z]{3}\b)?")
    # a pleading-paper line number alone on its line between two parts of a date
    gap = r"(?:\s*\n\s*\d{1,2}\s*\n)?\s*"
    # a footnote mark may follow a year ("In October 2015,1 the Commissioner")
    year = r"(?P<year>(?:1[6-9]|20)\d{2})(?!\d|[.,]\d{2}|[.,]\d\S)"
    return {
        "month-day": re.compile(
            rf"(?<![\w.])(?:{wday})?{month}{gap}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:/.]\d)(?!\d)"
            rf"(?:(?:\s*,\s*|\s+of\s+|\s+)(?:(?:at\s+)?{time}\s*,?\s*)?{year})?", re.I),
        "day-month": re.compile(
            rf"(?<![\w.,/-])(?:{wday})?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:(?:day\s+)?of\s+)?{month}"
            rf"(?:\s*,?\s*{year})?", re.I),
        "month-year": re.compile(rf"(?<![\w.])(?:{wday})?{month}(?:\s*,|\s+of)?{gap}{year}", re.I),
        "iso": re.compile(r"(?<![\w./-])(?P<year>(?:1[6-9]|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})(?![\w/-])"),
        "numeric": re.compile(
            r"(?<![\w./:-])(?P<a>\d{1,2})(?P<sep>[/-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\w/]|-\d|\.\d)"),
        "numeric-dot": re.compile(
            r"(?<![\w.,:])(?:(?P<a>\d{2})\s?\.\s?(?P<b>\d{2})\s?\.\s?(?P<y>\d{4}|\d{2})"
            r"|(?P<a2>\d{1,2})\.(?P<b2>\d{1,2})\.(?P<y2>\d{4}))(?![\w,]|\.\d)"),
        "fiscal-year": re.compile(
            r"\b(?:fiscal(?:\s+years?)?|FY)\s*(?P<year>(?:19|20)\d{2})(?:\s*[–—-]\s*(?P<end>\d{2}|\d{4}))?(?!\d)", re.I),
        "year": re.compile(r"(?:(?<=\bmid-)|(?<![\w$#§¶.,/:-]))(?P<year>(?:1[89]|20)\d{2})(?![\w%]|[-–/]\d|[.,]\d)"),
        # "2011-2014", "from 2017 to 2021" are two years; the caller keeps them with a date cue
        "year-range": re.compile(r"(?<![\w$#§¶.,/:-])(?P<year>(?:1[89]|20)\d{2})\s*[-–—]\s*(?P<end>(?:1[89]|20)\d{2})(?![\w%]|[-–/.,]\d)"),
        "season-year": re.compile(rf"\b(?P<season>{_alt(v['seasons'])})(?:\s+of)?\s*,?\s+{year}", re.I),
    }


_UNIT_DAYS = {"day": ("days", 1), "d": ("days", 1), "week": ("weeks", 1), "wk": ("weeks", 1),
              "month": ("months", 1), "mo": ("months", 1), "year": ("years", 1), "yr": ("years", 1),
              "y": ("years", 1), "decade": ("years", 10), "fortnight": ("weeks", 2)}


@functools.lru_cache(maxsize=1)
def _relative_patterns() -> dict[str, re.Pattern]:
    v = vocab()
    num = rf"(?:\d+|an?|{numbers.word_number_re().pattern})"
    unit = r"(?:decades?|years?|yrs?|months?|mos?|weeks?|wks?|fortnights?|days?|[dy])"
    long_unit = r"(?:decades?|years?|months?|weeks?|fortnights?|days?)"
    amount = rf"(?:\d+\s*{unit}|(?:{num})\s+{long_unit})\b"
    amounts = rf"{amount}(?:\s*,?\s*(?:and\s+)?{amount})*"
    months = _alt(m for m in v["months"] if len(m) > 3)
    # a bare month must start with its own capital ("June", not "Tune" or "june")
    cap_months = "|".join(f"(?-i:{m[0].upper()}){re.escape(m[1:])}"
                          for m in sorted((m for m in v["months"] if len(m) > 3), key=len, reverse=True))
    wdays = _alt(w for w in v["weekdays"] if len(w) > 4)
    seasons = _alt(v["seasons"])
    return {
        "ago": re.compile(rf"(?<![\w,.-])(?P<amt>{amounts})\s+ago\b", re.I),
        "from-now": re.compile(rf"(?<![\w,.-])(?P<amt>{amounts})\s+from\s+(?:now|today)\b", re.I),
        "in": re.compile(rf"\bin\s+(?P<amt>{amounts})(?:(?:'s?|’s?)?\s+time)?\b(?!\s+(?:of|after|before|from|prior))", re.I),
        "day-word": re.compile(
            r"\b(?:(?:the\s+)?day\s+before\s+yesterday|(?:the\s+)?day\s+after\s+tomorrow|(?:earlier|later)\s+today"
            r"|today(?:['’]s)?|yesterday(?:['’]s)?|tomorrow(?:['’]s)?|tonight)\b", re.I),
        "last-month": re.compile(rf"\b(?P<which>last|this\s+past|past|next|this|this\s+coming|coming)\s+(?P<month>{months})\b", re.I),
        "last-unit": re.compile(rf"\b(?P<which>last|this\s+past|the\s+past|past|next|this|this\s+coming|coming|the\s+previous|the\s+following)\s+(?P<unit>year|month|week)\b", re.I),
        "last-season": re.compile(rf"\b(?P<which>last|this\s+past|past|next|this|this\s+coming|coming)\s+(?P<season>{seasons})\b", re.I),
        "weekday": re.compile(rf"\b(?:(?:last|this\s+past|past|next|this\s+coming|coming|this)\s+)?(?P<wday>{wdays})\b(?!,?\s+(?:the\s+)?\d)", re.I),
        "bare-month": re.compile(rf"\b(?P<month>{cap_months})\b(?!\w|\.\d|\s*,?\s*\d|\s+the\s+\d)", re.I),
        "following-day": re.compile(r"\b(?:the\s+)?(?P<which>following|next|previous|preceding|same)\s+day\b", re.I),
    }


def _amount_delta(text: str) -> dict[str, int] | None:
    """"1 year, 09 months,01 weeks" -> {"years": 1, "months": 9, "weeks": 1}."""
    delta: dict[str, int] = {}
    unit_re = r"(decades?|years?|yrs?|months?|mos?|weeks?|wks?|fortnights?|days?|[dy])\b"
    for m in re.finditer(rf"(\d+|an?\b|[a-z][a-z\s-]*?)\s*{unit_re}", text, re.I):
        raw, unit = m.group(1).strip().lower(), m.group(2).lower()
        raw = re.sub(r"^(?:and|,)\s*", "", raw)
        if raw.isdigit():
            n = int(raw)
        elif raw in ("a", "an"):
            n = 1
        else:
            val = numbers.parse_words(raw)
            if val is None:
                return None
            n = int(val)
        key = unit.rstrip("s") if len(unit) > 2 else unit
        name, mult = _UNIT_DAYS.get(key, _UNIT_DAYS.get(unit, (None, 0)))
        if name is None:
            return None
        delta[name] = delta.get(name, 0) + n * mult
    return delta or None


def _finest(delta: dict[str, int]) -> str:
    if "days" in delta or "weeks" in delta:
        return "day"
    if "months" in delta:
        return "month"
    return "year"


def find_absolute(text: str) -> list[DateHit]:
    """Dates the text states (with or without a year); longest match wins on overlap."""
    v = vocab()
    pats = _patterns()
    hits: list[DateHit] = []

    def month_of(word: str) -> int:
        return v["months"][word.lower().rstrip(".]")]

    for name in ("month-day", "day-month", "month-year"):
        for m in pats[name].finditer(text):
            word = m.group("month").rstrip(".]")
            # "may" and "march" in lower case are verbs unless a figure is attached;
            # a month abbreviation needs a capital or figures around it.
            if name == "month-year" and not word[0].isupper():
                continue
            if word.lower() in ("may", "mar", "march", "jun", "sat", "sun") and not word[0].isupper():
                if name != "day-month" and not m.group("year"):
                    continue
            day = int(m.group("day")) if name != "month-year" else None
            if day is not None and not 1 <= day <= 31:
                continue
            year = int(m.group("year")) if m.group("year") else None
            hits.append(DateHit(m.start(), m.end(), name, year, month_of(word), day))
    for m in pats["iso"].finditer(text):
        y, mo, d = int(m.group("year")), int(m.group("month")), int(m.group("day"))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            hits.append(DateHit(m.start(), m.end(), "numeric", y, mo, d))
    for m in pats["numeric"].finditer(text):
        a, b, y = int(m.group("a")), int(m.group("b")), m.group("y")
        if not (1 <= a <= 31 and 1 <= b <= 31 and (a <= 12 or b <= 12)):
            continue
        hits.append(DateHit(m.start(), m.end(), "numeric", _year4(y), None, None, numeric=(a, b, m.group("sep"))))
    for m in pats["numeric-dot"].finditer(text):
        a = int(m.group("a") or m.group("a2"))
        b = int(m.group("b") or m.group("b2"))
        y = m.group("y") or m.group("y2")
        if not (1 <= a <= 31 and 1 <= b <= 31 and (a <= 12 or b <= 12)):
            continue
        hits.append(DateHit(m.start(), m.end(), "numeric", _year4(y), None, None, numeric=(a, b, ".")))
    for m in pats["season-year"].finditer(text):
        code, _first = v["seasons"][m.group("season").lower()]
        hits.append(DateHit(m.start(), m.end(), "season-year", int(m.group("year")), season=code))
    for m in pats["fiscal-year"].finditer(text):
        hits.append(DateHit(m.start(), m.end(), "fiscal-year", int(m.group("year"))))
    return _longest(hits)


def _year4(y: str) -> int:
    n = int(y)
    if len(y) == 4:
        return n
    return 2000 + n if n < 70 else 1900 + n


def find_years(text: str) -> list[DateHit]:
    """Bare four-digit years (1800-2099), each side of a range "2011-2014" too;
    the caller decides which are dates."""
    pats = _patterns()
    hits = [DateHit(m.start(), m.end(), "year", int(m.group("year"))) for m in pats["year"].finditer(text)]
    for m in pats["year-range"].finditer(text):
        first, last = int(m.group("year")), int(m.group("end"))
        if first < last <= first + 100:
            hits.append(DateHit(m.start("year"), m.end("year"), "year", first))
            hits.append(DateHit(m.start("end"), m.end("end"), "year", last, extra={"range_end": True}))
    return sorted(hits, key=lambda h: h.start)


def find_relative(text: str) -> list[DateHit]:
    """Relative mentions and year-less month/weekday words, unresolved."""
    v = vocab()
    pats = _relative_patterns()
    hits: list[DateHit] = []
    for name in ("ago", "from-now", "in"):
        for m in pats[name].finditer(text):
            delta = _amount_delta(m.group("amt"))
            if not delta:
                continue
            sign = -1 if name == "ago" else 1
            delta = {k: sign * n for k, n in delta.items()}
            hits.append(DateHit(m.start(), m.end(), "relative", rel=("offset", delta, _finest(delta))))
    for m in pats["day-word"].finditer(text):
        w = m.group(0).lower()
        days = -2 if "before yesterday" in w else 2 if "after tomorrow" in w else -1 if w.startswith("yesterday") \
            else 1 if w.startswith("tomorrow") else 0
        hits.append(DateHit(m.start(), m.end(), "relative", rel=("offset", {"days": days}, "day")))
    for m in pats["last-month"].finditer(text):
        which = m.group("which").lower()
        if m.group("month").lower() not in v["months"]:
            continue
        hits.append(DateHit(m.start(), m.end(), "relative",
                            rel=("named_month", v["months"][m.group("month").lower()], _direction(which))))
    for m in pats["last-unit"].finditer(text):
        which, unit = m.group("which").lower(), m.group("unit").lower()
        if unit == "week":
            continue  # "last week" names no calendar date at the precision the schema has
        step = _direction(which)
        hits.append(DateHit(m.start(), m.end(), "relative", rel=("unit", unit, step)))
    for m in pats["last-season"].finditer(text):
        code, first = v["seasons"][m.group("season").lower()]
        hits.append(DateHit(m.start(), m.end(), "relative", rel=("season", code, first, _direction(m.group("which").lower()))))
    for m in pats["weekday"].finditer(text):
        w = m.group(0).lower().split()
        which = " ".join(w[:-1])
        hits.append(DateHit(m.start(), m.end(), "relative",
                            rel=("weekday", v["weekdays"][m.group("wday").lower()], _direction(which) if which != "on" else 0)))
    for m in pats["bare-month"].finditer(text):
        if m.group("month").lower() not in v["months"]:
            continue  # the pattern's case-sensitive capital plus a month's tail: "Dept", "Tune" are not months
        hits.append(DateHit(m.start(), m.end(), "relative", rel=("month", v["months"][m.group("month").lower()])))
    for m in pats["following-day"].finditer(text):
        which = m.group("which").lower()
        step = 1 if which in ("following", "next") else 0 if which == "same" else -1
        hits.append(DateHit(m.start(), m.end(), "relative", rel=("following", step)))
    return hits


def _direction(which: str) -> int:
    """-1 for last/past/previous, +1 for next/coming/following, 0 for this."""
    which = which.strip()
    if which in ("last", "this past", "past", "the past", "the previous"):
        return -1
    if which in ("next", "coming", "this coming", "the following"):
        return 1
    return 0


def _longest(hits: list[DateHit]) -> list[DateHit]:
    """Drop hits inside or overlapping a longer (earlier on ties) hit."""
    hits = sorted(hits, key=lambda h: (-(h.end - h.start), h.start))
    kept: list[DateHit] = []
    for h in hits:
        if all(h.end <= k.start or h.start >= k.end for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: h.start)
