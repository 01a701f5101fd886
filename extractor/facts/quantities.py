"""Quantity facts (FACTS.md: ``value``, ``unit``, ``kind``, ``approximate``,
``comparator``, ``of_total``, ``vague``).

A quantity is a number with what it counts or measures:

* money: "$2.5 million", "USD 12,333 M", "twenty-five MILLION dollars",
  "Fifty Thousand and NO/100 Dollars" (unit "USD");
* percent: "5%", "25 percent", "twenty-five percent" (value as written, unit "percent");
* duration: "thirty days", "36 months", "30-day", "forty-eight (48) months";
* count: a number before the noun it counts ("11 states", "two counts",
  "47,000 of the 1.28 million names" with ``of_total``), found in the parse;
* other: measures ("1,890 tons");
* vague amounts: "thousands of people" (``vague: true``).

Words before the number set ``approximate`` ("roughly", "nearly") or the
``comparator`` ("more than" gt, "less than" lt, "at least" ge, "up to" /
"within" / "must not exceed" le). Not quantities: page, docket, rule,
section and exhibit numbers, numbers in citations and docket numbers
(``ctx.is_reserved``), years and other parts of dates, ordinals, phone
numbers, addresses, pleading-paper line numbers and bare numbers with no unit.
Vocabularies are in ``models/quantities.json``.
"""
from __future__ import annotations

import functools
import re
import weakref

from ..data import load_json
from . import dates, numbers, quantities_special
from .context import DocContext


@functools.lru_cache(maxsize=1)
def vocab() -> dict:
    """Return ``models/quantities.json`` (modifiers, units, reference words)."""
    return load_json("quantities.json")


_FIG = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]\d)|\d+(?:\.\d+)?|\.\d+)"
_SCALE = r"(?:hundred|thousand|million|billion|trillion)"
_SCALE_ABBR = r"(?:[KMB]|MM|MN|BN|bn|mm|mil|mln)"


@functools.lru_cache(maxsize=1)
def _number_re() -> re.Pattern:
    words = numbers.word_number_re().pattern
    return re.compile(
        rf"(?:(?:(?<=USD)|(?<=US\$)|(?<![\w.,/:#§-]))(?P<fig>{_FIG})(?:\s*(?P<scale>{_SCALE})\b)?"
        rf"|(?<![\w-])(?P<words>{words}))"
        rf"(?![\w]|[.,/:]\d|-\d)", re.I)


@functools.lru_cache(maxsize=1)
def _modifier_re() -> re.Pattern:
    v = vocab()
    items = []
    for key in ("approximate", "gt", "ge", "lt", "le"):
        items += [(p, key) for p in v[key] if not p.startswith("or ")]
    alt = "|".join(re.escape(p) for p, _ in sorted(items, key=lambda x: -len(x[0])))
    return re.compile(rf"(?:^|(?<=\W))(?P<mod>{alt})\s*(?:an?\s+)?(?:\$|USD\s?|US\$)?\s*$", re.I)


def _modifier_kind(phrase: str) -> str:
    v = vocab()
    p = phrase.lower()
    for key in ("le", "ge", "lt", "gt", "approximate"):
        if p in v[key]:
            return key
    return "approximate"


_MONEY_AFTER_RE = re.compile(r"^\s*(?:(?P<abbr>" + _SCALE_ABBR + r")\b\.?)?\s*(?:and\s+(?:NO|no|\d{1,2})/100\s+)?(?:U\.?S\.?\s+)?(?P<cur>dollars?|USD)\b", re.I)
_MONEY_AFTER_WORDS_RE = re.compile(r"^\s*(?:and\s+(?P<cents>NO|no|\d{1,2})/100\s+)?(?:U\.?S\.?\s+)?(?P<cur>dollars?)\b", re.I)
_PERCENT_AFTER_RE = re.compile(r"^\s*(?:%|percent\b(?!age)|per\s+cent\b)(?!\s+points?)", re.I)
_PAREN_FIG_RE = re.compile(r"^\s*\(\s*(?P<fig>\d[\d,]*(?:\.\d+)?)\s*(?P<pct>%)?\s*\)")
_HYPHEN_UNIT_RE = re.compile(r"^-(?P<unit>day|business-day|week|month|year|hour|minute|quarter)s?\b", re.I)
_VAGUE_RE = re.compile(
    r"\b(?P<vague>(?:tens\s+of\s+|hundreds\s+of\s+)?(?:hundreds|thousands|millions|billions|dozens))\s+of\s+"
    r"(?:(?:the|these|those|its|their)\s+)?(?P<unit>[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)", re.I)
_MULTI_MILLION_RE = re.compile(r"\bmulti-?(?P<scale>million|billion)[\s-]dollars?\b", re.I)
_LINE_NUMBER_RE = re.compile(r"^\s*\d{1,2}\s*$")


_SECTION_SIGN_RE = re.compile(r"(?:U\.\s?S\.\s?C\.(?:\s?A\.)?|C\.\s?F\.\s?R\.?|Stat\.|Code)\s*\$?\s*$")


def _mark(mask: bytearray, start: int, end: int) -> None:
    """Set ``mask[start:end]`` (character offsets, end exclusive) to 1."""
    start, end = max(0, start), min(len(mask), end)
    if end > start:
        mask[start:end] = b"\x01" * (end - start)


def _marked(mask: bytearray, start: int, end: int) -> bool:
    """True when a character of ``[start, end)`` is set in ``mask`` (the spans overlap)."""
    return mask.find(1, max(0, start), end) >= 0


def extract(ctx: DocContext) -> list[dict]:
    """Return the quantity facts of the document (FACTS.md), in text order."""
    text = ctx.text
    # characters covered by blocked spans, reserved spans and quantities found so far: one lookup per
    # candidate number instead of a scan of every span (issue 10)
    blocked, reserved, taken = (bytearray(len(text)) for _ in range(3))
    for s, e in _blocked_spans(ctx):
        _mark(blocked, s, e)
    for s, e, _ in ctx.reserved:
        _mark(reserved, s, e)
    facts: list[dict] = []
    for s, e, fields in quantities_special.find(text):
        if _marked(blocked, s, e):
            continue
        _mark(taken, s, e)
        facts.append(ctx.make_fact("quantity", s, e, fields.pop("method"), fields.pop("confidence"), **fields))
    for m in _number_re().finditer(text):
        start, end = m.span()
        if _marked(blocked, start, end) or _marked(taken, start, end):
            continue
        if _marked(reserved, start, end) and not _money_or_percent(text, start, end):
            continue  # a citation's volume and page, a docket number; "$6,000.00" in a parenthetical stays
        if _SECTION_SIGN_RE.search(text, max(0, start - 16), start):
            continue  # "28 U.S.C. $ 1746": OCR read the section sign as a dollar sign
        q = _read_quantity(ctx, m)
        if q is None:
            continue
        q_start, q_end, fields = q
        _mark(taken, q_start, q_end)
        facts.append(ctx.make_fact("quantity", q_start, q_end, fields.pop("method"), fields.pop("confidence"), **fields))
    for m in _VAGUE_RE.finditer(text):
        if _marked(blocked, m.start(), m.end()):
            continue
        word = m.group("vague").lower().split()
        base = vocab()["vague"].get(" ".join(word), vocab()["vague"].get(word[-1], 1000))
        found = _noun_phrase(ctx, m.start("unit"), m.end("unit"))
        if found is None:
            continue
        unit, unit_end = found
        kind = "money" if unit in ("dollars", "dollar") else "count"
        facts.append(ctx.make_fact("quantity", m.start(), unit_end, "quantity:vague", 0.6, value=float(base),
                                   unit="USD" if kind == "money" else unit, kind=kind, approximate=True,
                                   comparator="eq", of_total=None, vague=True))
    for m in _MULTI_MILLION_RE.finditer(text):
        facts.append(ctx.make_fact("quantity", m.start(), m.end(), "quantity:vague", 0.5,
                                   value=numbers.scale_of(m.group("scale")), unit="USD", kind="money",
                                   approximate=True, comparator="gt", of_total=None, vague=True))
    facts.sort(key=lambda f: f["start_char"])
    return facts


def _noun_phrase(ctx: DocContext, start: int, end: int) -> tuple[str, int] | None:
    """The unit of a "thousands of ___" amount: the words of ``[start, end)`` up to and
    including the head noun ("confidential records", "Americans"), with its end offset."""
    span = ctx.span(start, end)
    if span is None:
        return None
    out = []
    for tok in span:
        if tok.pos_ not in ("NOUN", "PROPN", "ADJ") or tok.is_punct:
            break
        out.append(tok)
        if tok.tag_ == "NNPS" or tok.pos_ == "NOUN" and (tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].pos_ != "NOUN"):
            break
    while out and out[-1].pos_ != "NOUN" and out[-1].tag_ != "NNPS":
        out.pop()
    if not out:
        return None
    return " ".join(t.lower_ for t in out), out[-1].idx + len(out[-1].text)


def _blocked_spans(ctx: DocContext) -> list[tuple[int, int]]:
    """Spans no quantity may come from: ECF headers, dates and pleading-paper line
    numbers (reserved spans are checked apart: money and percents in a citation's
    parenthetical are quantities)."""
    text = ctx.text
    spans = dates.ecf_header_spans(text)
    spans += [(h.start, h.end) for h in dates.find_candidates(ctx)]
    pos = 0
    for line in text.split("\n"):
        if _LINE_NUMBER_RE.match(line):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    if _has_line_numbers(text):
        for m in re.finditer(r"(?m)^\d{1,2}(?=\s)", text):
            spans.append((m.start(), m.end()))
    return spans


def _money_or_percent(text: str, start: int, end: int) -> bool:
    """A currency sign or code right before the number, or a percent sign or word right after it."""
    return bool(re.search(r"(?:\$|USD|US\$)\s?$", text[max(0, start - 4):start])
                or re.match(r"\s?(?:%|percent\b)", text[end:end + 9]))


def _has_line_numbers(text: str) -> bool:
    """True for pleading paper: many lines begin with 1..28 in running order."""
    nums = [int(m.group(1)) for m in re.finditer(r"(?m)^(\d{1,2})(?:\s|$)", text)]
    if len(nums) < 20:
        return False
    ascending = sum(1 for a, b in zip(nums, nums[1:]) if b == a + 1)
    return ascending >= len(nums) // 3


def _value_of(m: re.Match) -> float | None:
    if m.group("fig"):
        value = numbers.parse_figure(m.group("fig"))
        if value is None:
            return None
        return value * numbers.scale_of(m.group("scale"))
    return numbers.parse_words(m.group("words"))


@functools.lru_cache(maxsize=1)
def _reference_list_re() -> re.Pattern:
    words = "|".join(re.escape(w) for w in sorted(vocab()["not_before"], key=len, reverse=True) if w[-1].isalnum())
    item = r"[\dA-Za-z]{1,6}(?:\([\w]{1,4}\))*"
    sep = r"\s*(?:,|and|or|&|through|to|–|-)\s*"
    return re.compile(rf"(?i)\b(?:{words})s?\.?\s+{item}(?:{sep}{item})*{sep}$")


def _modifiers(text: str, start: int) -> tuple[int, bool, str]:
    """Look left of a number for "roughly", "more than", ...: ``(new_start, approximate, comparator)``."""
    left = text[max(0, start - 40):start]
    m = _modifier_re().search(left)
    if not m:
        # "a maximum penalty of", "the statutory maximum sentence of", "a mandatory minimum term of"
        bound = re.search(r"\b(?P<w>maximum|minimum)(?:\s+[a-z]+){0,2}\s+of\s+(?:\$|USD\s?)?$", left, re.I)
        if bound:
            return start, False, "le" if bound.group("w").lower() == "maximum" else "ge"
        return start, False, "eq"
    kind = _modifier_kind(m.group("mod"))
    new_start = start - (len(left) - m.start("mod"))
    if kind == "approximate":
        return new_start, True, "eq"
    return new_start, False, kind


def _read_quantity(ctx: DocContext, m: re.Match) -> tuple[int, int, dict] | None:
    """Classify one number by what surrounds it; None when it is not a quantity."""
    text = ctx.text
    v = vocab()
    start, end = m.span()
    value = _value_of(m)
    if value is None:
        return None
    is_words = bool(m.group("words"))
    raw = m.group(0)
    if is_words and raw.lower() in ("a", "an"):
        return None
    if is_words and raw[0].isupper() and _inside_name(ctx, start, end):
        return None
    before = text[max(0, start - 25):start]
    prev_word = before.split()[-1].lower() if before.split() else ""
    if prev_word in v["not_before"] and not before.rstrip().endswith("$"):
        return None
    if _reference_list_re().search(text[max(0, start - 60):start]):
        return None  # "Counts 1 and 2", "paragraphs 12, 14 and 16": more numbers of the same reference
    after = text[end:end + 60]
    # "thirty (30) days": the figure restates the words
    paren = _PAREN_FIG_RE.match(after)
    if paren and is_words:
        end += paren.end()
        after = text[end:end + 60]
    kind = unit = None
    of_total = None
    them = re.match(r"^\s+of\s+them\b", after)
    if them and not dollar_before_re(before):
        unit = _previous_count_unit(ctx, start)
        if unit is None:
            return None
        kind = "count"
        q_start, approximate, comparator = _modifiers(text, start)
        return q_start, end, {"method": "quantity:count", "confidence": 0.6, "value": float(value), "unit": unit,
                              "kind": "count", "approximate": approximate, "comparator": comparator,
                              "of_total": None, "vague": False}
    # money: "$ 65.43", "USD12,333 M", "20 Million Dollars"
    dollar_before = re.search(r"(?:\$|USD|US\$)\s?$", before)
    if dollar_before:
        q_start = start - len(dollar_before.group(0))
        abbr = re.match(rf"^\s?(?P<abbr>{_SCALE_ABBR})\b\.?", after)
        if abbr and not m.group("scale"):
            value *= numbers.scale_of(abbr.group("abbr"))
            end += abbr.end()
        kind, unit, start = "money", "USD", q_start
    else:
        money = (_MONEY_AFTER_WORDS_RE if is_words else _MONEY_AFTER_RE).match(after)
        if money:
            if not is_words and money.group("abbr") and not m.group("scale"):
                value *= numbers.scale_of(money.group("abbr"))
            if is_words and money.group("cents") and money.group("cents").isdigit():
                value += int(money.group("cents")) / 100
            kind, unit = "money", "USD"
            end += money.end()
    if kind is None:
        pct = _PERCENT_AFTER_RE.match(after)
        if pct:
            kind, unit = "percent", "percent"
            end += pct.end()
    if kind is None:
        dur = _duration_after(after)
        if dur and not is_words and re.fullmatch(r"\d{4,}", raw):
            return None  # "5285 Second Amended Complaint": an identifier, not 5285 seconds
        if dur and value != 1 and not after.startswith("-") and not after[:dur[1]].rstrip().lower().endswith("s"):
            dur = None  # a singular unit after a plural number is not a duration ("5285 Second Amended")
        if dur:
            unit, length = dur
            rest = text[end + length:end + length + 20].lower()
            if re.match(r"^\s*(?:ago|from\s+now|old\b|of\s+age)", rest) or re.match(r"^-old", rest):
                return None
            if re.search(r"\bin\s*$", before.lower()) and not re.match(r"^\s*(?:of|in\b)", rest):
                return None  # "in three weeks" is a date
            kind = "duration"
            end += length
    if kind is None:
        measure = re.match(r"^\s*(?P<u>[A-Za-z]+(?:\s+feet|\s+yards)?)\b", after)
        if measure and measure.group("u").lower() in v["measure_units"]:
            kind, unit = "other", measure.group("u").lower()
            end += measure.end()
            per = re.match(r"^\s+per\s+(year|day|month|hour|week)\b", text[end:end + 20])
            if per:
                unit = f"{unit} per {per.group(1)}"
                end += per.end()
    if kind is None:
        counted = _counted_noun(ctx, start, end)
        if counted is None:
            return None
        unit, of_total, noun_end = counted
        if not is_words and re.fullmatch(r"\d{4,}", raw):
            return None  # an ungrouped figure of four digits or more is a year or an identifier
            # ("a 2007 complaint", "1200467 Ex parte"); counts of that size are written "1,000"
        kind = "count"
        end = noun_end
    q_start, approximate, comparator = _modifiers(text, start)
    if is_words and value == 1 and re.match(r"(?i)(?:under|over|above|below)\b", text[q_start:start]):
        q_start, approximate, comparator = start, False, "eq"  # "under one such exception" is a preposition
    after_q = text[end:end + 12].lower()
    if re.match(r"^\s*or\s+(?:more|greater)\b", after_q):
        comparator = "ge"
    elif re.match(r"^\s*or\s+(?:less|fewer)\b", after_q):
        comparator = "le"
    return q_start, end, {
        "method": f"quantity:{kind}", "confidence": 0.85 if kind != "count" else 0.7,
        "value": float(value), "unit": unit, "kind": kind, "approximate": approximate,
        "comparator": comparator, "of_total": of_total, "vague": False,
    }


def _inside_name(ctx: DocContext, start: int, end: int) -> bool:
    """A capitalized number word in running text followed by capitalized words is part of a
    name ("the Top Ten Percent Law", "the Big Four"), unless the line is a headline."""
    span = ctx.span(start, end)
    if span is None:
        return False
    first = span[0]
    if first.is_sent_start or (first.i > 0 and (first.doc[first.i - 1].text in ("\n", "“", "\"", "(", ":", ";")
                                                 or first.doc[first.i - 1].text.endswith("."))):
        return False
    if _title_case_line(ctx.doc, first):
        return False
    prev = first.doc[first.i - 1] if first.i > 0 else None
    return prev is not None and prev.text[:1].isupper() and not prev.is_sent_start or \
        any(t.text[:1].isupper() for t in first.doc[span.end:span.end + 2] if t.is_alpha and t.lower_ not in ("percent", "dollars"))


def dollar_before_re(before: str):
    """A currency sign or code right before a number ("$", "USD", "US$")."""
    return re.search(r"(?:\$|USD|US\$)\s?$", before)


def _previous_count_unit(ctx: DocContext, start: int) -> str | None:
    """Unit of the last count in the same sentence before ``start`` ("received 1 280 000
    requests and denied 47 000 of them" -> "requests")."""
    sent = ctx.sentence_at(start)
    best = None
    for m in _number_re().finditer(ctx.text, sent.start_char, start):
        counted = _counted_noun(ctx, m.start(), m.end())
        if counted is not None:
            best = counted[0]
    return best


def _duration_after(after: str) -> tuple[str, int] | None:
    """"thirty days", "-day", " business days", " Months’" right after a number: ``(unit, length)``."""
    units = vocab()["time_units"]
    hy = _HYPHEN_UNIT_RE.match(after)
    if hy:
        word = hy.group("unit").lower().replace("-", " ")
        return units.get(word, word + "s"), hy.end()
    m = re.match(r"^\s+(?:actual\s+)?(?P<unit>(?:business|calendar|working)\s+days?|days?|weeks?|months?|years?"
                 r"|hours?|minutes?|seconds?|quarters?|decades?|century|centuries|yrs?|mos|wks?|hrs?|mins?)\b", after, re.I)
    if m:
        return units[" ".join(m.group("unit").lower().split())], m.end()
    return None


def _counted_noun(ctx: DocContext, start: int, end: int) -> tuple[str, float | None, int] | None:
    """The noun a number counts, from the parse: ``(unit, of_total, end_char)``, or None.

    "11 states" (the number modifies the noun), "four relief defendants"
    (compounds kept), "47,000 of the 1.28 million names" (unit from the
    whole, which becomes ``of_total``), "Four of the co-defendants".
    """
    doc = ctx.doc
    span = ctx.span(start, end)
    if span is None:
        return None
    num = span[-1]
    i = num.i + 1
    while i < len(doc) and doc[i].is_space and doc[i].text.count("\n") < 2:
        i += 1  # "27\nclaimants": a line break between the number and its noun
    # "47,000 of the 1.28 million names" / "Four of the co-defendants"
    if i < len(doc) and doc[i].lower_ == "of":
        j = i + 1
        if j < len(doc) and doc[j].lower_ in ("the", "these", "those", "its", "their", "his", "her", "our"):
            j += 1
        total = None
        k = j
        while k < len(doc) and (doc[k].like_num or doc[k].lower_ in ("million", "billion", "thousand")) and not doc[k].is_alpha or (
                k < len(doc) and doc[k].lower_ in ("million", "billion", "thousand")):
            k += 1
        if k > j:
            total_text = doc[j:k].text
            total_m = _number_re().fullmatch(total_text)
            if total_m is None:
                return None
            total = _value_of(total_m)
        noun = _noun_at(doc, k)
        if noun is None and total is not None:
            # "12 of those 40 were rejected": the things counted are the antecedent's ("the 40 applicants")
            antes = list(re.finditer(r"(?<![\d.,])" + re.escape(doc[j:k].text) + r"\s+(?P<noun>[a-z][a-z-]*s)\b",
                                     ctx.text[max(0, num.idx - 400):num.idx]))
            if antes:  # the nearest one before
                return antes[-1].group("noun"), total, num.idx + len(num.text)
        if noun is None:
            return None
        words, last = noun
        if last.tag_ not in ("NNS", "NNPS") and not last.lower_.endswith("s"):
            return None  # "Day 2 of trial": the part of a whole is counted in plural things
        if total is None and doc[num.i].lower_ == "one":
            return None  # "one of the largest plants"
        return words, total, (num.idx + len(num.text)) if total is not None else last.idx + len(last.text)
    noun = _noun_at(doc, i, head_of=num)
    if noun is None:
        return None
    words, last = noun
    return words, None, last.idx + len(last.text)


_DOC_TEXTS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _text_of(doc) -> str:
    """``doc.text``, built once per ``Doc`` (spaCy joins every token's text on each access)."""
    text = _DOC_TEXTS.get(doc)
    if text is None:
        text = _DOC_TEXTS[doc] = doc.text
    return text


def _title_case_line(doc, tok) -> bool:
    """True when ``tok`` sits in a headline: most words of its line are capitalized."""
    text = _text_of(doc)
    a = text.rfind("\n", 0, tok.idx) + 1
    b = text.find("\n", tok.idx)
    words = [w for w in text[a:b if b >= 0 else len(text)].split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


_SKIP_ADJ = {"other", "separate", "additional", "more", "different", "distinct", "individual", "new", "such", "total"}


def _noun_at(doc, i: int, head_of=None):
    """Read a plural-or-singular common noun phrase starting at token ``i`` (skipping a few
    adjectives like "other"); return ``(unit words, last token)`` or None."""
    v = vocab()
    while i < len(doc) and doc[i].lower_ in _SKIP_ADJ:
        i += 1
    if i >= len(doc):
        return None
    words = []
    j = i
    while j < len(doc) and j < i + 4:
        tok = doc[j]
        if tok.is_punct and tok.text != "-" or tok.is_space:
            break
        if tok.pos_ in ("NOUN", "PROPN") and not tok.is_upper or tok.text == "-" or (tok.pos_ == "ADJ" and j + 1 < len(doc) and doc[j + 1].pos_ == "NOUN"):
            words.append(tok)
            if tok.pos_ == "NOUN" and (j + 1 >= len(doc) or doc[j + 1].pos_ not in ("NOUN",) and doc[j + 1].text != "-"):
                break
            j += 1
            continue
        if tok.pos_ == "VERB" and tok.tag_ in ("VBN", "VBD") and tok.text[0].isupper() and head_of is not None and j == i:
            words.append(tok)  # headline "11 Charged"
            break
        break
    if not words:
        return None
    last = words[-1]
    if last.pos_ == "PROPN" or (words[0].text[0].isupper() and not _title_case_line(doc, words[0])):
        return None
    # keep words from the first noun (not leading adjectives like "federal")
    while len(words) > 1 and words[0].pos_ == "ADJ":
        words = words[1:]
    if words[0].text == "-":
        words = words[1:2]  # "five-count indictment", "three-judge panel": the unit is the word after the hyphen
    if not words:
        return None
    unit = " ".join(t.lower_ for t in words).replace(" - ", "-")
    unit = re.sub(r"-\s+", "", unit)  # a word broken at a line end ("100 stu- dents")
    if last.lower_ in v["not_count_nouns"] or unit in v["not_count_nouns"]:
        return None
    if last.ent_type_ in ("DATE", "TIME") and last.lower_ in ("years", "months", "days"):
        return None
    return unit, words[-1]
