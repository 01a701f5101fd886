"""Pydantic models of the facts contract (``../shared/spec/FACTS.md``, schema 1.x).

The JSON Schema printed by ``python -m extractor schema`` is generated from
these models, so the contract and the code cannot drift apart. Offsets are
character offsets into ``document.text`` (0-based, end exclusive); pages are
1-based.
"""
from __future__ import annotations

from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.1"

FactType = Literal["party", "date", "quantity", "count", "order", "citation", "quote", "identifier"]
EntityType = Literal["PERSON", "ORG", "GOV_AGENCY", "COURT"]
Role = Literal[
    "plaintiff", "defendant", "petitioner", "respondent", "appellant", "appellee",
    "intervenor", "amicus", "debtor", "creditor", "trustee", "judge", "attorney", "declarant", "witness", "court",
    "agency", "official", "other",
]
DocumentKind = Literal[
    "complaint", "indictment", "motion", "order", "opinion", "docket",
    "declaration", "transcript", "news", "other",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PageSpan(_Model):
    """One page of the document text: ``text[start_char:end_char]``; ``number`` is 1-based."""

    number: int = Field(ge=1)
    start_char: int = Field(ge=0)
    end_char: int = Field(ge=0)
    ocr: bool = False


class Case(_Model):
    """The matter the document belongs to, as its caption states it."""

    caption: Optional[str] = None
    court: Optional[str] = None
    docket_number: Optional[str] = None
    judge: Optional[str] = None


class AnchorCandidate(_Model):
    """A date the document bears that could serve as its own date, and where it was read."""

    date: str = Field(description="ISO 8601 day")
    source: Literal["ecf_header", "date_filed", "stamp", "decided", "dated", "dateline", "metadata"]
    start_char: Optional[int] = Field(None, ge=0, description="where the date is in document.text, or null")


class Redaction(_Model):
    """An opaque box over a text-like area of a PDF page (1.1); ``text_under`` marks a failed redaction."""

    page: int = Field(ge=1, description="1-based page")
    bbox: list[float] = Field(min_length=4, max_length=4,
                              description="[x0, top, x1, bottom] in PDF points from the page's top-left corner")
    text_under: bool = Field(description="characters of the text layer lie at least 80% inside the box, hidden by it")


class Document(_Model):
    """The input document: identity, kind, anchor date, page map (1-based pages, character offsets) and case."""

    id: str = Field(description="sha256 hex of the input bytes")
    source: str = Field(description="path as given, or the uploaded file name")
    media_type: str
    kind: DocumentKind
    anchor_date: Optional[str] = Field(None, description="ISO 8601 date the relative dates resolve against")
    anchor_date_source: Optional[Literal["user", "text", "metadata"]] = None
    anchor_candidates: list[AnchorCandidate] = Field(
        default_factory=list, description="dates the document bears that could be its own date, best first (1.1)")
    pages: list[PageSpan]
    text_length: int = Field(ge=0)
    case: Case
    text: Optional[str] = Field(None, description="the full extracted text, on request (--include-text)")
    redactions: Optional[list[Redaction]] = Field(None, description="PDFs only: opaque boxes over text-like areas (1.1)")


class Sentence(_Model):
    """The sentence holding a fact: its text and character offsets (0-based, end exclusive)."""

    text: str
    start_char: int = Field(ge=0)
    end_char: int = Field(ge=0)


class CharSpan(_Model):
    """One mention: character offsets into ``document.text`` (0-based, end exclusive)."""

    start_char: int = Field(ge=0)
    end_char: int = Field(ge=0)


class _FactBase(_Model):
    id: str
    text: str
    start_char: int = Field(ge=0)
    end_char: int = Field(ge=0)
    page: Optional[int] = Field(None, ge=1)
    sentence: Sentence
    confidence: float = Field(ge=0.0, le=1.0)
    method: str
    review: Optional[dict] = Field(None, description="a reviewer's decision, added by the review app's export")


class PartyFact(_FactBase):
    """An actor in the matter, one fact per party; ``mentions`` lists every place it is named."""

    type: Literal["party"] = "party"
    name: str
    aliases: list[str] = []
    entity_type: EntityType
    role: Role
    title: Optional[str] = None
    mentions: list[CharSpan] = []


class DateFact(_FactBase):
    """A date, ISO 8601 at the precision the text gives ("2025-04"); ``relative`` when resolved against the anchor."""

    type: Literal["date"] = "date"
    value: str = Field(description="ISO 8601 at the precision the text gives")
    precision: Literal["day", "week", "month", "quarter", "season", "year", "decade", "century"]
    relative: bool = False
    event: Optional[str] = None


class QuantityFact(_FactBase):
    """A number with what it counts or measures; percents keep the value as written (5 for "5%")."""

    type: Literal["quantity"] = "quantity"
    value: float
    unit: Optional[str] = None
    kind: Literal["count", "money", "percent", "duration", "other"]
    approximate: bool = False
    comparator: Literal["eq", "lt", "le", "gt", "ge"] = "eq"
    of_total: Optional[float] = None
    vague: bool = False


class CountFact(_FactBase):
    """A numbered cause of action or criminal charge ("COUNT II")."""

    type: Literal["count"] = "count"
    number: int
    title: Optional[str] = None
    statutes: list[str] = []
    against: list[str] = []


class OrderFact(_FactBase):
    """What a court ordered, granted, denied, enjoined ...; ``prior`` for rulings only reported from the history."""

    type: Literal["order"] = "order"
    action: str
    court: Optional[str] = None
    directed_to: Optional[str] = None
    directive: Optional[str] = None
    object: Optional[str] = None
    date: Optional[str] = None
    polarity: Literal["grant", "deny", "neutral"] = "neutral"
    prior: bool = False


class CitationFact(_FactBase):
    """A case, statute or regulation citation with its normalized form ("26 U.S.C. § 6103")."""

    type: Literal["citation"] = "citation"
    kind: Literal["case", "statute", "regulation", "other"]
    normalized: str
    reporter: Optional[str] = None
    volume: Optional[str] = None
    reporter_page: Optional[str] = Field(
        None, description="the cited first page (FACTS.md's citation `page`; renamed because `page` is the document page)")
    year: Optional[int] = None
    pin_cite: Optional[str] = None


class QuoteFact(_FactBase):
    """A statement attributed to a speaker; ``direct`` when in quotation marks."""

    type: Literal["quote"] = "quote"
    speaker: Optional[str] = None
    speaker_title: Optional[str] = None
    content: str
    direct: bool = True


class IdentifierFact(_FactBase):
    """A personal identifier that court privacy rules limit (1.1): Fed. R. Civ. P. 5.2(a),
    Fed. R. Crim. P. 49.1(a), Fed. R. Bankr. P. 9037(a)."""

    type: Literal["identifier"] = "identifier"
    kind: Literal["ssn", "tin", "dob", "minor", "account", "address"]
    redacted: bool = Field(description="true only when nothing beyond what the rule allows shows")
    rule: str = Field(description='the rule that applies: "Fed. R. Crim. P. 49.1(a)(1)"')
    exempt: Optional[str] = Field(None, description='the exemption that lifts the limit ("Fed. R. Civ. P. 5.2(b)(1)"), or null')


# Every fact model, in FACTS.md order (a new fact type is added here and in the union below).
FACT_MODELS = (PartyFact, DateFact, QuantityFact, CountFact, OrderFact, CitationFact, QuoteFact, IdentifierFact)
Fact = Annotated[
    Union[PartyFact, DateFact, QuantityFact, CountFact, OrderFact, CitationFact, QuoteFact, IdentifierFact],
    Field(discriminator="type"),
]


class Warning_(_Model):
    """A survivable problem with a stable ``code`` ("pdf.no_text_layer"); ``page`` is 1-based or null."""

    code: str
    message: str
    page: Optional[int] = None


class ExtractorInfo(_Model):
    """Which extractor and pipeline produced the result."""

    name: str
    version: str
    pipeline: str


class Result(_Model):
    """One document in, one of these out (FACTS.md, "One document in")."""

    schema_version: str = SCHEMA_VERSION
    document: Document
    facts: list[Fact]
    warnings: list[Warning_] = []
    extractor: ExtractorInfo


class ErrorDocument(_Model):
    """The identity of a file that could not be read: ``source`` as given, ``id`` its sha256 or null."""

    id: Optional[str] = None
    source: str


class Error(_Model):
    """Why a file could not be read: a stable ``code`` ("pdf.encrypted") and a plain ``message``."""

    code: str
    message: str


class ErrorResult(_Model):
    """The batch line for a file that could not be read (FACTS.md, "Batch output")."""

    schema_version: str = SCHEMA_VERSION
    document: ErrorDocument
    facts: list = []
    error: Error


def json_schema() -> dict:
    """Return the JSON Schema (draft 2020-12) of one output line: a result or an error line."""
    from pydantic import TypeAdapter

    return TypeAdapter(Union[Result, ErrorResult]).json_schema()


def validate_line(obj: dict) -> None:
    """Validate one output object against the contract.

    Raises:
        pydantic.ValidationError: when the object does not match.
    """
    if "error" in obj:
        ErrorResult.model_validate(obj)
    else:
        Result.model_validate(obj)
