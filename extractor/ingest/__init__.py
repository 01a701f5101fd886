"""File → :class:`SourceText` (text plus page map). One module per format.

``read_file(path)`` and ``read_bytes(data, name)`` sniff the format from the
bytes first and the file name second, then call the format's reader.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .source import PageSpan, SourceText

__all__ = ["IngestSettings", "PageSpan", "SourceText", "read_bytes", "read_file", "sniff_format"]

TEXT_SUFFIXES = {".txt", ".text", ".md", ".csv"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclass(frozen=True)
class IngestSettings:
    """Limits and switches for reading one file.

    Attributes:
        max_bytes: larger files raise ``input.too_large`` (200 MB: the largest ordinary
            filing, a full trial transcript with exhibits, stays under it).
        max_pages: PDFs with more pages raise ``input.too_many_pages`` (2,000 pages).
        ocr: OCR pages without a usable text layer when Tesseract is installed (on by default;
            the CLI's ``--no-ocr`` passes False).
        ocr_page_timeout: seconds Tesseract may spend on one page (300 s: a page takes about 5 s of
            CPU, but a loaded machine stretches that many times).
        max_seconds: time budget for one PDF, checked between pages (600 s): past it OCR stops
            for the remaining pages (warning ``ocr.time_limit``), past twice it the file raises
            ``input.timeout``, so a batch never waits on one file for long.
        max_page_chars: characters read from one page's text layer at most (200,000;
            a dense page has about 5,000).
        show_hidden_text: keep the words under failed redactions in the text (the CLI's
            ``--show-hidden-text``); by default each of their characters is "█" (FACTS.md 1.1).
    """

    max_bytes: int = 200 * 1024 * 1024
    max_pages: int = 2000
    ocr: bool = True
    ocr_page_timeout: float = 300.0
    max_seconds: float | None = 600.0
    max_page_chars: int = 200_000
    show_hidden_text: bool = False


def sniff_format(data: bytes, name: str = "") -> str:
    """Return "pdf", "docx", "html" or "text" for the bytes.

    Raises:
        InputError: ``input.unsupported_format`` for anything else (images, zip, binaries).
    """
    head = data[:1024]
    suffix = Path(name).suffix.lower()
    if b"%PDF" in head:
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        if b"word/" in data[:200_000] or suffix == ".docx":
            return "docx"
        raise InputError("input.unsupported_format", "Unsupported format: a zip archive is not a document.")
    if suffix == ".pdf":
        raise InputError("pdf.corrupt", "The file is named .pdf but is not a PDF (no %PDF header).")
    lowered = head.lower()
    if suffix in HTML_SUFFIXES or b"<html" in lowered or b"<!doctype html" in lowered:
        return "html"
    if suffix in TEXT_SUFFIXES or suffix == "" or _looks_textual(head):
        if _looks_textual(head):
            return "text"
    raise InputError("input.unsupported_format", f"Unsupported format ({suffix or 'unknown type'}): only PDF, plain text, HTML and Word (.docx) files are read.")


def _looks_textual(head: bytes) -> bool:
    if not head:
        return True
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(head):
        return True
    if b"\x00" in head and not (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")):
        return False
    binary = sum(1 for b in head if b < 9 or 13 < b < 32)
    return binary <= len(head) // 50


def _utf16_without_bom(head: bytes) -> bool:
    """UTF-16 text without a byte-order mark: ASCII letters leave every other byte NUL."""
    if len(head) < 16:
        return False
    even, odd = head[0::2], head[1::2]
    return even.count(0) > 0.8 * len(even) or odd.count(0) > 0.8 * len(odd)


def read_bytes(data: bytes, name: str = "", settings: IngestSettings | None = None) -> SourceText:
    """Turn a file's bytes into text with a page map.

    Args:
        data: the whole file.
        name: the file name (used only to help sniff the format).
        settings: byte and page limits.
    Raises:
        InputError: with a stable ``code`` for empty, too large, unsupported,
            encrypted, corrupt or undecodable input.
    """
    settings = settings or IngestSettings()
    if not data:
        raise InputError("input.empty")
    if len(data) > settings.max_bytes:
        raise InputError("input.too_large", f"The file is {len(data) / 1e6:.1f} MB; the limit is {settings.max_bytes / 1e6:.0f} MB.")
    kind = sniff_format(data, name)
    if kind == "pdf":
        from .pdf import read_pdf
        return read_pdf(data, max_pages=settings.max_pages, ocr=settings.ocr,
                        ocr_timeout=settings.ocr_page_timeout, max_seconds=settings.max_seconds,
                        max_page_chars=settings.max_page_chars, show_hidden_text=settings.show_hidden_text)
    if kind == "docx":
        from .docx import read_docx
        return read_docx(data)
    if kind == "html":
        from .html import read_html
        return read_html(data)
    from .text import read_text
    return read_text(data)


def read_file(path: str | os.PathLike, settings: IngestSettings | None = None) -> tuple[SourceText, bytes]:
    """Read a file from disk; returns ``(source_text, raw_bytes)`` (the bytes give the document id).

    Raises:
        InputError: ``input.not_found``, ``input.too_large``, ``input.unreadable`` (also for a folder, a pipe or
            a device: only regular files are read) and those of :func:`read_bytes`.
    """
    settings = settings or IngestSettings()
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError as exc:
        raise InputError("input.not_found", f"No such file: {p}") from exc
    except OSError as exc:
        raise InputError("input.unreadable", f"The file could not be read ({exc.strerror}).") from exc
    if stat.S_ISDIR(st.st_mode):
        raise InputError("input.unreadable", "This is a folder, not a file.")
    if not stat.S_ISREG(st.st_mode):
        # a FIFO would block forever and /dev/zero never ends: only regular files are read
        raise InputError("input.unreadable", "This is not a regular file (a pipe, socket or device).")
    size = st.st_size
    if size > settings.max_bytes:
        raise InputError("input.too_large", f"The file is {size / 1e6:.1f} MB; the limit is {settings.max_bytes / 1e6:.0f} MB.")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError("input.unreadable", f"The file could not be read ({exc.strerror}).") from exc
    return read_bytes(data, p.name, settings), data
