"""HTML: visible text only (BeautifulSoup with the standard library parser)."""
from __future__ import annotations

import re

from .clean import normalize_chars, tidy_lines
from .source import SourceText, join_pages
from .text import decode

_INVISIBLE = ["script", "style", "noscript", "template", "head", "svg", "iframe", "object"]
_BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
           "article", "header", "footer", "blockquote", "pre", "dt", "dd", "ul", "ol", "hr", "title"}


def html_to_text(markup: str) -> str:
    """Return the visible text of an HTML page, one block element a line, cells split by tabs→spaces."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(_INVISIBLE):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.name in _BLOCKS:
            tag.insert_before("\n")
            tag.insert_after("\n")
        elif tag.name in ("td", "th"):
            tag.insert_after("  ")
    text = soup.get_text()
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    return text


def read_html(data: bytes) -> SourceText:
    """Read an HTML file as one page of visible text.

    Raises:
        InputError: ``text.decode`` when the bytes cannot be decoded.
    """
    raw, warning = decode(data)
    text, pages = join_pages([tidy_lines(normalize_chars(html_to_text(raw)))])
    return SourceText(text=text, pages=pages, media_type="text/html",
                      warnings=[warning] if warning else [], has_pages=False)
