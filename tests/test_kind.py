"""Document kind from the head of the text (extractor/facts/kind.py)."""
from __future__ import annotations

import pytest

from extractor.facts.kind import classify


class _Ctx:
    def __init__(self, text):
        self.text = text


@pytest.mark.parametrize("head, kind", [
    # AP-style dateline, no caption
    ("BOSTON (AP) — A federal judge on Monday barred the agency from sharing records.", "news"),
    # press release: headline, weekday date line, dateline with a dash
    ("Tax Preparer Sentenced to Prison\nFriday, March 21, 2025\n\nMIAMI – Today, a man was sentenced.", "news"),
    # district court order with caption; the title line decides
    ("UNITED STATES DISTRICT COURT\nDISTRICT OF OREGON\nJANE ROE,\nPlaintiff,\nv.\nACME CORP.,\nDefendant.\n"
     "ORDER GRANTING MOTION TO DISMISS\nBefore the Court is a motion.", "order"),
    # complaint: the caption's title line
    ("IN THE UNITED STATES DISTRICT COURT\nFOR THE DISTRICT OF UTAH\nJOHN DOE,\nPlaintiff,\nv.\nBETA LLC,\n"
     "Defendant.\nCOMPLAINT FOR DAMAGES AND JURY DEMAND\n1. Plaintiff brings this action.", "complaint"),
    # a motion's title after the caption
    ("UNITED STATES DISTRICT COURT\nJOHN DOE,\nPlaintiff,\nv.\nBETA LLC,\nDefendant.\n"
     "DEFENDANT'S MOTION TO DISMISS\nDefendant moves to dismiss.", "motion"),
    # appellate opinion: panel line
    ("United States Court of Appeals\nFor the Ninth Circuit\nNo. 21-1234\nBefore\nSmith, Chief Judge,\n"
     "Jones and Lee, Circuit Judges.\nLEE, Circuit Judge. We affirm.", "opinion"),
    # slip opinion marker
    ("(Slip Opinion) OCTOBER TERM, 2019 1\nSyllabus\nDOE v. ROE", "opinion"),
    # criminal docket sheet
    ("U.S. District Court\nCRIMINAL DOCKET FOR CASE #: 1:20-cr-00001\nDate Filed # Docket Text", "docket"),
    # transcript
    ("UNITED STATES DISTRICT COURT\nUNITED STATES OF AMERICA, Plaintiff, v. JOHN DOE, Defendant.\n"
     "REPORTER'S TRANSCRIPT OF PROCEEDINGS", "transcript"),
    # declaration in the first person
    ("UNITED STATES DISTRICT COURT\nI, Jane Roe, declare as follows:\n1. I am over 18.", "declaration"),
    # indictment
    ("UNITED STATES DISTRICT COURT\nUNITED STATES OF AMERICA\nv.\nJOHN DOE\nINDICTMENT\nThe Grand Jury charges:", "indictment"),
    # a form with nothing to go on
    ("Location Code 12 Officer No. 7\nDEFENDANT INFORMATION\nLast Name First Name", "other"),
])
def test_classify(head, kind):
    assert classify(_Ctx(head)) == kind
