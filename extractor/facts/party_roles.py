"""Role cues: titles before and after names, signature blocks, declarations,
"Before: A, B, and C, Circuit Judges", "X pleaded guilty", "Plaintiff X".

Every finder returns :class:`Cue` s: a name span with the role and title the
text gives it. The cue vocabularies are those of U.S. court filings and
Justice Department press releases.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Cue:
    """A name span with a role (and title) the surrounding words give it."""

    start_char: int
    end_char: int
    role: str
    title: str | None = None
    entity_type: str = "PERSON"
    method: str = "title"


# one name: capitalized words and initials, "O'Byrne", "McCrimmon", "St. Pierre", suffixes
_TITLE_WORD = (r"(?:Secretary|Judge|Justice|Attorneys?|Director|Department|Court|Office|Agent|Special|Assistant|Acting|"
               r"Chief|Deputy|Homeland|Security|Treasury|General|Counsel|Division|Officer|District|States|United|Federal|"
               r"Commissioner|Administrator|Section|Fraud|Trial|Defendants?|Plaintiffs?|The|This|And|Clerk|Magistrate|Circuit|Senior|Regional|Principal|"
               r"Dr|Mr|Mrs|Ms|Department|Docket|Nos?|Moreover|However|Therefore|Thus|Further|Accordingly|Finally|"
               r"Additionally|Because|Although|In|On|At|For|Under|After|Before|See|Cf|Id|Honorable|Hon)")
_W = (rf"(?!{_TITLE_WORD}\b)(?:St\.|[A-Z][a-z]*[’'][A-Z][a-z]+|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|[A-Z][a-z]+(?:-[A-Z][a-z]+)?|"
      r"[A-Z]\.(?:\s?[A-Z]\.)?)")
NAME = rf"{_W}(?:[ \t]+{_W}){{0,3}}(?:,?[ \t]+(?:Jr\.|Sr\.|II|III|IV))?"
CORP_NAME = (rf"{_W}(?:[ \t]+(?:{_W}|&|of|and))*(?:,?[ \t]+(?:Inc\.|LLC|L\.L\.C\.|Corp\.|Corporation|Company|Co\.|Ltd\.|N\.A\.|"
             r"P\.C\.|LLP|L\.P\.))")
_NAME_NOT = re.compile(r"^(?:The|This|That|Pro|United|States|District|Court|Judge|Justice|Attorney|Office|Department|Plaintiffs?|Defendants?|Government|Honor)$")

JUDGE_TITLE = (r"(?:(?:Chief|Senior|Presiding)\s+)?(?:(?:United\s+States|U\.\s?S\.)\s+)?"
               r"(?:(?:Chief\s+)?(?:District|Magistrate|Bankruptcy|Circuit|Senior\s+Circuit|Senior\s+District)\s+)?(?:Judge|Justice)")
ATTY_TITLE = (r"(?:(?:[A-Z][a-z]+\s+)?(?:Section|Division|Branch|Staff)\s+Attorneys?|Acting\s+|First\s+)?(?:Principal\s+)?(?:Deputy\s+)?(?:Assistant\s+)?(?:(?:United\s+States|U\.\s?S\.)\s+Attorneys?"
              r"|Attorneys?\s+General|Trial\s+Attorneys?|trial\s+attorneys?|Special\s+Assistant\s+U\.S\.\s+Attorneys?|"
              r"Federal\s+Public\s+Defenders?|Assistant\s+Federal\s+Public\s+Defenders?|Special\s+Counsel|Senior\s+Counsel|Trial\s+Counsel)")
OFFICIAL_TITLE = (r"(?:Special\s+Agent\s+in\s+Charge|Acting\s+Special\s+Agent\s+in\s+Charge|Regional\s+Director|Director|"
                  r"Secretary(?:\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?|Commissioner|Administrator|Chief\s+Executive|"
                  r"(?:Treasury|Homeland\s+Security|Labor|Commerce|State|Defense|Energy)\s+Secretary|Governor|Mayor|Sheriff|Chief\s+of\s+Police|"
                  r"Clerk\s+of\s+Court|Inspector\s+General)")

_PRE = re.compile(rf"(?<![\w])(?P<title>{JUDGE_TITLE}|{ATTY_TITLE}|{OFFICIAL_TITLE})[ \t]+(?P<names>{NAME}(?:(?:,[ \t]+|,?[ \t]+and[ \t]+){NAME})*)")
_POST = re.compile(rf"(?P<name>{NAME}),[ \t]+(?:the[ \t]+)?(?P<title>(?:{ATTY_TITLE}|{OFFICIAL_TITLE}|{JUDGE_TITLE}|Deputy\s+Attorney\s+General|Assistant\s+Attorney\s+General)"
                   rf"(?:[ \t]+(?:for|of|in)[ \t]+(?:the[ \t]+)?[^,.;\n]{{3,90}}?)?)(?=[,.;)\n]|\s+(?:said|stated|announced|argued|with|and\b))")
_BEFORE = re.compile(r"(?m)\b(?:Before|BEFORE):?\s+(?P<names>(?:(?!(?:U\.S\.|United|District|Chief|Senior|Circuit)\b)[A-Z][A-Za-z'’-]+(?:,?\s+(?:and\s+|AND\s+)?)?){1,6}),?\s+(?:Senior\s+)?(?:Chief\s+)?(?:Circuit\s+)?(?:Judges|JUDGES|Justices)\b")
_BEFORE_LIST = re.compile(r"(?:(?<=\s)|^)(?P<name>[A-Z][A-Za-z'’-]+)(?:,\s+(?P<title>(?:Senior\s+)?(?:Chief\s+)?(?:Circuit\s+)?Judges?))?")
_SURNAME_J = re.compile(r"(?m)^\s*(?P<name>[A-Z][a-z][A-Za-z'’-]+),\s+(?:C\.\s*)?J\.\s*$")
_SURNAME_JUDGE = re.compile(r"(?m)^\s*(?P<name>[A-Z][A-Z'’-]+|[A-Z][a-z]+),\s+(?P<title>(?:Chief\s+)?(?:U\.S\.\s+|United\s+States\s+)?(?:DISTRICT|MAGISTRATE|CIRCUIT|SENIOR\s+CIRCUIT|District|Magistrate|Circuit|Senior\s+Circuit)\s+(?:DISTRICT\s+)?(?:JUDGE|Judge))\b")
_SIGNED_JUDGE = re.compile(r"(?m)^\s*(?:/s/\s*)?(?P<name>[A-Z][A-Za-z.'’ -]{3,40}?)\s*\n\s*(?P<title>(?:Chief\s+)?(?:UNITED\s+STATES|United\s+States|U\.S\.)\s+(?:DISTRICT|MAGISTRATE|BANKRUPTCY|CIRCUIT|District|Magistrate|Bankruptcy|Circuit)\s+(?:JUDGE|Judge))")
_DECLARE = re.compile(rf"\bI,\s+(?P<name>{NAME}),\s+(?:hereby\s+)?(?:declare|state|certify|depose)|[Dd]eclaration\s+of\s+(?P<name2>{_W}(?:[ \t]+{_W}){{1,3}})(?=[\s,.])")
_REPRESENTED = re.compile(rf"represented\s+by\s+(?P<name>{NAME})")
_ESQ = re.compile(rf"(?P<name>{NAME}),?\s+(?:Esq\.|Esquire)")
CAPS_NAME = r"[A-Z][A-Z'’-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][A-Z'’-]+)){1,3}(?:,?[ \t]+(?:JR\.|SR\.|II|III|IV))?"
_FOR_SIDE = re.compile(rf"(?m)^(?:For\s+(?:the\s+)?(?:Plaintiffs?|Defendants?|Government|Petitioners?|Respondents?|Appellants?|Appellees?)\s*:|BY:)\s*(?P<name>{NAME}|{CAPS_NAME})(?=[ \t]*(?:,|\n|$))")
_BY_CAPS = re.compile(r"(?m)^BY:[ \t]*(?P<names>[A-Z][A-Z.'’ -]+(?:\n[ \t]*[A-Z][A-Z.'’ -]+){0,3})\n[ \t]*(?:ASSISTANT|Assistant|Attorneys?|ATTORNEYS?)")
_APPEARANCE_LINE = re.compile(rf"(?m)^[ \t]*(?P<name>{CAPS_NAME})[ \t]*\n[ \t]*(?P<title>(?:Assistant[ \t]+)?(?:United[ \t]+States|U\.S\.)[ \t]+Attorneys?|ASSISTANT[ \t]+UNITED[ \t]+STATES[ \t]+ATTORNEYS?|Attorney[ \t]+at[ \t]+Law|Federal[ \t]+Public[ \t]+Defender)\b")
_WITNESS = re.compile(rf"(?m)^[ \t]*(?:\d{{1,2}}[ \t]+)?(?P<name>{NAME}|{CAPS_NAME}),?[ \t]*\n?[ \t]*(?:\d{{1,2}}[ \t]+)?(?:called[ \t]+as[ \t]+a[ \t]+witness|having[ \t]+been[ \t]+(?:first[ \t]+)?duly[ \t]+sworn)|WITNESS:[ \t]*(?P<name2>{NAME}|{CAPS_NAME})")
_ATTYS_FOR = re.compile(r"(?m)^\s*(?:\d{1,2}\s+)?(?:Attorneys?|Counsel)\s+for\s+(?:the\s+)?(?:Plaintiffs?|Defendants?|Petitioners?|Respondents?|Appellants?|Appellees?)\b")
_LABEL_NAME = re.compile(rf"(?<![\w])(?P<label>Plaintiffs?|Defendants?|Petitioners?|Respondents?|Appellants?|Appellees?|Relators?|Intervenors?|Amicus|Amici)\s+(?P<names>(?:{CORP_NAME}|{NAME})(?:(?:,[ \t]+|,?[ \t]+and[ \t]+)(?:{CORP_NAME}|{NAME}))*)")
_LABEL_ROLE = {"plaintiff": "plaintiff", "defendant": "defendant", "petitioner": "petitioner", "respondent": "respondent",
               "appellant": "appellant", "appellee": "appellee", "relator": "plaintiff", "intervenor": "intervenor",
               "amicus": "amicus", "amici": "amicus"}


def _role_of_title(title: str) -> str:
    t = title.lower()
    if "judge" in t or "justice" in t:
        return "judge"
    if "attorney" in t or "counsel" in t or "defender" in t:
        return "official" if re.search(r"(?i)^(?:acting\s+)?(?:u\.\s?s\.|united states) attorney$|attorney general$", t) and "assistant" not in t and "trial" not in t else "attorney"
    return "official"


def _split_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(rf"{CORP_NAME}|{NAME}", text[start:end]):
        s, e = start + m.start(), start + m.end()
        if _NAME_NOT.match(text[s:e]) or re.match(r"\w|\.[a-z]|[’'][a-rt-z]", text[e:e + 2]):
            continue
        out.append((s, e))
    return out


def title_cues(text: str) -> list[Cue]:
    """Names after or before a title: "U.S. District Judge X", "X, Assistant Attorney General for Y"."""
    out: list[Cue] = []
    for m in _PRE.finditer(text):
        title = " ".join(m.group("title").split())
        role = _role_of_title(title)
        if role == "attorney" and title.endswith("s"):
            title = title[:-1]
        for s, e in _split_names(text, m.start("names"), m.end("names")):
            out.append(Cue(s, e, role, title))
    for m in _POST.finditer(text):
        title = " ".join(m.group("title").split())
        s = m.start("name")
        # keep only the name words right before the comma
        if _NAME_NOT.match(m.group("name").split()[0]):
            continue
        role = _role_of_title(title.split(" for ")[0].split(" of ")[0])
        # "X, Y and Z, Assistant U.S. Attorneys": each one's title is singular
        title = re.sub(r"^(.*\bAttorney)s\b", r"\1", title) if role == "attorney" else title
        out.append(Cue(s, m.end("name"), role, title, method="title-post"))
    return out


# a state appellate panel: "Maria L. Esposito, P.J., Daniel R. Kwan, J., and Celeste Obi, J., concurred."
_PANEL_J = re.compile(rf"(?<![\w.])(?P<name>{NAME}),[ \t]+(?P<t>(?:Acting[ \t]+)?(?:P\.[ \t]?J\.|C\.[ \t]?J\.|A\.[ \t]?J\.|JJ\.|J\.))(?=[ \t]*(?:[,;:]|and\b|concurr|dissent|\n|$))")
_PANEL_TITLE = {"p.j.": "Presiding Justice", "acting p.j.": "Acting Presiding Justice", "c.j.": "Chief Justice",
                "a.j.": "Associate Justice", "j.": "Justice", "jj.": "Justice"}
# "the Honorable Ruth A. Delacroix", "Honorable T. J. Osei": a judge unless another title follows
_HONORABLE = re.compile(rf"(?<![\w])(?:The[ \t]+|the[ \t]+)?(?:Honorable|HONORABLE|Hon\.)[ \t]+(?P<name>{NAME})(?![ \t]*,[ \t]*(?:Secretary|Attorney|Governor|Mayor|Senator|Representative|Director|Commissioner))")


def judge_cues(text: str) -> list[Cue]:
    """Panel lists, "X, J." lines, "X, P.J., Y, J." panels, "the Honorable X", "MARTINOTTI, DISTRICT JUDGE" and
    signed judges."""
    out: list[Cue] = []
    for m in _PANEL_J.finditer(text):
        if len(m.group("name").split()) < 2 and not re.match(r"\s*(?:\n|$)", text[m.end():m.end() + 2]):
            continue  # a surname alone is a judge only on a line of its own ("Roe, J.")
        title = _PANEL_TITLE.get(re.sub(r"\s+", " ", m.group("t").lower()).replace("p. j.", "p.j."), "Justice")
        out.append(Cue(m.start("name"), m.end("name"), "judge", title, method="panel"))
    for m in _HONORABLE.finditer(text):
        if len(m.group("name").split()) >= 2:
            out.append(Cue(m.start("name"), m.end("name"), "judge", None, method="title"))
    for m in _BEFORE.finditer(text):
        seg_s, seg_e = m.start("names"), m.end()
        for n in _BEFORE_LIST.finditer(text, seg_s, seg_e):
            name = n.group("name")
            if name.lower() in ("and", "before", "judges", "judge", "circuit", "chief", "senior"):
                continue
            out.append(Cue(n.start("name"), n.end("name"), "judge", "Circuit Judge", method="panel"))
    for m in _SURNAME_J.finditer(text):
        out.append(Cue(m.start("name"), m.end("name"), "judge", "Justice", method="panel"))
    for m in _SURNAME_JUDGE.finditer(text):
        out.append(Cue(m.start("name"), m.end("name"), "judge", " ".join(m.group("title").split()).title(), method="signature"))
    for m in _SIGNED_JUDGE.finditer(text):
        name = m.group("name").strip()
        if re.search(r"(?i)\b(?:court|district|states|judge|order|dated)\b", name) or len(name.split()) < 2:
            continue
        out.append(Cue(m.start("name"), m.start("name") + len(name), "judge",
                       " ".join(m.group("title").split()).title().replace("U.S.", "U.S."), method="signature"))
    return out


def attorney_cues(text: str) -> list[Cue]:
    """Counsel: "represented by X", "X, Esq.", "For Plaintiff: X", "BY: X", signature blocks above "Attorneys for"."""
    out: list[Cue] = []
    for pat in (_REPRESENTED, _ESQ, _FOR_SIDE):
        for m in pat.finditer(text):
            if _NAME_NOT.match(m.group("name").split()[0]) or re.match(r"(?i)(?:pro[\s-]*se|self[\s-]*represented|in\s+pro\b)",
                                                                        m.group("name")):
                continue
            out.append(Cue(m.start("name"), m.end("name"), "attorney", method="counsel"))
    for m in _APPEARANCE_LINE.finditer(text):
        title = " ".join(m.group("title").split())
        title = title.title() if title.isupper() else title
        out.append(Cue(m.start("name"), m.end("name"), _role_of_title(title), re.sub(r"Attorneys$", "Attorney", title),
                       method="counsel"))
    for m in _BY_CAPS.finditer(text):
        for n in re.finditer(CAPS_NAME, text[m.start("names"):m.end("names")]):
            s_ = m.start("names") + n.start()
            out.append(Cue(s_, s_ + len(n.group(0)), "attorney", method="counsel"))
    for m in _ATTYS_FOR.finditer(text):
        # the names in the 12 lines above the "Attorneys for" line
        block_s = m.start()
        for _ in range(12):
            block_s = text.rfind("\n", 0, max(0, block_s - 1))
            if block_s < 0:
                block_s = 0
                break
        for line in re.finditer(r"(?m)^[ \t]*(?:\d{1,2}[ \t]+)?(?:/s/[ \t]*)?(?P<name>" + NAME + r")[ \t]*(?:\(|,|$)", text[block_s:m.start()]):
            s = block_s + line.start("name")
            name = line.group("name")
            if len(name.split()) < 2 or re.search(r"(?i)\b(?:suite|street|avenue|telephone|facsimile|email|boulevard|floor|llp|llc|p\.c)\b", name):
                continue
            out.append(Cue(s, s + len(name), "attorney", method="signature"))
    return out


_ACCUSED = re.compile(rf"(?P<name>{NAME}),[ \t]+\d{{1,3}},(?:[ \t]+of[ \t]+[A-Z][\w .]{{1,40}}?,?)?[ \t]+(?:(?:is|was|were|has[ \t]+been|had|previously)[ \t]+)*(?:charged|indicted|sentenced|convicted|pleaded|pled|arrested|agreed|admitted)\b")
_HANDLED_BY = re.compile(rf"(?:litigation|case|prosecution|matter|lawsuit)[ \t]+(?:is|was)[ \t]+(?:being[ \t]+)?(?:handled|conducted|prosecuted|litigated|tried)[ \t]+by[ \t]+(?P<names>(?:[A-Z][\w ]+?[ \t]+Attorneys?[ \t]+)?{NAME}(?:(?:,[ \t]+|,?[ \t]+and[ \t]+){NAME})*)")
_CLERK = re.compile(rf"(?m)(?P<name>{NAME}|[A-Z][A-Z.'’ -]{{4,40}}[A-Z]),[ \t]+Clerk\b|^[ \t]*(?P<name2>{NAME})[ \t]*\n[ \t]*Clerk(?:[ \t]+of[ \t]+(?:the[ \t]+)?Court)?[ \t]*$")
_SUES = re.compile(r"(?P<name>(?:[A-Z][\w&’'-]*[ \t]+){0,5}[A-Z][\w&’'-]*)[ \t]+(?:filed|brought)[ \t]+(?:a|the|an)[ \t]+(?:\w+[ \t]+)?(?:lawsuit|suit|complaint|petition|action)\b|(?P<name2>(?:[A-Z][\w&’'-]*[ \t]+){0,5}[A-Z][\w&’'-]*)[ \t]+sued\b")


_HONOR = r"(?:(?:Dr|Mr|Mrs|Ms)\.[ \t]+)?"
_COUNSEL_FOR = re.compile(rf"(?P<name>{NAME})(?:[ \t]*\([^)]{{1,30}}\))?(?:[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][^,;\n]{{2,60}})?,[ \t]+(?:an?[ \t]+|the[ \t]+)?(?:attorneys?|counsel)[ \t]+for\b")
_RELATORS = re.compile(rf"(?:brought|filed)[ \t]+(?:under[ \t]+[^.;]{{0,120}}?)?by[ \t]+(?P<names>{_HONOR}{NAME}(?:(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+){_HONOR}{NAME})+)")


def prose_cues(text: str) -> list[Cue]:
    """Press-release and news cues: "X, 65, of Y, pleaded guilty", "handled by Trial Attorney X", "X filed a lawsuit"."""
    out: list[Cue] = []
    for m in _COUNSEL_FOR.finditer(text):
        out.append(Cue(m.start("name"), m.end("name"), "attorney", method="counsel"))
    for m in _RELATORS.finditer(text):
        for s, e in _split_names(text, m.start("names"), m.end("names")):
            if text[s:e] not in ("Dr.", "Mr.", "Ms.", "Mrs."):
                out.append(Cue(s, e, "plaintiff", method="relator"))
    for m in _WITNESS.finditer(text):
        g = "name" if m.group("name") else "name2"
        out.append(Cue(m.start(g), m.end(g), "witness", method="witness"))
    for m in _ACCUSED.finditer(text):
        out.append(Cue(m.start("name"), m.end("name"), "defendant", method="accused"))
    for m in _HANDLED_BY.finditer(text):
        for s, e in _split_names(text, m.start("names"), m.end("names")):
            out.append(Cue(s, e, "attorney", method="handled-by"))
    for m in _CLERK.finditer(text):
        g = "name" if m.group("name") else "name2"
        out.append(Cue(m.start(g), m.end(g), "official", "Clerk of Court", method="clerk"))
    for m in _SUES.finditer(text):
        g = "name" if m.group("name") else "name2"
        name = m.group(g)
        lead = re.match(r"(?:(?:The|A|An|In|On|Then|Last|Most|Recently)[ \t]+)+", name)
        s = m.start(g) + (lead.end() if lead else 0)
        if s < m.end(g) and not re.match(r"(?:He|She|They|It|We|I|Plaintiffs?|Defendants?)\b", text[s:m.end(g)]):
            out.append(Cue(s, m.end(g), "plaintiff", entity_type="ORG", method="sued"))
    return out


def declarant_cues(text: str) -> list[Cue]:
    """"I, Jane Roe, declare" and "a declaration filed by [title] Jane Roe"."""
    out = []
    for m in _DECLARE.finditer(text):
        g = "name" if m.group("name") else "name2"
        out.append(Cue(m.start(g), m.end(g), "declarant", method="declaration"))
    return out


def label_cues(text: str) -> list[Cue]:
    """"Plaintiff Tessera, Inc.", "Defendants C. R. Bard, Inc. and ..." → the label's role."""
    out = []
    for m in _LABEL_NAME.finditer(text):
        label = m.group("label").lower()
        line_s = text.rfind("\n", 0, m.start()) + 1
        if re.fullmatch(r"[ \t]*[A-Z][\w'’-]+,[ \t]+[A-Z][\w.'’\" -]*[ \t]+", text[line_s:m.start()]):
            continue  # a party table's row "Roe, Jane  Relator  John Doe": the label is Roe's, Doe represents her
        role = _LABEL_ROLE.get(label) or _LABEL_ROLE.get(label[:-1], "other")
        for s, e in _split_names(text, m.start("names"), m.end("names")):
            out.append(Cue(s, e, role, method="label"))
    return out


_LEFT_FIRST = re.compile(rf"(?<![\w.&'’-])(?P<w>{_W})[ \t]*\n[ \t]*$")
_RIGHT_LAST = re.compile(rf"[ \t]*\n[ \t]*(?P<w>{_W})(?![\w.&'’-])")


def join_broken_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a person's name that a line break cut: a name that starts with an initial takes the
    capitalized word ending the line before ("Aaron\\nM. Frey" → "Aaron M. Frey"); one that ends with an
    initial takes the capitalized word starting the next line ("Lena W.\\nOrtiz").

    Args:
        text: the document text.
        start, end: the name's span (characters, 0-based, end exclusive).
    Returns:
        The widened ``(start, end)``; unchanged when no line break cut the name.
    """
    if re.match(r"[A-Z]\.", text[start:end]):
        m = _LEFT_FIRST.search(text[max(0, start - 40):start])
        if m and not re.fullmatch(r"[A-Z]\.", m.group("w")):
            start -= len(text[max(0, start - 40):start]) - m.start("w")
    if re.search(r"(?<![\w.])[A-Z]\.$", text[start:end]):
        m = _RIGHT_LAST.match(text, end)
        if m and not re.fullmatch(r"[A-Z]\.", m.group("w")):
            end = m.end("w")
    return start, end


_AT_LAW = re.compile(rf"(?m)^[ \t]*(?P<name>{NAME}|{CAPS_NAME}),[ \t]+(?:ATTORNEY[ \t]+AT[ \t]+LAW|Attorney[ \t]+at[ \t]+Law)\b")


def at_law_cues(text: str) -> list[Cue]:
    """Appearance lines of transcripts: "JANE Q. ROE, ATTORNEY AT LAW" (the name is counsel)."""
    return [Cue(m.start("name"), m.end("name"), "attorney", method="counsel") for m in _AT_LAW.finditer(text)]


def all_cues(text: str) -> list[Cue]:
    """Every cue of this module, in text order; person names cut by a line break are joined
    (:func:`join_broken_name`)."""
    from .party_counsel import counsel_cues

    cues = (title_cues(text) + judge_cues(text) + attorney_cues(text) + counsel_cues(text) + declarant_cues(text)
            + label_cues(text) + prose_cues(text) + at_law_cues(text))
    cues = [c if c.entity_type != "PERSON" else
            Cue(*join_broken_name(text, c.start_char, c.end_char), c.role, c.title, c.entity_type, c.method) for c in cues]
    cues.sort(key=lambda c: (c.start_char, -(c.end_char - c.start_char)))
    return cues
