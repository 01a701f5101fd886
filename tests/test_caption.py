"""Caption, court, docket number and judge (extractor/facts/caption.py, caption_court.py)."""
from __future__ import annotations

import json

import pytest

from extractor.facts import caption
from extractor.data import MODELS_DIR as MODELS
from extractor.facts.caption_court import court_data, find_courts


class _Ctx:
    """The two things find_case reads: the text and the reserve list."""

    def __init__(self, text: str):
        self.text = text
        self.reserved: list[tuple[int, int, str]] = []

    def reserve(self, start: int, end: int, label: str) -> None:
        self.reserved.append((start, end, label))


def parties(text):
    return [(p.name, p.role, p.title) for p in caption.caption_parties(text)[0]]


CAPTIONS = [
    # plain complaint caption over several lines
    ("IN THE UNITED STATES DISTRICT COURT\nFOR THE DISTRICT OF COLORADO\nCivil Action No. 1:21-cv-01061\n"
     "BERKSHIRE LIFE INSURANCE COMPANY OF AMERICA,\nPlaintiff,\nv.\nANNA SCHUBERT,\nDefendant.\nCOMPLAINT\n",
     [("BERKSHIRE LIFE INSURANCE COMPANY OF AMERICA", "plaintiff", None), ("ANNA SCHUBERT", "defendant", None)]),
    # name over two lines, "et al.", pleading line numbers and a right-hand title column
    ("8 UNITED STATES DISTRICT COURT\n9 FOR THE EASTERN DISTRICT OF CALIFORNIA\n11 TRACIE STILL, No. 1:11-cv-00637-EPG\n"
     "12 Plaintiff, ORDER GRANTING MOTION FOR\nATTORNEY’S FEES\n13 v.\n(ECF No. 26)\n14 COMMISSIONER OF SOCIAL\n"
     "SECURITY, ORDER SEALING DOCKET NUMBERS 26-2\n15 AND 26-3 AND REQUIRING COUNSEL TO\nDefendant. RE-FILE SUCH\n",
     [("TRACIE STILL", "plaintiff", None), ("COMMISSIONER OF SOCIAL SECURITY", "defendant", None)]),
    # official capacity becomes the title; a list of persons shares it
    ("SUSAN JANE HOGARTH, Plaintiff,\nv.\nKAREN BRINSON BELL, in her official capacity as Executive Director of the "
     "State Board; STACY EGGERS IV, KEVIN N. LEWIS, and SIOBHAN MILLEN, in their official capacities as Members of "
     "the State Board, Defendants.\n",
     [("SUSAN JANE HOGARTH", "plaintiff", None),
      ("KAREN BRINSON BELL", "defendant", "Executive Director of the State Board"),
      ("STACY EGGERS IV", "defendant", "Member of the State Board"),
      ("KEVIN N. LEWIS", "defendant", "Member of the State Board"),
      ("SIOBHAN MILLEN", "defendant", "Member of the State Board")]),
    # "a Delaware corporation" is a descriptor, not part of the name
    ("UNITED STATES DISTRICT COURT\nDISTRICT OF DELAWARE\nACME WIDGETS, INC., a Delaware corporation,\nPlaintiff,\n"
     "v.\nJOHN DOE,\nDefendant.\n",
     [("ACME WIDGETS, INC.", "plaintiff", None), ("JOHN DOE", "defendant", None)]),
    # "Plaintiff—Appellant" / "Defendants—Appellees": the appellate role wins
    ("No. 21-50498\nVanessa St. Pierre,\nPlaintiff—Appellant,\nversus\nStandard Insurance Company; Dearborn National Life\n"
     "Insurance Company,\nDefendants—Appellees.\n",
     [("Vanessa St. Pierre", "appellant", None), ("Standard Insurance Company", "appellee", None),
      ("Dearborn National Life Insurance Company", "appellee", None)]),
    # consolidated cases on a minutes form: the first "Title A v. B" row is the caption
    ("CIVIL MINUTES - GENERAL\nCase No. 2:21-CV-01111-ABC Date July 9, 2021\n2:21-CV-01112-ABC\n"
     "Title NORTHWIND MEDIA LTD, ET AL. v. BLUEFIN HOLDINGS LLC, ET AL.\nBLUEFIN HOLDINGS LLC, ET AL. v. NORTHWIND INC., ET AL.\n",
     [("NORTHWIND MEDIA LTD", "plaintiff", None), ("BLUEFIN HOLDINGS LLC", "defendant", None)]),
    # hyphenated "Plaintiff-Appellant" / "Defendant-Appellee": the appellate role wins too
    ("No. 22-3301\nMarta Quell,\nPlaintiff-Appellant,\nv.\nOrrin Freight Co.,\nDefendant-Appellee.\n",
     [("Marta Quell", "appellant", None), ("Orrin Freight Co.", "appellee", None)]),
    # "Plaintiff, Appellant," then "Defendant, Appellee." (First Circuit style): both labels are read
    ("No. 22-3302\nHARBOR CHAPEL OF BRISTOL,\nPlaintiff, Appellant,\nv.\nJANE Q. ROE,\nDefendant, Appellee.\n",
     [("HARBOR CHAPEL OF BRISTOL", "appellant", None), ("JANE Q. ROE", "appellee", None)]),
    # United States of America v. X with ")" column rules (transcripts)
    ("United States of America, )\n)\nPlaintiff, ) NO. CR-19-0491 JST\n)\nVS. ) Friday, June 26, 2020\n)\n"
     "James Heyward Silcox III, ) Oakland, California\n)\n) Change of Plea\nDefendant. )\n",
     [("United States of America", "plaintiff", None), ("James Heyward Silcox III", "defendant", None)]),
    # "In re X": the subject of the matter
    ("UNITED STATES COURT OF APPEALS\nFOR THE TENTH CIRCUIT\nIn re: RICHARD P. LIEBOWITZ No. 21-800\nORDER\n",
     [("RICHARD P. LIEBOWITZ", "other", None)]),
    # "In re" a litigation is no party
    ("IN THE UNITED STATES DISTRICT COURT\nFOR THE DISTRICT OF ARIZONA\nIN RE: Bard IVC Filters Products "
     "No. MDL 15-02641\nLiability Litigation,\n", []),
    # docket report title line
    ("U.S. District Court\nCase title: USA v. MANAFORT et al\nDate Filed: 10/27/2017\n",
     [("USA", "plaintiff", None), ("MANAFORT", "defendant", None)]),
    # state docket page: "Style:" over an "In Re" name, and a stray "v.:" label after it
    ("Fifth Court of Appeals\nCase:\n 05-24-00192-CV\n Style:\n\n In Re: Philip Floyd\n\n v.:\n\n Orig Proc:\n",
     [("Philip Floyd", "other", None)]),
    # Supreme Court running title in capitals
    ("SUPREME COURT OF THE UNITED STATES\nSyllabus\nFISHER v. UNIVERSITY OF TEXAS AT AUSTIN ET AL.\nCERTIORARI TO THE ...\n",
     [("FISHER", "petitioner", None), ("UNIVERSITY OF TEXAS AT AUSTIN", "respondent", None)]),
    # official titles printed before the name inside a party list
    ("GIFT SURPLUS, LLC, Plaintiff,\nv.\nSTATE OF NORTH CAROLINA, ex rel. ROY COOPER, GOVERNOR, in his official capacity, "
     "and DIRECTOR OF THE STATE BUREAU OF INVESTIGATION, BOB SCHURMEIER, in his official capacity.\n",
     [("GIFT SURPLUS, LLC", "plaintiff", None), ("STATE OF NORTH CAROLINA", "defendant", None),
      ("ROY COOPER", "defendant", "Governor"),
      ("BOB SCHURMEIER", "defendant", "Director of the State Bureau of Investigation")]),
]


@pytest.mark.parametrize("text,expected", CAPTIONS)
def test_caption_parties(text, expected):
    assert parties(text) == expected


CASES = [
    # complaint: court normalized, docket from the ECF header
    ("Case 1:21-cv-01061-KLM Document 1 Filed 04/16/21 USDC Colorado Page 1 of 16\nIN THE UNITED STATES DISTRICT COURT\n"
     "FOR THE DISTRICT OF COLORADO\nBERKSHIRE LIFE INSURANCE COMPANY OF AMERICA,\nPlaintiff,\nv.\nANNA SCHUBERT,\nDefendant.\n",
     {"caption": "Berkshire Life Insurance Company of America v. Anna Schubert",
      "court": "United States District Court for the District of Colorado", "docket_number": "1:21-cv-01061-KLM"}),
    # criminal docket number with judge initials
    ("UNITED STATES DISTRICT COURT\nEASTERN DISTRICT OF CALIFORNIA\nCase No. 2:18-cr-00119-WBS\n",
     {"court": "United States District Court for the Eastern District of California", "docket_number": "2:18-cr-00119-WBS"}),
    # appellate "No. 19-1234" and a circuit court
    ("United States Court of Appeals\nFor the First Circuit\nNo. 19-1234\n",
     {"court": "United States Court of Appeals for the First Circuit", "docket_number": "19-1234"}),
    # "Case No. 5:21-cv-1" (short form)
    ("SUPREME COURT OF ALABAMA\nCase No. 5:21-cv-1\n", {"court": "Supreme Court of Alabama", "docket_number": "5:21-cv-1"}),
    # judge from the docket's "Assigned to" line, not the next line
    ("U.S. District Court\nDistrict of Columbia (Washington, DC)\nCRIMINAL DOCKET FOR CASE #: 1:17-cr-00201-ABJ-1\n"
     "Assigned to: Judge Amy Berman Jackson\nDefendant (1)\n",
     {"court": "United States District Court for the District of Columbia", "docket_number": "1:17-cr-00201-ABJ-1",
      "judge": "Amy Berman Jackson"}),
    # judge from "MARTINOTTI, DISTRICT JUDGE" signature heading
    ("UNITED STATES DISTRICT COURT\nDISTRICT OF NEW JERSEY\nMARTINOTTI, DISTRICT JUDGE\nBefore this Court is ...\n",
     {"judge": "Martinotti"}),
    # a news story: no caption, no docket
    ("WASHINGTON (AP) — The IRS shared data with ICE, a court filing says.\n",
     {"caption": None, "docket_number": None, "judge": None}),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_find_case(text, expected):
    got = caption.find_case(_Ctx(text))
    assert set(got) == {"caption", "court", "docket_number", "judge"}
    for key, value in expected.items():
        assert got[key] == value, key


def test_in_re_litigation_caption():
    # a consolidated matter's caption has no party but is still the caption
    text = ("IN THE UNITED STATES DISTRICT COURT\nFOR THE DISTRICT OF ARIZONA\n10 IN RE: Bard IVC Filters Products "
            "No. MDL 15-02641-PHX-DGC\nLiability Litigation,\n")
    got = caption.find_case(_Ctx(text))
    assert got["caption"] == "In re Bard IVC Filters Products Liability Litigation"
    assert got["docket_number"] == "MDL 15-02641-PHX-DGC"


def test_c10_docket_from_removed_ecf_header():
    # C-10: ingestion takes the ECF header off each page; the docket number still comes from it
    from helpers_pdf import Text, make_pdf

    from extractor import extract_bytes

    pages = [[Text(72, 30, f"Case 3:25-cv-00981-JD Document 31 Filed 06/12/25 Page {n} of 2", size=9), Text(72, 100, body),
              Text(72, 740, f"PLAINTIFFS' MOTION FOR PRELIMINARY INJUNCTION \u2013 {n}", size=9)]
             for n, body in ((1, "Plaintiffs ask the Court to enjoin the"),
                             (2, "Department from releasing the records before July 1, 2025."))]
    result = extract_bytes(make_pdf(pages), "c10.pdf")
    assert result["document"]["case"]["docket_number"] == "3:25-cv-00981-JD"


def test_docket_spans_reserved():
    # every docket number span is reserved with label "docket" so no quantity is read from it
    text = "Case 2:16-cv-00123-ABC Document 24 Filed 08/05/16\nCase No. 5:21-cv-1\nIt cost $5."
    ctx = _Ctx(text)
    caption.find_case(ctx)
    spans = {text[s:e] for s, e, lab in ctx.reserved if lab == "docket"}
    assert spans == {"2:16-cv-00123-ABC", "5:21-cv-1"}


COURTS = [
    ("U.S. District Court for the Central District of California", "United States District Court for the Central District of California"),
    ("United States District Court, E.D. North Carolina", "United States District Court for the Eastern District of North Carolina"),
    ("the Fifth Circuit", "United States Court of Appeals for the Fifth Circuit"),
    ("Supreme Court of the United States", "Supreme Court of the United States"),
    ("a federal court in Los Angeles", "federal court in Los Angeles"),
    ("United States Judicial Panel for Multidistrict Litigation", "United States Judicial Panel on Multidistrict Litigation"),
    ("Fifth Court of Appeals", "Fifth Court of Appeals"),  # Texas intermediate appellate court
]


@pytest.mark.parametrize("text,name", COURTS)
def test_court_names(text, name):
    assert [c.name for c in find_courts(text)] == [name]


def test_no_court_in_plain_prose():
    # "5th Circuit Rule 47.5" and "the district" are no court names
    assert find_courts("Pursuant to 5th Circuit Rule 47.5, the district clerk ...") == []


def test_courts_json_round_trip():
    data = json.loads((MODELS / "courts.json").read_text(encoding="utf-8"))
    assert data == court_data() and data["states"]["California"] == "Cal." and "_about" in data


# ---- caption forms added for issue 4 (invented names) ----

NEW_CAPTIONS = [
    # criminal minutes form: the defendant is the row that also names counsel; one-name rows are counsel
    ("CRIMINAL MINUTES - GENERAL\nCase No. 2:19-cr-00123-ABC Date June 2, 2021\nPresent: The Honorable JANE Q. ROE\n"
     "U.S.A. v. Defendant(s): Present Cust. Bond Attorneys for Present App. Ret.\nDefendants:\nPeter Alder Not X\n"
     "Mark Ostrow Not X Linda Pemberton Not\nProceedings: (IN CHAMBERS)\n",
     [("U.S.A.", "plaintiff", None), ("Mark Ostrow", "defendant", None)]),
    # OCR'd "v." ("Vv.") between two all-caps sides
    ("UNITED STATES DISTRICT COURT\nCENTRAL DISTRICT OF CALIFORNIA\nUNITED STATES OF AMERICA,\nPlaintiff,\nVv.\n"
     "RIVERBEND COLLECTIVE,\nDefendant.\n", [("UNITED STATES OF AMERICA", "plaintiff", None),
                                           ("RIVERBEND COLLECTIVE", "defendant", None)]),
    # "Plaintiff, (PHASE II)": a label followed by the right-hand column; a division line and a
    # "SPECIAL VERDICT" title line are not part of the name
    ("CENTRAL DISTRICT OF CALIFORNIA\nWESTERN DIVISION\nOLIVE TRENT; ET AL., Case No. 2:18-CV-01234-ABC\n"
     "SPECIAL VERDICT\nPlaintiff, (PHASE II)\nVS.\nDORA VANCE; ET AL.,\nDefendants.\n",
     [("OLIVE TRENT", "plaintiff", None), ("DORA VANCE", "defendant", None)]),
    # "V." line carrying a right-hand "State File No." column (state agency appeals)
    ("WORKERS' COMPENSATION APPEALS BOARD\nPaul T. Lindqvist ) Docket No. 2020-01-0001\nV. State File No. 1234-2020\n"
     "Harbor Freight Movers, LLC, et al.\nAppeal from the Court of Workers' Compensation Claims\n",
     [("Paul T. Lindqvist", "plaintiff", None), ("Harbor Freight Movers, LLC", "defendant", None)]),
]


@pytest.mark.parametrize("text,expected", NEW_CAPTIONS)
def test_new_caption_forms(text, expected):
    assert parties(text) == expected


class _Page:
    def __init__(self, removed):
        self.removed = removed


class _Source:
    def __init__(self, text, headers):
        self.text = text
        self.pages = [_Page([{"kind": "ecf_header", "text": h} for h in headers])]


class _SrcCtx(_Ctx):
    """A context whose ingestion removed ECF headers from the pages."""

    def __init__(self, text, headers):
        super().__init__(text)
        self.source = _Source(text, headers)


DOCKETS = [
    # caption number left blank: the removed ECF header gives it, not a case cited in the body
    ("IN THE UNITED STATES DISTRICT COURT\nFOR THE DISTRICT OF COLORADO\nCivil Action No. 1:22-cv-______\n"
     "ALDER MUTUAL, INC.,\nPlaintiff,\nv.\nJOHN ROE,\nDefendant.\nCOMPLAINT\n" + "x " * 400 +
     "See Able v. Baker, No. 1:05CV00099, 2006 WL 1234 (M.D.N.C. 2006).\n",
     ["Case 1:22-cv-00777-ABC Document 1 Filed 04/16/22 Page 1 of 9"], "1:22-cv-00777-ABC"),
    # "Case No.:" with no number; a state case named in the body is not this case's number
    ("UNITED STATES DISTRICT COURT\nEASTERN DISTRICT OF CALIFORNIA\nACME CLINIC, INC., ) Case No.:\nPlaintiff, )\n"
     "vs. )\nBETA INSURANCE CO., )\nDefendant. )\n" + "y " * 400 + "Superior Court, Case No. CV-20-000123.\n",
     ["Case 1:21-cv-00555-XYZ Document 1 Filed 05/21/21 Page 1 of 24"], "1:21-cv-00555-XYZ"),
    # an OCR'd ECF header left in the text yields to the caption's own number
    ("se 2: 18-cv-01234-ABC-JC KR Filed 08/01/19 Page ID #:81\nUNITED STATES DISTRICT COURT\n"
     "OLIVE TRENT, Case No. 2:18-CV-01234-ABC(JCx)\nPlaintiff,\nVS.\nDORA VANCE,\nDefendant.\n", [],
     "2:18-CV-01234-ABC(JCx)"),
    # transcript "NO. CR-20-0123 XYZ": the judge's initials after a lettered number are kept
    ("UNITED STATES OF AMERICA, )\n)\nPlaintiff, )\n)\nVS. ) NO. CR-20-0123 XYZ\n)\nJOHN ROE, )\nDefendant. )\n", [],
     "CR-20-0123 XYZ"),
    # no caption, no header: nothing (a cited docket deep in the body is not taken)
    ("The court considered the motion.\n" + "z " * 900 + "See Able v. Baker, No. 3:10-cv-00001 (D. Md. 2011).\n", [], None),
]


@pytest.mark.parametrize("text,headers,docket", DOCKETS)
def test_docket_from_caption_or_ecf_header(text, headers, docket):
    assert caption.find_case(_SrcCtx(text, headers))["docket_number"] == docket


JUDGES = [
    # the opinion's author opening the opinion
    ("Before\nLane, Chief Judge,\nOrtiz and Bell, Circuit Judges.\n\nORTIZ, Circuit Judge. This appeal arises ...\n", "Ortiz"),
    # author line after a panel that runs over two lines ("..., and\nX, Senior Circuit Judge.")
    ("Before: PARK and SOTO, Circuit Judges, and\nWEBER, Senior Circuit Judge.\n\nOpinion for the Court filed by "
     "Circuit Judge SOTO.\nSOTO, Circuit Judge: The appellant ...\n", "Soto"),
    # Supreme Court slip opinion
    ("JUSTICE ALVAREZ delivered the opinion of the Court.\n", "Alvarez"),
    ("ALVAREZ, J., delivered the opinion for a unanimous Court.\n", "Alvarez"),
    # state board: "Judge X delivered the opinion of the Appeals Board"
    ("Judge Nora B. Quill delivered the opinion of the Appeals Board in which Presiding Judge ...\n", "Nora B. Quill"),
    # tax court / state supreme court author lines
    ("MEMORANDUM OPINION\nHALVORSEN, Judge: The IRS determined ...\n", "Halvorsen"),
    ("KESSLER, Justice.\nThis case concerns ...\n", "Kessler"),
    # per curiam: the first judge of the panel
    ("Before Whitcomb, Ruiz, and Ngata, Circuit Judges.\nPer Curiam:\n", "Whitcomb"),
    # name over "Veterans Law Judge" (blank line between)
    ("The appeal is denied.\n\nR. TALBOT\n\nVeterans Law Judge\n\nBoard of Veterans' Appeals\n", "R. Talbot"),
    # warrant signed by a magistrate judge
    ("City and state: Tucson, Arizona Honorable Ada R. Finch, U.S. Magistrate Judge\n", "Ada R. Finch"),
    # negative: the judge appealed from, in brackets, is not this court's judge
    ("Appeal from the United States District Court\n[Hon. Omar Price, U.S. District Judge]\n", None),
    # negative: a clerk's signature is no judge
    ("Entered for the Court\nMARY K. STONE, Clerk\n", None),
]


@pytest.mark.parametrize("text,judge", JUDGES)
def test_judge_forms(text, judge):
    assert caption.find_case(_Ctx(text))["judge"] == judge


CASE_FORMS = [
    # criminal minutes: "U.S.A. v. <defendant>"
    ("UNITED STATES DISTRICT COURT\nCENTRAL DISTRICT OF CALIFORNIA\nCase No. 2:19-cr-00123-ABC\n"
     "U.S.A. v. Defendant(s): Present Cust. Bond Attorneys for Present App. Ret.\nDefendants:\n"
     "Mark Ostrow Not X Linda Pemberton Not\nProceedings: (IN CHAMBERS)\n",
     {"caption": "U.S.A. v. Mark Ostrow", "docket_number": "2:19-cr-00123-ABC"}),
    # "In the Matter of the Search of" over several lines, down to the title line
    ("UNITED STATES DISTRICT COURT\nfor the\nDistrict of Arizona\nIn the Matter of the Search of Case No. 21-1234MB\n"
     "12 ELM ROAD, SPRINGDALE, ARIZONA,\nAnd\nTHE PERSON OF JOHN ROE\nSEARCH AND SEIZURE WARRANT\nTo: Any officer\n",
     {"caption": "In the Matter of the Search of 12 Elm Road, Springdale, Arizona And the Person of John Roe",
      "court": "United States District Court for the District of Arizona", "docket_number": "21-1234MB"}),
    # an OCR'd "UNITED STATES OF AMERTCA" is read as the United States
    ("UNITED STATES DISTRICT COURT\nUNITED STATES OF AMERTCA,\nPlaintiff,\nv.\nRIVERBEND COLLECTIVE,\nDefendant.\n",
     {"caption": "United States of America v. Riverbend Collective"}),
    # state workers' compensation appeals board named over three lines
    ("FILED\nTENNESSEE\nWORKERS' COMPENSATION\nAPPEALS BOARD\nPaul T. Lindqvist ) Docket No. 2020-01-0001\n"
     "V. State File No. 1234-2020\nHarbor Freight Movers, LLC, et al.\n",
     {"caption": "Paul T. Lindqvist v. Harbor Freight Movers, LLC et al.", "docket_number": "2020-01-0001",
      "court": "Tennessee Workers' Compensation Appeals Board"}),
    # "ET AL." printed after the only listed party of each side stays in the caption
    ("OLIVE TRENT; ET AL., Case No. 2:18-CV-01234-ABC\nPlaintiff,\nVS.\nDORA VANCE; ET AL.,\nDefendants.\n",
     {"caption": "Olive Trent et al. v. Dora Vance et al."}),
    # an all-caps name with a lower-case "d/b/a" is still title-cased
    ("ACME HOLDINGS, INC. d/b/a ACME STORES,\nPlaintiff,\nv.\nJOHN ROE,\nDefendant.\n",
     {"caption": "Acme Holdings, Inc. d/b/a Acme Stores v. John Roe"}),
    # a board named only in the closing signature block
    ("DOCKET NO. 240101-000001\nORDER\nThe claim is denied.\n" + "w " * 2000 +
     "\nA. LOOMIS\nVeterans Law Judge\nBoard of Veterans' Appeals\n",
     {"court": "Board of Veterans' Appeals", "docket_number": "240101-000001", "judge": "A. Loomis"}),
]


@pytest.mark.parametrize("text,expected", CASE_FORMS)
def test_new_case_forms(text, expected):
    got = caption.find_case(_Ctx(text))
    for key, value in expected.items():
        assert got[key] == value, key


def test_tribunals_kept_out_of_find_courts():
    # boards are found by find_tribunals only (party extraction reads find_courts); "The Appeals Board" is no name
    from extractor.facts.caption_court import find_tribunals
    text = "the Board of Immigration Appeals affirmed. The Appeals Board then ruled."
    assert [(text[t.start_char:t.end_char], t.name) for t in find_tribunals(text)] == [
        ("Board of Immigration Appeals", "Board of Immigration Appeals")]
    assert find_courts(text) == []


def test_panel_needs_judges_title():
    # prose "Before Tuesday, three judges ..." is no panel; "Before A and B, Circuit Judges." is
    assert caption.find_case(_Ctx("Before Tuesday, three federal judges had ruled.\n"))["judge"] is None
    assert caption.find_case(_Ctx("Before Amsel and Brandt, Circuit Judges.\n"))["judge"] == "Amsel"
