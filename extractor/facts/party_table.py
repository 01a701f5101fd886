"""The party table of a docket report: who the court lists as parties, with their roles and counsel.

PACER's district and bankruptcy docket reports (and CM/ECF state dockets built on them) print each
party as a block: the party type on a line of its own ("Plaintiff", "Defendant (1)", "Debtor",
"U.S. Trustee"), the name on the next line, then its address, "TERMINATED: <date>" and
"represented by" with one block per attorney (name, firm, address, phone, e-mail, designations such
as "LEAD ATTORNEY" or "ATTORNEY TO BE NOTICED"). Courts of appeals print the name first and the type
under it ("ACME CORP." over "Plaintiff - Appellant"), each attorney over a bracketed notice line
("[COR NTC Retained]"). This module reads those blocks from the document text, line by line; it
does not guess from prose. The party types are PACER's closed vocabulary
(``models/docket_parties.json``), mapped to the roles of FACTS.md 1.1.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from ..data import load_json


@dataclass(frozen=True)
class TableParty:
    """One party block of a docket's party table.

    Attributes:
        start_char, end_char: the name as printed (0-based, end exclusive), descriptions cut off.
        name: the name, whitespace-normalized (still in the case the docket prints).
        role: FACTS.md role ("plaintiff", "debtor", "trustee", "attorney", ...).
        label: the party type as printed ("Defendant (1)", "Plaintiff - Appellee,"); "represented by" for an
            attorney, "firm" for the firm or office printed under an attorney's name.
        title: a title printed after the name ("Assistant U.S. Trustee"), or None.
        line_end: end of the whole printed name line (the name with its description).
        entity_type: "GOV_AGENCY" for government offices listed by type (U.S. Trustee), else None.
        represents: for an attorney, the ``name`` of the party represented; else None.
    """

    start_char: int
    end_char: int
    name: str
    role: str
    label: str
    title: str | None = None
    line_end: int = 0
    entity_type: str | None = None
    represents: str | None = None


@functools.lru_cache(maxsize=1)
def vocab() -> dict:
    """``models/docket_parties.json``: party types (lower case, normalized) → role, designations."""
    d = load_json("docket_parties.json")
    d["_types"] = {_type_key(k): v for k, v in d["party_types"].items()}
    d["_designation"] = re.compile(r"(?i)^(?:" + "|".join(d["designations"]) + r")")
    d["_end"] = re.compile(r"(?i)^(?:" + "|".join(re.escape(h) for h in d["table_end"]) + r")\b")
    d["_section"] = re.compile(r"(?i)^(?:" + "|".join(re.escape(h) for h in d["section_headings"]) + r")\b")
    return d


def _type_key(line: str) -> str:
    """A party-type line as a lookup key: "Defendant (1)" → "defendant", "Plaintiff - Appellee," →
    "plaintiff-appellee", "Cred. Comm. Chair" → "cred comm chair"."""
    s = re.sub(r"\(\d+\)", " ", line.lower())
    s = re.sub(r"\s*[-–—]\s*", "-", s)
    s = re.sub(r"[.,:;]", " ", s)
    return " ".join(s.split())


def role_of_type(line: str) -> str | None:
    """The FACTS.md role of a PACER party-type line, or None when the line is no party type.

    Types not in the vocabulary but built of known words are read by their words: anything with
    "appellant"/"appellee" is that role; "X Defendant"/"X Plaintiff" is defendant/plaintiff.
    """
    if len(line) > 80:
        return None  # checked first: no type line is this long, and the regexes need not read it
    key = _type_key(line)
    if not key:
        return None
    types = vocab()["_types"]
    if key in types:
        return types[key]
    if re.fullmatch(r"(?:(?:plaintiff|defendant|petitioner|respondent|intervenor|cross|counter|third|party|3rd|pty|"
                    r"consolidated|lead|nominal|real|in|interest|claimant|movant)[- ]?)*(?:appellant|appellee)s?", key):
        return "appellant" if "appellant" in key else "appellee"
    return None


_PHONE = re.compile(r"\(?\d{3}\)?[ .-]?\d{3}[ .-]\d{4}")
_CONTACT = re.compile(r"(?i)^(?:Direct|Firm|Fax|Email|E-mail|Phone|Tel|Telephone|Cell)\s*:|^\(See above for address\)|@")
_NOT_NAME = re.compile(r"(?i)^(?:represented\s+by|v\.?$|vs\.?$|----+|SSN\b|Tax\s+ID\b|EIN\b|aka\b|dba\b|fka\b|TERMINATED\b|"
                       r"Pro[\s-]+Se\b|Self[\s-]+Represented\b|In\s+Pro\s+Per\b|In\s+Propria\b|None$|Designation\b|"
                       r"Show\s+Associated\b|Filing\s+Date\b|Date\s+Filed\b)")
# a title line under an attorney's name: "Assistant US Attorney", "Deputy Attorney General", "Public Defender"
_TITLE_LINE = re.compile(r"(?i)^(?:(?:Assistant|Deputy|Special|Senior|Chief|Trial|Senior\s+Trial|Acting|First\s+Assistant)\s+)*"
                         r"(?:(?:U\.?\s?S\.?|United\s+States|State|District|County|City)\s+)?(?:Attorneys?(?:\s+General)?|Counsel|"
                         r"Public\s+Defender|Federal\s+Defender|Solicitor(?:\s+General)?|Prosecutor|Esq\.?|Esquire)$")
_CORP_SUFFIX = re.compile(r"(?i)\b(?:LLC|L\.L\.C|L\.?P|LLP|Inc|Corp|Corporation|Co|Company|Ltd|Partners|Partnership|Trust|Holdings|Associates)\b\.?")
_STREET = re.compile(r"(?i)^\d+[A-Z]?\s+(?:[NSEW]\.?\s+)?(?:[\w.'-]+\s+){0,3}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|"
                     r"Blvd\.?|Drive|Dr\.?|Lane|Ln\.?|Way|Court|Ct\.?|Place|Pl\.?|Parkway|Pkwy|Highway|Hwy|Suite|Floor)\b")
_NOTICE = re.compile(r"^\[(?:[A-Z]{2,4}\b[^\]]*|Pro Se[^\]]*|NTC[^\]]*)\]$")
# a description after the name: "JOHN ROE, in his official capacity", "ACME, INC., as agent", "JANE DOE (deceased)"
_DESC_WORDS = (r"(?:as|in|individually|personally|on\s+behalf|by\s+and|through|and\s+as|a\s+minor|an?\s|formerly|now\s+known|"
               r"also\s+known|doing\s+business|d/b/a|dba|f/k/a|fka|a/k/a|aka|et\s+al)")
_DESCRIPTION = re.compile(r"(?i:,[ \t]*" + _DESC_WORDS + r")\b.*$|[ \t]+" + _DESC_WORDS + r"\b.*$|[ \t]*\(.*$|,[ \t]+(?=[a-z]).*$")
_TITLE_AFTER = re.compile(r",[ \t]+(?P<title>(?:(?:Acting|Assistant|Deputy|Chief|Senior|Interim|Successor|Chapter[ \t]+\d+|U\.\s?S\.|United[ \t]+States)[ \t]+)*"
                          r"(?:Trustee|Attorney(?:[ \t]+General)?|Secretary|Director|Commissioner|Administrator|Warden|Sheriff|"
                          r"Esquire|Esq\.|Judge|Governor|Examiner|Receiver)\b[^\n]*)$")
_SUFFIX = r"(?:Inc|LLC|L\.L\.C|Corp|Co|Ltd|LLP|L\.P|LP|P\.C|PC|PLLC|P\.A|N\.A|Jr|Sr|II|III|IV|JR|SR|INC|CORP|CO|LTD)\.?"


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as ``(start, end)`` offsets with surrounding blanks trimmed; rules ("-----") are left out."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        s, e = pos, pos + len(raw)
        pos = e + 1
        while s < e and text[s] in " \t\u00a0\r":
            s += 1
        while e > s and text[e - 1] in " \t\u00a0\r":
            e -= 1
        if s < e and not re.fullmatch(r"[-_=*\s]+", text[s:e]):
            out.append((s, e))
    return out


def is_docket_report(text: str) -> bool:
    """True for a docket report with a party table: a PACER header and "represented by" lines,
    bracketed notice lines ("[COR NTC Retained]") or a party type on a line of its own."""
    head = text[:6000]
    if not re.search(r"(?i)\b(?:CIVIL|CRIMINAL)\s+DOCKET\s+FOR\s+CASE\b|\bDocket\s*#|\bBankruptcy\s+Petition\s*#|"
                     r"\bAdversary\s+Proceeding\s*#|\bGeneral\s+Docket\b|\bDOCKET\s+FOR\s+CASE\b|\bCase\s+#\s*:", head):
        return False
    return bool(re.search(r"(?m)^[ \t]*represented[ \t]+by\b|^[ \t]*\[(?:COR|NTC)\b|"
                          r"^[ \t]*(?:Plaintiff|Defendant|Debtor|Petitioner|Respondent|Appellant|Appellee)s?[ \t]*(?:\(\d+\))?[ \t]*$", text))


def _name_span(text: str, s: int, e: int) -> tuple[int, int, str | None]:
    """The name inside a printed party line, with the title after it: "JOHN ROE, Assistant U.S.
    Trustee" → (start, end of "JOHN ROE", "Assistant U.S. Trustee"); descriptions are cut off."""
    line = text[s:e]
    line = re.sub(r"(?i)^(?:in\s+re|in\s+the\s+matter\s+of)\s*:?\s+", lambda m: " " * len(m.group(0)), line)
    lead = len(line) - len(line.lstrip())
    title = None
    t = _TITLE_AFTER.search(line)
    if t and t.start() > lead:
        title = " ".join(t.group("title").split()).rstrip(",.")
        line = line[:t.start()]
    # keep ", Inc." and ", Jr." inside the name; cut other descriptions
    protected = re.sub(r",[ \t]+(" + _SUFFIX + r")(?=[,\s]|$)", lambda m: "\x00" * len(m.group(0)), line)
    d = _DESCRIPTION.search(protected, lead + 1)
    end = d.start() if d else len(line)
    name = line[:end].rstrip(" ,;:")
    return s + lead, s + len(name), title


def _looks_like_name(t: str) -> bool:
    """A line that can be a party's or attorney's name: letters, no phone, e-mail, street number or
    contact label, and not a designation."""
    if not re.search(r"[A-Za-z]{2}", t) or len(t) > 200:
        return False
    if _CONTACT.search(t) or _PHONE.search(t) or _NOT_NAME.match(t) or _NOTICE.match(t):
        return False
    if vocab()["_designation"].match(t) or vocab()["_section"].match(t):
        return False
    if re.match(r"\d", t) or re.search(r"\b\d{5}(?:-\d{4})?$|\b(?:P\.?\s?O\.?\s+Box|Suite|Ste\.|Floor|Street|Avenue|Ave\.?|Blvd|Road|Rd\.)\b", t):
        return False
    return True


def _party_name_ok(t: str) -> bool:
    """The line in a party block's name slot is a name unless it is a contact, notice or
    designation line: a name may start with a digit ("1280 Main Street Partners LLC")."""
    return bool(re.search(r"[A-Za-z]{2}", t)) and len(t) <= 160 and len(t.split()) <= 24 and not (
        _CONTACT.search(t) or _NOT_NAME.match(t) or _NOTICE.match(t) or vocab()["_designation"].match(t)
        or _PHONE.search(t) or _STREET.match(t) and not _CORP_SUFFIX.search(t) or re.match(r"(?i)(?:the|this)\s+court\b", t))


def _is_block_end(t: str) -> bool:
    """The last kind of line of an attorney block (contact, designation, notice): after it a new
    attorney may start."""
    return bool(_CONTACT.search(t) or _PHONE.search(t) or _NOTICE.match(t) or vocab()["_designation"].match(t)
                or re.search(r"\b\d{5}(?:-\d{4})?$", t))


def _person_like(t: str) -> bool:
    """An attorney's name line: two to six words, most capitalized, no firm word."""
    words = t.replace(",", " ").split()
    if not 2 <= len(words) <= 7 or re.search(r"(?i)\b(?:LLP|LLC|P\.?C\.?|P\.?A\.?|Law|Firm|Office|Offices|Group|"
                                              r"Associates|Department|Division|Attorney|General|Bureau|Services?|Inc|"
                                              r"Corp|Company|Bank|County|State|United|Federal|Public|Legal|Center)\b", t):
        return False
    return all(w[0].isupper() or w.lower() in ("de", "la", "van", "von", "del", "der", "da", "di", "jr", "sr") for w in words)


def _attorneys(text: str, lines: list[tuple[int, int]], i: int, stop: int, client: str,
               first_starts: bool) -> list[TableParty]:
    """Attorney names in ``lines[i:stop]``, the counsel part of one party block.

    Args:
        first_starts: True when an attorney's name may open the part (courts of appeals print it
            right under the party type); otherwise the first attorney follows "represented by".
    """
    out: list[TableParty] = []
    last = -2
    start_ok = counsel = first_starts
    for j in range(i, stop):
        s, e = lines[j]
        t = text[s:e]
        if vocab()["_section"].match(t):
            break
        rb = re.match(r"(?i)represented[ \t]+by[ \t]*", t)
        if rb:
            s, t, start_ok, counsel = s + rb.end(), t[rb.end():], True, True
            if not t:
                continue
        if out and out[-1].label == "represented by" and j == last + 1 and not start_ok and _looks_like_name(t) \
                and not _person_like(t) and not _TITLE_LINE.match(t):
            # the line under an attorney's name is the firm or office ("Okafor Stein LLP", "U.S. Attorney's Office"):
            # role "other" (an agency when it is a government office: parties.extract)
            out.append(TableParty(s, e, _clean(t), "other", "firm", None, e, represents=client))
            continue
        if start_ok and first_starts and not any(_NOTICE.match(text[a:b]) or re.match(r"(?i)(?:Direct|Firm|Email|Fax)\s*:", text[a:b])
                                                 for a, b in lines[j + 1:min(stop, j + 4)]):
            start_ok = False  # a court of appeals prints each attorney over a notice line ("[COR NTC Retained]")
        if start_ok and _looks_like_name(t) and (out == [] or _person_like(t)) and re.search(r"[a-z]|[A-Z]{2}", t) \
                and not _TITLE_LINE.match(t):
            ns, ne, title = _name_span(text, s, s + len(t))
            name = _clean(text[ns:ne])
            # a party that appears for itself ("represented by" its own name, "PRO SE") has no attorney
            if re.search(r"[A-Za-z]", name) and not re.fullmatch(r"(?i)pro\s+se|none", name) and name.lower() != client.lower():
                out.append(TableParty(ns, ne, name, "attorney", "represented by", title, s + len(t), represents=client))
                last = j
            start_ok = False
            continue
        des = re.match(r"(?i)Designation:[ \t]*(?P<t>.+)", t)
        person = max((k for k, a in enumerate(out) if a.label == "represented by"), default=None)
        if des and person is not None and out[person].title is None \
                and not re.search(r"(?i)retained|cja|appoint|pro\s+bono", des.group("t")):
            # "Designation: Assistant U.S. Attorney" is the title of the attorney above it
            out[person] = replace(out[person], title=des.group("t").strip())
        if counsel and _is_block_end(t):
            start_ok = True
    return out


@functools.lru_cache(maxsize=4)
def read_party_table(text: str) -> list[TableParty]:
    """Every party block of a docket report's party table, with its attorneys.

    Args:
        text: the document text (a docket report as ingested: one printed line per line).
    Returns:
        Parties in text order, attorneys after the party they represent; ``[]`` when the text is
        no docket report (:func:`is_docket_report`). Cached for the last few texts (the caption and
        the party extractor both read it); treat the list as read-only.
    """
    if not is_docket_report(text):
        return []
    lines = _lines(text)
    typed = [role_of_type(text[s:e]) for s, e in lines]
    if not any(typed):
        return []
    appellate = bool(re.search(r"(?m)^[ \t]*\[(?:COR|NTC)\b", text)) and not re.search(r"(?m)^[ \t]*represented[ \t]+by\b", text)
    stop = _entries(text, lines, typed)
    # (type line, name line) pairs: appellate pages print the name over the type, others under it
    blocks: list[tuple[int, int]] = []
    j = 0
    while j < stop:
        if not typed[j]:
            j += 1
            continue
        name_j = j - 1 if appellate else j + 1
        while appellate and name_j > 0 and re.match(r"(?i)terminated\b", text[lines[name_j][0]:lines[name_j][1]]):
            name_j -= 1  # "ACME CORP." / "Terminated: 04/21/2017" / "Intervenor"
        if appellate and (name_j < 0 or typed[name_j] or blocks and name_j <= blocks[-1][0]):
            j += 1
            continue
        if name_j >= stop:
            break
        if not appellate and typed[name_j] and not re.search(r"(?i)trustee|committee|administrator|agent",
                                                             text[lines[name_j][0]:lines[name_j][1]]):
            j = name_j  # "In re" over "Debtor": the first type line has no name of its own
            continue
        blocks.append((j, name_j))
        # a name that is itself a type word ("U.S. Trustee" under "U.S. Trustee") is still the name
        j = j + 1 if appellate else name_j + 1
        if not appellate:
            # more parties of the same type without a type line of their own: a name right over "represented by"
            # after the previous party's counsel ended ("PRO SE", "LEAD ATTORNEY", an e-mail line)
            nxt_type = next((k for k in range(j, stop) if typed[k]), stop)
            for k in range(name_j + 2, nxt_type - 1):
                below = text[lines[k + 1][0]:lines[k + 1][1]]
                if re.match(r"(?i)represented[ \t]+by\b", below) and _is_block_end(text[lines[k - 1][0]:lines[k - 1][1]]) \
                        and _party_name_ok(text[lines[k][0]:lines[k][1]]):
                    blocks.append((blocks[-1][0], k))
            j = max(j, nxt_type)
    out: list[TableParty] = []
    for n, (j, name_j) in enumerate(blocks):
        nxt = blocks[n + 1] if n + 1 < len(blocks) else None
        counsel_end = (nxt[1] if nxt[0] == j else min(nxt)) if nxt else stop
        role = typed[j]
        s, e = lines[name_j]
        t = text[s:e]
        if not _party_name_ok(t) and not typed[name_j]:
            continue
        ns, ne, title = _name_span(text, s, e)
        name = _clean(text[ns:ne])
        if not name or not re.search(r"[A-Za-z]", name):
            continue
        label = text[lines[j][0]:lines[j][1]]
        etype = "GOV_AGENCY" if re.search(r"(?i)\bU\.?\s?S\.?\s+Trustee|United\s+States\s+Trustee|Bankruptcy\s+Admin", label) else None
        out.append(TableParty(ns, ne, name, role, label, title, e, etype))
        first = j + 1 if appellate else name_j + 1
        if first < counsel_end:
            out += _attorneys(text, lines, first, counsel_end, name, appellate)
    return out


def _clean(name: str) -> str:
    """Whitespace-normalized name, no blank before a comma ("Sullivan , Jr." → "Sullivan, Jr.")."""
    return re.sub(r"\s+,", ",", " ".join(name.split()))


def _entries(text: str, lines: list[tuple[int, int]], typed: list) -> int:
    """Index of the first line of the docket entries (the table's end): the "Date Filed  #  Docket
    Text" heading, or the first line that starts with a date after the first party type."""
    first = next(j for j, r in enumerate(typed) if r)
    for j in range(first, len(lines)):
        s, e = lines[j]
        t = text[s:e]
        if (re.match(r"(?i)(?:Date\s+Filed|Filing\s+Date|Docket\s+Text|#\s+Docket\s+Text)\b", t) or vocab()["_end"].match(t)) and j > first:
            return j
        if re.match(r"\d{1,2}/\d{1,2}/\d{4}\s*(?:\d+\s+)?[A-Za-z]", t) or re.fullmatch(r"\d{2}/\d{2}/\d{4}", t) and j > first + 2 \
                and j + 1 < len(lines) and re.match(r"(?:\d+\s+pg|[A-Z])", text[lines[j + 1][0]:lines[j + 1][1]]):
            return j
    return len(lines)
