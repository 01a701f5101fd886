"""Citation F1 on the peer suites (eyecite and LexNLP test tables, ../shared/peer-suites).

Scoring (peer-suites/README.md): each case is exhaustive for citations; a
predicted citation matches an expected one when its ``normalized`` form equals
the expected ``text`` up to spacing and punctuation and the ``kind`` agrees.
The suites are read at test time and never copied into the repo.
"""
from __future__ import annotations

import json
import re

import pytest

from conftest import SHARED

SUITES = ["eyecite_citations.jsonl", "lexnlp_citations.jsonl"]


def _key(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", (s or "").lower())


def _score(path) -> tuple[int, int, int, list]:
    from extractor.facts.citations import find_cites

    tp = fp = fn = 0
    misses = []
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        want = [(_key(e["text"]), e["kind"]) for e in case["expect"] if e["type"] == "citation"]
        got = [(_key(c.normalized), c.kind) for c in find_cites(case["text"]) if c.report]
        left = list(got)
        for w in want:
            if w in left:
                left.remove(w)
                tp += 1
            else:
                fn += 1
                misses.append((case["id"], "missed", w))
        fp += len(left)
        misses += [(case["id"], "spurious", g) for g in left]
    return tp, fp, fn, misses


@pytest.mark.parametrize("suite", SUITES)
def test_peer_citation_f1(suite, shared_dir):
    path = shared_dir / "peer-suites" / suite
    if not path.exists():
        pytest.skip(f"{suite} not present")
    tp, fp, fn, misses = _score(path)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    assert f1 >= 0.90, f"{suite}: F1 {f1:.3f} (P {p:.3f} R {r:.3f}); {misses[:15]}"
