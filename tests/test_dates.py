"""Date facts: values at the written precision, relative dates against the anchor,
events from the parse, and what is not a date (CASES.md C-01, C-03, C-04, C-05,
C-09, C-13 and more of the same kinds)."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT, facts_of


def _dates(text, anchor=None):
    return [(f["text"], f["value"]) for f in facts_of(text, "date", anchor_date=anchor)]


# (text, anchor date, expected [(surface text, value)])
CASES = [
    # C-01: "may" the verb is not May; "thirty days" is a duration, not a date
    ("On May 2, 2025 the lender mailed a notice of default. The borrower may cure the default within thirty days, "
     "and the Court may extend that period for good cause.", "2025-09-15", [("May 2, 2025", "2025-05-02")]),
    # C-02: decimals and percents are not dates
    ("Auditors flagged roughly 47,000 of the 1.28 million names on the list, about 3.67% of the total.",
     "2025-11-04", []),
    # C-03: "last April" and a past "since April" go back before the anchor; "due in June" goes forward
    ("The agency began sharing the files last April and has shared them every month since April; its inspector "
     "general's audit is due in June.", "2025-03-10",
     [("last April", "2024-04"), ("April", "2024-04"), ("June", "2025-06")]),
    # C-04 A: an unambiguous day-first date makes the whole document day-first
    ("Exhibit 4: letter dated 14/02/2025. Exhibit 5: reply dated 03/04/2025. Exhibit 6: chaser dated 28/04/2025.",
     None, [("14/02/2025", "2025-02-14"), ("03/04/2025", "2025-04-03"), ("28/04/2025", "2025-04-28")]),
    # C-04 B: an unambiguous month-first date makes the whole document month-first
    ("The complaint was served 02/14/2025 and the answer was filed 03/04/2025.", None,
     [("02/14/2025", "2025-02-14"), ("03/04/2025", "2025-03-04")]),
    # C-05: the year of a citation parenthetical is not a date of this matter
    ("In Harlan v. Ostrowski, No. 22-1187 (9th Cir. 2023), the panel reversed. Defendants Corvo Logistics, Inc. "
     "et al. now move to transfer under 28 U.S.C. § 1404(a).", None, []),
    # C-09: a weekday in a past-tense sentence is the most recent one before the anchor
    ("The court on Monday barred the Social Security Administration from giving benefit records to ICE.",
     "2025-03-04", [("Monday", "2025-03-03")]),
    # C-13: fiscal years are years, not quantities
    ("In fiscal 2023–24 the agency received 1 280 000 requests.", None, [("fiscal 2023–24", "2023")]),
    # month and year only: month precision, never an invented day
    ("The MDL was transferred to this Court in August 2015 when 22 cases had been filed.", None,
     [("August 2015", "2015-08")]),
    # day-of-month wording of contracts
    ("DATED this the 16th day of April, 2021.", None, [("the 16th day of April, 2021", "2021-04-16")]),
    # a date broken over two lines
    ("the TRO was set to expire on July\n25, 2016 based on the application.", None, [("July\n25, 2016", "2016-07-25")]),
    # a footnote mark after the year does not hide the date
    ("In October 2015,1 the Commissioner informed Plaintiff of the withholding.", None, [("October 2015", "2015-10")]),
    # relative words against the anchor
    ("The department announced today that the case settled; it was filed last year.", "2009-01-15",
     [("today", "2009-01-15"), ("last year", "2008")]),
    ("The data were shared last summer.", "2026-02-12", [("last summer", "2025-22")]),
    ("The report came out five years ago.", "2014-09-01", [("five years ago", "2009")]),
    ("The court will rule in three weeks.", "2014-09-01", [("in three weeks", "2014-09-22")]),
    # "the following day" counts from the date before it
    ("The motion was filed on March 3, 2021, and the court ruled the following day.", None,
     [("March 3, 2021", "2021-03-03"), ("the following day", "2021-03-04")]),
    # a year-less date in a future clause is the next one after the anchor, whatever came before
    ("He was indicted on Nov. 3, 2021. Sentencing is scheduled for Aug. 21.", "2025-06-10",
     [("Nov. 3, 2021", "2021-11-03"), ("Aug. 21", "2025-08-21")]),
    # a year-less deadline ("until April 4") lies after the anchor
    ("In 2024, the agency paid out $1.5 trillion. The judge gave the government until April 4 to respond.",
     "2025-03-21", [("2024", "2024"), ("April 4", "2025-04-04")]),
    # a year-less date takes the year of the date just before it
    ("January 3, 2017 - February 1st", None, [("January 3, 2017", "2017-01-03"), ("February 1st", "2017-02-01")]),
    # bare years with a date cue; not a number of things, an address or a dollar sum
    ("In 2007, a federal court barred another preparer from the scheme.", "2009-01-15", [("2007", "2007")]),
    ("The firm paid $2000 to 1227 Main Street, Suite 2000.", None, []),
    # section numbers, decimals and page ranges are not dates
    ("27.1 Notice of Default 1-71 27.2 Contractor's Default 1-72", None, []),
    ("test odd 10.01 date like float", None, []),
    ("3.18.1, 6.1.1, 7.3.6, 8,2.1, 9.3.2", None, []),
    # year ranges give both years; "mid-2019" (the modifier in the span, issue 17); a season with its year has season precision
    ("Failure to File Reports for Calendar Years 2011-2014.", None, [("2011", "2011"), ("2014", "2014")]),
    ("The scheme ran from mid-2019 until spring 2021.", None, [("mid-2019", "2019"), ("spring 2021", "2021-21")]),
    # "from at least 2015 through 2019": both ends of the span of years
    ("The scheme ran from at least 2015 through 2019.", None, [("2015", "2015"), ("2019", "2019")]),
    # "the same day" is the date before it
    ("He filed on March 3, 2021, and the clerk docketed it the same day.", None,
     [("March 3, 2021", "2021-03-03"), ("the same day", "2021-03-03")]),
    # "Month of Year"
    ("The first outbreak was identified during December of 2019.", None, [("December of 2019", "2019-12")]),
    # a spaCy DATE entity no pattern reads is normalized with dateparser
    ("The party was held on July the 4th, 2020 in the park.", None, [("July the 4th, 2020", "2020-07-04")]),
    # month and weekday words that are names, not dates
    ("The March on Washington drew crowds. The Sunday Times reported it.", "2025-05-14", []),
    ("April Smith testified on behalf of the company.", "2025-05-14", []),
    # relative mentions need an anchor: without one they are left out
    ("The agreement was signed last April.", None, []),
]


@pytest.mark.parametrize("text,anchor,want", CASES)
def test_date_values(text, anchor, want):
    assert _dates(text, anchor) == want


# (text, anchor, surface text, expected event)
EVENTS = [
    # the governing verb, as written
    ("The revelation stems from an agreement signed last April by the secretaries.", "2026-02-12", "last April", "signed"),
    ("A declaration filed Wednesday by the officer stated the error.", "2026-02-12", "Wednesday", "filed"),
    ("Treasury notified DHS in January of the error.", "2026-02-12", "January", "notified"),
    ("On July 13, 2016, the Court issued a Temporary Restraining Order.", None, "July 13, 2016", "issued"),
    # a date that premodifies a noun names that event
    ("At the July 25, 2016, hearing, the TRO was extended.", None, "July 25, 2016", "hearing"),
    # a label before a colon
    ("Date Filed: 10/27/2017", None, "10/27/2017", "filed"),
    # "pled guilty" keeps its complement
    ("The owner, who pled guilty in December 2024, was sentenced today.", "2025-03-21", "December 2024", "pled guilty"),
    # a signature date under "IT IS SO ORDERED."
    ("The motion is GRANTED.\nIT IS SO ORDERED.\nMarch 23, 2021\n", None, "March 23, 2021", "ordered"),
    # a label with a time before the date
    ("Judge blocks transfer\nUpdated 5:42 PM EDT, March 21, 2025\n\nA judge ruled.", None, "March 21, 2025", "updated"),
    # a dateline on a line of its own has no event
    ("Court Orders Preparer to Stop\nThursday, January 15, 2009\n\nWASHINGTON - A court ordered it.", None,
     "Thursday, January 15, 2009", None),
]


@pytest.mark.parametrize("text,anchor,surface,event", EVENTS)
def test_date_events(text, anchor, surface, event):
    found = {f["text"]: f for f in facts_of(text, "date", anchor_date=anchor)}
    assert found[surface]["event"] == event


def test_fields_precision_relative_offsets():
    text = "The agreement was signed last April and amended on May 2, 2025."
    facts = facts_of(text, "date", anchor_date="2026-02-12")
    april, may = facts
    assert (april["precision"], april["relative"]) == ("month", True)
    assert (may["precision"], may["relative"]) == ("day", False)
    assert text[may["start_char"]:may["end_char"]] == "May 2, 2025"


def test_ecf_header_date_reported_once():
    # C-10 (text form): the header repeated on every page gives one date
    page = "Case 3:25-cv-00981-JD Document 31 Filed 06/12/25 Page {n} of 2\n"
    text = page.format(n=1) + "Plaintiffs ask the Court to enjoin the\n\n" + page.format(n=2) + \
        "Department from releasing the records before July 1, 2025.\n"
    found = _dates(text)
    assert found == [("06/12/25", "2025-06-12"), ("July 1, 2025", "2025-07-01")]


def test_models_dates_round_trip():
    path = ROOT / "models" / "dates.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert json.loads(json.dumps(data)) == data
    assert data["months"]["may"] == 5 and data["weekdays"]["wednesday"] == 2


@pytest.mark.parametrize("text", [
    "The Dept. of Labor filed its brief.",   # "Dept" is a capital plus a month's tail, not September
    "Tune in to the hearing.",               # "Tune" is not June
])
def test_month_tails_after_other_capitals_are_not_months(text):
    assert facts_of(text, "date", anchor_date="2025-03-10") == []
