"""Failed redactions (FACTS.md 1.1 ``document.redactions``): x-ray's test PDFs, masking of the
hidden words, --show-hidden-text, and a box drawn by hand."""
from __future__ import annotations

import json
import re
import zlib
from pathlib import Path

import pytest

from extractor.extract import extract_bytes
from extractor.ingest import IngestSettings
from extractor.ingest.pdf import open_pdfium
from extractor.ingest.redactions import scan_pdf
from extractor.schema import validate_line

ASSETS = Path(__file__).resolve().parents[2] / "shared" / "peer-suites" / "redactions"
if not ASSETS.exists():
    ASSETS = Path("/work/shared/peer-suites/redactions")
needs_assets = pytest.mark.skipif(not (ASSETS / "expected.jsonl").exists(), reason="x-ray assets not present")


def _overlap(a, b) -> float:
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    small = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return ix * iy / small if small > 0 else 0.0


@needs_assets
def test_xray_assets_give_the_expected_pages():
    expected = [json.loads(line) for line in (ASSETS / "expected.jsonl").read_text().splitlines() if line.strip()]
    assert len(expected) == 27
    wrong = []
    for exp in expected:
        data = (ASSETS / exp["file"]).read_bytes()
        pdf = open_pdfium(data)
        try:
            found = scan_pdf(data, pdf)
        finally:
            pdf.close()
        pages = sorted(n for n, page in found.items() if any(b["text_under"] for b in page.boxes))
        if pages != exp["failed_pages"]:
            wrong.append((exp["file"], pages))
        for page, boxes in exp["failed_boxes"].items():
            mine = [b["bbox"] for b in found[int(page)].boxes if b["text_under"]]
            if not any(_overlap(m, b) >= 0.5 for m in mine for b in boxes):
                wrong.append((exp["file"], "boxes"))
    assert wrong == []


@needs_assets
def test_hidden_words_are_masked_and_never_written():
    data = (ASSETS / "rectangles_yes_2.pdf").read_bytes()
    result = extract_bytes(data, "rectangles_yes_2.pdf", include_text=True)
    validate_line(result)
    text = result["document"]["text"]
    assert "abc███ghi" in text and "def" not in json.dumps(result)
    assert [w["page"] for w in result["warnings"] if w["code"] == "pdf.bad_redaction"] == [1]
    assert [r["text_under"] for r in result["document"]["redactions"]] == [True]
    shown = extract_bytes(data, "rectangles_yes_2.pdf", include_text=True, settings=IngestSettings(show_hidden_text=True))
    assert "abcdefghi" in shown["document"]["text"]
    assert len(shown["document"]["text"]) == len(text)  # one █ per character: offsets hold


def _strings(obj):
    if isinstance(obj, dict):
        for v in obj.values():
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)
    elif isinstance(obj, str):
        yield obj


@needs_assets
@pytest.mark.parametrize("name", ["rectangles_yes.pdf", "hidden_text_on_visible_text.pdf"])
def test_no_hidden_word_is_written(name):
    data = (ASSETS / name).read_bytes()
    masked = extract_bytes(data, name, include_text=True)
    shown = extract_bytes(data, name, include_text=True, settings=IngestSettings(show_hidden_text=True))
    text, full = masked["document"]["text"], shown["document"]["text"]
    hidden = {"".join(c for c, m in zip(w.group(0), text[w.start():w.end()]) if m == "█")
              for w in re.finditer(r"\S+", full) if "█" in text[w.start():w.end()]}
    hidden = {w for w in hidden if len(w) >= 3 and w not in re.sub(r"\S*█\S*", " ", text)}
    assert hidden  # the page does hide words
    written = " ".join(_strings(masked))
    assert [w for w in hidden if w in written] == []


def _boxed_pdf(box_first: bool, grey: float = 0.0) -> bytes:
    """One page: "Account 5550012345 closed" in grey level ``grey`` with a black box over the
    number, drawn before or after the text."""
    text = b"%.1f g BT /F1 12 Tf 72 700 Td (Account 5550012345 closed) Tj ET" % grey
    box = b"0 0 0 rg 118 696 72 14 re f"
    content = (box + b"\n" + text) if box_first else (text + b"\n" + box)
    stream = zlib.compress(content)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


@pytest.mark.parametrize("box_first,grey,failed", [
    (False, 0.0, True),   # box drawn after the text: the number is still in the text layer
    (True, 0.5, False),   # grey text drawn on top of the box: it shows, nothing is hidden
    (True, 0.0, True),    # black text on top of the black box: drawn in the box's colour, hidden
])
def test_box_order_decides(box_first, grey, failed):
    result = extract_bytes(_boxed_pdf(box_first, grey), "boxed.pdf", include_text=True, settings=IngestSettings(ocr=False))
    reds = result["document"]["redactions"]
    assert [r["text_under"] for r in reds] == [failed]
    assert ("5550012345" in result["document"]["text"]) is not failed
    if failed:
        assert "█" * 10 in result["document"]["text"] and "5550012345" not in json.dumps(result)
