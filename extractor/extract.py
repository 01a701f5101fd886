"""The one way through: file → :class:`SourceText` → spaCy ``Doc`` → facts → result dict."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat

from . import __version__
from .errors import InputError
from .components import annotate, attach_source, facts_from_doc
from .ingest import IngestSettings, SourceText, read_bytes, read_file
from .pipeline import MAX_CHARS, load_pipeline, parse, pipeline_description
from .schema import SCHEMA_VERSION

def parse_anchor(value: str | dt.date | None) -> dt.date | None:
    """Parse a ``YYYY-MM-DD`` anchor date; None passes through.

    Raises:
        ValueError: when the string is not an ISO date.
    """
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def extract_source(source: SourceText, *, source_name: str, doc_id: str,
                   anchor_date: str | dt.date | None = None, include_text: bool = False) -> dict:
    """Run the NLP pipeline and every fact extractor over ingested text.

    Args:
        source: ingested text with its page map.
        source_name: the path or upload name, copied to ``document.source``.
        doc_id: sha256 hex of the input bytes.
        anchor_date: a user-given anchor date (``YYYY-MM-DD``); overrides the text's own.
        include_text: add ``document.text``.
    Returns:
        One result dict in the shape of FACTS.md (validates as :class:`extractor.schema.Result`).
    Raises:
        InputError: ``input.too_much_text`` when the text is longer than
            :data:`extractor.pipeline.MAX_CHARS` (spaCy reads it in pieces, so its ``max_length`` is no limit).
    """
    nlp = load_pipeline()
    if len(source.text) > MAX_CHARS:
        raise InputError("input.too_much_text", f"The document's text has {len(source.text):,} characters; at most "
                         f"{MAX_CHARS:,} are read.")
    user_anchor = parse_anchor(anchor_date)
    doc = parse(nlp, source.text)
    attach_source(doc, source)
    if user_anchor is not None:
        doc._.anchor_date = user_anchor.isoformat()
    doc = annotate(nlp, doc)
    return result_from_doc(doc, source, source_name=source_name, doc_id=doc_id, include_text=include_text)


def result_from_doc(doc, source: SourceText, *, source_name: str, doc_id: str, include_text: bool = False) -> dict:
    """The result dict (FACTS.md) of a ``Doc`` the ``legal_*`` stages have annotated.

    Args:
        doc: the annotated ``Doc`` of ``source.text``.
        source: its ingested source (page map, warnings).
        source_name, doc_id, include_text: as for :func:`extract_source`.
    """
    facts = facts_from_doc(doc)
    document = {
        "id": doc_id,
        "source": source_name,
        "media_type": source.media_type,
        "kind": doc._.document_kind,
        "anchor_date": doc._.anchor_date,
        "anchor_date_source": doc._.anchor_date_source,
        "anchor_candidates": doc._.anchor_candidates,
        "pages": [{"number": p.number, "start_char": p.start_char, "end_char": p.end_char, "ocr": p.ocr}
                  for p in source.pages],
        "text_length": len(source.text),
        "case": doc._.case,
    }
    if getattr(source, "redactions", None) is not None:  # PDFs only (FACTS.md 1.1 document.redactions)
        document["redactions"] = source.redactions
    if include_text:
        document["text"] = source.text
    return {
        "schema_version": SCHEMA_VERSION,
        "document": document,
        "facts": facts,
        "warnings": list(source.warnings),
        "extractor": {"name": "legal-facts-extractor", "version": __version__, "pipeline": pipeline_description()},
    }


def _typed(result: dict, typed: bool):
    """``result`` itself, or as the schema's :class:`extractor.schema.Result` model when ``typed``."""
    if not typed:
        return result
    from .schema import Result

    return Result.model_validate(result)


def extract_bytes(data: bytes, name: str, *, anchor_date=None, include_text: bool = False,
                  settings: IngestSettings | None = None, typed: bool = False):
    """Extract facts from a file's bytes (an upload).

    Returns:
        The result dict (FACTS.md), or with ``typed=True`` the same as an :class:`extractor.schema.Result`.
    Raises:
        InputError: when the bytes cannot be read as a document.
    """
    source = read_bytes(data, name, settings)
    return _typed(extract_source(source, source_name=name, doc_id=hashlib.sha256(data).hexdigest(),
                                 anchor_date=anchor_date, include_text=include_text), typed)


def extract_file(path: str | os.PathLike, *, anchor_date=None, include_text: bool = False,
                 settings: IngestSettings | None = None, typed: bool = False):
    """Extract facts from a file on disk; ``document.source`` is the path as given.

    Returns:
        The result dict (FACTS.md), or with ``typed=True`` the same as an :class:`extractor.schema.Result`
        (``Result.model_validate(result)`` does the same for a dict you already have).
    Raises:
        InputError: when the file cannot be read as a document.
    """
    source, data = read_file(path, settings)
    return _typed(extract_source(source, source_name=str(path), doc_id=hashlib.sha256(data).hexdigest(),
                                 anchor_date=anchor_date, include_text=include_text), typed)


def extract_text(text: str, *, name: str = "text", anchor_date=None, include_text: bool = False, typed: bool = False):
    """Extract facts from a string (treated as a plain-text file encoded in UTF-8).

    A lone surrogate (a half of a UTF-16 pair, which no UTF-8 text can hold) becomes "?", one
    character for one, so offsets into ``text`` stay those of the result's ``document.text``.
    """
    data = text.encode("utf-8", errors="replace")
    return extract_bytes(data, name, anchor_date=anchor_date, include_text=include_text, typed=typed)


def error_result(source_name: str, error: Exception, doc_id: str | None = None) -> dict:
    """The batch line for a file that failed (FACTS.md "Batch output").

    An :class:`InputError` keeps its code and message; any other exception is
    reported as ``extract.failed`` with its type, never as a traceback.
    """
    if isinstance(error, InputError):
        code, message = error.code, error.message
    else:
        code, message = "extract.failed", f"Extraction failed ({type(error).__name__}: {error})"[:500]
    return {"schema_version": SCHEMA_VERSION, "document": {"source": source_name, "id": doc_id},
            "facts": [], "error": {"code": code, "message": message}}


def file_id(path: str | os.PathLike) -> str | None:
    """sha256 hex of a regular file's bytes, read in 1 MiB pieces (a large file is never held whole);
    None for what cannot be read or is no regular file (a pipe would block, /dev/zero never ends)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None
