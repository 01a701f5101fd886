"""Peer test suites (../shared/peer-suites/, README there): dates from LexNLP and
dateparser, money, amounts, percents and durations from LexNLP.

Each file is run case by case through ``extract_text`` (with the case's
anchor date) and scored by F1 over the facts in the case's ``scope`` only:
a date matches by ``value``; a quantity by ``value`` within the scoped
``kind``, with a unit sharing a word with the expected unit(s). Values are
compared as sets per case (the peers' harnesses compare sets). Every file
must reach F1 >= 0.80. The files are read at test time, never copied.
"""
from __future__ import annotations

import json
import re

import pytest

from conftest import SHARED

PEER_DIR = SHARED / "peer-suites"
FILES = ["lexnlp_dates", "dateparser_parse", "dateparser_relative", "dateparser_search",
         "lexnlp_money", "lexnlp_amounts", "lexnlp_percents", "lexnlp_durations"]
MIN_F1 = 0.80


def _words(unit) -> set[str]:
    units = unit if isinstance(unit, list) else [unit]
    return {w for u in units for w in re.findall(r"[a-z0-9]+", (u or "").lower())}


def _in_scope(fact: dict, scope: list[str]) -> bool:
    if fact["type"] == "date":
        return "date" in scope
    if fact["type"] == "quantity":
        return f"quantity/{fact.get('kind')}" in scope
    return False


def _key(fact: dict):
    if fact["type"] == "date":
        return ("date", fact["value"])
    return ("quantity", fact.get("kind"), round(float(fact["value"]), 6))


def score_case(case: dict, facts: list[dict]) -> tuple[int, int, int, list]:
    """Return ``(tp, fp, fn, errors)`` for one case, over distinct in-scope values."""
    scope = case["scope"]
    predicted = {}
    for f in facts:
        if _in_scope(f, scope):
            predicted.setdefault(_key(f), f)
    expected = {}
    for e in case["expect"]:
        if e["type"] == "date":
            expected.setdefault(("date", e["value"]), e)
        else:
            expected.setdefault(("quantity", e["kind"], round(float(e["value"]), 6)), e)
    tp, errors = 0, []
    for key, e in expected.items():
        p = predicted.get(key)
        if p is not None and (e["type"] == "date" or _words(e.get("unit")) & _words(p.get("unit"))):
            tp += 1
        else:
            errors.append(("missed", e, p and p.get("unit")))
    fp_keys = [k for k in predicted if k not in expected]
    errors += [("spurious", predicted[k]["text"], k) for k in fp_keys]
    return tp, len(fp_keys), len(expected) - tp, errors


def _cases(name: str) -> list[dict]:
    path = PEER_DIR / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def peer_results(shared_dir):
    """Run every case of every file once (one pipeline, loaded once)."""
    from extractor import extract_text

    out = {}
    for name in FILES:
        rows = []
        for case in _cases(name):
            result = extract_text(case["text"], name=f"{case['id']}.txt", anchor_date=case.get("anchor_date"))
            rows.append((case, result["facts"]))
        out[name] = rows
    return out


@pytest.mark.parametrize("name", FILES)
def test_peer_file_f1(peer_results, name):
    tp = fp = fn = 0
    failures = []
    for case, facts in peer_results[name]:
        a, b, c, errors = score_case(case, facts)
        tp, fp, fn = tp + a, fp + b, fn + c
        if errors:
            failures.append((case["id"], case["text"][:80], errors))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    assert f1 >= MIN_F1, f"{name}: F1 {f1:.3f} (P {precision:.3f} R {recall:.3f}); failures: {failures[:15]}"


# score_case itself, on small made-up cases (one line each)
@pytest.mark.parametrize("case,facts,want", [
    # a date matching by value is a true positive
    ({"scope": ["date"], "expect": [{"type": "date", "value": "2017-06"}]},
     [{"type": "date", "value": "2017-06", "text": "June 2017"}], (1, 0, 0)),
    # a quantity outside the scope is not counted
    ({"scope": ["quantity/money"], "expect": []},
     [{"type": "quantity", "kind": "count", "value": 10.0, "unit": "dogs", "text": "10 dogs"}], (0, 0, 0)),
    # the wrong unit is a miss
    ({"scope": ["quantity/duration"], "expect": [{"type": "quantity", "kind": "duration", "value": 2.0, "unit": "months"}]},
     [{"type": "quantity", "kind": "duration", "value": 2.0, "unit": "years", "text": "two years"}], (0, 0, 1)),
    # repeated values count once
    ({"scope": ["quantity/percent"], "expect": [{"type": "quantity", "kind": "percent", "value": 10.0, "unit": "percent"}]},
     [{"type": "quantity", "kind": "percent", "value": 10.0, "unit": "percent", "text": "ten percent"},
      {"type": "quantity", "kind": "percent", "value": 10.0, "unit": "percent", "text": "10%"}], (1, 0, 0)),
])
def test_score_case(case, facts, want):
    assert score_case(case, facts)[:3] == want
