"""By-hand check of issue 18: a batch killed with ``kill -9`` three times, then restarted, writes every file once
with lines byte-identical to an uninterrupted run.

Usage: PYTHONHASHSEED=0 python scripts/kill_restart.py CORPUS WORKDIR [--jobs 2] [--baseline WORKDIR/base.jsonl]

Set PYTHONHASHSEED: today some extractors iterate over sets of strings, so a few facts change with the
interpreter's hash seed (every batch run gets a new one unless it is fixed).

Each kill hits the main process only (SIGKILL), at a different moment: after 2 finished files, after 5 more,
and 2 s after the workers of a third run start (in the middle of their first files). The workers must then end on their own
(parent-death signal); the script checks that none is left after 5 s. Prints one line per phase and a verdict.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry))
            except (OSError, ValueError, IndexError):
                continue
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def lines(path: Path) -> int:
    return len(path.read_bytes().splitlines()) if path.exists() else 0


def batch(corpus: str, out: Path, jobs: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "extractor", "batch", corpus, "-o", str(out), "--jobs", str(jobs),
                             "--no-progress"], cwd=ROOT, stderr=subprocess.PIPE, text=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("workdir")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--baseline", help="an uninterrupted run's output (made first when missing)")
    a = ap.parse_args(argv)
    work = Path(a.workdir)
    work.mkdir(parents=True, exist_ok=True)
    base = Path(a.baseline) if a.baseline else work / "base.jsonl"
    if not base.exists():
        t = time.monotonic()
        proc = batch(a.corpus, base, a.jobs)
        proc.communicate()
        print(f"baseline: rc {proc.returncode}, {lines(base)} lines, {time.monotonic() - t:.0f} s")
    out = work / "killed.jsonl"
    partial = out.with_name(out.name + ".partial")
    for p in (out, partial, out.with_name(out.name + ".resume")):
        p.unlink(missing_ok=True)
    ok = True
    for moment in ("after 2 more files", "after 5 more files", "2 s after the workers start"):
        start_lines = lines(partial)
        proc = batch(a.corpus, out, a.jobs)
        t = time.monotonic()
        if moment.startswith("after"):
            want = start_lines + int(moment.split()[1])
            while lines(partial) < want and proc.poll() is None:
                time.sleep(0.1)
        else:
            while not children(proc.pid) and proc.poll() is None:
                time.sleep(0.1)
            time.sleep(2)
        workers = children(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()
        time.sleep(5)
        left = [w for w in workers if alive(w)]
        ok &= not left
        print(f"kill -9 {moment} ({time.monotonic() - t:.0f} s): journal {start_lines} -> {lines(partial)} lines, "
              f"workers {len(workers)}, left after 5 s: {len(left)}")
    t = time.monotonic()
    proc = batch(a.corpus, out, a.jobs)
    _, err = proc.communicate()
    sources = [json.loads(l)["document"]["source"] for l in out.read_bytes().splitlines()]
    same = out.read_bytes() == base.read_bytes()
    ok &= proc.returncode == 0 and same and len(sources) == len(set(sources)) == lines(base)
    print(f"restart: rc {proc.returncode}, {time.monotonic() - t:.0f} s, {len(sources)} lines, "
          f"{len(set(sources))} distinct sources, byte-identical to the baseline: {same}")
    print(err.strip().splitlines()[0])
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
