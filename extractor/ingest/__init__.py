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
        max_text_bytes: plain-text and HTML files larger than this raise ``input.too_large``
            (20 MiB: a full multi-week trial transcript is about 10 MB of text, and an HTML page
            of 17.6 MB already takes 400 MB in libxml2).
        max_docx_members, max_docx_member, max_docx_total, max_docx_xml: a .docx with more zip
            members (10,000; Word writes about 20), or one member unpacking past 32 MB, or all
            past 256 MB (images included), or its XML parts past 48 MB together, raises
            ``docx.bomb`` (a 1,000-page brief's ``document.xml`` is about 10 MB; python-docx
            parses every XML part into a tree of about 17 bytes a byte: 58 MB of XML took 1 GB
            and 32 s).
        max_pdf_stream, max_pdf_image_stream, max_pdf_streams_total, max_pdf_images_total: a
            stream of a PDF that is no image (a page's content, together if the page has several)
            inflating past 16 MiB, an image stream past 256 MiB, the streams that are no images past
            512 MiB together, or the images past 4 GiB together raise ``pdf.bomb`` (the corpus's
            largest are 1 MB, 25 MB, 2.4 MB and 25 MB; a 600-dpi colour page image is 101 MB;
            pdfium builds a page's objects from its whole content at about 20 bytes a byte: 60 MB
            of operators took 1.2-1.4 GB; 4 GiB of images takes about 8 s to inflate and count).
    """

    max_bytes: int = 200 * 1024 * 1024
    max_pages: int = 2000
    ocr: bool = True
    ocr_page_timeout: float = 300.0
    max_seconds: float | None = 600.0
    max_page_chars: int = 200_000
    show_hidden_text: bool = False
    max_text_bytes: int = 20 * 1024 * 1024
    max_docx_members: int = 10_000
    max_docx_member: int = 32 * 1024 * 1024
    max_docx_total: int = 256 * 1024 * 1024
    max_docx_xml: int = 48 * 1024 * 1024
    max_pdf_stream: int = 16 * 1024 * 1024
    max_pdf_image_stream: int = 256 * 1024 * 1024
    max_pdf_streams_total: int = 512 * 1024 * 1024
    max_pdf_images_total: int = 4 * 1024 * 1024 * 1024


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
            encrypted, corrupt or undecodable input, and past a budget of ``settings``
            (``input.too_large``, ``pdf.bomb``, ``docx.bomb``, ``html.too_deep``).
    """
    settings = settings or IngestSettings()
    if not data:
        raise InputError("input.empty")
    if len(data) > settings.max_bytes:
        raise InputError("input.too_large", f"The file is {len(data) / 1e6:.1f} MB; the limit is {settings.max_bytes / 1e6:.0f} MB.")
    kind = sniff_format(data, name)
    if kind == "pdf":
        from .budget import check_pdf_streams
        from .pdf import read_pdf
        check_pdf_streams(data, max_stream=settings.max_pdf_stream, max_image_stream=settings.max_pdf_image_stream,
                          max_total=settings.max_pdf_streams_total, max_images_total=settings.max_pdf_images_total)
        return read_pdf(data, max_pages=settings.max_pages, ocr=settings.ocr,
                        ocr_timeout=settings.ocr_page_timeout, max_seconds=settings.max_seconds,
                        max_page_chars=settings.max_page_chars, show_hidden_text=settings.show_hidden_text)
    if kind == "docx":
        from .budget import check_zip
        from .docx import read_docx
        check_zip(data, max_members=settings.max_docx_members, max_member=settings.max_docx_member,
                  max_total=settings.max_docx_total, max_xml=settings.max_docx_xml)
        return read_docx(data)
    if len(data) > settings.max_text_bytes:
        raise InputError("input.too_large", f"The {kind} file is {len(data) / (1 << 20):.1f} MiB; the limit for text and "
                                            f"HTML is {settings.max_text_bytes / (1 << 20):.0f} MiB.")
    if kind == "html":
        from .html import read_html
        return read_html(data)
    from .text import read_text
    return read_text(data)


def read_file(path: str | os.PathLike, settings: IngestSettings | None = None) -> tuple[SourceText, bytes]:
    """Read a file from disk; returns ``(source_text, raw_bytes)`` (the bytes give the document id).

    Only regular files are read: the path is checked before it is opened (opening a device can
    act on it), opened without blocking (a FIFO put in its place would wait for a writer) and
    checked again; at most ``settings.max_bytes + 1`` bytes are read (a file that grows while read).

    Raises:
        InputError: ``input.not_found``, ``input.not_a_file`` (a folder, FIFO, socket or device),
            ``input.too_large``, ``input.unreadable`` (permissions, I/O errors) and those of
            :func:`read_bytes`.
    """
    settings = settings or IngestSettings()
    p = Path(path)
    try:
        _check_regular(p.stat())
        fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError as exc:
        raise InputError("input.not_found", f"No such file: {p}") from exc
    except OSError as exc:
        raise InputError("input.unreadable", f"The file could not be read ({exc.strerror}).") from exc
    with os.fdopen(fd, "rb") as f:
        try:
            st = os.fstat(f.fileno())
            _check_regular(st)
            if st.st_size > settings.max_bytes:
                raise InputError("input.too_large", f"The file is {st.st_size / 1e6:.1f} MB; the limit is {settings.max_bytes / 1e6:.0f} MB.")
            data = f.read(settings.max_bytes + 1)
        except OSError as exc:
            raise InputError("input.unreadable", f"The file could not be read ({exc.strerror}).") from exc
    if len(data) > settings.max_bytes:
        raise InputError("input.too_large", f"The file grew past the limit of {settings.max_bytes / 1e6:.0f} MB while it was read.")
    return read_bytes(data, p.name, settings), data


def _check_regular(st: os.stat_result) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise InputError("input.not_a_file", "This is a folder, not a file.")
    if not stat.S_ISREG(st.st_mode):
        # a FIFO would block forever and /dev/zero never ends: only regular files are read
        raise InputError("input.not_a_file", "This is not a regular file (a pipe, socket or device).")
