"""Expansion budgets (extractor.ingest.budget): counted while inflating, whatever headers claim."""
from __future__ import annotations

import base64
import struct
import zlib

import pytest

from extractor.errors import InputError
from extractor.ingest import IngestSettings, read_bytes, read_file
from extractor.ingest.budget import check_pdf_streams, check_zip
from helpers_pdf import Text, make_pdf
from hostile_files import zip_of

MB = 1 << 20
PDF_LIMITS = dict(max_stream=4 * MB, max_image_stream=8 * MB, max_total=6 * MB, max_images_total=12 * MB)
ZIP_LIMITS = dict(max_members=50, max_member=4 * MB, max_total=6 * MB)


def _stream(body: bytes, filters: bytes, extra: bytes = b"") -> bytes:
    return b"1 0 obj\n<< /Length %d /Filter %s%s >>\nstream\n%s\nendstream\nendobj\n" % (len(body), filters, extra, body)


def _pdf(*streams: bytes) -> bytes:
    return b"%PDF-1.4\n" + b"".join(streams) + b"%%EOF\n"


@pytest.mark.parametrize("data, code", [
    (_pdf(_stream(zlib.compress(bytes(3 * MB)), b"/FlateDecode")), None),                       # 3 MB: under 4
    (_pdf(_stream(zlib.compress(bytes(5 * MB)), b"/FlateDecode")), "pdf.bomb"),                 # 5 MB: over 4
    (_pdf(_stream(zlib.compress(bytes(5 * MB)), b"/Fl")), "pdf.bomb"),                          # the abbreviation
    (_pdf(_stream(zlib.compress(zlib.compress(bytes(5 * MB))), b"[/FlateDecode /FlateDecode]")), "pdf.bomb"),  # two layers
    (_pdf(_stream(base64.a85encode(zlib.compress(bytes(5 * MB))) + b"~>", b"[/ASCII85Decode /FlateDecode]")), "pdf.bomb"),
    (_pdf(_stream(zlib.compress(bytes(3 * MB)), b"/FlateDecode")) * 2 + b"", None),              # 6 MB together: at the total
    (_pdf(*[_stream(zlib.compress(bytes(3 * MB)), b"/FlateDecode")] * 3), "pdf.bomb"),           # 9 MB together: over 6
    (_pdf(_stream(zlib.compress(bytes(7 * MB)), b"/FlateDecode", b" /Subtype /Image")), None),  # an image: 8 MB allowed
    (_pdf(_stream(zlib.compress(bytes(9 * MB)), b"/FlateDecode", b" /Subtype /Image")), "pdf.bomb"),
    (_pdf(*[_stream(zlib.compress(bytes(5 * MB)), b"/FlateDecode", b" /Subtype /Image")] * 3), "pdf.bomb"),  # 15 MB of images
    (_pdf(_stream(zlib.compress(bytes(5 * MB)), b"7 0 R")), "pdf.bomb"),                        # a filter by reference
    (_pdf(_stream(zlib.compress(bytes(5 * MB)), b"/FlateDecode", b" /Pad (" + b"x" * 9000 + b")")), "pdf.bomb"),  # a long dictionary
    # a stream without "endstream" before the bomb cannot hide it
    (_pdf(_stream(b"abc", b"/FlateDecode").replace(b"endstream", b"ENDSTREAM"), _stream(zlib.compress(bytes(5 * MB)), b"/FlateDecode")), "pdf.bomb"),
    (_pdf(_stream(zlib.compress(bytes(5 * MB))[:-20] + b"junk", b"/FlateDecode")), "pdf.bomb"),  # damaged tail: counted up to it
    (_pdf(_stream(b"not zlib at all" * 100, b"/FlateDecode")), None),                          # bad data: nothing inflates
    (_pdf(_stream(zlib.compress(bytes(5 * MB)), b"/DCTDecode")), None),                         # not Flate: not counted
    (_pdf(b"1 0 obj\n<< /Length 5 >>\nstream\n" + b" " * (5 * MB) + b"\nendstream\nendobj\n"), "pdf.bomb"),  # no filter: its bytes
    # one page's content as an array of three 3 MB streams: 9 MB together, over 4
    (_pdf(*[_stream(zlib.compress(bytes(3 * MB)), b"/FlateDecode").replace(b"1 0 obj", b"%d 0 obj" % n) for n in (4, 5)],
          b"6 0 obj\n<< /Type /Page /Contents [4 0 R 5 0 R 4 0 R] >>\nendobj\n"), "pdf.bomb"),
])
def test_pdf_stream_budget(data, code):
    if code is None:
        assert check_pdf_streams(data, **PDF_LIMITS) is None
    else:
        with pytest.raises(InputError) as exc:
            check_pdf_streams(data, **PDF_LIMITS)
        assert exc.value.code == code and ("MiB" in exc.value.message or "streams" in exc.value.message)


def test_pdf_bomb_through_read_bytes():
    # the default budget (16 MiB a stream) against a real page whose content inflates to 80 MiB
    from hostile_files import inflating_pdf

    with pytest.raises(InputError) as exc:
        read_bytes(inflating_pdf(80), "bomb.pdf", IngestSettings(ocr=False))
    assert exc.value.code == "pdf.bomb"
    assert read_bytes(make_pdf([[Text(72, 100, "Order granting the motion.")]]), "ok.pdf").text == "Order granting the motion."


def _understate(data: bytes, name: bytes, size: int) -> bytes:
    """The zip with ``name``'s uncompressed size claimed as ``size`` in both of its headers."""
    out = bytearray(data)
    # (signature, offset of the name length, of the name, of the uncompressed size) of the local and the
    # central directory header
    for sig, len_at, name_at, size_at in ((b"PK\x03\x04", 26, 30, 22), (b"PK\x01\x02", 28, 46, 24)):
        at = out.find(sig)
        while at >= 0:
            n = struct.unpack("<H", out[at + len_at:at + len_at + 2])[0]
            if out[at + name_at:at + name_at + n] == name:
                out[at + size_at:at + size_at + 4] = struct.pack("<I", size)
            at = out.find(sig, at + 4)
    return bytes(out)


@pytest.mark.parametrize("make, code", [
    (lambda: zip_of({"word/document.xml": bytes(3 * MB)}), None),                          # under every limit
    (lambda: zip_of({"word/document.xml": bytes(5 * MB)}), "docx.bomb"),                   # one member over 4 MB
    (lambda: zip_of({f"word/{i}.bin": bytes(3 * MB) for i in range(3)}), "docx.bomb"),     # 9 MB together, over 6
    (lambda: zip_of({f"m{i}": b"" for i in range(51)}), "docx.bomb"),                      # 51 members, over 50
    # a member whose headers claim 1 KB: never more is inflated, and the CRC then fails
    (lambda: _understate(zip_of({"word/document.xml": bytes(5 * MB)}), b"word/document.xml", 1024), "docx.corrupt"),
    # the end record claims 65,535 members (Zip64's mark): refused before zipfile reads the directory
    (lambda: (lambda z: z[:-12] + struct.pack("<H", 0xFFFF) + z[-10:])(zip_of({"a": b"x"})), "docx.bomb"),
    (lambda: b"PK\x03\x04" + bytes(100), "docx.corrupt"),                                  # no zip at all
])
def test_zip_budget(make, code):
    if code is None:
        assert check_zip(make(), **ZIP_LIMITS) is None
    else:
        with pytest.raises(InputError) as exc:
            check_zip(make(), **ZIP_LIMITS)
        assert exc.value.code == code and exc.value.message


def test_text_and_html_size_cap():
    small = IngestSettings(max_text_bytes=1000)
    for name in ("a.txt", "a.html"):
        with pytest.raises(InputError) as exc:
            read_bytes(b"The motion is granted.\n" * 50, name, small)
        assert exc.value.code == "input.too_large" and "limit for text and HTML" in exc.value.message
    assert read_bytes(b"The motion is granted.\n" * 40, "a.txt", small).text.startswith("The motion")


def test_only_regular_files(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe.pdf")
    for path in (tmp_path, tmp_path / "pipe.pdf", "/dev/null"):
        with pytest.raises(InputError) as exc:
            read_file(path)
        assert exc.value.code == "input.not_a_file"
    with pytest.raises(InputError) as exc:
        read_file(tmp_path / "missing.pdf")
    assert exc.value.code == "input.not_found"


def test_zip_xml_budget_follows_content_types():
    # python-docx parses what [Content_Types].xml types as XML, whatever its name: those count
    types = (b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             b'<Default Extension="xml" ContentType="application/xml"/>'
             b'<Default Extension="png" ContentType="image/png"/>'
             b'<Override PartName="/word/h.bin" ContentType="application/vnd.openxmlformats-officedocument.'
             b'wordprocessingml.header+xml"/></Types>')
    limits = dict(ZIP_LIMITS, max_total=20 * MB, max_xml=3 * MB)
    base = {"[Content_Types].xml": types}
    check_zip(zip_of({**base, "word/media/a.png": bytes(3 * MB), "word/media/b.png": bytes(3 * MB)}), **limits)  # images
    for extra in ({"word/a.xml": bytes(2 * MB), "word/b.xml": bytes(2 * MB)},   # 4 MB of XML
                  {"word/a.xml": bytes(2 * MB), "word/h.bin": bytes(2 * MB)}):  # XML by override
        with pytest.raises(InputError) as exc:
            check_zip(zip_of({**base, **extra}), **limits)
        assert exc.value.code == "docx.bomb" and "XML" in exc.value.message
    with pytest.raises(InputError):  # no content types: every member counts as XML
        check_zip(zip_of({"word/media/a.png": bytes(2 * MB), "word/media/b.png": bytes(2 * MB)}), **limits)
