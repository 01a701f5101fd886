"""Finders for the personal identifiers that court privacy rules limit, over plain text.

Each finder returns :class:`Hit` objects (kind, character span, whether only what the rule
allows shows). Numbers are validated before they are flagged, and a number counts only
beside the words that name it:

* ``ssn`` / ``tin``: nine digits ("457-31-9082", "538 62 1947", "219584603") validated by
  python-stdnum (``stdnum.us.ssn``: no area 000, 666 or 9xx, no group 00, no serial 0000;
  ``stdnum.us.itin``: area 9xx with the ITIN groups), or a masked form ("XXX-XX-7731",
  "ends in 6650"), after "SSN", "Social Security", "taxpayer identification" or "TIN".
  A bare dashed 3-2-4 number that stdnum accepts is an SSN too. "EIN" and "employer
  identification" name a business's number, which the rules do not limit.
* ``account``: a number after "account", "acct." or "card" (13-19 digit card numbers must
  pass the Luhn check, ``stdnum.luhn``), a masked one ("XXXXXX0917", "ending in 4821"), or
  a Luhn-valid number grouped as a card number ("4929 1835 6620 1475"). Routing and check
  numbers are not accounts.
* ``dob``: a date after "DOB", "date of birth", "birth date" or "born (on|in)".
* ``minor``: a full name or initials the text shows to be a minor's ("NAME, a minor",
  "14-year-old son, NAME", "daughter, NAME, age 9"); labels ("Minor Victim 1") are no name.
* ``address``: a street address or a city and state after "resides at", "lives (...) at|in",
  "home address". Whether the case is criminal is decided by the caller.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from stdnum import luhn
from stdnum.us import itin, ssn


@dataclass(frozen=True)
class Hit:
    """One identifier found in the text.

    Attributes:
        kind: ``ssn | tin | dob | minor | account | address`` (FACTS.md 1.1).
        start_char, end_char: the identifier as written (0-based, end exclusive).
        redacted: True when nothing beyond what the rule allows shows.
        method: the pattern id ("ssn_labelled", "luhn", ...).
        confidence: 0..1.
    """

    kind: str
    start_char: int
    end_char: int
    redacted: bool
    method: str
    confidence: float = 0.9


_SSN_WORDS = r"social[ -]security(?:\s+(?:account|no\b\.?|number|#))?|\bsoc\.?\s*sec\.?|\bSSNs?\b|\bS\.S\.N\.?|\bSS#"
_TIN_WORDS = r"(?:individual\s+)?taxpayer[ -]identification(?:\s+(?:number|no\b\.?))?|\bI?TINs?\b"
_EIN_WORDS = r"\bEINs?\b|\bemployer[ -]identification"
_ID_LABEL = re.compile(rf"(?P<ssn>{_SSN_WORDS})|(?P<tin>{_TIN_WORDS})|(?P<ein>{_EIN_WORDS})", re.I)
# words allowed between a label and its number ("Social Security number as 457-31-9082")
_FILL = re.compile(r"(?:[\s:#,(\-–]|\b(?:numbers?|nos?|num|numbered|is|was|are|were|of|as|listed|reads?|shows?|full)\b\.?)*", re.I)
_NINE = re.compile(r"(?<![\w-])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\w-]|\.\d)")
_MASKED_NINE = re.compile(r"(?<![\w-])([X*•#x\d]{3})-?([X*•#x\d]{2})-?([X*•#x\d]{4})(?![\w-])")
_ENDS = re.compile(r"\b(?:ends?|ending|concludes?)\s+(?:in|with)\s+(?:the\s+(?:digits\s+)?)?(\d{4})\b"
                   r"|\blast\s+(?:four|4)(?:\s+digits)?(?:\s+(?:of\s+\w+|are|is|being))*\s*:?\s+(\d{4})\b", re.I)


def _is_mask(ch: str) -> bool:
    return ch in "X*•#x"


def validate_nine(digits: str) -> str | None:
    """Which individual number nine digits can be.

    Args:
        digits: nine ASCII digits.
    Returns:
        "ssn" (``stdnum.us.ssn``: area not 000/666/9xx, group not 00, serial not 0000),
        "tin" (an ITIN: area 9xx with group 70-88, 90-92 or 94-99 as ``stdnum.us.itin`` checks,
        or 50-65, the groups the IRS added in 2011, which stdnum 2.2 does not know yet), or None.
    """
    if ssn.is_valid(digits):
        return "ssn"
    if itin.is_valid(digits) or (digits[0] == "9" and 50 <= int(digits[3:5]) <= 65):
        return "tin"
    return None


def _label_kind(label: re.Match) -> str:
    return "ssn" if label.group("ssn") else "tin" if label.group("tin") else "ein"


def find_ssn_tin(text: str) -> list[Hit]:
    """SSNs and TINs, full or masked, labelled or (full, dashed 3-2-4 and valid) bare.

    Args:
        text: the document text.
    Returns:
        Hits of kind "ssn" or "tin" (a labelled TIN stays "tin" even when it is also a valid SSN).
    """
    hits: list[Hit] = []
    taken: set[int] = set()
    for label in _ID_LABEL.finditer(text):
        kind = _label_kind(label)
        tail = _FILL.match(text, label.end())
        at = tail.end() if tail else label.end()
        sentence_end = _sentence_end(text, label.end())
        if kind == "ein":
            m = _NINE.match(text, at) or re.compile(r"\d{2}-\d{7}\b").match(text, at)
            if m:
                taken.add(m.start())  # a business's EIN: not limited, never an SSN
            continue
        m = _NINE.match(text, at) or _near_valid_nine(text, at, min(sentence_end, label.end() + 50))
        if m and m.start() not in taken:
            found = validate_nine(m.group(1) + m.group(3) + m.group(4))
            if found:
                hits.append(Hit("tin" if kind == "tin" else found, m.start(), m.end(), False, f"{kind}_labelled"))
            taken.add(m.start())
            continue
        if _LAST_FOUR_BEFORE.search(text, max(0, label.start() - 45), label.start()):
            # "the last four digits of her Social Security number (1234)"
            m = _FOUR_AFTER.match(text, label.end())
            if m and m.start(1) not in taken:
                hits.append(Hit(kind, m.start(1), m.end(1), True, f"{kind}_last_four"))
                taken.add(m.start(1))
                continue
        m = _MASKED_NINE.match(text, at)
        if m and any(_is_mask(c) for c in m.group(0)) and m.start() not in taken:
            shown = [c for c in m.group(0) if c.isdigit()]
            redacted = all(_is_mask(c) for c in m.group(1) + m.group(2)) and len(shown) <= 4
            hits.append(Hit(kind, m.start(), m.end(), redacted, f"{kind}_masked"))
            taken.add(m.start())
            continue
        # "... number ends in 6650; his wife's ends in 3315": an ending right after the label, and
        # each ending right after the one before it, in the label's sentence
        reach = label.end() + 25
        for end in _ENDS.finditer(text, label.end(), sentence_end):
            if end.start() > reach:
                break
            g = 1 if end.group(1) else 2
            if end.start(g) not in taken:
                hits.append(Hit(kind, end.start(g), end.end(g), True, f"{kind}_last_four"))
                taken.add(end.start(g))
            reach = end.end() + 40
    for m in re.finditer(r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-]|\.\d)", text):
        if _OTHER_NUMBER.search(text, max(0, m.start() - 30), m.start()):
            continue  # "Case No.", "Bates", "Badge", "Employee ID", "phone" ... name another number
        if m.start() not in taken and validate_nine(m.group(0).replace("-", "")) == "ssn":
            hits.append(Hit("ssn", m.start(), m.end(), False, "ssn_format", 0.7))
    return hits


_LAST_FOUR_BEFORE = re.compile(r"\blast\s+(?:four|4)(?:\s+digits)?\s+of\b[^.;\n]{0,25}$", re.I)
_FOUR_AFTER = re.compile(r"(?:[\s:,(#]|\b(?:numbers?|nos?|is|are|was|were)\b\.?)*(\d{4})(?![\w-])", re.I)
_OTHER_NUMBER = re.compile(r"\b(?:case|docket|no|nos|bates|badge|employee|id|ident|claim|file|invoice|order|patent|serial|"
                           r"reference|ref|tracking|inmate|register|reg|usm|phone|tel|telephone|fax|ecf|page|pageid|"
                           r"doc|document|exhibit|ex|control|policy|loan|permit|license|lic|member)\b\.?\s*(?:#|number|no\.?)?\s*:?\s*$", re.I)


def _near_valid_nine(text: str, start: int, end: int):
    """The first nine-digit number in ``text[start:end]`` that :func:`validate_nine` accepts
    ("Social Security number, which is 321-54-9876")."""
    for m in _NINE.finditer(text, start, end):
        if validate_nine(m.group(1) + m.group(3) + m.group(4)):
            return m
    return None


def _sentence_end(text: str, start: int, limit: int = 300) -> int:
    m = re.compile(r"[.;!?](?=\s+[A-Z(\"“])|\n\s*\n").search(text, start, min(len(text), start + limit))
    return m.start() if m else min(len(text), start + limit)


_ACCOUNT_LABEL = re.compile(
    r"\b(?:(?:bank|checking|savings|brokerage|deposit|financial|loan|credit|investment|escrow|trust)\s+)?"
    r"(?:account|acct)s?\b\.?|\b(?:credit|debit|bank|charge|Visa|Mastercard|Discover|Amex|American Express)\s+card\b"
    r"|\bcard\b", re.I)
_ACCOUNT_FILL = re.compile(r"(?:[\s:#,(\-–]|\b(?:numbers?|nos?|num|numbered|is|was|of|as|listed|ending|ends|in|with|the)\b\.?)*", re.I)
_ACCOUNT_NUMBER = re.compile(r"(?<![\w$.,/-])((?:[X*•x]{2,}[- ]?)?\d+(?:[- ]\d+){0,4}|[X*•x]{2,}[- ]?(?:[X*•x]+[- ])*\d{3,4})(?![\w/-]|[.,]\d)")
_NOT_ACCOUNT = re.compile(r"\b(?:routing|ABA|check|cheque|transit|SWIFT|BIC|IBAN\s+check)\s*$", re.I)
_CARD_GROUPS = re.compile(r"(?<![\w-])\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}(?![\w-])")


def find_accounts(text: str) -> list[Hit]:
    """Financial-account numbers: labelled (full or masked or "ending in"), and bare card numbers.

    Args:
        text: the document text.
    Returns:
        Hits of kind "account". A full number has at least five digits; a labelled number of
        13-19 digits after "card" must pass the Luhn check (``stdnum.luhn``), and so must a
        bare number in card groups (4-4-4-x).
    """
    hits: list[Hit] = []
    taken: set[int] = set()
    for label in _ACCOUNT_LABEL.finditer(text):
        if _NOT_ACCOUNT.search(text, max(0, label.start() - 12), label.start()):
            continue
        fill = _ACCOUNT_FILL.match(text, label.end())
        at = fill.end() if fill else label.end()
        between = text[label.end():at]
        m = _ACCOUNT_NUMBER.match(text, at)
        if not m or at - label.end() > 30 or "\n\n" in between:
            continue
        raw = m.group(1)
        digits = re.sub(r"\D", "", raw)
        masked = any(_is_mask(c) for c in raw)
        ending = (re.search(r"\b(?:ending|ends)\b", between, re.I) is not None
                  or _LAST_FOUR_BEFORE.search(text, max(0, label.start() - 45), label.start()) is not None)
        is_card = "card" in label.group(0).lower()
        if masked or ending:
            if len(digits) > 4 or not digits:
                redacted = False
            else:
                redacted = True
        elif len(digits) < 5 or len(digits) > 20:
            continue
        else:
            if is_card and 13 <= len(digits) <= 19 and not luhn.is_valid(digits):
                continue
            if is_card and len(digits) < 13:
                continue
            redacted = False
        if m.start() in taken:
            continue
        hits.append(Hit("account", m.start(), m.end(), redacted, "account_labelled"))
        taken.add(m.start())
    for m in _CARD_GROUPS.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if m.start() not in taken and 13 <= len(digits) <= 19 and luhn.is_valid(digits):
            hits.append(Hit("account", m.start(), m.end(), False, "luhn", 0.8))
    return hits


_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
           r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = re.compile(
    rf"(?P<mdy>{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
    rf"|(?P<dmy>\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS},?\s+\d{{4}})"
    rf"|(?P<my>{_MONTHS},?\s+(?:of\s+)?\d{{4}})"
    r"|(?P<num>\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2}))(?![\d/.-]*\d)"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})"
    r"|(?P<year>(?:1[89]|20)\d{2})(?![\d/-]|['’]?s\b)", re.I)
_BIRTH = re.compile(r"\bD\.?O\.?B\b\.?|\bdates?\s+of\s+birth\b|\bbirth\s*dates?\b|\bbirthday\b|\bborn\b", re.I)
_BIRTH_FILL = re.compile(r"(?:[\s:,(\-–]|\b(?:is|was|of|on|in|:|the|year|day)\b)*", re.I)


def _valid_numeric(value: str) -> bool:
    parts = re.split(r"[/.-]", value)
    try:
        month, day, year = (int(p) for p in parts)
        dt.date(year if year > 99 else 1900 + year, month, day)
    except ValueError:
        return False
    return True


def find_birth_dates(text: str) -> list[Hit]:
    """Birth dates: the first date right after a birth word ("DOB: 03/14/1987", "born on August 9, 1979").

    Args:
        text: the document text.
    Returns:
        Hits of kind "dob"; ``redacted`` when only the year shows ("born in 1987",
        Fed. R. Civ. P. 5.2(a)(2)).
    """
    hits = []
    for label in _BIRTH.finditer(text):
        fill = _BIRTH_FILL.match(text, label.end())
        at = fill.end() if fill else label.end()
        if at - label.end() > 20:
            continue
        m = _DATE.match(text, at)
        if not m:
            continue
        if m.group("num") and not _valid_numeric(m.group("num")):
            continue
        hits.append(Hit("dob", m.start(), m.end(), m.group("year") is not None, "dob_labelled"))
    return hits


_NAME = (r"(?:[A-Z]\.\s?){2,3}(?![A-Za-z])"
         r"|[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?(?:\s+[A-Z]\.)?(?:\s+(?:de\s+|van\s+|von\s+)?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?){1,3}"
         r"|[A-Z]{2,}(?:[-'’][A-Z]{2,})?(?:\s+[A-Z]\.)?(?:\s+[A-Z]{2,}(?:[-'’][A-Z]{2,})?){1,3}")
_LABEL_WORDS = re.compile(r"\b(?:minor|victim|child|children|doe|roe|juvenile|witness|individual|person|employee|"
                          r"plaintiffs?|defendants?|student|parent|guardian|mother|father|the|his|her|their|court)\b", re.I)
_RELATION = r"(?:son|daughter|child|grandson|granddaughter|nephew|niece|stepson|stepdaughter|brother|sister|boy|girl|student|dependent)"
_MINOR_PATTERNS = [
    ("minor_apposition", re.compile(rf"(?P<name>{_NAME}),?\s+(?:\(\s*)?(?:a|an|then\s+a)\s+minor\b")),
    ("minor_age_before", re.compile(rf"\b(?P<age>\d{{1,2}})[- ]year[- ]old(?:\s+{_RELATION}(?:,|\s+named)?|,|\s+named)\s+(?P<name>(?-i:{_NAME}))", re.I)),
    ("minor_age_after", re.compile(rf"\b{_RELATION}s?,?\s+(?P<name>(?-i:{_NAME})),?\s+\(?(?:age|aged)?\s*(?P<age>\d{{1,2}})(?=\s*(?:[,;)]|\.(?!\d)|years?\b|$))", re.I)),
    ("minor_age_after", re.compile(rf"(?P<name>{_NAME}),?\s+\(?(?:age|aged)\s+(?P<age>\d{{1,2}})\b")),
    ("minor_label", re.compile(rf"\bminors?(?:\s+(?:child|children|son|daughter|plaintiff|victim))?,?\s+(?:named\s+)?(?P<name>{_NAME})(?!\w)")),
]
_MINOR_AGE = 18  # Fed. R. Civ. P. 5.2(a)(3): "a minor"; the age of majority in federal practice


def find_minors(text: str) -> list[Hit]:
    """Names of individuals the text shows to be minors.

    Args:
        text: the document text.
    Returns:
        Hits of kind "minor"; ``redacted`` when only initials show ("J.R.",
        Fed. R. Civ. P. 5.2(a)(3)). A name needs two words (or initials); labels
        such as "Minor Victim 1" and ages of 18 and over give nothing.
    """
    hits, taken = [], set()
    for method, pattern in _MINOR_PATTERNS:
        # case-insensitive patterns must not let the name part match lower-case words
        for m in pattern.finditer(text):
            name = m.group("name")
            if not name[0].isupper() or _LABEL_WORDS.search(name):
                continue
            if "age" in m.groupdict() and m.group("age") and int(m.group("age")) >= _MINOR_AGE:
                continue
            words = re.findall(r"[A-Za-z]+", name)
            initials = all(len(w) == 1 for w in words)
            if not initials and any(not w[0].isupper() for w in words if w.lower() not in ("de", "van", "von")):
                continue
            if m.start("name") in taken:
                continue
            taken.add(m.start("name"))
            hits.append(Hit("minor", m.start("name"), m.end("name"), initials, method, 0.8))
    return hits


_STATES = ("Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
           "Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
           "Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|"
           "North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|"
           "Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|District of Columbia|Puerto Rico|"
           r"A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]"
           r"|(?:Ala|Ariz|Ark|Cal|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|"
           r"Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wyo)\.|N\.[HJMY]\.|[NS]\.\s?(?:C|D)\.")
_STREET = (r"Street|St|Drive|Dr|Avenue|Ave|Road|Rd|Lane|Ln|Court|Ct|Circle|Cir|Boulevard|Blvd|Way|Place|Pl|Parkway|Pkwy|"
           r"Terrace|Ter|Trail|Trl|Highway|Hwy|Loop|Square|Sq|Pike|Run|Row|Alley|Path|Crossing|Point|Ridge")
_CITY_STATE = rf"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}},\s+(?:{_STATES})(?![a-z])(?:\s+\d{{5}}(?:-\d{{4}})?)?"
_ADDRESS = re.compile(
    rf"(?P<street>\d{{1,6}}\s+(?:[NSEW]\.?\s+)?(?:[A-Z0-9][\w'’-]*\.?\s+){{1,4}}(?:{_STREET})\b\.?"
    rf"(?:,?\s+(?:Apt|Apartment|Unit|Suite|Ste|Lot|Room|#)\.?\s*#?[\w-]+)?(?:,\s+{_CITY_STATE})?)"
    rf"|(?P<city>{_CITY_STATE})")
# "residence" and "the house located at" name searched premises as often as a home: not read
_RESIDES = re.compile(r"\b(?:resides?|resided|residing|lives?|lived|living|domiciled|home\s+address)\b", re.I)


def find_home_addresses(text: str) -> list[Hit]:
    """Home addresses: a street address or city and state after a residence phrase.

    Args:
        text: the document text.
    Returns:
        Hits of kind "address"; ``redacted`` when only the city and state show
        (Fed. R. Crim. P. 49.1(a)(5)). Business, counsel and court addresses have no
        residence phrase and give nothing.
    """
    hits = []
    for verb in _RESIDES.finditer(text):
        window_end = min(_sentence_end(text, verb.end(), 120), verb.end() + 60)
        at = re.compile(r"\b(?:at|in|is|of)\s+(?:the\s+(?:home|house|residence)\s+(?:at\s+)?)?").search(text, verb.end(), window_end)
        if not at:
            continue
        m = _ADDRESS.match(text, at.end())
        if not m:
            continue
        street = m.group("street") is not None
        if not street and at.group(0).strip().lower() not in ("in",):
            continue
        hits.append(Hit("address", m.start(), m.end(), not street, "address_residence", 0.8))
    return hits


def find_all(text: str) -> list[Hit]:
    """Every identifier hit in ``text``, in text order (overlaps not yet resolved).

    Args:
        text: the document text.
    Returns:
        Hits of all six kinds.
    """
    hits = find_ssn_tin(text) + find_accounts(text) + find_birth_dates(text) + find_minors(text) + find_home_addresses(text)
    return sorted(hits, key=lambda h: (h.start_char, -h.end_char))
