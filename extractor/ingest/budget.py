"""Expansion budgets for compressed input, checked while inflating and before any parser sees it.

A zip member or a PDF stream says nothing true about its inflated size (zip
headers and ``/Length`` are written by whoever made the file), so both are
inflated here in 64 KiB pieces, counting and dropping the output, and
refused as soon as a count passes its budget: memory stays at one piece
whatever the file claims.
"""
from __future__ import annotations

import base64
import binascii
import re
import struct
import zipfile
import zlib

from ..errors import InputError

_PIECE = 1 << 16  # bytes fed to, and taken from, a decompressor at a time


class _Over(Exception):
    """The count passed its cap."""


def _count_inflated(raw, layers: int, cap: int) -> int:
    """Bytes ``raw`` inflates to through ``layers`` zlib layers (FlateDecode applied ``layers``
    times), at most ``cap + 1``. A damaged stream counts what inflated before the damage
    (pdfium keeps that part too)."""
    decoders = [zlib.decompressobj() for _ in range(layers)]
    total = 0

    def push(level: int, data) -> None:
        nonlocal total
        decoder = decoders[level]
        while data and not decoder.eof:
            out = decoder.decompress(data, _PIECE)
            data = decoder.unconsumed_tail
            if level + 1 == layers:
                total += len(out)
                if total > cap:
                    raise _Over
            elif out:
                push(level + 1, out)

    view = memoryview(raw)
    try:
        for start in range(0, len(view), _PIECE):
            push(0, view[start:start + _PIECE])
    except _Over:
        return cap + 1
    except zlib.error:
        pass
    return total


# ---- PDF -----------------------------------------------------------------------------------

# "stream" then its end-of-line, not the tail of "endstream"
_STREAM = re.compile(rb"(?<![A-Za-z])stream(?:\r\n|\n|\r)")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+|\d+\s+\d+\s+R)")
_NAME = re.compile(rb"/([A-Za-z0-9]+)")
_FLATE = {b"FlateDecode", b"Fl"}
_ASCII = {b"ASCII85Decode": "a85", b"A85": "a85", b"ASCIIHexDecode": "hex", b"AHx": "hex"}
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")


# a dictionary is searched for at most this far back from its "stream" keyword
_MAX_DICT = 1 << 20
# "stream" keywords at most (a 2,000-page filing has about 20,000 streams; 200 MB of nothing but
# the keyword would take minutes to walk)
MAX_STREAMS = 1_000_000


def _filters(head: bytes) -> list[bytes]:
    """The filter names of a stream dictionary; a filter given by reference ("/Filter 7 0 R")
    is taken for FlateDecode (inflating what is not zlib costs nothing: it fails at once)."""
    match = _FILTER.search(head)
    if not match:
        return []
    if match.group(1).endswith(b"R"):
        return [b"FlateDecode"]
    return _NAME.findall(match.group(1))


def _decode_ascii(raw: bytes, kind: str) -> bytes:
    """ASCII85 / ASCIIHex, which only shrink; bad data gives what could be decoded (empty)."""
    try:
        if kind == "hex":
            text = re.sub(rb"\s+", b"", raw).split(b">", 1)[0]
            return binascii.unhexlify(text + b"0" * (len(text) % 2))
        body = raw.strip()
        body = body[2:] if body.startswith(b"<~") else body
        return base64.a85decode(body.split(b"~>", 1)[0], adobe=False, ignorechars=b" \t\n\r\x0c\x00")
    except (ValueError, binascii.Error):
        return b""


def check_pdf_streams(data: bytes, *, max_stream: int, max_image_stream: int, max_total: int,
                      max_images_total: int, max_page: int | None = None) -> None:
    """Refuse a PDF whose compressed streams inflate past their budget, before pdfium reads it.

    Every ``stream`` keyword in the bytes is found (damaged cross-reference tables cannot hide
    one: pdfium's repair finds streams the same way), its dictionary's ``/Filter`` read, leading
    ASCII85/ASCIIHex layers decoded and the FlateDecode layers that follow inflated and counted;
    a stream without filters counts its own bytes. pdfium decodes a page's whole content stream
    into memory when the page loads and builds its objects from it (a content stream of 2 GB of
    spaces made 3.2 GB of RSS; 60 MB of path or text operators make 1.2-1.4 GB). Not counted:
    streams with other filters (LZW, RunLength), streams of encrypted files (they inflate only
    after decryption), page dictionaries inside object streams, and a form drawn many times.

    Args:
        data: the PDF's bytes.
        max_stream: bytes one stream that is no image may inflate to.
        max_image_stream: bytes one image stream (``/Subtype /Image``) may inflate to.
        max_total: bytes all streams that are no images may inflate to together.
        max_images_total: bytes all image streams may inflate to together (the bound on the
            time spent here: about 2 s a GB).
        max_page: bytes the streams of one page's ``/Contents`` array may inflate to together
            (None: ``max_stream``).
    Raises:
        InputError: ``pdf.bomb``.
    """
    max_page = max_stream if max_page is None else max_page
    total = images = 0
    sizes: dict[int, int] = {}  # object number -> inflated bytes, streams that are no images
    previous = 0  # where the previous "stream" keyword ended: dictionaries do not overlap
    view = memoryview(data)
    for count, match in enumerate(_STREAM.finditer(data)):
        if count >= MAX_STREAMS:
            raise InputError("pdf.bomb", f"The PDF has more than {MAX_STREAMS:,} streams.")
        start = match.end()
        floor = max(previous, match.start() - _MAX_DICT)
        previous = start
        obj = data.rfind(b"obj", floor, match.start())
        head = data[obj + 3 if obj >= 0 else floor:match.start()]  # this object's dictionary
        names = _filters(head)
        image = bool(_IMAGE.search(head))
        end = data.find(b"endstream", start)
        end = len(data) if end < 0 else end
        if not names:  # its own bytes count: no further than its object's end, if "endstream" is damaged
            endobj = data.find(b"endobj", start, end)
            end = endobj if endobj >= 0 else end
        raw = view[start:end]
        while names and names[0] in _ASCII:
            raw = _decode_ascii(bytes(raw), _ASCII[names.pop(0)])
        layers = 0
        while layers < len(names) and names[layers] in _FLATE:
            layers += 1
        if layers == 0 and (names or image):
            continue  # another filter (not counted), or raw image samples (pdfium reads them per row)
        one, budget, spent = (max_image_stream, max_images_total, images) if image else (max_stream, max_total, total)
        cap = min(one, budget - spent)
        size = _count_inflated(raw, layers, cap) if layers else len(raw)
        if size > cap:
            what = ("an image" if image else "a stream") if cap == one else ("its images" if image else "its other streams")
            raise InputError("pdf.bomb", f"A stream of the PDF (at byte {match.start():,}) inflates past "
                                         f"the limit for {what} ({(one if cap == one else budget) / (1 << 20):,.0f} MiB).")
        if image:
            images += size
        else:
            total += size
            number = _OBJ_NUMBER.search(data, max(0, obj - 24), obj) if obj >= 0 else None
            if number:
                sizes[int(number.group(1))] = size
    _check_pages(data, sizes, max_page)


_OBJ_NUMBER = re.compile(rb"(\d+)\s+\d+\s+$")
_CONTENTS = re.compile(rb"/Contents\s*\[([^\]]*)\]")
_REF = re.compile(rb"(\d+)\s+\d+\s+R")


def _check_pages(data: bytes, sizes: dict[int, int], max_page: int) -> None:
    """A page's content given as an array of streams is joined by pdfium into one: their sum is
    held to ``max_page`` (one stream is held to its own limit already)."""
    for match in _CONTENTS.finditer(data):
        size = sum(sizes.get(int(ref), 0) for ref in _REF.findall(match.group(1)))
        if size > max_page:
            raise InputError("pdf.bomb", f"A page's content streams (at byte {match.start():,}) inflate past "
                                         f"{max_page / (1 << 20):,.0f} MiB together, the limit for one page.")


# ---- zip (docx) ----------------------------------------------------------------------------

_EOCD = b"PK\x05\x06"


# bytes of central directory allowed per member: a 46-byte entry, its name and extra fields
_DIRECTORY_ENTRY = 1024


def _declared_directory(data: bytes) -> tuple[int, int] | None:
    """``(members, directory_bytes)`` from the zip's end-of-central-directory record (None if it
    has none). :mod:`zipfile` reads entries until the directory's bytes are used up, whatever the
    count says; 0xFFFF members means a Zip64 archive (more, or a claim of more)."""
    at = data.rfind(_EOCD, max(0, len(data) - 65_557))  # 22-byte record + a comment of up to 64 KiB
    if at < 0 or at + 22 > len(data):
        return None
    members, size = struct.unpack("<HI", data[at + 10:at + 16])
    return members, size


def _xml_members(archive: zipfile.ZipFile) -> set[str] | None:
    """Names of the members ``[Content_Types].xml`` types as XML (python-docx parses those into
    lxml trees, about 17 bytes of memory per byte of XML); None (take all for XML) when it is
    missing, over 1 MB or unreadable."""
    import lxml.etree as etree

    try:
        with archive.open("[Content_Types].xml") as part:
            raw = part.read((1 << 20) + 1)
        if len(raw) > 1 << 20:
            return None
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True)
        root = etree.fromstring(raw, parser)
    except Exception:
        return None
    defaults, overrides = {}, {}
    for item in root:
        tag = item.tag.rsplit("}", 1)[-1] if isinstance(item.tag, str) else ""
        if tag == "Default":
            defaults[item.get("Extension", "").lower()] = item.get("ContentType", "")
        elif tag == "Override":
            overrides[item.get("PartName", "").lstrip("/").lower()] = item.get("ContentType", "")
    names = set()
    for info in archive.infolist():
        lowered = info.filename.lower()
        ctype = overrides.get(lowered) or defaults.get(lowered.rsplit(".", 1)[-1] if "." in lowered else "", "")
        if "xml" in ctype:
            names.add(info.filename)
    return names


def check_zip(data: bytes, *, max_members: int, max_member: int, max_total: int, max_xml: int | None = None) -> None:
    """Refuse a zip (a .docx) that unpacks past its budget, before any reader unpacks it.

    Members are stream-read and their bytes counted: the sizes in the zip's headers are the
    maker's claim, not a fact. The member count is read from the end record before
    :mod:`zipfile` builds one object per member.

    Args:
        data: the zip's bytes.
        max_members: members at most.
        max_member: bytes one member may inflate to.
        max_total: bytes all members may inflate to together.
        max_xml: bytes the members typed as XML by ``[Content_Types].xml`` may inflate to
            together (all members when that part is missing); None: no such limit.
    Raises:
        InputError: ``docx.bomb`` past a limit; ``docx.corrupt`` when the zip cannot be read.
    """
    declared = _declared_directory(data)
    if declared is not None and (declared[0] > max_members or declared[1] > max_members * _DIRECTORY_ENTRY):
        raise InputError("docx.bomb", f"The Word document claims {declared[0]:,} parts in {declared[1]:,} bytes of "
                                      f"directory; the limit is {max_members:,} parts.")
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > max_members:
                raise InputError("docx.bomb", f"The Word document has {len(members):,} parts; the limit is {max_members:,}.")
            xml_names = _xml_members(archive) if max_xml is not None else set()
            total = xml = 0
            for info in members:
                size = 0
                is_xml = xml_names is None or info.filename in xml_names
                with archive.open(info) as member:
                    while piece := member.read(_PIECE):
                        size += len(piece)
                        total += len(piece)
                        xml += len(piece) if is_xml else 0
                        if max_xml is not None and xml > max_xml:
                            raise InputError("docx.bomb", f"The Word document's XML unpacks to more than {max_xml / (1 << 20):,.0f} MiB, "
                                                          "the limit for its text and markup.")
                        if size > max_member:
                            raise InputError("docx.bomb", f"The part {info.filename!r} of the Word document unpacks to more "
                                                          f"than {max_member / (1 << 20):,.0f} MiB, the limit for one part.")
                        if total > max_total:
                            raise InputError("docx.bomb", f"The Word document unpacks to more than {max_total / (1 << 20):,.0f} MiB, "
                                                          "the limit for all its parts.")
    except InputError:
        raise
    except Exception as exc:  # BadZipFile, bad CRC, unsupported compression, truncated data, ...
        raise InputError("docx.corrupt", f"The Word document could not be unpacked ({type(exc).__name__}).") from exc
