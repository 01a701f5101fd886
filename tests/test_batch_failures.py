"""A batch that survives its own failures (issue 18): every case in a subprocess, with real signals and files.

Workers are held busy at a known moment with the documented test hook
``LEGAL_FACTS_TEST_HOOK`` (see ``extractor/batch_pool.py``); a busy worker is
found as the child process sleeping in the kernel's nanosleep.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

TEXT = "On May {n}, 2025 the Court DENIED the motion to dismiss."


def batch_cmd(*args) -> list[str]:
    return [sys.executable, "-m", "extractor", "batch", *map(str, args), "--no-progress"]


def run(*args, hook: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, **({"LEGAL_FACTS_TEST_HOOK": hook} if hook else {})}
    return subprocess.run(batch_cmd(*args), cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=env)


def start(*args, hook: str) -> subprocess.Popen:
    env = {**os.environ, "LEGAL_FACTS_TEST_HOOK": hook}
    return subprocess.Popen(batch_cmd(*args), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)


def children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def sleeping(pid: int) -> bool:
    """True when ``pid`` sleeps in nanosleep (the test hook's time.sleep), not in a poll on its pipe."""
    try:
        if "nanosleep" in Path(f"/proc/{pid}/wchan").read_text():
            return True
        return Path(f"/proc/{pid}/syscall").read_text().split()[0] in {"230", "35"}  # x86_64 clock_nanosleep, nanosleep
    except (OSError, IndexError):
        return False


def wait_for(predicate, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("timed out waiting")


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def lines_of(path: Path) -> list[dict]:
    return [json.loads(l) for l in path.read_bytes().decode("utf-8").splitlines()]


def write_texts(folder: Path, names) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n, name in enumerate(names, 1):
        (folder / name).write_text(TEXT.format(n=n), encoding="utf-8")


# --- names and paths a folder walk meets ----------------------------------

@pytest.fixture(scope="module")
def odd_folder(tmp_path_factory):
    """One batch over a folder with a non-UTF-8 name, a FIFO, a dangling link and an unreadable folder."""
    root = tmp_path_factory.mktemp("odd")
    folder = root / "in"
    write_texts(folder, ["a.txt"])
    bad = os.path.join(os.fsencode(folder), b"caf\xe9 \xff.txt")
    with open(bad, "wb") as fh:
        fh.write(b"On June 3, 2024 the Court GRANTED the motion.")
    os.mkfifo(folder / "pipe.txt")
    os.symlink(root / "gone.txt", folder / "dangling.txt")
    (folder / "locked").mkdir()
    write_texts(folder / "locked", ["hidden_inside.txt"])
    os.chmod(folder / "locked", 0)
    out = root / "facts.jsonl"
    proc = run(folder, "-o", out, "--jobs", "1")
    os.chmod(folder / "locked", 0o700)
    return folder, out, proc


def test_a_name_that_is_not_utf8_gets_its_line(odd_folder):
    folder, out, proc = odd_folder
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    raw = out.read_bytes()
    raw.decode("utf-8")  # the output is valid UTF-8
    lines = lines_of(out)
    sources = [os.fsencode(l["document"]["source"]) for l in lines]
    assert os.path.join(os.fsencode(folder), b"caf\xe9 \xff.txt") in sources  # the name's own bytes come back
    odd = next(l for l in lines if b"\xff" in os.fsencode(l["document"]["source"]))
    assert "error" not in odd and [f["value"] for f in odd["facts"] if f["type"] == "date"] == ["2024-06-03"]
    assert b"\\udce9" in raw and b"\\udcff" in raw  # JSON-escaped surrogates


def test_fifo_and_dangling_link_are_named_in_the_summary(odd_folder):
    folder, out, proc = odd_folder
    assert f"{folder / 'pipe.txt'} (a pipe)" in proc.stderr
    assert f"{folder / 'dangling.txt'} (dangling link)" in proc.stderr
    assert "caf\\xe9 \\xff.txt" not in proc.stderr.split("skipped")[-1]  # read, not skipped
    assert len([l for l in lines_of(out) if "locked" not in l["document"]["source"]]) == 2


def test_an_unreadable_folder_is_named_in_the_summary(odd_folder):
    if os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not stop root from listing a folder")
    folder, out, proc = odd_folder
    assert f"{folder / 'locked'} (unreadable folder (Permission denied))" in proc.stderr
    assert not any("hidden_inside" in l["document"]["source"] for l in lines_of(out))


# --- workers that die, hang, or outlive the batch --------------------------

def test_kill_9_of_one_worker_costs_nothing(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "facts.jsonl"
    names = [f"f{n}.txt" for n in range(1, 7)]
    write_texts(folder, names)
    proc = start(folder, "-o", out, "--jobs", "2", hook="sleep=1")
    victim = wait_for(lambda: next((p for p in children(proc.pid) if sleeping(p)), None))
    os.kill(victim, signal.SIGKILL)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stderr
    lines = lines_of(out)
    assert sorted(Path(l["document"]["source"]).name for l in lines) == names  # every file once, in order
    assert [Path(l["document"]["source"]).name for l in lines] == names
    assert all("error" not in l for l in lines)  # the killed worker's file was retried in a fresh worker
    assert "worker died (SIGKILL), retried in a fresh worker" in stderr
    assert not alive(victim)


def test_a_worker_that_dies_twice_and_a_stuck_file(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "facts.jsonl"
    write_texts(folder, ["a.txt", "doom.txt", "stuck.txt", "z.txt"])
    started = time.monotonic()
    proc = run(folder, "-o", out, "--jobs", "2", "--timeout", "6", hook="kill=doom,sleep=60@stuck")
    assert time.monotonic() - started < 50  # the stuck file did not hold the batch for its 60 s
    assert proc.returncode == 0, proc.stderr
    by_name = {Path(l["document"]["source"]).name: l for l in lines_of(out)}
    assert list(by_name) == ["a.txt", "doom.txt", "stuck.txt", "z.txt"]
    assert by_name["doom.txt"]["error"]["code"] == "extract.worker_died"
    assert "SIGKILL" in by_name["doom.txt"]["error"]["message"]
    assert by_name["stuck.txt"]["error"]["code"] == "extract.timeout"
    assert by_name["stuck.txt"]["document"]["id"]  # the id is still the file's sha256
    assert "error" not in by_name["a.txt"] and "error" not in by_name["z.txt"]
    assert "doom.txt: worker died (SIGKILL) twice" in proc.stderr
    assert "stuck.txt: took longer than 6 s: extract.timeout" in proc.stderr
    # a rerun retries the transient errors (and only those)
    again = run(folder, "-o", out, "--jobs", "1", "--timeout", "6")
    assert "reused from a previous run: 2; redone: transient error 2" in again.stderr


def test_workers_end_when_the_main_process_is_killed(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "facts.jsonl"
    write_texts(folder, ["a.txt", "b.txt", "c.txt"])
    proc = start(folder, "-o", out, "--jobs", "2", hook="sleep=60")
    workers = wait_for(lambda: (lambda ws: ws if len(ws) == 2 else None)(
        [p for p in children(proc.pid) if sleeping(p)]))
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    time.sleep(5)
    assert [w for w in workers if alive(w)] == []
    assert not out.exists()


# --- the files beside the output ------------------------------------------

def test_a_torn_partial_line_is_dropped_and_redone(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "facts.jsonl"
    write_texts(folder, ["a.txt", "b.txt", "c.txt"])
    assert run(folder, "-o", out, "--jobs", "1").returncode == 0
    resume = out.with_name("facts.jsonl.resume").read_bytes().splitlines(keepends=True)
    lines = out.read_bytes().splitlines(keepends=True)
    # rebuild the journal an interrupted run leaves: a.txt done, b.txt torn inside a UTF-8 character
    records = []
    for r, l in zip(resume, lines):
        rec = json.loads(r)
        rec.pop("line_sha256")
        rec["line"] = l.decode("utf-8").rstrip("\n")
        records.append((json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8"))
    torn = records[1].replace(b'"source"', "\"s\u00e9\"".encode("utf-8"), 1)
    torn = torn[:torn.index("\u00e9".encode("utf-8")) + 1]  # half of a two-byte character, no newline
    expected = out.read_bytes()
    out.unlink()
    out.with_name("facts.jsonl.resume").unlink()
    partial = out.with_name("facts.jsonl.partial")
    partial.write_bytes(records[0] + torn)
    proc = run(folder, "-o", out, "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    assert "reused from a previous run: 1;" in proc.stderr
    assert out.read_bytes() == expected  # byte-identical to the uninterrupted run
    assert not partial.exists()


def test_output_equal_to_an_input_is_refused(tmp_path):
    filing = tmp_path / "f.txt"
    filing.write_text(TEXT.format(n=1), encoding="utf-8")
    before = filing.read_bytes()
    proc = run(filing, "-o", filing)
    assert proc.returncode == 2
    assert "[usage.output_is_input]" in proc.stderr and "Traceback" not in proc.stderr
    assert filing.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.txt"]


def test_two_batches_on_the_same_output(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "facts.jsonl"
    write_texts(folder, ["a.txt", "b.txt"])
    first = start(folder, "-o", out, "--jobs", "1", hook="sleep=60@a.txt")
    wait_for(lambda: any(sleeping(p) for p in children(first.pid)))
    second = run(folder, "-o", out, "--jobs", "1")
    assert second.returncode == 2
    assert f"Another batch (pid {first.pid}) is writing this output" in second.stderr
    assert "[usage.output_locked]" in second.stderr
    assert not out.exists()  # the refused batch wrote nothing
    # the lock dies with its holder: after a kill -9 the lock file is left, but a new batch runs
    os.kill(first.pid, signal.SIGKILL)
    first.communicate(timeout=30)
    assert out.with_name("facts.jsonl.lock").exists()
    third = run(folder, "-o", out, "--jobs", "1")
    assert third.returncode == 0, third.stderr
    assert [Path(l["document"]["source"]).name for l in lines_of(out)] == ["a.txt", "b.txt"]
    assert not out.with_name("facts.jsonl.lock").exists()
