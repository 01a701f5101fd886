"""Phrase helpers for order facts: noun-phrase cores, directive verb phrases,
party names for a phrase, and the date an order sentence states.

All offsets are character offsets into ``ctx.text`` (0-based, end exclusive).
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Token

from .context import DocContext

# children kept in a noun phrase's core: determiners, modifiers, of-phrases, participles ("cases listed on ...")
_CORE_DEPS = {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "case", "prep", "acl", "advmod",
              "predet", "npadvmod"}
_PRONOUNS = {"he", "she", "him", "her", "they", "them", "it"}
_MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"], 1)}


def np_core(tok: Token) -> tuple[int, int]:
    """The character span of the noun phrase headed by ``tok`` without relative
    clauses, appositions, conjuncts and parentheticals ("Defendant Leon, his
    agents, ..." -> "Defendant Leon"; "the owner of X who pled guilty" -> "the owner of X")."""
    keep = [tok]
    for child in tok.children:
        if child.dep_ in _CORE_DEPS and child.text not in "()[]":
            if child.dep_ == "prep" and child.i > tok.i and any(t.text in "()" for t in child.subtree):
                continue
            keep.extend(child.subtree)
    left = min(t.i for t in keep)
    right = max(t.i for t in keep)
    doc = tok.doc
    # stop at a comma, parenthesis or relative clause between head and right edge
    for i in range(tok.i + 1, right + 1):
        if doc[i].text in {",", "(", ";", "—", "–"}:
            right = i - 1
            break
        if doc[i].dep_ in ("relcl", "appos"):
            right = min(i, doc[i].left_edge.i) - 1
            break
    while left < tok.i and (doc[left].is_punct or doc[left].dep_ == "cc"):
        left += 1
    while right > tok.i and doc[right].is_punct:
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right])


def subtree_span(tok: Token, skip_first_to: bool = True) -> tuple[int, int]:
    """The character span of ``tok``'s subtree, without a leading infinitival "to"."""
    toks = list(tok.subtree)
    if skip_first_to and toks and toks[0].lower_ == "to" and toks[0].dep_ == "aux":
        toks = toks[1:]
    start = toks[0].idx
    end = toks[-1].idx + len(toks[-1])
    return start, end


def clean_directive(text: str) -> str:
    """Trim a directive: one clause (cut at a ";" that no lettered sub-item follows), single spaces.

    Lettered or numbered sub-items belong to what is ordered ("within 30 days, (a) produce the logs;
    (b) identify each custodian; and (c) certify compliance" stays whole, issue 16)."""
    text = re.split(r";(?!\s*(?:and\s+|or\s+)?\((?:[b-z]|[2-9]|ii|iii|iv|v|vi)\))", text)[0]
    text = re.split(r",?\s+(?:and|but)\s+(?:\w+\s+){0,3}(?:shall|must|will)\b", text)[0]
    text = re.sub(r"\s+", " ", text).strip(" ,.:—–-")
    text = re.sub(r"^(?:also|further|additionally|immediately)\s+", "", text, flags=re.I)
    return text


def party_for_span(ctx: DocContext, start: int, end: int) -> dict | None:
    """The party (not a court) one of whose mentions overlaps ``[start, end)``, the longest mention first."""
    best = None
    for p in ctx.parties:
        if p.get("entity_type") == "COURT":
            continue
        for m in p.get("mentions") or [{"start_char": p["start_char"], "end_char": p["end_char"]}]:
            if m["start_char"] < end and start < m["end_char"]:
                size = m["end_char"] - m["start_char"]
                if best is None or size > best[0]:
                    best = (size, p)
    return best[1] if best else None


def previous_person(ctx: DocContext, before: int) -> dict | None:
    """The PERSON party mentioned last before character ``before``."""
    best = None
    for p in ctx.parties:
        if p.get("entity_type") != "PERSON":
            continue
        for m in p.get("mentions") or []:
            if m["end_char"] <= before and (best is None or m["end_char"] > best[0]):
                best = (m["end_char"], p)
    return best[1] if best else None


def who(ctx: DocContext, tok: Token) -> tuple[str, int, int]:
    """The party bound by an order, named by the phrase headed by ``tok``.

    Returns ``(name, start_char, end_char)``: the canonical party name when a
    party mention covers the head word, the previous person for he/she, else
    the phrase's core text.
    """
    start, end = np_core(tok)
    if tok.lower_ in _PRONOUNS:
        if tok.lower_ in ("he", "she", "him", "her"):
            p = previous_person(ctx, tok.idx)
            if p:
                return p["name"], tok.idx, tok.idx + len(tok)
        return tok.text, tok.idx, tok.idx + len(tok)
    for child in tok.children:
        # "another CPA, Martin A. Kapp," -> the named apposition
        if child.dep_ == "appos" and (child.ent_type_ == "PERSON" or party_for_span(ctx, child.idx, child.idx + len(child))):
            return who(ctx, child)
    text = " ".join(ctx.text[start:end].split())
    p = party_for_span(ctx, tok.idx, tok.idx + len(tok))
    if p and not _shares_word(p, text):
        p = None
    return (p["name"] if p else text), start, end


def _shares_word(party: dict, text: str) -> bool:
    """True when the phrase shares a capitalized word with the party's name or aliases."""
    words = {w.lower() for w in re.findall(r"[A-Za-z][\w'’-]+", text)}
    names = [party.get("name") or ""] + list(party.get("aliases") or [])
    return any(w.lower() in words for n in names for w in re.findall(r"[A-Za-z][\w'’-]+", n) if w[0].isupper())


def strip_det(text: str) -> str:
    """"a Massachusetts federal court" -> "Massachusetts federal court"."""
    return re.sub(r"^(?:a|an|the|this|that)\s+", "", " ".join(text.split()), flags=re.I)


def sentence_date(text: str, anchor: dt.date | None) -> str | None:
    """An ISO date the order sentence states: "July 26, 2020", "last November", "in 2007", "today".

    Relative forms need ``anchor``; None when the sentence states no date.
    """
    m = re.search(r"\b([A-Z][a-z]+)\.?\s+(\d{1,2}),\s+(\d{4})\b", text)
    if m and m.group(1).lower() in _MONTHS:
        try:
            return dt.date(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2))).isoformat()
        except ValueError:
            pass
    m = re.search(r"\b(?:last|this past|in|on)\s+([A-Z][a-z]+)\b(?!\s+\d)", text)
    if m and m.group(1).lower() in _MONTHS and anchor is not None:
        month = _MONTHS[m.group(1).lower()]
        year = anchor.year if month < anchor.month else anchor.year - 1
        return f"{year:04d}-{month:02d}"
    m = re.search(r"\b([A-Z][a-z]+)\s+(\d{4})\b", text)
    if m and m.group(1).lower() in _MONTHS:
        return f"{int(m.group(2)):04d}-{_MONTHS[m.group(1).lower()]:02d}"
    m = re.search(r"\b(?:on\s+|last\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", text)
    if m and anchor is not None:
        wd = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].index(m.group(1).lower())
        back = (anchor.weekday() - wd) % 7
        return (anchor - dt.timedelta(days=back)).isoformat()
    m = re.search(r"\b(?:[Ii]n|[Ss]ince)\s+((?:19|20)\d{2})\b", text)
    if m:
        return m.group(1)
    if anchor is not None and re.search(r"\b[Tt]oday\b", text):
        return anchor.isoformat()
    return None
