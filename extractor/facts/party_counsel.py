"""Counsel lists: who appears for whom, as opinions and orders print it.

Opinions list counsel in a run-in paragraph after the caption: attorneys separated by ";", each
followed by a firm and a city, and each group closed by the side it represents:

    "Jane Roe, Roe & Poe LLP, Raleigh, NC; John Doe, Doe Law, Durham, NC, for Plaintiffs.
     Mary Major, Office of the Attorney General, Raleigh, NC, for Defendant State Board."

Appellate opinions add "(argued)" marks and "ARGUED:" / "ON BRIEF:" labels; transcripts and minutes
print "Counsel for the Defendant: John Doe" (or the label over the name). Each named attorney becomes a :class:`party_roles.Cue`
with role ``attorney`` and, as its title, the side stated ("Counsel for Plaintiffs").
"""
from __future__ import annotations

import re

from .party_roles import NAME, Cue

_SIDE = (r"(?:Plaintiffs?|Defendants?|Appellants?|Appellees?|Petitioners?|Respondents?|Intervenors?|Amic(?:us|i)(?:\s+Curiae)?|"
         r"Debtors?|Movants?|Claimants?|Relators?|Objectors?|Creditors?|Trustee|United\s+States|Government|People|"
         r"Cross-\w+)(?:(?:\s*[-–—/]\s*|\s+and\s+)(?:Cross-)?(?:Appellants?|Appellees?|Petitioners?|Respondents?|Plaintiffs?|Defendants?))*")
# "..., for Plaintiffs." / "..., for Defendant State Board of Port Pilots." / "..., for appellee;"
# (each starts at the first blank of a run: a run of blanks is tried once, not from each of its blanks)
_FOR_SIDE = re.compile(r"(?:,|(?<![ \t\n,]))[ \t\n]+(?:(?:[Aa]ttorneys?|[Cc]ounsel)[ \t\n]+)?for[ \t\n]+(?:the[ \t\n]+)?(?P<side>" + _SIDE + r")(?P<who>[^.;\n]{0,120}?)"
                       r"(?=[ \t]*(?:[.;]|\n|$))", re.I)
# "Counsel for the Defendant: John Doe", "COUNSEL FOR PLAINTIFF: JANE ROE"
# ... or the field's label over its value: "COUNSEL FOR THE DEFENDANT" / "Marta Sobieski"
_FIELD = re.compile(r"(?im)^[ \t]*(?:Counsel|Attorneys?)[ \t]+for[ \t]+(?:the[ \t]+)?(?P<side>" + _SIDE + r")(?:[ \t]*:[ \t]*|[ \t]*\n[ \t]*)"
                    r"(?P<names>[^\n:]{3,200})$")
# where a group of counsel begins: a sentence end (not after an initial or "Inc."), a blank line, a label
_GROUP_START = re.compile(r"(?:^|\n[ \t]*\n|(?<!\b[A-Z])(?<!Inc)(?<!Jr)(?<!Sr)(?<!Co)(?<!Corp)(?<!Ltd)(?<!No)[.:][ \t\n]+(?=[A-Z])|"
                          r"(?:ARGUED|ON[ \t]+BRIEF|BRIEFED|Argued|On[ \t]+brief|APPEARANCES?)[ \t]*:[ \t]*)")
_ARGUED = re.compile(r"[ \t]*\((?:argued|on\s+brief|pro\s+hac\s+vice|admitted\s+pro\s+hac\s+vice)\)", re.I)
_PERSON = re.compile(r"(?:(?:Mr|Ms|Mrs|Dr)\.[ \t]+)?" + NAME)


# "/s/ Dana Whitfield" over a bar number, firm, office or contact lines: the filing attorney's e-signature
_SLASH_S = re.compile(r"(?m)^[ \t]*/s/[ \t]*(?P<name>" + NAME + r")(?:,[ \t]*Esq\.?)?[ \t]*$")
_COUNSEL_LINES = re.compile(r"(?i)\b(?:Bar\s+(?:No|Number|ID)|Esq|LLP|LLC|PLLC|P\.\s?C|P\.\s?A|Law|Attorneys?|Counsel|"
                            r"Office|Group|Firm|Defender|Telephone|Tel\.|Phone|Email|E-mail)\b|@|\(\d{3}\)")
_NOT_COUNSEL = re.compile(r"(?i)\b(?:Judge|Justice|Magistrate|Clerk|Deputy\s+Clerk|Court\s+Reporter|Notary)\b")


def signature_cues(text: str) -> list[Cue]:
    """Attorneys who e-sign a filing: a "/s/ Name" line whose next lines (up to five) hold a bar
    number, a firm or office, or contact details, and no judge's or clerk's title."""
    out = []
    for m in _SLASH_S.finditer(text):
        after = text[m.end():m.end() + 400].split("\n")[1:6]
        block = "\n".join(after)
        if _NOT_COUNSEL.search(block) or not _COUNSEL_LINES.search(block):
            continue
        if len(m.group("name").split()) >= 2:
            out.append(Cue(m.start("name"), m.end("name"), "attorney", None, method="signature"))
    return out


_SEP = re.compile(r"(,?[ \t\n]+with[ \t\n]+whom[ \t\n]+|,?[ \t\n]+and[ \t\n]+|,[ \t\n]+|[ \t\n]+&[ \t\n]+)")
_ON_BRIEF = re.compile(r",?[ \t\n]+(?:(?:were|was)[ \t\n]+)?on[ \t\n]+(?:the[ \t\n]+)?briefs?\b.*$", re.S)
_ORG_WORD = re.compile(r"(?i)\b(?:LLP|LLC|PLLC|P\.C|P\.A|Office|Law|Department|Division|General|County|City|State|Society|"
                       r"Church|Foundation|Institute|Center|Centre|Association|Union|Firm|Counsel|Project|Fund|Coalition|"
                       r"Council|League|Alliance|Clinic|Committee|Network|Group|University|School|College|Services?|Advocates|"
                       r"Defenders?|Partners|Associates|Trust|Initiative|Legal|Rights|Liberty|Freedom|Justice|Action)\b")
# a form's empty value or a public office, not an attorney's name: "None Appearing", "Not Applicable", "Senator X"
_NO_NAME = re.compile(r"(?i)\b(?:None|Not|N/A|Appearing|Applicable|Unknown|Present|Absent|Senator|Governor|Mayor|"
                      r"Representative|President)\b")
# what a counsel list holds besides names: a firm, an office, a city and state, "argued", "on brief"
_COUNSEL_MARK = re.compile(r"LLP|LLC|PLLC|P\.\s?C\.|P\.\s?A\.|\bLaw\b|\bOffice|\bAttorney|\bGeneral\b|\bCounsel\b|"
                           r"\bDefender|\bEsq|\bargued\b|\bwith\s+whom\b|\bon\s+(?:the\s+)?briefs?\b|"
                           r",[ \t\n]+[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?,[ \t\n]+(?:[A-Z]{2}|[A-Z][a-z]+|[A-Z]\.[ \t]?[A-Z]\.)(?=[,;\s]|$)")
# "A and B on brief for Jane Roe, amicus curiae." / "C on brief for appellees."
_ON_BRIEF_FOR = re.compile(r"(?<![ \t\n])[ \t\n]+(?:(?:were|was)[ \t\n]+)?on[ \t\n]+(?:the[ \t\n]+)?briefs?,?[ \t\n]+for[ \t\n]+"
                           r"(?P<who>[^.;]{1,1200}?)(?:,[ \t\n]*(?P<side>" + _SIDE + r"))?(?=[ \t]*[.;])", re.I)


def _names_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Person names that open the ';'-separated entries of ``text[start:end]``: in each entry the
    leading ", "- or "and"-separated parts that are a whole name; the first other part (a firm, a
    city) ends the names of that entry."""
    out = []
    pos = start
    for entry in re.split(r"(;)", text[start:end]):
        if entry == ";":
            pos += 1
            continue
        e_start = pos
        pos += len(entry)
        cut = 0
        names = []
        # "X, with whom A, B, and C were on brief": the names after "with whom" are counsel too
        tail = _ON_BRIEF.search(entry)
        if tail:
            entry = entry[:tail.start()]
        for part in re.split(_SEP, entry):
            if _SEP.fullmatch(part or ""):
                cut += len(part)
                continue
            core = _ARGUED.sub("", part)
            lead = len(core) - len(core.lstrip())
            core = core.strip()
            if core and re.fullmatch(_PERSON.pattern, core) and len(core.split()) >= 2 and not _ORG_WORD.search(core) \
                    and not _NO_NAME.search(core):
                s = e_start + cut + lead
                names.append((s, s + len(core)))
            elif core:
                break
            cut += len(part)
        # a list of names with no firm or place after them is prose ("Roe and Doe, for plaintiffs" is still counsel)
        out += names
    return out


def _title(side: str) -> str:
    """ "Counsel for Plaintiffs" from the side as printed ("plaintiffs", "THE GOVERNMENT" → "the Government")."""
    side = " ".join(side.split())
    if side.isupper():
        side = side.title()
    side = re.sub(r"^The\b", "the", side)
    return "Counsel for " + (side if side.startswith("the ") else side[0].upper() + side[1:])


def counsel_cues(text: str) -> list[Cue]:
    """Attorneys of counsel paragraphs and counsel fields, with the side they appear for.

    Args:
        text: the document text.
    Returns:
        One :class:`Cue` per named attorney: role ``attorney``, ``title`` "Counsel for <side>" where
        the list states the side, method ``counsel-list`` (or ``signature`` for "/s/" lines).
    """
    out: list[Cue] = []
    for m in _FOR_SIDE.finditer(text):
        # the group runs back to the previous group's end, a sentence end, a blank line or a label
        lo = max(0, m.start() - 700)
        starts = [g.end() for g in _GROUP_START.finditer(text, lo, m.start())]
        g_start = starts[-1] if starts else lo
        segment = text[g_start:m.start()]
        if not _COUNSEL_MARK.search(segment):
            continue  # "Judgment for defendants.", "X testified for Plaintiffs.": prose, no counsel list
        title = _title(m.group("side"))
        for s, e in _names_in(text, g_start, m.start()):
            out.append(Cue(s, e, "attorney", title, method="counsel-list"))
    for m in _ON_BRIEF_FOR.finditer(text):
        if any(c.start_char <= m.start() < c.end_char for c in out):
            continue
        lo = max(0, m.start() - 700)
        starts = [g.end() for g in _GROUP_START.finditer(text, lo, m.start())]
        g_start = starts[-1] if starts else lo
        who = " ".join(m.group("who").split())
        title = _title(m.group("side")) if m.group("side") else ("Counsel for " + who if len(who) <= 60 else None)
        for s, e in _names_in(text, g_start, m.start()):
            if not any(c.start_char == s for c in out):
                out.append(Cue(s, e, "attorney", title, method="counsel-list"))
    out += signature_cues(text)
    for m in _FIELD.finditer(text):
        for s, e in _names_in(text, m.start("names"), m.end("names")):
            out.append(Cue(s, e, "attorney", _title(m.group("side")), method="counsel-list"))
    return out
