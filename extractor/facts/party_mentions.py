"""Where parties are named: every candidate mention of a party in a document.

Sources: the caption (:mod:`caption`), court names (:mod:`caption_court`), the
agency list and local-agency patterns (:mod:`party_agencies`), role cues
(:mod:`party_roles`), case-list rows, company names by their suffix, "Name, 61,"
persons, and spaCy's PERSON/ORG entities. Names inside cited case names
("Roe v. Wade, 410 U.S. 113") are dropped here; :mod:`parties` merges the rest.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import caption as caption_mod
from .caption_court import court_data, find_courts
from .context import DocContext
from .party_agencies import AGENCY_WORDS, CORP_WORDS, canonical_agency, find_listed, find_local
from .party_roles import NAME, all_cues
from .party_table import read_party_table

# role strength: a docket's party table beats a caption or label role, which beats a title role beats a verb role beats the type default
ROLE_RANK = {"table": 6, "caption": 5, "label": 4, "title": 3, "verb": 2, "default": 1}
SUFFIXES = re.compile(r"(?i)[,\s]+(?:inc|llc|l\.l\.c|corp|corporation|company|co|ltd|llp|lp|l\.p|p\.c|pc|pllc|n\.a)\.?$")
HONORIFIC = re.compile(r"^(?:(?:Dr|Mr|Mrs|Ms|Hon|Judge|Justice)\.?\s+)+")
_NAMEISH = r"(?:[\s,]*(?<![\w.&'’-])(?:[A-Z][\w.&'’-]*|of|and|the|for|&|ex\s+rel\.|et\s+al\.|d/b/a)(?![\w.&'’-]))*"
_REPORTER = (r"(?:U\.\s?S\.|S\.\s?Ct\.|L\.\s?Ed\.|F\.\s?(?:Supp\.|App['’]x)?\s?(?:\dd|\dth)?|"
             r"[A-Z][a-z]*\.(?:\s?[A-Z][a-z]*\.){0,3}(?:\s?(?:2d|3d|4th|App\.))?|WL|B\.R\.|T\.C\.)")
CITE_AFTER = re.compile(r"\.?" + _NAMEISH + r"(?:\s+v\.\s" + _NAMEISH + r")?,?\s*(?:\d{1,4}\s+" + _REPORTER + r"\s*\d"
                        r"|No\.\s*[\w:-]+[,\s]*(?:\((?:[A-Z\d][\w.]*\s*){1,5}\d{4}\)|\d{4}\s+WL)"
                        # a Supreme Court brief's case by its October Term: "Briggs v. Elliott, O. T. 1953, No. 2"
                        r"|O\.\s?T\.\s?\d{4}"
                        # a case cited again by "supra": "Grutter v. Bollinger, supra"
                        r"|supra\b)")
V_BEFORE = re.compile(r"\sv\.\s+" + _NAMEISH + r"\s*$")
V_AFTER = re.compile(_NAMEISH + r"\s+v\.\s")


@functools.lru_cache(maxsize=65536)
def _norm(s: str) -> str:
    s = (s or "").lower().replace("&", " and ")
    s = re.sub(r"[’'`]s\b", "", s)
    s = re.sub(r"\bu\.\s?s\.", "us", s)
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    s = re.sub(r"^(the )+", "", " ".join(s.split()))
    return s


@functools.lru_cache(maxsize=65536)
def _core(name: str) -> str:
    """Normalized name without honorifics and corporate suffixes ("Toshiba Corporation" → "toshiba")."""
    n = HONORIFIC.sub("", name.strip())
    # "United States", "United States of America", "USA" name one party (as the gold annotations do)
    n = re.sub(r"(?i)\bunited\s+states(?:\s+of\s+america)?\b", "U.S.", n)
    n = re.sub(r"^(?:USA|U\.S\.A\.?)$", "U.S.", n)
    n = re.sub(r"^(?:Defendants?|Plaintiffs?|Appellants?|Appellees?|Petitioners?|Respondents?)\s+", "", n)
    prev = None
    while prev != n:
        prev, n = n, SUFFIXES.sub("", n).strip(" ,")
    return _norm(n)


@dataclass
class Mention:
    """One place a party is named."""

    start: int
    end: int
    text: str
    etype: str | None = None
    role: str | None = None
    rank: int = 0
    title: str | None = None
    method: str = "ner"
    canonical: str | None = None  # a known full name (agency list, court normalization)
    alias: bool = False  # an acronym or a defined short name
    cover: int | None = None  # end of the whole caption text the name was read from



def _pretty(name: str) -> str:
    return caption_mod._title_case(" ".join(name.split()))


def _cited(ctx: DocContext, start: int, end: int) -> bool:
    """True for a name inside a cited case name ("Roe v. Wade, 410 U.S. 113", "Harlan v. Ostrowski,
    No. 22-1187 (9th Cir. 2023)") or inside a citation span."""
    if ctx.is_reserved(start, end, ("citation",)):
        return True
    text = ctx.text
    before = text[max(0, start - 120):start]
    after = text[end:end + 200]
    if not (V_BEFORE.search(before) or V_AFTER.match(after)):
        return False
    if CITE_AFTER.match(after):
        return True
    # eyecite found the reporter cite that follows the case name
    nxt = [s for s, e, lab in ctx.reserved if lab == "citation" and end <= s < end + 200]
    return bool(nxt) and bool(re.fullmatch(_NAMEISH + r"(?:\s+v\.\s" + _NAMEISH + r")?[,\s]*", text[end:min(nxt)]))


def _case_rows(ctx: DocContext) -> list[Mention]:
    """Rows of case lists: "1200483 A v. B (Appeal from ...)", "Jessica Parker v. C. R. Bard, Inc. 2:15-cv-01739"."""
    text = ctx.text
    out: list[Mention] = []
    row = re.compile(r"(?m)^[ \t]*(?:\d{5,}[ \t]+)?(?P<left>[A-Z][^\n]{1,120}?)[ \t]+v\.[ \t]+(?P<right>[A-Z][^\n]*(?:\n(?![ \t]*(?:\d{5,}|[A-Z][a-z]+,\s+J\.|[A-Z][\w ]+:|Petition|Affirmed|Reversed|Links)|[^\n]*\sv\.\s)[^\n]*){0,3})")
    for m in row.finditer(text):
        if _cited(ctx, m.start("left"), m.end("left")):
            continue
        left_s = m.start("left")
        numbered = bool(re.match(r"[ \t]*\d{5,}", text[m.start():m.start("left")]))
        run = None if numbered else re.search(r"(?:(?:[A-Z][\w.&'’-]*,?|of|and|the|ex\s+rel\.|&)[ \t]+)*(?:[A-Z][\w.&'’-]*|et\s+al\.),?$", text[left_s:m.end("left")])
        if run:
            left_s += run.start()
        right_s, right_e = m.start("right"), m.end("right")
        tail = re.search(r"\s*\((?:Appeal|In re|[A-Z][a-z]+ (?:Circuit|Probate|District) Court)|\s+\d{1,2}:\d{2}-|\s+\d:\d{2}|\.\s*PETITION|\)\s*\(|,?\s+(?:Civil\s+Action\s+)?No\.\s*\d", text[right_s:right_e])
        if not tail or re.search(r"[“”\"]", text[right_s:right_s + tail.start()]):
            continue  # a quotation after a case name is prose, not a row of a case list
        right_e = right_s + tail.start()
        appeal = "Appeal from" in text[m.start():m.end() + 40]
        lrole, rrole = ("appellant", "appellee") if appeal else ("plaintiff", "defendant")
        for s, e, role in ((left_s, m.end("left"), lrole), (right_s, right_e, rrole)):
            for p in caption_mod.split_party_list(text, s, e, role):
                out.append(Mention(p.start_char, p.end_char, p.name, role=p.role, rank=ROLE_RANK["caption"],
                                   title=p.title, method="case-list"))
    for m in re.finditer(r"(?<![\w])Ex\s+parte\s+(?P<name>" + NAME + ")", text):
        out.append(Mention(m.start("name"), m.end("name"), m.group("name"), role="petitioner",
                           rank=ROLE_RANK["caption"], method="case-list"))
    return out


def _defined_terms(text: str) -> list[tuple[int, int, int, int]]:
    """``(full_start, full_end, short_start, short_end, collective)`` for 'Full Name (“Short”)' definitions."""
    out = []
    for m in re.finditer(r"\((?P<coll>collectively,?\s+)?(?:the\s+)?[“\"](?P<short>[A-Z][\w.&' -]{0,40})[”\"](?:\s+or\s+[“\"][^”\"]+[”\"])?\)|\((?P<acr>[A-Z][A-Z&-]{1,9})\)", text):
        short_s = m.start("short") if m.group("short") else m.start("acr")
        short_e = m.end("short") if m.group("short") else m.end("acr")
        # full name: the capitalized words right before the parenthesis
        before = text[max(0, m.start() - 150):m.start()]
        fm = re.search(r"((?:(?:[A-Z][\w.,&'’-]*|of|and|the|for|de|dba|d/b/a)[ \t\n]+)*(?:[A-Z][\w.,&'’-]*))[ \t]*$", before)
        if not fm:
            continue
        fs = m.start() - len(before) + fm.start(1)
        fe = m.start() - len(before) + fm.end(1)
        out.append((fs, fe, short_s, short_e, bool(m.group("coll"))))
    return out


def _abbreviates(short: str, full: str) -> bool:
    """True when ``short`` is an acronym of ``full`` ("HHS-OIG" of "Department of Health and Human
    Services, Office of Inspector General") or made of its words ("Berkshire", "State Board")."""
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", full) if w.lower() not in ("of", "and", "the", "for", "a", "an")]
    lower = {w.lower().rstrip("’'s") for w in words}
    sw = re.findall(r"[A-Za-z][\w’'-]*", short)
    if sw and all(w.lower().rstrip("’'s") in lower for w in sw):
        return True
    letters = re.sub(r"[^A-Z]", "", short)
    initials = "".join(w[0].upper() for w in words)
    it = iter(initials)
    return len(letters) >= 2 and short.replace("-", "").replace("&", "").isupper() and all(c in it for c in letters)


_CITED_WORK = re.compile(r"\s+\d{1,4}(?:\s*[,–-]\s*\d{1,4})*\s*\((?:[^()\n]{0,40}\s)?\d{4}\)|,?\s+supra\b")


def _ner_mentions(ctx: DocContext) -> list[Mention]:
    out = []
    for ent in ctx.doc.ents:
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        s, e = ent.start_char, ent.end_char
        t = ctx.text[s:e]
        # strip possessive and leading "the"
        t2 = re.sub(r"[’']s?$", "", t)
        e -= len(t) - len(t2)
        lead = re.match(r"(?i)(?:the\s+)", t2)
        if lead:
            s += lead.end()
        t = ctx.text[s:e]
        # a form's field label read into the name: "Title ACME LTD v. ...", "Re: Jane Roe"
        form = re.match(r"(?:Title|Re|RE|Subject|Style|Caption)[ \t]*:?[ \t]+(?=[A-Z])", t)
        if form:
            s += form.end()
            t = ctx.text[s:e]
        lab = re.match(r"(?:(?:Plaintiffs?|Defendants?|Appellants?|Appellees?|Petitioners?|Respondents?|Moving|Relators?|Dr\.|Mr\.|Ms\.|Mrs\.|Judge|Justice|[A-Z]{2,})\s+)+(?=[A-Z][a-z])", t)
        if lab:
            s += lab.end()
            t = ctx.text[s:e]
        if not t or "\n\n" in t or len(t) < 2 or not t[0].isupper():
            continue
        # "the Dover Loan to Pell Bank": a verb's preposition joins two names, no name holds it
        if re.search(r"\s(?:to|from|with|by|into|under|against|through)\s", t):
            continue
        # "U.S. Post Office Boxes": the name of a thing the organization runs
        if re.match(r"\s+(?:Box(?:es)?|Accounts?)\b", ctx.text[e:e + 12]):
            continue
        # a cited work: "in J. Roe, Reading Maps 54, 58-59 (2003)", "Roe, supra, at 80"
        if _CITED_WORK.match(ctx.text, e):
            continue
        if re.match(r"(?:Reports?|Exhibits?|Orders?|Motions?|Declarations?|Briefs?|Opinions?)\b", t):
            continue
        if re.sub(r"[^A-Za-z]", "", t).isupper():
            continue
        # "Floyd, Philip Relator": a role word printed after the name is no part of it
        tail = re.search(r"(?:\s+(?:Relators?|Plaintiffs?|Defendants?|Appellants?|Appellees?|Petitioners?|Respondents?))+$", t)
        if tail and tail.start() > 0:
            e -= len(t) - tail.start()
            t = ctx.text[s:e]
        # "Your Honor", "United States Magistrate [Judge]": a form of address or a title, not a name
        if re.fullmatch(r"(?i)(?:your|his|her)\s+honou?r", t) or ent.label_ == "ORG" and re.match(r"\s*Judge\b", ctx.text[e:e + 8]):
            continue
        if re.search(r"(?i)\b(?:litigation|code|act|rule|amendment|statute|forms?|complaint|answer|order|motion|agreement|"
                     r"policy|plan|program|court|date|waiver|exhibit|schedule|application|statements?|conspiracy|counts?|"
                     r"offenses?|charges?|violations?|claims?|relief|damages|clause|amount|fees?|penalty|fine|box(?:es)?|accounts?)\b|\sv\.(?:\s|$)|and/or|[’']s\s+\w|"
                     r"\b(?:Tr|Hr[’']g|Br|Op|Opp|Mem|Decl|Mot|Reply|Reports?|Patents?|Packages?|Products?|Exs?|Dep|Depo|"
                     r"MSJ|Not|Aff|Supp|Resp)\.?$", t):
            continue
        out.append(Mention(s, e, " ".join(t.split()), etype=ent.label_, method="ner"))
    return out


_CORP = re.compile(
    r"(?<![\w&-])(?:(?:[A-Z]\.|[A-Z][\w&'’-]*)[ \t]+(?:(?:of|and|&|at|de|the|d/b/a)[ \t]+)?){0,6}[A-Z][\w&'’-]*,?[ \t]+"
    r"(?:Inc\.?|LLC|L\.L\.C\.|Corp\.|Corporation|Company|Co\.|Ltd\.|N\.A\.|P\.C\.|LLP|L\.P\.|PLLC)(?![\w])")
_AGE = re.compile(r"(?P<name>" + NAME + r"),[ \t]+\d{1,3},[ \t]+(?:of|and|a|an|the|who|owned|is|was|were|had|has|previously|pleaded|pled)\b")
_CAPS_NAME = re.compile(r"(?<![\w.])(?P<name>[A-Z][A-Z'’-]{1,}(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][A-Z'’-]{1,}){1,2})(?![\w.])")


_LINE_NO = re.compile(r"\n[ \t]*(?:\d{1,2}[ \t]+)?")
_LINE_END_WORDS = re.compile(r"(?:(?<=[ \t])|^)(?:[A-Z][\w&'’-]*[ \t]+){0,3}[A-Z][\w&'’-]*[ \t]*$")


def _join_broken_company(text: str, start: int) -> int:
    """Start of a company name that a line break cut: when the name found by its suffix begins a line
    (after an optional pleading line number), the capitalized words ending the line before are its
    first words ("Plaintiff Acme\\nWidget Supply, Inc." → from "Plaintiff Acme"; the caller strips the label).

    Args:
        text: the document text.
        start: where the suffix pattern's name begins (character offset).
    Returns:
        The (possibly earlier) start offset.
    """
    line_s = text.rfind("\n", 0, start)
    if line_s < 0 or not re.fullmatch(r"[ \t]*(?:\d{1,2}[ \t]+)?", text[line_s + 1:start]):
        return start
    prev_s = text.rfind("\n", 0, line_s) + 1
    prev = text[prev_s:line_s]
    m = _LINE_END_WORDS.search(prev)
    if not m or not re.search(r"[a-z]", prev):
        return start  # an all-caps heading or caption line is no part of a prose name
    return prev_s + m.start()


def _pattern_names(ctx: DocContext) -> list[Mention]:
    """Company names by their suffix ("CEMEX California Cement LLC"), "Name, 61," persons, and
    the all-caps defendant names some U.S. Attorney's Offices print in prose."""
    text = ctx.text
    out = []
    for m in _CORP.finditer(text):
        s, e = _join_broken_company(text, m.start()), m.end()
        lead = re.match(r"(?:(?:The|A|An|In|On|By|And|With|From|Its|His|Her|Their|Plaintiffs?|Defendants?|Relief|"
                        r"Appellants?|Appellees?|Both|Each|Against|Under|Including|Between)[ \t]+)+", text[s:e])
        if lead:
            s += lead.end()
        person_of = re.match(NAME + r"[ \t]+of[ \t]+", text[s:e])
        # ... but "Lakeside Hospital of Dover, LLC" is one company: an institution's word is no person's name
        if person_of and len(person_of.group(0).split()) >= 3 and not CORP_WORDS.search(person_of.group(0)) \
                and not AGENCY_WORDS.search(person_of.group(0)):
            s += person_of.end()  # "Christine M. Kroupa of Gordon Rees LLP": the firm
        if e - s < 5 or "\n" in text[m.start():e] or not re.search(r"[a-z]", text[s:e]) and ctx.kind != "news":
            continue
        if re.fullmatch(r"(?i)(?:the\s+)?(?:company|corporation|inc\.?|llc)", text[s:e].strip()):
            continue
        if re.search(r"(?:LLC|Inc\.?|Corp\.|Co\.|Ltd\.|LLP)\s+(?:and|&)\s+", text[s:e]):
            continue  # two companies joined by "and"
        # "The Daily Ledger and Harbor Media, LLC": an article before the first name makes it a name of its
        # own, and "and" joins two parties ("Procter and Gamble Company" has no article before it)
        two = re.match(r"(?P<a>(?:[A-Z][\w&'’-]*[ \t]+){0,4}[A-Z][\w&'’-]*)[ \t]+and[ \t]+(?=[A-Z])", text[s:e])
        if two and lead and re.search(r"\bThe[ \t]+$", lead.group(0)):
            a_e = s + two.end("a")
            out.append(Mention(s, a_e, text[s:a_e], etype="ORG", method="company"))
            s += two.end()
        # "Defendant Acme\nWidget Co.": the label the name was read after gives its role
        label = re.search(r"\b(Plaintiff|Defendant|Appellant|Appellee)s?[ \t]+$", lead.group(0)) if lead else None
        role = label.group(1).lower() if label else None
        out.append(Mention(s, e, " ".join(_LINE_NO.sub(" ", text[s:e]).split()), etype="ORG", method="company",
                           role=role, rank=ROLE_RANK["label"] if role else 0))
    for m in _AGE.finditer(text):
        out.append(Mention(m.start("name"), m.end("name"), m.group("name"), etype="PERSON", method="age"))
    if ctx.kind == "news":
        for m in _CAPS_NAME.finditer(text):
            name = m.group("name")
            line_s = text.rfind("\n", 0, m.start()) + 1
            line_e = text.find("\n", m.end())
            line = text[line_s: line_e if line_e >= 0 else len(text)]
            if sum(c.islower() for c in line) < len(line) // 3 or canonical_agency(name) or re.search(r"\b(?:U\.S|USA)\b", name):
                continue
            out.append(Mention(m.start("name"), m.end("name"), _pretty(name), etype="PERSON", method="caps-name"))
    return out


def _gather(ctx: DocContext) -> list[Mention]:
    text = ctx.text
    ms: list[Mention] = []
    cap, _ = caption_mod.caption_parties(text)
    for p in cap:
        ms.append(Mention(p.start_char, p.end_char, p.name, role=p.role, rank=ROLE_RANK["caption"], title=p.title,
                          method="caption", cover=p.cover_end))
    ms += _case_rows(ctx)
    for t in read_party_table(text):
        ms.append(Mention(t.start_char, t.end_char, t.name, etype=t.entity_type, role=t.role,
                          rank=ROLE_RANK["label" if t.role == "attorney" else "table"], title=t.title,
                          method="party-table", cover=t.line_end))
    _, cap_span = caption_mod.caption_parties(text)
    head_end = min(len(text), max(2500, (cap_span[1] + 1500) if cap_span else 0), caption_mod.HEAD)
    news = ctx.kind == "news"
    states = {v.rstrip("."): k for k, v in court_data()["states"].items()}
    for m in re.finditer(r"(?:\d{1,2}:\d{2}-[a-z]{2}-\d+[\w-]*|No\.\s*[\w:-]+\d)\s*\((?P<c>(?P<d>[NSEWCM])\.\s?D\.\s?(?P<st>[A-Z][a-z]+(?:\.\s?[A-Z][a-z]+)?)\.?)(?=[,)])", text):
        state = states.get(m.group("st").rstrip("."))
        if state:
            direction = {"N": "Northern", "S": "Southern", "E": "Eastern", "W": "Western", "C": "Central", "M": "Middle"}[m.group("d")]
            name = f"United States District Court for the {direction} District of {state}"
            ms.append(Mention(m.start("c"), m.end("c"), m.group("c"), etype="COURT", role="court",
                              rank=ROLE_RANK["default"], canonical=name, method="court"))
    for c in find_courts(text):
        in_head = c.start_char < head_end
        if c.kind == "generic" and not news:
            continue
        if not (in_head or news):
            continue
        if re.search(r"(?i)(?:attorney(?:['’]s\s+office)?|attorneys?|office|division)\s+(?:for|in|of)\s+(?:the\s+)?$", text[max(0, c.start_char - 40):c.start_char]):
            continue
        ms.append(Mention(c.start_char, c.end_char, text[c.start_char:c.end_char], etype="COURT", role="court",
                          rank=ROLE_RANK["default"], canonical=c.name, method="court"))
    listed = find_listed(text)
    for i, a in enumerate(listed):
        nxt = listed[i + 1] if i + 1 < len(listed) else None
        if nxt and re.fullmatch(r"[’']s\s+", text[a.end_char:nxt.start_char]):
            continue
        ms.append(Mention(a.start_char, a.end_char, text[a.start_char:a.end_char], etype="GOV_AGENCY", role="agency",
                          rank=ROLE_RANK["default"], canonical=a.name, alias=a.acronym, method="agency-list"))
    for s, e in find_local(text):
        if _not_a_place_prefix(ctx, s, e, listed, states):
            continue
        ms.append(Mention(s, e, " ".join(text[s:e].split()), etype="GOV_AGENCY", role="agency",
                          rank=ROLE_RANK["default"], method="agency-pattern"))
    for c in all_cues(text):
        kind = "label" if c.method in ("label", "accused", "sued") else "title"
        ms.append(Mention(c.start_char, c.end_char, " ".join(text[c.start_char:c.end_char].split()), etype=None,
                          role=c.role, rank=ROLE_RANK[kind], title=c.title, method=c.method))
    judge = caption_mod.find_judge(text)
    if judge:
        ms.append(Mention(judge[0], judge[1], judge[2], role="judge", rank=ROLE_RANK["title"], method="signature"))
    ms += _ner_mentions(ctx)
    ms += _pattern_names(ctx)
    # a docket's party table is read by its structure: what it lists is never a cited name or a role word
    ms = [m for m in ms if m.text and (m.method == "party-table" or not _cited(ctx, m.start, m.end) and not _never(m.text))]
    # a "Plaintiff X" label names a party only where X is a name by other evidence too
    support = [m for m in ms if m.method in ("ner", "company", "caption", "case-list", "age", "agency-list", "agency-pattern")]
    ms = [m for m in ms if m.method != "label" or any(o.start < m.end and m.start < o.end for o in support)]
    return _resolve_overlaps(ms)


_PLACE_WORDS = re.compile(r"(?i)^(?:(?:the\s+)?(?:state|county|city|town|village|parish|borough|municipal|metropolitan|"
                          r"regional|tribal|federal|national|north|south|east|west|new|of|and|u\.\s?s\.|united\s+states)\b[\s.]*)+$")


def _not_a_place_prefix(ctx: DocContext, start: int, end: int, listed: list, states: dict) -> bool:
    """True when a local-agency pattern span is a listed agency with words before it that name no
    place: "Exclude a PDF Duplicate Bureau of Prisons Form" is the Bureau of Prisons, while
    "California Department of Justice" (a state) and "Wake County Board of Elections" keep their prefix.

    Args:
        ctx: the document (spaCy GPE/NORP/LOC entities tell a place).
        start, end: the pattern's span (characters, 0-based, end exclusive).
        listed: the listed-agency mentions of the text.
        states: state names and abbreviations (``models/courts.json``).
    """
    inner = [a for a in listed if start < a.start_char and a.end_char <= end]
    if not inner:
        return False
    prefix_s, prefix_e = start, min(a.start_char for a in inner)
    prefix = ctx.text[prefix_s:prefix_e].strip()
    if _PLACE_WORDS.fullmatch(prefix) or prefix.rstrip(".") in states or prefix in states.values():
        return False
    words = re.findall(r"[A-Za-z][\w.'’-]*", prefix)
    if words and all(w in states.values() or _PLACE_WORDS.fullmatch(w) for w in words):
        return False
    for ent in ctx.doc.ents:
        if ent.label_ in ("GPE", "NORP", "LOC") and ent.start_char < prefix_e and prefix_s < ent.end_char:
            return False
    return True


def _never(name: str) -> bool:
    """Role words, divisions of a court and field offices are never parties of their own."""
    return bool(caption_mod.ROLE_LABEL.fullmatch(name.strip())
                or re.fullmatch(r"(?:Northern|Southern|Eastern|Western|Central|Middle)\s+Division", name.strip())
                or re.search(r"(?:Field|Regional|Area|Resident|Division)\s+Office$", name.strip())
                or re.search(r"\b(?:Team|Committee|Counsel|Forms?|Sheets?|Class|Subclass|Leadership|Web|Website|Site)$", name.strip()))


_STRONG = ("party-table", "caption", "case-list", "court", "agency-list", "agency-pattern", "company")


def _resolve_overlaps(ms: list[Mention]) -> list[Mention]:
    """Drop NER spans that overlap a rule span (the rule's span is the precise one), spans that run
    across a party-table line's edge, and pattern spans inside a listed agency, court or caption name."""
    rule = [m for m in ms if m.method != "ner"]
    table = [(m.start, m.cover or m.end) for m in ms if m.method == "party-table"]
    out = []
    for m in ms:
        if m.method != "party-table" and any(s < m.end and m.start < e and not (s <= m.start and m.end <= e)
                                             for s, e in table):
            continue  # "Ada Poe" / "Poe LLP" on two lines of a party table are two names, not one across the break
        if m.method == "ner":
            if any(r.start < m.end and m.start < r.end and (r.start, r.end) != (m.start, m.end) for r in rule):
                continue
        elif m.method not in ("party-table", "caption", "case-list"):
            if any(r is not m and r.method in _STRONG and r.start <= m.start and m.end <= (r.cover or r.end)
                   and ((r.cover or r.end) - r.start) > (m.end - m.start) for r in rule):
                continue
        out.append(m)
    return out


_caps = caption_mod.is_caps  # mostly capital letters ("RASOOL McCRIMMON")
