"""Pydantic records that newsfacts emits.

Every model forbids extra fields. Every fact carries provenance the way
Presidio's ``RecognizerResult`` does: ``start``/``end`` character offsets, the
surface ``text``, the ``rule`` that fired and a ``score``.

Offsets: inside a spaCy component, ``start``/``end`` are offsets into
``doc.text`` (the normalised story text). The pipeline re-maps every
``start``/``end`` field to offsets into the *raw decoded text of the source
file* before a record is written (see ``extract.text.offsets``). In written
output they are always raw offsets.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SpanRef(Record):
    """A span of text with its offsets."""

    start: int = Field(ge=0, description="start offset (raw text of the source, once written)")
    end: int = Field(ge=0, description="end offset, exclusive")
    text: str = Field(description="surface text, normalised")


class Fact(SpanRef):
    """A recognised fact: span plus which rule fired and how sure it is."""

    rule: str = Field(description="name of the rule or pattern that fired")
    score: float = Field(ge=0.0, le=1.0)


class SourceRef(Record):
    path: str = Field(description="path of the input file as given")
    doc_id: str = Field(description="document id: JSONL id, or the file name")
    line: Optional[int] = Field(None, ge=1, description="line of a JSONL input the document came from")


class Sentence(SpanRef):
    words: Optional[list[str]] = Field(None, description="pkuseg words, when asked for (--words)")


class Paragraph(SpanRef):
    pass


class Furniture(SpanRef):
    """Page furniture moved out of the body text, kept as metadata."""

    kind: Literal["jump_from", "jump_to", "photo_credit", "editor", "published", "title_repeat", "page"]


class Mention(SpanRef):
    pass


class Position(SpanRef):
    title: str = Field(description="the title, with prefixes such as 副 or 常务 (e.g. 司长, 副总理)")
    org: Optional[str] = Field(None, description="the organisation, as printed, or filled in when elided")
    org_elided: bool = Field(False, description="org was not printed here but taken from the position before")
    former: bool = Field(False, description="a former position (原…)")


class Official(Fact):
    name: str
    positions: list[Position] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    is_reporter: bool = Field(False, description="a byline or photo credit, not a news subject")


class Organization(Fact):
    name: str = Field(description="the name as first printed in the story")
    canonical: str = Field(description="canonical full name; aliases share it")
    aliases: list[str] = Field(default_factory=list)
    kind: Optional[str] = None
    parent: Optional[str] = None
    mentions: list[Mention] = Field(default_factory=list)


Precision = Literal["day", "month", "year", "time", "quarter", "half", "week"]


class DateValue(Fact):
    value: Optional[str] = Field(None, description="ISO date truncated to its precision; null when unresolvable")
    end_value: Optional[str] = Field(None, description="end of a range, ISO")
    precision: Optional[Precision] = None
    kind: Literal["absolute", "relative", "vague", "range", "since"] = "absolute"
    time_of_day: Optional[str] = Field(None, description="e.g. 下午6时 -> '18:00' or '下午'")
    year_source: Optional[str] = Field(None, description="where the year came from when not printed")
    unresolved: Optional[str] = Field(None, description="why value is null: no reference date, impossible date, out of range, vague")


class Claim(Fact):
    value: Optional[Decimal] = Field(None, description="exact value with 万/亿 applied")
    unit: Optional[str] = None
    per: Optional[str] = Field(None, description="for a rate, the unit the value is counted per (4200元/吨: unit 元, per 吨)")
    qualifier: Literal["exact", "approx", "more_than", "less_than", "at_most", "at_least", "range"] = "exact"
    lower: Optional[Decimal] = None
    upper: Optional[Decimal] = None
    measure: Optional[str] = Field(None, description="what the number measures, where the sentence says it")
    direction: Optional[Literal["increase", "decrease"]] = None
    period: Optional[str] = Field(None, description="the time the claim refers to, where stated")
    sentence: Optional[str] = None


class Event(Fact):
    date: DateValue
    trigger: str
    location: Optional[str] = Field(None, description="the event's place; 在此间/在这里 with no place named "
                                    "before it is the dateline's place (苏州), its span the pronoun's")
    officials: list[str] = Field(default_factory=list)
    location_span: Optional[Mention] = Field(None, description="where the place is printed")


class ReferenceDate(Record):
    """The date relative expressions in a story resolve against."""

    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    source: str = Field(description="where it came from: dateline, published, header, text-year, option, none")
    year_source: Optional[str] = Field(None, description="where the year came from")


class Correction(Record):
    """A reviewer's decision applied to a fact (``newsfacts export``), for provenance."""

    conflict_id: str
    field: str = Field(description="what was corrected: official name, claim value, date, text")
    path: str = Field(description="where in the record, e.g. officials[0].name")
    from_text: str = Field(alias="from")
    to_text: str = Field(alias="to")
    reviewer: str
    decided_at: str = Field(description="ISO 8601 time of the decision")
    decision: str = Field(description="accept, pick, not_error")

    model_config = ConfigDict(extra="forbid", populate_by_name=True, serialize_by_alias=True)


class StoryRecord(Record):
    schema_version: str = SCHEMA_VERSION
    record_type: Literal["story"] = "story"
    story_id: str
    source: SourceRef
    start: int
    end: int
    headline: Optional[str] = None
    subtitle: Optional[str] = None
    dateline: Optional[str] = None
    byline: Optional[str] = None
    reporters: list[str] = Field(default_factory=list)
    published: Optional[str] = None
    reference_date: Optional[ReferenceDate] = None
    furniture: list[Furniture] = Field(default_factory=list, description="page furniture moved out of the body: 上接/下转, photo credits, 责编, 发布时间")
    text: str
    paragraphs: list[Paragraph] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    officials: list[Official] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    dates: list[DateValue] = Field(default_factory=list, description="every date expression, resolved")
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    corrections: list[Correction] = Field(default_factory=list, description="reviewers' decisions applied by `newsfacts export`")


class ErrorRecord(Record):
    schema_version: str = SCHEMA_VERSION
    record_type: Literal["error"] = "error"
    code: str = Field(description="code in the catalogue, extract/errors.py")
    message: str
    path: str = Field(description="the input the error is about")
    line: Optional[int] = Field(None, description="line of a JSONL input")
    doc_id: Optional[str] = Field(None, description="the document, when the error is about one")
    story_id: Optional[str] = Field(None, description="the story, when one extractor failed on it (NF012)")
    extractor: Optional[str] = Field(None, description="the extractor that failed (NF012)")


class MemberRef(Record):
    """One story as a member of a version group."""

    source: SourceRef
    story_id: str
    start: int
    end: int
    headline: Optional[str] = None


class Group(Record):
    schema_version: str = SCHEMA_VERSION
    record_type: Literal["group"] = "group"
    group_id: str
    members: list[MemberRef]


class Reading(Record):
    """What one or more versions print at a discrepancy."""

    text: str
    source: SourceRef
    story_id: str
    start: int = Field(description="raw offset in that source")
    end: int
    votes: int = Field(description="how many versions share this reading")
    value: Optional[str] = Field(None, description="what the reading says: a number's parsed value "
                                 "(claim.value, numeral), or a date resolved against the group's "
                                 "reference date (date, dateline); null when it does not parse or resolve")
    context_before: str = Field(description="text just before the reading in this version")
    context_after: str = Field(description="text just after the reading in this version")


ConflictField = Literal["official.name", "official.position", "claim.value", "claim.unit",
                        "claim.qualifier", "date", "text", "punctuation", "headline", "dateline", "byline"]
ConflictKind = Literal["similar_glyph", "homophone", "numeral", "omission", "insertion",
                       "transposition", "substitution", "punctuation"]


class Conflict(Record):
    schema_version: str = SCHEMA_VERSION
    record_type: Literal["conflict"] = "conflict"
    conflict_id: str
    group_id: str
    field: ConflictField
    kind: ConflictKind
    evidence: list[str] = Field(default_factory=list, description="why the kind was chosen, e.g. same_pinyin, similar_shape")
    severity: Literal["high", "medium", "low"]
    readings: list[Reading]
    consensus: Optional[str] = Field(None, description="the reading a strict majority of versions share")
    context: str = Field(description="the pivot version's text around the discrepancy, reading in 【】")
