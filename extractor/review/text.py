"""Text helpers for reviewing: find a span, the sentence or paragraph around
it, the page of an offset, and the sentence as HTML with the fact highlighted.

Offsets are characters into ``document.text``, 0-based and end exclusive;
pages are 1-based.
"""
from __future__ import annotations

import html
import re

PARAGRAPH_MAX = 1200  # characters shown around a fact when its paragraph is longer
_SENT_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“(\[]?[A-Z0-9])|\n\s*\n")


def find_spans(text: str, query: str, limit: int = 50) -> list[tuple[int, int]]:
    """Where ``query`` occurs in ``text``, as ``(start_char, end_char)`` pairs.

    Any run of whitespace in the query matches any run in the text (a PDF
    line break inside a phrase); case-insensitive when no exact-case match exists.
    """
    words = query.split()
    if not words:
        return []
    pattern = r"\s+".join(re.escape(w) for w in words)
    for flags in (0, re.IGNORECASE):
        hits = [(m.start(), m.end()) for m in re.finditer(pattern, text, flags)]
        if hits:
            return hits[:limit]
    return []


def page_of(pages: list[dict], char: int) -> int | None:
    """The 1-based page holding ``char``, or None without a page map."""
    for page in pages:
        if page["start_char"] <= char < page["end_char"]:
            return page["number"]
    return pages[-1]["number"] if pages and char >= pages[-1]["start_char"] else None


def sentence_around(text: str, start_char: int, end_char: int) -> tuple[int, int]:
    """A sentence-like span holding ``[start_char, end_char)``: from the end of
    the previous sentence (. ! ? before a capital, or a blank line) to the end
    of the next one. Used for added facts, where no spaCy parse is at hand."""
    begin = 0
    for m in _SENT_END.finditer(text, 0, start_char):
        begin = m.end()
    m = _SENT_END.search(text, end_char)
    if m is None:
        finish = len(text)
    elif m.group().startswith("\n"):
        finish = m.start()
    else:
        finish = m.start() + len(m.group().rstrip())
    finish = max(finish, end_char)
    while begin < start_char and text[begin].isspace():
        begin += 1
    return begin, finish


def paragraph_around(text: str, start_char: int, end_char: int, max_chars: int = PARAGRAPH_MAX) -> tuple[int, int]:
    """The paragraph (blank-line bounded) holding the span, cut to about
    ``max_chars`` centred on the span when longer."""
    begin = text.rfind("\n\n", 0, start_char)
    begin = 0 if begin < 0 else begin + 2
    finish = text.find("\n\n", end_char)
    finish = len(text) if finish < 0 else finish
    if finish - begin > max_chars:
        half = max(0, (max_chars - (end_char - start_char)) // 2)
        begin = max(begin, start_char - half)
        finish = min(finish, end_char + half)
    return begin, finish


def highlight_html(text: str, start_char: int, end_char: int, base: int = 0, css_class: str = "fact") -> str:
    """``text`` as escaped HTML with ``[start_char, end_char)`` wrapped in ``<mark>``.

    Args:
        text: the sentence or paragraph, which starts at offset ``base`` of the document.
        start_char, end_char: the fact's document offsets; clipped to the text.
        css_class: class of the ``<mark>``.
    Returns:
        Safe HTML: every part of the text is escaped; newlines become spaces.
    """
    lo = min(max(start_char - base, 0), len(text))
    hi = min(max(end_char - base, lo), len(text))

    def esc(s: str) -> str:
        return html.escape(s.replace("\n", " "), quote=True)

    return f'{esc(text[:lo])}<mark class="{css_class}">{esc(text[lo:hi])}</mark>{esc(text[hi:])}'
