"""PDF to text with a page map, one page at a time.

Text layer: pypdfium2 character boxes (about 10× faster than pdfplumber here;
see bench/bench_ingest.py) → :mod:`.layout` lines → :mod:`.pleading` removes
margin line numbers, ECF headers, page numbers and running footers, kept in
``PageSpan.removed``. A page with no usable text layer is OCRed (:mod:`.ocr`)
when Tesseract is present. pdfplumber is the fallback reader for a document
pdfium cannot open.

Memory is bounded: one page (and at most one page image) is alive at a time;
only the page texts are kept until the pages are joined.
"""
from __future__ import annotations

import ctypes
import logging
import re
import time
from dataclasses import dataclass, field

from ..errors import InputError
from .clean import normalize_chars, tidy_lines
from .layout import FlatLine, Glyph, Line, flatten, glyphs_to_lines, order_columns, rows_to_lines
from .pleading import classify_edges, join_hyphenated, repeated_footers, strip_margin_numbers
from .source import SourceText, join_pages

logging.getLogger("pdfminer").setLevel(logging.ERROR)

# A page whose body has fewer letters and digits than this has "no text layer" (an
# ECF stamp alone on a scan is not a text layer).
MIN_PAGE_CHARS = 20
# Characters pdfium reports for a line-end hyphen it judged soft (U+0002) or unmapped.
_PDFIUM_HYPHENS = {"\x02": "-", "\ufffe": "-"}
_SKIP = frozenset(" \r\n\t\xa0\x00")


def _safe_chr(code: int) -> str:
    try:
        return chr(code)
    except (ValueError, OverflowError):
        return "\x00"


@dataclass
class PageResult:
    """What one page gave: its lines, what was removed, whether OCR made it, warnings."""

    lines: list[FlatLine] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    ocr: bool = False
    warnings: list[dict] = field(default_factory=list)


def _strip_preamble(data: bytes) -> bytes:
    start = data.find(b"%PDF")
    if start < 0:
        raise InputError("pdf.corrupt", "The file is not a PDF (no %PDF header).")
    return data[start:] if start else data  # stray bytes before the header are accepted


def open_pdfium(data: bytes):
    """Open PDF bytes with pypdfium2.

    Raises:
        InputError: ``pdf.encrypted`` (password or unsupported security handler),
            ``pdf.corrupt`` (anything else pdfium refuses).
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        return pdfium.PdfDocument(_strip_preamble(data))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
            raise InputError("pdf.encrypted") from exc
        raise InputError("pdf.corrupt", "The PDF is damaged or truncated and could not be opened.") from exc
    except InputError:
        raise
    except Exception as exc:  # pragma: no cover - pdfium raises PdfiumError for bad files
        raise InputError("pdf.corrupt", f"The PDF could not be opened ({type(exc).__name__}).") from exc


def page_glyphs(page, max_chars: int = 200_000) -> tuple[list[Glyph], float, float]:
    """Character boxes of one pypdfium2 page in top-down points.

    Args:
        page: a ``pypdfium2.PdfPage``.
        max_chars: pages with more characters are cut (a guard against hostile files).
    Returns:
        ``(glyphs, width, height)``; generated characters (pdfium's own spaces and
        line breaks) are skipped, line-end hyphens pdfium reports as U+0002 become "-".
    """
    import pypdfium2.raw as raw

    box = raw.FS_RECTF()
    if raw.FPDF_GetPageBoundingBox(page.raw, box):
        left, bottom, right, top = box.left, box.bottom, box.right, box.top
    else:
        left, bottom, (right, top) = 0.0, 0.0, page.get_size()
    width, height = right - left, top - bottom
    textpage = page.get_textpage()
    glyphs: list[Glyph] = []
    try:
        tp = textpage.raw
        n = min(raw.FPDFText_CountChars(tp), max_chars)
        text = textpage.get_text_range(0, n) if n else ""
        if len(text) != n:  # characters outside the BMP: ask pdfium one character at a time
            text = "".join(_safe_chr(raw.FPDFText_GetUnicode(tp, i)) for i in range(n))
        rect = raw.FS_RECTF()
        rect_ref = ctypes.byref(rect)
        loose_box, char_angle = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetCharAngle
        # pdfium's generated characters are only spaces and line breaks, skipped here with the real ones
        prev: Glyph | None = None
        for i, ch in enumerate(text):
            if ch in _SKIP or not loose_box(tp, i, rect_ref):
                continue
            ch = _PDFIUM_HYPHENS.get(ch, ch)
            x0, x1 = rect.left - left, rect.right - left
            y0, y1 = top - rect.top, top - rect.bottom
            if x1 < x0:
                x0, x1 = x1, x0
            if y1 < y0:
                y0, y1 = y1, y0
            # pdfium measures the angle clockwise in radians; layout wants counter-clockwise degrees.
            # A glyph on the previous glyph's baseline, just right of it, shares its direction.
            if prev is not None and prev.angle == 0 and abs(y1 - prev.bottom) < 0.5 and prev.x0 <= x0 <= prev.x1 + 3 * prev.size:
                angle = 0
            else:
                angle = (360 - int(round(char_angle(tp, i) * 57.29577951308232 / 90.0)) % 4 * 90) % 360
            size = (x1 - x0) if angle in (90, 270) else (y1 - y0)
            prev = Glyph(ch, x0, y0, x1, y1, max(size, 1.0), angle)
            glyphs.append(prev)
    finally:
        textpage.close()
    return glyphs, width, height


def has_image(page) -> bool:
    """True when the page draws an image or a form XObject (which may hold one): only such pages can be scans."""
    import pypdfium2.raw as raw

    try:
        count = raw.FPDFPage_CountObjects(page.raw)
        for i in range(min(count, 10_000)):
            kind = raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page.raw, i))
            if kind in (raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_FORM):
                return True
    except Exception:
        return True
    return False


def _alnum(lines: list[Line]) -> int:
    return sum(sum(map(str.isalnum, line.text)) for line in lines)


_WORDLIKE = re.compile(r"^[(\[\"'“‘]?(?:[A-Za-z][a-z]*|[A-Z]+)(?:['’-][A-Za-z]+)*[.,;:)\]\"'”’!?]*$|^[\d$%.,:/()§-]+$")


def looks_garbled(text: str) -> bool:
    """True when a text layer is mostly garbage (a bad OCR layer or unmapped glyphs).

    Rule: at least 20 tokens, and fewer than 45 % of them are word-like (lower case,
    Capitalized or ALL-CAPS words with their punctuation, or numbers); or more than 10 % of the
    characters are U+FFFD or private-use code points.
    """
    if not text:
        return False
    bad = sum(1 for ch in text if ch == "\ufffd" or "\ue000" <= ch <= "\uf8ff")
    if bad > 0.1 * len(text):
        return True
    tokens = text.split()
    if len(tokens) < 20:
        return False
    good = sum(1 for t in tokens if _WORDLIKE.match(t))
    return good < 0.45 * len(tokens)


def read_page(page, number: int, *, ocr: bool, ocr_timeout: float, max_chars: int) -> PageResult:
    """Read one pdfium page: text layer, furniture split off, OCR when the layer is empty or garbage
    and the page draws an image (a page that is blank or has a few words and no image is not a scan).

    Args:
        page: a ``pypdfium2.PdfPage``.
        number: 1-based page number (for warnings).
        ocr: whether OCR may run.
        ocr_timeout: seconds Tesseract may take on the page.
        max_chars: character cap for the text layer.
    Returns:
        A :class:`PageResult` (lines not yet cleaned of running footers).
    """
    from . import ocr as ocr_mod

    result = PageResult()
    glyphs, width, height = page_glyphs(page, max_chars)
    lines = glyphs_to_lines(glyphs, width, height)
    lines, numbers = strip_margin_numbers(lines)
    lines = order_columns(lines)
    body, removed = classify_edges(lines)
    if numbers:
        removed.append({"kind": "line_numbers", "text": numbers})
    weak = _alnum(body) < MIN_PAGE_CHARS or looks_garbled(" ".join(line.text for line in body))
    scan = weak and has_image(page)
    needs_ocr = scan
    if needs_ocr and ocr and ocr_mod.available():
        try:
            rows, w, h = ocr_mod.ocr_page(page, timeout=ocr_timeout)
        except ocr_mod.OcrError as exc:
            result.warnings.append({"code": "ocr.failed", "message": f"OCR failed on page {number} ({exc}).", "page": number})
        else:
            o_lines = rows_to_lines(rows, w, h)  # Tesseract already ordered blocks and columns
            o_lines, o_numbers = strip_margin_numbers(o_lines)
            o_body, o_removed = classify_edges(o_lines)
            if _alnum(o_body) >= _alnum(body):
                has_header = any(r["kind"] == "ecf_header" for r in removed)
                removed = [r for r in removed if r["kind"] == "ecf_header"] + [
                    r for r in o_removed if not (has_header and r["kind"] == "ecf_header")]
                if o_numbers:
                    removed.append({"kind": "line_numbers", "text": o_numbers})
                lines, body, result.ocr = o_lines, o_body, True
    if _alnum(body) == 0 and not result.ocr:
        if not scan:
            reason = "has no text"
        elif not ocr:
            reason = "has no text layer (OCR is off)"
        else:
            reason = "has no text layer and OCR is not installed" if not ocr_mod.available() else "has no text OCR could read"
        result.warnings.append({"code": "pdf.no_text_layer", "message": f"Page {number} {reason}.", "page": number})
    result.lines = [flatten(line) for line in body]  # glyphs dropped: memory stays per page
    result.removed = removed
    return result


def finish_pages(results: list[PageResult]) -> tuple[list[str], list[tuple]]:
    """Second pass over all pages: drop running footers, join hyphenated words, clean characters.

    Returns:
        ``(page_texts, removed)``, one entry per page, ready for :func:`join_pages`.
    """
    footers = repeated_footers([r.lines for r in results])
    texts: list[str] = []
    removed: list[tuple] = []
    for r in results:
        body, more = classify_edges(r.lines, footers)
        items = r.removed + [m for m in more if m["kind"] == "footer"]
        # page numbers found by the first pass are already in r.removed; the second pass may find
        # new ones only because a footer below them was removed: keep those too
        items += [m for m in more if m["kind"] == "page_number"]
        text = tidy_lines(normalize_chars("\n".join(join_hyphenated([line.text for line in body]))))
        texts.append(text)
        removed.append(tuple(items))
    return texts, removed


def read_pdf(data: bytes, *, max_pages: int, ocr: bool = True, ocr_timeout: float = 120.0,
             max_seconds: float | None = None, max_page_chars: int = 200_000) -> SourceText:
    """Read a PDF page by page.

    Args:
        data: the file's bytes (stray bytes before ``%PDF`` are accepted).
        max_pages: a document with more pages raises ``input.too_many_pages``.
        ocr: OCR pages without a usable text layer when Tesseract is installed.
        ocr_timeout: seconds allowed for OCR of one page.
        max_seconds: time budget (checked between pages): past it OCR stops for the remaining
            pages (warning ``ocr.time_limit``); past twice the budget the file raises ``input.timeout``.
        max_page_chars: characters read per page at most.
    Returns:
        A :class:`SourceText`; pages carry ``ocr`` and ``removed``.
    Raises:
        InputError: ``pdf.encrypted``, ``pdf.corrupt``, ``input.too_many_pages``,
            ``input.timeout``, ``pdf.no_text`` (no page has any text, not even an ECF stamp;
            a scan whose only text is its stamp gives empty text, the stamp in ``removed``
            and a ``pdf.no_text_layer`` warning per page).
    """
    started = time.monotonic()
    pdf = open_pdfium(data)
    results: list[PageResult] = []
    warnings: list[dict] = []
    try:
        n_pages = len(pdf)
        if n_pages == 0:
            raise InputError("pdf.corrupt", "The PDF has no pages.")
        if n_pages > max_pages:
            raise InputError("input.too_many_pages", f"The PDF has {n_pages} pages; the limit is {max_pages}.")
        for index in range(n_pages):
            if max_seconds is not None:
                elapsed = time.monotonic() - started
                if elapsed > 2 * max_seconds:
                    raise InputError("input.timeout", f"Reading stopped at page {index + 1} of {n_pages}: the time limit is {2 * max_seconds:.0f} s.")
                if elapsed > max_seconds and ocr:
                    ocr = False  # the text layer of the remaining pages is still read
                    warnings.append({"code": "ocr.time_limit", "message": f"OCR stopped at page {index + 1} of {n_pages}: the time budget of {max_seconds:.0f} s was spent.", "page": index + 1})
            number = index + 1
            try:
                page = pdf[index]
            except Exception as exc:
                results.append(PageResult())
                warnings.append({"code": "pdf.page_error", "message": f"Page {number} could not be read ({type(exc).__name__}).", "page": number})
                continue
            try:
                result = read_page(page, number, ocr=ocr, ocr_timeout=ocr_timeout, max_chars=max_page_chars)
            except InputError:
                raise
            except Exception as exc:
                result = PageResult(warnings=[{"code": "pdf.page_error", "message": f"Page {number} could not be read ({type(exc).__name__}).", "page": number}])
            finally:
                page.close()
            results.append(result)
            warnings.extend(result.warnings)
        metadata = _metadata(pdf)
    finally:
        pdf.close()
    texts, removed = finish_pages(results)
    if not any(t.strip() for t in texts) and not any(removed):
        if ocr:
            from . import ocr as ocr_mod
            why = "OCR is not installed" if not ocr_mod.available() else "OCR found no text"
        else:
            why = "OCR is turned off"
        raise InputError("pdf.no_text", f"The PDF has no text layer and {why}.")
    text, pages = join_pages(texts, [r.ocr for r in results], removed)
    return SourceText(text=text, pages=pages, media_type="application/pdf", warnings=warnings, metadata=metadata)


def _metadata(pdf) -> dict:
    try:
        meta = pdf.get_metadata_dict(skip_empty=True)
    except Exception:
        return {}
    return {k: str(v) for k, v in meta.items() if isinstance(v, (str, int, float))}
