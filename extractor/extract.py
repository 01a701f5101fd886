"""The one way through: file → :class:`SourceText` → spaCy ``Doc`` → facts → result dict."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat

from . import __version__
from .errors import InputError
from .facts import EXTRACTORS, DocContext
from .facts import anchor as anchor_mod
from .facts import caption, kind
from .ingest import IngestSettings, SourceText, read_bytes, read_file
from .pipeline import load_pipeline, pipeline_description
from .schema import SCHEMA_VERSION

FACT_ORDER = ["party", "date", "quantity", "count", "order", "citation", "quote", "identifier"]


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
        InputError: ``input.too_much_text`` when the text is longer than the pipeline's ``max_length``.
    """
    nlp = load_pipeline()
    if len(source.text) > nlp.max_length:
        # spaCy refuses longer texts (E088); until documents are read in pieces (issue 10) it is a coded error
        raise InputError("input.too_much_text", f"The document's text has {len(source.text):,} characters; at most "
                         f"{nlp.max_length:,} are read.")
    doc = nlp(source.text)
    ctx = DocContext(source=source, doc=doc)
    ctx.kind = kind.classify(ctx)
    user_anchor = parse_anchor(anchor_date)
    candidates = anchor_mod.anchor_candidates(ctx)
    found = anchor_mod.find_anchor(ctx, candidates)
    if user_anchor is not None:
        ctx.anchor_date, ctx.anchor_date_source = user_anchor, "user"
    elif found is not None:
        ctx.anchor_date, ctx.anchor_date_source = found
    ctx.case = caption.find_case(ctx)
    facts: list[dict] = []
    for module in EXTRACTORS:
        new = module.extract(ctx)
        if module.__name__.endswith(".parties"):
            ctx.parties = new
        facts.extend(new)
    facts.sort(key=lambda f: (f["start_char"], FACT_ORDER.index(f["type"]), f["end_char"]))
    counters: dict[str, int] = {}
    for fact in facts:
        counters[fact["type"]] = counters.get(fact["type"], 0) + 1
        fact["id"] = f"{fact['type']}-{counters[fact['type']]}"
    document = {
        "id": doc_id,
        "source": source_name,
        "media_type": source.media_type,
        "kind": ctx.kind,
        "anchor_date": ctx.anchor_date.isoformat() if ctx.anchor_date else None,
        "anchor_date_source": ctx.anchor_date_source,
        "anchor_candidates": candidates,
        "pages": [{"number": p.number, "start_char": p.start_char, "end_char": p.end_char, "ocr": p.ocr}
                  for p in source.pages],
        "text_length": len(source.text),
        "case": ctx.case,
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


def extract_bytes(data: bytes, name: str, *, anchor_date=None, include_text: bool = False,
                  settings: IngestSettings | None = None) -> dict:
    """Extract facts from a file's bytes (an upload).

    Raises:
        InputError: when the bytes cannot be read as a document.
    """
    source = read_bytes(data, name, settings)
    return extract_source(source, source_name=name, doc_id=hashlib.sha256(data).hexdigest(),
                          anchor_date=anchor_date, include_text=include_text)


def extract_file(path: str | os.PathLike, *, anchor_date=None, include_text: bool = False,
                 settings: IngestSettings | None = None) -> dict:
    """Extract facts from a file on disk; ``document.source`` is the path as given.

    Raises:
        InputError: when the file cannot be read as a document.
    """
    source, data = read_file(path, settings)
    return extract_source(source, source_name=str(path), doc_id=hashlib.sha256(data).hexdigest(),
                          anchor_date=anchor_date, include_text=include_text)


def extract_text(text: str, *, name: str = "text", anchor_date=None, include_text: bool = False) -> dict:
    """Extract facts from a string (treated as a plain-text file encoded in UTF-8).

    A lone surrogate (a half of a UTF-16 pair, which no UTF-8 text can hold) becomes "?", one
    character for one, so offsets into ``text`` stay those of the result's ``document.text``.
    """
    data = text.encode("utf-8", errors="replace")
    return extract_bytes(data, name, anchor_date=anchor_date, include_text=include_text)


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
