"""The document's own date (the anchor that relative dates resolve against).

Where a court filing or a news report states its date, in order of trust:

1. the ECF header repeated on each page ("Case 2:16-cv-... Document 24 Filed
   08/05/16 Page 1 of 4", "Appellate Case: ... Date Filed: 01/11/2021"), read
   from what ingestion removed from the pages (``PageSpan.removed``) or from the text;
2. a docket's "Date Filed: 10/27/2017" line;
3. a "FILED" stamp with a date on one of the next lines;
3b. a decision or filing label near the top ("Argued October 10, 2012—Decided
   June 24, 2013": the decision date, not the argument date);
4. a "Dated:" / "DATED this 16th day of April, 2021" / "Date: March 28, 2025"
   line (signature block or a header);
5. a date line or dateline near the top ("Thursday, January 15, 2009",
   "WASHINGTON, March 3, 2025 —", "ON FRIDAY, DECEMBER 10, 2021").

All are read from the text, so the source is "text". When the text states no
date, the file's creation date from its metadata is used (source "metadata").
The user's ``--anchor-date`` overrides both (``extract.py``).
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from . import dates_find
from .context import DocContext

_ECF_RE = re.compile(r"\bCase:?\s+\S+.*?\bDocument:?\s+\S+.*?\bFiled:?\s+(\d{1,2})/(\d{1,2})/(\d{2,4})\b")
_DATE_FILED_RE = re.compile(r"^\s*Date\s+Filed\s*:\s*(\d{1,2})/(\d{1,2})/(\d{2,4})\b", re.M | re.I)
_STAMP_RE = re.compile(r"^\s*(?:FILED|ENTERED)\s*$", re.M)
_DATED_RE = re.compile(r"^\s*(?:DATED|Dated|Date|Signed|SIGNED|Entered|ENTERED)\b\s*(?:this\s+(?:the\s+)?|:|,|\s)", re.M)
_DECIDED_RE = re.compile(r"\b(?:Decided|DECIDED|(?:Opinion\s+)?Filed|FILED|Decision\s+Date|Date\s+of\s+(?:Decision|Judgment|Order)"
                         r"|Issued|ISSUED|Entered|ENTERED)\s*:?\s*")
_HEAD_CHARS = 3000
_TOP_CHARS = 600


def _year4(y: str) -> int:
    n = int(y)
    return n if len(y) == 4 else (2000 + n if n < 70 else 1900 + n)


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def first_full_date(text: str) -> tuple[dt.date, int] | None:
    """The first date with day, month and year written in ``text`` (month name or
    month-first numeric), with its start offset; None when there is none."""
    for hit in dates_find.find_absolute(text):
        if hit.year is None:
            continue
        if hit.numeric:
            a, b, _ = hit.numeric
            m, d = (b, a) if a > 12 else (a, b)
        else:
            m, d = hit.month, hit.day
        if m is None or d is None:
            continue
        date = _safe(hit.year, m, d)
        if date is not None:
            return date, hit.start
    return None


def anchor_candidates(ctx: DocContext) -> list[dict]:
    """Every date the document bears that could serve as its own date, best first (FACTS.md 1.1
    ``document.anchor_candidates``).

    Order (the first is the anchor :func:`find_anchor` chooses): the ECF "Filed" header (the most
    common one; headers ingestion took off the pages count, with ``start_char`` null), a docket
    report's "Date Filed:", a FILED/ENTERED stamp, "Decided"/"Filed"/"Date of Judgment" near the top,
    the last "Dated:"/"Signed" line (the signature block ends the document), the first full date of
    the first lines (a dateline), and the file's metadata.

    Returns:
        ``[{"date": "YYYY-MM-DD", "source": "ecf_header" | "date_filed" | "stamp" | "decided" | "dated" |
        "dateline" | "metadata", "start_char": int | None}]``, one entry per date (its best source).
    """
    text = ctx.text
    out: list[tuple[dt.date, str, int | None]] = []
    ecf: Counter = Counter()
    first_at: dict[dt.date, int | None] = {}
    # ECF headers that ingestion took off the pages (PageSpan.removed) and any left in the text
    removed = "\n".join(r.get("text", "") for p in ctx.source.pages for r in (p.removed or ())
                        if r.get("kind") == "ecf_header")
    for where, m in [(None, m) for m in _ECF_RE.finditer(removed)] + [("text", m) for m in _ECF_RE.finditer(text)]:
        date = _safe(_year4(m.group(3)), int(m.group(1)), int(m.group(2)))
        if date:
            ecf[date] += 1
            if first_at.get(date) is None:
                first_at[date] = m.start(1) if where else None
    out += [(date, "ecf_header", first_at[date]) for date, _ in ecf.most_common()]
    m = _DATE_FILED_RE.search(text)
    if m:
        date = _safe(_year4(m.group(3)), int(m.group(1)), int(m.group(2)))
        if date:
            out.append((date, "date_filed", m.start()))
    for m in _STAMP_RE.finditer(text):
        found = first_full_date(text[m.end():m.end() + 200])
        if found:
            out.append((found[0], "stamp", m.end() + found[1]))
            break
    # "Decided June 24, 2013", "Opinion Filed: March 3, 2021", "Decision Date: 09/30/25" near the top
    for m in _DECIDED_RE.finditer(text[:_HEAD_CHARS]):
        found = first_full_date(text[m.end():m.end() + 60])
        if found and found[1] < 12:
            out.append((found[0], "decided", m.end() + found[1]))
            break
    dated = None
    for m in _DATED_RE.finditer(text):
        # the date on the label's line or, after a place ("Dated: New York, New York"), on the next line
        lead = len(text[m.start():]) - len(text[m.start():].lstrip())
        window = "\n".join(text[m.start() + lead:m.start() + 160].split("\n")[:2])
        found = first_full_date(window)
        if found:
            dated = (found[0], "dated", m.start() + lead + found[1])  # the last one: the signature block
    if dated:
        out.append(dated)
    found = first_full_date(text[:_TOP_CHARS])
    if found:
        out.append((found[0], "dateline", found[1]))
    meta = metadata_date(ctx.source.metadata or {})
    if meta is not None:
        out.append((meta, "metadata", None))
    seen: set[dt.date] = set()
    result = []
    for date, source, at in out:
        if date not in seen:
            seen.add(date)
            result.append({"date": date.isoformat(), "source": source, "start_char": at})
    return result


def find_anchor(ctx: DocContext, candidates: list[dict] | None = None) -> tuple[dt.date, str] | None:
    """Return ``(date, "text" | "metadata")`` for the document's own date, or None.

    Args:
        ctx: the document.
        candidates: :func:`anchor_candidates` of it, when already computed.
    Returns:
        The first candidate and where it was read ("text": from the document, "metadata": the
        file's creation date). None when there is none (the caller may use the user's date).
    """
    candidates = anchor_candidates(ctx) if candidates is None else candidates
    if not candidates:
        return None
    first = candidates[0]
    return dt.date.fromisoformat(first["date"]), "metadata" if first["source"] == "metadata" else "text"


_PDF_DATE_RE = re.compile(r"^(?:D:)?(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})")


def metadata_date(metadata: dict) -> dt.date | None:
    """The file's creation date from its metadata (PDF "CreationDate" "D:20190531120000-07'00'",
    or an ISO string), used only when the text states no date of its own; None if absent."""
    for key in ("CreationDate", "creation_date", "created", "ModDate"):
        raw = str(metadata.get(key) or "").strip()
        m = _PDF_DATE_RE.match(raw) or re.match(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})", raw)
        if m:
            date = _safe(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if date is not None:
                return date
    return None
