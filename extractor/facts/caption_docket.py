"""Docket numbers and the judge of a court document (for :func:`caption.find_case`).

Docket forms are those of federal and state courts ("1:20-cv-03010-APM", "No. 19-1234",
"Case No. 5:21-cv-1", "No. MDL 15-02641-PHX-DGC", "05-24-00192-CV"); the judge comes from
docket and transcript headings ("Assigned to: Judge X", "Before The Honorable X") and
signature blocks ("/s/ X" over "United States District Judge", "MARTINOTTI, DISTRICT JUDGE").
"""
from __future__ import annotations

import re

from .spans import leftmost_longest


DOCKET = re.compile(
    r"(?<![\w:])(?:\d{1,2}:)?\d{2}-?(?:cv|cr|mj|md|bk|mc|po|sw|ap|CV|CR|MJ|MD|BK|MC|Cv|Cr)-?\d{2,6}"
    r"(?:[-–](?:[A-Z]{2,5}|\d{1,3}))*(?:\s?\([A-Z]{2,5}x?\))*(?:\s(?:[A-Z]{2,4})(?:\s\([A-Z]{2,5}x?\))?(?=\s|$))?")


NUMBERED = re.compile(
    r"(?:(?:Case|Civil\s+Action|Civ\.|Crim\.|Criminal|Appeal|Docket|Appellate\s+Case|Misc\.)\s*"
    r"(?:Nos?\.?|Numbers?(?:\(s\))?|#)?|\bNos?\.|\bNO\.|CASE\s+#)\s*:?\s*"
    r"(?P<num>(?:MDL\s+|CR-|CV-)?\d[\w:–-]*\d(?:[A-Z]{1,2}\d*(?:-\d+)?)?(?:-[A-Z]{2,5})*(?:\s?\([A-Z]{2,5}x?\))*)"
    # "NO. CR-19-0491 JST": a lettered criminal/civil number keeps the judge's initials printed after it
    r"(?P<initials>(?<=\d)[ \t](?!(?:THE|AND|FOR|NOT)\b)[A-Z]{2,4}(?=[ \t]*$|[ \t]*[)\n]|\s{2}))?", re.M)


def find_dockets(text: str) -> list[tuple[int, int, str]]:
    """Docket numbers anywhere in ``text``: ``(start_char, end_char, number)``.

    Forms: "1:20-cv-03010-APM", "2:18-cr-00119-WBS", "No. 19-1234", "Case No. 5:21-cv-1",
    "No. MDL 15-02641-PHX-DGC", "Civ. No. 3:18-cv-16281(BRM)(TJB)", "NO. CR-19-0491 JST".
    """
    hits = []
    for m in DOCKET.finditer(text):
        hits.append((m.start(), m.end(), m.group(0).strip()))
    for m in NUMBERED.finditer(text):
        num = m.group("num")
        if m.group("initials") and re.match(r"(?:CR|CV)-", num):
            num = num + m.group("initials")
        if re.fullmatch(r"\d{1,3}", num) or re.match(r"[-_]", text[m.end("num"):m.end("num") + 1]):
            continue
        hits.append((m.start("num"), m.start("num") + len(num), num.strip()))
    return leftmost_longest(hits, lambda h: (h[0], h[1]))


_JN = r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,4}"


_JUDGE_TITLE = r"(?:District|Magistrate|Bankruptcy|Circuit|Veterans[ \t]+Law|Administrative[ \t]+Law)"
_CAPS_NAME = r"[A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z'’-]+)?"

# (pattern, kind): "author" patterns name the judge who wrote the opinion; "panel" gives a list
JUDGE_LINE = [
    # dockets and minutes: "Assigned to: Judge X", "Present: The Honorable X"
    re.compile(r"(?:Assigned\s+to|Presiding)[ \t]*:[ \t]*(?!(?:Not\s+Assigned|Unassigned|None|TBD)\b)(?:Hon\.[ \t]+|Honorable[ \t]+)?(?:(?:Chief[ \t]+)?(?:District[ \t]+|Magistrate[ \t]+|Senior[ \t]+)?Judge[ \t]+)?(?P<name>" + _JN + ")"),
    re.compile(r"(?:Before|Present)[ \t]*:?[ \t]+(?:The[ \t]+)?Hon(?:orable|\.)[ \t]+(?P<name>" + _JN + ")", re.I),
    # "Opinion for the Court filed by Circuit Judge X."
    re.compile(r"Opinion[ \t]+for[ \t]+the[ \t]+[Cc]ourt[ \t]+filed[ \t]+by[ \t]+(?:Chief[ \t]+|Senior[ \t]+)?(?:Circuit[ \t]+|District[ \t]+)?Judge[ \t]+(?P<name>" + _CAPS_NAME + r"|" + _JN + ")"),
    # opinions: "SELYA, Circuit Judge." / "GUSTAFSON, Judge:" / "HUDSON, Justice." opening the opinion
    re.compile(r"(?m)^[ \t]*(?P<name>" + _CAPS_NAME + r"),[ \t]+(?:Chief[ \t]+|Senior[ \t]+|Associate[ \t]+)?(?:Circuit[ \t]+|District[ \t]+)?(?:Judge|Justice)[ \t]*[.:]"),
    # "JUSTICE X delivered the opinion", "Judge X delivered the opinion", "X, J., delivered the opinion"
    re.compile(r"(?:JUSTICE|Justice|JUDGE|Judge)\s+(?P<name>" + _JN + r"|[A-Z][A-Z'’-]+)\s+delivered\s+the\s+opinion"),
    re.compile(r"(?P<name>[A-Z][A-Z'’-]+),\s+(?:C\.\s*)?J\.,\s+delivered\s+the\s+opinion"),
    # signature blocks: "/s/ X" over "United States District Judge"; "X" over "Veterans Law Judge"
    re.compile(r"(?m)^[ \t]*(?:/s/[ \t]*)?(?P<name>[A-Z][A-Za-z.'’-]+(?:[ \t]+[A-Z][A-Za-z.'’-]*){1,4})[ \t]*,?[ \t]*\n(?:[ \t]*\n)?[ \t]*(?:Chief[ \t]+)?(?:(?:United[ \t]+States|U\.S\.)[ \t]+)?" + _JUDGE_TITLE + r"[ \t]+Judge", re.I),
    re.compile(r"(?m)^[ \t]*(?P<name>[A-Z][A-Z'’-]+),[ \t]+(?:Chief[ \t]+)?(?:U\.S\.[ \t]+)?(?:DISTRICT|MAGISTRATE|CIRCUIT|SENIOR)[ \t]+(?:DISTRICT[ \t]+)?JUDGE\b"),
    # "Honorable X, U.S. Magistrate Judge" (warrants and other forms signed by a judge)
    re.compile(r"Hon(?:orable|\.)[ \t]+(?P<name>" + _JN + r"),[ \t]+(?:Chief[ \t]+)?(?:United[ \t]+States|U\.S\.)[ \t]+" + _JUDGE_TITLE + r"[ \t]+Judge"),
    # "Before: X, Y, and Z, Circuit Judges." (no author stated): the first judge of the panel
    re.compile(r"(?m)^[ \t]*(?:Before|BEFORE)[ \t]*:?\s+(?P<name>[A-Z][A-Za-z'’-]+)(?=(?:,|\s+and\s)[^.]{0,200}?,\s*"
               r"(?:Chief\s+|Senior\s+)?(?:Circuit\s+|District\s+|Appellate\s+|Bankruptcy\s+)?(?:Judges|JUDGES|Justices)\b)"),
]


def find_judge(text: str) -> tuple[int, int, str] | None:
    """The judge who presides, writes or signs: ``(start_char, end_char, name)`` or None.

    Forms are tried in order (first match wins): docket/minutes headings ("Assigned
    to:", "Present: The Honorable X"); the opinion's author ("X, Circuit Judge.",
    "Opinion for the Court filed by Circuit Judge X", "JUSTICE X delivered the
    opinion", "X, J., delivered"); signature blocks ("/s/ X" over "United States
    District Judge", "X" over "Veterans Law Judge", "Honorable X, U.S. Magistrate
    Judge"); else the first judge of a "Before: X, Y, and Z, Circuit Judges" panel.
    The lower-court judge of an appeal ("[Hon. X, U.S. District Judge]") is only
    reached when no other form is present.
    """
    for pat in JUDGE_LINE:
        for m in pat.finditer(text):
            name = " ".join(m.group("name").split())
            name = re.sub(r"\s*,?\s*(?:Judge|JUDGE|Interpreter|Deputy|Courtroom|Court)\b.*$", "", name)
            if not name or re.search(r"(?i)\b(?:united|states|district|court|judge|opinion|of|the)\b", name):
                continue
            if text[max(0, m.start() - 1):m.start()] == "[":
                continue  # "[Hon. X, U.S. District Judge]": the judge appealed from
            prev = text[:m.start()].rstrip(" \t")
            if prev.endswith("\n") and re.search(r"(?:,|\band)\s*$", prev[:-1]):
                continue  # a line continuing a "Before: X and Y, Circuit Judges, and" panel
            return m.start("name"), m.start("name") + len(m.group("name").rstrip()), name
    return None


_ECF_LINE = re.compile(r"(?i)\bFiled\s+\d{1,2}/\d{1,2}/\d{2,4}|\bPage\s*ID\b|\bDocument\s*:?\s*\d+\b.*\bPage\b")


def _removed_ecf_dockets(ctx) -> list[str]:
    source = getattr(ctx, "source", None)
    removed = [r.get("text", "") for p in (source.pages if source else ()) for r in (p.removed or ())
               if r.get("kind") == "ecf_header"]
    out = []
    for line in removed:
        found = [d for d in find_dockets(line) if DOCKET.fullmatch(d[2]) or re.match(r"(?i)\s*(?:Appellate\s+)?Case\s*:", line)]
        out += [d[2] for d in found[:1]]
    return out


_REPORT_NUMBER = re.compile(r"(?im)^[ \t]*(?:(?:CIVIL|CRIMINAL)[ \t]+DOCKET[ \t]+FOR[ \t]+CASE|Bankruptcy[ \t]+Petition|"
                            r"Adversary[ \t]+Proceeding|Court[ \t]+of[ \t]+Appeals[ \t]+Docket|Docket|Case)[ \t]*#[ \t]*:?[ \t]*"
                            r"(?P<num>(?:MDL[ \t]+No\.[ \t]*)?\d[\w:.-]*\d(?:-[A-Za-z]{1,5}\d{0,2})*)")


def report_number(head: str) -> str | None:
    """The case number a docket report prints in its header ("CIVIL DOCKET FOR CASE #: 1:20-cv-00123-ABC",
    "Bankruptcy Petition #: 09-12345-XYZ"), or None. A bankruptcy number (no case type) drops the
    assigned judge's initials after it ("09-12345"), as PACER's case number does; a typed district
    number keeps them as printed."""
    m = _REPORT_NUMBER.search(head)
    if not m:
        return None
    num = m.group("num")
    if re.fullmatch(r"(?:\d{1,2}[:-])?\d{2}-\d{3,6}(?:-[A-Za-z]{1,5}\d{0,2})+", num):
        num = re.sub(r"(?:-[A-Za-z]{1,5}\d{0,2})+$", "", num)  # "04-45661-abc13": initials and chapter
    return num


def _docket_of(ctx, head: str, zone_end: int | None = None) -> str | None:
    """The case's docket number, from the caption or the ECF header of this document only.

    Order: the first docket number of the caption zone (``head[:zone_end]``: the
    text down to just after the caption block) that is not on an OCR'd ECF
    header line; else the docket of the ECF headers ingestion took off the pages
    (``PageSpan.removed``); else one on an ECF header line left in the text.
    Numbers further down (cited cases, related actions) are never used: a caption
    with a blank number ("Civil Action No. 1:21-cv-____") gives the ECF header's.

    Args:
        ctx: the document (``ctx.source`` is read when present).
        head: the first characters of the text.
        zone_end: end of the caption zone in ``head`` (0-based, exclusive); None
            means the whole ``head``.
    Returns:
        The number as printed, or None.
    """
    zone = head if zone_end is None else head[:zone_end]
    on_ecf_line = []
    for s, e, num in find_dockets(zone):
        ls = zone.rfind("\n", 0, s) + 1
        le = zone.find("\n", e)
        line = zone[ls:len(zone) if le < 0 else le]
        if _ECF_LINE.search(line):
            on_ecf_line.append(num)
            continue
        return num
    removed = _removed_ecf_dockets(ctx)
    if removed:
        return removed[0]
    return on_ecf_line[0] if on_ecf_line else None


def _courts_db_name(head: str) -> str | None:
    """Fallback: a "... COURT ..." line of the head recognized by ``courts_db``."""
    try:
        from courts_db import courts, find_court
    except ImportError:  # pragma: no cover - installed with the project
        return None
    for line in head.splitlines()[:40]:
        if re.search(r"(?i)\bcourt\b", line) and len(line) < 120:
            ids = find_court(line.strip())
            if len(ids) == 1:
                by_id = {c["id"]: c["name"] for c in courts}
                return by_id.get(ids[0])
    return None
