"""The command line: extract, batch (error lines, resume, summary) and schema."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT


def run_cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "extractor", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_schema_command_prints_json_schema():
    proc = run_cli("schema")
    assert proc.returncode == 0
    schema = json.loads(proc.stdout)
    assert "$defs" in schema and "Result" in schema["$defs"] and "ErrorResult" in schema["$defs"]


def test_batch_writes_one_line_per_file_with_error_lines(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_note.txt").write_text("On May 2, 2025 the Court GRANTED the motion.", encoding="utf-8")
    (folder / "b_empty.pdf").write_bytes(b"")                  # zero bytes
    (folder / "c_fake.pdf").write_bytes(b"hello, not a pdf")  # renamed non-PDF
    (folder / "d_truncated.pdf").write_bytes((ROOT / "corpus" / "order_ca10_in_re_liebowitz.pdf").read_bytes()[:3000])
    (folder / "e_image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)  # skipped: unsupported suffix
    out = tmp_path / "facts.jsonl"
    proc = run_cli("batch", str(folder), "-o", str(out), "--jobs", "1", "--no-progress")
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(l) for l in out.read_text().splitlines()]
    assert [l["document"]["source"].rsplit("/", 1)[-1] for l in lines] == ["a_note.txt", "b_empty.pdf", "c_fake.pdf", "d_truncated.pdf"]
    assert "error" not in lines[0] and lines[0]["document"]["kind"]
    assert lines[1]["error"]["code"] == "input.empty"
    assert lines[2]["error"]["code"] == "pdf.corrupt"
    assert lines[3]["error"]["code"].startswith("pdf.")
    assert all(l["facts"] == [] for l in lines[1:])
    assert "Traceback" not in proc.stderr
    assert "skipped 1" in proc.stderr and "e_image.png" in proc.stderr
    assert "errors: " in proc.stderr and "input.empty 1" in proc.stderr


def test_batch_resumes_from_previous_output(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("one.txt", "two.txt"):
        (folder / name).write_text(f"The Court DENIED the motion on June {len(name)}, 2024.", encoding="utf-8")
    out = tmp_path / "facts.jsonl"
    assert run_cli("batch", str(folder), "-o", str(out), "--no-progress").returncode == 0
    (folder / "three.txt").write_text("Nothing here.", encoding="utf-8")
    proc = run_cli("batch", str(folder), "-o", str(out), "--no-progress")
    assert "reused from a previous run: 2" in proc.stderr
    assert len(out.read_text().splitlines()) == 3
    assert not (tmp_path / "facts.jsonl.partial").exists()


def test_extract_writes_json_with_text(tmp_path):
    out = tmp_path / "one.json"
    proc = run_cli("extract", str(ROOT / "corpus" / "team_sample_news_brief.txt"), "--include-text", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    obj = json.loads(out.read_text())
    assert obj["document"]["text"].startswith("BOSTON")
    assert obj["document"]["text_length"] == len(obj["document"]["text"])


def test_extract_bad_anchor_date_is_a_usage_error():
    proc = run_cli("extract", "x.txt", "--anchor-date", "12/02/2026")
    assert proc.returncode == 2 and "YYYY-MM-DD" in proc.stderr


def test_no_ocr_flag_reaches_the_batch_workers(tmp_path):
    """--no-ocr: an image-only page is reported, not OCR'd, also inside batch worker processes."""
    scanned = ROOT.parent / "shared" / "corpus" / "real" / "scanned_opinion_tn_wcab_goodwin_v_morristown.pdf"
    if not scanned.exists():
        pytest.skip("../shared corpus missing")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(scanned, folder / "scan.pdf")
    (folder / "note.txt").write_text("Nothing here.", encoding="utf-8")
    out = tmp_path / "facts.jsonl"
    proc = run_cli("batch", str(folder), "-o", str(out), "--no-ocr", "--jobs", "2", "--no-progress")
    assert proc.returncode == 0, proc.stderr
    scan = json.loads(out.read_text().splitlines()[1])
    assert scan["document"]["source"].endswith("scan.pdf")
    if "error" in scan:
        assert scan["error"]["code"] == "pdf.no_text"
    else:
        assert not any(p["ocr"] for p in scan["document"]["pages"])
        assert any(w["code"] == "pdf.no_text_layer" for w in scan["warnings"])


def test_extract_text_with_a_lone_surrogate():
    """A string holding half a UTF-16 pair is extracted, not a UnicodeEncodeError (issue 14)."""
    from extractor import extract_text

    result = extract_text("Jane Roe sued \ud800 the city on May 2, 2021.", include_text=True)
    assert result["document"]["text"] == "Jane Roe sued ? the city on May 2, 2021."
    assert [f["value"] for f in result["facts"] if f["type"] == "date"] == ["2021-05-02"]


def test_text_past_the_pipeline_limit_is_a_coded_error(monkeypatch):
    """spaCy's E088 never reaches the user: a too-long text is ``input.too_much_text`` (issue 14)."""
    import pytest as _pytest

    from extractor import extract_text
    from extractor.errors import InputError
    from extractor.pipeline import load_pipeline

    monkeypatch.setattr(load_pipeline(), "max_length", 50)
    with _pytest.raises(InputError) as err:
        extract_text("The motion is denied. " * 10)
    assert err.value.code == "input.too_much_text"


def test_a_pipe_or_device_is_refused_at_once(tmp_path):
    """A FIFO named .txt and /dev/zero are no regular files: a coded error, never a hang (issue 14)."""
    import os

    import pytest as _pytest

    from extractor.errors import InputError
    from extractor.ingest import read_file

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for path in (fifo, "/dev/zero"):
        with _pytest.raises(InputError) as err:
            read_file(path)
        assert err.value.code == "input.not_a_file"


def test_batch_error_lines_for_a_pipe_and_a_device(tmp_path):
    """After a failure the batch hashes the file for its id: a pipe or device gets id null, never a hang."""
    import json
    import os

    from extractor.batch import process_one

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for path in (str(fifo), "/dev/zero"):
        line = json.loads(process_one(path, None, False, ocr=False))
        assert (line["error"]["code"], line["document"]["id"]) == ("input.not_a_file", None)
