"""Count facts: count headings and docket count lines (extractor/facts/counts.py)."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT, facts_of

HEADINGS = [
    # (text, number, title, statutes, against)
    # roman numeral, title on the next line, against in parentheses
    ("COMPLAINT\n\nCOUNT I\nViolation of the Privacy Act, 5 U.S.C. § 552a(b)\n(Against All Defendants)\n\n1. Plaintiffs incorporate the above.",
     1, "Violation of the Privacy Act, 5 U.S.C. § 552a(b)", ["5 U.S.C. § 552a(b)"], ["All Defendants"]),
    # number word, title after a dash on the same line
    ("COUNT TWO — Breach of Contract\n12. Defendant failed to pay.", 2, "Breach of Contract", [], []),
    # arabic numeral in title case
    ("Count 3: Unjust Enrichment\n20. Plaintiff repeats.", 3, "Unjust Enrichment", [], []),
    # ordinal cause of action, title in parentheses below
    ("FIRST CAUSE OF ACTION\n(Negligence)\n39. Plaintiff incorporates.", 1, "Negligence", [], []),
    # ordinal claim for relief
    ("SECOND CLAIM FOR RELIEF\n(Declaratory Relief)\n51. Berkshire incorporates.", 2, "Declaratory Relief", [], []),
    # indictment: title and statute in parentheses under the heading; body text is not title
    ("COUNT ONE\n(Conspiracy to Commit Wire Fraud)\n(18 U.S.C. § 1349)\nThe Grand Jury charges that the defendants agreed.",
     1, "Conspiracy to Commit Wire Fraud", ["18 U.S.C. § 1349"], []),
    # verdict form: the verdict is not the title
    ("VERDICT FORM\n\nCOUNT ONE: GUILTY\n\nDated: May 1, 2024", 1, None, [], []),
    # CASES.md C-08 heading form
    ("COMPLAINT FOR DAMAGES\nCOUNT II — Breach of Contract\nThe parties agreed.", 2, "Breach of Contract", [], []),
]


@pytest.mark.parametrize("text,number,title,statutes,against", HEADINGS)
def test_count_headings(text, number, title, statutes, against):
    counts = facts_of(text, "count")
    assert [(c["number"], c["title"], c["statutes"], c["against"]) for c in counts] == [(number, title, statutes, against)]
    c = counts[0]
    assert text[c["start_char"]:c["end_char"]] == c["text"]


def test_docket_count_lines():
    # CM/ECF criminal docket "Pending Counts": statute line, then the label line
    text = ("Pending Counts\n\nDisposition\n\n 18:371 and 3551 et seq.; CONSPIRACY TO DEFRAUD THE UNITED STATES; "
            "Conspiracy Against the United States.\n\n(1ss)\n\n 31:5314 and 5322(b); 18:2; RECORDS AND REPORTS; "
            "Failure to File Reports.\n\n(3-6)\n")
    got = [(c["text"], c["number"], c["title"], c["statutes"]) for c in facts_of(text, "count")]
    assert got == [
        ("(1ss)", 1, "CONSPIRACY TO DEFRAUD THE UNITED STATES; Conspiracy Against the United States",
         ["18 U.S.C. § 371", "18 U.S.C. § 3551 et seq."]),
        ("(3-6)", 3, "RECORDS AND REPORTS; Failure to File Reports",
         ["31 U.S.C. § 5314", "31 U.S.C. § 5322(b)", "18 U.S.C. § 2"]),
    ]
    # statute numbers of docket lines are not quantities
    assert not [q for q in facts_of(text, "quantity") if q["value"] in (371, 3551, 5314)]


@pytest.mark.parametrize("text", [
    # (a numbered count named in prose, "as to Count Two", "Count one of the indictment", is a count since
    # issue 16: tests/test_orders_kinds.py)
    "He pleaded guilty to one count of wire fraud.",  # unnumbered charge in a press release
    "The first claim fails because the statute of limitations ran.",  # ordinal + claim in prose
])
def test_count_negatives(text):
    assert facts_of(text, "count") == []


def test_table_of_contents_does_not_duplicate():
    text = "COUNT I\n(Fraud)\n\n1. Facts.\n\nCOUNT I\n(Fraud)\n\n2. More facts."
    assert [c["number"] for c in facts_of(text, "count")] == [1]


def test_vocabulary_round_trip():
    from extractor.facts.counts import number_of, vocabulary

    data = json.loads((ROOT / "models" / "counts.json").read_text(encoding="utf-8"))
    assert data == vocabulary()
    assert [number_of(w) for w in ("XIV", "twelve", "Third", "7", "civil")] == [14, 12, 3, 7, None]


def test_count_number_is_not_a_quantity():
    text = "Count 3: Unjust Enrichment\n20. Plaintiff repeats the allegations."
    assert not [q for q in facts_of(text, "quantity") if q["value"] == 3]


def test_count_number_words_come_from_the_shared_number_vocabulary():
    from extractor.facts.counts import number_words
    cardinals, ordinals = number_words()
    assert cardinals["one"] == 1 and cardinals["twenty"] == 20 and len(cardinals) == 20
    assert "zero" not in cardinals and "thirty" not in cardinals
    assert ordinals["first"] == 1 and ordinals["twentieth"] == 20 and "thirtieth" not in ordinals
