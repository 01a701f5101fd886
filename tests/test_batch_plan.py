"""What a batch reads and what it names as skipped (issue 18): a table of folder entries."""
from __future__ import annotations

import json
import os

import pytest

from extractor.batch import plan
from extractor.errors import UsageError


def test_every_path_left_out_is_named_with_why(tmp_path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / ".git").mkdir()
    for name in ("a.txt", "sub/b.PDF", "c.png", "README", ".DS_Store", ".git/x.txt"):
        (root / name).write_text("x")
    os.mkfifo(root / "pipe.txt")
    os.symlink(tmp_path / "gone.pdf", root / "dangling.pdf")
    os.symlink(root / "a.txt", root / "link_to_a.txt")       # a link to a file is read
    os.symlink(root / "sub", root / "link_to_sub")            # a link to a folder is not followed
    got = plan([str(root)])
    assert got.files == [str(root / n) for n in ("a.txt", "link_to_a.txt", "sub/b.PDF")]
    assert got.skipped == sorted([
        (str(root / ".DS_Store"), "hidden file"),
        (str(root / ".git"), "hidden folder"),
        (str(root / "README"), "unsupported suffix (none)"),
        (str(root / "c.png"), "unsupported suffix .png"),
        (str(root / "dangling.pdf"), "dangling link"),
        (str(root / "link_to_sub"), "link to a folder (not followed)"),
        (str(root / "pipe.txt"), "a pipe"),
    ])
    assert got.empty == []


def test_a_folder_with_nothing_to_read_is_reported_empty(tmp_path):
    (tmp_path / "only.png").write_text("x")
    got = plan([str(tmp_path)])
    assert (got.files, got.empty) == ([], [str(tmp_path)])


@pytest.mark.parametrize("make", [
    lambda p: None,                                   # nothing there
    lambda p: os.symlink(p.parent / "gone", p),       # a dangling link named directly
])
def test_a_path_that_does_not_exist_is_a_usage_error(tmp_path, make):
    path = tmp_path / "missing.txt"
    make(path)
    with pytest.raises(UsageError) as err:
        plan([str(path)])
    assert err.value.code == "usage.not_found" and str(path) in err.value.message


def test_extract_prints_a_name_that_is_not_utf8_as_given(capsys, tmp_path):
    from extractor.cli import main

    name = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"\xff.txt"))
    with open(name, "w", encoding="utf-8") as fh:
        fh.write("On May 2, 2025 the Court DENIED the motion.")
    assert main(["extract", name, "--format", "jsonl"]) == 0
    out = capsys.readouterr().out
    assert "\\udcff.txt" in out
    assert os.fsencode(json.loads(out)["document"]["source"]).endswith(b"/\xff.txt")


def test_the_summary_names_documents_with_privacy_flags(tmp_path):
    """A filing that shows a full Social Security number is flagged in the batch summary (issue 12)."""
    from extractor.batch import format_summary, run_batch

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "leak.txt").write_text("UNITED STATES DISTRICT COURT\n\nThe debtor's SSN is 123-45-6789.",
                                              encoding="utf-8")
    (tmp_path / "in" / "clean.txt").write_text("The motion is denied.", encoding="utf-8")
    summary = run_batch([str(tmp_path / "in")], str(tmp_path / "out.jsonl"), jobs=1, progress=False)
    assert summary["privacy"] == [{"path": str(tmp_path / "in" / "leak.txt"), "flags": ["identifier.unredacted"]}]
    assert "leak.txt (identifier.unredacted)" in format_summary(summary)
