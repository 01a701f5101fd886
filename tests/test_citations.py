"""Citation facts: eyecite plus the statute and rule forms it misses (extractor/facts/citations.py)."""
from __future__ import annotations

import pytest

from conftest import facts_of

CASES = [
    # (text, citation text, kind, normalized, pin_cite)
    # full case citation: case name and parenthetical are part of the fact
    ("See Roe v. Wade, 410 U.S. 113, 120 (1973).", "Roe v. Wade, 410 U.S. 113, 120 (1973)", "case", "410 U.S. 113", "120"),
    # statute eyecite finds: subsections go to pin_cite
    ("under 26 U.S.C. § 6103(i)(2) the IRS", "26 U.S.C. § 6103(i)(2)", "statute", "26 U.S.C. § 6103", "(i)(2)"),
    # statute eyecite misses (letter suffix + subsection; eyecite issue #300)
    ("the Privacy Act, 5 U.S.C. § 552a(b), bars", "5 U.S.C. § 552a(b)", "statute", "5 U.S.C. § 552a", "(b)"),
    # U.S.C.A. normalizes to U.S.C.
    ("42 U.S.C.A. § 406(b)(1)(A) provides", "42 U.S.C.A. § 406(b)(1)(A)", "statute", "42 U.S.C. § 406", "(b)(1)(A)"),
    # federal rules, short and long form
    ("dismissed under Fed. R. Civ. P. 12(b)(6).", "Fed. R. Civ. P. 12(b)(6)", "other", "Fed. R. Civ. P. 12", "(b)(6)"),
    ("in compliance with Federal Rule of Civil Procedure 5.2(a).", "Federal Rule of Civil Procedure 5.2(a)", "other", "Fed. R. Civ. P. 5.2", "(a)"),
    # regulation
    ("as 28 C.F.R. § 16.1 requires", "28 C.F.R. § 16.1", "regulation", "28 C.F.R. § 16.1", None),
    # section of a named Act
    ("violated Section 10(b) of the Securities Exchange Act of 1934 and", "Section 10(b) of the Securities Exchange Act of 1934",
     "statute", "Securities Exchange Act of 1934 § 10(b)", None),
    # SEC rule
    ("and Rule 10b-5 thereunder.", "Rule 10b-5", "regulation", "Rule 10b-5", None),
    # Westlaw citation with a docket number in the case name
    ("Shepard v. Comm'r, 2016 WL 3549261 (E.D. Cal. June 29, 2016).", "2016 WL 3549261", "case", "2016 WL 3549261", None),
]


@pytest.mark.parametrize("text,surface,kind,normalized,pin", CASES)
def test_citation_table(text, surface, kind, normalized, pin):
    cites = facts_of(text, "citation")
    hit = [c for c in cites if c["normalized"] == normalized]
    assert hit, cites
    c = hit[0]
    assert surface in c["text"]
    assert c["kind"] == kind and c["pin_cite"] == pin
    assert text[c["start_char"]:c["end_char"]] == c["text"]  # offsets slice back


def test_c05_citation_and_no_numbers_from_it():
    # CASES.md C-05: a citation "28 U.S.C. § 1404(a)"; its numbers are reserved
    text = ("In Harlan v. Ostrowski, No. 22-1187 (9th Cir. 2023), the panel reversed. Defendants Corvo "
            "Logistics, Inc. et al. now move to transfer under 28 U.S.C. § 1404(a).")
    cites = facts_of(text, "citation")
    assert [(c["text"], c["normalized"], c["pin_cite"]) for c in cites] == [
        ("28 U.S.C. § 1404(a)", "28 U.S.C. § 1404", "(a)")]
    qty = facts_of(text, "quantity")
    assert not [q for q in qty if q["value"] in (28, 1404)]


def test_case_fields_and_short_form_resolution():
    text = ("Gisbrecht v. Barnhart, 535 U.S. 789, 802 (2002). The fee must be reasonable. "
            "Gisbrecht, 535 U.S. at 807. Id. at 808.")
    cites = facts_of(text, "citation")
    full, short = cites  # Id. is reserved, not reported
    assert (full["reporter"], full["volume"], full["reporter_page"], full["year"], full["pin_cite"]) == \
        ("U.S.", "535", "789", 2002, "802")
    assert full["text"].startswith("Gisbrecht v. Barnhart")
    # the short form points back to the full citation, keeping its pin page
    assert (short["text"], short["normalized"], short["pin_cite"]) == ("Gisbrecht, 535 U.S. at 807", "535 U.S. 789", "807")


def test_parallel_citations_are_two_facts():
    text = "Hurst v. Florida, 136 S.Ct. 616, 193 L.Ed.2d 504 (2016)."
    got = [(c["normalized"], c["year"]) for c in facts_of(text, "citation")]
    assert got == [("136 S. Ct. 616", 2016), ("193 L. Ed. 2d 504", 2016)]


@pytest.mark.parametrize("text", [
    "The office is at 111 S.W. 12th St. in Portland.",  # street address, not a reporter
    "She paid § 406 fees of $5,500.",  # a bare section is reserved, not reported
    "The Clean Air Act protects air quality.",  # a named Act alone is not a citation fact
])
def test_negatives(text):
    assert facts_of(text, "citation") == []


def test_reserved_spans_cover_case_name():
    from extractor import extract_text  # noqa: F401  (pipeline import check)
    from extractor.facts.citations import find_cites

    text = "See Roe v. Wade, 410 U.S. 113 (1973)."
    (c,) = [c for c in find_cites(text) if c.report]
    assert text[c.start:c.end] == "Roe v. Wade, 410 U.S. 113 (1973)"
