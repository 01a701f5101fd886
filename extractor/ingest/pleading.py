"""Court-page furniture: margin line numbers, ECF headers, page numbers, running footers.

Works on the :class:`~extractor.ingest.layout.Line` objects of one page (so it
sees positions), and returns the body lines plus what it removed as
``{"kind", "text"}`` dicts; later stages read the ECF header from there to
find the filing date and docket number. Rules come from the CM/ECF stamp
format and pleading paper (C.D. Cal. L.R. 11-3.2: numbered lines down the
left margin), seen in the corpus and in CASES.md C-08/C-10.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .layout import Line, Segment

# CM/ECF stamp. District: "Case 2:20-cv-01234-ABC Document 45-1 Filed 05/01/20 Page 3 of 12 Page ID #:366"
# (some courts add "USDC Colorado"); appellate: "Case: 20-1507 Document: 00117684624 Page: 2
# Date Filed: 12/22/2020 Entry ID: 6390389", "Appellate Case: 21-800 Document: 0101 Date Filed: ...".
# Anchored at the line start and case-sensitive, so prose citing a document ("in Case 2:20-cv-1,
# Document 12, filed 05/01/20") is not taken for a stamp.
ECF_HEADER = re.compile(
    r"^\s*(?:Appellate\s+|USCA\d*\s+)?(?:Case|CASE):?\s*\S+.{0,80}?\b(?:Document|DOCUMENT|Doc\.?|DOC\.?):?\s*#?\s*[\d-]+"
    r".{0,80}?\b(?:(?:Date\s+)?Filed|FILED):?\s*\d{1,2}/\d{1,2}/\d{2,4}")
# A line that is only a page number: "3", "- 3 -", "Page 3", "Page 3 of 12", "3 of 12", "-ii-".
PAGE_NUMBER = re.compile(r"^\s*(?:[-–—]\s*)?(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s+of\s+\d{1,4})?(?:\s*[-–—])?\s*$", re.I)
_MARGIN_NUMBER = re.compile(r"^\d{1,2}$")
# Share of a page's height (top or bottom) where page numbers and footers sit.
EDGE_BAND = 0.12
# Running heads sit lower (slip opinions leave a wide top margin): the top 20 %, and they must
# repeat on several pages to be taken off.
HEAD_BAND = 0.2


def _leading_word(line: Line) -> tuple[str, int, float, float]:
    """The first word of a line: ``(text, glyph count, x0, x1)``; a word ends at a stream space,
    a gap wider than 0.15 em, or after one OCR word glyph."""
    glyphs = line.segments[0].glyphs
    k = 1
    while (k < len(glyphs) and len(glyphs[k - 1].text) == 1 and not glyphs[k].space_before
           and glyphs[k].x0 - glyphs[k - 1].x1 <= 0.15 * max(min(glyphs[k].size, glyphs[k - 1].size), 1.0)):
        k += 1
    return "".join(g.text for g in glyphs[:k]), k, glyphs[0].x0, glyphs[k - 1].x1


def strip_margin_numbers(lines: list[Line]) -> tuple[list[Line], str | None]:
    """Remove pleading-paper / transcript line numbers down the left margin.

    A margin number is the first word of a line, one or two digits. They count
    as line numbers when at least five of them share one x position (centres
    within 6 pt), lie in the left third of the page, mostly rise top to bottom
    (80 % of neighbours ascending) and the text between the top and bottom bands
    starts to their right (one line in ten may not).

    Returns:
        ``(lines, removed)``: the lines without the numbers (lines left empty are
        dropped) and the numbers removed, joined by spaces (None if none).
    """
    cands = []
    for i, line in enumerate(lines):
        word, k, x0, x1 = _leading_word(line)
        if _MARGIN_NUMBER.match(word) and x1 < line.page_width / 3:
            cands.append((i, word, k, x0, x1))
    if len(cands) < 5:
        return lines, None
    centres = sorted((c[3] + c[4]) / 2 for c in cands)
    mid = centres[len(centres) // 2]
    column = [c for c in cands if abs((c[3] + c[4]) / 2 - mid) <= 6]
    if len(column) < 5:
        return lines, None
    values = [int(c[1]) for c in column]
    rising = sum(b > a for a, b in zip(values, values[1:]))
    if rising < 0.8 * (len(values) - 1):
        return lines, None
    right_edge = max(c[4] for c in column)
    drop = {c[0]: c[2] for c in column}
    out = []
    for i, line in enumerate(lines):
        if i in drop:
            first = line.segments[0].glyphs[drop[i]:]
            rest = ([Segment(first)] if first else []) + line.segments[1:]
            if rest:
                out.append(Line(rest, line.page_width, line.page_height))
        else:
            out.append(line)
    inner = [line for line in out if line.page_height * EDGE_BAND < line.top < line.page_height * (1 - EDGE_BAND)]
    if sum(line.x0 <= right_edge for line in inner) > max(1, len(inner) // 10):
        return lines, None  # running text in the margin column: not pleading paper
    return out, " ".join(str(v) for v in values)


def is_ecf_header(text: str) -> bool:
    """True when ``text`` holds a CM/ECF "Case … Document … Filed mm/dd/yy" stamp."""
    return bool(ECF_HEADER.search(text))


def footer_key(text: str) -> str:
    """The shape of a footer line for spotting repeats across pages: its lower-case words, without
    numbers and punctuation ("258445_7.doc-- COMPLAINT" and "258445_7.doc COMPLAINT - 5" match)."""
    return " ".join(re.findall(r"[a-z]+", text.lower()))


def classify_edges(lines: list[Line], repeated_footers: frozenset[str] = frozenset(),
                   first_page: bool = False) -> tuple[list[Line], list[dict]]:
    """Take the ECF header, page numbers and running footers off one page.

    ECF headers are removed wherever they are (the stamp is sometimes drawn last).
    A page number is removed when it is the first or last upright line of a page
    with more than three lines, anywhere in the bottom band (12 % of the height),
    or in the top band among the first two upright lines. A running footer (or a
    running head, also kind "footer") is a line in :func:`running_places` whose
    :func:`footer_key` is in ``repeated_footers``; heads stay on the first page (its
    caption often repeats as the later pages' head: "UNITED STATES DISTRICT COURT").

    Returns:
        ``(body_lines, removed)`` with removed items ``{"kind", "text"}`` in page order.
    """
    removed: list[dict] = []
    kept: list[Line] = []
    for line in lines:
        if is_ecf_header(line.text):
            removed.append({"kind": "ecf_header", "text": line.text.strip()})
        else:
            kept.append(line)
    upright = [line for line in kept if not line.rotated]
    first = {id(x) for x in upright[:2]}
    ends = {id(x) for x in upright[:1] + upright[-1:]} if len(upright) > 3 else set()
    running = {id(x): place for place, x in running_places(kept) if not (first_page and place == "head")}
    body: list[Line] = []
    for line in kept:
        height = line.page_height or 1.0
        at_top = (line.bottom <= height * EDGE_BAND and id(line) in first) or id(line) in ends
        at_bottom = line.top >= height * (1 - EDGE_BAND)
        text = line.text.strip()
        if not line.rotated and (at_top or at_bottom) and PAGE_NUMBER.match(text):
            removed.append({"kind": "page_number", "text": text})
        elif id(line) in running and f"{running[id(line)]}:{footer_key(text)}" in repeated_footers:
            removed.append({"kind": "footer", "text": text})
        else:
            body.append(line)
    return body, removed


def running_places(lines: list[Line]) -> list[tuple[str, Line]]:
    """Lines where running footers and heads live, tagged "foot" or "head".

    "foot": the bottom band, and sideways text anywhere (margin labels such as "United
    States District Court"); "head": the first two upright lines when they sit in the top 20 %
    (a slip opinion's "4 TARRANT ... v. HERRMANN").
    """
    upright = [x for x in lines if not x.rotated]
    first = {id(x) for x in upright[:2]}
    out = []
    for x in lines:
        if x.rotated or x.top >= x.page_height * (1 - EDGE_BAND):
            out.append(("foot", x))
        elif id(x) in first and x.bottom <= x.page_height * HEAD_BAND:
            out.append(("head", x))
    return out


def repeated_footers(pages_lines: list[list[Line]], min_pages: int = 3, head_share: float = 0.4) -> frozenset[str]:
    """Running footers and heads: ``"foot:" + shape`` / ``"head:" + shape`` (:func:`footer_key`).

    A footer shape must be seen on ``min_pages`` pages (two in documents of four pages or
    fewer): a line with words repeated at the foot of three pages is a running footer even when
    it only runs through an exhibit (an attachment's own confidentiality footer). A head must
    also be on ``head_share`` of all pages, since a page's first line is often body text (a
    transcript's "THE DEFENDANT: That is true." opens three pages). Empty shapes (bare numbers)
    never count.
    """
    if len(pages_lines) < 2:
        return frozenset()
    counts: dict[str, int] = {}
    for lines in pages_lines:
        keys = {f"{place}:{footer_key(line.text)}" for place, line in running_places(lines)
                if len(line.text.strip()) > 2 and footer_key(line.text)}
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    need = 2 if len(pages_lines) <= 4 else min_pages
    return frozenset(k for k, c in counts.items()
                     if c >= need and (k.startswith("foot:") or c >= head_share * len(pages_lines)))


@lru_cache(maxsize=1)
def hyphen_prefixes() -> frozenset[str]:
    """Word parts that keep their hyphen when split across lines ("self-", "well-"), from models/ingest.json."""
    from ..data import load_json

    data = load_json("ingest.json")
    return frozenset(w.lower() for w in data["hyphen_keep_prefixes"])


_HYPHEN_END = re.compile(r"([A-Za-z]{2,})-$")
_WORD_START = re.compile(r"^([a-z][\w'’]*(?:-[\w'’]+)*[.,;:!?)\]]*)\s*")


def join_hyphenated(lines: list[str]) -> list[str]:
    """Join a word split by a line-break hyphen: "exam-" + "ple of" → "example" + "of".

    Only a hyphen at the very end of a line after two or more letters, and only
    when the next line starts with a lower-case letter; "well-known" inside a
    line is untouched, and listed prefixes ("self-", "well-") and compounds that
    continue after the break ("worst-" + "case-scenario") keep their hyphen.
    """
    out = list(lines)
    i = 0
    while i < len(out) - 1:
        m = _HYPHEN_END.search(out[i])
        nxt = out[i + 1].lstrip()
        w = _WORD_START.match(nxt) if m else None
        if m and w and not out[i].endswith("--"):
            first = m.group(1)
            piece = w.group(1)
            # a listed prefix, or a compound that goes on ("worst-" + "case-scenario"), keeps the hyphen
            joiner = "-" if first.lower() in hyphen_prefixes() or "-" in piece else ""
            out[i] = out[i][: m.start(1)] + first + joiner + piece
            rest = nxt[w.end():]
            if rest:
                out[i + 1] = rest
            else:
                del out[i + 1]
                continue
        i += 1
    return out
