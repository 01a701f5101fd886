"""Party facts: litigants, agencies, courts, judges, attorneys, declarants.

Mentions come from the caption (:mod:`caption`), court names
(:mod:`caption_court`), the agency list and local-agency patterns
(:mod:`party_agencies`), role cues (:mod:`party_roles`), case-list rows
("Jessica Parker v. C. R. Bard, Inc. 2:15-cv-01739") and spaCy's PERSON/ORG
entities. They are merged into one fact per party (full name, acronym,
surname, all-caps caption form, possessive), which gets the strongest role
any mention gives it. Parties of cited precedent (a case name before a
reporter cite) and news outlets are left out.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import caption as caption_mod
from .caption_court import court_data, find_courts
from .context import DocContext
from .party_agencies import AGENCY_WORDS, CORP_WORDS, canonical_agency, find_listed, find_local
from .party_roles import NAME, all_cues

MODELS = Path(__file__).resolve().parents[2] / "models"


@functools.lru_cache(maxsize=1)
def vocab() -> dict:
    """The parsed ``models/parties.json``."""
    d = json.loads((MODELS / "parties.json").read_text(encoding="utf-8"))
    d["_not"] = {_norm(x) for x in d["not_parties"]}
    return d


# role strength: a caption or label role beats a title role beats a verb role beats the type default
ROLE_RANK = {"caption": 5, "label": 4, "title": 3, "verb": 2, "default": 1}
SUFFIXES = re.compile(r"(?i)[,\s]+(?:inc|llc|l\.l\.c|corp|corporation|company|co|ltd|llp|lp|l\.p|p\.c|pc|pllc|n\.a)\.?$")
HONORIFIC = re.compile(r"^(?:(?:Dr|Mr|Mrs|Ms|Hon|Judge|Justice)\.?\s+)+")
_NAMEISH = r"(?:[\s,]*(?<![\w.&'’-])(?:[A-Z][\w.&'’-]*|of|and|the|for|&|ex\s+rel\.|et\s+al\.|d/b/a)(?![\w.&'’-]))*"
_REPORTER = (r"(?:U\.\s?S\.|S\.\s?Ct\.|L\.\s?Ed\.|F\.\s?(?:Supp\.|App['’]x)?\s?(?:\dd|\dth)?|"
             r"[A-Z][a-z]*\.(?:\s?[A-Z][a-z]*\.){0,3}(?:\s?(?:2d|3d|4th|App\.))?|WL|B\.R\.|T\.C\.)")
CITE_AFTER = re.compile(_NAMEISH + r"(?:\s+v\.\s" + _NAMEISH + r")?,?\s*(?:\d{1,4}\s+" + _REPORTER + r"\s*\d"
                        r"|No\.\s*[\w:-]+[,\s]*(?:\((?:[A-Z\d][\w.]*\s*){1,5}\d{4}\)|\d{4}\s+WL))")
V_BEFORE = re.compile(r"\sv\.\s+" + _NAMEISH + r"$")
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
    n = re.sub(r"(?i)\bunited\s+states\b(?!\s+of\s+america)", "U.S.", n)
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


@dataclass
class Party:
    """A cluster of mentions of one party."""

    name: str
    etype: str
    mentions: list[Mention] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    rank: int = 0
    title: str | None = None
    method: str = "ner"

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self.keys.add(_core(m.text))
        if m.role and m.rank > self.rank:
            self.role, self.rank = m.role, m.rank
        if m.title and not self.title:
            self.title = m.title

    @property
    def surname(self) -> str | None:
        if self.etype != "PERSON":
            return None
        toks = [t for t in _core(self.name).split() if t not in ("jr", "sr", "ii", "iii", "iv")]
        return toks[-1] if toks else None


def _etype(name: str, hint: str | None = None) -> str:
    if canonical_agency(name):
        return "GOV_AGENCY"
    if re.search(r"(?i)\bcourt\b|\bjudicial\s+panel\b", name) and not re.search(r"(?i)\bcourt\s+(?:street|reporter)", name):
        return "COURT"
    if CORP_WORDS.search(name):
        return "ORG"
    if AGENCY_WORDS.search(name) or re.fullmatch(r"(?i)(?:the\s+)?(?:united\s+states(?:\s+of\s+america)?|usa|u\.s\.a\.)", name.strip()):
        return "GOV_AGENCY"
    if hint in ("PERSON", "ORG", "GOV_AGENCY", "COURT"):
        return hint
    probe = _pretty(name.strip().upper()) if _caps(name) else name.strip()
    return "PERSON" if re.fullmatch(NAME, probe) else "ORG"


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
        if not tail:
            continue
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
        lab = re.match(r"(?:(?:Plaintiffs?|Defendants?|Appellants?|Appellees?|Petitioners?|Respondents?|Moving|Relators?|Dr\.|Mr\.|Ms\.|Mrs\.|Judge|Justice)\s+)+", t)
        if lab:
            s += lab.end()
            t = ctx.text[s:e]
        if not t or "\n\n" in t or len(t) < 2 or not t[0].isupper():
            continue
        if re.sub(r"[^A-Za-z]", "", t).isupper():
            continue
        if re.search(r"(?i)\b(?:litigation|code|act|rule|amendment|statute|forms?|complaint|answer|order|motion|agreement|"
                     r"policy|plan|program|court|date|waiver|exhibit|schedule|application|statements?|conspiracy|counts?|"
                     r"offenses?|charges?|violations?|claims?|relief|damages)\b|\sv\.(?:\s|$)|and/or|[’']s\s+\w|\b(?:Tr|Hr[’']g|Br|Op|Mem)\.?$", t):
            continue
        out.append(Mention(s, e, " ".join(t.split()), etype=ent.label_, method="ner"))
    return out


def _verb_role(ctx: DocContext, m: Mention) -> str | None:
    """Litigation role from the verb governing the mention (spaCy dependency parse)."""
    span = ctx.span(m.start, m.end)
    if span is None:
        return None
    v = vocab()
    root = span.root
    while root.dep_ in ("appos", "compound", "conj") and root.head is not root:
        root = root.head
    head = root.head
    # apposition: "Joseph Schwartz, 65, of Suffern, ... pleaded guilty"
    if root.dep_ in ("nsubj", "nsubjpass"):
        lemma = head.lemma_.lower()
        if root.dep_ == "nsubjpass" and lemma in v["defendant_verbs_object"]:
            return "defendant"
        if root.dep_ == "nsubj" and lemma in v["defendant_verbs_subject"]:
            if lemma == "agree" and not re.search(r"(?i)\b(?:pay|settle|resolve|injunction|plead|consent)", head.sent.text):
                return None
            return "defendant"
        if root.dep_ == "nsubj" and lemma in v["plaintiff_verbs_subject"]:
            objs = " ".join(t.lemma_.lower() for t in head.subtree)
            if lemma in ("sue", "petition") or re.search(r"\b(?:lawsuit|suit|complaint|action|petition|claim)\b", objs):
                return "plaintiff"
    if root.dep_ == "dobj" and head.lemma_.lower() in v["defendant_verbs_object"]:
        return "defendant"
    if root.dep_ == "pobj" and head.lower_ == "against" and head.head.lemma_.lower() in v["against_heads"]:
        return "defendant"
    return None


_CORP = re.compile(
    r"(?<![\w&-])(?:(?:[A-Z]\.|[A-Z][\w&'’-]*)[ \t]+(?:(?:of|and|&|at|de|the|d/b/a)[ \t]+)?){0,6}[A-Z][\w&'’-]*,?[ \t]+"
    r"(?:Inc\.?|LLC|L\.L\.C\.|Corp\.|Corporation|Company|Co\.|Ltd\.|N\.A\.|P\.C\.|LLP|L\.P\.|PLLC)(?![\w])")
_AGE = re.compile(r"(?P<name>" + NAME + r"),[ \t]+\d{1,3},[ \t]+(?:of|and|a|an|the|who|owned|is|was|were|had|has|previously|pleaded|pled)\b")
_CAPS_NAME = re.compile(r"(?<![\w.])(?P<name>[A-Z][A-Z'’-]{1,}(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][A-Z'’-]{1,}){1,2})(?![\w.])")


def _pattern_names(ctx: DocContext) -> list[Mention]:
    """Company names by their suffix ("CEMEX California Cement LLC"), "Name, 61," persons, and
    the all-caps defendant names some U.S. Attorney's Offices print in prose."""
    text = ctx.text
    out = []
    for m in _CORP.finditer(text):
        s, e = m.start(), m.end()
        lead = re.match(r"(?:(?:The|A|An|In|On|By|And|With|From|Its|His|Her|Their|Plaintiffs?|Defendants?|Relief|"
                        r"Appellants?|Appellees?|Both|Each|Against|Under|Including|Between)[ \t]+)+", text[s:e])
        if lead:
            s += lead.end()
        person_of = re.match(NAME + r"[ \t]+of[ \t]+", text[s:e])
        if person_of and len(person_of.group(0).split()) >= 3:
            s += person_of.end()  # "Christine M. Kroupa of Gordon Rees LLP": the firm
        if e - s < 5 or "\n" in text[s:e] or not re.search(r"[a-z]", text[s:e]) and ctx.kind != "news":
            continue
        if re.fullmatch(r"(?i)(?:the\s+)?(?:company|corporation|inc\.?|llc)", text[s:e].strip()):
            continue
        out.append(Mention(s, e, " ".join(text[s:e].split()), etype="ORG", method="company"))
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
        ms.append(Mention(s, e, " ".join(text[s:e].split()), etype="GOV_AGENCY", role="agency",
                          rank=ROLE_RANK["default"], method="agency-pattern"))
    for c in all_cues(text):
        kind = "label" if c.method in ("label", "accused", "sued", "docket-party") else "title"
        ms.append(Mention(c.start_char, c.end_char, " ".join(text[c.start_char:c.end_char].split()), etype=None,
                          role=c.role, rank=ROLE_RANK[kind], title=c.title, method=c.method))
    ms += _ner_mentions(ctx)
    ms += _pattern_names(ctx)
    ms = [m for m in ms if m.text and not _cited(ctx, m.start, m.end) and not _never(m.text)]
    # a "Plaintiff X" label names a party only where X is a name by other evidence too
    support = [m for m in ms if m.method in ("ner", "company", "caption", "case-list", "age", "agency-list", "agency-pattern")]
    ms = [m for m in ms if m.method != "label" or any(o.start < m.end and m.start < o.end for o in support)]
    return _resolve_overlaps(ms)


def _never(name: str) -> bool:
    """Role words, divisions of a court and field offices are never parties of their own."""
    return bool(caption_mod.ROLE_LABEL.fullmatch(name.strip())
                or re.fullmatch(r"(?:Northern|Southern|Eastern|Western|Central|Middle)\s+Division", name.strip())
                or re.search(r"(?:Field|Regional|Area|Resident|Division)\s+Office$", name.strip())
                or re.search(r"\b(?:Team|Committee|Counsel|Forms?|Sheets?|Class|Subclass|Leadership|Web|Website|Site)$", name.strip()))


_STRONG = ("caption", "case-list", "court", "agency-list", "agency-pattern", "company")


def _resolve_overlaps(ms: list[Mention]) -> list[Mention]:
    """Drop NER spans that overlap a rule span (the rule's span is the precise one), and
    pattern spans inside a listed agency, court or caption name."""
    rule = [m for m in ms if m.method != "ner"]
    out = []
    for m in ms:
        if m.method == "ner":
            if any(r.start < m.end and m.start < r.end and (r.start, r.end) != (m.start, m.end) for r in rule):
                continue
        elif m.method not in ("caption", "case-list"):
            if any(r is not m and r.method in _STRONG and r.start <= m.start and m.end <= (r.cover or r.end)
                   and ((r.cover or r.end) - r.start) > (m.end - m.start) for r in rule):
                continue
        out.append(m)
    return out


def _find_party(parties: list[Party], m: Mention) -> Party | None:
    core = _core(m.text)
    if not core:
        return None
    canon = m.canonical or canonical_agency(m.text)
    for p in parties:
        if canon and p.name == canon:
            return p
        if core in p.keys or _core(p.name) == core:
            return p
    if canon:
        # a listed agency or a court is its own party, not a fuzzy match of another
        return None
    # surname or first word of an organization
    toks = core.split()
    if len(toks) == 1:
        hits = [p for p in parties if p.etype == "PERSON" and p.surname == toks[0]]
        if len(hits) == 1:
            return hits[0]
        hits = [p for p in parties if p.etype in ("ORG", "GOV_AGENCY") and _core(p.name).split()[:1] == toks]
        if len(hits) == 1 and m.role not in ("judge", "attorney", "declarant", "witness", "official"):
            return hits[0]
    elif m.etype != "COURT":
        # "Anna Schubert" vs "Dr. Anna Schubert"; "Steven McCann" vs "Steven W. McCann"
        hits = [p for p in parties if p.etype == "PERSON" and p.surname == toks[-1] and _core(p.name).split()[0] == toks[0]]
        if len(hits) == 1:
            return hits[0]
        # "St. Pierre" for "Vanessa St. Pierre", "Elizander Ortiz-Garcia" for "Dostin Elizander Ortiz-Garcia"
        hits = [p for p in parties if p.etype == "PERSON" and _core(p.name).endswith(" " + core)]
        if len(hits) == 1 and re.fullmatch(NAME, m.text):
            return hits[0]
        hits = [p for p in parties if p.etype in ("ORG", "GOV_AGENCY") and _core(p.name).startswith(core + " ")]
        if len(hits) == 1 and len(toks) >= 2:
            return hits[0]
        if m.etype in ("ORG", "GOV_AGENCY") or m.etype is None and not re.fullmatch(NAME, m.text):
            hits = [p for p in parties if p.etype in ("ORG", "GOV_AGENCY") and f" {core} " in f" {_core(p.name)} "]
            if len(hits) == 1:
                return hits[0]
    return None


def _cluster(ctx: DocContext, ms: list[Mention]) -> list[Party]:
    text = ctx.text
    parties: list[Party] = []
    not_p = vocab()["_not"]
    # full names first (caption, courts, agencies, multiword names), then short forms
    order = sorted(ms, key=lambda m: (m.alias or len(_norm(m.text).split()) < 2, -m.rank, -len(_norm(m.text).split()), m.start))
    for m in order:
        if _norm(m.text) in not_p or _core(m.text) in not_p:
            continue
        p = _find_party(parties, m)
        if p is None:
            if m.alias and not m.canonical:
                continue
            if len(_norm(m.text).split()) < 2 and not m.canonical and not (
                    m.method in ("caption", "case-list", "panel", "signature") or m.role == "judge"):
                continue
            name = m.canonical or m.text
            et = m.etype if m.etype in ("COURT", "GOV_AGENCY") else _etype(name, m.etype)
            p = Party(name=name, etype=et, method=m.method)
            parties.append(p)
        p.add(m)
    # defined short names and acronyms: 'Berkshire Life Insurance Company of America (“Berkshire”)'
    for fs, fe, ss, se, collective in _defined_terms(text):
        full, short = text[fs:fe], text[ss:se]
        if collective and sum(1 for p in parties if f" {_core(short)} " in f" {_core(p.name)} ") != 1:
            continue  # "(collectively, “Bard”)" names a group, not one of its members
        if not _abbreviates(short, full):
            continue
        target, best_end = None, -1
        for p in parties:
            for mm in p.mentions:
                if fs <= mm.start and mm.end <= fe + 2 and mm.end > best_end and not mm.alias:
                    target, best_end = p, mm.end
        if target and _norm(short) not in vocab()["_not"] and not re.search(
                r"(?i)\b(?:plaintiffs?|defendants?|appellants?|appellees?|petitioners?|respondents?|parties|agreement|act)\b", short):
            if short not in target.aliases and _core(short) != _core(target.name):
                target.aliases.append(short)
            target.keys.add(_core(short))
    return parties


def _caps(f: str) -> bool:
    """Mostly capital letters ("RASOOL McCRIMMON")."""
    return sum(c.isupper() for c in f) > 0.7 * max(1, sum(c.isalpha() for c in f))


def _canonical_name(p: Party, text: str) -> str:
    if p.etype in ("COURT",) or canonical_agency(p.name):
        return p.name
    forms = [" ".join(m.text.split()) for m in p.mentions if not m.alias]
    forms = [HONORIFIC.sub("", f) for f in forms] or [p.name]
    best = max(forms, key=lambda f: (len(_norm(f).split()), not _caps(f), len(f)))
    if _caps(best):
        # the same name printed in mixed case elsewhere in the text
        for mm in re.finditer(re.escape(best).replace(r"\ ", r"\s+"), text, re.I):
            if not _caps(mm.group(0)):
                return " ".join(mm.group(0).split())
        return _pretty(best)
    return best


def _mentions_everywhere(p: Party, text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = {(m.start, m.end) for m in p.mentions}
    return sorted(spans)


def _declared(text: str, start: int) -> bool:
    """True when the words before ``start`` say the name signed a declaration ("a declaration filed Wednesday by X")."""
    before = text[max(0, start - 120):start]
    return bool(re.search(r"(?i)declaration\s+(?:of|(?:filed|submitted|signed)\s+(?:\w+\s+){0,3}?by)\s+(?:[\w&-]+\s+){0,8}$", before))


def _add_surname_mentions(ctx: DocContext, parties: list[Party]) -> None:
    """Add every further place a person is named by surname alone, or an organization by its
    defined short name, when that word names no other party."""
    text = ctx.text
    taken = [(m.start, m.end) for p in parties for m in p.mentions]
    counts: dict[str, int] = {}
    for p in parties:
        if p.surname:
            counts[p.surname] = counts.get(p.surname, 0) + 1
    for p in parties:
        words = set()
        if p.surname and counts.get(p.surname) == 1 and len(p.surname) > 2:
            words.add(p.surname)
        for a in p.aliases:
            if len(a) > 2:
                words.add(_norm(a))
        for w in words:
            flags = re.I
            raw = next((a for a in p.aliases if _norm(a) == w), None)
            if raw and raw.isupper():
                w, flags = raw, 0
            for m in re.finditer(r"(?<![\w-])" + r"\s+".join(re.escape(x) for x in w.split()) + r"(?![\w-])", text, flags):
                if not m.group(0)[0].isupper():
                    continue
                if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in taken):
                    continue
                if _cited(ctx, m.start(), m.end()):
                    continue
                p.mentions.append(Mention(m.start(), m.end(), m.group(0), method="surname", alias=True))
                taken.append((m.start(), m.end()))


def extract(ctx: DocContext) -> list[dict]:
    """Return the party facts of the document (FACTS.md "party").

    Args:
        ctx: the document; ``ctx.kind`` decides whether prose-only parties are kept.
    Returns:
        One fact per party, spanning its first mention, with ``name``, ``aliases``,
        ``entity_type``, ``role``, ``title`` and every ``mentions`` span (0-based,
        end exclusive).
    """
    text = ctx.text
    ms = _gather(ctx)
    parties = _cluster(ctx, ms)
    _add_surname_mentions(ctx, parties)
    news = ctx.kind == "news"
    facts = []
    for p in parties:
        if p.etype == "PERSON" and p.rank < ROLE_RANK["title"] and any(_declared(text, m.start) for m in p.mentions):
            p.role, p.rank = "declarant", ROLE_RANK["title"]
        if p.role is None or p.rank <= ROLE_RANK["default"]:
            vr = None
            if p.etype in ("PERSON", "ORG"):
                for m in sorted(p.mentions, key=lambda m: m.start):
                    vr = _verb_role(ctx, m)
                    if vr:
                        break
            if vr:
                p.role, p.rank = vr, ROLE_RANK["verb"]
        if not p.role:
            p.role = {"COURT": "court", "GOV_AGENCY": "agency"}.get(p.etype, "other")
        if p.etype == "GOV_AGENCY" and p.rank <= ROLE_RANK["default"] and all(m.method == "ner" for m in p.mentions) \
                and len({m.start for m in p.mentions}) < 2:
            continue
        if p.role == "other" and p.rank < ROLE_RANK["title"]:
            n = len({m.start for m in p.mentions})
            if p.etype == "PERSON":
                named = any(m.method in ("age", "caps-name") or m.method == "ner" and m.etype == "PERSON" for m in p.mentions)
                keep = named and (n >= 2 if news else n >= 4)
            else:
                keep = bool(SUFFIXES.search(p.name)) or news and bool(CORP_WORDS.search(p.name))
            if not keep:
                continue
        if re.search(r"(?i)\blitigation\b", p.name) and p.etype != "COURT":
            continue
        name = _canonical_name(p, text)
        spans = _mentions_everywhere(p, text, [])
        first = min(spans)
        best = next(((m.start, m.end) for m in sorted(p.mentions, key=lambda m: m.start) if m.method in ("caption", "case-list")), first)
        aliases = [a for a in p.aliases if _core(a) != _core(name)]
        for m in p.mentions:
            if m.alias and m.method != "surname" and m.text not in aliases:
                aliases.append(m.text)
        if p.etype == "COURT":
            for m in p.mentions:
                form = " ".join(m.text.split())
                form = _pretty(re.sub(r"(?i)^in\s+the\s+", "", form))
                if _core(form) != _core(name) and form not in aliases:
                    aliases.append(form)
            short = re.search(r"(?:(?:Northern|Southern|Eastern|Western|Central|Middle)\s+)?District\s+of\s+[\w ]+$|\w+\s+Circuit$", name)
            if short and short.group(0) not in aliases:
                aliases.append(short.group(0))
        conf = {5: 0.9, 4: 0.85, 3: 0.85, 2: 0.7, 1: 0.7}.get(p.rank, 0.6)
        facts.append(ctx.make_fact(
            "party", best[0], best[1], p.mentions[0].method if p.rank >= 3 else ("ner+role" if p.rank == 2 else p.method),
            conf, name=name, aliases=aliases, entity_type=p.etype, role=p.role, title=p.title,
            mentions=[{"start_char": s, "end_char": e} for s, e in spans]))
    return facts
