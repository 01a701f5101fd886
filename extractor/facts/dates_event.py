"""What happened on a date, and the tense of the sentence around it.

Both read the dependency parse: the date's governing verb ("signed last
April" -> "signed", "On July 13, 2016, the Court issued" -> "issued"), or the
event noun it modifies ("the July 25, 2016, hearing" -> "hearing", "a 2007
complaint" -> "complaint"). A label before a colon on the same line ("Date
Filed: 01/11/2021", "Dated: March 23, 2021") and a "FILED" stamp above a date
give the event too.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from .context import DocContext

_LABEL_RE = re.compile(r"(?:^|\s)(?:date\s+)?(?P<word>[A-Za-z]+ed)\s*:?\s*(?:this\s+(?:the\s+)?)?"
                       r"(?:(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?\s*,?\s*)?$", re.I)
_STAMP_RE = re.compile(r"(?:^|\n)\s*(?P<word>FILED|ENTERED|RECEIVED)\s*\n", re.M)
# nouns that name an event a date can modify ("the July 25 hearing"): kept as a
# suffix test plus a few common heads, not a list of corpus strings.
_EVENT_NOUN_RE = re.compile(r"(?:ing|ment|tion|sion|ance|ence|al|ure|iew|iews|aint|ict|ea)$")
_SKIP_VERBS = {"be", "have", "do", "include", "say", "says", "said", "see", "cite", "compare", "quote", "visit"}


def _verb_prepositions() -> frozenset[str]:
    from .dates_find import vocab

    return frozenset(vocab()["verb_prepositions"])


def label_event(text: str, start: int) -> str | None:
    """Event named by a label just before the date on its line ("Date Filed:", "DATED this"),
    or by a stamp word ("FILED") on a line of its own within a few lines above it."""
    line_start = text.rfind("\n", 0, start) + 1
    m = _LABEL_RE.search(text[line_start:start])
    if m:
        return m.group("word").lower()
    window = text[max(0, start - 160):start]
    stamps = list(_STAMP_RE.finditer(window))
    if stamps and window.count("\n", stamps[-1].end()) <= 5:
        return stamps[-1].group("word").lower()
    return None


def _governor(root: Token) -> Token | None:
    """Climb from the date's root through prepositions to the word it modifies."""
    tok = root
    for _ in range(5):
        head = tok.head
        if head is tok:
            return None
        if head.pos_ == "ADP" or head.dep_ in ("prep", "cc") or tok.dep_ == "conj" and head.ent_type_ == "DATE" \
                or head.lower_ in _verb_prepositions():
            tok = head
            continue
        return head
    return None


def verb_form(tok: Token) -> str | None:
    """The event word as written: the verb lowercased, with "guilty" kept after "pled"/"pleaded";
    None for a fragment of a word broken at a line end."""
    word = tok.text.lower()
    if not word.isalpha() or len(word) < 3 or (tok.i > 0 and tok.doc[tok.i - 1].text.endswith("-")):
        return None
    for child in tok.children:
        if child.dep_ in ("acomp", "oprd", "advmod") and child.i == tok.i + 1 and child.lower_ == "guilty":
            return f"{word} guilty"
    return word


def _modified_noun(ctx: DocContext, start: int, end: int) -> str | None:
    """"the July 25, 2016, hearing", "a 2007 complaint", "the March 29, 2022, FBI interviews":
    a date between a determiner and a noun modifies that noun."""
    before = ctx.text[max(0, start - 6):start].lower().split()
    if not before or before[-1] not in ("the", "a", "an", "its", "his", "her", "their", "this", "that"):
        return None
    span = ctx.span(start, end)
    if span is None:
        return None
    doc = ctx.doc
    i = span.end
    while i < len(doc) and (doc[i].is_punct and doc[i].text == "," or doc[i].is_space):
        i += 1
    for j in range(i, min(i + 3, len(doc))):
        tok = doc[j]
        if tok.pos_ == "NOUN":
            return tok.lower_
        if tok.pos_ not in ("PROPN", "ADJ", "NOUN"):
            break
    return None


def event_for(ctx: DocContext, start: int, end: int) -> str | None:
    """Return the event of the date at ``[start, end)``, or None when the sentence names none.

    Rules, in order: a label or stamp (:func:`label_event`); the verb that
    governs the date in the parse (its form as written, lowercased); an event
    noun the date modifies.
    """
    text = ctx.text
    word = label_event(text, start)
    if word:
        return word
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if not text[line_start:start].strip() and not text[end:line_end].strip(" .,"):
        # a date line of its own: a signature date under "IT IS SO ORDERED." or a "Dated:" / "Signed:"
        # label alone on the line above; otherwise (a news dateline) no verb governs it
        above = text[max(0, line_start - 120):line_start].rstrip().rsplit("\n", 2)[-2:]
        for line in reversed(above):
            if re.search(r"\bSO\s+ORDERED\b", line, re.I):
                return "ordered"
            label = re.match(r"\s*(Dated|DATED|Signed|SIGNED|Entered|ENTERED)\b\s*(?::|$|at\b)", line)
            if label:
                return label.group(1).lower()
        return None
    noun = _modified_noun(ctx, start, end)
    if noun:
        return noun
    span = ctx.span(start, end)
    if span is None or len(span) == 0:
        return None
    gov = _governor(span.root)
    noun = None
    steps = 0
    while gov is not None and steps < 6:
        if gov.lower_ in _verb_prepositions():
            gov = gov.head if gov.head is not gov else None
            steps += 1
            continue
        if gov.pos_ in ("VERB", "AUX") and gov.lemma_ not in _SKIP_VERBS:
            return verb_form(gov)
        if gov.pos_ == "AUX" or gov.lemma_ in _SKIP_VERBS:
            break
        if gov.pos_ == "NOUN" and noun is None and _EVENT_NOUN_RE.search(gov.lower_):
            noun = gov.lower_
        if gov.head is gov:
            break
        gov = gov.head
        steps += 1
    if noun:
        return noun
    return _fallback_event(ctx, span)


def _fallback_event(ctx: DocContext, span) -> str | None:
    """When the parse links the date to no verb: the root verb of a sentence the date
    opens ("In or about October 2021, BHARDWAJ learned ..."), or in a heading set in
    capitals the last past participle before the date ("DECISIONS ANNOUNCED ... ON FRIDAY, ...")."""
    sent = span.sent
    root = sent.root
    if root.pos_ == "VERB" and root.i > span.end and root.lemma_ not in _SKIP_VERBS:
        return verb_form(root)
    before = ctx.text[sent.start_char:span.start_char]
    if before.strip() and before.upper() == before:
        words = re.findall(r"\b([A-Z]{3,}ED)\s+(?:BY|ON|IN|AT|FOR|TO|OF)\b", before)
        if words:
            return words[-1].lower()
    return None


def tense_of(ctx: DocContext, start: int, end: int) -> int:
    """-1 when the clause around the date is in the past, +1 for the future, 0 when unclear.

    Reads the governing verb: past tense or a past participle with a past
    auxiliary is past; "will"/"shall" or words like "due", "scheduled",
    "upcoming" make it future.
    """
    span = ctx.span(start, end)
    if span is None or len(span) == 0:
        return 0
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.lower_ in ("due", "scheduled", "upcoming", "expected"):
            break
        if tok.head is tok:
            break
        tok = tok.head
    words = {c.lower_ for c in tok.children} | {tok.lower_}
    if words & {"will", "shall", "'ll", "due", "scheduled", "upcoming", "expected", "next"}:
        return 1
    if tok.tag_ == "VBD":
        return -1
    if tok.tag_ == "VBN":
        aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        if not aux or any(a.tag_ in ("VBD", "VBZ", "VBP") and a.lower_ in ("was", "were", "had", "has", "have") for a in aux):
            return -1
    if tok.tag_ in ("VBZ", "VBP") and any(c.lower_ in ("has", "have") for c in tok.children):
        return -1
    return 0
