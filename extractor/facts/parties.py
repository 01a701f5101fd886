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
import re
from dataclasses import dataclass, field

from ..data import load_json
from .context import DocContext
from .party_agencies import AGENCY_WORDS, CORP_WORDS, canonical_agency
from .party_mentions import (HONORIFIC, ROLE_RANK, SUFFIXES, Mention, _abbreviates, _caps, _cited, _core,
                             _defined_terms, _gather, _norm, _pretty)
from .party_roles import NAME

LITIGANT_ROLES = frozenset({"plaintiff", "defendant", "petitioner", "respondent", "appellant", "appellee", "intervenor",
                            "amicus", "debtor", "creditor"})


@functools.lru_cache(maxsize=1)
def vocab() -> dict:
    """The parsed ``models/parties.json``."""
    d = load_json("parties.json")
    d["_not"] = {_norm(x) for x in d["not_parties"]}
    return d


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


_ACT_HEADS = frozenset({"by", "against", "from", "with"})


def _acts(ctx: DocContext, p: Party) -> bool:
    """True when a mention of ``p`` acts in the matter by the dependency parse: the subject of a verb
    ("the FBI seized", "the agency was sued") other than one of ``non_acting_verbs`` ("the FBI had
    them", "the Bureau reported"), the agent or adversary of one ("filed by the IRS", "claims against
    the SEC"), or the object of an order's verb ("enjoins the Bureau")."""
    v = vocab()
    for m in p.mentions:
        span = ctx.span(m.start, m.end)
        if span is None:
            continue
        root = span.root
        while root.dep_ in ("appos", "compound", "conj") and root.head is not root:
            root = root.head
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ == "VERB" \
                and root.head.lemma_.lower() not in v["non_acting_verbs"]:
            return True
        if root.dep_ == "pobj" and root.head.lower_ in _ACT_HEADS and (
                root.head.head.pos_ == "VERB" and root.head.head.lemma_.lower() not in v["non_acting_verbs"]
                or root.head.head.lemma_.lower() in v["against_heads"]):
            return True
        if root.dep_ == "dobj" and root.head.lemma_.lower() in v["defendant_verbs_object"]:
            return True
    return False


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
    if canon or m.method == "party-table" or core == "us":
        # a listed agency, a court, a party the docket lists and the United States are their own
        # parties, not a fuzzy match of another ("USA" is not "U.S. Attorney's Office")
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
        if m.etype == "ORG" and SUFFIXES.search(m.text):
            # "Management, Inc." for "Allegiance Health Management, Inc."
            hits = [p for p in parties if p.etype == "ORG" and _core(p.name).endswith(" " + core)]
            if len(hits) == 1:
                return hits[0]
    elif m.etype != "COURT":
        # "Anna Schubert" vs "Dr. Anna Schubert"; "Steven McCann" vs "Steven W. McCann"
        hits = [p for p in parties if p.etype == "PERSON" and p.surname == toks[-1] and _core(p.name).split()[0] == toks[0]]
        if len(hits) == 1:
            return hits[0]
        # "Luis Alberto Ortega-Vidal" for a caption that prints the surname only ("ORTEGA-VIDAL")
        hits = [p for p in parties if core.endswith(" " + _core(p.name)) and len(_core(p.name).split()) <= 2
                and all(mm.method == "caption" for mm in p.mentions) and " " not in p.name.strip()]
        if len(hits) == 1 and re.fullmatch(NAME, m.text):
            hits[0].etype = "PERSON"
            return hits[0]
        # "St. Pierre" for "Vanessa St. Pierre", "Elizander Ortiz-Garcia" for "Dostin Elizander Ortiz-Garcia"
        hits = [p for p in parties if p.etype == "PERSON" and _core(p.name).endswith(" " + core)]
        if len(hits) == 1 and re.fullmatch(NAME, m.text):
            return hits[0]
        hits = [p for p in parties if p.etype in ("ORG", "GOV_AGENCY") and _core(p.name).startswith(core + " ")]
        if len(hits) > 1:
            # several organizations start so: the caption's party, when it is one of them
            top = max(h.rank for h in hits)
            hits = [h for h in hits if h.rank == top]
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
                    m.method in ("party-table", "caption", "case-list", "panel", "signature") or m.role == "judge"):
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
            # the short name clustered on its own before the definition was read: it is the defined party
            for other in [p for p in parties if p is not target and _core(p.name) == _core(short)
                          and p.etype == target.etype and p.rank <= ROLE_RANK["default"]]:
                for mm in other.mentions:
                    target.add(mm)
                target.keys |= other.keys
                parties.remove(other)
    return parties


def _once(name: str) -> str:
    """A name read twice in a row is one name: "Ellen Park Ellen Park" -> "Ellen Park" (two columns or a
    repeated line glued together)."""
    words = name.split()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and [w.lower() for w in words[:half]] == [w.lower() for w in words[half:]]:
        return " ".join(words[:half])
    return name


def _canonical_name(p: Party, text: str) -> str:
    if p.etype == "COURT":
        return p.name
    if canonical_agency(p.name):
        return _pretty(p.name) if _caps(p.name) else p.name
    # a party a docket lists is named as the docket lists it
    listed = [m for m in p.mentions if m.method == "party-table" and m.rank == ROLE_RANK["table"]]
    if listed:
        return _pretty(listed[0].text) if _caps(listed[0].text) else " ".join(listed[0].text.split())
    forms = [" ".join(m.text.split()) for m in p.mentions if not m.alias]
    # "Defendant State Board of ...": the role word a label mention was read with is no part of the name
    forms = [re.sub(r"^(?:(?:Plaintiffs?|Defendants?|Appellants?|Appellees?|Petitioners?|Respondents?|Debtors?)\s+)+(?=[A-Z])", "",
                    HONORIFIC.sub("", f)) for f in forms] or [p.name]
    forms = [_once(f) for f in forms]
    best = max(forms, key=lambda f: (len(_norm(f).split()), not _caps(f), len(f)))
    if _caps(best):
        # the same name printed in mixed case elsewhere in the text
        for mm in re.finditer(re.escape(best).replace(r"\ ", r"\s+"), text, re.I):
            if not _caps(mm.group(0)):
                return " ".join(mm.group(0).split())
        return _pretty(best)
    return best


def _declared(text: str, start: int) -> bool:
    """True when the words before ``start`` say the name signed a declaration ("a declaration filed Wednesday by X")."""
    before = text[max(0, start - 120):start]
    return bool(re.search(r"(?i)declaration\s+(?:of|(?:filed|submitted|signed)\s+(?:\w+\s+){0,3}?by)\s+(?:[\w&-]+\s+){0,8}$", before))


def _add_surname_mentions(ctx: DocContext, parties: list[Party]) -> None:
    """Add every further place a person is named by surname alone, or an organization by its
    defined short name, when that word names no other party."""
    text = ctx.text
    taken = bytearray(len(text))  # 1 where a mention already is: one lookup per candidate, not a scan
    for p in parties:
        for m in p.mentions:
            taken[m.start:m.end] = b"\x01" * (m.end - m.start)
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
        for w in sorted(words, key=lambda w: (-len(w), w)):  # the longest first, in the same order every run
            flags = re.I
            raw = next((a for a in p.aliases if _norm(a) == w), None)
            if raw and raw.isupper():
                w, flags = raw, 0
            for m in re.finditer(r"(?<![\w-])" + r"\s+".join(re.escape(x) for x in w.split()) + r"(?![\w-])", text, flags):
                if not m.group(0)[0].isupper():
                    continue
                if taken.find(1, m.start(), m.end()) >= 0:
                    continue
                if _cited(ctx, m.start(), m.end()):
                    continue
                p.mentions.append(Mention(m.start(), m.end(), m.group(0), method="surname", alias=True))
                taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())


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
    captioned = any(m.method in ("party-table", "caption", "case-list") for p in parties for m in p.mentions)
    # a docket's party table lists the litigants: a name only its entries mention is none
    tabled = any(m.method == "party-table" and m.rank == ROLE_RANK["table"] for p in parties for m in p.mentions)
    facts = []
    for p in parties:
        if p.etype == "PERSON" and p.rank < ROLE_RANK["title"] and (
                any(_declared(text, m.start) for m in p.mentions)
                or p.surname and re.search(rf"(?i)\b{re.escape(p.surname)}\s+Decl\.", text)):
            p.role, p.rank = "declarant", ROLE_RANK["title"]
        if p.role is None or p.rank <= ROLE_RANK["default"]:
            vr = None
            # the press-release verbs ("X agreed to pay", "X was charged") give litigation roles in prose
            # reports; a filing whose caption names its litigants uses them only for persons (a co-defendant
            # "accused" in a criminal order), not for the companies of its findings
            if p.etype == "PERSON" or p.etype == "ORG" and (news or not captioned):
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
        if p.etype == "GOV_AGENCY" and p.rank <= ROLE_RANK["default"] and captioned and not news and not _acts(ctx, p):
            continue  # an agency a captioned filing only mentions ("the FBI had them") is no party of it
        if p.role == "other" and p.rank < ROLE_RANK["title"]:
            n = len({m.start for m in p.mentions})
            if p.etype == "PERSON":
                named = any(m.method in ("age", "caps-name") or m.method == "ner" and m.etype == "PERSON" for m in p.mentions)
                first = _core(p.name).split()[:1]
                # "Tessera Patents", "Tessera Opp": an organization's name with a noun after it
                named = named and not any(o.etype == "ORG" and _core(o.name).split()[:1] == first for o in parties)
                # a filing names many people it only discusses; how often is no cue (issue 15)
                keep = named and news and n >= 2
            else:
                keep = bool(SUFFIXES.search(p.name)) or news and bool(CORP_WORDS.search(p.name))
            if not keep:
                continue
        if re.search(r"(?i)\blitigation\b", p.name) and p.etype != "COURT":
            continue
        listed = any(m.method == "party-table" for m in p.mentions)
        if tabled and (p.role in LITIGANT_ROLES or p.role == "other") and p.rank < ROLE_RANK["table"] and not listed:
            continue
        if p.role == "other" and p.etype == "GOV_AGENCY":
            p.role = "agency"  # a government office of counsel ("U.S. Department of Justice" under an attorney)
        if p.etype == "PERSON":
            # spaCy calls it an organization and never a person ("Public Citizen filed a lawsuit")
            labels = {m.etype for m in p.mentions if m.method == "ner"}
            if "ORG" in labels and "PERSON" not in labels and p.role not in ("judge", "attorney", "declarant", "witness") \
                    and not listed:
                p.etype = "ORG"
        name = _canonical_name(p, text)
        spans = sorted({(m.start, m.end) for m in p.mentions})
        first = min(spans)
        best = next(((m.start, m.end) for m in sorted(p.mentions, key=lambda m: m.start) if m.method in ("party-table", "caption", "case-list")), first)
        aliases = [a for a in p.aliases if _core(a) != _core(name)]
        for m in p.mentions:
            if m.alias and m.method != "surname" and m.text not in aliases:
                aliases.append(m.text)
            # the party as the docket lists it, description and all ("JANE ROE, as next friend of J.R.")
            printed = " ".join(text[m.start:m.cover].split()) if m.method == "party-table" and m.cover else ""
            if m.rank == ROLE_RANK["table"] and len(printed) > len(m.text) and printed not in aliases:
                aliases.append(printed)
        if p.etype == "COURT":
            for m in p.mentions:
                form = " ".join(m.text.split())
                form = _pretty(re.sub(r"(?i)^in\s+the\s+", "", form))
                if _core(form) != _core(name) and form not in aliases:
                    aliases.append(form)
            short = re.search(r"(?:(?:Northern|Southern|Eastern|Western|Central|Middle)\s+)?District\s+of\s+[\w ]+$|\w+\s+Circuit$", name)
            if short and short.group(0) not in aliases:
                aliases.append(short.group(0))
        conf = {6: 0.95, 5: 0.9, 4: 0.85, 3: 0.85, 2: 0.7, 1: 0.7}.get(p.rank, 0.6)
        facts.append(ctx.make_fact(
            "party", best[0], best[1], p.mentions[0].method if p.rank >= 3 else ("ner+role" if p.rank == 2 else p.method),
            conf, name=name, aliases=aliases, entity_type=p.etype, role=p.role, title=p.title,
            mentions=[{"start_char": s, "end_char": e} for s, e in spans]))
    return facts
