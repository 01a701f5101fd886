"""The document side of the review desk as HTML: a page's text with every
fact highlighted in its type's colour (displaCy style), or the page image
with every fact boxed. Each mark carries ``data-fact`` (the fact id) so a
click selects the fact; text pieces carry ``data-s`` (their document offset)
so a selection maps back to ``start_char``/``end_char``.
"""
from __future__ import annotations

import hashlib
import html

from .desk import status_of

TYPE_COLOURS = {"party": "#7aecec", "date": "#bfe1d9", "quantity": "#e4e7d2", "count": "#feca74",
                "order": "#ff9561", "citation": "#aa9cfc", "quote": "#c887fb", "identifier": "#ff8197"}


def colour_of(fact_type: str) -> str:
    """The type's colour (displaCy's palette); a type not in :data:`TYPE_COLOURS`
    gets a stable pastel made from its name."""
    if fact_type in TYPE_COLOURS:
        return TYPE_COLOURS[fact_type]
    hue = int(hashlib.sha256(fact_type.encode()).hexdigest()[:4], 16) % 360
    return f"hsl({hue}, 70%, 80%)"


def _esc(s: str) -> str:
    return html.escape(s, quote=True)


def _segments(start: int, end: int, facts: list[dict]) -> list[tuple[int, int, dict | None]]:
    """Split ``[start, end)`` at every fact boundary; each piece gets the shortest
    fact covering it (so a date inside a quote shows as the date)."""
    cuts = {start, end}
    for f in facts:
        cuts.update(c for c in (f["start_char"], f["end_char"]) if start < c < end)
    points = sorted(cuts)
    pieces = []
    for a, b in zip(points, points[1:]):
        cover = [f for f in facts if f["start_char"] <= a and b <= f["end_char"]]
        best = min(cover, key=lambda f: (f["end_char"] - f["start_char"], f["id"])) if cover else None
        if pieces and pieces[-1][2] is best and best is not None:
            pieces[-1] = (pieces[-1][0], b, best)
        else:
            pieces.append((a, b, best))
    return pieces


def text_marks_html(text: str, start: int, end: int, facts: list[dict], current: str | None = None) -> str:
    """``text[start:end]`` as HTML with the facts inside it marked.

    Args:
        text: ``document.text``.
        start, end: the window shown (a page's ``start_char``/``end_char``).
        facts: facts to mark (any type); those outside the window are ignored.
        current: id of the selected fact, marked with class ``current``.
    Returns:
        Escaped HTML: ``<span data-s>`` text pieces, and ``<mark class="fact"
        data-fact data-type data-status>`` around fact pieces, each with its type as a
        small label after the last piece of the fact.
    """
    inside = [f for f in facts if f["start_char"] < end and f["end_char"] > start]
    last_piece: dict[str, int] = {}
    pieces = _segments(start, end, inside)
    for i, (_, _, f) in enumerate(pieces):
        if f is not None:
            last_piece[f["id"]] = i
    out = []
    for i, (a, b, f) in enumerate(pieces):
        piece = f'<span data-s="{a}">{_esc(text[a:b])}</span>'
        if f is None:
            out.append(piece)
            continue
        cls = "fact current" if f["id"] == current else "fact"
        label = (f'<span class="lbl">{_esc(f["type"])}</span>' if last_piece[f["id"]] == i else "")
        out.append(f'<mark class="{cls}" data-fact="{_esc(f["id"])}" data-type="{_esc(f["type"])}" '
                   f'data-status="{_esc(status_of(f))}" style="background:{colour_of(f["type"])}">{piece}{label}</mark>')
    return '<div class="doctext">' + "".join(out) + "</div>"


def page_boxes_html(image_uri: str, width: float, height: float, boxes: dict[str, list],
                    types: dict[str, str], current: str | None = None) -> str:
    """A page image with one absolutely placed box per fact line.

    Args:
        image_uri: the page image (a ``data:`` URI).
        width, height: the page size in PDF points.
        boxes: ``{fact_id: [(x0, top, x1, bottom), ...]}`` in PDF points.
        types: ``{fact_id: type}`` for the colours.
        current: id of the selected fact (class ``current``).
    """
    parts = [f'<div class="docpage"><img src="{image_uri}" alt="page image">']
    for fid, rects in boxes.items():
        colour = colour_of(types.get(fid, ""))
        cls = "box current" if fid == current else "box"
        for x0, top, x1, bottom in rects:
            style = (f"left:{100 * x0 / width:.2f}%;top:{100 * top / height:.2f}%;"
                     f"width:{100 * (x1 - x0) / width:.2f}%;height:{100 * (bottom - top) / height:.2f}%;"
                     f"border-color:{colour};")
            parts.append(f'<div class="{cls}" data-fact="{_esc(fid)}" data-type="{_esc(types.get(fid, ""))}" '
                         f'style="{style}"></div>')
    parts.append("</div>")
    return "".join(parts)


VIEW_CHARS = 12_000  # characters the text view shows at once; a longer page is cut into parts


def view_windows(pages: list[dict], text: str, max_chars: int = VIEW_CHARS) -> list[dict]:
    """The stretches of text the document view shows one at a time: each page,
    with a page longer than ``max_chars`` (or a text without pages) cut into
    parts at a line break, so a 4 MB opinion never goes to the browser whole.

    Args:
        pages: ``document.pages`` (``number``, ``start_char``, ``end_char``); empty for no page map.
        text: ``document.text`` (cuts fall on a line break in the second half of a part when there is one).
    Returns:
        ``[{"page": page number or None, "part": 1.., "parts": n, "start_char", "end_char"}]``
        in text order, covering every page's span.
    """
    spans = pages or [{"number": None, "start_char": 0, "end_char": len(text)}]
    out: list[dict] = []
    for p in spans:
        a, b, parts = p["start_char"], p["end_char"], []
        while b - a > max_chars:
            cut = text.rfind("\n", a + max_chars // 2, a + max_chars)
            cut = cut if cut > a else a + max_chars
            parts.append((a, cut))
            a = cut
        parts.append((a, b))
        out.extend({"page": p["number"], "part": i + 1, "parts": len(parts), "start_char": s, "end_char": e}
                   for i, (s, e) in enumerate(parts))
    return out


def window_of(windows: list[dict], char: int) -> int:
    """The 0-based index of the window holding offset ``char`` (the last one past the end)."""
    for i, w in enumerate(windows):
        if w["start_char"] <= char < w["end_char"]:
            return i
    return max(0, len(windows) - 1)


def marks_in_window(facts: list[dict], start: int, end: int) -> list[dict]:
    """The spans to mark in ``[start, end)``: each fact's own span and, for a
    party, every other place it is named (``mentions``), all carrying the
    fact's id, type and review, so clicking a mention selects its party."""
    out = []
    for f in facts:
        spans = {(f["start_char"], f["end_char"])}
        spans.update((m["start_char"], m["end_char"]) for m in f.get("mentions") or [])
        for a, b in sorted(spans):
            if a < end and b > start:
                out.append(f if (a, b) == (f["start_char"], f["end_char"]) else {**f, "start_char": a, "end_char": b})
    return out
