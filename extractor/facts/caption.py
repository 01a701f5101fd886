"""The case caption, court, docket number and judge of a court document.

:func:`find_case` fills ``document.case``; :func:`caption_parties` gives the
parties named in the caption block (with the role of their side) to
``parties.py``. Both read only the text, so calling them twice is cheap and
gives the same answer.

Caption layouts handled (from federal and state court filings): "A, Plaintiff,
v. B, Defendant." over several lines, with pleading-paper line numbers, ")" or
":" column rules and the document title in a right-hand column; "Plaintiff-
Appellant" / "Defendants—Appellees"; "In re X"; "Ex parte X"; "X, Petitioners v.
Y, Respondent"; docket pages ("Case title: USA v. MANAFORT et al") and one-line
case lists ("1200483 A v. B (Appeal from ...)").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .caption_court import find_courts, find_tribunals
from .caption_docket import _courts_db_name, _docket_of, find_dockets, find_judge, report_number
from .context import DocContext
from .party_table import read_party_table

HEAD = 6000  # characters of the first page(s) searched for the caption block

ROLE_WORDS = {
    "plaintiff": "plaintiff", "plaintiffs": "plaintiff", "petitioner": "petitioner", "petitioners": "petitioner",
    "appellant": "appellant", "appellants": "appellant", "appellee": "appellee", "appellees": "appellee",
    "defendant": "defendant", "defendants": "defendant", "respondent": "respondent", "respondents": "respondent",
    "intervenor": "intervenor", "intervenors": "intervenor", "relator": "petitioner", "movant": "petitioner",
    "counter-defendant": "defendant", "counter-plaintiff": "plaintiff", "cross-appellant": "appellant",
    "cross-appellee": "appellee", "claimant": "plaintiff", "debtor": "debtor", "debtors": "debtor",
}
_ROLE = r"(?:Counter-|Cross-|Relief\s+|Nominal\s+)?(?:Plaintiffs?|Petitioners?|Appellants?|Appellees?|Defendants?|Respondents?|Intervenors?|Relators?|Movants?|Claimants?|Debtors?)"
ROLE_LABEL = re.compile(rf"(?<![\w'’]){_ROLE}(?:\s*(?:[-—–/,]|and)\s*{_ROLE})*\s*[.,;:]?", re.I)
VERSUS = re.compile(r"(?<![\w.])(?:v\.|vs\.?|versus|V\.|VS\.?)(?![\w])", re.I)
# words that start a document title printed in the caption's right-hand column
TITLE_WORDS = re.compile(
    r"\b(?:ORDER|ORDERS|MOTION|COMPLAINT|MEMORANDUM|OPINION|JUDGMENT|STIPULATION|NOTICE|REPORT|"
    r"APPLICATION|INJUNCTION|GRANTING|DENYING|DECLARATION|BRIEF|PETITION|SUGGESTION|TRANSCRIPT|"
    r"DEMANDED|REQUIRING|SEALING|REDACTED|JURY|SPECIAL\s+VERDICT|VERDICT|WARRANT|RELIEF|BREACH|DAMAGES|SUMMARY|FINDINGS|"
    r"PROCEEDINGS|ANSWER|REPLY|OPPOSITION|AFFIDAVIT|SENTENCING|INDICTMENT|INFORMATION|PRELIMINARY|TEMPORARY|FEES|"
    r"RESTRAINING|REMAND|TRANSFER|DISMISS|CERTIFICATE|STATEMENT)\b")
STOP_LINE = re.compile(
    r"^\s*(?:_{3,}|-{3,}|\*{3,}|Case\s+\d|Appellate\s+Case|Document\s+\d|FILED\b|UNITED\s+STATES\s+(?:DISTRICT|COURT)|"
    r"IN\s+THE\b|(?:NORTHERN|SOUTHERN|EASTERN|WESTERN|CENTRAL|MIDDLE)\s+DISTRICT|FOR\.?\s+THE\b|\w+\s+DIVISION\s*$|"
    r"DISTRICT\s+OF\b|SUPREME\s+COURT|COURT\s+OF\s+APPEALS|APPEAL\s+FROM|ON\s+(?:APPEAL|PETITION|WRIT)|"
    r"CERTIORARI|Before\b|BEFORE\b|Argued\b|Submitted\b|Decided\b|Filed\b|\[|.*\bCOURT\b|Clerk\b|"
    r"Case\s+(?:Number|No\.?)\s*:|USM\s+Number|"
    # "SECOND APPELLATE DISTRICT", "DIVISION THREE", "FIFTH JUDICIAL DISTRICT": the court's own lines
    r"(?:(?:FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH|SEVENTH|EIGHTH|NINTH|TENTH|ELEVENTH|TWELFTH|\d+(?:ST|ND|RD|TH))\s+)"
    r"(?:APPELLATE\s+|JUDICIAL\s+)?(?:DISTRICT|DIVISION|DEPARTMENT|CIRCUIT)\s*$|DIVISION\s+(?:ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|\d+)\s*$)", re.I)
DESCRIPTOR = re.compile(
    r",?\s*\b(?:(?:individually\s+and\s+)?in\s+(?:his|her|their|its)\s+(?:official\s+)?capacit(?:y|ies)(?:\s+as\s+(?P<title>[^;]*?))?"
    r"|(?:individually|personally)(?:\s+and\s+on\s+behalf\s+of[^;,]*|\s+and\s+(?:d/b/a|as)\s+[^;,]*)?"
    r"|(?:an?|the)\s+(?:[A-Z][a-z]+\s+)?(?:corporation|limited\s+liability\s+company|partnership|municipal\s+corporation|"
    r"minor|individual|non-?profit\s+corporation|company|political\s+subdivision)\b[^;]*?"
    r"|as\s+(?:trustee|administrat\w+|executor|executrix|personal\s+representative|guardian|next\s+friend|successor)\b[^;]*"
    r"|et\s+al\.?|ET\s+AL\.?|inclusive)(?=\s*(?:[;,.]|$|and\b))", re.I)
LINE_NO = re.compile(r"[ \t]*(?:[a-zA-Z](?:[ \t][a-zA-Z])*[ \t]+)?\d{1,2}(?=\s|$)")


@dataclass(frozen=True)
class CaptionParty:
    """A party named in the caption block.

    Attributes:
        name: the name as printed (whitespace collapsed).
        start_char, end_char: the span of the name in the document text (end exclusive).
        role: from the caption side ("plaintiff", "defendant", "appellant", ...).
        title: official title from "in his official capacity as ...", or None.
    """

    name: str
    start_char: int
    end_char: int
    role: str
    title: str | None = None
    cover_end: int | None = None


class _Kept:
    """Characters kept from a region of the text, with their original offsets."""

    def __init__(self):
        self.chars: list[str] = []
        self.offs: list[int] = []

    def add(self, text: str, start: int, end: int) -> None:
        self.src = text
        for i in range(start, end):
            self.chars.append(text[i])
            self.offs.append(i)

    def text_between(self, a: int, b: int) -> str:
        """The original text between two kept characters, minus pleading line numbers."""
        return re.sub(r"(?m)^\s*\d{1,2}(?=\s|$)", "", self.src[a:b])

    def sep(self, pos: int) -> None:
        self.chars.append(" ")
        self.offs.append(pos)

    @property
    def s(self) -> str:
        return "".join(self.chars)

    def orig(self, a: int, b: int) -> tuple[int, int]:
        return self.offs[a], self.offs[b - 1] + 1


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    while pos < end:
        nl = text.find("\n", pos, end)
        nl = end if nl < 0 else nl
        out.append((pos, nl))
        pos = nl + 1
    return out


def _content(text: str, s: int, e: int) -> tuple[int, int]:
    """Trim a line to its caption content: no line number, no right-hand column."""
    m = LINE_NO.match(text, s, e)
    if m and m.end() < e and not re.match(r"\s*[.,:]", text[m.end():e]):
        s = m.end()
    elif m and m.end() >= e:
        return s, s
    line = text[s:e]
    if re.match(r"\s*(?:[):]|\(\d+\)|[’'])", line):
        return s, s
    cut = len(line)
    lab = re.search(r"(?i)\b(?:Defendants?|Respondents?|Appellees?|Appellants?|Plaintiffs?|Petitioners?)\s*\.", line)
    if lab:
        cut = lab.end()
    lead = re.match(r"\s*" + _ROLE + r"(?:\s*[,\-–—]\s*" + _ROLE + r")*\s*[.,;:]", line, re.I)  # "Plaintiff, Appellant,"
    if lead and line[lead.end():].strip():
        cut = min(cut, lead.end())  # "Plaintiff, (PHASE II)": a label, then the right-hand column
    for pat in (r"\s[):]\s*|\s[):]$|[):]\s*$", r"(?:^|\s+)(?:Case|Civ(?:il)?\.?\s*(?:Action)?|Crim\.|Criminal)\s*(?:No|Number)",
                r"(?:^|\s+)(?:NO|No)\.\s*[A-Z]*[-\s]?\d", r"\s+Docket\s+Nos?\.",
                r"(?:^|\s+)(?:(?:State|File|Claim|Index|Cause|Serial)\s+){1,2}Nos?\.", r"(?:^|\s+)\(?(?:ECF|Dkt\.|Doc\.)\s*(?:No\.)?\s*\d"):
        m2 = re.search(pat, line)
        if m2:
            cut = min(cut, m2.start())
    m3 = TITLE_WORDS.search(line)
    if m3:
        cut = min(cut, m3.start())
    frag = line[:cut].strip()
    if re.search(r"[’'](?:S|s)?$", frag) or re.fullmatch(r"[\W\d]*", frag) or re.search(r"\b\d+-\d+\b", frag):
        return s, s
    return s, s + cut


_MARKER = re.compile(r"\s[):](?:\s|$)|^\s*(?:\d{1,2}\s+)?[):]\s*$")


def _block(text: str, lines: list[tuple[int, int]]) -> _Kept:
    k = _Kept()
    # captions ruled with ")" or ":" columns: lines without the rule belong to the right-hand column
    if sum(1 for s, e in lines if _MARKER.search(text[s:e])) >= 3:
        lines = [(s, e) for s, e in lines if _MARKER.search(text[s:e]) or not text[s:e].strip()]
    for s, e in lines:
        cs, ce = _content(text, s, e)
        while cs < ce and text[cs].isspace():
            cs += 1
        while ce > cs and text[ce - 1].isspace():
            ce -= 1
        if ce > cs:
            if k.chars:
                k.sep(cs)
            k.add(text, cs, ce)
    return k


def _side_role(label: str | None, default: str) -> str:
    if not label:
        return default
    words = []
    for w in re.findall(r"[A-Za-z-]+", label.lower()):
        # "cross-appellant" is one role word; "plaintiff-appellant" is two
        words.extend([w] if w in ROLE_WORDS else w.split("-"))
    roles = [ROLE_WORDS[w] for w in words if w in ROLE_WORDS]
    return roles[-1] if roles else default


NAME_OK = re.compile(r"[A-Za-z]")
_PERSONISH = re.compile(r"^[A-Z][A-Za-z'’.-]*(?:\s+[A-Z][A-Za-z'’.-]*){1,4}(?:,?\s+(?:Jr|Sr|II|III|IV|JR|SR)\.?)?$")


_SUFFIX = re.compile(r"(?i)^(?:inc|llc|l\.l\.c|corp|co|ltd|llp|l\.p|lp|p\.c|pc|pllc|p\.a|n\.a|jr|sr|ii|iii|iv|ph\.d|m\.d|esq)\.?$")
_SUFFIX_START = re.compile(r"(?i)^(?:inc|llc|l\.l\.c|corp|co|ltd|llp|l\.p|lp|p\.c|pc|pllc|p\.a|n\.a)\.?\s+(?:d/b/a|dba|f/k/a|fka|a/k/a)\b")
_CORP_END = re.compile(r"(?i)(?:\b(?:inc|llc|l\.l\.c|corp|corporation|company|co|ltd|llp|lp|p\.c|pllc|p\.a|n\.a|bank|association|trust)\.?)$")


_SKIP_PART = re.compile(r"(?i)^(?:individually|personally|through\s|by\s+and\s+through|on\s+behalf|a\s+minor|and\s+on\s+behalf|"
                        r"(?:her|his|their)\s+(?:mother|father|parent|guardian)|next\s+friend$)")
_TITLE_PART = re.compile(r"(?i)^(?:governor|secretary|director|branch\s+head|head|commissioner|chair(?:man|person)?|sheriff|"
                         r"attorney\s+general|mayor|warden|administrator|chief|superintendent|treasurer|member)\b")
_ALIAS_PART = re.compile(r"(?i)^(?:d/b/a|dba|f/k/a|fka|a/k/a|aka)\b")


def _split_names(k: _Kept, a: int, b: int) -> list[tuple[int, int, str | None]]:
    """Split ``k.s[a:b]`` into party names; return ``(start, end, title)`` in kept offsets.

    Descriptors ("in his official capacity as T" → title T for the names before it,
    "individually", "a Delaware corporation", "as Trustee for ...") are dropped;
    "d/b/a X" and "f/k/a X" stay with the name before them; commas and "and" split
    only when every piece is a complete name (a person's name or one ending in a
    corporate suffix), so "Department of Health and Human Services" stays whole.
    """
    s = k.s
    out: list[tuple[int, int, str | None]] = []
    for sa, sb in _segments(s, a, b, r";\s*(?:and\s+)?|\s+ex\s+rel\.\s+"):
        # cut out descriptors, remembering official titles
        pieces: list[tuple[int, int, str | None]] = []
        pos = sa
        for d in DESCRIPTOR.finditer(s, sa, sb):
            title = " ".join(d.group("title").split()).rstrip(",. ") if d.group("title") else None
            pieces.append((pos, d.start(), title))
            pos = d.end()
        pieces.append((pos, sb, None))
        for pa, pb, title in pieces:
            parts = _segments(s, pa, pb, r"(?i),\s+(?:and\s+)?|\s+and\s+")
            merged: list[list[int]] = []
            for p, q in parts:
                t = s[p:q].strip()
                if _SKIP_PART.match(t):
                    continue
                if _TITLE_PART.match(t) and len(parts) > 1 and any(
                        _PERSONISH.match(s[x:y].strip()) and not _TITLE_PART.match(s[x:y].strip()) for x, y in parts):
                    title = title or " ".join(t.split()).title().replace(" Of ", " of ").replace(" The ", " the ")
                    continue
                if _ALIAS_PART.match(t) and not merged:
                    continue
                if merged and (_SUFFIX.match(t) or _ALIAS_PART.match(t) or _SUFFIX_START.match(t)):
                    merged[-1][1] = q
                else:
                    merged.append([p, q])
            texts = [s[p:q].strip() for p, q in merged]
            complete = all((_PERSONISH.match(t) or _CORP_END.search(t) or _ALIAS_PART.search(t.split(" ", 1)[-1])
                            or re.search(r"(?i)\b(?:d/b/a|dba|f/k/a)\b", t) or t.startswith("The "))
                           and len(t.split()) >= 2 for t in texts)
            if len(merged) > 1 and complete:
                for p, q in merged:
                    out.append((p, q, _singular(title)))
            elif merged:
                out.append((merged[0][0], merged[-1][1], title))
    return out


def _singular(title: str | None) -> str | None:
    if not title:
        return title
    return re.sub(r"^(Members|Commissioners|Directors|Trustees|Officers)\b", lambda m: m.group(1)[:-1], title)


def _segments(s: str, a: int, b: int, sep: str) -> list[tuple[int, int]]:
    out, pos = [], a
    for m in re.finditer(sep, s[a:b]):
        out.append((pos, a + m.start()))
        pos = a + m.end()
    out.append((pos, b))
    res = []
    for p, q in out:
        fn = re.search(r",\d{1,2}$", s[p:q])
        if fn:
            q -= len(fn.group(0))
        while p < q and s[p] in " ,.;:" :
            p += 1
        while q > p and s[q - 1] in " ,;:":
            q -= 1
        if q > p and NAME_OK.search(s[p:q]):
            res.append((p, q))
    return res


def _trim_name(k: _Kept, p: int, q: int) -> tuple[int, int]:
    s = k.s
    m = re.match(r"\s*(?:and\s+|&\s+)", s[p:q])
    if m:
        p += m.end()
    while q > p and s[q - 1] in " ,;:-—–":
        q -= 1
    fn = re.search(r",\d{1,2}$", s[p:q])
    if fn:
        q -= len(fn.group(0))
    if s[q - 1:q] == "." and not re.search(r"\b(?:Inc|Co|Corp|Jr|Sr|Ltd|L\.L\.C|P\.C|N\.A|S\.A|L\.P|[A-Z])\.$", s[p:q], re.I):
        q -= 1
    return p, q


def _parties_of(k: _Kept, role: str) -> list[CaptionParty]:
    s = k.s
    # drop role labels and "v." remnants
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in ROLE_LABEL.finditer(s):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(s)))
    out = []
    for a, b in spans:
        for p, q, title in _split_names(k, a, b):
            p, q = _trim_name(k, p, q)
            name = " ".join(s[p:q].split())
            if len(name) < 2 or not re.search(r"[A-Z]", name) or TITLE_WORDS.search(name):
                continue
            if re.fullmatch(r"(?i)(?:and|the|et al\.?|v\.?|vs\.?|\W+)", name):
                continue
            o1, o2 = k.orig(p, q)
            full_end = o2
            for i in range(p, q - 1):
                a, b = k.offs[i], k.offs[i + 1]
                if b - a > 1 and k.text_between(a + 1, b).strip():
                    o2 = a + 1
                    break
            out.append(CaptionParty(name, o1, o2, role, title, full_end))
    return out


def _is_stop(text: str, s: int, e: int) -> bool:
    cs, ce = s, e
    m = LINE_NO.match(text, s, e)
    if m:
        cs = m.end()
    line = text[cs:ce].strip()
    if not line:
        return False
    return bool(STOP_LINE.match(line)) or bool(re.match(r"^(?:Hon\.|HON\.|Judge\b|JUDGE\b)", line))


def _labels_in(k: _Kept) -> str | None:
    m = None
    for m in ROLE_LABEL.finditer(k.s):
        pass
    return m.group(0) if m else None


def _content_text(text: str, line: tuple[int, int]) -> str:
    c1, c2 = _content(text, *line)
    return text[c1:c2].strip()


def _only_label(t: str) -> bool:
    m = ROLE_LABEL.fullmatch(t.strip())
    return bool(m)


_CONTINUES = re.compile(r"(?:[,;&]|\b(?:and|of|the|for|dba|d/b/a|ex\s+rel\.|AND|OF|THE|FOR|DBA))\s*$")


def _continues(above: str, below: str) -> bool:
    """True when line ``above`` runs on into ``below`` as one caption name."""
    if _CONTINUES.search(above) or below[:1].islower():
        return True
    letters = lambda x: re.sub(r"[^A-Za-z]", "", x)
    return bool(letters(above)) and letters(above).isupper() and letters(below).isupper() and not above.endswith(".")


def _left_lines(text: str, lines: list[tuple[int, int]], i: int) -> list[tuple[int, int]]:
    """Lines of the left-hand (plaintiff) side above the "v." line ``i``."""
    j = i - 1
    labels: list[tuple[int, int]] = []
    for d in range(1, 5):
        if i - d < 0 or _is_stop(text, *lines[i - d]):
            break
        t = _content_text(text, lines[i - d])
        if t and (_only_label(t) or re.search(r",\s*" + _ROLE + r"\s*[,.]?$", t)):
            if _only_label(t):
                labels.insert(0, lines[i - d])
                j = i - d - 1
            else:
                j = i - d
            break
    while j >= 0 and i - j <= 8:
        t = _content_text(text, lines[j])
        if _is_stop(text, *lines[j]):
            return []
        if not t:
            j -= 1
            continue
        if _only_label(t):
            labels.insert(0, lines[j])
            j -= 1
            continue
        break
    if j < 0:
        return []
    name = [lines[j]]
    below = _content_text(text, lines[j])
    k = j - 1
    while k >= 0 and len(name) < 6:
        if _is_stop(text, *lines[k]):
            break
        t = _content_text(text, lines[k])
        if not t or not _continues(t, below):
            break
        name.insert(0, lines[k])
        below = t
        k -= 1
    return name + labels


def _right_lines(text: str, lines: list[tuple[int, int]], i: int) -> list[tuple[int, int]]:
    """Lines of the right-hand (defendant) side below the "v." line ``i``."""
    right: list[tuple[int, int]] = []
    j = i + 1
    seen_name = False
    while j < len(lines) and len(right) < 24:
        if _is_stop(text, *lines[j]):
            break
        t = _content_text(text, lines[j])
        if seen_name and t and TITLE_WORDS.search(t) and not re.search(r"[a-z]", t):
            break  # "JUDGMENT IN A CRIMINAL CASE" under the last name: the document's title
        right.append(lines[j])
        if t:
            if ROLE_LABEL.search(t) and re.search(r"(?i)(?:defendant|respondent|appellee|appellant)s?(?:\W*$|\s*\.)", t):
                return right
            seen_name = True
            if t.endswith(".") and not re.search(r"(?i)\b(?:inc|co|corp|jr|sr|ltd|[A-Z])\.$", t):
                return right
        elif seen_name and j + 1 < len(lines) and not _content_text(text, lines[j + 1]) and len(right) > 2:
            return right
        j += 1
    return right


def _block_caption(text: str, head_end: int) -> tuple[list[CaptionParty], tuple[int, int] | None]:
    """The multi-line "A, Plaintiff, v. B, Defendant." caption."""
    lines = _lines(text, 0, head_end)
    for i, (s, e) in enumerate(lines):
        cs, ce = _content(text, s, e)
        line = text[cs:ce].strip()
        vm = re.match(r"^(?:v\.|vs\.?|versus|V\.|VS\.?|Vv\.|vV\.)\s*[:)]?\s*$", line) or (
            re.match(r"^(?:v\.|vs\.?)\s+[A-Z][A-Z ]+$", line) and i > 0
            and any(_only_label(_content_text(text, lines[i - d])) for d in range(1, 4) if i - d >= 0))
        if vm:
            left = _left_lines(text, lines, i)
            right = _right_lines(text, lines, i)
        else:
            # "X, Plaintiff, v." or "X, Petitioners v. Y" on one line
            inline = re.search(r"(?:,\s*|\b)" + _ROLE + r"[,.]?\s+(?:v\.|vs\.?|versus)(?=\s|$)", text[cs:ce], re.I)
            if not inline:
                continue
            v_at = cs + inline.end() - len(re.search(r"(?:v\.|vs\.?|versus)$", inline.group(0), re.I).group(0))
            left = _left_lines(text, lines[:i] + [(s, v_at)] + [(v_at, v_at)], i + 1)
            right = [(cs + inline.end(), ce)] + _right_lines(text, lines, i)
        lk, rk = _block(text, left), _block(text, right)
        lrole = _side_role(_labels_in(lk), "plaintiff")
        rrole = _side_role(_labels_in(rk), "defendant")
        parties = _parties_of(lk, lrole) + _parties_of(rk, rrole)
        if parties:
            return parties, (min(p.start_char for p in parties), max(p.end_char for p in parties))
    return [], None


def _one_line_captions(text: str, head_end: int) -> list[tuple[int, int, list[CaptionParty]]]:
    """Case names on one line: "Case title: USA v. MANAFORT et al", "In re: X", "Ex parte X", and the
    "Title A v. B" row of a minutes form (of consolidated cases, the first row is the caption)."""
    out = []
    label = r"(?:(?:Case\s+title|Title|Style|Case\s+Caption)[ \t]*:|Title[ \t]+(?=[^\n]*\s[vV][sS]?\.\s))"
    for m in re.finditer(r"(?im)^[ \t]*" + label + r"\s*(?P<cap>\S.*)$", text[:head_end]):
        out.append((m.start("cap"), m.end("cap")))
    res = []
    for s, e in out:
        cap = text[s:e]
        v = VERSUS.search(cap)
        parties = []
        if v:
            for a, b, role in ((0, v.start(), "plaintiff"), (v.end(), len(cap), "defendant")):
                seg = cap[a:b]
                seg = re.sub(r"(?i),?\s*et\s+al\.?\s*$", "", seg)
                lead = len(seg) - len(seg.lstrip())
                seg = seg.strip()
                if seg and not seg.startswith(":"):
                    st = s + a + lead
                    parties.append(CaptionParty(seg, st, st + len(seg), role))
        res.append((s, e, parties))
    return res


IN_RE = re.compile(r"(?m)(?:^|(?<=\s))(?:In\s+re|IN\s+RE|In\s+Re|Ex\s+parte|EX\s+PARTE)\s*:?\s+(?P<name>"
                   r"(?:[A-Z][a-z'’-]+|[A-Z]\.)(?:[ \t]+(?:[A-Z][a-z'’-]+|[A-Z]\.))*"
                   r"|[A-Z][A-Z'’-]+(?:[ \t]+(?!NO\b)(?:[A-Z][A-Z'’-]+|[A-Z]\.))*)")


def _in_re(text: str, head_end: int, start: int = 0) -> list[CaptionParty]:
    out = []
    for m in IN_RE.finditer(text, start, head_end):
        name = m.group("name").strip()
        if re.search(r"(?i)\b(?:litigation|products|liability|matter|estate|application|grand\s+jury|search|proceedings)\b", name):
            continue
        if not re.match(r"^[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){1,5}$", name):
            continue
        role = "petitioner" if m.group(0).lower().lstrip().startswith("ex") else "other"
        # "In re: JANE ROE, Debtor." and any "In re" caption of a bankruptcy court name the debtor
        if role == "other" and (re.match(r"[\s,]*Debtors?\b", text[m.end("name"):m.end("name") + 30], re.I)
                                or re.search(r"(?i)\bBANKRUPTCY\s+COURT\b", text[:m.start()])):
            role = "debtor"
        out.append(CaptionParty(name, m.start("name"), m.start("name") + len(name), role))
        break
    return out


_CAPS_LINE = re.compile(r"(?m)^[ \t]*(?P<l>[A-Z][A-Z0-9 .,'’&-]{2,80}?(?:[ \t]+et[ \t]+al\.?)?)[ \t]+v\.\s+(?P<r>[A-Z][A-Z0-9 .,'’&-]{2,120}?)[ \t]*$")


def _caps_line_caption(text: str, head_end: int) -> tuple[list[CaptionParty], tuple[int, int] | None]:
    """An all-caps running title "FISHER v. UNIVERSITY OF TEXAS AT AUSTIN ET AL." (Supreme Court slip opinions)."""
    m = _CAPS_LINE.search(text, 0, head_end)
    if not m:
        return [], None
    head = text[:head_end]
    if re.search(r"\bPETITIONERS?\b|\bCERTIORARI\b", head):
        roles = ("petitioner", "respondent")
    elif re.search(r"\bAPPELLANTS?\b", head):
        roles = ("appellant", "appellee")
    else:
        roles = ("plaintiff", "defendant")
    out = []
    for g, role in (("l", roles[0]), ("r", roles[1])):
        seg = re.sub(r"(?i),?\s*(?:et\s+al\.?|" + _ROLE + r")\s*\.?$", "", m.group(g)).rstrip(" ,.")
        if seg:
            out += split_party_list(text, m.start(g), m.start(g) + len(seg), role)
    return out, (m.start(), m.end())


def caption_parties(text: str) -> tuple[list[CaptionParty], tuple[int, int] | None]:
    """Parse the caption block near the start of ``text``.

    Args:
        text: the document text.
    Returns:
        ``(parties, (start_char, end_char) of the caption or None)``; parties in
        caption order with the role of their side (left: plaintiff unless its
        label says otherwise, right: defendant unless labelled).
    """
    if read_party_table(text):
        return [], None  # a docket report: its party table names the parties (party_table)
    head_end = min(len(text), HEAD)
    for s, e, ps in _one_line_captions(text, head_end):
        if not ps:
            ps = _in_re(text[:e], e, start=s)
        if ps:
            return ps, (s, e)
    parties, span = _block_caption(text, head_end)
    if parties:
        return parties, span
    parties, span = _caps_line_caption(text, head_end)
    if parties:
        return parties, span
    parties, span = _minutes_caption(text, head_end)
    if parties:
        return parties, span
    ps = _in_re(text, head_end)
    if ps:
        return ps, (ps[0].start_char, ps[0].end_char)
    return [], None


_MINUTES_HEAD = re.compile(r"(?im)^[ \t]*(?P<gov>U\.\s?S\.\s?A\.|USA|United\s+States(?:\s+of\s+America)?)[ \t]+v(?:s)?\.?[ \t]+Defendant\(s\)")
_MIN_MARK = r"(?:Not|X|Present|Absent)\b"
_MIN_NAME = r"(?!" + _MIN_MARK + r")[A-Z][a-z'’-]+(?:[ \t]+(?!" + _MIN_MARK + r")(?:[A-Z]\.|[A-Z][a-z'’-]+)){1,3}"
_MIN_ROW = re.compile(r"[ \t]*(?P<name>" + _MIN_NAME + r")[ \t]+(?:Not|X|Present|Absent)\b.*?\b" + _MIN_NAME + r"[ \t]+(?:Not|X|Present|Absent)\b")


def _minutes_caption(text: str, head_end: int) -> tuple[list[CaptionParty], tuple[int, int] | None]:
    """Criminal minutes forms: a "U.S.A. v. Defendant(s): Present Cust. Bond | Attorneys for
    Defendants: ..." table, one row per defendant (name, attendance marks, then counsel).

    A row holding two names is a defendant with counsel; rows with one name are further
    counsel. The form (C.D. Cal. CR-11 and similar minutes) puts the government first.
    """
    m = _MINUTES_HEAD.search(text, 0, head_end)
    if not m:
        return [], None
    out: list[CaptionParty] = []
    for ls, le in _lines(text, m.end(), min(head_end, m.end() + 800))[1:12]:
        if re.match(r"\s*(?:Proceedings|PROCEEDINGS)\b", text[ls:le]):
            break
        r = _MIN_ROW.match(text, ls, le)
        if r:
            out.append(CaptionParty(r.group("name"), r.start("name"), r.end("name"), "defendant"))
    if not out:
        return [], None
    gov = m.group("gov")
    return [CaptionParty(gov, m.start("gov"), m.end("gov"), "plaintiff")] + out, (m.start(), out[-1].end_char)


_MATTER = re.compile(r"(?im)^[ \t]*(?P<cap>In\s+the\s+Matter\s+of\b)")


def _in_matter_caption(text: str) -> tuple[str, int] | None:
    """ "In the Matter of the Search of <premises> And <person>" (warrants, applications):
    the caption as printed over up to five lines, down to the document's title line.
    Returns ``(caption, end_char)`` or None."""
    m = _MATTER.search(text, 0, min(len(text), HEAD))
    if not m:
        return None
    lines = _lines(text, m.start("cap"), min(len(text), m.start("cap") + 600))
    parts = []
    end = m.end()
    for i, (ls, le) in enumerate(lines[:6]):
        # no pleading line numbers here: "12 ELM ROAD" is an address; cut a right-hand "Case No." column
        cut = re.search(r"\s+(?:Case|Docket|Magistrate)\s+(?:No|Number)\b", text[ls:le])
        cs, ce = ls, (ls + cut.start()) if cut else le
        frag = " ".join(text[cs:ce].split()).rstrip(" ,")
        if i and (not frag or _is_stop(text, ls, le) or TITLE_WORDS.search(text[ls:le]) or re.match(r"(?i)to\s*:", frag)):
            break
        if frag:
            parts.append(_title_case(frag))
            end = ce
    cap = " ".join(parts)
    if len(cap) <= len("In the Matter of"):
        return None
    return _title_case(cap[:200]), end


def _fix_usa(name: str) -> str:
    """Repair an OCR'd "UNITED STATES OF AMERTCA" (the most common caption party)."""
    import difflib

    if name.lower() != "united states of america" and difflib.SequenceMatcher(
            None, name.lower(), "united states of america").ratio() >= 0.9:
        return "United States of America"
    return name


def _title_case(s: str) -> str:
    if not re.sub(r"(?i)(?<!\w)(?:d/b/a|dba|f/k/a|a/k/a)(?!\w)", "", s).isupper():
        return s
    words = []
    for w in s.split():
        if re.fullmatch(r"(?:LLC|LLP|L\.L\.C\.|P\.C\.|N\.A\.|USA|U\.S\.A?\.?|II|III|IV|[A-Z]\.|[A-Z]\.[A-Z]\.)[,.]?", w):
            words.append(w)
        elif w.lower() in ("of", "and", "the", "for", "at", "in", "on", "to", "dba", "d/b/a", "ex", "rel."):
            words.append(w.lower())
        else:
            words.append(re.sub(r"(?<=\b[OD]['’])[a-z]", lambda x: x.group(0).upper(), w.capitalize()))
    return " ".join(words)


def find_case(ctx: DocContext) -> dict:
    """Return ``{"caption", "court", "docket_number", "judge"}`` (values may be None).

    Also reserves every docket number span with label "docket" (``ctx.reserve``),
    so numbers there do not become quantities or dates.

    Args:
        ctx: the document; only ``ctx.text`` is read.
    Returns:
        caption: "A v. B" built from the caption parties (first of each side,
        "et al." when more), "In re X", or the one-line caption as printed.
        court: canonical court name (:mod:`caption_court`), from the first page.
        docket_number: the first docket number of the first page.
        judge: the presiding or signing judge's name, or None.
    """
    text = ctx.text
    for s, e, _ in find_dockets(text):
        ctx.reserve(s, e, "docket")
    parties, span = caption_parties(text)
    caption = docket_caption(text)
    left = [p for p in parties if p.role in ("plaintiff", "petitioner", "appellant")]
    right = [p for p in parties if p.role in ("defendant", "respondent", "appellee")]
    if caption is None:  # no docket report: the caption block, a case name, "In re"
        if left and right:
            def more(side):  # "et al." when the side lists more parties or prints "et al." after the first
                return " et al." if len(side) > 1 or re.match(r"[\s,;.]*et\s+al\b", text[side[0].end_char:side[0].end_char + 30], re.I) else ""
            caption = f"{_fix_usa(_title_case(left[0].name))}{more(left)} v. {_title_case(right[0].name)}{more(right)}"
        elif parties and parties[0].role == "petitioner":
            caption = f"Ex parte {_title_case(parties[0].name)}"
        elif parties:
            caption = f"In re {_title_case(parties[0].name)}"
        else:
            caption = _in_re_matter(text)
            matter = _in_matter_caption(text) if caption is None else None
            if matter:
                caption, end = matter
                span = (0, end)
    head = text[:HEAD]
    court = find_court_name(text)
    # the docket number belongs to the caption: the text down to just after the caption block
    zone_end = max(span[1] + 300, 600) if span else 1500
    docket = (report_number(head) if read_party_table(text) else None) or _docket_of(ctx, head, zone_end)
    j = find_judge(text)
    judge = _title_case(j[2]) if j else None
    return {"caption": caption, "court": court, "docket_number": docket, "judge": judge}


_LITIGANT_LEFT = ("plaintiff", "petitioner", "appellant", "debtor")
_LITIGANT_RIGHT = ("defendant", "respondent", "appellee")


def docket_caption(text: str) -> str | None:
    """The case name of a docket report (one with a party table, :mod:`party_table`), or None.

    The case name the report prints over its party table ("Roe v. Acme Corp. et al", "In re: X
    Litigation"), else "In re <first debtor>" for a bankruptcy petition, else "<first plaintiff> v. <first defendant>"
    from the table. All-caps names are title-cased.
    """
    table = read_party_table(text)
    if not table:
        return None
    head = text[:table[0].start_char]
    for m in re.finditer(r"(?m)^[ \t]*(?:Case[ \t]+title:[ \t]*)?(?P<cap>[^\n]{2,160}?\S[ \t]+(?:v\.|vs\.?|V\.|VS\.?|versus)[ \t]+\S[^\n]{1,160}?)[ \t]*$", head):
        cap = " ".join(m.group("cap").split())
        if re.search(r"(?i)\bdocket\b|#|:", cap):
            continue
        return _title_case(cap) if is_caps(cap) else cap
    matter = re.search(r"(?m)^[ \t]*(?P<cap>(?:IN[ \t]+RE|In[ \t]+re|In[ \t]+Re|In[ \t]+the[ \t]+Matter[ \t]+of)\b:?[^\n]{3,160}?)[ \t]*$", head)
    if matter:
        cap = re.sub(r"^(?:IN|In)[ \t]+(?:RE|re|Re)\b:?[ \t]*", "In re ", " ".join(matter.group("cap").split()))
        return _title_case(cap) if is_caps(cap) else cap
    debtors = [t for t in table if t.role == "debtor"]
    if debtors:
        return "In re " + _pretty_name(debtors[0].name)
    left = [t for t in table if t.role in _LITIGANT_LEFT]
    right = [t for t in table if t.role in _LITIGANT_RIGHT]
    if left and right:
        more = lambda side: " et al." if len({t.name for t in side}) > 1 else ""  # noqa: E731
        return f"{_pretty_name(left[0].name)}{more(left)} v. {_pretty_name(right[0].name)}{more(right)}"
    return None


def is_caps(s: str) -> bool:
    """Mostly capital letters: more than 70% of the letters of ``s`` ("RASOOL McCRIMMON"); False without letters."""
    return sum(c.isupper() for c in s) > 0.7 * max(1, sum(c.isalpha() for c in s))


def _pretty_name(name: str) -> str:
    return _title_case(name) if is_caps(name) else name


def find_court_name(text: str) -> str | None:
    """The court (or adjudicating board) of the document: canonical name or None.

    The first court named on the first page (:func:`caption_court.find_courts`), else a
    "... COURT ..." line that ``courts_db`` recognizes, else a board named in the
    closing signature block ("Veterans Law Judge / Board of Veterans' Appeals").
    """
    head = text[:HEAD]
    courts = [c for c in find_courts(head) if c.kind != "generic"]
    if courts:
        return courts[0].name
    court = _courts_db_name(head)
    if court:
        return court
    boards = find_tribunals(head) or find_tribunals(text, max(0, len(text) - 3000))
    return boards[0].name if boards else None


def _in_re_matter(text: str) -> str | None:
    """ "In re X Litigation" (multidistrict and other consolidated matters): a caption with no party."""
    lines = _lines(text, 0, min(len(text), HEAD))
    for i, (s, e) in enumerate(lines):
        m = re.search(r"(?i)\bIn\s+re\s*:?\s+", text[s:e])
        if not m:
            continue
        k = _block(text, [(s + m.end(), e)] + lines[i + 1:i + 3])
        n = re.match(r"(?i)(.{2,100}?\b(?:Litigation|Proceedings?|Matter|Cases))\b", k.s)
        if n:
            return "In re " + _title_case(" ".join(n.group(1).split()))
    return None


def split_party_list(text: str, start: int, end: int, role: str) -> list[CaptionParty]:
    """Split one side of a case name (``text[start:end]``) into parties with ``role``.

    "Huawei Technologies USA, Inc.; Joel Erdmann, Ph.D.; and Robert K. Davis" →
    three parties; descriptors ("in his official capacity as ...", "a minor")
    are left out of the names.
    """
    k = _block(text, [(start, end)])
    return _parties_of(k, role)
