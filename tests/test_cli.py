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
    """A text past our own limit is ``input.too_much_text``, never spaCy's E088 (issue 14)."""
    import pytest as _pytest

    from extractor import extract_text
    from extractor.errors import InputError
    import extractor.extract

    monkeypatch.setattr(extractor.extract, "MAX_CHARS", 50)
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


# --- a command line that scripts can trust (issue 11) ------------------------

def cli_main(capsys, *args):
    from extractor.cli import main

    status = main(list(map(str, args)))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("args, status, message", [
    # case                                  exit status   what stderr says
    (["batch", "/no/such/folder", "-o", "x.jsonl"], 2, "[usage.not_found]"),
    (["batch", "corpus"], 2, "batch needs -o"),
    (["batch", "corpus", "-o", "x.jsonl", "--jobs", "0"], 2, "must be more than 0"),
    (["batch", "corpus", "-o", "x.jsonl", "--timeout", "-1"], 2, "must be more than 0"),
    (["extract", "/no/such/file.pdf"], 2, "[usage.not_found]"),
    (["extract", "a.txt", "b.txt", "--format", "json"], 2, "--format json writes one object"),
    (["frobnicate"], 2, "invalid choice"),
    (["extract", "corpus/team_sample_news_brief.txt", "-o", "corpus/team_sample_news_brief.txt"], 2,
     "[usage.output_is_input]"),  # extract -o over its own input is refused before anything is written
    (["evaluate", "out.jsonl", "gold"], 2, "evaluate needs --scorer"),
])
def test_usage_errors_exit_2(capsys, monkeypatch, args, status, message):
    monkeypatch.delenv("LEGAL_FACTS_SCORER", raising=False)
    monkeypatch.chdir(ROOT)
    got, out, err = cli_main(capsys, *args)
    assert (got, out) == (status, "")
    assert message in err


def test_an_empty_folder_warns_and_exits_1(capsys, tmp_path):
    (tmp_path / "empty").mkdir()
    status, _, err = cli_main(capsys, "batch", tmp_path / "empty", "-o", tmp_path / "x.jsonl", "--no-progress")
    assert status == 1
    assert f"warning: no file to read in {tmp_path / 'empty'}" in err and "nothing was processed" in err
    assert not (tmp_path / "x.jsonl").exists()


def test_a_batch_of_failed_files_still_exits_0(capsys, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.pdf").write_bytes(b"%PDF-1.4 truncated")
    status, out, err = cli_main(capsys, "batch", tmp_path / "in", "-o", tmp_path / "x.jsonl", "--no-progress")
    assert (status, out) == (0, "")
    assert "errors: pdf.corrupt 1" in err


@pytest.mark.parametrize("names, fmt, shape", [
    # case                                     --format   what stdout holds
    (["a.txt"], None, "object"),              # one file: one indented object
    (["a.txt", "b.txt"], None, "lines"),      # several: JSON Lines, one object a line
    (["a.txt"], "jsonl", "lines"),            # asked for: one line
])
def test_extract_writes_one_object_per_file(capsys, tmp_path, names, fmt, shape):
    for n, name in enumerate(names, 1):
        (tmp_path / name).write_text(f"On May {n}, 2025 the Court DENIED the motion.", encoding="utf-8")
    args = ["extract", *(tmp_path / n for n in names)] + (["--format", fmt] if fmt else [])
    status, out, err = cli_main(capsys, *args)
    assert status == 0, err
    if shape == "object":
        assert out.startswith("{\n") and json.loads(out)["document"]["source"].endswith("a.txt")
    else:
        lines = [json.loads(l) for l in out.splitlines()]
        assert [l["facts"][0]["value"] for l in lines] == [f"2025-05-0{n}" for n in range(1, len(names) + 1)]


def test_extract_error_goes_to_stderr_and_its_line_to_stdout(capsys, tmp_path):
    (tmp_path / "bad.pdf").write_bytes(b"not a pdf")
    (tmp_path / "ok.txt").write_text("On May 2, 2025 the Court DENIED the motion.", encoding="utf-8")
    status, out, err = cli_main(capsys, "extract", tmp_path / "bad.pdf", tmp_path / "ok.txt")
    assert status == 0
    assert [json.loads(l).get("error", {}).get("code") for l in out.splitlines()] == ["pdf.corrupt", None]
    assert f"{tmp_path / 'bad.pdf'}: " in err and "[pdf.corrupt]" in err


def test_version_flag(capsys):
    from extractor import __version__

    status, out, _ = cli_main(capsys, "--version")
    assert (status, out) == (0, f"legal-facts {__version__}\n")


def test_an_unexpected_error_is_one_line_not_a_traceback(capsys, monkeypatch, tmp_path):
    import extractor.batch

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.delenv("LEGAL_FACTS_DEBUG", raising=False)
    monkeypatch.setattr(extractor.batch, "run_batch", broken)
    status, _, err = cli_main(capsys, "batch", tmp_path, "-o", tmp_path / "x.jsonl")
    assert status == 1
    assert err == "internal error: RuntimeError: disk on fire (LEGAL_FACTS_DEBUG=1 shows the traceback)\n"


def test_evaluate_runs_the_given_scorer(capsys, tmp_path):
    scorer = tmp_path / "score.py"
    scorer.write_text("import sys\nprint('scored', sys.argv[1:])\nsys.exit(3)\n", encoding="utf-8")
    (tmp_path / "out.jsonl").write_text("{}\n")
    (tmp_path / "gold").mkdir()
    proc = run_cli("evaluate", str(tmp_path / "out.jsonl"), str(tmp_path / "gold"), "--scorer", str(scorer),
                   "--show-errors")
    assert proc.returncode == 3  # the scorer's own status
    assert proc.stdout == f"scored ['{tmp_path / 'out.jsonl'}', '{tmp_path / 'gold'}', '--show-errors']\n"


def test_evaluate_with_the_shared_scorer(tmp_path, shared_dir):
    """Our batch output scored by ../shared/eval/score.py: the table comes back through `evaluate`."""
    gold = shared_dir / "eval" / "gold"
    name = json.loads(sorted(gold.glob("*.json"))[0].read_text())["document"]
    source = next((shared_dir / "corpus").rglob(name), None)
    if source is None:
        pytest.skip("the first gold document is not in the corpus")
    from extractor.batch import process_one

    (tmp_path / "out.jsonl").write_text(process_one(str(source), None, False, ocr=False) + "\n", encoding="utf-8")
    proc = run_cli("evaluate", str(tmp_path / "out.jsonl"), str(gold), "--scorer", str(shared_dir / "eval" / "score.py"),
                   "--present-only", "--json")
    assert proc.returncode == 0, proc.stderr
    scored = json.loads(proc.stdout)
    assert "party" in scored["types"] and scored["missing_documents"] == []
    assert sum(v["tp"] for v in scored["types"].values()) > 0  # real facts matched gold
