"""Redacted export: ``python -m extractor redact FILE -o OUT``.

Every identifier fact that is neither redacted nor exempt is masked to what its rule allows
(Fed. R. Civ. P. 5.2(a), Fed. R. Crim. P. 49.1(a), Fed. R. Bankr. P. 9037(a)): the last four
digits of an SSN, TIN or account number, the year of a birth date, a minor's initials, the city
and state of a home address. ``--types party,date`` masks every fact of those types as well.

* Text input (plain text, HTML, Word): OUT is the masked ``document.text``; each masked
  character is replaced one for one, so the page map and every offset still hold.
* PDF input: every page is rasterised with pypdfium2, black boxes are burnt into the image over
  the masked characters (found in the page's text layer, or in Tesseract's words on a scan), and
  the image pages get a text layer again by OCR (OCRmyPDF; Tesseract's own PDF output when
  OCRmyPDF cannot run), so OUT stays searchable and no text survives under a box.
"""
from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path

from .errors import InputError

RASTER_DPI = 200   # enough for Tesseract to read 10 pt text again; a Letter page is 1700 x 2200 pixels
MASK = "X"
OCR_TIMEOUT_PER_PAGE = 300  # seconds; a page takes about 5 s, a loaded machine stretches that many times
_CITY_STATE_TAIL = re.compile(r",?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2},\s+[A-Z][A-Za-z. ]+?(?:\s+\d{5}(?:-\d{4})?)?$")


def allowed_mask(fact: dict) -> str:
    """The fact's text with what the rule does not allow replaced, one character for one.

    Args:
        fact: a fact dict (FACTS.md); identifiers are masked by kind, other facts whole.
    Returns:
        A string of ``len(fact["text"])`` characters: digits and letters that must not show become
        "X" (a minor's name becomes initials followed by blanks), separators stay.
    """
    text = fact["text"]
    kind = fact.get("kind") if fact.get("type") == "identifier" else None
    if kind in ("ssn", "tin", "account"):
        keep = {i for i in [i for i, c in enumerate(text) if c.isdigit() or c in "X*•#x"][-4:] if text[i].isdigit()}
        return "".join(c if i in keep or not c.isalnum() else MASK for i, c in enumerate(text))
    if kind == "dob":
        year = list(re.finditer(r"\d{4}|\d{2}$", text))
        keep = set(range(year[-1].start(), year[-1].end())) if year else set()
        return "".join(c if i in keep or not c.isalnum() else MASK for i, c in enumerate(text))
    if kind == "minor":
        return re.sub(r"[A-Za-z][A-Za-z'’-]*", lambda m: (m.group(0)[0] + "." + " " * len(m.group(0)))[:len(m.group(0))], text)
    if kind == "address":
        tail = _CITY_STATE_TAIL.search(text)
        cut = tail.start() if tail else len(text)
        tail_text = re.sub(r"\d", MASK, text[cut:])  # the ZIP code is more than the city and state
        return "".join(MASK if c.isalnum() else c for c in text[:cut]) + tail_text
    return "".join(MASK if c.isalnum() else c for c in text)


def facts_to_mask(result: dict, types: frozenset[str] = frozenset()) -> list[dict]:
    """The facts an export masks: unredacted, non-exempt identifiers, and every fact of ``types``."""
    return [f for f in result.get("facts", [])
            if (f["type"] == "identifier" and not f.get("redacted") and not f.get("exempt")) or f["type"] in types]


def masked_text(text: str, facts: list[dict]) -> str:
    """``text`` with each fact's span replaced by :func:`allowed_mask` (same length: offsets hold)."""
    chars = list(text)
    for fact in facts:
        mask = allowed_mask(fact)
        chars[fact["start_char"]:fact["end_char"]] = list(mask)
    return "".join(chars)


def _char_boxes(textpage, needle: str, mask: str) -> list[tuple[float, float, float, float]]:
    """Boxes (PDF points, bottom-up) of the characters that ``mask`` changes in each occurrence of
    ``needle`` on a pdfium text page (its own search, ignoring case), line by line for a fact that
    spans lines. [] unless every changed line was found."""
    boxes, pos = [], 0
    for piece in needle.split("\n"):
        piece_mask = mask[pos:pos + len(piece)]
        pos += len(piece) + 1
        if not piece.strip() or piece_mask == piece:
            continue
        found = _piece_boxes(textpage, piece, piece_mask)
        if not found:
            return []
        boxes.extend(found)
    return boxes


def _piece_boxes(textpage, needle: str, mask: str) -> list[tuple[float, float, float, float]]:
    boxes = []
    searcher = textpage.search(needle, match_case=False)
    while True:
        found = searcher.get_next()
        if not found:
            break
        start, count = found
        for k in range(count):
            if k < len(mask) and mask[k] == needle[k]:
                continue
            left, _, right, _ = textpage.get_charbox(start + k)  # the glyph's own width, so neighbours still show
            _, bottom, _, top = textpage.get_charbox(start + k, loose=True)  # the line's full height
            boxes.append((left - 0.3, bottom, right + 0.3, top))
    return boxes


def _ocr_boxes(page, needle: str) -> list[tuple[float, float, float, float]]:
    """Boxes (top-down points) of the Tesseract words that spell ``needle`` on a page without a text layer."""
    from .ingest import ocr as ocr_mod

    if not ocr_mod.available():
        return []
    rows, _, _ = ocr_mod.ocr_page(page)
    want = re.sub(r"\W", "", needle).lower()
    out = []
    for row in rows:
        words = [(re.sub(r"\W", "", g.text).lower(), g) for g in row]
        for i in range(len(words)):
            joined, used = "", []
            for w, g in words[i:]:
                joined += w
                used.append(g)
                if len(joined) >= len(want):
                    break
            if want and want in joined:
                out.extend((g.x0, g.top, g.x1, g.bottom) for g in used)
    return out


def redact_pdf(data: bytes, result: dict, facts: list[dict]) -> bytes:
    """A new PDF: pages rasterised with the masked characters burnt in black, then OCRed.

    Args:
        data: the PDF's bytes.
        result: its extraction result (for the page of each fact).
        facts: the facts to mask (:func:`facts_to_mask`).
    Returns:
        The new PDF's bytes (image pages with an OCR text layer; nothing of the old text layer).
    Raises:
        InputError: ``redact.unlocated`` when a fact to mask cannot be found on its page (nothing
            is written rather than a copy that still shows it); ``redact.ocr_failed`` when no OCR
            text layer could be made.
    """
    from PIL import ImageDraw

    from .ingest.pdf import open_pdfium

    pdf = open_pdfium(data)
    images = []
    scale = RASTER_DPI / 72.0
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            width, height = page.get_size()
            image = page.render(scale=scale, draw_annots=True, may_draw_forms=True).to_pil().convert("RGB")
            draw = ImageDraw.Draw(image)
            textpage = page.get_textpage()
            for fact in (f for f in facts if f.get("page") in (index + 1, None)):
                mask = allowed_mask(fact)
                boxes = [(l, height - t, r, height - b) for l, b, r, t in _char_boxes(textpage, fact["text"], mask)]
                if not boxes and mask != fact["text"]:
                    boxes = _ocr_boxes(page, fact["text"])
                    if not boxes and fact.get("page") == index + 1:
                        raise InputError("redact.unlocated", f"A {fact.get('kind') or fact['type']} on page {index + 1} could "
                                         "not be located on the page image; no copy was written.")
                for x0, top, x1, bottom in boxes:
                    draw.rectangle([x0 * scale, top * scale, x1 * scale, bottom * scale], fill="black")
            textpage.close()
            page.close()
            images.append(image)
    finally:
        pdf.close()
    return _ocr_images(images)


def _ocr_images(images) -> bytes:
    """Image pages -> a searchable PDF (OCRmyPDF, else Tesseract's PDF renderer page by page).

    OCRmyPDF runs in a child process: importing it patches pdfminer for the whole process
    (characters lose their widths), which would blind :mod:`extractor.ingest.redactions`.
    """
    import os
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory(prefix="redact-") as tmp:
        raw_pdf = Path(tmp) / "pages.pdf"
        images[0].save(raw_pdf, "PDF", resolution=RASTER_DPI, save_all=True, append_images=images[1:])
        out = Path(tmp) / "out.pdf"
        cmd = [sys.executable, "-m", "ocrmypdf", "--output-type", "pdf", "--rasterizer", "pypdfium", "--optimize", "0",
               "--jobs", "1", "--quiet", "--language", "eng", str(raw_pdf), str(out)]
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=OCR_TIMEOUT_PER_PAGE * len(images),
                                  env={**os.environ, "OMP_THREAD_LIMIT": "1"})
            if done.returncode == 0 and out.exists():
                return out.read_bytes()
        except (OSError, subprocess.TimeoutExpired):
            pass
        return _tesseract_pdf(images, Path(tmp))


def _tesseract_pdf(images, tmp: Path) -> bytes:
    import os
    import subprocess

    import pypdfium2 as pdfium

    from .ingest import ocr as ocr_mod

    if not ocr_mod.available():
        raise InputError("redact.ocr_failed", "Tesseract is not installed, so the redacted PDF cannot be made searchable.")
    merged = pdfium.PdfDocument.new()
    for i, image in enumerate(images):
        png = tmp / f"p{i}.png"
        image.save(png, dpi=(RASTER_DPI, RASTER_DPI))
        base = tmp / f"p{i}"
        done = subprocess.run([ocr_mod.tesseract_path(), str(png), str(base), "pdf"], capture_output=True, timeout=600,
                              env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        if done.returncode != 0:
            raise InputError("redact.ocr_failed", f"Tesseract failed on page {i + 1}.")
        merged.import_pages(pdfium.PdfDocument(str(base) + ".pdf"))
    buf = io.BytesIO()
    merged.save(buf)
    return buf.getvalue()


def redact_bytes(data: bytes, name: str, *, types: frozenset[str] = frozenset(), result: dict | None = None) -> tuple[bytes, str]:
    """Redacted copy of a document's bytes.

    Args:
        data: the file's bytes.
        name: its file name (helps sniff the format).
        types: fact types to mask whole, besides the identifiers ("party", "date", ...).
        result: its extraction result with ``document.text``, when already made (the app has it).
    Returns:
        ``(bytes, media_type)``: a PDF for a PDF, UTF-8 text otherwise.
    Raises:
        InputError: for unreadable input and the codes of :func:`redact_pdf`.
    """
    from .extract import extract_bytes
    from .ingest import sniff_format

    if result is None or "text" not in result.get("document", {}):
        result = extract_bytes(data, name, include_text=True)
    facts = facts_to_mask(result, types)
    if sniff_format(data, name) == "pdf":
        return redact_pdf(data, result, facts), "application/pdf"
    return masked_text(result["document"]["text"], facts).encode("utf-8"), "text/plain"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``redact`` subcommand's arguments: ``FILE -o OUT [--types party,date]``."""
    parser.add_argument("file")
    parser.add_argument("-o", "--output", required=True, help="where the redacted copy goes (PDF for a PDF, text otherwise)")
    parser.add_argument("--types", default="", help="also mask every fact of these types, comma-separated (party,date,...)")


def main(args: argparse.Namespace) -> int:
    """Run ``redact``; returns 0 when OUT was written, 1 (with a coded message) when not, 2 for bad
    arguments or a file that does not exist (the CLI's exit statuses)."""
    from .schema import FactType

    types = frozenset(t.strip() for t in args.types.split(",") if t.strip())
    unknown = types - set(FactType.__args__)
    if unknown:
        print(f"redact: unknown fact type(s): {', '.join(sorted(unknown))} [redact.bad_types]", file=sys.stderr)
        return 2
    try:
        path = Path(args.file)
        if not path.is_file():
            raise InputError("input.not_found", f"No such file: {path}")
        out, _ = redact_bytes(path.read_bytes(), path.name, types=types)
        Path(args.output).write_bytes(out)
    except InputError as exc:
        print(f"{args.file}: {exc.message} [{exc.code}]", file=sys.stderr)
        return 2 if exc.code == "input.not_found" else 1  # the CLI's exit statuses: 2 for a path that does not exist
    except OSError as exc:
        print(f"{args.file}: the copy could not be written ({exc.strerror}) [redact.write_failed]", file=sys.stderr)
        return 1
    except Exception as exc:  # never a traceback for a user: a coded line, and no copy
        print(f"{args.file}: the redacted copy could not be made ({type(exc).__name__}) [redact.failed]", file=sys.stderr)
        return 1
    return 0
