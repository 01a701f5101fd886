"""Dates coarser than a month (FACTS.md 1.1): weeks, quarters, decades, centuries, and two-year ranges.

* ``decade``: "the 1990s", "the early 1980s" → "199", "198" (precision ``decade``).
* ``century``: "the 20th century", "the nineteenth century" → "19", "18" (precision ``century``).
* ``quarter``: "the third quarter of 1998", "the first fiscal quarter of 2020" → "1998-Q3"; without a
  year ("the third quarter", "last quarter", "this quarter") it is resolved against the anchor date.
* ``week``: "this week", "last week", "the past week", "next week" → the ISO week "2013-W12", resolved
  against the anchor date.
* ``year-pair``: "1957-58" is two years, 1957 and 1958.
* ``anaphor``: "a year earlier", "the year-ago quarter" (the period mentioned before, a year back)
  and "the quarter", "the latest period" (that period again), resolved by the caller from the date
  fact before it (:func:`shift_previous`).
* ``spoken-year``: years in words as broadcast transcripts print them ("nineteen ninety-six",
  "January nineteen ninety-seven", "the year two thousand"); "the nineties" is a decade.

Each finder returns :class:`dates_find.DateHit` s; absolute ones carry their value in
``extra["normalized"]`` = ``(value, precision, relative)``, relative ones a ``rel`` tuple that
:func:`dates.resolve_period` resolves. Offsets are 0-based characters, end exclusive.
"""
from __future__ import annotations

import datetime as dt
import re

from .dates_find import DateHit

_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_CENTURY_WORDS = {"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
                  "twenty-first": 21}
_MOD = r"(?:(?:early|late|mid|middle)[\s-]+)?"
_DECADE = re.compile(r"(?<![\w'’])(?:the\s+)?" + _MOD + r"(?P<y>1[5-9]|20)(?P<d>\d)0['’]?s(?![\w'’])", re.I)
_CENTURY = re.compile(r"(?<![\w-])(?:the\s+)?" + _MOD + r"(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>" +
                      "|".join(sorted(_CENTURY_WORDS, key=len, reverse=True)) + r"))[\s-]+century(?![\w])", re.I)
_Q = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+|calendar\s+)?quarter"
_QUARTER_YEAR = re.compile(r"(?<![\w])(?:the\s+)?" + _Q + r"(?:\s+of|\s*,)?\s+(?:fiscal\s+(?:year\s+)?|calendar\s+)?"
                           r"(?P<y>(?:19|20)\d{2})(?![\w])"
                           # "the 1988 second quarter", "next year's first quarter", "this year's third quarter"
                           r"|(?<![\w])(?:the\s+)?(?:(?P<y2>(?:19|20)\d{2})|(?P<rel>this|last|next)\s+year['’]s)\s+" +
                           _Q.replace("(?P<q>", "(?P<q2>"), re.I)
_QUARTER = re.compile(r"(?<![\w-])(?:the\s+)?" + _Q + r"(?![\w])(?!\s+(?:of\s+|,\s*)?(?:fiscal\s+)?(?:19|20)\d{2})", re.I)
_QUARTER_REL = re.compile(r"(?<![\w])(?P<which>this|last|next|the\s+(?:current|latest|previous|past|last|next|coming|"
                          r"following|same))\s+(?:fiscal\s+)?quarter(?![\w])", re.I)
_WEEK = re.compile(r"(?<![\w])(?P<which>this|last|next|the\s+(?:past|previous|last|next|coming|following|current))\s+"
                   r"week(?!\w)(?!\s+of\b)", re.I)
# a period named by the one mentioned before it (business news): "a year earlier", "the year-ago quarter",
# "year-earlier", "the same period last year" shift it back a year; "the quarter", "the latest period" repeat it
_YEAR_BEFORE = re.compile(r"(?<![\w-])(?:a\s+year\s+(?:earlier|before|ago)|(?<!\ba )(?:the\s+)?year[\s-](?:earlier|ago)(?:\s+(?:quarter|period))?|"
                          r"the\s+(?:same|corresponding|comparable)\s+(?:period|quarter)\s+(?:a\s+year\s+(?:earlier|ago|before)|last\s+year))"
                          r"(?![\w-])", re.I)
_SAME_PERIOD = re.compile(r"(?<![\w-])the\s+(?:latest\s+|most\s+recent\s+|same\s+)?(?:quarter|period)(?![\w-])(?!\s+(?:of|ended|ending)\b)", re.I)
# "that year": the year of the date before it; "the year", "the full year", "the current fiscal year" in a news
# report: the report's own year (the caller keeps these for news only)
_THAT_YEAR = re.compile(r"(?<![\w-])(?:that|the\s+same)\s+year(?![\w-])", re.I)
_THE_YEAR = re.compile(r"(?<![\w-])the\s+(?:(?:current|full|fiscal|calendar)\s+)*year(?![\w'’-])"
                       r"(?!\s+(?:before|after|earlier|later|of|in\s+which|when|that|following|prior|ago)\b)", re.I)
_YEAR_PAIR = re.compile(r"(?<![\w$#§¶.,/:-])(?P<y>(?:1[89]|20)\d{2})\s*[-–]\s*(?P<e>\d{2})(?![\w%]|[-–/.,]\d)")


_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_TWO = (r"(?:(?:" + "|".join(_TENS[2:]) + r")(?:[\s-](?:" + "|".join(_UNITS[1:]) + r"))?|" + "|".join(_TEENS) +
        r"|oh[\s-](?:" + "|".join(_UNITS[1:]) + r")|hundred)")
# spoken years of broadcast transcripts: "nineteen ninety-six", "January nineteen ninety-seven", "the year two thousand"
_SPOKEN_YEAR = re.compile(r"(?<![\w-])(?:(?P<month>January|February|March|April|May|June|July|August|September|October|"
                          r"November|December)\s+)?(?P<y>(?:nineteen|eighteen)[\s-]+" + _TWO +
                          # "two thousand" is a year only as "the year two thousand" ("two thousand dollars" is money)
                          r"|(?<=year\s)two[\s-]thousand(?:[\s-](?:and[\s-])?(?:" + "|".join(_UNITS[1:]) + r"|" + "|".join(_TEENS) + r"))?)"
                          r"(?![\w-])", re.I)
_DECADE_WORDS = {"twenties": "2", "thirties": "3", "forties": "4", "fifties": "5", "sixties": "6", "seventies": "7",
                 "eighties": "8", "nineties": "9"}
_SPOKEN_DECADE = re.compile(r"(?<![\w-])the\s+(?:(?:early|late|mid)[\s-]+)?(?P<d>" + "|".join(_DECADE_WORDS) + r")(?![\w-])", re.I)


def spoken_year(words: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "nineteen oh five" -> 1905, "two thousand" -> 2000, "two thousand and
    three" -> 2003; None for other words."""
    w = re.sub(r"[\s-]+", " ", words.lower()).replace(" and ", " ").split()
    if w[:2] == ["two", "thousand"]:
        rest = w[2:]
        if not rest:
            return 2000
        n = _UNITS.index(rest[0]) if rest[0] in _UNITS else _TEENS.index(rest[0]) + 10 if rest[0] in _TEENS else None
        return 2000 + n if n else None
    century = {"nineteen": 1900, "eighteen": 1800}.get(w[0])
    rest = w[1:]
    if century is None or not rest:
        return None
    if rest == ["hundred"]:
        return century
    if rest[0] == "oh" and len(rest) == 2 and rest[1] in _UNITS:
        return century + _UNITS.index(rest[1])
    if rest[0] in _TEENS and len(rest) == 1:
        return century + 10 + _TEENS.index(rest[0])
    if rest[0] in _TENS:
        n = 10 * _TENS.index(rest[0])
        if len(rest) == 2 and rest[1] in _UNITS:
            n += _UNITS.index(rest[1])
        return century + n
    return None


def _step(which: str) -> int:
    w = " ".join(which.lower().split())
    if w in ("last", "the past", "the previous", "the last", "the latest"):
        return -1
    if w in ("next", "the next", "the coming", "the following"):
        return 1
    return 0


def find_periods(text: str) -> list[DateHit]:
    """Week, quarter, decade and century mentions and two-year ranges of ``text``, unresolved where relative."""
    hits: list[DateHit] = []
    for m in _DECADE.finditer(text):
        hits.append(DateHit(m.start(), m.end(), "decade", extra={"normalized": (m["y"] + m["d"], "decade", False)}))
    for m in _CENTURY.finditer(text):
        n = int(m["n"]) if m["n"] else _CENTURY_WORDS[re.sub(r"[\s-]+", "-", m["w"].lower())]
        if 1 <= n <= 21:
            hits.append(DateHit(m.start(), m.end(), "century", extra={"normalized": (f"{n - 1:02d}", "century", False)}))
    for m in _QUARTER_YEAR.finditer(text):
        if m["rel"]:
            hits.append(DateHit(m.start(), m.end(), "quarter",
                                rel=("quarter-of-year", _ORD[m["q2"].lower()], _step(m["rel"]))))
            continue
        q = _ORD[(m["q"] or m["q2"]).lower()]
        hits.append(DateHit(m.start(), m.end(), "quarter",
                            extra={"normalized": (f"{m['y'] or m['y2']}-Q{q}", "quarter", False)}))
    for m in _SPOKEN_DECADE.finditer(text):
        hits.append(DateHit(m.start(), m.end(), "decade",
                            extra={"normalized": (f"19{_DECADE_WORDS[m['d'].lower()]}", "decade", False)}))
    for m in _SPOKEN_YEAR.finditer(text):
        year = spoken_year(m["y"])
        if year is None:
            continue
        month = m["month"].lower()[:3] if m["month"] else None
        if month:
            value = f"{year}-{_MONTHS.index(month) + 1:02d}"
            hits.append(DateHit(m.start(), m.end(), "spoken-year", extra={"normalized": (value, "month", False)}))
        else:
            hits.append(DateHit(m.start("y"), m.end("y"), "spoken-year", extra={"normalized": (str(year), "year", False)}))
    for m in _QUARTER.finditer(text):
        hits.append(DateHit(m.start(), m.end(), "quarter", rel=("quarter", _ORD[m["q"].lower()], 0)))
    for m in _QUARTER_REL.finditer(text):
        hits.append(DateHit(m.start(), m.end(), "quarter", rel=("quarter", None, _step(m["which"]))))
    for m in _YEAR_BEFORE.finditer(text):
        hits.append(DateHit(m.start(), m.end(), "anaphor", rel=("previous", -1)))
    for m in _SAME_PERIOD.finditer(text):
        hits.append(DateHit(m.start(), m.end(), "anaphor", rel=("previous", 0)))
    for m in _THAT_YEAR.finditer(text):
        hits.append(DateHit(m.start(), m.end(), "anaphor", rel=("previous-year",)))
    for m in _THE_YEAR.finditer(text):
        hits.append(DateHit(m.start(), m.end(), "news-year", rel=("unit", "year", 0)))
    for m in _WEEK.finditer(text):
        hits.append(DateHit(m.start(), m.end(), "week", rel=("week", _step(m["which"]))))
    for m in _YEAR_PAIR.finditer(text):
        if re.search(r"(?i)\b(?:fiscal(?:\s+years?)?|FY)\s*$", text[max(0, m.start() - 20):m.start()]):
            continue  # "fiscal 2023-24" is one fiscal year (dates_find's fiscal-year pattern)
        first = int(m["y"])
        last = first - first % 100 + int(m["e"])
        if first < last <= first + 10:
            hits.append(DateHit(m.start("y"), m.end("y"), "year", first, extra={"normalized": (m["y"], "year", False)}))
            hits.append(DateHit(m.start("e"), m.end("e"), "year", last, extra={"normalized": (f"{last}", "year", False)}))
    return sorted(hits, key=lambda h: (h.start, -h.end))


def shift_previous(value: str, precision: str, years: int) -> str | None:
    """The value of the period before, moved by ``years``: ("1989-Q3", "quarter", -1) -> "1988-Q3";
    None for a precision that cannot shift (decade, century; a week by a year)."""
    if precision in ("decade", "century"):
        return None
    if not years:
        return value
    m = re.match(r"(\d{4})(.*)$", value)
    if not m or precision == "week":
        return None
    return f"{int(m.group(1)) + years:04d}{m.group(2)}"


def resolve_period(rel: tuple, anchor: dt.date) -> tuple[str, str]:
    """``(value, precision)`` of a relative week or quarter against ``anchor``.

    ``("week", step)``: the ISO week of the anchor moved by ``step`` weeks ("2013-W12").
    ``("quarter", n, 0)``: quarter ``n`` of the anchor's year, or of the year before when that quarter
    has not begun by the anchor date (news reports the last third quarter); ``("quarter", None, step)``:
    the anchor's quarter moved by ``step``.
    """
    if rel[0] == "quarter-of-year":
        return f"{anchor.year + rel[2]:04d}-Q{rel[1]}", "quarter"
    if rel[0] == "week":
        iso = (anchor + dt.timedelta(weeks=rel[1])).isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}", "week"
    current = (anchor.month - 1) // 3 + 1
    if rel[1] is not None:
        year = anchor.year if rel[1] <= current else anchor.year - 1
        return f"{year:04d}-Q{rel[1]}", "quarter"
    index = anchor.year * 4 + current - 1 + rel[2]
    return f"{index // 4:04d}-Q{index % 4 + 1}", "quarter"
