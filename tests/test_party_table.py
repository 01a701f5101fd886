"""Docket reports: the party table (extractor/facts/party_table.py) and the case fields it gives.

Every docket here is invented; the layouts are those of CM/ECF district, bankruptcy and appellate
docket reports as they come out of HTML (one printed line per line).
"""
from __future__ import annotations

import pytest

from extractor import extract_text
from extractor.facts.party_table import read_party_table, role_of_type

CIVIL = """U.S. District Court
Eastern District of Elsewhere (Riverton)
CIVIL DOCKET FOR CASE #: 2:21-cv-04417-QRS

Marlow et al v. Brightwater Freight Lines, Inc. et al
Assigned to: Judge Helena P. Quist
Date Filed: 03/04/2021

Plaintiff

Dana Marlow

represented by Oskar T. Lindqvist , Jr.

Lindqvist & Reyes PLLC

400 Harbor Way, Suite 9

Riverton, EL 10001

(555) 201-3344

Email: otl@lindqvistreyes.example

LEAD ATTORNEY

ATTORNEY TO BE NOTICED

Priya Raman

(See above for address)

PRO HAC VICE

ATTORNEY TO BE NOTICED

Plaintiff

NORTHERN HARBOR MARINE HOLDINGS CO.

represented by Oskar T. Lindqvist , Jr.

(See above for address)

LEAD ATTORNEY

V.

Defendant

Brightwater Freight Lines, Inc.

represented by Mei-Ling Okafor

Okafor Stein LLP

12 Canal Street

Riverton, EL 10002

Email: mokafor@okaforstein.example

ATTORNEY TO BE NOTICED

Defendant

Carl Vance, in his official capacity as Port Commissioner

TERMINATED: 06/01/2021

represented by Pro Se

Date Filed # Docket Text

03/04/2021 1 COMPLAINT against Brightwater Freight Lines, Inc. filed by Dana Marlow. (Lindqvist, Oskar) (Entered: 03/04/2021)
03/09/2021 4 NOTICE of Appearance by Mei-Ling Okafor on behalf of Brightwater Freight Lines, Inc. Senator Ruth Oyelaran is mentioned. (Okafor, Mei-Ling) (Entered: 03/09/2021)
"""

CRIMINAL = """U.S. District Court
District of Elsewhere (Capital City)
CRIMINAL DOCKET FOR CASE #: 1:22-cr-00231-WXY-1

Case title: USA v. Pell
Assigned to: Judge Tomas R. Achebe

Defendant (1)

Jonah Pell

represented by Farah N. Quddus

Federal Public Defender

1 Court Plaza

Capital City, EL 20001

Designation: Public Defender or Community Defender Appointment

Pending Counts

18:1343 WIRE FRAUD

(1-3)

Disposition

Imprisonment: 30 months

Plaintiff

USA

represented by Lionel Batra

United States Attorney's Office

1 Court Plaza

Capital City, EL 20001

Email: lionel.batra@usdoj.example

LEAD ATTORNEY

ATTORNEY TO BE NOTICED

Date Filed # Docket Text

05/02/2022 1 INDICTMENT as to Jonah Pell (1) count(s) 1-3. (U.S. Marshal notified) (Entered: 05/02/2022)
"""

BANKRUPTCY = """U.S. Bankruptcy Court
District of Elsewhere (Port Town)
Bankruptcy Petition #: 3:20-bk-30918-ZZT
Assigned to: Judge Wendell O. Park
Chapter 11
Voluntary
Date filed: 08/17/2020
 Debtor
1450 Orchard Row Partners, LLC
1450 Orchard Row
Port Town, EL 30001
Tax ID / EIN: 00-0000000
represented by
Ruth Abernathy
Abernathy Law Group, P.A.
77 Bay Road
Port Town, EL 30002
555-301-2200
Email: ruth@abernathylaw.example
Samuel K. Oduya
Abernathy Law Group, P.A.
77 Bay Road
Port Town, EL 30002
555-301-2200
 U.S. Trustee
U.S. Trustee
Office of the U.S. Trustee
500 Federal Plaza
Port Town, EL 30003
 Trustee
GRETA M. FALK
9 Elm Street
Port Town, EL 30004
 Creditor Committee
Official Committee of Unsecured Creditors
represented by
Hollis Brandt
Brandt & Ivey LLP
3 Pier Street
Port Town, EL 30005
Filing Date # Docket Text
08/17/2020 1 Chapter 11 Voluntary Petition filed by Ruth Abernathy on behalf of 1450 Orchard Row Partners, LLC. (Abernathy, Ruth) (Entered: 08/17/2020)
"""

APPELLATE = """General Docket
United States Court of Appeals for the Twelfth Circuit
Court of Appeals Docket #: 23-5512
Docketed: 02/01/2023
Okonkwo v. Sable Ridge Mining Co.
Appeal From: District of Elsewhere
ADAEZE OKONKWO
Plaintiff - Appellant,
Thaddeus W. Brandvold
Direct: 555-410-0000
[COR LD NTC Retained]
Brandvold Law
9 Main Street
Riverton, EL 10001
v.
SABLE RIDGE MINING CO., as successor to Ridge Holdings
Defendant - Appellee,
Imogen Castellanos-Reyes
Direct: 555-410-2222
[COR NTC Retained]
Castellanos Reyes LLP
1 River Road
Riverton, EL 10003
KIDS IN NEED OF COUNSEL
Terminated: 05/05/2023
Amicus Curiae,
Rowan J. Achterberg
[COR NTC Retained]
Achterberg PC
2 Hill Street
Riverton, EL 10004
02/01/2023
5 pg, 120 KB CIVIL CASE docketed. Notice of appeal filed by Appellant Adaeze Okonkwo. [23-5512] (ABC) [Entered: 02/01/2023 10:00 AM]
"""


def parties_of(text: str) -> dict[str, dict]:
    return {f["name"]: f for f in extract_text(text, name="docket.txt")["facts"] if f["type"] == "party"}


# (docket, name, role, entity_type) — each party the table lists, with its role
LISTED = [
    (CIVIL, "Dana Marlow", "plaintiff", "PERSON"),  # type line over the name
    (CIVIL, "Northern Harbor Marine Holdings Co.", "plaintiff", "ORG"),  # all caps, title-cased
    (CIVIL, "Brightwater Freight Lines, Inc.", "defendant", "ORG"),
    (CIVIL, "Carl Vance", "defendant", "PERSON"),  # description cut off, TERMINATED line skipped
    (CIVIL, "Oskar T. Lindqvist, Jr.", "attorney", "PERSON"),  # after "represented by", suffix kept
    (CIVIL, "Priya Raman", "attorney", "PERSON"),  # a second attorney after the designations
    (CIVIL, "Mei-Ling Okafor", "attorney", "PERSON"),
    (CIVIL, "Helena P. Quist", "judge", "PERSON"),
    (CRIMINAL, "Jonah Pell", "defendant", "PERSON"),  # "Defendant (1)"
    (CRIMINAL, "USA", "plaintiff", "GOV_AGENCY"),  # the United States, not its Attorney's Office
    (CRIMINAL, "Lionel Batra", "attorney", "PERSON"),
    (CRIMINAL, "Farah N. Quddus", "attorney", "PERSON"),
    (BANKRUPTCY, "1450 Orchard Row Partners, LLC", "debtor", "ORG"),  # a name may start with a digit
    (BANKRUPTCY, "U.S. Trustee", "trustee", "GOV_AGENCY"),  # the name repeats the type word
    (BANKRUPTCY, "Greta M. Falk", "trustee", "PERSON"),
    (BANKRUPTCY, "Official Committee of Unsecured Creditors", "creditor", "ORG"),
    (BANKRUPTCY, "Samuel K. Oduya", "attorney", "PERSON"),  # a new attorney after a phone line
    (BANKRUPTCY, "Hollis Brandt", "attorney", "PERSON"),
    (APPELLATE, "Adaeze Okonkwo", "appellant", "PERSON"),  # name over "Plaintiff - Appellant,"
    (APPELLATE, "Sable Ridge Mining Co.", "appellee", "ORG"),
    (APPELLATE, "Kids in Need of Counsel", "amicus", "ORG"),  # "in" of a caps name is no description
    (APPELLATE, "Thaddeus W. Brandvold", "attorney", "PERSON"),  # name over a [COR ...] notice line
    (APPELLATE, "Imogen Castellanos-Reyes", "attorney", "PERSON"),
]


@pytest.mark.parametrize("docket,name,role,etype", LISTED)
def test_listed_party(docket, name, role, etype):
    ps = parties_of(docket)
    assert name in ps, sorted(ps)
    assert (ps[name]["role"], ps[name]["entity_type"]) == (role, etype)


# (docket, words that must be in no party name) — designations, headings and prose mentions are no parties
NOT_PARTIES = [
    (CIVIL, "Attorney to Be Noticed"),
    (CIVIL, "Lead Attorney"),
    (CIVIL, "Pro Hac Vice"),
    (CIVIL, "Pro Se"),
    (CIVIL, "Ruth Oyelaran"),  # named in an entry, not in the table
    (CRIMINAL, "Wire Fraud"),
    (CRIMINAL, "Pending Counts"),
    (CRIMINAL, "Marshal"),
    (BANKRUPTCY, "Tax ID"),
    (APPELLATE, "Terminated"),
]


@pytest.mark.parametrize("docket,words", NOT_PARTIES)
def test_not_a_party(docket, words):
    assert not [n for n in parties_of(docket) if words.lower() in n.lower()]


def test_only_table_parties_are_litigants():
    litigants = {n for n, f in parties_of(CIVIL).items()
                 if f["role"] in ("plaintiff", "defendant", "appellant", "appellee", "debtor", "creditor")}
    assert litigants == {"Dana Marlow", "Northern Harbor Marine Holdings Co.", "Brightwater Freight Lines, Inc.", "Carl Vance"}


def test_printed_party_line_is_an_alias():
    ps = parties_of(CIVIL)
    assert "Carl Vance, in his official capacity as Port Commissioner" in ps["Carl Vance"]["aliases"]


# (docket, caption, docket number) — the case fields of the report
CASE = [
    (CIVIL, "Marlow et al v. Brightwater Freight Lines, Inc. et al", "2:21-cv-04417-QRS"),
    (CRIMINAL, "USA v. Pell", "1:22-cr-00231-WXY-1"),
    (BANKRUPTCY, "In re 1450 Orchard Row Partners, LLC", "3:20-bk-30918-ZZT"),
    (APPELLATE, "Okonkwo v. Sable Ridge Mining Co.", "23-5512"),
]


@pytest.mark.parametrize("docket,caption,number", CASE)
def test_case_fields(docket, caption, number):
    case = extract_text(docket, name="docket.txt")["document"]["case"]
    assert (case["caption"], case["docket_number"]) == (caption, number)


def test_bankruptcy_number_drops_judge_initials():
    text = BANKRUPTCY.replace("3:20-bk-30918-ZZT", "20-30918-zzt")
    assert extract_text(text, name="docket.txt")["document"]["case"]["docket_number"] == "20-30918"


# (printed party type, role) — PACER's vocabulary read into FACTS.md roles
TYPES = [
    ("Plaintiff", "plaintiff"),
    ("Defendant (3)", "defendant"),
    ("Counter-Claimant", "defendant"),
    ("Plaintiff - Appellee,", "appellee"),
    ("Cross-Appellant", "appellant"),
    ("Intervenor - Pending", "intervenor"),
    ("Joint Debtor", "debtor"),
    ("Petitioning Creditor", "creditor"),
    ("Assistant U.S. Trustee", "trustee"),
    ("Interested Party", "other"),
    ("Dana Marlow", None),
    ("LEAD ATTORNEY", None),
]


@pytest.mark.parametrize("line,role", TYPES)
def test_role_of_type(line, role):
    assert role_of_type(line) == role


def test_prose_has_no_party_table():
    text = "Plaintiff\nJane Roe sued the city.\nDefendant\nThe city answered."
    assert read_party_table(text) == []


HEAD = "U.S. District Court\nDistrict of Elsewhere\nCIVIL DOCKET FOR CASE #: 1:20-cv-00001-XY\nRoe v. Doe\n"

# (table text after the header, words no party name may hold) — lines in a name's slot that are no names
BAD_SLOTS = [
    ("Plaintiff\nPhone 555-201-3344\nrepresented by Jane Roe\nLEAD ATTORNEY\n", "555"),
    ("Plaintiff\n123 Main Street\nrepresented by Jane Roe\nLEAD ATTORNEY\n", "Main Street"),
    ("Plaintiff\nAl Doe\nrepresented by Pro-Se Litigant\n", "Pro-Se"),
    ("Plaintiff\nAl Doe\nrepresented by Self-Represented\n", "Self"),
    ("Plaintiff\nAl Doe\nrepresented by Jane Roe\nAssistant US Attorney\nLEAD ATTORNEY\n", "Assistant"),
]


@pytest.mark.parametrize("table,words", BAD_SLOTS)
def test_bad_slot_is_no_party(table, words):
    names = [n for n in parties_of(HEAD + table + "Date Filed # Docket Text\n")]
    assert not [n for n in names if words.lower() in n.lower()], names


def test_type_line_without_name_keeps_the_next_block():
    text = ("U.S. Bankruptcy Court\nDistrict of Elsewhere\nBankruptcy Petition #: 20-10001\n"
            "In re\nDebtor\nJOHN ROE\n1 Elm Street\nrepresented by\nAda Poe\nFiling Date # Docket Text\n")
    ps = parties_of(text)
    assert ps["John Roe"]["role"] == "debtor"
    assert "Debtor" not in ps


def test_appellate_firm_lines_are_no_attorneys():
    text = ("General Docket\nUnited States Court of Appeals for the Twelfth Circuit\nCourt of Appeals Docket #: 23-1\n"
            "JOHN ROE\nPlaintiff - Appellant,\nJane Smith\n[COR NTC Retained]\nSmith Legal PLLC\nGrand Central Plaza\n"
            "Riverton, EL 10001\n")
    roles = {n: f["role"] for n, f in parties_of(text).items()}
    assert roles.get("Jane Smith") == "attorney"
    assert "Grand Central Plaza" not in roles


def test_a_name_may_look_like_an_address_when_it_is_a_company():
    text = BANKRUPTCY.replace("1450 Orchard Row Partners, LLC\n1450 Orchard Row\n", "1450 Orchard Street Partners, LLC\n1450 Orchard Street\n")
    ps = parties_of(text)
    assert ps["1450 Orchard Street Partners, LLC"]["role"] == "debtor"
    assert "1450 Orchard Street" not in ps


def test_parties_sharing_one_type_line():
    text = (HEAD + "Defendant\nPrimrose Fund\nrepresented by\nPrimrose Fund\nPRO SE\nKestrel Bank PLC\nrepresented by\n"
            "Ada Poe\nPoe LLP\nEmail: ada@poe.example\nDate Filed # Docket Text\n")
    ps = parties_of(text)
    assert ps["Kestrel Bank PLC"]["role"] == "defendant"
    assert ps["Ada Poe"]["role"] == "attorney"
