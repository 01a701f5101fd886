"""Quantities the number reader of :mod:`quantities` does not read as written: fractions and ages.

* ``fraction``: "66 2/3%" (66.667 percent), "one-third of the members" (0.333, unit "members"),
  "two-thirds" (0.667, unit "fraction" when no noun follows).
* ``age``: "under the age of sixteen" (16, unit "years", comparator ``lt``), "over the age of 65"
  (``gt``), "at least 18 years of age" (``ge``), "a 14-year-old" (14 years, ``eq``).

:func:`find` returns ``(start_char, end_char, fields)`` triples (0-based, end exclusive) with the
fields of a quantity fact (FACTS.md), ``method`` and ``confidence`` included.
"""
from __future__ import annotations

import re

from . import numbers

_DEN = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
        "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10}
_NUM = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "nine": 9}
_MIXED_PCT = re.compile(r"(?<![\d.,/])(?P<w>\d{1,3})[ \t]+(?P<n>\d{1,2})/(?P<d>\d{1,2})[ \t]*(?:%|percent\b|per[ \t]+cent\b)", re.I)
_FRACTION_WORDS = re.compile(r"(?<![\w-])(?P<n>one|two|three|four|five|nine)[\s-](?P<d>" + "|".join(_DEN) + r")(?![\w-])"
                             r"(?:[ \t]+of[ \t]+(?:the[ \t]+|its[ \t]+|their[ \t]+|all[ \t]+)?(?P<unit>[a-z][a-z-]+s)\b)?", re.I)
_AGE_OF = re.compile(r"(?<![\w])(?:(?P<cmp>under|below|younger[ \t]+than|over|above|older[ \t]+than|at[ \t]+least)[ \t]+)?"
                     r"the[ \t]+age[ \t]+of[ \t]+(?P<n>\d{1,3}|[a-z]+(?:[ -][a-z]+)?)(?![\w-])", re.I)
_YEARS_OF_AGE = re.compile(r"(?<![\w])(?:(?P<cmp>under|at[ \t]+least|over)[ \t]+)?(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)[ \t]+years[ \t]+of[ \t]+age\b", re.I)
_YEAR_OLD = re.compile(r"(?<![\w-])(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old(?![\w-])", re.I)
_CMP = {"under": "lt", "below": "lt", "younger than": "lt", "over": "gt", "above": "gt", "older than": "gt", "at least": "ge"}


def _number(word: str) -> float | None:
    return float(word) if word.isdigit() else numbers.parse_words(word.replace("-", " "))


def find(text: str) -> list[tuple[int, int, dict]]:
    """Fractions and ages of ``text`` (see the module docstring), in text order."""
    out: list[tuple[int, int, dict]] = []

    def add(s: int, e: int, value: float, unit: str, kind: str, comparator: str = "eq", method: str = "quantity:fraction"):
        out.append((s, e, {"value": round(value, 3), "unit": unit, "kind": kind, "approximate": False,
                           "comparator": comparator, "of_total": None, "vague": False, "method": method,
                           "confidence": 0.75}))

    for m in _MIXED_PCT.finditer(text):
        d = int(m["d"])
        if d and int(m["n"]) < d:
            add(m.start(), m.end(), int(m["w"]) + int(m["n"]) / d, "percent", "percent")
    for m in _FRACTION_WORDS.finditer(text):
        n, d = _NUM[m["n"].lower()], _DEN[m["d"].lower()]
        if n < d:
            unit = m["unit"].lower() if m["unit"] else "fraction"
            add(m.start(), m.end("unit") if m["unit"] else m.end("d"), n / d, unit, "other")
    for pat in (_AGE_OF, _YEARS_OF_AGE):
        for m in pat.finditer(text):
            n = _number(m["n"])
            if n is not None and 0 < n < 130:
                cmp = _CMP.get(" ".join((m["cmp"] or "").lower().split()), "eq")
                add(m.start(), m.end(), n, "years", "duration", cmp, "quantity:age")
    for m in _YEAR_OLD.finditer(text):
        n = _number(m["n"])
        if n is not None and 0 < n < 130:
            add(m.start(), m.end(), n, "years", "duration", "eq", "quantity:age")
    out.sort(key=lambda q: (q[0], -q[1]))
    kept: list[tuple[int, int, dict]] = []
    for q in out:
        if all(q[1] <= k[0] or q[0] >= k[1] for k in kept):
            kept.append(q)
    return kept
