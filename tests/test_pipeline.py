"""Sentence boundaries survive legal abbreviations (CASES.md C-05)."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp():
    from extractor.pipeline import load_pipeline
    return load_pipeline()


@pytest.mark.parametrize("text, expected", [
    # C-05: "v.", "No.", "Cir.", "Inc.", "et al.", "U.S.C." do not end sentences
    ("In Harlan v. Ostrowski, No. 22-1187 (9th Cir. 2023), the panel reversed. Defendants Corvo Logistics, Inc. et al. now move to transfer under 28 U.S.C. § 1404(a).",
     ["In Harlan v. Ostrowski, No. 22-1187 (9th Cir. 2023), the panel reversed.",
      "Defendants Corvo Logistics, Inc. et al. now move to transfer under 28 U.S.C. § 1404(a)."]),
    # Fed. R. Civ. P. and F.3d inside one sentence
    ("See Smith v. Jones, 123 F.3d 456 (2d Cir. 1999); Fed. R. Civ. P. 12(b)(6). The Court agrees.",
     ["See Smith v. Jones, 123 F.3d 456 (2d Cir. 1999); Fed. R. Civ. P. 12(b)(6).", "The Court agrees."]),
    # "Inc." may end a sentence when a capitalized word follows
    ("The plaintiff sued Acme Inc. The case was dismissed.",
     ["The plaintiff sued Acme Inc.", "The case was dismissed."]),
])
def test_sentences(nlp, text, expected):
    assert [s.text for s in nlp(text).sents] == expected


def test_pipeline_is_loaded_once():
    from extractor.pipeline import load_pipeline
    assert load_pipeline() is load_pipeline()


def test_abbreviation_list_round_trips():
    import json

    from extractor.data import MODELS_DIR
    from extractor.pipeline import abbreviations
    data = json.loads((MODELS_DIR / "abbreviations.json").read_text())
    never, maybe = abbreviations()
    assert never == frozenset(data["never_final"]) and maybe == frozenset(data["may_be_final"])
    assert "v." in never and "Inc." in maybe and not never & maybe
