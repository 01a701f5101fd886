"""Normalize spaCy ``DATE`` entities that the project's patterns did not read,
with dateparser (NOTES.md: use it to normalize spans we find, not to find them).

Only entities naming a month and holding a figure ("July the 4th, 2020")
are tried: bare numbers and durations ("thirty days") are left to the
other rules. The parser is built once per anchor date (``RELATIVE_BASE``),
``PREFER_DATES_FROM`` past, English only; the precision comes from
``DateData.period`` so no day is invented.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

_MONTH_RE = re.compile(r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                       r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?", re.I)
_YEAR_RE = re.compile(r"\b(?:1[6-9]|20)\d{2}\b")


@functools.lru_cache(maxsize=8)
def _parser(anchor: dt.date | None):
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False}
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime(anchor.year, anchor.month, anchor.day)
    return DateDataParser(languages=["en"], settings=settings)


def normalize(text: str, anchor: dt.date | None) -> tuple[str, str, bool] | None:
    """Return ``(value, precision, relative)`` for a date phrase naming a month, or None.

    ``relative`` is True when the phrase has no year and the anchor supplied it;
    without a year and without an anchor the phrase is not normalized.
    """
    if not _MONTH_RE.search(text) or not re.search(r"\d", text):
        return None  # month and weekday words alone are the patterns' business
    has_year = bool(_YEAR_RE.search(text))
    if not has_year and anchor is None:
        return None
    try:
        data = _parser(anchor).get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    d, period = data.date_obj.date(), data.period
    if period == "year":
        return f"{d.year:04d}", "year", not has_year
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}", "month", not has_year
    if period in ("day", "time"):
        return d.isoformat(), "day", not has_year
    return None
