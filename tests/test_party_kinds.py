"""Kinds of party failure seen on filings nobody tuned for (issue 15), one table per kind.

Every example is invented. Each row names a party that must be found with its role (and title),
or words that no party name may hold.
"""
from __future__ import annotations

import pytest
from conftest import facts_of


def parties(text: str, name: str = "case.txt") -> dict[str, dict]:
    return {f["name"]: f for f in facts_of(text, "party", name=name)}


OPINION_COUNSEL = (
    "UNITED STATES DISTRICT COURT\nEASTERN DISTRICT OF ELSEWHERE\n"
    "MIRIAM OSTROVSKY, et al.,\nPlaintiffs,\nv.\nSTATE BOARD OF PORT PILOTS,\nDefendant.\n"
    "No. 4:23-cv-00981\n\n"
    "Tobias Renner, Renner & Vale LLP, Riverton, EL; Grace Ilunga, Ilunga Law PLLC, Port Town, EL, for Plaintiffs. "
    "Henrietta Baptiste, Office of the Attorney General, Capital City, EL, for Defendant State Board of Port Pilots.\n\n"
    "MEMORANDUM OPINION\nThe plaintiffs challenge the board's licensing rule.\n"
)

SIGNATURE = (
    "UNITED STATES DISTRICT COURT\nDISTRICT OF ELSEWHERE\n"
    "HALVORSEN FREIGHT LLC,\nPlaintiff,\nv.\nPELLA MARITIME INC.,\nDefendant.\nCase No. 1:24-cv-00310\n\n"
    "MOTION TO COMPEL\nPlaintiff moves to compel production.\n\n"
    "Dated: May 1, 2024\nRespectfully submitted,\n/s/ Dana Whitfield\nDana Whitfield\nWhitfield Ortiz LLP\n"
    "12 Main Street\nRiverton, EL 10001\nCounsel for Plaintiff Halvorsen Freight LLC\n"
)

PRESS = (
    "RIVERTON – A federal grand jury indicted Corwin Blake, 44, of Port Town, on wire fraud charges, "
    "U.S. Attorney Lydia Marsh announced today.\n"
    "The case is being handled by Assistant U.S. Attorneys Ravi Menon and Alicia Dorsey. "
    "Trial Attorney Peter Quon of the Fraud Section will lead the litigation.\n"
)

PANEL = (
    "IN THE COURT OF APPEALS OF THE STATE OF ELSEWHERE\nSECOND APPELLATE DISTRICT\n"
    "ORLA KEANE,\nPlaintiff and Appellant,\nv.\nMARBURY TOOL WORKS, INC.,\nDefendant and Respondent.\n"
    "B301122\n\n"
    "APPEAL from a judgment of the Superior Court of Lassen County, the Honorable Ruth A. Delacroix, Judge. Affirmed.\n\n"
    "Maria L. Esposito, P.J., Daniel R. Kwan, J., and Celeste Obi, J., concurred.\n"
    "Keane sued Marbury Tool Works for wrongful termination.\n"
)

CAPTION_LIST = (
    "UNITED STATES DISTRICT COURT\nNORTHERN DISTRICT OF ELSEWHERE\n"
    "A.B., a minor, by and through her guardian ad litem C.D.; and\nLEONA FARROW,\nPlaintiffs,\nv.\n"
    "NORTHERN HARBOR MARINE\nHOLDINGS CO.; and CITY OF PORT TOWN,\nDefendants.\n"
    "Case No. 3:22-cv-07781\n\nORDER\nThe motion to dismiss is denied.\n"
)

JUDGMENT = (
    "UNITED STATES DISTRICT COURT\nDistrict of Elsewhere\n"
    "UNITED STATES OF AMERICA\nv.\nMARCUS ELLERY HALE\n"
    "JUDGMENT IN A CRIMINAL CASE\nCase Number: 2:21-cr-00412-1\n"
    "The defendant pleaded guilty to count 1.\n"
)

MENTIONED = (
    "UNITED STATES DISTRICT COURT\nDISTRICT OF ELSEWHERE\n"
    "CITIZENS FOR OPEN RECORDS,\nPlaintiff,\nv.\nFEDERAL ELECTION COMMISSION,\nDefendant.\nCase No. 1:23-cv-01000\n\n"
    "COMPLAINT\n1. Plaintiff Citizens for Open Records brings this action against the Federal Election Commission.\n"
    "2. Senator Harold Quimby spoke about the records. Quimby said the records were public. Harold Quimby later "
    "wrote about them, and Quimby repeated the claim on television. The news anchor Sasha Petrova asked Petrova's "
    "guests about them; Sasha Petrova called the records public, and Petrova wrote that the FBI had them.\n"
    "3. The plaintiff's office is in Arlington, VA. Plaintiff's member JANE DOE asked for the records.\n"
)


# (text, name, role, title or None when not checked)
PRESENT = [
    # counsel run in after the caption of an opinion: each attorney, for the side stated
    (OPINION_COUNSEL, "Tobias Renner", "attorney", None),
    (OPINION_COUNSEL, "Grace Ilunga", "attorney", None),
    (OPINION_COUNSEL, "Henrietta Baptiste", "attorney", None),
    (OPINION_COUNSEL, "Miriam Ostrovsky", "plaintiff", None),
    (OPINION_COUNSEL, "State Board of Port Pilots", "defendant", None),
    # a signature block
    (SIGNATURE, "Dana Whitfield", "attorney", None),
    (SIGNATURE, "Halvorsen Freight LLC", "plaintiff", None),
    # press releases: who handles and who leads the case
    (PRESS, "Ravi Menon", "attorney", None),
    (PRESS, "Alicia Dorsey", "attorney", None),
    (PRESS, "Peter Quon", "attorney", None),
    (PRESS, "Corwin Blake", "defendant", None),
    # judges of an appellate panel and the trial judge
    (PANEL, "Ruth A. Delacroix", "judge", None),
    (PANEL, "Maria L. Esposito", "judge", None),
    (PANEL, "Daniel R. Kwan", "judge", None),
    (PANEL, "Celeste Obi", "judge", None),
    (PANEL, "Orla Keane", "appellant", None),
    (PANEL, "Marbury Tool Works, Inc.", "respondent", None),
    # caption lists: a pseudonymous minor, an all-caps name broken over two lines
    (CAPTION_LIST, "A.B.", "plaintiff", None),
    (CAPTION_LIST, "Leona Farrow", "plaintiff", None),
    (CAPTION_LIST, "Northern Harbor Marine Holdings Co.", "defendant", None),
    (CAPTION_LIST, "City of Port Town", "defendant", None),
    # a judgment form
    (JUDGMENT, "Marcus Ellery Hale", "defendant", None),
    (JUDGMENT, "United States of America", "plaintiff", None),
    (MENTIONED, "Citizens for Open Records", "plaintiff", None),
    (MENTIONED, "Federal Election Commission", "defendant", None),
]


@pytest.mark.parametrize("text,name,role,title", PRESENT)
def test_party_present(text, name, role, title):
    ps = parties(text)
    assert name in ps, sorted(ps)
    assert ps[name]["role"] == role
    if title is not None:
        assert ps[name]["title"] == title


# (text, words) — no party name may contain these words (case-insensitive)
ABSENT = [
    (MENTIONED, "Quimby"),  # a senator discussed, however often, is no party
    (MENTIONED, "Petrova"),  # nor a news anchor
    (MENTIONED, "Federal Bureau of Investigation"),  # an agency only mentioned
    (MENTIONED, "Veterans"),  # "VA" of "Arlington, VA" is a state
    (MENTIONED, "Department of Energy"),  # "DOE" of "JANE DOE" is a pseudonym
    (CAPTION_LIST, "guardian ad litem"),
    (PANEL, "Paul R."),
    (JUDGMENT, "Judgment"),
]


@pytest.mark.parametrize("text,words", ABSENT)
def test_party_absent(text, words):
    ps = parties(text)
    assert not [n for n in ps if words.lower() in n.lower()], sorted(ps)


# (text, names) — each party once, whole, never two joined
ONCE = [
    (PANEL, ["Orla Keane"]),  # the caption name and the surname in prose are one party
    (CAPTION_LIST, ["Northern Harbor Marine Holdings Co."]),
]


@pytest.mark.parametrize("text,names", ONCE)
def test_one_fact_per_party(text, names):
    facts = facts_of(text, "party")
    for name in names:
        assert sum(1 for f in facts if f["name"] == name) == 1
    for f in facts:
        words = f["name"].split()
        half = len(words) // 2
        assert not (half and words[:half] == words[half:2 * half]), f["name"]  # no "Ellen Park Ellen Park"


SIGNED = (
    "UNITED STATES DISTRICT COURT\nDISTRICT OF ELSEWHERE\n"
    "ORTEGA-VIDAL,\nPetitioner,\nv.\nWARDEN OF RIVERTON PRISON,\nRespondent.\nCase No. 2:24-cv-00077\n\n"
    "PETITION FOR A WRIT OF HABEAS CORPUS\nPetitioner Luis Alberto Ortega-Vidal asks for relief.\n\n"
    "Respectfully submitted,\n/s/ Corinne Abara\nCorinne Abara (Bar No. 55102)\nAbara Defense Group\n"
    "9 Court Street\nRiverton, EL 10001\n(555) 300-1000\n"
)

FORM = (
    "UNITED STATES DISTRICT COURT\nDISTRICT OF ELSEWHERE\nCRIMINAL MINUTES - GENERAL\n"
    "Case No. 2:23-cr-00190\nTitle: United States v. Yusuf Demir\n"
    "COUNSEL FOR THE DEFENDANT\nMarta Sobieski\nCOUNSEL FOR THE GOVERNMENT\nOwen Trask\n"
    "PROCEEDINGS: STATUS CONFERENCE\n"
)

HEADER = (
    "Case: 2:24-cv-01555 Document 3 Filed 04/02/24\n"
    "STATE OF OHIO et al v. ACME HOLDINGS LLC\n"
    "ORDER\nThe State of Ohio moves for a preliminary injunction against Acme Holdings LLC. "
    "IT IS HEREBY ORDERED Defendants shall answer by May 1, 2024.\n"
)

GLUED = (
    "UNITED STATES BANKRUPTCY COURT\nDISTRICT OF ELSEWHERE\n"
    "In re: MARY LOU TRAN,\nDebtor.\nCase No. 24-10555\n\n"
    "ORDER\nDebtor Mary Lou Tran moves to reopen the case. The Daily Ledger and Harbor Media, LLC objected. "
    "Judge Paul R. Lindqvist heard the motion.\n"
)

PRESENT_2 = [
    (SIGNED, "Corinne Abara", "attorney"),  # a signature block with a bar number and a firm
    (SIGNED, "Luis Alberto Ortega-Vidal", "petitioner"),  # the caption surname and the full name are one
    (FORM, "Marta Sobieski", "attorney"),  # a form field over its value
    (FORM, "Owen Trask", "attorney"),
    (FORM, "Yusuf Demir", "defendant"),
    (HEADER, "State of Ohio", "plaintiff"),  # a PACER header caption
    (HEADER, "Acme Holdings LLC", "defendant"),
    (GLUED, "Mary Lou Tran", "debtor"),  # a bankruptcy caption's debtor
    (GLUED, "Harbor Media, LLC", "other"),
    (GLUED, "Paul R. Lindqvist", "judge"),  # never cut to "Paul R."
]


@pytest.mark.parametrize("text,name,role", PRESENT_2)
def test_party_present_structure(text, name, role):
    ps = parties(text)
    assert name in ps, sorted(ps)
    assert ps[name]["role"] == role


ABSENT_2 = [
    (SIGNED, "Ortega-Vidal Luis"),
    (HEADER, "Hereby"),
    (GLUED, "Debtor Mary"),
    (GLUED, "Ledger and Harbor"),  # two organizations joined by "and"
    (FORM, "Proceedings"),
]


@pytest.mark.parametrize("text,words", ABSENT_2)
def test_party_absent_structure(text, words):
    ps = parties(text)
    assert not [n for n in ps if words.lower() in n.lower()], sorted(ps)


def test_caption_surname_and_full_name_are_one_party():
    facts = [f for f in facts_of(SIGNED, "party") if "Ortega-Vidal" in f["name"]]
    assert [f["name"] for f in facts] == ["Luis Alberto Ortega-Vidal"]


APPELLATE_COUNSEL = (
    "Corinna Vasquez, with whom Elias M. Brandt, Ines Okoro, and Freedom Advocates were on brief, for appellant.\n"
    "Noah P. Lindgren and Riverbend Legal Society on brief for Marta Kell, amicus curiae.\n"
    "Wendell T. Osei, Assistant Attorney General, for appellee.\n"
)


# (name, title) — "with whom ... were on brief" and "on brief for" counsel lines of appellate opinions
APPELLATE_ROWS = [
    ("Corinna Vasquez", "Counsel for Appellant"),
    ("Elias M. Brandt", "Counsel for Appellant"),
    ("Ines Okoro", "Counsel for Appellant"),
    ("Noah P. Lindgren", "Counsel for Amicus curiae"),
    ("Wendell T. Osei", "Counsel for Appellee"),
]


@pytest.mark.parametrize("name,title", APPELLATE_ROWS)
def test_appellate_counsel(name, title):
    from extractor.facts.party_counsel import counsel_cues

    cues = {APPELLATE_COUNSEL[c.start_char:c.end_char]: c for c in counsel_cues(APPELLATE_COUNSEL)}
    assert name in cues, sorted(cues)
    assert (cues[name].role, cues[name].title) == ("attorney", title)


def test_organizations_on_brief_are_no_attorneys():
    from extractor.facts.party_counsel import counsel_cues

    names = {APPELLATE_COUNSEL[c.start_char:c.end_char] for c in counsel_cues(APPELLATE_COUNSEL)}
    assert not names & {"Freedom Advocates", "Riverbend Legal Society", "Marta Kell"}


# (text, words) — prose with "for <side>" or a counsel field that names no attorney
NOT_COUNSEL = [
    ("The hearing began. Mary Smith, the plaintiff's mother, testified for Plaintiffs.", "Mary Smith"),
    ("Senator Jane Roe, Governor Bob Poe, and others voted for Respondents.", "Jane Roe"),
    ("COUNSEL FOR THE DEFENDANT: None Appearing", "None"),
]


@pytest.mark.parametrize("text,words", NOT_COUNSEL)
def test_not_counsel(text, words):
    from extractor.facts.party_counsel import counsel_cues

    assert not [c for c in counsel_cues(text) if words in text[c.start_char:c.end_char]]


def test_a_name_read_twice_is_one_name():
    from extractor.facts.parties import _once

    assert (_once("Ellen Park Ellen Park"), _once("ELLEN PARK Ellen Park"), _once("Park Ellen Park")) == \
        ("Ellen Park", "ELLEN PARK", "Park Ellen Park")
