"""HTML: visible text only (lxml's HTML parser, libxml2).

libxml2 parses in C in one linear pass and refuses to nest deeper than 256
elements (its limit without ``XML_PARSE_HUGE``); a page past it is
``html.too_deep``. The tree is then walked once, without recursion.
BeautifulSoup, used before, took minutes on 100 KB of nested tags and on a
2 MB page of flat paragraphs (each ``insert_before`` is linear in its siblings).
"""
from __future__ import annotations

import re

from ..errors import InputError
from .clean import normalize_chars, tidy_lines
from .source import SourceText, join_pages
from .text import decode

_INVISIBLE = frozenset(["script", "style", "noscript", "template", "head", "svg", "iframe", "object"])
_BLOCKS = frozenset({"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
                     "article", "header", "footer", "blockquote", "pre", "dt", "dd", "ul", "ol", "hr", "title"})
_CELLS = frozenset({"td", "th"})
# libxml2's message when an element nests deeper than its limit (256 without XML_PARSE_HUGE)
_TOO_DEEP = "Excessive depth"


def html_to_text(markup: str) -> str:
    """Return the visible text of an HTML page, one block element a line, table cells followed by two spaces.

    Comments, processing instructions and the contents of ``script``, ``style``, ``head`` and the
    like are dropped; runs of spaces, tabs and no-break spaces become one space.

    Raises:
        InputError: ``html.too_deep`` when elements nest deeper than libxml2's 256.
    """
    import lxml.etree as etree
    import lxml.html

    # bytes with a fixed encoding: a str with an XML encoding declaration is refused by lxml, and a
    # <meta charset> must not override the decoding already done
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = lxml.html.document_fromstring(markup.encode("utf-8", errors="replace"), parser=parser)
    except etree.ParserError:  # "Document is empty": nothing but whitespace or markup-free junk
        return ""
    if any(_TOO_DEEP in e.message for e in parser.error_log):
        raise InputError("html.too_deep")
    parts: list[str] = []
    in_pre = 0
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _INVISIBLE:
                walker.skip_subtree()
                continue
            in_pre += tag == "pre"
            if tag in _BLOCKS:
                parts.append("\n")
            if element.text and tag:
                parts.append(_string(element.text, in_pre))
        else:
            in_pre -= tag == "pre"
            if tag in _BLOCKS:
                parts.append("\n")
            elif tag in _CELLS:
                parts.append("  ")
            if element.tail:
                parts.append(_string(element.tail, in_pre))
    return re.sub(r"[ \t\u00a0]+", " ", "".join(parts))


def _string(text: str, in_pre: int) -> str:
    """A text node as BeautifulSoup gave it: outside ``pre``, one that is only ASCII whitespace
    becomes "\\n" when it holds a line break, else " " (the old output is kept)."""
    if in_pre or text.strip(" \n\t\f\r"):
        return text
    return "\n" if "\n" in text else " "


def read_html(data: bytes) -> SourceText:
    """Read an HTML file as one page of visible text.

    Raises:
        InputError: ``text.decode`` when the bytes cannot be decoded, ``html.too_deep``.
    """
    raw, warning = decode(data)
    text, pages = join_pages([tidy_lines(normalize_chars(html_to_text(raw)))])
    return SourceText(text=text, pages=pages, media_type="text/html",
                      warnings=[warning] if warning else [], has_pages=False)
