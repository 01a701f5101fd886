"""Character boxes → text lines in reading order, for any PDF backend.

A backend (pdfium, pdfplumber, Tesseract) gives :class:`Glyph` boxes in
top-down page coordinates (points, origin top-left). This module turns them
into :class:`Line` objects: it undoes page/text rotation, groups glyphs into
lines by vertical overlap, splits lines at wide gaps into segments, and reads
two-column bands left column first. Nothing here knows about courts; the
pleading-paper rules live in :mod:`extractor.ingest.pleading`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple
from statistics import median


class Glyph(NamedTuple):
    """One character (or one OCR word) with its box.

    Attributes:
        text: the character(s); whitespace glyphs are ignored (spaces are rebuilt from gaps).
        x0, top, x1, bottom: box in points, top-down coordinates.
        size: font size in points (box height when unknown).
        angle: text direction in degrees counter-clockwise, rounded to 0/90/180/270.
        space_before: the PDF (or pdfium) put a space or line break right before this glyph
            in the content stream: a word starts here whatever the gap.
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    angle: int = 0
    space_before: bool = False


@dataclass
class Segment:
    """A run of glyphs on one line with no wide gap inside (a word group, a column's line part).

    Geometry and text are computed once, on first use: do not change ``glyphs`` afterwards.
    """

    glyphs: list[Glyph] = field(default_factory=list)

    @cached_property
    def x0(self) -> float:
        return self.glyphs[0].x0

    @cached_property
    def x1(self) -> float:
        return max(g.x1 for g in self.glyphs)

    @cached_property
    def top(self) -> float:
        return min(g.top for g in self.glyphs)

    @cached_property
    def bottom(self) -> float:
        return max(g.bottom for g in self.glyphs)

    @cached_property
    def text(self) -> str:
        return glyphs_text(self.glyphs)


@dataclass
class Line:
    """One text line: segments left to right.

    Attributes:
        segments: the parts of the line, sorted by x.
        page_width, page_height: size of the (unrotated-for-reading) page, points.
        rotated: the line runs in another direction than most of the page (a sideways stamp or label).
    """

    segments: list[Segment]
    page_width: float
    page_height: float
    rotated: bool = False

    @cached_property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)

    @cached_property
    def x0(self) -> float:
        return self.segments[0].x0

    @cached_property
    def x1(self) -> float:
        return max(s.x1 for s in self.segments)

    @cached_property
    def top(self) -> float:
        return min(s.top for s in self.segments)

    @cached_property
    def bottom(self) -> float:
        return max(s.bottom for s in self.segments)

    @cached_property
    def size(self) -> float:
        return median(g.size for s in self.segments for g in s.glyphs)


@dataclass(frozen=True, slots=True)
class FlatLine:
    """A finished line without its glyphs (what the cross-page pass needs), so a long document
    keeps a few numbers per line instead of a box per character."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page_width: float
    page_height: float
    rotated: bool = False


def flatten(line: Line) -> FlatLine:
    """Drop the glyphs of a finished line (see :class:`FlatLine`)."""
    return FlatLine(line.text, line.x0, line.x1, line.top, line.bottom, line.page_width, line.page_height, line.rotated)


def glyphs_text(glyphs: list[Glyph]) -> str:
    """Join glyphs sorted by x, putting one space where the content stream had one
    (``space_before``), where the gap is wider than 0.15 × font size, and always between
    multi-character glyphs (OCR words).

    The 0.15 em threshold sits between letter spacing (< 0.1 em in court fonts)
    and the narrowest word space (about 0.25 em in Times).
    """
    out: list[str] = []
    prev: Glyph | None = None
    for g in glyphs:
        if prev is not None:
            size = g.size if g.size < prev.size else prev.size
            if (g.space_before or len(g.text) > 1 or len(prev.text) > 1
                    or g.x0 - prev.x1 > 0.15 * (size if size > 1.0 else 1.0)):
                out.append(" ")  # multi-character glyphs are OCR words: always spaced
        out.append(g.text)
        prev = g
    return "".join(out)


def _rotate(g: Glyph, angle: int, width: float, height: float) -> Glyph:
    """Map a glyph into the frame where text of direction ``angle`` reads left to right."""
    if angle == 90:  # text runs up the page: reading x = distance from the bottom
        return Glyph(g.text, height - g.bottom, g.x0, height - g.top, g.x1, g.size, 0, g.space_before)
    if angle == 180:
        return Glyph(g.text, width - g.x1, height - g.bottom, width - g.x0, height - g.top, g.size, 0, g.space_before)
    if angle == 270:  # text runs down the page
        return Glyph(g.text, g.top, width - g.x1, g.bottom, width - g.x0, g.size, 0, g.space_before)
    return g


def glyphs_to_lines(glyphs: list[Glyph], width: float, height: float) -> list[Line]:
    """Group glyphs into lines in reading order.

    Glyphs are grouped by direction; the dominant direction is read first (turned
    upright, so rotated pages and sideways tables read normally), then any other
    direction (a sideways stamp) after it.

    Args:
        glyphs: boxes in top-down page coordinates (points).
        width, height: page size in points.
    Returns:
        Lines top to bottom (call :func:`order_columns` after removing margin numbers
        to read two-column bands left column first).
    """
    by_angle: dict[int, list[Glyph]] = {}
    for g in glyphs:
        if not g.text.isspace():
            by_angle.setdefault(g.angle % 360, []).append(g)
    lines: list[Line] = []
    for k, angle in enumerate(sorted(by_angle, key=lambda a: -len(by_angle[a]))):
        w, h = (height, width) if angle in (90, 270) else (width, height)
        group = by_angle[angle] if angle == 0 else [_rotate(g, angle, width, height) for g in by_angle[angle]]
        for row in _rows(group):
            row.sort(key=lambda g: g.x0)
            lines.append(Line(_split_segments(row), w, h, rotated=k > 0))
    return lines


def rows_to_lines(rows: list[list[Glyph]], width: float, height: float) -> list[Line]:
    """Lines from rows that are already grouped and ordered (Tesseract's lines)."""
    lines = []
    for row in rows:
        row = sorted(row, key=lambda g: g.x0)
        if row:
            lines.append(Line(_split_segments(row), width, height))
    return lines


def _rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Cluster glyphs into rows, top to bottom.

    First pass: glyphs sorted by box bottom join the current row while their bottom is within
    0.3 × size of the row's first glyph (the band never grows, so tightly spaced footnote
    lines stay apart). Second pass: a row of smaller glyphs whose centre lies inside a
    neighbouring row of larger glyphs is merged into it (superscript footnote marks).
    """
    glyphs = sorted(glyphs, key=lambda g: (g.bottom, g.x0))
    rows: list[list[Glyph]] = []
    for g in glyphs:
        if rows:
            first = rows[-1][0]
            if abs(g.bottom - first.bottom) <= 0.3 * min(g.size, first.size):
                rows[-1].append(g)
                continue
        rows.append([g])
    if len(rows) < 2:
        return rows

    def stats(row: list[Glyph]) -> tuple[float, float, float]:
        sizes = sorted(x.size for x in row)
        return min(x.top for x in row), max(x.bottom for x in row), sizes[len(sizes) // 2]

    merged: list[list[Glyph]] = []
    i = 0
    while i < len(rows):
        row = rows[i]
        target = None
        neighbours = []
        if len(row) <= 4:  # only short rows can be superscripts
            top, bottom, size = stats(row)
            centre = (top + bottom) / 2
            neighbours = ([rows[i + 1]] if i + 1 < len(rows) else []) + ([merged[-1]] if merged else [])
        for other in neighbours:
            o_top, o_bottom, o_size = stats(other)
            if size < 0.85 * o_size and o_top <= centre <= o_bottom:
                target = other
                break
        if target is not None:
            target.extend(row)
        else:
            merged.append(row)
        i += 1
    return merged


def _split_segments(row: list[Glyph]) -> list[Segment]:
    """Split a sorted row where the gap exceeds 1.5 × font size (column gutters, margin numbers)."""
    segments = [Segment([row[0]])]
    current = segments[0].glyphs
    for prev, g in zip(row, row[1:]):
        size = g.size if g.size < prev.size else prev.size
        if g.x0 - prev.x1 > 1.5 * (size if size > 4.0 else 4.0):
            current = [g]
            segments.append(Segment(current))
        else:
            current.append(g)
    return segments


# A page with more lines than this is read top to bottom without looking for columns: a dense
# two-column page in 6-point type has about 2 x 110 lines; a damaged file that puts every glyph on
# a line of its own has thousands, and the band search is quadratic in them.
MAX_COLUMN_LINES = 600


def order_columns(lines: list[Line]) -> list[Line]:
    """Read two-column bands left column first.

    A gutter is an x position in the middle half of the page that no segment of a
    line crosses. A band is a run of at least three consecutive lines that all
    have such a gutter at the same place and at least two of which have text on
    both sides (half of them at least), and whose parts fill their column (running text, not a
    table's short cells); inside the band every line is cut at the gutter and the left
    parts are read before the right parts. Full-width lines end a band. Pages of more than
    :data:`MAX_COLUMN_LINES` lines are left in top-down order.
    """
    rotated = [line for line in lines if line.rotated]
    lines = [line for line in lines if not line.rotated]
    if len(lines) < 3 or len(lines) > MAX_COLUMN_LINES or sum(len(line.segments) > 1 for line in lines) < 2:
        return lines + rotated
    width = lines[0].page_width
    candidates = [width * k / 40 for k in range(10, 31)]  # 25 %..75 % of the width

    def free(line: Line, x: float) -> bool:
        return all(not (s.x0 - 2 < x < s.x1 + 2) for s in line.segments)

    def both_sides(line: Line, x: float) -> bool:
        return any(s.x1 < x for s in line.segments) and any(s.x0 > x for s in line.segments)

    # per candidate gutter: where the run of lines free at it that starts at line k ends, and how
    # many lines before k have text on both sides (one pass each: the search stays linear)
    ends, sides = {}, {}
    for x in candidates:
        end = [len(lines)] * (len(lines) + 1)
        for k in range(len(lines) - 1, -1, -1):
            end[k] = end[k + 1] if free(lines[k], x) else k
        count = [0]
        for line in lines:
            count.append(count[-1] + both_sides(line, x))
        ends[x], sides[x] = end, count
    out: list[Line] = []
    i = 0
    while i < len(lines):
        best = None
        for x in candidates:
            j = ends[x][i]
            two = sides[x][j] - sides[x][i]
            if j - i >= 3 and two >= max(2, (j - i) // 2) and (best is None or j > best[1]) and _filled(lines[i:j], x):
                best = (x, j)
        if best is None:
            out.append(lines[i])
            i += 1
            continue
        x, j = best
        left: list[Line] = []
        right: list[Line] = []
        for line in lines[i:j]:
            ls = [s for s in line.segments if s.x1 < x]
            rs = [s for s in line.segments if s.x0 > x]
            if ls:
                left.append(Line(ls, line.page_width, line.page_height))
            if rs:
                right.append(Line(rs, line.page_width, line.page_height))
        out.extend(left + right)
        i = j
    return out + rotated


def _filled(lines: list[Line], x: float) -> bool:
    """True when the parts left and right of ``x`` are running text, not table cells: each part
    is mostly one segment of three or more words, and its median width is at least half its
    column's width."""
    lefts = [[s for s in line.segments if s.x1 < x] for line in lines]
    rights = [[s for s in line.segments if s.x0 > x] for line in lines]
    lefts, rights = [p for p in lefts if p], [p for p in rights if p]
    if not lefts or not rights:
        return False
    for parts in (lefts, rights):
        if median(len(p) for p in parts) > 1 or median(len(" ".join(s.text for s in p).split()) for p in parts) < 3:
            return False
    left_col = x - min(p[0].x0 for p in lefts)
    right_col = max(p[-1].x1 for p in rights) - x
    return (median(p[-1].x1 - p[0].x0 for p in lefts) >= 0.5 * left_col
            and median(p[-1].x1 - p[0].x0 for p in rights) >= 0.5 * right_col)
