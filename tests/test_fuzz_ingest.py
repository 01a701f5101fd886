"""Fuzz: damaged copies of corpus PDFs end as text or as an InputError with a known code, never
as another exception. 30 copies by default; ``INGEST_FUZZ_N=200`` for the full set. No timing
is asserted: the per-file bound is the ingest time budget (``IngestSettings.max_seconds``) and
the page and character limits, which the batch relies on too."""
from __future__ import annotations

import os
import random

import pytest

from extractor.errors import ERROR_MESSAGES, InputError
from extractor.ingest import IngestSettings, SourceText, read_bytes
from helpers_pdf import Text, make_pdf, mutate

# Small text PDFs of the corpus (pleading paper, appellate stamp, one-page list) plus a made one.
SEEDS = ["order_prelim_injunction_cdcal_consumerinfo_v_leon.pdf", "order_ca10_in_re_liebowitz.pdf",
         "other_ala_supreme_court_decision_list.pdf", "order_edcal_still_v_ssa_attorney_fees.pdf"]
N = int(os.environ.get("INGEST_FUZZ_N", "30"))
SETTINGS = IngestSettings(ocr=False, max_seconds=30.0, max_pages=200)


def _seeds(shared_dir) -> list[tuple[str, bytes]]:
    out = [("made.pdf", make_pdf([[Text(72, 100 + 20 * i, f"Line {i} of the order.") for i in range(10)]] * 3))]
    for name in SEEDS:
        path = shared_dir / "corpus" / "real" / name
        if path.exists():
            out.append((name, path.read_bytes()))
    return out


def test_mutated_pdfs_never_crash(shared_dir):
    rng = random.Random(20260315)
    seeds = _seeds(shared_dir)
    outcomes: dict[str, int] = {}
    crashes = []
    for k in range(N):
        name, data = seeds[k % len(seeds)]
        how, damaged = mutate(data, rng)
        try:
            result = read_bytes(damaged, name, SETTINGS)
            assert isinstance(result, SourceText)
            assert all(0 <= p.start_char <= p.end_char <= len(result.text) for p in result.pages)
            outcomes["text"] = outcomes.get("text", 0) + 1
        except InputError as exc:
            assert exc.code in ERROR_MESSAGES and exc.message
            outcomes[exc.code] = outcomes.get(exc.code, 0) + 1
        except Exception as exc:  # noqa: BLE001 - the point of the test
            crashes.append(f"{name} {how}: {type(exc).__name__}: {exc}")
    assert crashes == [], crashes
    assert sum(outcomes.values()) == N


def test_mutation_helper_is_deterministic():
    # the same seed gives the same damaged bytes (failures can be replayed)
    data = make_pdf([[Text(72, 100, "x")]])
    assert mutate(data, random.Random(1)) == mutate(data, random.Random(1))
