"""Quote facts: statements attributed to someone.

Rules (each a ``method``):

* ``quote-said`` — a quotation in straight or curly double quotes with a
  speech verb next to it: "“...,” said X", "“...,” X said", "X said: “...”",
  "X said that “...”". The speaker is the person named in the attribution:
  the party it mentions (with the party's title), else a PERSON entity (title
  from the words before the name or the apposition after it: "Lisa Gilbert,
  co-president of Public Citizen"), a surname or he/she resolved to the last
  speaker or person, or the noun phrase ("a DTO leader").
* ``quote-continued`` — a quotation right after an attributed one in the same
  paragraph with nothing but its attribution between: same speaker.
* ``quote-reported`` — "X stated that ...", "X testified that ..." without
  quotation marks (``direct`` false); the speaker must be a person.
* ``quote-turn`` — transcript speaker turns ("THE COURT:", "MR. SMITH:").

Quoted terms ('the "Agreement"'), quotations of statutes or cases and
unattributed fragments make no quote facts.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from .context import DocContext

SPEECH_VERBS = ("said", "says", "added", "adds", "stated", "states", "explained", "noted", "wrote", "told",
                "testified", "remarked", "declared", "continued", "commented", "argued", "warned", "emphasized",
                "asserted", "acknowledged", "observed")
_VERB_ALT = "|".join(SPEECH_VERBS)
_QUOTE_RE = re.compile(r"“(?P<c1>[^“”]{2,3000}?)”|\"(?P<c2>[^\"\n]{2,3000}?)\"")
_AFTER_RE = re.compile(rf"\s*,?\s*(?P<verb>{_VERB_ALT}|according\s+to)\s+(?P<who>[^.\n]{{1,200}})"
                       rf"|\s*,?\s*(?P<who2>[^“”\"\n.!?()\[\]]{{1,100}}?)\s+(?P<verb2>{_VERB_ALT})\b")
_BEFORE_RE = re.compile(rf"(?P<verb>{_VERB_ALT})(?:\s+that)?\s*[:,]?\s*$")
_REPORTED_RE = re.compile(rf"\b(?P<verb>said|stated|testified|added|explained|told\s+\w+|wrote|acknowledged|"
                          rf"admitted|claimed|asserted)\s+that\s+")
_TURN_RE = re.compile(r"^[ \t]*(?P<label>THE (?:COURT|WITNESS|DEFENDANT|CLERK|INTERPRETER)|(?:MR|MS|MRS|DR)\.\s+[A-Z][A-Z'’-]+)"
                      r"[ \t]*:[ \t]*", re.M)
_PRONOUNS = {"he", "she", "they"}
_TITLE_WORDS = re.compile(r"^(?:(?:[A-Z][\w.’'-]*|acting|of|for|the|and|in)\s+)*")


def _persons(ctx: DocContext) -> list[dict]:
    return [p for p in ctx.parties if p.get("entity_type") == "PERSON"]


class _Quotes:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.text = ctx.text
        self.facts: list[dict] = []
        self.last_speaker: tuple[str | None, str | None] = (None, None)
        self.court_doc = ctx.kind not in ("news", "other")
        # in court papers a speaker must be a person party (not a case name the tagger read as a person)
        self._person_names = {p["name"] for p in _persons(ctx)} | (set() if self.court_doc else {
            e.text for e in ctx.doc.ents if e.label_ == "PERSON"})

    def _is_person(self, name: str) -> bool:
        if not name:
            return False
        return name in self._person_names or any(name.split()[-1] == n.split()[-1] for n in self._person_names if n)

    # ---- speakers ------------------------------------------------------
    def speaker_in(self, start: int, end: int) -> tuple[str | None, str | None]:
        """The speaker named in ``text[start:end]`` and the speaker's title."""
        text = self.text
        seg = text[start:end]
        hits = sorted((m["start_char"], m["end_char"], p) for p in _persons(self.ctx)
                      for m in p.get("mentions") or [] if start <= m["start_char"] and m["end_char"] <= end)
        if hits:
            ms, me, p = hits[0]
            return p["name"], p.get("title") or self._title_around(start, end, ms, me)
        span = self.ctx.doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for ent in span.ents:
                if ent.label_ == "PERSON":
                    name = self._strip_title(ent.text)
                    full = self._resolve_surname(name, ent.start_char)
                    return full, self._title_around(start, end, ent.start_char, ent.end_char)
        words = seg.strip().split()
        if words and words[0].lower() in _PRONOUNS:
            return self.last_speaker
        if words and len(words) == 1 and words[0][0].isupper():
            return self._resolve_surname(words[0].strip(",."), start), None
        if span is not None:
            chunks = list(span.noun_chunks)
            if chunks:
                return re.sub(r"^(?:a|an|the)\s+", "", chunks[0].text, flags=re.I), None
        return None, None

    def subject_speaker(self, vs: int, ve: int) -> tuple[str | None, str | None]:
        """The speaker as the subject of the speech verb at ``[vs, ve)``: "Lisa Gilbert, co-president of
        Public Citizen said" -> ("Lisa Gilbert", "co-president of Public Citizen")."""
        span = self.ctx.doc.char_span(vs, ve, alignment_mode="expand")
        if span is None:
            return None, None
        verb = span.root
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None, None
        if subj.lower_ in _PRONOUNS:
            return self.last_speaker
        appos = next((c for c in subj.children if c.dep_ == "appos"), None)
        title = None
        if appos is not None:
            # everything between the name and the verb: "co-president of Public Citizen"
            title = " ".join(self.text[subj.idx + len(subj):verb.idx].split()).strip(" ,") or None
        name_toks = [t for t in subj.subtree if t.i <= subj.i and (t.dep_ == "compound" or t is subj)
                     and t.ent_type_ == "PERSON"]
        if not name_toks:
            return None, None
        ns, ne = name_toks[0].idx, subj.idx + len(subj)
        for p in _persons(self.ctx):
            for m in p.get("mentions") or []:
                if m["start_char"] < ne and ns < m["end_char"]:
                    return p["name"], title or p.get("title")
        name = self._resolve_surname(self._strip_title(self.text[ns:ne]), ns)
        if title is None:
            before = [t for t in subj.subtree if t.i < name_toks[0].i and t.dep_ == "compound"]
            if before:
                title = self.text[before[0].idx:name_toks[0].idx].strip() or None
        return name, title

    def _strip_title(self, name: str) -> str:
        return re.sub(r"^(?:U\.S\.\s+)?(?:Attorney|Judge|Justice|Agent|Officer|Director|Secretary)\s+", "", name)

    def _resolve_surname(self, name: str, before: int) -> str:
        """"Bowman" -> "Tom Bowman" when a person with that surname was named before."""
        if len(name.split()) > 1:
            return name
        best = None
        for p in _persons(self.ctx):
            if p["name"].split()[-1] == name:
                return p["name"]
        for ent in self.ctx.doc.ents:
            if ent.label_ == "PERSON" and ent.start_char < before and ent.text.split()[-1] == name and len(ent.text.split()) > 1:
                best = ent.text
        return best or name

    def _title_around(self, start: int, end: int, ns: int, ne: int) -> str | None:
        """Title words before the name ("Acting U.S. Attorney") or the apposition after it ("co-president of X")."""
        before = self.text[start:ns].strip()
        before = re.sub(rf"^(?:,?\s*(?:{_VERB_ALT})\s+)", "", before).strip()
        if before and before[0].isupper() and len(before.split()) <= 8 and not before.endswith(","):
            return before
        after = self.text[ne:end]
        m = re.match(r"\s*,\s*([^,.;\n“”\"]{3,120}?)\s*(?:,|$|\s+(?:said|says|added|stated))", after)
        if m:
            return m.group(1).strip()
        return None

    # ---- rules ---------------------------------------------------------
    def add(self, start: int, end: int, method: str, speaker, title, content: str, direct: bool, conf=0.8):
        content = " ".join(content.split()).strip()
        if not content:
            return
        self.facts.append(self.ctx.make_fact("quote", start, end, method, conf, speaker=speaker,
                                             speaker_title=title, content=content, direct=direct))
        if speaker:
            self.last_speaker = (speaker, title)

    def direct_quotes(self) -> None:
        text = self.text
        prev_end = -1
        prev_speaker = None
        for m in _QUOTE_RE.finditer(text):
            content = m.group("c1") if m.group("c1") is not None else m.group("c2")
            if len(content.split()) < 3 or self.ctx.is_reserved(m.start(), m.end(), ("citation",)):
                continue
            sent = self.ctx.sentence_at(m.start())
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end < 0 else line_end
            speaker = title = None
            method = "quote-said"
            after = _AFTER_RE.match(text, m.end(), min(line_end, m.end() + 250))
            before = _BEFORE_RE.search(text, max(line_start, m.start() - 40), m.start())
            if after:
                if after.group("who"):
                    s = after.start("who")
                    e = self._clause_end(s, line_end)
                else:
                    s, e = after.start("who2"), after.end("who2")
                speaker, title = self.speaker_in(s, e)
            elif before:
                speaker, title = self.subject_speaker(before.start(), before.start() + len(before.group("verb")))
                if not speaker:
                    s = max(line_start, sent.start_char)
                    s = self._clause_start(s, before.start())
                    speaker, title = self.speaker_in(s, before.start())
            elif prev_speaker and 0 <= m.start() - prev_end < 300 and "\n" not in text[prev_end:m.start()] and \
                    self._only_attribution(text[prev_end:m.start()]):
                speaker, title = prev_speaker
                method = "quote-continued"
            else:
                continue
            if after and (after.group("verb") or "").startswith("according") and not self._is_person(speaker or ""):
                continue  # "according to the complaint": a document, not a speaker
            if not speaker or (self.court_doc and not self._is_person(speaker)):
                continue  # in court papers only people's words: not a court's or a statute's
            self.add(m.start(), m.end(), method, speaker, title, content.strip(" ,"), True)
            prev_end = after.end() if after else m.end()
            prev_speaker = (speaker, title)

    def _clause_end(self, s: int, line_end: int) -> int:
        m = re.compile(r"[.;](?=\s|$)|\s[“\"]").search(self.text, s, line_end)
        # "said U.S. Attorney Sayler A. Fleming for ..." — abbreviations: prefer a period followed by a capital
        e = line_end
        for m in re.finditer(r"[.;](?=\s+[A-Z“\"]|\s*$)", self.text[s:line_end]):
            word = re.search(r"(\S+)$", self.text[s:s + m.start() + 1]).group(1)
            if re.fullmatch(r"(?:[A-Z]\.)+|(?:[A-Z][a-z]?\.)|U\.S\.|Jr\.|Sr\.|St\.|Dr\.|Mr\.|Ms\.|Mrs\.", word):
                continue
            e = s + m.start()
            break
        return e

    def _clause_start(self, s: int, e: int) -> int:
        seg = self.text[s:e]
        cut = max(seg.rfind(". "), seg.rfind("; "), seg.rfind("” "))
        return s + cut + 2 if cut >= 0 else s

    @staticmethod
    def _only_attribution(between: str) -> bool:
        return len(between.split()) <= 25 and not re.search(r"[“\"]", between)

    def reported(self) -> None:
        """ "X stated that ...": indirect speech by a person (direct false)."""
        quoted = [(f["start_char"], f["end_char"]) for f in self.facts]
        for sent in self.ctx.sents:
            m = _REPORTED_RE.search(sent.text)
            if not m:
                continue
            vs = sent.start_char + m.start()
            cs = sent.start_char + m.end()
            ce = sent.end_char
            if any(s < ce and cs < e for s, e in quoted):
                continue
            verb_tok = self.ctx.doc.char_span(vs, vs + len(m.group("verb").split()[0]), alignment_mode="expand")
            if verb_tok is None:
                continue
            verb_tok = verb_tok.root
            subj = next((c for c in verb_tok.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            if subj.lower_ in _PRONOUNS:
                speaker, title = self.last_speaker
            else:
                left = subj.left_edge.idx
                speaker, title = self.speaker_in(left, subj.right_edge.idx + len(subj.right_edge))
                is_person = subj.ent_type_ == "PERSON" or any(
                    p["name"] == speaker for p in _persons(self.ctx))
                if not is_person:
                    continue
            if not speaker:
                continue
            content = self.text[cs:ce].strip().rstrip(".")
            if len(content.split()) < 3:
                continue
            self.add(subj.left_edge.idx, ce, "quote-reported", speaker, title, content, False, conf=0.65)

    def turns(self) -> None:
        """Transcript speaker turns: "THE COURT: ..." up to the next label."""
        if self.ctx.kind != "transcript":
            return
        labels = list(_TURN_RE.finditer(self.text))
        for i, m in enumerate(labels):
            end = labels[i + 1].start() if i + 1 < len(labels) else len(self.text)
            end = min(end, m.end() + 2000)
            content = self.text[m.end():end]
            if not content.strip():
                continue
            label = m.group("label")
            speaker = label.title() if label.startswith("THE") else re.sub(
                r"^(Mr|Ms|Mrs|Dr)\.\s+(\S+)", lambda g: f"{g.group(1)}. {g.group(2).title()}", label.title())
            self.add(m.start(), end, "quote-turn", speaker, None, content, True, conf=0.85)

    def run(self) -> list[dict]:
        self.turns()
        if self.ctx.kind != "transcript":
            self.direct_quotes()
            if self.ctx.kind in ("news", "other", "declaration"):
                self.reported()
        return sorted(self.facts, key=lambda f: f["start_char"])


def extract(ctx: DocContext) -> list[dict]:
    """Return the quote facts of the document (FACTS.md "quote").

    Args:
        ctx: the document, with ``ctx.parties`` (speakers are matched to person parties).
    Returns:
        Quote fact dicts: ``speaker``, ``speaker_title``, ``content`` (the
        quoted or reported words), ``direct`` (true for quotation marks).
    """
    return _Quotes(ctx).run()
