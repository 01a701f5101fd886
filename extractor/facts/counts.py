"""Count facts: numbered causes of action and criminal charges.

Only count *headings* become facts — a count is stated once where it is
pleaded or docketed; prose that names a count ("dismissed as to Count Two")
refers back to it and makes no new fact. Three heading forms:

* "COUNT I", "COUNT ONE", "Count 1 – Breach of Contract", "CLAIM ONE" on a
  line of its own (pleadings, indictments, verdict forms, judgments);
* "FIRST CAUSE OF ACTION", "SECOND CLAIM FOR RELIEF" (pleadings);
* docket "Pending/Terminated Counts" entries: a line
  "18:371 and 3551 et seq.; TITLE; Description." followed by a label line
  "(1ss)" or "(3-6)" (CM/ECF criminal dockets).

The title is the rest of the heading line or the short lines under it
("(Rescission)"), without an "(Against All Defendants)" part, which goes to
``against``. ``statutes`` are the statute citations in the heading,
subsections kept ("18 U.S.C. § 1956(h)").
"""
from __future__ import annotations

import functools
import re

from ..data import load_json
from . import citations, numbers
from .context import DocContext


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict:
    """The count vocabulary of ``models/counts.json`` (loaded once)."""
    return load_json("counts.json")


# Count numbers written as words go up to twenty ("COUNT TWENTY", "TWENTIETH CAUSE OF ACTION");
# larger ones are written in figures or roman numerals in the pleadings we have seen.
MAX_WORD_NUMBER = 20


@functools.lru_cache(maxsize=1)
def number_words() -> tuple[dict[str, int], dict[str, int]]:
    """``(cardinals, ordinals)``: word -> int for 1..:data:`MAX_WORD_NUMBER`, from the shared
    number vocabulary (``models/quantities_numbers.json`` via :func:`numbers.vocab`)."""
    voc = numbers.vocab()
    cardinals = {w: v for table in ("units", "tens") for w, v in voc[table].items() if 1 <= v <= MAX_WORD_NUMBER}
    ordinals = {w: v for w, v in voc["ordinals"].items() if 1 <= v <= MAX_WORD_NUMBER}
    return cardinals, ordinals


_ROMAN_RE = re.compile(r"^C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(s: str) -> int | None:
    """"XIV" -> 14; None when ``s`` is not a roman numeral."""
    s = s.upper()
    if not s or not _ROMAN_RE.match(s):
        return None
    total = 0
    for i, ch in enumerate(s):
        v = _ROMAN[ch]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total


def number_of(token: str) -> int | None:
    """A count number from "3", "III", "THREE" or "third"; None otherwise."""
    t = token.strip().rstrip(".:").lower()
    if t.isdigit():
        return int(t)
    cardinals, ordinals = number_words()
    if t in cardinals:
        return cardinals[t]
    if t in ordinals:
        return ordinals[t]
    return roman_to_int(t)


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    voc = vocabulary()
    cardinals, ordinals = number_words()
    cards = "|".join(sorted(cardinals, key=len, reverse=True))
    ords = "|".join(sorted(ordinals, key=len, reverse=True))
    nouns = "|".join(n.replace(" ", r"\s+") for n in voc["heading_nouns"])
    words = "|".join(voc["count_words"])
    # "COUNT I", "Count 1 – Title", "CLAIM ONE:" at the start of a line (an optional margin number before it)
    count_re = re.compile(
        rf"^[ \t]*(?:\d{{1,2}}[ \t]+)?(?P<head>(?i:{words})[ \t]+(?P<num>\d{{1,3}}|[IVXLC]{{1,7}}|(?i:{cards})))\b"
        rf"(?P<rest>[^\n]*)$", re.MULTILINE)
    # "FIRST CAUSE OF ACTION", "Second Claim for Relief"
    ordinal_re = re.compile(
        rf"^[ \t]*(?:\d{{1,2}}[ \t]+)?(?P<head>(?P<num>(?i:{ords}))[ \t]+(?i:{nouns}))\b(?P<rest>[^\n]*)$",
        re.MULTILINE)
    return count_re, ordinal_re


_DOCKET_RE = re.compile(
    r"^[ \t]*(?P<stat>\d{1,2}:\d+[^\n;]*(?:;[ \t]*\d{1,2}:\d+[^\n;]*)*);[ \t]*(?P<title>[^\n]+?)\.?[ \t]*\n\s*"
    r"\((?P<label>\d{1,3})(?:-\d{1,3})?[a-z]{0,3}\)[ \t]*$", re.MULTILINE)
_AGAINST_RE = re.compile(r"\(?\b[Aa]gainst\s+(?P<who>[^()\n]+?)\)?\s*$")
_SEP_RE = re.compile(r"^\s*[-–—:.]+\s*")
_PARA_START_RE = re.compile(r"^\s*(?:\d{1,3}\.|[a-z]|\(\w\))\s")


def docket_statutes(stat: str) -> list[str]:
    """"31:5314 and 5322(b); 18:2" -> ["31 U.S.C. § 5314", "31 U.S.C. § 5322(b)", "18 U.S.C. § 2"]."""
    out = []
    for part in stat.split(";"):
        m = re.match(r"\s*(\d{1,2}):(.*)", part)
        if not m:
            continue
        title, rest = m.group(1), m.group(2)
        for sec in re.finditer(r"(\d+[a-z]?(?:\([A-Za-z0-9]+\))*)(\s+et\s+seq\.?)?", rest):
            out.append(f"{title} U.S.C. § {sec.group(1)}" + (" et seq." if sec.group(2) else ""))
    return out


def heading_statutes(block: str) -> list[str]:
    """Statute citations in a heading, subsections kept: ["5 U.S.C. § 552a(b)"]."""
    out = []
    for c in citations.find_cites(block):
        if c.report and c.kind in ("statute", "regulation"):
            pin = c.pin_cite if c.pin_cite and c.pin_cite.startswith("(") else ""
            out.append(c.normalized + pin)
    return out


def _title_block(text: str, rest_start: int, rest: str) -> tuple[str, int]:
    """The heading's title: the rest of the line, else up to 3 short lines under it.

    Returns the raw title text and the end offset of what was read.
    """
    title = _SEP_RE.sub("", rest).strip()
    end = rest_start + len(rest)
    if title:
        return title, end
    lines = []
    pos = end
    for _ in range(3):
        if pos >= len(text):
            break
        nl = text.find("\n", pos + 1)
        nl = len(text) if nl < 0 else nl
        line = text[pos:nl].strip("\n")
        if not line.strip():
            if lines:
                break
            pos = nl
            continue
        if _PARA_START_RE.match(line) or len(line) > 110 or (lines and line.rstrip().endswith(".") and len(line.split()) > 10):
            break
        if lines and not _heading_line(line):
            break  # body text under the heading
        lines.append(line.strip())
        pos = nl
    return " ".join(lines), pos


_VERDICT_RE = re.compile(r"^(?:not\s+)?(?:guilty|proved|proven|dismissed|acquitted|withdrawn)\b", re.I)


def _heading_line(line: str) -> bool:
    """A line that still belongs to a count heading: parenthesized, a statute, or capitalized without a final period."""
    t = line.strip()
    if t.startswith("(") and t.endswith(")"):
        return True
    if re.search(r"U\.\s?S\.\s?C\.|§|C\.F\.R\.", t):
        return True
    words = re.findall(r"[A-Za-z][\w'’-]*", t)
    small = {"of", "the", "and", "or", "to", "for", "in", "on", "a", "an", "by", "with", "under", "against"}
    return bool(words) and not t.endswith(".") and all(w[0].isupper() or w.lower() in small for w in words)


def _split_title(raw: str) -> tuple[str | None, list[str]]:
    """"(Violation of X) (Against All Defendants)" -> ("Violation of X", ["All Defendants"])."""
    against = []
    m = _AGAINST_RE.search(raw)
    if m:
        against = [w.strip() for w in re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("who")) if w.strip()]
        raw = raw[:m.start()]
    # a parenthesized statute is not part of the title: "(Wire Fraud) (18 U.S.C. § 1343)"
    stripped = re.sub(r"\((?:[^()]|\([^()]*\))*(?:U\.\s?S\.\s?C\.|§|C\.F\.R\.)(?:[^()]|\([^()]*\))*\)", " ", raw)
    if stripped.strip(" ()"):
        raw = stripped
    title = re.sub(r"\s+", " ", raw).strip(" -–—:;,.")
    while len(title) > 1 and title[0] in "([" and title[-1] in ")]":
        title = title[1:-1].strip(" -–—:;,.")
    if title.count("(") < title.count(")") and title.endswith(")"):
        title = title[:-1].strip()
    title = re.sub(r"^\((.*)\)$", r"\1", title) if title.count("(") == 1 else title
    if _VERDICT_RE.match(title):
        title = ""  # "COUNT ONE: GUILTY" on a verdict form: the verdict, not a title
    return (title or None), against


@functools.lru_cache(maxsize=1)
def _mention_re() -> re.Pattern:
    """ "Count 1 of the indictment", "pleaded guilty to Counts 2 and 3", "Counts (3-6)", "(Count One)"."""
    cardinals, _ = number_words()
    cards = "|".join(sorted(cardinals, key=len, reverse=True))
    num = rf"(?:\d{{1,3}}|[IVXL]{{1,6}}(?![a-z])|(?i:{cards})(?![a-z]))"
    sep = r"(?:\s*(?:,|&|and|,\s*and|through|thru|to|-|–)\s*)"
    return re.compile(rf"(?<![\w-])(?P<head>[Cc]ounts?|COUNTS?)\s+\(?(?P<nums>{num}(?:{sep}{num})*)\)?(?![\w-])")


_CHARGE_RE = re.compile(r"(?i)\b(?:which|that)\s+(?:also\s+)?charges?\s+(?:you|him|her|them|the\s+defendants?)\s+with\s+(?P<t>[^.;?]{3,200})"
                        r"|\bcharging\s+(?:(?:him|her|them|the\s+defendants?)\s+)?(?:with\s+)?(?P<t2>[a-z][^.;?,]{3,120})")
_VIOLATION_TITLE_RE = re.compile(r",\s*(?P<t>[a-z][a-z\s-]{3,100}?),?\s+in\s+violation\s+of\b")


def _numbers(nums: str) -> list[int]:
    """ "2 and 3" -> [2, 3]; "3-6" -> [3, 4, 5, 6]; "One through Three" -> [1, 2, 3] (ranges of at most 60)."""
    parts = re.split(r"\s*(,\s*and|,|&|and|through|thru|to|-|–)\s*", nums)
    out: list[int] = []
    i = 0
    while i < len(parts):
        n = number_of(parts[i].strip())
        if n is None:
            i += 1
            continue
        if i + 2 < len(parts) and parts[i + 1].strip().lower() in ("through", "thru", "to", "-", "–"):
            m = number_of(parts[i + 2].strip())
            if m is not None and n < m <= n + 60:
                out.extend(range(n, m + 1))
                i += 3
                continue
        out.append(n)
        i += 2
    return out


def _mention_title(sentence: str) -> str | None:
    """The offence a sentence charges: "which charges you with importation of a drug", ", wire fraud, in violation of"."""
    m = re.match(r"\s*(?:of\s+the\s+(?:[\w-]+\s+){0,3}?(?:indictment|information|complaint)\s*)?,?\s*(?:with|for)\s+"
                 r"(?P<t>[A-Za-z][^,;.()“\"]{3,120}?)(?=\s*(?:[,;.(“\"]|in\s+violation\b|$))", sentence, re.I)
    if m and not re.match(r"(?i)(?:the|this|that|which|whom)\b", m.group("t")):
        return " ".join(m.group("t").split())  # "charges Roe in Count One with wire fraud"
    m = _CHARGE_RE.search(sentence)
    if m:
        t = (m.group("t") or m.group("t2") or "").strip()
        t = re.split(r",?\s+in\s+violation\s+of\b|,\s+(?:how|do|does|what|and\s+how)\s", t)[0]  # "..., how do you plead?"
        if re.match(r"(?i)(?:a\s+)?violations?\s+of\b", t) and "," in t:
            t = t.rsplit(",", 1)[1]  # "a violation of 21 U.S.C. 952 and 960, importation of a drug"
        return " ".join(t.split()).strip(" ,") or None
    m = _VIOLATION_TITLE_RE.search(sentence)
    return " ".join(m.group("t").split()) if m else None


def _mentions(ctx: DocContext, seen: set[int]) -> list[dict]:
    """Count facts from numbered counts named in prose (pleas, verdicts, charges), one per number not in ``seen``."""
    text = ctx.text
    out: dict[int, dict] = {}
    for m in _mention_re().finditer(text):
        if ctx.is_reserved(m.start(), m.end(), ("citation", "docket")):
            continue
        numbers = [n for n in _numbers(m.group("nums")) if 0 < n <= 200]
        if not numbers:
            continue
        sent = ctx.sentence_at(m.start())
        after = text[m.end():max(m.end(), sent.end_char)]
        title = _mention_title(after)
        if title and re.match(r"(?i)the\s+same\s+(?:offen[cs]e|crime|charge|violation)", title):
            earlier = [f for f in out.values() if f["title"] and f["start_char"] < m.start()]
            title = earlier[-1]["title"] if earlier else None  # "Count 3, which charges you with the same offense"
        statutes = heading_statutes(after) if title or re.search(r"(?i)\bviolat", after) else []
        ctx.reserve(m.start(), m.end(), "count")
        for n in numbers:
            if n in seen:
                continue
            if n in out:
                if title and not out[n]["title"]:
                    out[n].update(title=title, statutes=statutes or out[n]["statutes"])
                continue
            out[n] = ctx.make_fact("count", m.start(), m.end(), "count-mention", 0.7, number=n, title=title,
                                   statutes=statutes, against=[])
    return list(out.values())


def extract(ctx: DocContext) -> list[dict]:
    """Return the count facts of the document (FACTS.md "count").

    Args:
        ctx: the document; docket count lines are reserved as ``"count"`` so
            their statute numbers do not become quantities.
    Returns:
        Count fact dicts with ``number`` (int), ``title``, ``statutes``, ``against``.
    """
    text = ctx.text
    facts: list[dict] = []
    seen: set[int] = set()
    for m in _DOCKET_RE.finditer(text):
        ctx.reserve(m.start(), m.end(), "count")
        label_start = m.start("label") - 1
        facts.append(ctx.make_fact(
            "count", label_start, m.end(), "docket-count", 0.85,
            number=int(m.group("label")), title=re.sub(r"\s+", " ", m.group("title")).strip(),
            statutes=docket_statutes(m.group("stat")), against=[]))
    if facts:
        return facts
    count_re, ordinal_re = _patterns()
    hits = sorted(list(count_re.finditer(text)) + list(ordinal_re.finditer(text)), key=lambda m: m.start())
    for m in hits:
        number = number_of(m.group("num"))
        rest = m.group("rest")
        if number is None or number == 0 or number > 200:
            continue
        # a heading, not prose: the rest of the line is empty, set off by a separator, or a short title
        if rest.strip() and not _SEP_RE.match(rest) and (rest.strip()[0].islower() or len(rest) > 100
                                                          or rest.strip()[0] in ",;"):
            continue
        if ctx.is_reserved(m.start("head"), m.end("head")):
            continue
        line_s = text.rfind("\n", 0, m.start())
        prev = text[text.rfind("\n", 0, max(0, line_s)) + 1:max(0, line_s)].rstrip()
        if prev and re.search(r"[a-z,]$", prev) and not rest.strip(" .:-–—"):
            continue  # "... September 13, 2019 in\nCount 3." : a sentence running on, not a heading
        raw, end = _title_block(text, m.start("rest"), rest)
        title, against = _split_title(raw)
        if number in seen:
            continue  # a table of contents or a repeated heading
        seen.add(number)
        ctx.reserve(m.start("head"), m.end("head"), "count")  # "Count 3" is no quantity
        statutes = heading_statutes(text[m.start("head"):end])
        facts.append(ctx.make_fact(
            "count", m.start("head"), max(m.end("head"), end), "count-heading", 0.85,
            number=number, title=title, statutes=statutes, against=against))
    facts += _mentions(ctx, seen)
    facts.sort(key=lambda f: f["start_char"])
    return facts
