"""Resume that cannot serve stale data (issue 11): a line is reused only for the same file, options and version.

Also: the output's bytes do not depend on --jobs, and a journal line without its
keys (an older run's) is never reused.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor import batch
from extractor.batch import run_batch


@pytest.fixture
def folder(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("On May 2, 2025 the Court DENIED the motion to dismiss.", encoding="utf-8")
    (folder / "b.txt").write_text("On June 3, 2024 the Court GRANTED the motion.", encoding="utf-8")
    (folder / "c.pdf").write_bytes(b"%PDF-1.4 truncated")  # pdf.corrupt: an error about the input
    return folder


def go(folder: Path, **options) -> dict:
    return run_batch([str(folder)], str(folder.parent / "facts.jsonl"), jobs=1, progress=False, **options)


def dates(folder: Path) -> dict[str, list[str]]:
    lines = [json.loads(l) for l in (folder.parent / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    return {Path(l["document"]["source"]).name: [f["value"] for f in l["facts"] if f["type"] == "date"] for l in lines}


@pytest.mark.parametrize("change, second, redone", [
    # case                              options of the second run          why lines were redone
    ("nothing", {}, {}),
    ("include_text", {"include_text": True}, {"changed options": 3}),
    ("anchor_date", {"anchor_date": "2020-01-01"}, {"changed options": 3}),
    ("ocr", {"ocr": False}, {"changed options": 3}),
    ("show_hidden_text", {"show_hidden_text": True}, {"changed options": 3}),
])
def test_options_that_change_output_redo_every_line(folder, change, second, redone):
    first = go(folder)
    assert (first["files"], first["reused"], first["errors"]) == (3, 0, {"pdf.corrupt": 1})
    summary = go(folder, **second)
    assert summary["redone"] == redone
    assert summary["reused"] == 3 - sum(redone.values())


def test_a_changed_file_is_redone_and_the_others_reused(folder):
    go(folder)
    (folder / "b.txt").write_text("On July 4, 2023 the Court GRANTED the motion.", encoding="utf-8")
    summary = go(folder)
    assert (summary["reused"], summary["redone"]) == (2, {"changed file": 1})
    assert dates(folder)["b.txt"] == ["2023-07-04"]  # not the stale 2024-06-03


def test_a_new_extractor_version_redoes_every_line(folder, monkeypatch):
    go(folder)
    monkeypatch.setattr(batch, "__version__", "99.0.0")
    summary = go(folder)
    assert (summary["reused"], summary["redone"]) == (0, {"new version": 3})
    resume = [json.loads(l) for l in (folder.parent / "facts.jsonl.resume").read_text().splitlines()]
    assert {r["version"] for r in resume} == {"99.0.0"}


def test_a_transient_error_is_retried_and_an_input_error_kept(folder):
    go(folder)
    out = folder.parent / "facts.jsonl"
    # a journal left by an interrupted run in which a.txt failed for a transient reason
    from extractor.batch_output import read_finished
    records = read_finished(out)
    failed = dict(records[str(folder / "a.txt")])
    line = json.loads(failed["line"])
    failed["line"] = json.dumps({"schema_version": line["schema_version"],
                                 "document": {"source": line["document"]["source"], "id": line["document"]["id"]},
                                 "facts": [], "error": {"code": "extract.worker_died", "message": "SIGKILL"}})
    out.with_name("facts.jsonl.partial").write_text(json.dumps(failed) + "\n", encoding="utf-8")
    summary = go(folder)
    assert (summary["reused"], summary["redone"]) == (2, {"transient error": 1})
    assert summary["errors"] == {"pdf.corrupt": 1}  # the corrupt PDF's line was kept, not redone
    assert dates(folder)["a.txt"] == ["2025-05-02"]


def test_an_old_journal_line_without_keys_is_not_reused(folder):
    go(folder)
    out = folder.parent / "facts.jsonl"
    plain = out.read_text(encoding="utf-8")  # lines of the old format: no sha256, options or version
    out.unlink()
    out.with_name("facts.jsonl.resume").unlink()
    out.with_name("facts.jsonl.partial").write_text(plain, encoding="utf-8")
    summary = go(folder)
    assert (summary["files"], summary["reused"]) == (3, 0)
    assert out.read_text(encoding="utf-8") == plain


def test_a_line_edited_in_the_output_is_not_reused(folder):
    go(folder)
    out = folder.parent / "facts.jsonl"
    lines = out.read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].replace('"2025-05-02"', '"1999-01-01"')
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = go(folder)
    assert summary["reused"] == 2
    assert dates(folder)["a.txt"] == ["2025-05-02"]


def test_the_same_bytes_whatever_the_jobs(tmp_path, folder):
    for n in range(4):
        (folder / f"more_{n}.txt").write_text(f"On May {n + 5}, 2025 the Court DENIED the motion." * (n + 1))
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_batch([str(folder)], str(one), jobs=1, progress=False)
    run_batch([str(folder)], str(two), jobs=2, progress=False)
    assert one.read_bytes() == two.read_bytes()
    assert len(one.read_bytes().splitlines()) == 7


OPTS = {"include_text": False, "anchor_date": None, "ocr": True}
OK_LINE = json.dumps({"document": {"id": "abc"}, "facts": []})


def line_with(code: str) -> str:
    return json.dumps({"document": {"id": "abc"}, "facts": [], "error": {"code": code, "message": "m"}})


@pytest.mark.parametrize("record, sha256, why", [
    # case                                                                         file's sha256 now   why redone
    (None, "abc", "new file"),
    ({"sha256": "abc", "options": OPTS, "version": "1", "line": OK_LINE}, "abc", None),   # reused
    ({"sha256": "abc", "options": OPTS, "version": "1", "line": OK_LINE}, "def", "changed file"),
    ({"sha256": None, "options": OPTS, "version": "1", "line": OK_LINE}, None, "changed file"),  # unreadable then
    ({"sha256": "abc", "options": OPTS, "version": "0.9", "line": OK_LINE}, "abc", "new version"),
    ({"sha256": "abc", "options": {**OPTS, "ocr": False}, "version": "1", "line": OK_LINE}, "abc", "changed options"),
    ({"sha256": "abc", "options": OPTS, "version": "1", "line": line_with("extract.timeout")}, "abc", "transient error"),
    ({"sha256": "abc", "options": OPTS, "version": "1", "line": line_with("extract.failed")}, "abc", "transient error"),
    ({"sha256": "abc", "options": OPTS, "version": "1", "line": line_with("pdf.corrupt")}, "abc", None),  # kept
])
def test_redo_reason(record, sha256, why):
    from extractor.batch_output import redo_reason

    assert redo_reason(record, sha256, OPTS, "1") == why
