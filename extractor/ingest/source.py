"""The result of ingestion: one document text plus its page map."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PageSpan:
    """One page of the text: ``text[start_char:end_char]``.

    Attributes:
        number: 1-based page number.
        start_char, end_char: character offsets into the document text (end exclusive).
        ocr: True when the page text came from OCR.
        removed: what cleaning took off the page (ECF header, margin line
            numbers, running footer), as ``{"kind": str, "text": str}`` dicts,
            kept so later stages can read filing dates and docket numbers.
    """

    number: int
    start_char: int
    end_char: int
    ocr: bool = False
    removed: tuple = ()


@dataclass
class SourceText:
    """A file turned into text.

    Attributes:
        text: the whole document text; never edited after ``pages`` is built.
        pages: page map in order; one page for formats without pages.
        media_type: "application/pdf", "text/plain", "text/html", ...
        warnings: ``{"code", "message", "page"}`` dicts for survivable problems.
        metadata: format metadata (PDF info dict: "CreationDate", ...).
        has_pages: False for formats without real pages (text, HTML): facts then get ``page`` null.
        redactions: PDFs only: the opaque boxes over text-like areas (``{"page", "bbox", "text_under"}``,
            FACTS.md 1.1 ``document.redactions``, found by :mod:`.redactions`); None for other formats.
    """

    text: str
    pages: list[PageSpan]
    media_type: str
    warnings: list[dict] = field(default_factory=list)
    metadata: dict = field(default_factory=dict)
    has_pages: bool = True
    redactions: list | None = None

    def page_of(self, char: int) -> int | None:
        """Return the 1-based page holding character offset ``char``, or None without pages."""
        if not self.has_pages or not self.pages:
            return None
        lo, hi = 0, len(self.pages) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.pages[mid].start_char <= char:
                lo = mid
            else:
                hi = mid - 1
        return self.pages[lo].number


# Characters that end a sentence (with closing quotes and brackets after them).
_SENTENCE_END = ".?!:;\"”’)]"


def page_continues(previous: str, following: str) -> bool:
    """True when ``previous`` page text stops mid-sentence and ``following`` goes on with it.

    Rule: the previous page's last character is not sentence-final punctuation
    (``. ? ! : ;`` or a closing quote/bracket) and the next page starts with a letter.
    """
    prev, nxt = previous.rstrip(), following.lstrip()
    return bool(prev) and bool(nxt) and prev[-1] not in _SENTENCE_END and nxt[0].isalpha()


def join_pages(page_texts: list[str], ocr_flags: list[bool] | None = None,
               removed: list[tuple] | None = None, separator: str = "\n\n",
               continuation: str = "\n") -> tuple[str, list[PageSpan]]:
    """Join cleaned page texts into one text and build the page map.

    Args:
        page_texts: cleaned text of each page, in order (page 1 first).
        ocr_flags: per page, whether OCR produced it.
        removed: per page, what cleaning removed.
        separator: put between pages; belongs to no page. A blank line, which the
            sentence splitter treats as a break.
        continuation: put instead of ``separator`` when a sentence runs on to the next
            page (:func:`page_continues`), so it stays one sentence (CASES.md C-10).
    Returns:
        ``(text, pages)`` where ``text[p.start_char:p.end_char] == page_texts[p.number - 1]``.
    """
    parts: list[str] = []
    pages: list[PageSpan] = []
    pos = 0
    for i, page_text in enumerate(page_texts):
        if i:
            sep = continuation if page_continues(page_texts[i - 1], page_text) else separator
            parts.append(sep)
            pos += len(sep)
        pages.append(PageSpan(
            number=i + 1, start_char=pos, end_char=pos + len(page_text),
            ocr=bool(ocr_flags[i]) if ocr_flags else False,
            removed=removed[i] if removed else (),
        ))
        parts.append(page_text)
        pos += len(page_text)
    return "".join(parts), pages
