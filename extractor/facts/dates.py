"""Date facts (FACTS.md: ``value``, ``precision``, ``relative``, ``event``).

Candidates come from the project's patterns (:mod:`dates_find`); spaCy
``DATE`` entities decide which bare years are dates, and those naming a month
that no pattern read are normalized with dateparser (:mod:`dates_fallback`). Values are ISO 8601 at
the precision the text gives ("2025-04", never an invented day). Relative
mentions ("last April", "Wednesday", "five years ago") are resolved against
``ctx.anchor_date`` and carry ``relative: true``; without an anchor they are
left out. Day/month order of numeric dates is decided once per document
(CASES C-04). Not dates: "may" the verb, decimals, section numbers, numbers
in citations or docket numbers (``ctx.is_reserved``), and the ECF header
repeated on every page (reported once).
"""
from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from . import dates_fallback, dates_find, dates_period
from .context import DocContext
from .dates_event import event_for, tense_of
from .dates_find import DateHit

# "Case 2:16-cv-... Document 24 Filed 08/05/16 Page 1 of 4" and
# "Appellate Case: 21-800 Document: 0101... Date Filed: 01/11/2021 Page: 1"
ECF_HEADER_RE = re.compile(r"^.*\bCase:?\s+\S+.*\bDocument:?\s+\S+.*\bFiled:?\s+\d{1,2}/\d{1,2}/\d{2,4}.*$", re.M)
_NEAR_YEAR_CHARS = 600


def ecf_header_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of ECF header lines (one per page in court PDFs)."""
    return [(m.start(), m.end()) for m in ECF_HEADER_RE.finditer(text)]


def extract(ctx: DocContext) -> list[dict]:
    """Return the date facts of the document (FACTS.md), in text order."""
    text = ctx.text
    hits = find_candidates(ctx)
    day_first = _day_first(hits)
    facts: list[dict] = []
    prev: tuple[dt.date, str, int] | None = None  # last stated date, its precision and end offset
    headers = ecf_header_spans(text)
    header_done = False
    for hit in hits:
        in_header = any(s <= hit.start < e for s, e in headers)
        if in_header:
            if header_done or hit.method != "numeric":
                continue
        try:
            if hit.rel and hit.rel[0] in ("previous", "previous-year"):
                resolved = _resolve_previous(hit, facts, ctx.anchor_date)
            else:
                resolved = _resolve(ctx, hit, day_first, prev)
        except (ValueError, OverflowError):
            resolved = None  # an offset beyond the calendar ("10,000 years ago")
        if resolved is None:
            continue
        value, precision, relative, date = resolved
        if in_header:
            header_done = True
            event = "filed"
        else:
            event = event_for(ctx, hit.start, hit.end)
        if date is not None and precision in ("day", "month", "year"):
            prev = (date, precision, hit.end)
        confidence = 0.9 if hit.method in ("month-day", "day-month", "month-year", "numeric") else 0.7
        facts.append(ctx.make_fact("date", hit.start, hit.end, f"date:{hit.method}", confidence,
                                   value=value, precision=precision, relative=relative, event=event))
    return facts


_PREVIOUS_CHARS = 1500


def _resolve_previous(hit: DateHit, facts: list[dict], anchor: dt.date | None) -> tuple[str, str, bool, None] | None:
    """ "a year earlier" / "the quarter" from the date fact before it (within 1,500 characters):
    that period moved back a year, or repeated. Without such a period (none, or a day or week:
    "a year earlier" than a day is rarely meant) "a year earlier" is the year before the anchor's,
    and a bare "the period" names no date."""
    named = [f for f in facts if f["method"] != "date:anaphor"]  # the period named, not one referred to
    last = named[-1] if named and hit.start - named[-1]["end_char"] <= _PREVIOUS_CHARS else None
    if last is None or last["precision"] in ("day", "week"):
        if hit.rel[0] == "previous" and hit.rel[1] and anchor is not None:
            return f"{anchor.year + hit.rel[1]:04d}", "year", True, None
        if last is None:
            return None
    if hit.rel[0] == "previous-year":
        return (last["value"][:4], "year", True, None) if re.match(r"\d{4}", last["value"]) else None
    if hit.rel[1] == 0 and last["precision"] != "quarter":
        return None
    value = dates_period.shift_previous(last["value"], last["precision"], hit.rel[1])
    return (value, last["precision"], True, None) if value else None


def find_candidates(ctx: DocContext) -> list[DateHit]:
    """All date mentions of the text, unresolved, in text order.

    Overlaps are settled in favour of stated dates, then relative words, then
    bare years, then spaCy ``DATE`` entities normalized by dateparser; spans
    reserved by other extractors (citations, docket numbers) are dropped.
    The quantity extractor reads these spans so no number inside a date
    becomes a quantity.
    """
    text = ctx.text
    periods = [h for h in dates_period.find_periods(text) if h.method != "news-year" or ctx.kind == "news"]
    absolute = [h for h in periods if h.rel is None] + dates_find.find_absolute(text)
    relative = [h for h in periods if h.rel is not None] + [h for h in dates_find.find_relative(text) if _keep_relative(ctx, h)]
    years: list[DateHit] = []
    for h in dates_find.find_years(text):
        if h.extra.get("range_end"):
            # the end of "2011-2014" is a date when its start is
            if years and years[-1].end >= h.start - 3:
                years.append(h)
        elif _is_year_date(ctx, h):
            years.append(h)
    kept: list[DateHit] = []
    for group in (absolute, relative, years):
        for h in group:
            if all(h.end <= k.start or h.start >= k.end for k in kept):
                kept.append(h)
    for ent in ctx.doc.ents:
        if ent.label_ != "DATE":
            continue
        inside = [k for k in kept if k.start < ent.end_char and ent.start_char < k.end]
        if any(k.start < ent.start_char or k.end > ent.end_char or k.day is not None or k.numeric or k.rel
               for k in inside):
            continue  # a pattern read this entity (or more than it) at day precision already
        norm = dates_fallback.normalize(ent.text, ctx.anchor_date)
        if norm is not None and (not inside or norm[1] == "day"):
            kept = [k for k in kept if k not in inside]
            kept.append(DateHit(ent.start_char, ent.end_char, "dateparser", extra={"normalized": norm}))
    kept = [h for h in kept if not ctx.is_reserved(h.start, h.end)]
    for h in kept:
        # "early December", "late last July", "mid-2011": the modifier belongs to the mention's span
        mod = _MODIFIER_BEFORE.search(text, max(0, h.start - 12), h.start)
        if mod and all(k is h or k.end <= mod.start() or k.start >= h.start for k in kept):
            h.start = mod.start()
    return sorted(kept, key=lambda h: h.start)


def _keep_relative(ctx: DocContext, hit: DateHit) -> bool:
    """Drop month and weekday words the parse reads as something else ("May" the verb,
    "March" the noun in lower case, a name like "April Smith")."""
    kind = hit.rel[0]
    if kind not in ("month", "weekday", "named_month"):
        return True
    span = ctx.span(hit.start, hit.end)
    if span is None:
        return False
    tok = span[-1]
    if tok.pos_ in ("VERB", "AUX") or tok.tag_ == "MD":
        return False
    if tok.ent_type_ and tok.ent_type_ not in ("DATE", "TIME"):
        return False  # part of a name the NER found
    if kind in ("month", "weekday") and (tok.dep_ in ("nsubj", "nsubjpass")
                                         or tok.dep_ == "compound" and tok.head.pos_ == "PROPN"):
        return False  # a name, not a date: "The March on Washington drew crowds", "Sunday Times"
    if tok.ent_type_ == "PERSON" or (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_type_ == "PERSON"
                                      and tok.ent_iob_ == "B"):
        return False
    if tok.is_upper and len(tok.text) > 3 and kind == "month":
        return False  # running heads in capitals ("MARCH MADNESS")
    return True


_NAMED_YEAR_BEFORE = re.compile(r"\b(?:Act|Acts|Code|Amendments?|Rules?|Reform|Protocol|Treaty|Convention|Regulations?)"
                                r"(?:\s+Amendments)?\s+of\s+$")
_NAMED_YEAR_AFTER = re.compile(r"[ \t]+(?:[A-Z][\w&'’-]*[ \t]+){0,4}(?:LP|L\.P\.|LLC|L\.L\.C\.|LLP|Inc\.?|Corp\.?|Ltd\.?|"
                               r"Partners|Fund|Trust|Holdings|Capital|Ventures|Group)(?![\w])")


_MODIFIER_BEFORE = re.compile(r"(?<![\w-])(?:early|late|mid|middle)(?:-|\s+)$", re.I)


def _is_year_date(ctx: DocContext, hit: DateHit) -> bool:
    """A bare four-digit number is a year when spaCy tags it DATE or a cue word
    ("in", "since", "fiscal", ...) stands before it, and no number cue ("No.",
    "$", "Suite", "Rule") does."""
    v = dates_find.vocab()
    text = ctx.text
    before = text[max(0, hit.start - 20):hit.start].split()
    prev_word = before[-1].lower() if before else ""
    if prev_word.endswith("mid-") or text[max(0, hit.start - 4):hit.start].lower() == "mid-":
        return True
    if prev_word in v["not_year_before"] or prev_word.rstrip(":") in v["not_year_before"]:
        return False
    if _citation_year(text, hit.start, hit.end):
        return False
    if _NAMED_YEAR_BEFORE.search(text, max(0, hit.start - 40), hit.start) or _NAMED_YEAR_AFTER.match(text, hit.end):
        return False  # "the Civil Rights Act of 1964", "2019 Growth Partners LP": a year inside a name
    if re.match(r"\s*(?:through|thru|until|to|and|or|[-–—])\s*(?:about\s+|approximately\s+)?(?:1[89]|20)\d{2}\b",
                text[hit.end:hit.end + 30]):
        return True  # the start of a span of years ("from at least 2015 through 2019")
    span = ctx.span(hit.start, hit.end)
    if span is None:
        return False
    tok = span[0]
    if tok.like_num and tok.ent_type_ in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT") :
        return False
    if tok.ent_type_ == "DATE":
        return True
    return prev_word in v["year_cues"]


def _citation_year(text: str, start: int, end: int) -> bool:
    """A year closing a citation parenthetical: "(2007)", "(9th Cir. 2023)", "(D.N.J. 2018)",
    "(West 2015)": the year ends a parenthesis opened shortly before it on an abbreviation or name."""
    if not re.match(r"\s*\)", text[end:end + 2]):
        return False
    open_at = text.rfind("(", max(0, start - 40), start)
    if open_at < 0 or ")" in text[open_at:start]:
        return False
    inside = text[open_at + 1:start]
    return not inside.strip() or "." in inside or bool(re.search(r"\b[A-Z][a-z]*\b", inside))


def _day_first(hits: list[DateHit]) -> dict[str, bool]:
    """Per separator kind ("/-" or "."), whether the document writes the day first.

    A numeric date whose first number is over 12 shows day-first; one whose
    second number is over 12 shows month-first. Without evidence: month first
    for slashes and hyphens (US usage), day first for dots.
    """
    out = {}
    for key, seps, default in (("slash", "/-", False), ("dot", ".", True)):
        nums = [h.numeric for h in hits if h.numeric and h.numeric[2] in seps]
        dfirst = any(a > 12 for a, b, _ in nums)
        mfirst = any(b > 12 for a, b, _ in nums)
        out[key] = dfirst if dfirst != mfirst else default
    return out


def _resolve(ctx: DocContext, hit: DateHit, day_first: dict[str, bool],
             prev: tuple[dt.date, str, int] | None) -> tuple[str, str, bool, dt.date | None] | None:
    """Return ``(value, precision, relative, date)`` for a hit, or None when it cannot be
    resolved (a year-less or relative mention with nothing to resolve against, an impossible date)."""
    anchor = ctx.anchor_date
    if "normalized" in hit.extra:
        value, precision, relative = hit.extra["normalized"]
        date = dt.date.fromisoformat((value + "-01-01")[:10]) if precision in ("day", "month", "year") else None
        return value, precision, relative, date
    if hit.rel is not None:
        if anchor is None and hit.rel[0] != "following":
            return None
        return _resolve_relative(ctx, hit, anchor, prev)
    year, month, day = hit.year, hit.month, hit.day
    if hit.numeric:
        a, b, sep = hit.numeric
        dfirst = day_first["dot" if sep == "." else "slash"]
        if a > 12:
            dfirst = True
        elif b > 12:
            dfirst = False
        day, month = (a, b) if dfirst else (b, a)
    if hit.season is not None:
        return f"{year:04d}-{hit.season}", "season", False, None
    if hit.method == "fiscal-year" or (month is None and day is None):
        return f"{year:04d}", "year", False, dt.date(year, 1, 1)
    relative = False
    if year is None:
        year, relative = _year_for(ctx, hit, month, day, prev)
        if year is None:
            return None
    try:
        date = dt.date(year, month, day or 1)
    except ValueError:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}", "month", relative, date
    return date.isoformat(), "day", relative, date


def _year_for(ctx: DocContext, hit: DateHit, month: int, day: int | None,
              prev: tuple[dt.date, str, int] | None) -> tuple[int | None, bool]:
    """Year of a year-less "July 14th": in a future-tense clause the next one after the
    anchor; else the year of a dated mention shortly before it (a narrative of events);
    else the anchor's year moved by the tense of the sentence."""
    anchor = ctx.anchor_date
    deadline = re.search(r"\b(?:until|by)\s+$", ctx.text[max(0, hit.start - 8):hit.start], re.I)
    if anchor is not None and (deadline or tense_of(ctx, hit.start, hit.end) > 0):
        # "Sentencing is scheduled for Aug. 21": the next one after the document's date
        return _year_by_tense(ctx, hit, anchor, month, day), True
    if prev is not None and hit.start - prev[2] <= _NEAR_YEAR_CHARS and ctx.kind != "news":
        # (a news report leaves out the year of dates near its own date: "Nov. 6" there is the November
        # nearest the dateline, whatever year a sentence before named)
        return prev[0].year, False
    if anchor is None:
        return (prev[0].year, False) if prev else (None, False)
    return _year_by_tense(ctx, hit, anchor, month, day), True


def _year_by_tense(ctx: DocContext, hit: DateHit, anchor: dt.date, month: int, day: int | None) -> int:
    """Year of a year-less month (and day): in a news report the one nearest the anchor date ("Nov. 25"
    in a January report is last November), elsewhere the anchor's year; moved to the year before when the sentence's past tense puts it
    behind the anchor and the nearest one is ahead ("began sharing ... since April", anchored in March,
    is last April), and to the year after for a future tense. A deadline ("until April 4") lies ahead."""
    tense = tense_of(ctx, hit.start, hit.end)
    if re.search(r"\b(?:until|by)\s+$", ctx.text[max(0, hit.start - 8):hit.start], re.I):
        tense = 1

    def gap(year: int) -> int:
        try:
            return (dt.date(year, month, day or 15) - anchor).days
        except ValueError:  # February 29 of a common year
            return (dt.date(year, month, 28) - anchor).days

    # a news report leaves out the year of dates near its dateline; elsewhere the anchor's year is the default
    years = (anchor.year - 1, anchor.year, anchor.year + 1) if ctx.kind == "news" else (anchor.year,)
    best = min(years, key=lambda y: abs(gap(y)))
    # a report's past tense is often only its "said": within three months of the dateline, nearness wins
    margin = 90 if ctx.kind == "news" else 0
    if tense < 0 and gap(best) > margin:
        return best - 1  # what happened lies before the document's date
    if tense > 0 and gap(best) < -margin:
        return best + 1
    return best


def _resolve_relative(ctx: DocContext, hit: DateHit, anchor: dt.date | None,
                      prev: tuple[dt.date, str, int] | None) -> tuple[str, str, bool, dt.date | None] | None:
    kind = hit.rel[0]
    if kind in ("week", "quarter", "quarter-of-year"):
        value, precision = dates_period.resolve_period(hit.rel, anchor)
        return value, precision, True, None
    if kind == "offset":
        delta, precision = hit.rel[1], hit.rel[2]
        date = anchor + relativedelta(**delta)
        return _fmt(date, precision), precision, True, date
    if kind == "named_month":
        month, step = hit.rel[1], hit.rel[2]
        if step < 0:
            year = anchor.year if month < anchor.month else anchor.year - 1
        elif step > 0:
            year = anchor.year if month > anchor.month else anchor.year + 1
        else:
            year = anchor.year
        date = dt.date(year, month, 1)
        return _fmt(date, "month"), "month", True, date
    if kind == "month":
        month = hit.rel[1]
        date = dt.date(_year_by_tense(ctx, hit, anchor, month, None), month, 1)
        return _fmt(date, "month"), "month", True, date
    if kind == "unit":
        unit, step = hit.rel[1], hit.rel[2]
        if unit == "year":
            date = dt.date(anchor.year + step, 1, 1)
            return f"{date.year:04d}", "year", True, date
        date = dt.date(anchor.year, anchor.month, 1) + relativedelta(months=step)
        return _fmt(date, "month"), "month", True, date
    if kind == "season":
        code, first, step = hit.rel[1], hit.rel[2], hit.rel[3]
        year = anchor.year
        if step < 0 and first >= anchor.month:
            year -= 1
        elif step > 0 and first <= anchor.month:
            year += 1
        return f"{year:04d}-{code}", "season", True, None
    if kind == "weekday":
        wday, step = hit.rel[1], hit.rel[2]
        if step == 0:
            step = tense_of(ctx, hit.start, hit.end) or -1
        if step < 0:
            back = (anchor.weekday() - wday) % 7
            date = anchor - dt.timedelta(days=back if hit.rel[2] == 0 else (back or 7))
        else:
            ahead = (wday - anchor.weekday()) % 7
            date = anchor + dt.timedelta(days=ahead if hit.rel[2] == 0 else (ahead or 7))
        return date.isoformat(), "day", True, date
    if kind == "following":
        if prev is None or prev[1] != "day":
            return None
        date = prev[0] + dt.timedelta(days=hit.rel[1])
        return date.isoformat(), "day", True, date
    return None


def _fmt(date: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{date.year:04d}"
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()
