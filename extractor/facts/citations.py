"""Citation facts: case, statute, regulation and court-rule citations.

Runs first of all fact extractors: every citation span (with the case name in
front of a case citation and its parenthetical behind) is reserved as
``"citation"`` so dates, quantities and parties do not read from it.

Sources of the rules:

* eyecite (``get_citations`` on the original text, so spans index
  ``ctx.text``) for full case, journal and law citations, short case
  citations ("Gisbrecht, 535 U.S. at 807"), ``Id.`` and ``supra``.
* regular expressions below for what eyecite misses (NOTES.md, eyecite issue
  #300): "5 U.S.C. § 552a(b)", the federal rules ("Fed. R. Civ. P. 12(b)(6)",
  "Federal Rule of Civil Procedure 5.2(a)"), "Section 10(b) of the Exchange
  Act" and SEC rules ("Rule 10b-5").

``normalized`` follows eyecite's convention: the cited section or page
without subsections or pin cite ("42 U.S.C. § 406", "Fed. R. Civ. P. 5.2");
subsections go to ``pin_cite`` ("(b)(1)(A)"). Named-Act sections keep their
subsection, which is part of how such sections are named
("Securities Act § 17(a)").
"""
from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass

from .context import DocContext

logging.getLogger("eyecite").setLevel(logging.ERROR)

_SUBSECTIONS = r"(?:\([A-Za-z0-9]{1,4}\))*"
# "5 U.S.C. § 552a(b)", "18 U. S. C. §§ 371", "42 U.S.C.A. § 406(b)(1)(A)", "15 U.S.C. 78j(b)"
_USC_RE = re.compile(
    # (OCR reads "§" as "$": "28 U.S.C. $ 1746" is a statute, not $1,746; "§ 2252A(a)(2)" keeps its letter)
    r"\b(?P<title>\d{1,2})\s+U\.\s?S\.\s?C\.(?:\s?A\.)?\s*(?:§§?|\$\$?|[Ss]ec(?:tion|\.)?)?\s*"
    r"(?P<section>\d+[A-Za-z]*(?:-\d+[A-Za-z]*)*)(?P<sub>" + _SUBSECTIONS + r")"
)
# "28 C.F.R. § 16.1", "17 CFR 240.10b-5"
_CFR_RE = re.compile(
    r"\b(?P<title>\d{1,2})\s+C\.?\s?F\.?\s?R\.?\s*(?:§§?|[Pp]art|[Ss]ec(?:tion|\.)?)?\s*"
    r"(?P<section>\d+(?:\.[0-9a-z-]+)?)(?P<sub>" + _SUBSECTIONS + r")"
)
_RULE_SETS = {
    "civ": "Fed. R. Civ. P.", "civil": "Fed. R. Civ. P.",
    "crim": "Fed. R. Crim. P.", "criminal": "Fed. R. Crim. P.",
    "evid": "Fed. R. Evid.", "evidence": "Fed. R. Evid.",
    "app": "Fed. R. App. P.", "appellate": "Fed. R. App. P.",
    "bankr": "Fed. R. Bankr. P.", "bankruptcy": "Fed. R. Bankr. P.",
}
# "Fed. R. Civ. P. 12(b)(6)", "Fed.R.Evid. 502(d)", "FRCP 56"
_FED_RULE_RE = re.compile(
    r"\bFed\.\s?R\.\s?(?P<set>Civ|Crim|Evid|App|Bankr)\.(?:\s?P\.)?\s*"
    r"(?P<section>\d+(?:\.\d+)?)(?P<sub>" + _SUBSECTIONS + r")"
)
# "Federal Rule of Civil Procedure 5.2(a)", "Federal Rules of Evidence 502"
_FED_RULE_LONG_RE = re.compile(
    r"\bFederal\s+Rules?\s+of\s+(?P<set>Civil|Criminal|Appellate|Bankruptcy)\s+Procedure\s+"
    r"(?P<section>\d+(?:\.\d+)?)(?P<sub>" + _SUBSECTIONS + r")"
    r"|\bFederal\s+Rules?\s+of\s+(?P<set2>Evidence)\s+(?P<section2>\d+(?:\.\d+)?)(?P<sub2>" + _SUBSECTIONS + r")"
)
# SEC rules under the Exchange Act: "Rule 10b-5", "Rule 14a-9(a)"
_SEC_RULE_RE = re.compile(r"\bRule\s+(?P<section>\d{1,2}[a-z]{1,2}-\d{1,2})(?P<sub>" + _SUBSECTIONS + r")")
# "Section 10(b) of the Securities Exchange Act of 1934", "Sections 5(a) and 5(c) of the Securities Act"
_ACT_NAME = r"(?:[A-Z][A-Za-z.'’-]*\s+)(?:(?:of|and|the|for|to|on|[A-Z][A-Za-z.'’-]*)\s+){0,8}?Act(?:\s+of\s+\d{4})?"
_SECTION_OF_ACT_RE = re.compile(
    r"\bSec(?:tions?|s?\.)\s+(?P<list>\d+[A-Za-z]?" + _SUBSECTIONS + r"(?:\s*(?:,|and|or|,\s*and)\s*\d+[A-Za-z]?"
    + _SUBSECTIONS + r")*)\s+of\s+(?:the\s+)?(?P<act>" + _ACT_NAME + r")"
)
_SECTION_ITEM_RE = re.compile(r"\d+[A-Za-z]?" + _SUBSECTIONS)
# Bare section references ("§ 406(b)", "Section 406(b)"): reserved, not reported.
_BARE_SECTION_RE = re.compile(r"§§?\s*\d+[\w.-]*" + _SUBSECTIONS)
# The case name before a short citation: "Gisbrecht, 535 U.S. at 807"
_SHORT_NAME_RE = re.compile(
    r"((?:(?:[A-Z][\w.'’&-]*\s+){1,4}v\.\s+)?(?:[A-Z][\w.'’&-]*\s+){0,4}[A-Z][\w.'’&-]*),\s*$")
# After a case citation: ", 1147 (9th Cir. 2009)", " (2002)"
_CASE_TAIL_RE = re.compile(r"(?:,\s*(?:at\s+)?[\d\-–, n.*]+?)?\s*\([^()]{0,60}?\d{4}\)")
# The case name before a full citation, when eyecite gave none: "Roe v. Wade, "
_CASE_NAME_RE = re.compile(
    r"((?:In\s+re|Ex\s+parte|Matter\s+of)\s+[^;:()\n]{1,80}?"
    r"|[A-Z][^;:()\n]{0,120}?\s+v\.?\s+[^;:()\n]{1,120}?),?\s*$"
)


@dataclass(frozen=True)
class Cite:
    """One citation found in the text, before it becomes a fact.

    ``start``/``end`` are the fact's character span (0-based, end exclusive);
    ``reserve_start``/``reserve_end`` the wider span other extractors must not read.
    """

    start: int
    end: int
    kind: str
    normalized: str
    method: str
    reporter: str | None = None
    volume: str | None = None
    reporter_page: str | None = None
    year: int | None = None
    pin_cite: str | None = None
    reserve_start: int | None = None
    reserve_end: int | None = None
    report: bool = True


def _squash(s: str) -> str:
    return " ".join(s.split())


def _year(value) -> int | None:
    try:
        y = int(str(value)[:4])
    except (TypeError, ValueError):
        return None
    return y if 1600 <= y <= 2100 else None


def _law_kind(reporter: str) -> str:
    r = reporter.replace(" ", "")
    if "C.F.R" in r or "Fed.Reg" in r:
        return "regulation"
    return "statute"


_STREET_AFTER = re.compile(r"(?:[ \t]*(?:St|Nd|Rd|Th))?[ \t]+(?:St|Street|Ave|Avenue|Blvd|Boulevard|Road|Rd|Dr|Drive|Ct|Way|Terrace|Ter|"
                           r"Pl|Place|Lane|Ln|Unit|Apt|Suite|Ste|Hwy|Highway|Pkwy|Parkway)\b")


@functools.lru_cache(maxsize=1)
def tokenizer():
    """eyecite's Aho-Corasick tokenizer with its candidate extractors in one fixed order.

    eyecite collects the extractors that may match into a ``set``, and when two of them match the same
    characters the first one iterated wins, so "81 T.C. at 828" read as a full or a short citation
    depending on ``PYTHONHASHSEED`` (issue 10). Here they are tried in eyecite's own list order, with the
    short-citation ones first (a pin cite after "at" is a short form). Built once per process.
    """
    from eyecite.tokenizers import AhocorasickTokenizer

    class OrderedTokenizer(AhocorasickTokenizer):
        def get_extractors(self, text: str) -> list:
            found = super().get_extractors(text)
            return [e for e in self._ordered if e in found]

    tok = OrderedTokenizer()
    tok._ordered = sorted(tok.extractors, key=lambda e: not (e.extra or {}).get("short", False))
    return tok


def eyecite_cites(text: str) -> list[Cite]:
    """Find citations with eyecite.

    Args:
        text: the document text (spans index it directly).
    Returns:
        ``Cite`` records in text order; ``Id.``/``supra`` and unknown ``§``
        hits come back with ``report=False`` (reserved only).
    """
    from eyecite import get_citations
    from eyecite.models import (FullCaseCitation, FullJournalCitation, FullLawCitation, IdCitation,
                                ShortCaseCitation, SupraCitation)

    out: list[Cite] = []
    cores: dict[int, tuple[int, int]] = {}
    try:
        found = get_citations(text, tokenizer=tokenizer())
    except Exception:  # eyecite bugs on odd input must not sink the document
        return out
    for c in found:
        located = _locate(text, c)
        if located is None:
            continue
        start, end = located
        meta = c.metadata
        pin = getattr(meta, "pin_cite", None)
        if isinstance(c, FullCaseCitation):
            if _STREET_AFTER.match(text, end):
                continue  # "665 NE 25 St", "120 S.W. 8 Street": a street address, not N.E. or S.W. reports
            fs, fe = _case_full_span(text, c)
            cores[len(out)] = c.span_with_pincite() if hasattr(c, "span_with_pincite") else (start, end)
            out.append(Cite(fs, fe, "case", _squash(c.corrected_citation()), "eyecite",
                            reporter=c.corrected_reporter(), volume=c.groups.get("volume"),
                            reporter_page=c.groups.get("page"), year=_year(meta.year), pin_cite=pin))
        elif isinstance(c, FullJournalCitation):
            out.append(Cite(start, end, "other", _squash(c.corrected_citation()), "eyecite",
                            reporter=c.corrected_reporter(), volume=c.groups.get("volume"),
                            reporter_page=c.groups.get("page"), year=_year(meta.year), pin_cite=pin))
        elif isinstance(c, FullLawCitation):
            reporter = c.corrected_reporter()
            _, fe = c.full_span()
            tail = text[end:fe]
            fe = end + len(tail) if len(tail) < 40 and ";" not in tail else end
            out.append(Cite(start, fe, _law_kind(reporter), _squash(c.corrected_citation()), "eyecite",
                            reporter=reporter, volume=c.groups.get("volume") or c.groups.get("title")
                            or c.groups.get("chapter"), reporter_page=c.groups.get("page"),
                            year=_year(meta.year), pin_cite=pin))
        elif isinstance(c, ShortCaseCitation):
            name_start = start
            m = _SHORT_NAME_RE.search(text, max(0, start - 100), start)
            if m and m.end() == start:
                name_start = m.start(1)
            out.append(Cite(name_start, end, "case", _squash(c.corrected_citation()), "eyecite-short",
                            reporter=c.corrected_reporter(), volume=c.groups.get("volume"),
                            reporter_page=None, pin_cite=pin))
        elif isinstance(c, (IdCitation, SupraCitation)):
            out.append(Cite(start, end, "case", _squash(c.matched_text()), "eyecite-short", report=False))
    return _split_parallel(text, out, cores)


def _locate(text: str, c) -> tuple[int, int] | None:
    """The span of eyecite's ``matched_text`` in ``text`` near ``c.span()``.

    eyecite's short-citation spans sometimes include the pin cite or drift by
    a few characters; re-find the matched text within 20 characters.
    """
    start, end = c.span()
    matched = c.matched_text()
    if text[start:end] == matched:
        return start, end
    lo = max(0, start - 20)
    i = text.find(matched, lo, end + 20 + len(matched))
    if i >= 0:
        return i, i + len(matched)
    pattern = r"\s+".join(re.escape(p) for p in matched.split())
    m = re.compile(pattern).search(text, lo, min(len(text), end + 20 + len(matched)))
    return (m.start(), m.end()) if m else None


def _split_parallel(text: str, cites: list[Cite], cores: dict[int, tuple[int, int]]) -> list[Cite]:
    """Parallel citations ("136 S. Ct. 616, 193 L. Ed. 2d 504 (2016)") share a case
    name and parenthetical: each fact keeps its own reporter span (the first
    also the case name), the reserved span covers the whole."""
    out = list(cites)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if not (a.report and b.report and a.end > b.start and i in cores and i + 1 in cores):
            continue
        (a_core_start, a_core_end), (b_core_start, _) = cores[i], cores[i + 1]
        out[i] = Cite(**{**a.__dict__, "end": min(a_core_end, b_core_start),
                         "reserve_end": max(a.end, b.end)})
        out[i + 1] = Cite(**{**b.__dict__, "start": b_core_start,
                             "reserve_start": min(a.start, b.start)})
    return out


def _case_full_span(text: str, c) -> tuple[int, int]:
    """The case name through the closing parenthetical, or just the cite when eyecite's span looks wrong."""
    start, end = c.span()
    fs, fe = c.full_span()
    name = text[fs:start]
    if fs < start and (len(name) > 200 or ";" in name or "\n\n" in name):
        fs = start
    if fs == start:
        m = _CASE_NAME_RE.search(text, max(0, start - 160), start)
        if m and m.end() == start and not re.search(r"[.!?]\s+[A-Z]", m.group(1)[:-3]):
            fs = m.start(1)
    # keep the pin cite and the first (court year) parenthetical, nothing after
    m = _CASE_TAIL_RE.match(text, end, min(len(text), end + 100))
    fe = m.end() if m else c.span_with_pincite()[1]
    return fs, max(fe, end)


def regex_cites(text: str) -> list[Cite]:
    """Citations eyecite misses: U.S.C. with subsections, C.F.R., federal rules, Act sections, SEC rules.

    Args:
        text: the document text.
    Returns:
        ``Cite`` records (may overlap eyecite's; :func:`merge` settles that).
    """
    out: list[Cite] = []
    for m in _USC_RE.finditer(text):
        out.append(Cite(m.start(), m.end(), "statute", f"{m['title']} U.S.C. § {m['section']}", "regex-usc",
                        reporter="U.S.C.", volume=m["title"], pin_cite=m["sub"] or None))
    for m in _CFR_RE.finditer(text):
        out.append(Cite(m.start(), m.end(), "regulation", f"{m['title']} C.F.R. § {m['section']}", "regex-cfr",
                        reporter="C.F.R.", volume=m["title"], pin_cite=m["sub"] or None))
    for m in _FED_RULE_RE.finditer(text):
        rules = _RULE_SETS[m["set"].lower()]
        out.append(Cite(m.start(), m.end(), "other", f"{rules} {m['section']}", "regex-fed-rule",
                        reporter=rules, pin_cite=m["sub"] or None))
    for m in _FED_RULE_LONG_RE.finditer(text):
        key = (m["set"] or m["set2"]).lower()
        section, sub = m["section"] or m["section2"], m["sub"] if m["set"] else m["sub2"]
        rules = _RULE_SETS[key]
        out.append(Cite(m.start(), m.end(), "other", f"{rules} {section}", "regex-fed-rule",
                        reporter=rules, pin_cite=sub or None))
    for m in _SEC_RULE_RE.finditer(text):
        out.append(Cite(m.start(), m.end(), "regulation", f"Rule {m['section']}", "regex-sec-rule",
                        pin_cite=m["sub"] or None))
    for m in _SECTION_OF_ACT_RE.finditer(text):
        act = _squash(m["act"])
        items = list(_SECTION_ITEM_RE.finditer(m["list"]))
        base = m.start("list")
        for i, item in enumerate(items):
            s = base + item.start() if i else m.start()
            e = m.end() if i == len(items) - 1 else base + item.end()
            out.append(Cite(s, e, "statute", f"{act} § {item.group()}", "regex-act-section"))
    for m in _BARE_SECTION_RE.finditer(text):
        out.append(Cite(m.start(), m.end(), "statute", _squash(m.group()), "regex-section", report=False))
    return out


def merge(cites: list[Cite]) -> list[Cite]:
    """Drop reported citations whose span overlaps an earlier-ranked one.

    eyecite wins over the regexes except for U.S.C./C.F.R. (the regex keeps
    subsections eyecite drops into an ``UnknownCitation``); unreported
    (reserve-only) records never displace a reported one.
    """
    rank = {"regex-usc": 0, "regex-cfr": 0, "eyecite": 1, "eyecite-short": 1, "regex-fed-rule": 2,
            "regex-act-section": 2, "regex-sec-rule": 3, "regex-section": 9}
    ordered = sorted(cites, key=lambda c: (not c.report, rank.get(c.method, 5), c.start))
    kept: list[Cite] = []
    for c in ordered:
        if c.report and any(k.report and k.start < c.end and c.start < k.end for k in kept):
            continue
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


_LINE_NUMBER_RE = re.compile(r"(?m)^(\d{1,2})[ \t]+(?=\S)")


def mask_line_numbers(text: str) -> str:
    """Blank pleading-paper line numbers ("\n3 F.3d 1142" -> "\n  F.3d 1142") with spaces, same length.

    Only when the text looks like pleading paper: at least 20 lines start with
    a number from 1 to 28, and those numbers mostly count up by one. Offsets
    are unchanged, so spans found in the masked text index the original.
    """
    hits = [m for m in _LINE_NUMBER_RE.finditer(text) if 1 <= int(m.group(1)) <= 28]
    if len(hits) < 20:
        return text
    steps = sum(1 for a, b in zip(hits, hits[1:]) if int(b.group(1)) == int(a.group(1)) + 1)
    if steps < 0.6 * len(hits):
        return text
    chars = list(text)
    for m in hits:
        for i in range(m.start(1), m.end(1)):
            chars[i] = " "
    return "".join(chars)


def find_cites(text: str) -> list[Cite]:
    """All citations of ``text`` (reported and reserve-only), merged, in text order.

    Pleading-paper line numbers are masked first (:func:`mask_line_numbers`).
    """
    text = mask_line_numbers(text)
    # eyecite does not read a citation broken over two lines ("586\nF.3d 1142"): same-length spaces instead
    cites = eyecite_cites(text.replace("\r", " ").replace("\n", " "))
    # eyecite's law cites of U.S.C./C.F.R. are kept via the regex, with subsections in pin_cite.
    regex = regex_cites(text)
    for i, c in enumerate(cites):
        if c.method == "eyecite" and c.kind in ("statute", "regulation") and c.reporter in ("U.S.C.", "C.F.R."):
            better = next((r for r in regex if r.method in ("regex-usc", "regex-cfr") and r.start == c.start), None)
            if better is not None:
                cites[i] = Cite(**{**better.__dict__, "pin_cite": better.pin_cite or c.pin_cite,
                                   "year": c.year, "end": max(better.end, c.end)})
    return resolve_short(merge(cites + regex))


def resolve_short(cites: list[Cite]) -> list[Cite]:
    """Give a short case citation ("535 U.S. at 807") the normalized form of
    the nearest earlier full citation of the same volume and reporter
    ("535 U.S. 789"), keeping the pin page; unresolved ones stay as written."""
    out: list[Cite] = []
    for c in cites:
        if c.method == "eyecite-short" and c.report and c.volume:
            full = next((k for k in reversed(out) if k.method == "eyecite" and k.kind == "case"
                         and k.volume == c.volume and k.reporter == c.reporter), None)
            if full is not None:
                c = Cite(**{**c.__dict__, "normalized": full.normalized, "reporter_page": full.reporter_page,
                            "year": full.year})
        out.append(c)
    return out


def extract(ctx: DocContext) -> list[dict]:
    """Return the citation facts of the document and reserve their spans.

    Args:
        ctx: the document; ``ctx.reserve(start, end, "citation")`` is called
            for every citation span (case name and parenthetical included),
            also for ``Id.``, ``supra`` and bare "§ 406(b)" references, which
            are not reported as facts.
    Returns:
        Citation fact dicts (FACTS.md "citation"; schema ``CitationFact``).
    """
    text = ctx.text
    facts = []
    for c in find_cites(text):
        ctx.reserve(c.reserve_start if c.reserve_start is not None else c.start,
                    c.reserve_end if c.reserve_end is not None else c.end, "citation")
        if not c.report or not text[c.start:c.end].strip():
            continue
        facts.append(ctx.make_fact(
            "citation", c.start, c.end, c.method, 0.9 if c.method.startswith("eyecite") else 0.8,
            kind=c.kind, normalized=c.normalized, reporter=c.reporter, volume=c.volume,
            reporter_page=c.reporter_page, year=c.year, pin_cite=c.pin_cite))
    return facts
