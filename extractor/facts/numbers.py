"""Numbers as written: figures ("1,280,000", "1 280 000", "2.5"), words
("thirty-five", "two hundred and thirty million", "a dozen") and scale words
("1.28 million", "$12 K").

Shared by the date and quantity extractors. The vocabularies are data in
``models/quantities_numbers.json`` (loaded once).
"""
from __future__ import annotations

import functools
import re

from ..data import load_json


@functools.lru_cache(maxsize=1)
def vocab() -> dict:
    """Return ``models/quantities_numbers.json``: ``units``, ``tens``, ``scales``, ``ordinals`` (word -> int)."""
    return load_json("quantities_numbers.json")


def _word_alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def word_number_re() -> re.Pattern:
    """A pattern for a number in words: "thirty-five", "two hundred and thirty million",
    "Fifty Thousand", "a hundred", "dozen" (case-insensitive, word-bounded)."""
    v = vocab()
    small = _word_alt(list(v["units"]) + list(v["tens"]))
    scale = _word_alt(v["scales"])
    atom = rf"(?:(?:{small})(?:[-\s](?:{small}))?|(?:{scale}))"
    pat = rf"\b(?:an?\s+(?={scale}\b))?{atom}(?:(?:\s*,\s*|\s+and\s+|[\s-]+){atom})*\b"
    return re.compile(pat, re.IGNORECASE)


def parse_words(text: str) -> float | None:
    """Value of a number in words ("two hundred and thirty million" -> 230000000.0).

    Returns None when a word is not a number word. "a"/"an" count as one
    before a scale word ("a hundred days").
    """
    v = vocab()
    units, tens, scales = v["units"], v["tens"], v["scales"]
    words = [w for w in re.split(r"[\s,-]+", text.lower()) if w and w != "and"]
    if not words:
        return None
    total, current, seen = 0.0, 0.0, False
    for w in words:
        if w in ("a", "an"):
            current = current or 1
            continue
        if w in units:
            current += units[w]
        elif w in tens:
            current += tens[w]
        elif w in scales:
            s = scales[w]
            if s == 12:  # dozen
                current = (current or 1) * 12
            elif s >= 1000:
                total += (current or 1) * s
                current = 0
            else:
                current = (current or 1) * s
        else:
            return None
        seen = True
    return total + current if seen else None


_FIGURE_RE = re.compile(r"^\d{1,3}(?:[,\s\u00a0\u202f]\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$|^\.\d+$")


def parse_figure(text: str) -> float | None:
    """Value of a number in figures ("1,280,000", "1 280 000", "3.67"); None if not one."""
    t = text.strip()
    if not _FIGURE_RE.match(t):
        return None
    return float(re.sub(r"[,\s\u00a0\u202f]", "", t))


def scale_of(word: str | None) -> float:
    """Multiplier of a scale word ("million" -> 1e6, "K" -> 1e3, "bn" -> 1e9); 1 when none."""
    if not word:
        return 1.0
    w = word.lower().rstrip(".")
    return float(vocab()["scale_abbrev"].get(w, vocab()["scales"].get(w, 1)))


def ordinal_value(word: str) -> int | None:
    """Day number of an ordinal ("1st", "twenty-first", "third" -> 3); None if not one."""
    w = word.lower().strip()
    m = re.match(r"^(\d{1,2})(?:st|nd|rd|th)?$", w)
    if m:
        return int(m.group(1))
    return vocab()["ordinals"].get(w.replace(" ", "-"))
