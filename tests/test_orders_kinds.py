"""Kinds of order and count failure seen on filings nobody tuned for (issue 16), one table per kind.

Every example is invented.
"""
from __future__ import annotations

import pytest
from conftest import facts_of

COURT = "UNITED STATES DISTRICT COURT\nDISTRICT OF ELSEWHERE\n"

JUDGMENT = (COURT + "UNITED STATES OF AMERICA\nv.\nMARCUS ELLERY HALE\nJUDGMENT IN A CRIMINAL CASE\n"
            "Case Number: 2:21-cr-00412-1\nDate of Imposition of Judgment: March 3, 2022\n"
            "The defendant is adjudged guilty on Counts 2 and 5.\n"
            "The defendant is hereby committed to the custody of the Bureau of Prisons to be imprisoned for a total term of "
            "46 months.\nThe fine is waived.\nThe bond is exonerated.\n")

MINUTES = (COURT + "CIVIL MINUTES - GENERAL\nCase No. 2:23-cv-01111 Date June 2, 2023\n"
           "Proceedings: (IN CHAMBERS) ORDER ON DISCOVERY MOTIONS\n"
           "The Court GRANTS IN PART and DENIES IN PART Plaintiff's Motion to Compel.\n"
           "Accordingly, the Court DENIES as moot Defendant's Motion to Stay.\n"
           "The Court GRANTS Plaintiff's Application for a Preliminary Injunction.\n")

TRANSCRIPT = (COURT + "TRANSCRIPT OF PROCEEDINGS\nCase No. 3:22-cr-00077\n"
              "THE COURT: To Count 1 of the indictment, which charges you with wire fraud, how do you plead?\n"
              "THE DEFENDANT: Guilty, Your Honor.\n"
              "THE COURT: And to Count 2, which charges you with the same offense, how do you plead?\n"
              "THE DEFENDANT: Guilty.\n"
              "THE COURT: If I accept your pleas, you will be found guilty. I accept your pleas, and I find you guilty of "
              "each of those offenses.\n")

COMPLAINT = ("UNITED STATES DISTRICT COURT\nDISTRICT OF ELSEWHERE\nCOMPLAINT\n"
             "1. The Court granted a stay in a related case.\n"
             "PRAYER FOR RELIEF\nDefendants should be enjoined from selling the product, and the Court should order "
             "Defendants to pay damages.\n")


def orders(text: str) -> list[dict]:
    return [f for f in facts_of(text, "order") if not f["prior"]]


# (text, action, words of the object or directive, polarity)
ORDERS = [
    (JUDGMENT, "commit", "46 months", "neutral"),  # a judgment form commits the defendant
    (JUDGMENT, "waive", "fine", "neutral"),
    (JUDGMENT, "exonerate", "bond", "neutral"),
    (JUDGMENT, "adjudge", "guilty", "neutral"),
    (MINUTES, "grant", "Motion to Compel", "neutral"),  # granted in part and denied in part: one neutral order
    (MINUTES, "deny", "Motion to Stay", "deny"),  # "DENIES as moot": the motion is the object
    (MINUTES, "grant", "Preliminary Injunction", "grant"),
    (TRANSCRIPT, "accept", "pleas", "neutral"),  # a judge speaking in a transcript
    (TRANSCRIPT, "adjudge", "guilty", "neutral"),
]


@pytest.mark.parametrize("text,action,words,polarity", ORDERS)
def test_order_found(text, action, words, polarity):
    found = [o for o in orders(text) if o["action"] == action
             and words.lower() in " ".join(str(o.get(k) or "") for k in ("object", "directive", "text")).lower()]
    assert found, [(o["action"], o["object"], o["directive"]) for o in orders(text)]
    assert found[0]["polarity"] == polarity


def test_mixed_ruling_is_one_order():
    acts = [o["action"] for o in orders(MINUTES) if "compel" in (o.get("object") or "").lower()]
    assert acts == ["grant"]


def test_conditional_acceptance_is_no_order():
    assert len([o for o in orders(TRANSCRIPT) if o["action"] == "accept"]) == 1


def test_prayer_for_relief_orders_nothing():
    assert orders(COMPLAINT) == []


def test_judgment_orders_take_the_judgment_date():
    assert {o["date"] for o in orders(JUDGMENT)} == {"2022-03-03"}


def counts(text: str) -> dict[int, dict]:
    return {f["number"]: f for f in facts_of(text, "count")}


# (text, number, title or None)
COUNTS = [
    (JUDGMENT, 2, None),  # counts of conviction named in prose
    (JUDGMENT, 5, None),
    (TRANSCRIPT, 1, "wire fraud"),  # the offence the count charges, never the next sentence
    (TRANSCRIPT, 2, "wire fraud"),  # "the same offense" as the count before
    ("The jury found the defendant guilty on Counts (3-6) of the Second Superseding Indictment.", 4, None),  # a range
    ("He pleaded guilty to Count One of the information, charging him with bank fraud.", 1, "bank fraud"),
]


@pytest.mark.parametrize("text,number,title", COUNTS)
def test_count_found(text, number, title):
    cs = counts(text)
    assert number in cs, sorted(cs)
    if title is not None:
        assert cs[number]["title"] == title


def test_range_gives_each_count():
    assert sorted(counts("The jury found the defendant guilty on Counts (3-6).")) == [3, 4, 5, 6]


MINUTE_LIST = (COURT + "CIVIL MINUTES - GENERAL\nCase No. 2:23-cv-02222 Date July 7, 2023\n"
               "Proceedings: (IN CHAMBERS) ORDER RE: SUBPOENAS\n"
               "For the reasons stated on the record, IT IS ORDERED that: (1) non-party Orbit Telecom shall produce the "
               "call records by July 21, 2023; (2) Plaintiff shall serve the subpoena on Keel Bank within seven days; and "
               "(3) the parties shall file a joint status report by August 1, 2023.\n")

DOCKET = ("U.S. District Court\nDistrict of Elsewhere\nCIVIL DOCKET FOR CASE #: 1:22-cv-03333-ABC\n"
          "Roe v. Acme Corp.\nAssigned to: Judge Ada Quill\n"
          "Plaintiff\nJane Roe\nrepresented by Sam Poe\nLEAD ATTORNEY\n"
          "Defendant\nAcme Corp.\nrepresented by Lee Wu\nLEAD ATTORNEY\n"
          "Date Filed # Docket Text\n"
          "03/02/2023 70 ORDER granting 52 Motion to Seal; granting 57 Motion for Extension of Time; and granting 61 "
          "Motion to Compel. Signed by Judge Ada Quill on 3/2/2023. (abc) (Entered: 03/02/2023)\n"
          "03/03/2023 71 This document is SEALED. (abc) (Entered: 03/03/2023)\n"
          "03/04/2023 72 Set/Reset Hearings: Status Conference set for 4/1/2023. Transcripts may be ordered by "
          "submitting the form. (abc) (Entered: 03/04/2023)\n")

AWARD = (COURT + "JANE ROE,\nPetitioner,\nv.\nCOMMISSIONER OF SOCIAL SECURITY,\nRespondent.\nNo. 1:20-cv-00444\n"
         "ORDER\nPetitioner's motion for attorney's fees is GRANTED. Petitioner is awarded $212,500 in attorneys' fees.\n"
         "Dated: May 5, 2021\n")


def test_numbered_items_are_one_order_each():
    got = [(o["action"], o["directed_to"]) for o in orders(MINUTE_LIST) if o["action"] in ("order", "direct", "require")]
    assert len(got) == 3, got
    assert [d for _, d in got][0] == "Orbit Telecom"


def test_docket_entry_grants_each_motion():
    objs = sorted(o["object"] for o in facts_of(DOCKET, "order") if o["action"] == "grant")
    assert objs == ["Motion for Extension of Time", "Motion to Compel", "Motion to Seal"], objs


def test_docket_notices_are_no_orders():
    texts = [o["text"] for o in facts_of(DOCKET, "order")]
    assert not [t for t in texts if "SEALED" in t or "Set/Reset" in t or "Transcripts" in t], texts


def test_award_is_an_order_of_the_matter():
    awards = [o for o in orders(AWARD) if o["action"] == "award"]
    assert awards and "212,500" in awards[0]["text"]
    assert awards[0]["date"] == "2021-05-05"


SUB_ITEMS = (COURT + "ORDER\nIT IS HEREBY ORDERED that Defendant Pell Maritime Inc. shall, within thirty days, (a) produce all "
             "vessel logs, including electronic logs; (b) identify each custodian; and (c) certify its compliance in "
             "writing. The hearing is vacated.\nDated: May 2, 2024\n")


def test_directive_keeps_lettered_sub_items():
    got = [o for o in orders(SUB_ITEMS) if o["action"] == "order"]
    assert got and got[0]["directed_to"] == "Pell Maritime Inc."
    assert got[0]["directive"].startswith("within thirty days, (a) produce all vessel logs, including electronic logs;")
    assert got[0]["directive"].endswith("(c) certify its compliance in writing")
    assert got[0]["date"] == "2024-05-02"


def test_heading_lines_end_sentences():
    from extractor.pipeline import load_pipeline

    doc = load_pipeline()("UNITED STATES DISTRICT COURT\nDISTRICT OF ELSEWHERE\nORDER\nThe motion is denied.")
    assert [s.text.strip() for s in doc.sents][-1] == "The motion is denied."


def test_holding_of_liability_is_an_order():
    text = ("RIVERTON – A federal judge ruled against a landlord on Monday. The court found that Marcus Hale had "
            "violated the consent decree by renting unsafe units.")
    got = [o for o in facts_of(text, "order") if o["action"] == "find"]
    assert got and got[0]["directed_to"] == "Marcus Hale" and "consent decree" in got[0]["directive"]


def test_caption_names_are_no_object():
    text = ("UNITED STATES DISTRICT COURT\nDISTRICT OF ELSEWHERE\nHARBOR LINES LLC, Plaintiff, v. KEEL BANK N.A., "
            "Defendant.\nORDER GRANTING PLAINTIFF'S APPLICATION FOR A PRELIMINARY INJUNCTION\nThe application is granted.\n")
    objs = [o["object"] for o in facts_of(text, "order") if o["action"] == "grant"]
    assert objs and all("KEEL" not in (ob or "") and "HARBOR" not in (ob or "") for ob in objs), objs
