"""Generators of hostile input files (issue 14): nothing is stored, every file is made here.

Each generator writes one file into a folder and returns its path; :data:`CASES` names every
case with the error code ``python -m extractor extract`` must give for it (None: the file is
read and gives facts, or a coded error the case allows).
"""
from __future__ import annotations

import io
import os
import random
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from helpers_pdf import Text, make_pdf, mutate

_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_TYPES = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          b'<Default Extension="xml" ContentType="application/xml"/>'
          b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          b'wordprocessingml.document.main+xml"/></Types>')
_RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         b'officeDocument" Target="word/document.xml"/></Relationships>')
ORDER = b"<w:p><w:r><w:t>On May 2, 2025 the Court GRANTED the motion to dismiss.</w:t></w:r></w:p>"


def write_docx(path: Path, body: bytes = ORDER, *, doctype: bytes = b"", repeat: int = 1,
               extra: dict[str, bytes] | None = None, zeros: dict[str, int] | None = None) -> Path:
    """A minimal .docx whose ``word/document.xml`` body is ``body`` written ``repeat`` times
    (streamed into the zip: a 300 MB part costs no 300 MB here), after an optional DOCTYPE;
    ``extra`` adds members, ``zeros`` members of that many zero bytes (streamed too)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _TYPES)
        z.writestr("_rels/.rels", _RELS)
        with z.open("word/document.xml", "w") as part:
            part.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + doctype)
            part.write(b"<w:document " + _W + b"><w:body>")
            for _ in range(repeat):
                part.write(body)
            part.write(b"</w:body></w:document>")
        for name, data in (extra or {}).items():
            z.writestr(name, data)
        for name, size in (zeros or {}).items():
            with z.open(name, "w") as part:
                for _ in range(size >> 20):
                    part.write(bytes(1 << 20))
    return path


def deflate_run(byte: bytes, mib: int) -> bytes:
    """A zlib stream of ``mib`` MiB of ``byte``, made in a second whatever the size: one MiB is
    compressed once, ending in a full flush (which resets the compressor), and repeated."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    one = byte * (1 << 20)
    piece = c.compress(one) + c.flush(zlib.Z_FULL_FLUSH)
    adler = 1
    for _ in range(mib):
        adler = zlib.adler32(one, adler)
    return b"\x78\xda" + piece * mib + c.flush() + struct.pack(">I", adler)


def inflating_pdf(mib: int, content: bytes | None = None) -> bytes:
    """A one-page PDF whose content stream (FlateDecode) inflates to ``mib`` MiB of spaces, or is
    ``content`` compressed."""
    good = make_pdf([[Text(72, 100, "x")]])
    stream = deflate_run(b" ", mib) if content is None else zlib.compress(content, 1)
    body = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"
    # make_pdf's first content stream is object 3; swap it for the bomb (the xref is repaired by pdfium)
    head, rest = good.split(b"3 0 obj\n", 1)
    return head + b"3 0 obj\n" + body + b"\nendobj\n" + rest.split(b"endobj\n", 1)[1]


def encrypted_pdf() -> bytes:
    import pikepdf

    src = pikepdf.open(io.BytesIO(make_pdf([[Text(72, 100, "Secret order.")]])))
    out = io.BytesIO()
    src.save(out, encryption=pikepdf.Encryption(owner="o", user="u", R=6))
    return out.getvalue()


GOOD_PDF = make_pdf([[Text(72, 100 + 20 * i, f"Line {i}: the Court GRANTED the motion.") for i in range(5)]] * 3)


def _bytes(name: str, make: Callable[[], bytes]) -> Callable[[Path], Path]:
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(make())
        return path
    return write


def _sparse(folder: Path) -> Path:
    path = folder / "sparse_1gb.pdf"
    with open(path, "wb") as f:
        f.write(b"%PDF-1.4\n")
        f.truncate(1 << 30)  # 1 GiB, no blocks on disk
    return path


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def _secret_xxe(folder: Path) -> Path:
    secret = folder / "secret.cfg"  # no supported suffix: a batch of the folder skips it
    secret.write_text("TOP-SECRET-TOKEN-4711", encoding="utf-8")
    doctype = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://' + str(secret).encode() + b'">]>'
    body = b"<w:p><w:r><w:t>The Court GRANTED the motion &xxe; today.</w:t></w:r></w:p>"
    return write_docx(folder / "xxe.docx", body, doctype=doctype)


def _laughs(folder: Path) -> Path:
    ents = b'<!ENTITY a0 "lol">' + b"".join(b'<!ENTITY a%d "&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;">'
                                         % ((i,) + (i - 1,) * 10) for i in range(1, 10))
    body = b"<w:p><w:r><w:t>The Court GRANTED the motion. &a9;</w:t></w:r></w:p>"
    return write_docx(folder / "laughs.docx", body, doctype=b"<!DOCTYPE w:document [" + ents + b"]>")


def _flipped(data: bytes, seed: int) -> bytes:
    rng = random.Random(seed)
    buf = bytearray(data)
    for _ in range(30):
        i = rng.randrange(len(buf))
        buf[i] ^= 1 << rng.randrange(8)
    return bytes(buf)


@dataclass(frozen=True)
class Case:
    """One hostile file: how to make it and the code it must give (None: facts, no error)."""

    name: str
    make: Callable[[Path], Path]
    code: str | None | tuple  # a tuple: any of these codes (None in it: facts) will do
    heavy: bool = False  # large, or a bomb: what the 30 s and 1.5 GB bounds are for


CASES = [
    Case("zero_byte", _bytes("empty.pdf", lambda: b""), "input.empty"),
    Case("truncated_pdf", _bytes("cut.pdf", lambda: GOOD_PDF[: len(GOOD_PDF) // 3]), "pdf.corrupt"),
    Case("bit_flipped_pdf", _bytes("flipped.pdf", lambda: _flipped(GOOD_PDF, 7)), (None, "pdf.corrupt", "pdf.no_text")),
    Case("encrypted_pdf", _bytes("locked.pdf", encrypted_pdf), "pdf.encrypted"),
    Case("image_renamed_pdf", _bytes("scan.pdf", lambda: b"\x89PNG\r\n\x1a\n" + bytes(200)), "pdf.corrupt"),
    Case("zip_renamed_docx", _bytes("archive.docx", lambda: zip_of({"a.txt": b"hello"})), "docx.corrupt"),
    Case("zip_renamed_pdf", _bytes("archive.pdf", lambda: zip_of({"a.txt": b"hello"})), "input.unsupported_format"),
    Case("blank_pages_3000", _bytes("blank.pdf", lambda: make_pdf([[]] * 3000)), "input.too_many_pages"),
    Case("sparse_1gb", _sparse, "input.too_large"),
    Case("fifo_txt", _fifo, "input.not_a_file"),
    Case("docx_comment", lambda f: write_docx(f / "comment.docx", b"<!-- a comment --><?pi x?>" + ORDER), None),
    Case("docx_xxe", _secret_xxe, None),
    Case("docx_billion_laughs", _laughs, "docx.corrupt"),  # libxml2's amplification limit
    Case("docx_many_members", lambda f: write_docx(f / "members.docx", extra={f"m/{i}": b"" for i in range(10_001)}),
         "docx.bomb"),
    Case("html_nested_1mb", _bytes("nested.html", lambda: b"<html><body>" + b"<div>" * 200_000), "html.too_deep"),
    Case("html_nested_50mb", _bytes("nested50.html", lambda: b"<html><body>" + b"<div>" * 10_000_000),
         "input.too_large", heavy=True),
    Case("docx_bomb_128mb", lambda f: write_docx(f / "bomb.docx", b"<w:p><w:r><w:t>" + b"a" * 4000 + b"</w:t></w:r></w:p>",
                                                 repeat=32_000), "docx.bomb", heavy=True),
    Case("docx_parts_bomb_280mb", lambda f: write_docx(f / "parts.docx", zeros={f"word/media/{i}.bin": 56 << 20 for i in range(5)}),
         "docx.bomb", heavy=True),
    # 40 MiB of path operators: pdfium would build about 800 MB of objects from it
    Case("pdf_operators_40mb", _bytes("paths.pdf", lambda: inflating_pdf(0, b"0 0 m 10 10 l S\n" * (40 << 16))), "pdf.bomb"),
    Case("pdf_inflating_2gb", _bytes("inflate.pdf", lambda: inflating_pdf(2048)), "pdf.bomb", heavy=True),
    Case("text_over_20mb", _bytes("long.txt", lambda: b"The Court GRANTED the motion.\n" * 800_000), "input.too_large",
         heavy=True),
    # a long text is read in pieces (tests/test_scale.py, bench/bench_scale.py); past the pipeline's own
    # limit of 10,000,000 characters (extractor.pipeline.MAX_CHARS) it is refused before spaCy sees it
    Case("text_past_max_chars", _bytes("long10.txt", lambda: b"On May 2, 2025 the Court GRANTED the motion.\n" * 230_000),
         "input.too_much_text", heavy=True),
    Case("bad_utf8_text", _bytes("surrogate.txt", lambda: b"The Court GRANTED the motion \xed\xa0\x80 on May 2, 2025.\n"), None),
]
DEVICE = Case("dev_zero", lambda f: Path("/dev/zero"), "input.not_a_file")


def zip_of(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def mutated(data: bytes, seed: int) -> bytes:
    """One :func:`helpers_pdf.mutate` copy of ``data`` (replayable from ``seed``)."""
    return mutate(data, random.Random(seed))[1]


# ---- running the CLI in a child process, measured ------------------------------------------

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Run:
    """A finished ``python -m extractor ...`` child: its output, wall seconds and peak RSS (MB)."""

    stdout: str
    stderr: str
    seconds: float
    peak_mb: float
    returncode: int
    arrivals: list[float]  # batch only: seconds since start at which each line of OUT.partial was seen
    cpu: float = 0.0  # user + system seconds of the child and its waited-for workers


def run_cli(*args: str, partial: Path | None = None, timeout: float = 600.0) -> Run:
    """Run the CLI in a child and measure it with ``os.wait4`` (the child's own
    ``ru_maxrss``, which takes in the worker processes it waited for).

    Args:
        args: CLI arguments ("extract", "--no-ocr", FILE, ...).
        partial: a batch's ``OUT.partial``, polled every 20 ms while the child runs: with
            ``--jobs 1`` the gaps between its lines are the seconds per file.
        timeout: the child is killed past this many seconds (the run then fails its bounds).
    """
    import signal
    import subprocess
    import sys
    import tempfile
    import time

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        child = subprocess.Popen([sys.executable, "-m", "extractor", *args], stdout=out, stderr=err, cwd=ROOT, env=env)
        arrivals: list[float] = []
        status = rusage = None
        while True:
            pid, status, rusage = os.wait4(child.pid, os.WNOHANG)
            now = time.monotonic() - started
            if partial is not None and partial.exists():
                with open(partial, "rb") as fh:
                    arrivals += [now] * (fh.read().count(b"\n") - len(arrivals))
            if pid:
                break
            if now > timeout:
                child.send_signal(signal.SIGKILL)
            time.sleep(0.02)
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - started
        out.seek(0)
        err.seek(0)
        return Run(out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"), seconds,
                   rusage.ru_maxrss / 1024, child.returncode, arrivals, rusage.ru_utime + rusage.ru_stime)


def per_file_seconds(run: Run, files: int) -> list[float]:
    """Seconds each of a batch's ``files`` took (``--jobs 1``): the gap to the line before (the
    first from the start, so it includes loading the pipeline). Lines the poll did not see
    before the batch removed OUT.partial are given all the time left, to the first of them
    (an upper bound: no file is reported faster than it was)."""
    seen = run.arrivals[:files]
    gaps = [b - a for a, b in zip([0.0] + seen, seen)]
    missing = files - len(gaps)
    if missing:
        gaps += [run.seconds - (seen[-1] if seen else 0.0)] + [0.0] * (missing - 1)
    return gaps


STARTUP_SECONDS = 20.0  # allowed once for starting Python and once for loading the pipeline


def without_startup(seconds: list[float], results: list[dict]) -> list[float]:
    """Per-file seconds of a ``--jobs 1`` batch less what is not the file's: starting the child
    (in the first gap) and loading the spaCy pipeline (in the gap of the first file that reached
    it: one with facts, or refused for its length), :data:`STARTUP_SECONDS` each at most."""
    out = list(seconds)
    if out:
        out[0] -= STARTUP_SECONDS
    for k, result in enumerate(results):
        if "error" not in result or result["error"]["code"] == "input.too_much_text":
            out[k] -= STARTUP_SECONDS
            break
    return out
