"""Order facts: what a court ordered, granted, denied, enjoined, dismissed, affirmed ...

Runs after parties (``ctx.parties`` names the bound party). Rules, each a
``method`` id:

* ``order-heading`` — a caption title "ORDER GRANTING X AND DENYING Y" (court documents).
* ``order-passive`` — "The motion to dismiss (ECF No. 12) is GRANTED IN PART and
  DENIED IN PART" (one fact per verb), "Counsel is directed to send ...",
  "Defendants are enjoined from ...", and in news "X was sentenced to 30
  months", "She was ordered to pay ...": the grammatical subject is the
  object acted on, or the party bound (``directed_to``).
* ``order-active`` — a court (or "we" in an opinion) as subject: "we AFFIRM",
  "the Court GRANTS the motion", "a federal court blocked the IRS from
  sharing ...": the direct object is the object or the party bound; the
  directive is the "to"-infinitive (xcomp) or the "from"+gerund phrase.
* ``order-disposition`` — a bare disposition line of a decision list
  ("Affirmed.", "Petition Denied.").
* ``order-modal`` — in the decretal part of a court document (after "IT IS
  ORDERED", "CONCLUSION", "For the foregoing reasons"), a party that "shall" or
  "must" do something, or "may show cause".
* ``order-injunction`` — a court "entered"/"issued" an injunction against X
  (or X "agreed to" an injunction the court entered): action "enjoin".
* ``order-docket`` — docket entries "MINUTE ORDER granting 12 Motion ...",
  dated by their entry (reported: ``prior`` true).

In court documents the document's own orders get the caption's court and the
document's date; rulings told in the past tense (case history) are left out.
In news and press releases every order is reported (``prior`` true), with the
court as named and the date the sentence states.

An order verb is skipped when negated, only hypothetical (could/would/may),
argued or requested (under "argue", "request", "seek" ...), inside a
quotation or a citation. The vocabulary is data: ``models/orders.json``.
"""
from __future__ import annotations

import functools
import re

from spacy.tokens import Span, Token

from ..data import load_json
from . import order_phrases as ph
from .context import DocContext


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict:
    """The order vocabulary of ``models/orders.json`` (loaded once)."""
    return load_json("orders.json")


_DECRETAL_RE = re.compile(
    r"IT IS (?:HEREBY |FURTHER |THEREFORE |SO )*ORDERED|ORDERED,? ADJUDGED|^\s*(?:[IVX]+\.\s*)?CONCLUSION\b"
    r"|For the (?:foregoing|above|following|reasons)|Accordingly, (?:it is|the Court|IT IS)", re.M | re.I)
_HEADING_RE = re.compile(
    r"\bORDER\s+(?P<verbs>(?:(?:AND\s+)?(?:GRANTING|DENYING|DISMISSING|REMANDING|AFFIRMING|REVERSING|VACATING|"
    r"STAYING|SEALING|REQUIRING|DIRECTING|ENJOINING|STRIKING)(?:\s+IN\s+PART)?\s*)+)(?P<rest>[^a-z]{0,160})")
_HEADING_VERB_RE = re.compile(r"GRANTING|DENYING|DISMISSING|REMANDING|AFFIRMING|REVERSING|VACATING|STAYING|SEALING|"
                              r"REQUIRING|DIRECTING|ENJOINING|STRIKING")
_DISPOSITION_RE = re.compile(
    r"^\s*(?:(?:Petition|Motion|Application|Appeal|Writ|Judgment)\s+)?(?P<verbs>(?:Affirmed|Reversed|Denied|Granted|"
    r"Dismissed|Vacated|Remanded)(?:\s+in\s+part)?(?:,?\s+and\s+(?:Affirmed|Reversed|Denied|Granted|Dismissed|"
    r"Vacated|Remanded)(?:\s+in\s+part)?)*)\s*\.(?:\s*No\s+Opinion\.?)?\s*$", re.I)
# docket entries: "ORDER granting 12 Motion to Dismiss ...", "MINUTE ORDER denying ...", "Order Denying Relator's Petition ..."
_DOCKET_ORDER_RE = re.compile(
    r"\b(?:MINUTE\s+)?(?:ORDER|Order)\s+(?P<verbs>(?:(?:and\s+|AND\s+)?(?i:granting|denying|dismissing|staying|vacating|"
    r"remanding|striking|sealing|directing|enjoining)(?:\s+(?i:in\s+part))?,?\s+)+)(?P<obj>[^.;\n]{3,160})")
_DOCKET_MORE_RE = re.compile(r"\s*[;,]\s*(?:and\s+)?(?P<verb>(?i:granting|denying|dismissing|staying|vacating|remanding|striking|"
                             r"sealing|terminating))(?:\s+(?i:in\s+part|as\s+moot))?\s+(?P<obj>[^.;\n]{3,160})")
_ENTRY_DATE_RE = re.compile(r"(?m)^\s*(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")
_QUOTE_RE = re.compile(r"“[^”]{0,800}”|\"[^\"\n]{0,800}\"")
_HEADLINE_MAX = 160
# the court ruling now, whatever the tagger makes of a capitalized verb: "the Court GRANTS Flores's motion",
# "The Court DENIES as moot ...", "the Court GRANTS IN PART and DENIES IN PART ...", "the Court will GRANT ..."
_RULING_VERBS = r"GRANT|DENY|DENIE|DISMISSE?|SUSTAIN|OVERRULE|STRIKE|VACATE|REMAND|AFFIRM|REVERSE|STAY|AWARD"
_COURT_RULES_RE = re.compile(
    r"\b(?:the|this|The|This|THE)\s+(?:Court|COURT)\s+(?:(?:hereby|therefore|thus|also|further|accordingly|now|will)\s+)*"
    r"(?P<verb>(?i:" + _RULING_VERBS + r"))(?P<s>(?i:S|ES))?(?![\w])"
    r"(?P<mod>(?:\s+(?i:in\s+part|as\s+moot|without\s+prejudice|with\s+prejudice))?"
    r"(?:\s*,?\s+(?i:and)\s+(?P<verb2>(?i:" + _RULING_VERBS + r"))(?i:S|ES)?(?:\s+(?i:in\s+part|as\s+moot))?)?)"
    r"\s+(?P<obj>(?:(?:Dr|Mr|Ms|Mrs|No|Nos|Inc|Corp|Co|Jr|Sr|Dkt|Fed|R|Civ|Crim|P|Evid|[A-Z])\.|[^.;:]){3,300}?)"
    r"(?=\s*(?:[.;:]|$|,?\s+(?i:and)\s+(?:the\s+Court\s+)?(?i:" + _RULING_VERBS + r")))")
# judgment forms: "The defendant is hereby committed to the custody of ...", "The fine is waived", "The bond is
# exonerated", "The defendant is adjudged guilty on Counts 2 and 5", "Counts 1 and 3 are dismissed on the motion ..."
_JUDGMENT_RE = re.compile(
    r"(?P<subj>\b(?:The|the)\s+(?:[\w-]+\s+){0,3}?(?:defendants?|fine|bond|interest\s+requirement|special\s+assessment|"
    r"costs?|restitution|forfeiture|remaining\s+counts|underlying\s+(?:indictment|information|complaint))|"
    r"\b(?:Counts?|COUNTS?)\s+[\dIVX][\w\s,&-]{0,40}?|\bDefendant(?:\s+[A-Z][\w.'’-]+){0,3})"
    r"\s+(?:is|are)\s+(?:hereby\s+)?(?P<verb>committed|waived|exonerated|adjudged|adjudicated|dismissed)\b(?P<rest>[^.;]*)")
_JUDGMENT_ACTION = {"committed": "commit", "waived": "waive", "exonerated": "exonerate", "adjudged": "adjudge",
                    "adjudicated": "adjudge", "dismissed": "dismiss"}
# "IT IS ORDERED that: (1) non-party X shall produce ...; (2) Plaintiff shall serve ...; and (3) ...": one order an item
_ORDERED_LIST_RE = re.compile(r"IT\s+IS\s+(?:HEREBY\s+|FURTHER\s+|SO\s+)*ORDERED(?:\s+that)?\s*:?(?=\s*\((?:1|a|i)\))", re.I)
_ITEM_RE = re.compile(r"\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)\s+(?P<subj>[A-Za-z][^;()]{1,80}?)\s+(?:shall|must|is\s+to|are\s+to|will)\s+"
                      r"(?P<dir>[^;]{3,500}?)(?=\s*(?:;|\.\s|\.$|$|,?\s+and\s+\((?:\d{1,2}|[a-z])\)))")
_REQUEST_RE = re.compile(r"(?im)^[ \t]*(?:[IVX]+\.[ \t]*)?(?:PRAYER\s+FOR\s+RELIEF|REQUEST(?:S)?\s+FOR\s+RELIEF|RELIEF\s+REQUESTED|"
                         r"WHEREFORE\b)")
# a holding of liability: "the court found that Marcus Hale had violated the consent decree"
_HOLDING_RE = re.compile(r"\b(?P<court>(?:the|this|a|The|This|A)\s+(?:(?:federal|district|bankruptcy|appeals)\s+)?(?:court|Court|judge|Judge|jury|panel))\s+"
                         r"(?:also\s+)?(?P<verb>found|finds|held|holds|concluded|concludes)\s+that\s+(?P<who>(?:[A-Z][\w.'’-]*\s+){0,3}?[A-Z][\w.'’-]*|"
                         r"(?:the\s+)?(?:defendants?|plaintiffs?|debtors?|respondents?|petitioners?))\s+(?:had\s+|has\s+|was\s+|is\s+)?"
                         r"(?P<what>(?:violated|breached|infringed|willfully\s+violated|knowingly\s+violated)\b[^.;]{3,200}|"
                         r"(?:liable|in\s+contempt|in\s+breach)\b[^.;]{0,200})")
_CONDITION_RE = re.compile(r"(?i)\b(?:if|when|unless|whether|before|after|once)\b[^.;:?]*$")
# a judge accepting a plea or finding guilt in a transcript: "I accept those pleas", "I find you guilty of ..."
_PLEA_RE = re.compile(r"(?<![\w])(?:I|We)\s+(?:hereby\s+)?(?:(?P<accept>accept)\s+(?P<pobj>(?:the|those|these|your|his|her|their|"
                      r"defendant['’]s)\s+(?:guilty\s+)?pleas?)|find\s+(?P<fobj>(?:you|the\s+defendant|him|her|them)\s+guilty\b[^.;]{0,200}))")


def _docket_object(raw: str) -> str:
    """The motion a docket entry acts on, without its entry number: "12 Motion to Dismiss" -> "Motion to Dismiss"."""
    return re.sub(r"^\d+\s+", "", " ".join(raw.split()))


def own_court(ctx: DocContext) -> str:
    """The court whose document this is: the caption's court, else the first court party, else "Court"."""
    court = (ctx.case or {}).get("court")
    if court:
        return court
    for p in ctx.parties:
        if p.get("entity_type") == "COURT" and "court" in p.get("name", "").lower():
            return p["name"]
    return "Court"


def _is_court_doc(ctx: DocContext) -> bool:
    """A court's or a party's own filing (its orders are made here); news and
    uncaptioned "other" text only report orders."""
    if ctx.kind == "news":
        return False
    if ctx.kind == "other":
        case = ctx.case or {}
        return bool(case.get("court") or case.get("docket_number"))
    return ctx.kind in vocabulary()["court_doc_kinds"]


def _is_headline(sent: Span) -> bool:
    """A news headline or title line: short, title-cased, no closing period."""
    first = sent.text.split("\n", 1)[0].strip()
    if not first or len(first) > _HEADLINE_MAX or first.endswith("."):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", first)]
    small = {"a", "an", "the", "of", "to", "for", "in", "on", "and", "or", "at", "by", "with", "from"}
    caps = [w for w in words if w[0].isupper() or w.lower() in small]
    return len(words) >= 3 and len(caps) >= 0.85 * len(words)


_LEAD_RE = re.compile(r"^(?:[A-Z][A-Z .]{3,}\s*\n\s*)?(?:(?:For|In light of|Accordingly|Therefore|Thus|Consequently|"
                      r"Finally|Further|As such)\b[^,]{0,80},\s*)+")


_CONTINUES = {"FOR", "OF", "AND", "TO", "A", "AN", "THE", "IN", "ON", "WITH", "RE", "BY", "FROM"}


def _heading_rest(raw: str) -> str:
    """The title words after "ORDER GRANTING": the line, and the next ones while a line ends
    mid-phrase ("MOTION FOR" / "ATTORNEY'S FEES"); not the caption lines after it."""
    lines = raw.split("\n")
    out = lines[0]
    for line in lines[1:]:
        words = out.split()
        if words and words[-1].upper() not in _CONTINUES and not out.rstrip().endswith(","):
            break
        out = f"{out}\n{line}"
    return out


def _clean_object(obj: str) -> str:
    """Drop a heading or a leading adverbial the parser attached to the object:
    "CONCLUSION For the foregoing reasons, Tessera's motion" -> "Tessera's motion"."""
    out = _LEAD_RE.sub("", obj).strip()
    out = re.sub(r"^(?:[A-Z]{4,}\s+)+(?=[A-Z][a-z])", "", out)
    return out or obj


class _Finder:
    """Order facts of one document; see the module docstring for the rules."""

    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.voc = vocabulary()
        self.forms = self.voc["forms"]
        self.court_doc = _is_court_doc(ctx)
        self.news = ctx.kind == "news" or not self.court_doc
        # the decretal part: from the first "IT IS ORDERED" or the last "CONCLUSION"/"For the foregoing reasons"
        starts = [len(ctx.text)]
        last_other = None
        for m in _DECRETAL_RE.finditer(ctx.text):
            if m.group(0).upper().startswith(("IT IS", "ORDERED")):
                starts.append(m.start())
                break
            last_other = m.start()
        if last_other is not None:
            starts.append(last_other)
        self.decretal_start = min(starts)
        self.quotes = [(q.start(), q.end()) for q in _QUOTE_RE.finditer(ctx.text)] if self.court_doc else []
        self.facts: list[dict] = []
        self.seen: set[tuple] = set()
        self.heading_spans: list[tuple[int, int]] = []
        self.done_verbs: set[int] = set()  # offsets of verbs a words-only rule already read
        # what a party asks for is no order: a complaint orders nothing, nor does a prayer for relief
        ask = _REQUEST_RE.search(ctx.text)
        self.request_start = 0 if ctx.kind == "complaint" else (ask.start() if ask else len(ctx.text) + 1)
        self.item_spans: list[tuple[int, int]] = []  # numbered items of an "IT IS ORDERED that:" list

    # ---- helpers -------------------------------------------------------
    def action_of(self, tok: Token) -> str | None:
        return self.forms.get(tok.lower_)

    def in_quote(self, start: int) -> bool:
        return any(s < start < e for s, e in self.quotes)

    def blocked(self, tok: Token) -> bool:
        """Negated, hypothetical, argued/requested, conditional, quoted or cited."""
        voc = self.voc
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        weak = {"could", "would", "might", "may", "can", "cannot"}
        if any(c.dep_ == "aux" and c.lower_ in weak for c in tok.children):
            return True
        for anc in [tok] + list(tok.ancestors):
            if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in anc.children):
                return True
            if anc is not tok and (anc.lemma_.lower() in voc["reporting_verbs"] or anc.lower_ in voc["reporting_verbs"]):
                return True
            if anc is not tok and anc.pos_ == "NOUN" and anc.lower_ in ("request", "motion", "petition", "application"):
                return True
        if self.ctx.is_reserved(tok.idx, tok.idx + len(tok), ("citation",)):
            return True
        if self.in_quote(tok.idx):
            return True
        return any(s <= tok.idx < e for s, e in self.heading_spans)

    def court_like(self, tok: Token) -> bool:
        if tok.lower_ in ("we", "i") and self.court_doc:
            return True
        if tok.lemma_.lower() in self.voc["court_nouns"] or tok.lower_ in self.voc["court_nouns"]:
            return True
        if any(c.dep_ == "compound" and c.lower_ in self.voc["court_nouns"] for c in tok.subtree if c.i < tok.i):
            return True  # "U.S. District Judge Rosalind Marsh"
        if any(p.get("role") == "judge" and any(m["start_char"] <= tok.idx < m["end_char"] for m in p.get("mentions") or [])
               for p in self.ctx.parties):
            return True
        return any(p.get("entity_type") == "COURT" and any(m["start_char"] <= tok.idx < m["end_char"]
                                                          for m in p.get("mentions") or [])
                   for p in self.ctx.parties)

    def is_own_court(self, tok: Token) -> bool:
        if not self.court_doc:
            return False
        if tok.lower_ in ("we", "i"):
            return True
        dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "amod", "compound")]
        return tok.lower_ == "court" and dets in (["the"], ["this"], [])

    def bound_like(self, tok: Token) -> bool:
        """A phrase that can name a party bound by an order."""
        if tok.lower_ in ("it", "this", "that", "which", "there", "such"):
            return False
        if tok.lower_ in ("he", "she", "they"):
            return True
        if ph.party_for_span(self.ctx, tok.idx, tok.idx + len(tok)):
            return True
        if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return True
        return tok.lemma_.lower() in self.voc["bound_nouns"] or tok.lower_ in self.voc["bound_nouns"]

    def add(self, sent: Span, start: int, end: int, method: str, action: str, *, own: bool, court: str | None = None,
            directed_to: str | None = None, directive: str | None = None, obj: str | None = None,
            date: str | None = None, conf: float = 0.75, polarity: str | None = None) -> None:
        if own and start >= self.request_start:
            return  # "Defendants should be enjoined from ..." in a complaint or under "PRAYER FOR RELIEF"
        key = (sent.start_char, action, directed_to, obj)
        # a ruling the conclusion restates ("the Court GRANTS X" in the discussion and again at the end) is one order
        same = (action, " ".join((obj or "").lower().split())) if own and obj else None
        if key in self.seen or end <= start or same in self.seen:
            return
        self.seen.add(key)
        if same:
            self.seen.add(same)
        ctx = self.ctx
        if own:
            court = court or own_court(ctx)
            date = date or (ctx.anchor_date.isoformat() if ctx.anchor_date else None)
        if not own and date is None and self.facts and self.facts[-1]["prior"] and self.facts[-1]["date"] \
                and 0 <= sent.start_char - self.facts[-1]["sentence"]["end_char"] < 400:
            date = self.facts[-1]["date"]  # "She was also ordered to pay ..." after "Today, ... was sentenced"
        if obj:
            obj = _clean_object(obj)
        polarity = polarity or self.voc["polarity"].get(action, "neutral")
        self.facts.append(ctx.make_fact(
            "order", start, end, method, conf, action=action, court=court, directed_to=directed_to or None,
            directive=ph.clean_directive(directive) if directive else None,
            object=" ".join(obj.split()) if obj else None, date=date, polarity=polarity, prior=not own))

    # ---- rules ---------------------------------------------------------
    def headings(self) -> None:
        """ "ORDER GRANTING ... AND REQUIRING COUNSEL TO ..." in the first part of a court document."""
        if not self.court_doc:
            return
        text = self.ctx.text
        limit = min(len(text), 4000)
        for m in _HEADING_RE.finditer(text, 0, limit):
            self.heading_spans.append((m.start(), m.end()))
            sent = self.ctx.sentence_at(m.start())
            raw = _heading_rest(m.group("rest"))
            rest = " ".join(raw.split()).strip(" ,;:")
            rest = re.split(r"\s(?:AND\s+(?=GRANTING|DENYING|SEALING|REQUIRING)|Plaintiffs?\b|Defendants?\b|v\.)", rest)[0]
            rest = re.sub(r"\s+\b[A-Z]\w*$", "", rest) if len(rest) > 150 else re.sub(r"\s+[A-Z]$", "", rest)
            if not re.search(r"[A-Z]{2,}", rest):
                continue  # "ORDER GRANTING" with nothing granted: a fragment
            verbs = list(_HEADING_VERB_RE.finditer(m.group("verbs")))
            for v in verbs:
                action = self.forms.get(v.group(0).lower())
                if not action:
                    continue
                directed = None
                obj = rest or None
                if action in ("require", "direct"):
                    words = rest.split()
                    directed = words[0].title() if words else None
                    obj = None
                vs = m.start("verbs") + v.start()
                raw = re.sub(r"\s+[A-Z]$", "", raw.rstrip())
                self.add(sent, m.start(), m.start("rest") + len(raw), "order-heading", action, own=True,
                         directed_to=directed,
                         obj=obj, directive=" ".join(rest.split()[2:]) if directed else None, conf=0.7)
                if vs < 0:
                    break

    def docket_entries(self) -> None:
        """Orders a docket lists: one fact per verb of "ORDER granting/denying X", dated by its entry."""
        text = self.ctx.text
        for m in _DOCKET_ORDER_RE.finditer(text):
            if any(s <= m.start() < e for s, e in self.heading_spans):
                continue
            self.heading_spans.append((m.start(), m.end()))
            sent = self.ctx.sentence_at(m.start())
            dates = list(_ENTRY_DATE_RE.finditer(text, max(0, m.start() - 800), m.start()))
            date = None
            if dates:
                mo, d, y = (int(g) for g in dates[-1].groups())
                y = y + 2000 if y < 100 else y
                try:
                    date = f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None
                except ValueError:
                    date = None
            obj = _docket_object(m.group("obj"))
            for v in re.finditer(r"[A-Za-z]+ing", m.group("verbs")):
                action = self.forms.get(v.group(0).lower())
                if action:
                    self.add(sent, m.start(), m.end(), "order-docket", action, own=False, court=own_court(self.ctx),
                             obj=obj, date=date, conf=0.7)
            # "ORDER granting 52 Motion to Seal; granting 57 Motion for Extension of Time; and granting 61 ...": each
            pos = m.end()
            while True:
                more = _DOCKET_MORE_RE.match(text, pos)
                if not more:
                    break
                action = self.forms.get(more.group("verb").lower())
                if action:
                    self.add(sent, more.start("verb"), more.end(), "order-docket", action, own=False,
                             court=own_court(self.ctx), date=date, conf=0.7,
                             obj=_docket_object(more.group("obj")))
                pos = more.end()

    def dispositions(self, sent: Span) -> bool:
        if not self.court_doc:
            return False
        m = _DISPOSITION_RE.match(sent.text)
        if not m:
            return False
        for v in re.finditer(r"[A-Za-z]+", m.group("verbs")):
            action = self.forms.get(v.group(0).lower())
            if action:
                s = sent.start_char + m.start("verbs") + v.start()
                self.add(sent, sent.start_char, sent.end_char, "order-disposition", action, own=True,
                         obj=None, conf=0.7)
        return True

    def verb(self, sent: Span, tok: Token) -> None:
        if tok.idx in self.done_verbs:
            return  # read by :meth:`court_rules`
        action = self.action_of(tok)
        if action == "adjudge" and not re.match(r"\s+(?:\w+\s+){0,3}?(?:guilty|not\s+guilty|in\s+contempt|delinquent|incompetent)\b",
                                                self.ctx.text[tok.idx + len(tok):tok.idx + len(tok) + 60], re.I):
            return  # "ORDERED, ADJUDGED AND DECREED that ...": the decretal formula, not a finding
        if not action or tok.pos_ in ("NOUN", "PROPN", "ADJ") and not tok.text.isupper():
            return
        upper_done = tok.text.isupper() and len(tok) > 4 and tok.text.endswith(("ED", "EN"))
        if tok.text.isupper() and not upper_done and not any(c.dep_ == "nsubj" for c in tok.children):
            return  # "SUGGESTION OF REMAND": a title word, not a ruling
        if tok.dep_ not in ("ROOT", "conj", "ccomp", "parataxis", "relcl") and not upper_done:
            return
        if tok.dep_ == "relcl" and not any(c.dep_ == "nsubj" for c in tok.children):
            return
        if self.blocked(tok):
            return
        children = list(tok.children)
        subj_pass = next((c for c in children if c.dep_ == "nsubjpass"), None)
        subj = next((c for c in children if c.dep_ == "nsubj"), None)
        auxes = [c for c in children if c.dep_ in ("aux", "auxpass")]
        passive = subj_pass is not None or any(c.dep_ == "auxpass" for c in children)
        if subj_pass is None and subj is None and tok.dep_ == "conj":
            # "GRANTED in part ..., and otherwise DENIED": share the subject of the first verb
            head = tok.head
            while head.dep_ == "conj" and head is not head.head:
                head = head.head
            for anc in [tok.head, head] + list(tok.ancestors):
                if not self.action_of(anc):
                    continue
                sp = next((c for c in anc.children if c.dep_ == "nsubjpass"), None)
                if sp is not None:
                    subj_pass, passive = sp, True
                    break
                if self.action_of(anc) and any(c.dep_ == "auxpass" for c in anc.children):
                    passive = True
        if upper_done and subj is None and subj_pass is None:
            passive = True
            if tok.dep_ == "conj":
                # share the object of the nearest earlier ruling in this sentence
                prev = [f for f in self.facts if f["start_char"] >= sent.start_char and f["end_char"] <= tok.idx]
                if prev and prev[-1]["object"]:
                    obj = prev[-1]["object"]
                    self.add(sent, tok.idx, tok.idx + len(tok), "order-passive", action, own=self.court_doc,
                             obj=obj)
                    return
        modal = [c.lower_ for c in auxes if c.tag_ == "MD"]
        past = tok.tag_ == "VBD" or any(c.lower_ in ("was", "were", "had") for c in auxes) or (
            any(c.lower_ in ("has", "have") for c in auxes) and not passive)
        if tok.text.isupper() and not any(c.lower_ in ("was", "were", "had") for c in auxes):
            past = False  # "we AFFIRM", "is DENIED": the tagger reads capitals as past tense
        if passive:
            self.passive(sent, tok, action, subj_pass, auxes, modal, past)
        elif subj is not None:
            self.active(sent, tok, action, subj, modal, past)

    def _directive_of(self, tok: Token, action: str) -> tuple[str | None, int]:
        """The directive of an order verb and where it ends: its to-infinitive, its from-phrase, or its sentence."""
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp") and (c.pos_ in ("VERB", "AUX") or c.i > tok.i and c.nbor(-1).lower_ == "to"):
                s, e = ph.subtree_span(c)
                return self.ctx.text[s:e], e
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "from":
                objs = [g for g in c.children if g.dep_ in ("pcomp", "pobj")]
                phrase, e = "", c.idx + len(c)
                if objs:
                    s, e = ph.subtree_span(objs[0])
                    phrase = self.ctx.text[s:e]
                if len(re.findall(r"\w+", phrase)) <= 2 and e >= c.sent.end_char - 3:
                    # "enjoined from the" at a page break: the phrase continues in the next sentence
                    nxt = self.ctx.sentence_at(c.sent.end_char + 1)
                    if nxt.start_char >= c.sent.end_char:
                        phrase = f"{phrase} {self.ctx.text[nxt.start_char:nxt.end_char]}".strip()
                        phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase)
                if phrase:
                    return phrase, e
            if action == "sentence" and c.dep_ == "prep" and c.lower_ == "to":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    s, e = ph.subtree_span(objs[0])
                    phrase = re.split(r"\s+for\s+|,\s", self.ctx.text[s:e])[0]
                    return "serve " + phrase, s + len(phrase)
        m = re.match(r"\s+(?:to|from)\s+([^;\n]+(?:\n[^;\n]+)?)", self.ctx.text[tok.idx + len(tok):tok.sent.end_char + 1])
        if m:
            return m.group(1), tok.idx + len(tok) + m.end(1)
        return None, tok.idx + len(tok)

    def passive(self, sent, tok, action, subj, auxes, modal, past) -> None:
        voc = self.voc
        directive_action = action in voc["directive_actions"]
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        agent_court = None
        if agent is not None:
            pobj = next((g for g in agent.children if g.dep_ == "pobj"), None)
            if pobj is not None and self.court_like(pobj):
                s, e = ph.np_core(pobj)
                agent_court = ph.strip_det(self.ctx.text[s:e])
        if modal and any(c.lower_ in ("have", "'ve") for c in auxes):
            return  # "should have been denied": what ought to have happened, not an order
        if self.court_doc:
            if past and agent_court is None:
                return  # case history told in the passive: "her claims were dismissed"
            if modal and any(m not in ("shall", "must", "should", "will") for m in modal):
                return
            if action in ("require", "compel") and sent.start_char < self.decretal_start:
                return  # "VA is required to ...": a legal duty stated in the reasoning, not an order
            own = not past
        else:
            if not past and not modal:
                pass
            if modal:
                return
            if action in ("require", "compel", "seal") or (not directive_action and agent_court is None):
                return
            own = False
        start = tok.idx
        directed = obj = None
        if subj is not None:
            s, e = ph.np_core(subj)
            start = min(start, s)
            if directive_action:
                subj = self._past_dateline(sent, subj, tok)
                if not (self.bound_like(subj) or (not self.court_doc and subj.pos_ in ("NOUN", "PROPN", "PRON")
                                                   and subj.lower_ not in ("it", "this", "that", "which"))):
                    return
                directed, s, _ = ph.who(self.ctx, subj)
                start = min(tok.idx, s)
            else:
                obj = self.ctx.text[s:e]
        elif not self.court_doc:
            return
        directive, end = self._directive_of(tok, action) if directive_action else (None, tok.idx + len(tok))
        if action == "award":
            # "Petitioner is awarded $212,500 in attorneys' fees": what is awarded
            rest = self.ctx.text[tok.idx + len(tok):sent.end_char].strip().rstrip(".")
            if rest:
                directive, end = rest, sent.end_char
        if action == "seal" and re.search(r"(?i)\b(?:this|the|that)\s+(?:document|entry|filing|attachment)\s+(?:is|was|has\s+been)\s+$",
                                          self.ctx.text[max(sent.start_char, tok.idx - 60):tok.idx]):
            return  # "This document is SEALED": the clerk's notice on a docket entry, not an order
        if directive_action and not directed:
            return  # "IT IS ORDERED that ...": the that-clause makes its own fact
        if not directive_action and action == "remand" and obj and self._rest_after(tok).startswith(" to "):
            directive = f"remand {ph.strip_det(obj)}" + self._rest_after(tok)
        end = max(end, tok.idx + len(tok))
        date = None if own else ph.sentence_date(self._date_text(sent, subj), self.ctx.anchor_date)
        self.add(sent, start, min(end, sent.end_char if end <= sent.end_char else end), "order-passive", action,
                 own=own, court=agent_court, directed_to=directed, directive=directive, obj=obj, date=date)

    def _past_dateline(self, sent: Span, subj: Token, verb: Token) -> Token:
        """ "NEWARK, N.J. – A New York man was sentenced": the subject is the phrase after the dateline dash."""
        if not subj.text.isupper():
            return subj
        dash = next((t for t in sent if subj.i < t.i < verb.i and t.text in ("–", "—", "-")), None)
        if dash is None:
            return subj
        chunks = [c for c in sent.noun_chunks if c.start > dash.i and c.end <= verb.i]
        return chunks[0].root if chunks else subj

    @staticmethod
    def _date_text(sent: Span, subj: Token | None) -> str:
        """The sentence without the subject's relative clauses ("who pled guilty in December 2024")."""
        text = sent.text
        if subj is None:
            return text
        for t in subj.subtree:
            if t.dep_ in ("relcl", "acl"):
                s, e = t.left_edge.idx - sent.start_char, t.right_edge.idx + len(t.right_edge) - sent.start_char
                text = text[:s] + " " * (e - s) + text[e:]
        return text

    def _rest_after(self, tok: Token) -> str:
        parts = [c for c in tok.children if c.dep_ == "prep" and c.i > tok.i]
        if not parts:
            return ""
        s, e = ph.subtree_span(parts[0], skip_first_to=False)
        return " " + self.ctx.text[s:e].split("\n")[0].strip()

    def active(self, sent, tok, action, subj, modal, past) -> None:
        voc = self.voc
        issuing = subj.lemma_.lower() in voc["issuing_nouns"]
        if not (self.court_like(subj) or issuing):
            return
        if modal and any(m not in ("will", "shall") for m in modal):
            return
        own = self.is_own_court(subj) and not past
        if self.court_doc and past:
            return  # case history ("the district court dismissed ..."): reported, not made here
        if subj.lower_ in ("we", "i") and past:
            return
        s, e = ph.np_core(subj)
        court = None if (own or issuing) else ph.strip_det(self.ctx.text[s:e])
        start = min(s, tok.idx)
        dobj = next((c for c in tok.children if c.dep_ in ("dobj", "dative")), None)
        directed = obj = directive = None
        end = tok.idx + len(tok)
        if action in voc["directive_actions"]:
            if dobj is not None:
                if not (self.bound_like(dobj) or any(c.dep_ == "appos" and self.bound_like(c) for c in dobj.children)
                        or not self.court_doc and dobj.pos_ in ("NOUN", "PROPN")):
                    return
                directed, _, de = ph.who(self.ctx, dobj)
                end = max(end, de)
            directive, dend = self._directive_of(tok, action)
            if dobj is None:
                cc = next((c for c in tok.children if c.dep_ == "ccomp"), None)
                csubj = next((g for g in cc.children if g.dep_ in ("nsubj", "nsubjpass")), None) if cc is not None else None
                if csubj is not None and self.bound_like(csubj):
                    directed, _, _ = ph.who(self.ctx, csubj)
                    s2, e2 = ph.subtree_span(cc)
                    cs, ce = ph.np_core(csubj)
                    directive = self.ctx.text[ce:e2].strip()
                    directive = re.sub(r"^(?:shall|must|should|will|to)\s+", "", directive)
            if not directed and not directive:
                return
            end = max(end, dend) if directive else end
        else:
            if dobj is not None:
                s2, e2 = ph.np_core(dobj)
                obj = self.ctx.text[s2:e2]
                end = max(end, e2)
        date = None if own else ph.sentence_date(self._date_text(sent, subj), self.ctx.anchor_date)
        self.add(sent, start, end, "order-active", action, own=own, court=court, directed_to=directed,
                 directive=directive, obj=obj, date=date)

    def entered_injunction(self, sent: Span, tok: Token) -> None:
        """ "the district court entered a permanent injunction against X", "Toledo agreed to a permanent
        injunction, which the district court entered on July 26, 2020": an injunction is an "enjoin" order."""
        if tok.lemma_ not in ("enter", "issue", "impose") or self.blocked(tok):
            return
        noun = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if (noun is None or noun.lower_ in ("which", "that")) and tok.dep_ in ("relcl", "acl"):
            noun = tok.head
        if noun is None or not (noun.lemma_.lower() == "injunction" or
                                (noun.lower_ == "order" and any(c.lower_ == "restraining" for c in noun.children))):
            return
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        issuer = subj if subj is not None and subj.lower_ not in ("which", "that") else agent
        if issuer is None or not self.court_like(issuer):
            return
        past = tok.tag_ in ("VBD", "VBN")
        if self.court_doc and past:
            return  # case history
        own = self.court_doc and self.is_own_court(issuer)
        against = None
        for holder in (tok, noun):
            prep = next((c for c in holder.children if c.dep_ == "prep" and c.lower_ == "against"), None)
            if prep is not None:
                against = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if against is not None:
                    break
        if against is None and tok.dep_ == "relcl":
            # "Toledo agreed to a permanent injunction, which ...": the one who agreed is bound
            gov = noun.head.head if noun.head.dep_ == "prep" else noun.head
            against = next((c for c in gov.children if c.dep_ == "nsubj"), None)
        if against is None or not (self.bound_like(against) or against.pos_ == "PROPN"
                                   or against.lower_ in ("him", "her", "them")):
            return
        directed, ds, de = ph.who(self.ctx, against)
        s, e = ph.np_core(issuer)
        court = None if own else ph.strip_det(self.ctx.text[s:e])
        start = min(ds, noun.idx, s)
        end = max(de, tok.idx + len(tok), e)
        date = None if own else ph.sentence_date(self._date_text(sent, against), self.ctx.anchor_date)
        self.add(sent, start, end, "order-injunction", "enjoin", own=own, court=court, directed_to=directed,
                 obj=self.ctx.text[noun.left_edge.idx:noun.idx + len(noun)], date=date, conf=0.65)

    def modal(self, sent: Span, tok: Token) -> None:
        """ "Counsel shall re-file ...", "Defendant Leon must preserve ...", "X may show cause ..." (decretal part)."""
        if not self.court_doc or tok.pos_ not in ("VERB", "AUX") or self.action_of(tok):
            return
        auxes = [c for c in tok.children if c.dep_ == "aux" and c.tag_ == "MD"]
        if not auxes:
            return
        show_cause = tok.lower_ == "show" and any(c.lower_ == "cause" for c in tok.children)
        modal_word = auxes[0].lower_
        if not (modal_word in ("shall", "must") and sent.start_char >= self.decretal_start
                or show_cause and modal_word in ("may", "shall", "must")):
            return
        if any(c.dep_ == "auxpass" for c in tok.children) or any(c.dep_ == "neg" for c in tok.children):
            return
        if self.in_quote(tok.idx) or any(s <= tok.idx < e for s, e in self.item_spans):
            return
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None or not self.bound_like(subj) or subj.lower_ in ("they",):
            return
        if any(c.dep_ == "det" and c.lower_ in ("a", "an", "any", "every", "each", "no") for c in subj.children):
            return  # "a government wishing to use race must ...": a rule of law, not an order to a party
        directed, s, _ = ph.who(self.ctx, subj)
        if tok.lemma_ == "have":
            # "shall have 14 days ... to file an answer"
            inf = next((t for t in tok.subtree if t.dep_ in ("acl", "xcomp", "relcl") and t.pos_ == "VERB"), None)
            if inf is None:
                return
            ds, de = ph.subtree_span(inf)
        else:
            first = min([tok] + [c for c in tok.children if c.dep_ in ("advmod",) and c.i > auxes[0].i and c.i < tok.i],
                        key=lambda t: t.i)
            ds = first.idx
            de = max(t.idx + len(t) for t in tok.subtree)
            # stop at a conjoined clause with its own subject ("..., and such filings shall comply")
            for c in tok.children:
                if c.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                    prev = [t for t in tok.subtree if t.i < c.i and t.dep_ != "cc" and not t.is_punct]
                    de = max(t.idx + len(t) for t in prev)
        # lettered sub-items run to the end of what is ordered: "shall, within 30 days, (a) produce ...; (b) ..."
        text = self.ctx.text
        if re.search(r"\((?:a|1|i)\)", text[auxes[0].idx:ds + 12]) and re.search(r";\s*(?:and\s+)?\((?:b|2|ii)\)", text[ds:sent.end_char]):
            ds = auxes[0].idx + len(auxes[0])
            de = sent.end_char - (1 if text[sent.end_char - 1] == "." else 0)
        directive = ph.clean_directive(text[ds:de])
        # a fronted time limit belongs to what must be done: "Within thirty days of ..., Counsel shall re-file"
        for c in tok.children:
            if c.dep_ == "prep" and c.i < subj.i and c.lower_ in ("within", "by", "before"):
                ps, pe = ph.subtree_span(c, skip_first_to=False)
                directive = f"{directive} {self.ctx.text[ps:pe]}"
        self.add(sent, s, de, "order-modal", "order", own=True, directed_to=directed, directive=directive)

    def court_rules(self) -> None:
        """Rulings the court makes now, read from the words ("the Court GRANTS X", "I accept your pleas",
        a judgment form's "The defendant is hereby committed ..."): the tagger often reads a capitalized
        verb as part of a name and a judgment's participles as adjectives, so these do not wait for the
        parse. "GRANTS IN PART and DENIES IN PART" is one order with polarity neutral."""
        if not self.court_doc:
            return
        text = self.ctx.text
        for m in _COURT_RULES_RE.finditer(text):
            v = m.group("verb").lower()
            action = {"denie": "deny", "dismisse": "dismiss"}.get(v, v)
            if action not in self.forms.values() or self.in_quote(m.start()) or not (m.group("s") or re.search(
                    r"(?i)\bwill\s+$", text[m.start():m.start("verb")])):
                continue  # "the Court granted" tells the history; only the present tense rules now
            sent = self.ctx.sentence_at(m.start())
            mixed = m.group("verb2") is not None and m.group("verb2").lower() != m.group("verb").lower()
            self.done_verbs.update({m.start("verb")} | ({m.start("verb2")} if m.group("verb2") else set()))
            self.add(sent, m.start(), m.end("obj"), "order-court-rules", action, own=True, obj=m.group("obj"),
                     polarity="neutral" if mixed else None, conf=0.8)
        for m in _JUDGMENT_RE.finditer(text):
            action = _JUDGMENT_ACTION[m.group("verb").lower()]
            if self.in_quote(m.start()) or action == "adjudge" and not re.match(r"\s+(?:not\s+)?guilty\b", m.group("rest")):
                continue
            sent = self.ctx.sentence_at(m.start())
            subj = " ".join(m.group("subj").split())
            rest = " ".join(m.group("rest").split())
            self.done_verbs.add(m.start("verb"))
            if action in ("commit", "adjudge"):
                self.add(sent, m.start(), m.end(), "order-judgment", action, own=True, directed_to=ph.strip_det(subj),
                         directive=rest or None, polarity="neutral", conf=0.75)
            else:
                self.add(sent, m.start(), m.end(), "order-judgment", action, own=True, obj=subj, conf=0.75,
                         polarity="neutral" if action != "dismiss" else None)
        for m in _ORDERED_LIST_RE.finditer(text):
            block_end = min(len(text), m.end() + 3000)
            para = re.search(r"\n[ \t]*\n", text[m.end():block_end])
            block_end = m.end() + para.start() if para else block_end
            for it in _ITEM_RE.finditer(text, m.end(), block_end):
                sent = self.ctx.sentence_at(it.start())
                who = re.sub(r"(?i)^(?:non-?party|the)\s+", "", " ".join(it.group("subj").split()))
                self.item_spans.append((it.start(), it.end()))
                self.add(sent, it.start("subj"), it.end("dir"), "order-item", "order", own=True, directed_to=who,
                         directive=" ".join(it.group("dir").split()), conf=0.75)
        last_plea: dict[str, int] = {}
        for m in _PLEA_RE.finditer(text):
            sent = self.ctx.sentence_at(m.start())
            kind = "accept" if m.group("accept") else "find"
            if _CONDITION_RE.search(text[sent.start_char:m.start()]) or m.start() - last_plea.get(kind, -10_000) < 1500:
                continue  # "if I accept your plea": what would follow; "I accept your pleas" said again
            last_plea[kind] = m.start()
            if m.group("accept"):
                self.add(sent, m.start(), m.end(), "order-plea", "accept", own=True, obj=m.group("pobj"),
                         polarity="neutral", conf=0.7)
            else:
                self.add(sent, m.start(), m.end(), "order-plea", "adjudge", own=True,
                         directive=m.group("fobj"), polarity="neutral", conf=0.7)

    def holdings(self) -> None:
        """Holdings of liability, in filings and in news: "the court found that Marcus Hale had violated the
        consent decree" (action ``find``, ``directed_to`` the one found liable). The court's own present
        "finds"/"holds" in a court document is an order of this document; a past "found" is reported."""
        text = self.ctx.text
        for m in _HOLDING_RE.finditer(text):
            if self.in_quote(m.start()):
                continue
            sent = self.ctx.sentence_at(m.start())
            present = m.group("verb") in ("finds", "holds", "concludes")
            own = self.court_doc and present and m.group("court").split()[0].lower() in ("the", "this")
            self.add(sent, m.start(), m.end(), "order-holding", "find", own=own, directed_to=m.group("who"),
                     directive=" ".join(m.group("what").split()), polarity="neutral", conf=0.65)

    def run(self) -> list[dict]:
        self.court_rules()
        self.holdings()
        if self.ctx.kind == "docket":
            self.docket_entries()
        else:
            self.headings()
        for sent in self.ctx.sents:
            if self.news and _is_headline(sent):
                continue
            if self.dispositions(sent):
                continue
            for tok in sent:
                if self.action_of(tok):
                    self.verb(sent, tok)
                elif tok.pos_ in ("VERB", "AUX"):
                    self.entered_injunction(sent, tok)
                    self.modal(sent, tok)
        return self.facts


def extract(ctx: DocContext) -> list[dict]:
    """Return the order facts of the document (FACTS.md "order").

    Args:
        ctx: the document, with ``ctx.parties`` filled (party names for
            ``directed_to``) and ``ctx.case`` (the court of the document's own orders).
    Returns:
        Order fact dicts: ``action`` (verb lemma), ``court``, ``directed_to``,
        ``directive``, ``object``, ``date`` (ISO), ``polarity``, ``prior``.
    """
    return _Finder(ctx).run()
