"""Quantity facts: money, percents, durations, counts with the noun they count,
approximators and comparators, vague amounts, and what is not a quantity
(CASES.md C-01, C-02, C-05, C-07, C-10, C-13 and more of the same kinds)."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT, facts_of

FIELDS = ("value", "unit", "kind", "approximate", "comparator", "of_total")


def _quantities(text, anchor=None):
    return [tuple(f[k] for k in FIELDS) for f in facts_of(text, "quantity", anchor_date=anchor)]


def q(value, unit, kind, approximate=False, comparator="eq", of_total=None):
    return (float(value), unit, kind, approximate, comparator, of_total)


# (text, expected quantities as (value, unit, kind, approximate, comparator, of_total))
CASES = [
    # C-01: "thirty days" is a duration; the verb "may" and the date give nothing
    ("On May 2, 2025 the lender mailed a notice of default. The borrower may cure the default within thirty days.",
     [q(30, "days", "duration", comparator="le")]),
    # C-02: the part and the whole, each with the counted noun; a percent as written
    ("Auditors flagged roughly 47,000 of the 1.28 million names on the list, about 3.67% of the total.",
     [q(47000, "names", "count", True, of_total=1280000.0), q(1280000, "names", "count"), q(3.67, "percent", "percent", True)]),
    # C-05: docket, circuit, title and section numbers are not quantities
    ("In Harlan v. Ostrowski, No. 22-1187 (9th Cir. 2023), the panel reversed. Defendants Corvo Logistics, Inc. "
     "et al. now move to transfer under 28 U.S.C. § 1404(a).", []),
    # C-07: a count of the people named after it
    ("The Internal Revenue Service agreed to give Immigration and Customs Enforcement (ICE) the home addresses of "
     "7,000 taxpayers. Ice on the courthouse steps delayed the hearing.", [q(7000, "taxpayers", "count")]),
    # C-13: space-grouped numbers; "of them" takes the unit of the count before; fiscal years are not quantities
    ("In fiscal 2023–24 the agency received 1 280 000 requests and denied 47 000 of them; in fiscal 2024–25 it "
     "denied fewer than 5%.",
     [q(1280000, "requests", "count"), q(47000, "requests", "count"), q(5, "percent", "percent", comparator="lt")]),
    # money: a range is two values; scale words
    ("Fines range from $2.5 million to $11.75 million.", [q(2500000, "USD", "money"), q(11750000, "USD", "money")]),
    ("She was ordered to pay over $20 million in restitution.", [q(20000000, "USD", "money", comparator="gt")]),
    ("Principal Amount: Seventy-five Million Dollars", [q(75000000, "USD", "money")]),
    # percents in words; comparators in words
    ("The fee must not exceed 25% of the past-due benefits.", [q(25, "percent", "percent", comparator="le")]),
    ("a fee not in excess of 25 percent of the total", [q(25, "percent", "percent", comparator="le")]),
    ("The twenty-five percent maximum fee is not automatic.", [q(25, "percent", "percent")]),
    # durations: hyphenated, restated figures, prison terms
    ("The proposed consent decree is subject to a 30-day public comment period.", [q(30, "days", "duration")]),
    ("an initial period of forty-eight (48) months", [q(48, "months", "duration")]),
    ("He faces a maximum term of 20 years in prison.", [q(20, "years", "duration", comparator="le")]),
    ("She was sentenced to almost five years in federal prison.", [q(5, "years", "duration", True)]),
    ("He faces a maximum penalty of 20 years and a mandatory minimum sentence of five years.",
     [q(20, "years", "duration", comparator="le"), q(5, "years", "duration", comparator="ge")]),
    ("The file will be destroyed (6 yrs after mandate).", [q(6, "years", "duration")]),
    # a hyphenated count: the unit is the word after the hyphen
    ("A grand jury returned a five-count indictment.", [q(5, "count", "count")]),
    # counts: numbers in words, compounds kept, adjectives like "other" skipped
    ("He pleaded guilty to two counts of wire fraud.", [q(2, "counts", "count")]),
    ("The complaint also names four relief defendants.", [q(4, "relief defendants", "count")]),
    ("The scheme defrauded over 270 investors.", [q(270, "investors", "count", comparator="gt")]),
    # vague amounts
    ("The IRS shared the information of thousands of people.", [(1000.0, "people", "count", True, "eq", None)]),
    # not quantities: pages, rules, exhibits, years, ordinals, phone numbers, bare numbers
    ("See Page 4 of Exhibit 10 and Rule 12 of the 5th Circuit rules.", []),
    ("Call (202) 514-1746 or write to 950 Pennsylvania Avenue, NW.", []),
    ("A 2007 complaint asserted the claims.", []),
    ("There were 12 and then 15.", []),
    ("The first artificial satellite was launched in 1957.", []),
    # a figure naming a document is not a duration ("Second" is not seconds)
    ("See Doc. 5285 and 5285 Second Amended Master Complaint.", []),
    # "under one" is a preposition, not a comparator
    ("The court granted relief under one such exception.", [q(1, "exception", "count")]),
    # more numbers of the same reference ("Counts 1 and 2") and "Day 2 of trial" are references
    ("Counts 1 and 2 charge fraud; see paragraphs 12, 14 and 16.", []),
    ("The jury deliberated for 3 hours on Day 2 of trial.", [q(3, "hours", "duration")]),
    # money and percents in a citation's parenthetical are quantities; the volume and page are not
    ("See Shepard v. Apfel, 184 F. Supp. 2d 1102 (D. Kan. 2002) (awarding $17,125.00 for 25% of benefits).",
     [q(17125, "USD", "money"), q(25, "percent", "percent")]),
    # a relative date is not a duration
    ("The report came out five years ago.", []),
]


@pytest.mark.parametrize("text,want", CASES)
def test_quantities(text, want):
    assert _quantities(text) == want


def test_vague_flag_and_offsets():
    text = "Thousands of cases pending in the MDL have settled. More than 8,000 cases had been filed."
    facts = facts_of(text, "quantity")
    assert [(f["text"], f["vague"]) for f in facts] == [("Thousands of cases", True), ("More than 8,000 cases", False)]
    for f in facts:
        assert text[f["start_char"]:f["end_char"]] == f["text"]


def test_ecf_header_numbers_are_not_quantities():
    # C-10 (text form): nothing from "Document 31", "Page 1 of 2"
    page = "Case 3:25-cv-00981-JD Document 31 Filed 06/12/25 Page {n} of 2\n"
    text = page.format(n=1) + "Plaintiffs ask the Court to enjoin the\n\n" + page.format(n=2) + \
        "Department from releasing the records before July 1, 2025.\n"
    assert facts_of(text, "quantity") == []


@pytest.mark.parametrize("name", ["quantities.json", "quantities_numbers.json"])
def test_models_round_trip(name):
    data = json.loads((ROOT / "models" / name).read_text(encoding="utf-8"))
    assert json.loads(json.dumps(data)) == data


@pytest.mark.parametrize("text,value", [
    ("two hundred and thirty million", 230000000.0),  # scale words multiply
    ("nine hundred and ninety-nine", 999.0),          # "and" inside a number
    ("a dozen", 12.0),                                # dozen
    ("Fifty Thousand", 50000.0),                      # capitals
])
def test_number_words(text, value):
    from extractor.facts import numbers

    assert numbers.parse_words(text) == value
