"""Small PDFs for tests, written by hand (no PDF library needed), and mutated copies for fuzzing.

``make_pdf(pages)`` writes one page per list of :class:`Text` items in
Helvetica (a standard font every reader knows, WinAnsi encoding), positions
given top-down in points like pdfplumber shows them.
"""
from __future__ import annotations

import random
import re
import zlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """A string drawn at ``x`` points from the left, its top ``top`` points from the page top."""

    x: float
    top: float
    text: str
    size: float = 12.0
    angle: int = 0  # 0 or 90 (counter-clockwise, reading bottom to top)


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    out = bytearray()
    for b in raw:
        if b in (0x28, 0x29, 0x5C):
            out += b"\\" + bytes([b])
        elif b < 0x20 or b > 0x7E:
            out += b"\\%03o" % b
        else:
            out.append(b)
    return bytes(out)


def _content(items: list[Text], height: float) -> bytes:
    ops = [b"BT"]
    for it in items:
        baseline = height - it.top - it.size * 0.8
        if it.angle == 90:
            ops.append(b"/F1 %.2f Tf 0 1 -1 0 %.2f %.2f Tm (%s) Tj" % (it.size, it.x, baseline, _escape(it.text)))
        else:
            ops.append(b"/F1 %.2f Tf 1 0 0 1 %.2f %.2f Tm (%s) Tj" % (it.size, it.x, baseline, _escape(it.text)))
    ops.append(b"ET")
    return b"\n".join(ops)


def make_pdf(pages: list[list[Text]], *, width: float = 612, height: float = 792,
             rotate: list[int] | None = None, image_pages: set[int] = frozenset()) -> bytes:
    """Build a PDF.

    Args:
        pages: per page, the texts to draw (an empty list gives a blank page).
        width, height: page size in points (Letter by default).
        rotate: per page, the /Rotate value (0, 90, 180, 270).
        image_pages: 0-based pages that also get a gray image filling the page (a "scan").
    Returns:
        The file's bytes.
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pixels = zlib.compress(bytes([200] * 64))
    image = add(b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream")
    pages_id = len(objects) + 1 + 2 * len(pages)  # page tree object goes after all pages
    kids = []
    for i, items in enumerate(pages):
        content = _content(items, height)
        if i in image_pages:
            content = b"q %.2f 0 0 %.2f 0 0 cm /Im1 Do Q\n" % (width, height) + content
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        rot = b" /Rotate %d" % rotate[i] if rotate and rotate[i] else b""
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >>%s >>"
                        % (pages_id, width, height, stream, font, image, rot)))
    assert len(objects) + 1 == pages_id
    add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(out)


def pleading_page(body: list[str], *, header: str | None = None, footer: str | None = None,
                  first_line: int = 1, body_x: float = 100) -> list[Text]:
    """A pleading-paper page: numbers 1–28 at x ≈ 40 pt, body lines from ``body_x`` on the numbered lines."""
    items = [Text(40 if n < 10 else 34, 72 + (n - 1) * 24, str(n)) for n in range(1, 29)]
    for k, line in enumerate(body):
        items.append(Text(body_x, 72 + (first_line - 1 + k) * 24, line))
    if header:
        items.append(Text(60, 20, header, size=9))
    if footer:
        items.append(Text(200, 760, footer, size=9))
    return items


_OBJ = re.compile(rb"\n\d+ 0 obj\b.*?endobj", re.S)


def mutate(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    """One damaged copy of a PDF: a truncation, flipped bytes, a deleted object or a spliced tail.

    Returns:
        ``(how, bytes)`` where ``how`` names the mutation (for failure messages).
    """
    kind = rng.choice(["truncate", "flip", "delete_object", "flip_many", "zero_run", "duplicate_tail"])
    buf = bytearray(data)
    if kind == "truncate":
        cut = rng.randrange(1, len(buf))
        return f"truncate@{cut}", bytes(buf[:cut])
    if kind in ("flip", "flip_many"):
        for _ in range(1 if kind == "flip" else rng.randint(10, 200)):
            i = rng.randrange(len(buf))
            buf[i] ^= 1 << rng.randrange(8)
        return kind, bytes(buf)
    if kind == "zero_run":
        i = rng.randrange(len(buf))
        n = rng.randint(1, 4096)
        buf[i:i + n] = bytes(min(n, len(buf) - i))
        return f"zero_run@{i}+{n}", bytes(buf)
    if kind == "duplicate_tail":
        i = rng.randrange(len(buf))
        return f"duplicate_tail@{i}", bytes(buf + buf[i:])
    objs = list(_OBJ.finditer(data))
    if not objs:
        return "truncate_half", data[: len(data) // 2]
    m = rng.choice(objs)
    return f"delete_object@{m.start()}", data[: m.start()] + data[m.end():]


def mutated_corpus(corpus_dir, n: int, seed: int = 20261201, names: list[str] | None = None) -> list[tuple[str, bytes]]:
    """``n`` damaged copies of the corpus PDFs (round robin over the files in sorted order, one
    :func:`mutate` each), replayable from ``seed``.

    Args:
        corpus_dir: a folder of PDFs (``shared/corpus/real``).
        n: how many copies.
        seed: the ``random.Random`` seed.
        names: only these files of the folder (default: every PDF).
    Returns:
        ``(file_name, bytes)`` pairs; the name says the copy's number, its seed file and the mutation.
    """
    from pathlib import Path

    seeds = [(p.stem, p.read_bytes()) for p in sorted(Path(corpus_dir).glob("*.pdf")) if names is None or p.name in names]
    rng = random.Random(seed)
    out = []
    for k in range(n):
        stem, data = seeds[k % len(seeds)]
        how, damaged = mutate(data, rng)
        out.append((f"{k:04d}_{stem}_{how.replace('@', '-').replace('+', '-')}.pdf", damaged))
    return out
