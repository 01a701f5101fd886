"""What every fact extractor reads: the text, its page map, the spaCy ``Doc``
and the document-level findings (anchor date, case, parties found so far).

Converting a character span into a fact happens in one place,
:meth:`DocContext.make_fact`, which fills ``text``, ``page`` and ``sentence``.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..ingest.source import SourceText


@dataclass
class DocContext:
    """One document on its way to facts.

    Attributes:
        source: the ingested text and page map.
        doc: the spaCy ``Doc`` of ``source.text``.
        anchor_date: the date relative expressions resolve against, or None.
        anchor_date_source: "user", "text", "metadata" or None.
        kind: document kind ("order", "news", ...; see FACTS.md).
        case: ``{"caption", "court", "docket_number", "judge"}``.
        reserved: ``(start_char, end_char, label)`` spans other extractors must
            not read numbers or dates from (citations, docket numbers, ECF headers).
        parties: party facts, filled before orders and quotes run.
    """

    source: SourceText
    doc: Doc
    anchor_date: dt.date | None = None
    anchor_date_source: str | None = None
    kind: str = "other"
    case: dict = field(default_factory=dict)
    reserved: list[tuple[int, int, str]] = field(default_factory=list)
    parties: list[dict] = field(default_factory=list)
    _sent_starts: list[int] = field(default_factory=list, repr=False)
    _sents: list[Span] = field(default_factory=list, repr=False)
    _reserved_index: tuple = field(default=(0, [], [], []), repr=False)

    def __post_init__(self):
        self._sents = list(self.doc.sents)
        self._sent_starts = [s.start_char for s in self._sents]

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def sents(self) -> list[Span]:
        """The sentences of the ``Doc``, in order."""
        return self._sents

    def sentence_at(self, char: int) -> Span:
        """Return the sentence ``Span`` holding character offset ``char`` (0-based)."""
        i = max(0, bisect.bisect_right(self._sent_starts, char) - 1)
        return self._sents[i]

    def span(self, start: int, end: int) -> Span | None:
        """``doc.char_span`` with ``alignment_mode="expand"``; None when it cannot align."""
        return self.doc.char_span(start, end, alignment_mode="expand")

    def is_reserved(self, start: int, end: int, labels: tuple[str, ...] | None = None) -> bool:
        """True when ``[start, end)`` overlaps a reserved span (of one of ``labels``, if given).

        Reads a start-sorted index of the reserved spans with the running maximum of their ends (rebuilt
        when spans were added), so a query costs a bisection plus the spans that overlap it.
        """
        if self._reserved_index[0] != len(self.reserved):
            spans = sorted(self.reserved)
            ends, top = [], -1
            for _, e, _ in spans:
                top = max(top, e)
                ends.append(top)
            self._reserved_index = (len(self.reserved), [s for s, _, _ in spans], ends, spans)
        _, starts, max_ends, spans = self._reserved_index
        i = bisect.bisect_left(starts, end) - 1
        while i >= 0 and max_ends[i] > start:
            s, e, lab = spans[i]
            if e > start and (labels is None or lab in labels):
                return True
            i -= 1
        return False

    def reserve(self, start: int, end: int, label: str) -> None:
        """Mark ``[start, end)`` as owned by ``label`` ("citation", "docket", ...)."""
        self.reserved.append((start, end, label))

    def make_fact(self, type_: str, start: int, end: int, method: str, confidence: float = 0.8, **fields) -> dict:
        """Build one fact dict with the fields every fact has.

        Args:
            type_: "party", "date", ... (FACTS.md).
            start, end: character offsets into ``self.text`` (end exclusive);
                surrounding whitespace is trimmed off.
            method: the rule or model id that produced it.
            confidence: 0..1.
            **fields: the type-specific fields.
        Returns:
            A dict ready for :class:`extractor.schema.Result` (``id`` is set later).
        Raises:
            ValueError: for an empty or out-of-range span (a programming error).
        """
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if not 0 <= start < end <= len(text):
            raise ValueError(f"bad fact span {start}:{end}")
        sent = self.sentence_at(start)
        s_start, s_end = min(sent.start_char, start), max(sent.end_char, end)
        return {
            "type": type_,
            "text": text[start:end],
            "start_char": start,
            "end_char": end,
            "page": self.source.page_of(start),
            "sentence": {"text": text[s_start:s_end], "start_char": s_start, "end_char": s_end},
            "confidence": round(float(confidence), 3),
            "method": method,
            **fields,
        }
