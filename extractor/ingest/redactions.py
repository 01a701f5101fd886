"""Failed redactions: opaque boxes over text that is still in the PDF's text layer (FACTS.md 1.1).

For each page that draws a filled path or a Square/Redact annotation (a cheap pypdfium2 check),
pdfplumber's pdfminer layout gives the characters and filled boxes in drawing order. A box has
text under it (``text_under``) when non-blank characters, other than a label such as REDACTED,
lie at least 80% inside it and are hidden by it: drawn before it, or in its fill colour
(annotations are always drawn after the page content). As in Free Law Project's x-ray, each hit
is then checked on the rendered page: the page is rendered twice with pypdfium2, once as it is
and once with every text object made invisible; if the two renderings differ where the
characters are, the text shows (a box filled by the non-zero winding rule, a clipped box, text
on top), and it is no failed redaction.

Listed boxes (``document.redactions``): every box with text under it, and dark boxes of the
size of a line of text with no text under them (redactions that worked). Coordinates are PDF
points, ``[x0, top, x1, bottom]`` from the page's top-left corner (the media box).
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

COVER = 0.8            # share of a character's box a box must cover (x-ray's rule)
RENDER_SCALE = 2.0     # pixels per point for the visibility check
SHOWN = 0.02           # share of a character's pixels that may change before the character counts as shown
MAX_BOXES = 500        # candidate boxes read per page at most (a guard against hatched drawings)
_LABEL = re.compile(r"redact\w*|privilege\w*|confidential\w*|sealed|withheld|exempt\w*|\(b\)\(\d\)(?:\([A-Z]\))?"
                    r"|name|pii|ssn|dob|acct|account|number|no\.?|[\[\]()*:#.,;\-–—/\\]", re.I)


@dataclass
class PageRedactions:
    """What one page holds: listed boxes and the boxes whose characters must be masked.

    Attributes:
        number: 1-based page number.
        boxes: ``{"page", "bbox", "text_under"}`` dicts for ``document.redactions``.
        hidden: ``(x0, top, x1, bottom)`` of the boxes with text under them (points, media box).
        hidden_text: the words under those boxes, only to judge them (never written out).
    """

    number: int
    boxes: list[dict] = field(default_factory=list)
    hidden: list[tuple[float, float, float, float]] = field(default_factory=list)
    hidden_text: list[str] = field(default_factory=list, repr=False)


def _text_like(x0: float, top: float, x1: float, bottom: float, width: float, height: float) -> bool:
    w, h = x1 - x0, bottom - top
    return w >= 2 and h >= 2 and w * h < 0.5 * width * height


def candidate_page(page) -> bool:
    """True when a pypdfium2 page may hide text under a box: it has a Square or Redact
    annotation, a dark bar the size of a line, or a filled path at least 2 pt each way (smaller
    than half the page) that overlaps a text object (also inside form XObjects). Only such pages
    are parsed again."""
    import ctypes

    import pypdfium2.raw as raw

    width, height = page.get_size()
    paths, texts, dark = [], [], []
    l, b, r, t = (ctypes.c_float() for _ in range(4))

    def bounds(obj):
        if not raw.FPDFPageObj_GetBounds(obj, ctypes.byref(l), ctypes.byref(b), ctypes.byref(r), ctypes.byref(t)):
            return None
        return l.value, b.value, r.value, t.value

    def walk(obj, depth: int) -> None:
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_TEXT:
            box = bounds(obj)
            if box:
                texts.append(box)
        elif kind == raw.FPDF_PAGEOBJ_PATH:
            mode, stroke = ctypes.c_int(0), ctypes.c_int(0)
            if raw.FPDFPath_GetDrawMode(obj, ctypes.byref(mode), ctypes.byref(stroke)) and mode.value != 0:
                box = bounds(obj)
                if box and box[2] - box[0] >= 2 and box[3] - box[1] >= 2 and \
                        (box[2] - box[0]) * (box[3] - box[1]) < 0.5 * width * height:
                    paths.append(box)
                    if _dark_line_box(obj, box):
                        dark.append(box)
        elif kind == raw.FPDF_PAGEOBJ_FORM and depth < 3:
            for i in range(min(raw.FPDFFormObj_CountObjects(obj), 20_000)):
                walk(raw.FPDFFormObj_GetObject(obj, i), depth + 1)

    try:
        for i in range(raw.FPDFPage_GetAnnotCount(page.raw)):
            annot = raw.FPDFPage_GetAnnot(page.raw, i)
            try:
                if raw.FPDFAnnot_GetSubtype(annot) in (raw.FPDF_ANNOT_SQUARE, raw.FPDF_ANNOT_REDACT):
                    return True
            finally:
                raw.FPDFPage_CloseAnnot(annot)
        for i in range(min(raw.FPDFPage_CountObjects(page.raw), 20_000)):
            walk(raw.FPDFPage_GetObject(page.raw, i), 0)
    except Exception:
        return True
    if dark:
        return True  # a black bar the size of a line: listed even when it hides nothing
    if len(paths) > MAX_BOXES:
        paths = paths[:MAX_BOXES]
    return any(p[0] < x1 and x0 < p[2] and p[1] < y1 and y0 < p[3] for p in paths for x0, y0, x1, y1 in texts)


def _dark_line_box(obj, box) -> bool:
    """A pdfium path filled dark (luminance at most 25%) with the size of a line of text (4-40 pt high, 6 pt wide)."""
    import ctypes

    import pypdfium2.raw as raw

    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not raw.FPDFPageObj_GetFillColor(obj, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):
        return False
    w, h = box[2] - box[0], box[3] - box[1]
    return a.value > 200 and 0.3 * r.value + 0.59 * g.value + 0.11 * b.value <= 64 and 4 <= h <= 40 and w >= 6


def _layout_objects(page):
    """Characters and filled boxes of a pdfplumber page in drawing order: ``(chars, boxes)`` as
    ``(order, bbox, colour, text)`` and ``(order, bbox, colour)``, top-down media-box points."""
    from pdfminer.layout import LTChar, LTContainer, LTCurve

    height = float(page.mediabox[3] - page.mediabox[1]) if page.mediabox else float(page.height)
    chars, boxes, order = [], [], 0

    def walk(container):
        nonlocal order
        for obj in container:
            order += 1
            if isinstance(obj, LTChar):
                colour = getattr(obj.graphicstate, "ncolor", None)
                chars.append((order, (obj.x0, height - obj.y1, obj.x1, height - obj.y0), _colour(colour), obj.get_text()))
            elif isinstance(obj, LTCurve) and obj.fill and len(boxes) < MAX_BOXES:
                boxes.append((order, (obj.x0, height - obj.y1, obj.x1, height - obj.y0), _colour(obj.non_stroking_color)))
            elif isinstance(obj, LTContainer):
                walk(obj)

    walk(page.layout)
    for annot in page.annots or []:
        subtype = str((annot.get("data") or {}).get("Subtype", ""))
        if "Square" in subtype or "Redact" in subtype:
            boxes.append((order + 1, (annot["x0"], annot["top"], annot["x1"], annot["bottom"]), "annot"))
    return chars, boxes


def _colour(value) -> tuple | str | None:
    """A pdfminer colour as an RGB tuple (grey and CMYK converted, 2 decimals), "pattern", or None."""
    if value is None:
        return None
    if isinstance(value, (int, float)):
        value = (value,)
    try:
        v = [float(x) for x in value]
    except (TypeError, ValueError):
        return "pattern"
    if len(v) == 1:
        v = v * 3
    elif len(v) == 4:
        c, m, y, k = v
        v = [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)]
    elif len(v) != 3:
        return "pattern"
    return tuple(round(x, 2) for x in v)


def _dark(colour) -> bool:
    if colour == "pattern" or colour is None:
        return True  # a pattern fill (hatching) or pdfminer's default fill, black
    return isinstance(colour, tuple) and 0.3 * colour[0] + 0.59 * colour[1] + 0.11 * colour[2] <= 0.25


def _covered(char, box) -> float:
    cx0, ct, cx1, cb = char
    bx0, bt, bx1, bb = box
    area = max(0.0, cx1 - cx0) * max(0.0, cb - ct)
    if area <= 0:
        return 0.0
    inter = max(0.0, min(cx1, bx1) - max(cx0, bx0)) * max(0.0, min(cb, bb) - max(ct, bt))
    return inter / area


def _same(a, b) -> bool:
    black = (0.0, 0.0, 0.0)
    return (a or black) == (b or black) and a != "pattern"


def _hidden_chars(chars, box) -> list:
    order, bbox, colour = box
    under = [c for c in chars if c[3].strip() and _covered(c[1], bbox) >= COVER
             and (c[0] < order or colour == "annot" or _same(c[2], colour))]
    words = "".join(c[3] for c in sorted(under, key=lambda c: (round(c[1][1]), c[1][0])))
    return under if _LABEL.sub("", words).strip() else []


def _visible(data: bytes, index: int, rects: list) -> list[bool]:
    """For each character rectangle, whether its text shows on the rendered page
    (rendering with and without text differs there). Pages that cannot be rendered count as hidden."""
    import numpy as np
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(data)
    except Exception:
        return [False] * len(rects)
    try:
        page = pdf[index]
        left, bottom, right, top = page.get_mediabox()
        crop = page.get_cropbox()
        dx, dy = crop[0] - left, top - crop[3]
        shown = page.render(scale=RENDER_SCALE, may_draw_forms=True, draw_annots=True).to_numpy().astype(int)

        def hide(obj, depth=0):
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_TEXT:
                raw.FPDFTextObj_SetTextRenderMode(obj, raw.FPDF_TEXTRENDERMODE_INVISIBLE)
            elif kind == raw.FPDF_PAGEOBJ_FORM and depth < 3:
                for i in range(raw.FPDFFormObj_CountObjects(obj)):
                    hide(raw.FPDFFormObj_GetObject(obj, i), depth + 1)

        for i in range(raw.FPDFPage_CountObjects(page.raw)):
            hide(raw.FPDFPage_GetObject(page.raw, i))
        blank = page.render(scale=RENDER_SCALE, may_draw_forms=True, draw_annots=True).to_numpy().astype(int)
        page.close()
    except Exception:
        return [False] * len(rects)
    finally:
        pdf.close()
    out = []
    for x0, t, x1, b in rects:
        ys = slice(max(0, int((t - dy) * RENDER_SCALE)), max(0, int((b - dy) * RENDER_SCALE)) + 1)
        xs = slice(max(0, int((x0 - dx) * RENDER_SCALE)), max(0, int((x1 - dx) * RENDER_SCALE)) + 1)
        a, c = shown[ys, xs], blank[ys, xs]
        if a.size == 0:
            out.append(False)
            continue
        changed = (np.abs(a - c).max(axis=-1) > 24).mean()
        out.append(bool(changed > SHOWN))
    return out


def scan_pdf(data: bytes, pdf, pages: list[int] | None = None) -> dict[int, PageRedactions]:
    """Find the opaque boxes of a PDF and which of them hide text-layer characters.

    Args:
        data: the PDF's bytes (opened again by pdfplumber and, for the render check, pypdfium2).
        pdf: the open ``pypdfium2.PdfDocument`` of the same bytes (for the cheap page check).
        pages: 0-based page indexes to look at (default: all).
    Returns:
        1-based page number -> :class:`PageRedactions`, for the pages that have listed boxes.
        A page that cannot be parsed is skipped (its text is read as usual).
    """
    indexes = range(len(pdf)) if pages is None else pages
    todo = []
    for index in indexes:
        try:
            page = pdf[index]
        except Exception:
            continue
        try:
            if candidate_page(page):
                todo.append(index)
        finally:
            page.close()
    if not todo:
        return {}
    import logging

    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font warnings of damaged files are no use here

    out: dict[int, PageRedactions] = {}
    try:
        plumber = pdfplumber.open(io.BytesIO(data))
    except Exception:
        return {}
    with plumber:
        for index in todo:
            try:
                page = plumber.pages[index]
                found = _page_redactions(data, index, page)
                page.close()
            except Exception:
                continue
            if found.boxes:
                out[index + 1] = found
    return _drop_date_only(out)


_DATE_ONLY = re.compile(r"^(?:\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\s*)+$")


def _drop_date_only(found: dict[int, PageRedactions]) -> dict[int, PageRedactions]:
    """A document whose every hidden text is a date (a stamp under a box) has no failed redaction,
    as x-ray decides (``freelawproject/x-ray``, ``no_bad_redactions.8.1``): the boxes stay listed,
    with ``text_under`` false."""
    texts = [t for page in found.values() for t in page.hidden_text]
    if not texts or not all(_DATE_ONLY.match(t) for t in texts):
        return found
    for page in found.values():
        page.boxes = [{**b, "text_under": False} for b in page.boxes]
        page.hidden, page.hidden_text = [], []
    return found


def _page_redactions(data: bytes, index: int, page) -> PageRedactions:
    chars, boxes = _layout_objects(page)
    width, height = float(page.width), float(page.height)
    result = PageRedactions(index + 1)
    hits = [(box, _hidden_chars(chars, box)) for box in boxes if _text_like(*box[1], width, height)]
    rects = [c[1] for _, under in hits for c in under]
    shows = iter(_visible(data, index, rects) if rects else [])
    for box, under in hits:
        hidden = [c for c in under if not next(shows)]
        bbox = [round(float(v), 1) for v in box[1]]
        x0, t, x1, b = bbox
        if hidden:
            result.boxes.append({"page": index + 1, "bbox": bbox, "text_under": True})
            result.hidden.append(tuple(box[1]))
            result.hidden_text.append("".join(c[3] for c in hidden))
        elif (box[2] == "annot" or _dark(box[2])) and 4 <= b - t <= 40 and x1 - x0 >= 6:
            result.boxes.append({"page": index + 1, "bbox": bbox, "text_under": False})
    return result


def mask_glyphs(glyphs: list, hidden: list[tuple[float, float, float, float]], offset: tuple[float, float] = (0.0, 0.0)) -> list:
    """Replace each glyph whose centre lies inside a box with text under it by "█" (one for one).

    Args:
        glyphs: :class:`~extractor.ingest.layout.Glyph` list of one page (top-down points from the
            page's bounding box).
        hidden: boxes ``(x0, top, x1, bottom)`` in media-box points.
        offset: ``(dx, dy)`` from the media box's top-left corner to the glyphs' origin.
    Returns:
        The glyphs, with the hidden ones' characters replaced.
    """
    if not hidden:
        return glyphs
    dx, dy = offset
    out = []
    for g in glyphs:
        cx, cy = (g.x0 + g.x1) / 2 + dx, (g.top + g.bottom) / 2 + dy
        if any(x0 <= cx <= x1 and t <= cy <= b for x0, t, x1, b in hidden):
            g = g._replace(text="█" * len(g.text))
        out.append(g)
    return out


def glyph_offset(page) -> tuple[float, float]:
    """``(dx, dy)`` in points from a pypdfium2 page's media-box corner to the corner of its bounding
    box, which :func:`~extractor.ingest.pdf.page_glyphs` measures glyphs from."""
    import pypdfium2.raw as raw

    left, _, _, top = page.get_mediabox()
    box = raw.FS_RECTF()
    if raw.FPDF_GetPageBoundingBox(page.raw, box):
        return box.left - left, top - box.top
    return 0.0, 0.0


def warnings_for(found: dict[int, PageRedactions]) -> list[dict]:
    """One ``pdf.bad_redaction`` warning per page with text under a box (the words are never quoted)."""
    out = []
    for number, page in sorted(found.items()):
        n = sum(1 for b in page.boxes if b["text_under"])
        if n:
            out.append({"code": "pdf.bad_redaction", "page": number,
                        "message": f"Page {number}: {n} box{'es' if n > 1 else ''} drawn over text that is still in "
                                   "the PDF and can be copied out (a failed redaction)."})
    return out
