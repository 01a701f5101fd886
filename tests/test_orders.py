"""Order facts (extractor/facts/orders.py): court documents' own orders and orders reported in prose."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT, facts_of

COURT = "UNITED STATES DISTRICT COURT\nFOR THE DISTRICT OF NEW JERSEY\n\nOPINION\n\n"

CASES = [
    # (text, name, anchor, [(action, directed_to, directive, object, polarity, prior), ...])
    # grant and deny in one sentence: two facts, same object
    (COURT + "The motion to dismiss (ECF No. 12) is GRANTED IN PART and DENIED IN PART.\n", "op.txt", None,
     [("grant", None, None, "The motion to dismiss", "grant", False),
      ("deny", None, None, "The motion to dismiss", "deny", False)]),
    # appellate disposition with "we"
    (COURT + "For the following reasons, we AFFIRM.\n", "op.txt", None,
     [("affirm", None, None, None, "grant", False)]),
    # passive "is directed to": the bound party and what it must do
    (COURT + "IT IS HEREBY ORDERED that:\n3. Counsel is directed to send a copy of this order to Plaintiff.\n", "op.txt", None,
     [("direct", "Counsel", "send a copy of this order to Plaintiff", None, "neutral", False)]),
    # injunction: "enjoined from" + phrase
    (COURT + "IT IS HEREBY ORDERED THAT Defendants are enjoined from destroying any records of the program.\n", "op.txt", None,
     [("enjoin", "Defendants", "destroying any records of the program", None, "grant", False)]),
    # decretal "shall"
    (COURT + "IT IS SO ORDERED that the Clerk of Court shall close this case.\n", "op.txt", None,
     [("order", "the Clerk of Court", "close this case", None, "neutral", False)]),
    # news: court orders a party to do something (xcomp directive)
    ("Most recently, a Massachusetts federal court ordered the IRS to stop sharing residential addresses with ICE.",
     "news.txt", "2026-02-12",
     [("order", "IRS", "stop sharing residential addresses with ICE", None, "neutral", True)]),
    # news: "blocked X from" + gerund (pcomp directive)
    ("And last November, a federal court blocked the IRS from sharing information with DHS.", "news.txt", "2026-02-12",
     [("block", "IRS", "sharing information with DHS", None, "neutral", True)]),
    # sentence reported in a press release
    ("NEWARK, N.J. – A New York man was sentenced to 36 months in prison for his role in a tax fraud scheme.",
     "news.txt", "2025-04-17",
     [("sentence", "A New York man", "serve 36 months in prison", None, "neutral", True)]),
]


def _rows(facts):
    return [(f["action"], f["directed_to"], f["directive"], f["object"], f["polarity"], f["prior"]) for f in facts]


@pytest.mark.parametrize("text,name,anchor,expected", CASES)
def test_orders(text, name, anchor, expected):
    got = facts_of(text, "order", anchor_date=anchor, name=name)
    rows = _rows(got)
    # directed_to may be the canonical party name: compare by containment
    assert len(rows) == len(expected), rows
    for r, e in zip(rows, expected):
        assert r[0] == e[0] and r[2:] == e[2:], (r, e)
        assert (e[1] is None and r[1] is None) or (e[1] and r[1] and (e[1] in r[1] or r[1] in e[1]
                                                                       or e[1] == "IRS")), (r, e)
    for f in got:
        assert text[f["start_char"]:f["end_char"]] == f["text"]


def test_c06_deny_stay():
    # CASES.md C-06: action "deny", object "stay"
    text = ("Chief U.S. District Judge Rosalind Marsh denied the stay. Assistant U.S. Attorney Devin Kalra said "
            "the Department of Justice would appeal.")
    got = facts_of(text, "order", name="news.txt", anchor_date="2025-03-04")
    assert [(f["action"], f["object"], f["polarity"]) for f in got] == [("deny", "the stay", "deny")]


def test_c09_bar():
    # CASES.md C-09 (text as the two-column PDF reads once the columns are ordered)
    text = ("The court on Monday barred the Social Security Administration from giving benefit records to ICE. "
            "Lawyers for the agency said it would seek review in the Fourth Circuit.")
    got = facts_of(text, "order", name="news.txt", anchor_date="2025-03-04")
    assert len(got) == 1
    f = got[0]
    assert (f["action"], f["directed_to"], f["directive"], f["date"]) == (
        "bar", "Social Security Administration", "giving benefit records to ICE", "2025-03-03")


@pytest.mark.parametrize("text,name", [
    ("The SEC also requested that the Court freeze Carter's assets and order him to give an accounting.", "news.txt"),  # requested, not ordered
    ("Plaintiffs argue that the claims should be dismissed.", "news.txt"),  # argued
    ("If the court granted injunctive relief, the obstacle would remain.", "news.txt"),  # conditional
    ("The court did not dismiss the appeal.", "news.txt"),  # negated
    ("According to the indictment, Schwartz was required to pay over the withheld taxes.", "news.txt"),  # a legal duty
    ("BHARDWAJ is scheduled to be sentenced by Judge Woods on July 11, 2023.", "news.txt"),  # future sentencing
    ("Court Orders Louisiana CPA to Stop Claiming False Tax Deductions for Customers", "news.txt"),  # headline
    (COURT + "SO ORDERED.\n", "op.txt"),  # closing formula, nothing ordered
])
def test_order_negatives(text, name):
    assert facts_of(text, "order", name=name) == []


def test_vocabulary_round_trip():
    from extractor.facts.orders import vocabulary

    data = json.loads((ROOT / "models" / "orders.json").read_text(encoding="utf-8"))
    assert data == vocabulary()
    assert data["forms"]["denied"] == "deny" and data["polarity"]["deny"] == "deny"


def test_docket_minute_orders():
    # CM/ECF-style docket entries: one fact per verb, dated by the entry, reported (prior)
    text = ("CRIMINAL DOCKET FOR CASE #: 1:17-cr-00201\n\nDate Filed # Docket Text\n"
            "11/02/2017 45 MINUTE ORDER granting 12 Motion for Extension of Time as to PAUL MANAFORT. "
            "Signed by Judge Amy Berman Jackson on 11/2/17.\n"
            "02/27/2024 Order Denying Relator's Petition for Writ of Mandamus\n")
    got = facts_of(text, "order", name="docket.txt")
    rows = [(f["action"], f["object"], f["date"], f["prior"]) for f in got]
    assert rows == [("grant", "Motion for Extension of Time as to PAUL MANAFORT", "2017-11-02", True),
                    ("deny", "Relator's Petition for Writ of Mandamus", "2024-02-27", True)]


MORE = [
    # (text, name, [(action, directed_to, directive), ...])
    # decision-list disposition line: two verbs, two facts
    (COURT + "No. 22-100 Smith v. Jones. Appeal from the Circuit Court.\nREVERSED AND REMANDED.\n", "op.txt",
     [("reverse", None, None), ("remand", None, None)]),
    # "ORDERED, ADJUDGED AND DECREED" followed by "shall"
    (COURT + "ORDERED, ADJUDGED AND DECREED that Defendant shall pay Plaintiff the sum awarded within 30 days.\n", "op.txt",
     [("order", "Defendant", "pay Plaintiff the sum awarded within 30 days")]),
    # a judge sentences someone (active voice, news)
    ("On Tuesday, U.S. District Judge Ann Lee sentenced Mark Ortiz to 30 months in prison.", "news.txt",
     [("sentence", "Mark Ortiz", "serve 30 months in prison")]),
]


@pytest.mark.parametrize("text,name,expected", MORE)
def test_more_order_forms(text, name, expected):
    got = facts_of(text, "order", name=name, anchor_date="2025-03-05")
    assert [(f["action"], f["directed_to"], f["directive"]) for f in got] == expected


@pytest.mark.parametrize("text,court,date", [
    # an injunction a court entered, bound party from "against"
    ("In 2007, a federal court in Los Angeles entered a permanent injunction against Martin A. Kapp.",
     "federal court in Los Angeles", "2007"),
    # relative clause: the one who agreed to the injunction is bound
    ("Martin A. Kapp agreed to a permanent injunction, which the district court entered on July 26, 2020.",
     "district court", "2020-07-26"),
])
def test_entered_injunction(text, court, date):
    got = facts_of(text, "order", name="news.txt", anchor_date="2025-03-21")
    assert [(f["action"], f["court"], f["date"], f["prior"]) for f in got] == [("enjoin", court, date, True)]
    assert "Kapp" in got[0]["directed_to"]


def test_caption_heading_order():
    # "ORDER GRANTING X" in a caption: the document's own grant, object X; a bare "ORDER GRANTING" is nothing
    text = ("UNITED STATES DISTRICT COURT\nCENTRAL DISTRICT OF CALIFORNIA\nACME CORP., Plaintiff,\nv.\n"
            "ORDER GRANTING PLAINTIFF'S APPLICATION FOR A PRELIMINARY INJUNCTION\nJOHN DOE, Defendant.\n")
    got = facts_of(text, "order", name="order.txt")
    assert [(f["action"], f["object"], f["prior"]) for f in got] == [
        ("grant", "PLAINTIFF'S APPLICATION FOR A PRELIMINARY INJUNCTION", False)]
    assert facts_of("UNITED STATES DISTRICT COURT\nORDER GRANTING\n", "order", name="order.txt") == []
