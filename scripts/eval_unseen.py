"""Score orders and counts against the hand-written expectations of tests/expected/orders_counts_unseen.json.

Usage: python scripts/eval_unseen.py [--show]

Those two corpus documents have no gold in ../shared/eval; their expected orders and counts were
written by reading them before the order and count rules were changed (issue 16), so they measure
documents the rules were not tuned on. An expected order matches a predicted one (one to one, in
order) when the action is one of the expected actions and the expected words occur in the
prediction's object, directive or text; a count matches by number and title words. Prints recall,
precision and F1 for orders and for counts.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "expected" / "orders_counts_unseen.json"
CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def _as_list(v) -> list:
    return v if isinstance(v, list) else [v]


def _order_ok(want: dict, got: dict) -> bool:
    words = want["mentions"].lower()
    hay = " ".join(str(got.get(k) or "") for k in ("object", "directive", "text")).lower()
    return got.get("action") in _as_list(want["action"]) and words in hay and got.get("polarity") in _as_list(want["polarity"])


def _count_ok(want: dict, got: dict) -> bool:
    return got.get("number") == want["number"] and want["title"].lower() in (got.get("title") or "").lower()


def score(pairs: list[tuple[list, list]], ok) -> tuple[int, int, int]:
    """``(matched, predicted, expected)`` over documents, greedy one-to-one in expectation order."""
    tp = n_pred = n_want = 0
    for wants, gots in pairs:
        free = list(gots)
        n_pred += len(gots)
        n_want += len(wants)
        for w in wants:
            hit = next((g for g in free if ok(w, g)), None)
            if hit is not None:
                free.remove(hit)
                tp += 1
    return tp, n_pred, n_want


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="print every predicted order and count")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from extractor import extract_file
    from extractor.ingest import IngestSettings

    spec = json.loads(EXPECTED.read_text(encoding="utf-8"))["documents"]
    orders, counts = [], []
    for name, want in spec.items():
        result = extract_file(CORPUS / name, settings=IngestSettings(ocr=False))
        got_o = [f for f in result["facts"] if f["type"] == "order" and not f.get("prior")]
        got_c = [f for f in result["facts"] if f["type"] == "count"]
        orders.append((want["orders"], got_o))
        counts.append((want["counts"], got_c))
        if args.show:
            print(f"== {name}")
            for f in got_o:
                print(f"  order {f['action']:8} {f['polarity']:8} | {f.get('object')} | {(f.get('directive') or '')[:60]}")
            for f in got_c:
                print(f"  count {f['number']} | {f.get('title')}")
    for label, pairs, ok in (("order", orders, _order_ok), ("count", counts, _count_ok)):
        tp, n_pred, n_want = score(pairs, ok)
        p = tp / n_pred if n_pred else 1.0
        r = tp / n_want if n_want else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{label:6} matched {tp:3} of {n_want:3} expected, {n_pred:3} predicted   P {p:.3f}  R {r:.3f}  F1 {f1:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
