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
    r"(?P<num>(?:MDL\s+|CR-|CV-)?\d[\w:–-]*\d(?:[A-Z]{1,2}\d*(?:-\d+)?)?(?:-[A-Z]{2,5})*(?:\s?\([A-Z]{2,5}x?\))*)")


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
        if re.fullmatch(r"\d{1,3}", num) or re.match(r"[-_]", text[m.end("num"):m.end("num") + 1]):
            continue
        hits.append((m.start("num"), m.end("num"), num.strip()))
    return leftmost_longest(hits, lambda h: (h[0], h[1]))


_JN = r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,4}"


JUDGE_LINE = [
    re.compile(r"(?:Assigned\s+to|Presiding)[ \t]*:[ \t]*(?:Hon\.[ \t]+|Honorable[ \t]+)?(?:(?:Chief[ \t]+)?(?:District[ \t]+|Magistrate[ \t]+|Senior[ \t]+)?Judge[ \t]+)?(?P<name>" + _JN + ")"),
    re.compile(r"(?:Before|Present)[ \t]*:?[ \t]+(?:The[ \t]+)?Hon(?:orable|\.)[ \t]+(?P<name>" + _JN + ")", re.I),
    re.compile(r"(?m)^[ \t]*(?:/s/[ \t]*)?(?P<name>[A-Z][A-Za-z.'’-]+(?:[ \t]+[A-Z][A-Za-z.'’-]*){1,4})[ \t]*,?[ \t]*\n[ \t]*(?:Chief[ \t]+)?(?:United[ \t]+States|U\.S\.)[ \t]+(?:District|Magistrate|Bankruptcy|Circuit)[ \t]+Judge", re.I),
    re.compile(r"(?m)^[ \t]*(?P<name>[A-Z][A-Z'’-]+),[ \t]+(?:Chief[ \t]+)?(?:U\.S\.[ \t]+)?(?:DISTRICT|MAGISTRATE|CIRCUIT|SENIOR)[ \t]+(?:DISTRICT[ \t]+)?JUDGE\b"),
]


def find_judge(text: str) -> tuple[int, int, str] | None:
    """The judge who presides or signs: ``(start_char, end_char, name)`` or None."""
    for pat in JUDGE_LINE:
        m = pat.search(text)
        if m:
            name = " ".join(m.group("name").split())
            name = re.sub(r"\s*,?\s*(?:Judge|JUDGE|Interpreter|Deputy|Courtroom|Court)\b.*$", "", name)
            if re.search(r"(?i)\b(?:united|states|district|court|judge)\b", name):
                continue
            return m.start("name"), m.start("name") + len(m.group("name").rstrip()), name
    return None


def _docket_of(ctx, head: str) -> str | None:
    """The case's docket number: the first one of the first page, else one from the ECF headers
    ingestion took off the pages (``PageSpan.removed``)."""
    dockets = find_dockets(head)
    if dockets:
        return dockets[0][2]
    source = getattr(ctx, "source", None)
    removed = [r.get("text", "") for p in (source.pages if source else ()) for r in (p.removed or ())
               if r.get("kind") == "ecf_header"]
    for line in removed:
        found = [d for d in find_dockets(line) if DOCKET.fullmatch(d[2])]
        if found:
            return found[0][2]
    return None


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
