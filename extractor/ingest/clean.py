"""Character-level cleaning applied to each page before the pages are joined.

Nothing here runs after the page map exists, so offsets stay true.
"""
from __future__ import annotations

import re

# Typographic ligatures (Unicode "Alphabetic Presentation Forms" block, U+FB00–FB06).
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
             "\ufb05": "st", "\ufb06": "st"}
# Characters dropped: NUL, soft hyphen, zero-width space/joiners, BOM.
DROPPED = "\x00\u00ad\u200b\u200c\u200d\ufeff"
# Characters turned into a plain space: no-break spaces, other Unicode spaces, tab.
SPACES = "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000\t\x0b"

_TABLE = str.maketrans({**LIGATURES, **{c: None for c in DROPPED}, **{c: " " for c in SPACES}})
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")
# A lone UTF-16 surrogate (pdfium reports one for a damaged or odd font map) cannot be written as
# UTF-8: it becomes U+FFFD, one character for one.
_SURROGATE = re.compile("[\ud800-\udfff]")


def normalize_chars(text: str) -> str:
    """Normalize what would break offsets or NLP.

    Line ends become ``\\n`` (``\\r\\n``, ``\\r``, form feed, U+2028/2029),
    ligatures are expanded ("ﬁ" → "fi"), soft hyphens, NUL and zero-width
    characters are dropped, odd spaces become " ", other C0 controls are
    dropped, lone surrogates become U+FFFD. Returns the cleaned string.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _SURROGATE.sub("\ufffd", text.translate(_TABLE))
    return _CONTROL.sub("", text)


def tidy_lines(text: str) -> str:
    """Strip trailing spaces on each line and collapse three or more newlines to two."""
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")
