"""PDF to text with a page map, page by page (pdfplumber)."""
from __future__ import annotations

import io
import logging

from ..errors import InputError
from .clean import normalize_chars, tidy_lines
from .source import SourceText, join_pages

logging.getLogger("pdfminer").setLevel(logging.ERROR)


def _open(data: bytes):
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    start = data.find(b"%PDF")
    if start < 0:
        raise InputError("pdf.corrupt", "The file is not a PDF (no %PDF header).")
    if start:
        data = data[start:]  # stray bytes before the header: readers accept them, pdfminer does not
    try:
        return pdfplumber.open(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise InputError("pdf.encrypted") from exc
    except Exception as exc:  # pdfminer raises many types for damaged files
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise InputError("pdf.encrypted") from exc
        raise InputError("pdf.corrupt", f"The PDF is damaged or truncated ({type(exc).__name__}).") from exc


def page_text(page) -> str:
    """Return the cleaned text of one pdfplumber page (layout-free reading order)."""
    return tidy_lines(normalize_chars(page.extract_text(x_tolerance=1.5, y_tolerance=3) or ""))


def read_pdf(data: bytes, *, max_pages: int) -> SourceText:
    """Read a PDF's text layer page by page.

    Args:
        data: the file's bytes.
        max_pages: a document with more pages raises ``input.too_many_pages``.
    Returns:
        A :class:`SourceText`; a page with no text gets a ``pdf.no_text_layer`` warning.
    Raises:
        InputError: ``pdf.encrypted``, ``pdf.corrupt``, ``input.too_many_pages``.
    """
    pdf = _open(data)
    texts: list[str] = []
    warnings: list[dict] = []
    try:
        try:
            n_pages = len(pdf.pages)
        except Exception as exc:
            raise InputError("pdf.corrupt", f"The PDF's page tree is damaged ({type(exc).__name__}).") from exc
        if n_pages == 0:
            raise InputError("pdf.corrupt", "The PDF has no pages.")
        if n_pages > max_pages:
            raise InputError("input.too_many_pages", f"The PDF has {n_pages} pages; the limit is {max_pages}.")
        for number, page in enumerate(pdf.pages, start=1):
            try:
                text = page_text(page)
            except Exception as exc:
                text = ""
                warnings.append({"code": "pdf.page_error", "message": f"Page {number} could not be read ({type(exc).__name__}).", "page": number})
            finally:
                page.close()
            if not text.strip():
                warnings.append({"code": "pdf.no_text_layer", "message": f"Page {number} has no text layer.", "page": number})
            texts.append(text)
        metadata = dict(pdf.metadata or {})
    finally:
        pdf.close()
    text, pages = join_pages(texts)
    return SourceText(text=text, pages=pages, media_type="application/pdf", warnings=warnings,
                      metadata={k: str(v) for k, v in metadata.items() if isinstance(v, (str, int, float))})
