"""Dates and numbers a paralegal never has to double-check (issue 17): day forms, legal numbers that are
no dates or money, statute sections kept whole. Every example is invented."""
from __future__ import annotations

import pytest
from conftest import facts_of

ANCHOR = "2020-06-26"


def dates(text: str) -> list[tuple[str, str]]:
    return [(f["text"], f["value"]) for f in facts_of(text, "date", anchor_date=ANCHOR)]


# (text, [(date text, value)]) — every day form keeps the year written with it
DAY_FORMS = [
    ("On July 11th of 2019 the defendant shipped the goods.", [("July 11th of 2019", "2019-07-11")]),
    ("Entered on the 11th day of July, 2019.", [("the 11th day of July, 2019", "2019-07-11")]),
    ("Signed this 5th day of March 2021.", [("5th day of March 2021", "2021-03-05")]),
    ("The notice was mailed on the 3rd of February.", [("the 3rd of February", "2020-02-03")]),  # no final period
]


@pytest.mark.parametrize("text,expected", DAY_FORMS)
def test_day_forms(text, expected):
    assert dates(text) == expected


# (text, number as written) — a legal number is no date and no money
NOT_DATES_OR_MONEY = [
    ("Plaintiff brings a Section 1983 liability claim against the officers.", "1983"),
    ("Title VII of the Civil Rights Act of 1964 bars the practice.", "1964"),
    ("2019 Harbor Growth Partners LP filed the petition.", "2019"),
    ("I declare under 28 U.S.C. $ 1746 that the foregoing is true.", "1746"),  # OCR's "$" for "§"
    ("The motion under Rule 12(b)(6) fails.", "12"),
    ("The credit was repealed by Pub. L. 115-97 in part.", "115"),
    ("See Exhibit 2019 and Bates No. DEF-2020 at the hearing.", "2019"),
    ("See Exhibit 2019 and Bates No. DEF-2020 at the hearing.", "2020"),
    ("Case No. 2:21-cv-01987 was reassigned.", "1987"),
]


@pytest.mark.parametrize("text,number", NOT_DATES_OR_MONEY)
def test_legal_number_is_no_date_or_money(text, number):
    facts = facts_of(text, anchor_date=ANCHOR)
    assert not [f for f in facts if f["type"] in ("date", "quantity") and number in f["text"]], facts


# (text, citation text, normalized) — a section's letter suffix and subsections stay in the citation
SECTIONS = [
    ("He violated 18 U.S.C. § 2252A(a)(2) twice.", "18 U.S.C. § 2252A(a)(2)", "18 U.S.C. § 2252A"),
    ("The claim arises under 15 U.S.C. § 78j(b).", "15 U.S.C. § 78j(b)", "15 U.S.C. § 78j"),
    ("I declare under 28 U.S.C. $ 1746 that the foregoing is true.", "28 U.S.C. $ 1746", "28 U.S.C. § 1746"),
]


@pytest.mark.parametrize("text,cite,normalized", SECTIONS)
def test_statute_sections_whole(text, cite, normalized):
    cites = [(f["text"], f["normalized"]) for f in facts_of(text, "citation")]
    assert (cite, normalized) in cites, cites


# (text, [(date text, value, precision)]) — FACTS.md 1.1 precisions, anchored at 2013-03-20 (ISO week 12)
PERIODS = [
    ("Shipments rose this week after the last week's storm.", [("this week", "2013-W12", "week"),
                                                                ("the last week", "2013-W11", "week")]),
    ("Prices fell during the past week.", [("the past week", "2013-W11", "week")]),
    ("Sales fell in the fourth quarter of 1998.", [("the fourth quarter of 1998", "1998-Q4", "quarter")]),
    ("Sales fell in the third quarter.", [("the third quarter", "2012-Q3", "quarter")]),  # not begun yet this year
    ("Revenue will grow next quarter.", [("next quarter", "2013-Q2", "quarter")]),
    ("The plant opened in the 1990s.", [("the 1990s", "199", "decade")]),
    ("Mills closed in the early 1980s.", [("the early 1980s", "198", "decade")]),
    ("The canal dates from the 19th century.", [("the 19th century", "18", "century")]),
    ("Courts of the twentieth century agreed.", [("the twentieth century", "19", "century")]),
    ("The 1957-58 season was its best.", [("1957", "1957", "year"), ("58", "1958", "year")]),  # two years
    ("Output peaked in mid-2011.", [("mid-2011", "2011", "year")]),  # the modifier belongs in the span
    ("It rained in early December.", [("early December", "2012-12", "month")]),
    ("The firm posted a third-quarter loss.", [("third-quarter", "2012-Q3", "quarter")]),
    ("Compare the 2011 second quarter.", [("the 2011 second quarter", "2011-Q2", "quarter")]),
    ("Growth resumes in next year's first quarter.", [("next year's first quarter", "2014-Q1", "quarter")]),
    ("In nineteen ninety-six the mill closed.", [("nineteen ninety-six", "1996", "year")]),  # a broadcast transcript
    ("It reopened in January nineteen ninety-seven.", [("January nineteen ninety-seven", "1997-01", "month")]),
    ("Membership dropped through the nineties.", [("the nineties", "199", "decade")]),
    ("By the year two thousand he had paid two thousand dollars.", [("two thousand", "2000", "year")]),
]


@pytest.mark.parametrize("text,expected", PERIODS)
def test_periods(text, expected):
    got = [(f["text"], f["value"], f["precision"]) for f in facts_of(text, "date", anchor_date="2013-03-20")]
    assert got == expected


def test_schema_version_and_precisions():
    from extractor import extract_text
    from extractor.schema import Result

    result = extract_text("Sales fell in the 1990s and in the fourth quarter of 1998.", anchor_date="2013-03-20")
    assert result["schema_version"] == "1.1"
    Result.model_validate(result)


# (text, [(quantity text, value, unit, comparator)]) — fractions and ages read as written
FRACTIONS_AGES = [
    ("The vote required 66 2/3% of the shares.", [("66 2/3%", 66.667, "percent", "eq")]),
    ("One-third of the members objected.", [("One-third of the members", 0.333, "members", "eq")]),
    ("The victim was under the age of sixteen.", [("under the age of sixteen", 16.0, "years", "lt")]),
    ("Only persons at least 18 years of age may apply.", [("at least 18 years of age", 18.0, "years", "ge")]),
    ("A 14-year-old witness testified.", [("14-year-old", 14.0, "years", "eq")]),
    ("The fund paid 27\nclaimants in full.", [("27\nclaimants", 27.0, "claimants", "eq")]),  # a line break in between
]


@pytest.mark.parametrize("text,expected", FRACTIONS_AGES)
def test_fractions_and_ages(text, expected):
    got = [(f["text"], f["value"], f["unit"], f["comparator"]) for f in facts_of(text, "quantity")]
    assert got == expected


def test_periods_named_by_the_one_before():
    text = ("Savin reported a third-quarter net loss, compared with year-earlier profit of $3.8 million. Sales fell "
            "in the quarter. A year earlier, net income was $2.1 million.")
    got = [(f["text"], f["value"]) for f in facts_of(text, "date", anchor_date="1989-11-02")]
    assert got == [("third-quarter", "1989-Q3"), ("year-earlier", "1988-Q3"), ("the quarter", "1989-Q3"),
                   ("A year earlier", "1988-Q3")]


def test_the_period_alone_names_no_date():
    assert facts_of("The period for filing objections has run.", "date", anchor_date="1989-11-02") == []


def test_that_year_and_the_year_of_a_news_report():
    text = "NEW YORK (AP) - Sales for the full year rose. In 1988, imports rose; that year, the company grew."
    got = [(f["text"], f["value"]) for f in facts_of(text, "date", anchor_date="1989-11-02")]
    assert got == [("the full year", "1989"), ("1988", "1988"), ("that year", "1988")]


def test_the_year_of_a_filing_names_no_date():
    text = "UNITED STATES DISTRICT COURT\nORDER\nDuring the year, the plaintiff paid rent."
    assert facts_of(text, "date", anchor_date="1989-11-02") == []


def test_of_those_takes_the_antecedents_unit():
    got = [(f["text"], f["value"], f["unit"], f["of_total"])
           for f in facts_of("Of the 40 applicants, 12 of those 40 were rejected.", "quantity")]
    assert got == [("40 applicants", 40.0, "applicants", None), ("12", 12.0, "applicants", 40.0)]
