"""Run the extractor over the PACER-docket suite and score the part tuned on and the part held out.

Usage: python scripts/eval_dockets.py [--out out/dockets.jsonl] [--jobs 2] [--reuse] [--show-errors N]

The suite is ``../shared/peer-suites/pacer-dockets`` (115 docket pages with the parties the court
lists). Its scorer is ``../shared/peer-suites/score_dockets.py``; this script only splits the suite
so the figures of pages nobody looked at while writing the rules can be reported apart:

- tuned on: every district docket, the appellate pages ``ca1`` and ``ca9_2`` (their layout was read
  to write the appellate reader), and the bankruptcy dockets at even positions of the sorted list;
- held out: the other seven appellate pages and the bankruptcy dockets at odd positions.

Prints the scorer's table for the whole suite, then for each part (``--suite`` folders made in a
temporary directory: a filtered ``gold.jsonl`` and links to the pages).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT.parent / "shared" / "peer-suites" / "pacer-dockets"
SCORER = SUITE.parent / "score_dockets.py"
TUNED_APPELLATE = {"appellate_ca1", "appellate_ca9_2"}


def split(gold: list[dict]) -> dict[str, list[dict]]:
    """``{"tuned": [...], "held-out": [...]}`` of the suite's gold lines (the rule in the module doc)."""
    bankruptcy = sorted(g["docket"] for g in gold if g["court_type"] == "bankruptcy")
    tuned_bk = set(bankruptcy[0::2])
    parts: dict[str, list[dict]] = {"tuned": [], "held-out": []}
    for g in gold:
        d = g["docket"]
        tuned = g["court_type"] == "district" or d in TUNED_APPELLATE or d in tuned_bk
        parts["tuned" if tuned else "held-out"].append(g)
    return parts


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(ROOT / "out" / "dockets.jsonl"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--reuse", action="store_true", help="score an existing --out file without running the batch")
    ap.add_argument("--show-errors", type=int, default=0)
    args = ap.parse_args(argv)
    out = Path(args.out)
    if not args.reuse:
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "extractor", "batch", str(SUITE / "html"), "--no-resume", "--no-progress",
                        "--jobs", str(args.jobs), "-o", str(out)], cwd=ROOT, check=True)
    gold = [json.loads(line) for line in (SUITE / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    extra = ["--show-errors", str(args.show_errors)] if args.show_errors else []
    print("== whole suite", flush=True)
    subprocess.run([sys.executable, str(SCORER), str(out)] + extra, check=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, lines in split(gold).items():
            folder = Path(tmp) / name
            (folder / "html").mkdir(parents=True)
            (folder / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in lines), encoding="utf-8")
            for g in lines:
                (folder / g["html_file"]).symlink_to(SUITE / g["html_file"])
            print(f"\n== {name} part ({len(lines)} dockets)", flush=True)
            subprocess.run([sys.executable, str(SCORER), str(out), "--suite", str(folder)] + extra, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
