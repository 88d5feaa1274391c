"""Typed records of the output contract (``docs/output-contract.md``).

Pydantic v2 rather than dataclasses: the same classes validate what an extractor
produced, generate the contract's JSON Schema (``plantrace schema``), and give
analysts attribute access and IDE completion, where dataclasses would need a
second, hand-kept schema.

Every record allows extra fields (the contract welcomes them) and remembers the
order its fields were given in, so ``Document.from_record(d).to_record() == d``
key for key and ``plantrace extract --json`` prints the same bytes whether it goes
through the typed records or not.
"""
from __future__ import annotations

import json
from typing import Any, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_serializer, model_validator

Box = list[float]


class Record(BaseModel):
    """Base of every contract record: extra fields kept, field order kept."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)
    _order: tuple = PrivateAttr(default=())

    @model_validator(mode="wrap")
    @classmethod
    def _remember_order(cls, data, handler):
        inst = handler(data)
        if isinstance(data, dict):
            inst._order = tuple(data)
        return inst

    @model_serializer(mode="wrap")
    def _in_order(self, handler):
        out = handler(self)
        if not self._order or not isinstance(out, dict):
            return out
        # by_alias dumps name `for` under its alias; order is by the given keys
        ordered = {k: out[k] for k in self._order if k in out}
        ordered.update((k, v) for k, v in out.items() if k not in ordered)
        return ordered

    def to_record(self) -> dict:
        """Back to the plain JSON dict of the contract (only the fields that were set)."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)


class OcrPage(Record):
    """How one page was read by OCR."""

    page: int
    confidence: Optional[float] = Field(None, description="Mean word confidence, 0-100")
    words: int = 0
    low_confidence_words: int = Field(0, description="Words under the confidence floor")
    rotation: int = Field(0, description="Degrees the scan was turned clockwise to stand upright")
    skew: float = Field(0.0, description="Degrees it was then turned to level its lines")
    seconds: float = 0.0


class OcrWord(Record):
    """A word OCR read with a confidence under the floor."""

    page: int
    text: str
    confidence: float
    bbox: list[float] = Field(description="x0, top, x1, bottom in PDF points of the upright page")


class Source(Record):
    path: str
    sha256: str = ""
    pages: int = 0
    warnings: list[str] = Field(default_factory=list, description="Stored, but something in the file could not be read")
    ocr_pages: list[int] = Field(default_factory=list, description="Pages read by OCR (no usable text layer, or --ocr force)")
    ocr_confidence: Optional[float] = Field(None, description="Mean OCR confidence (0-100) of the words on those pages")
    ocr: list[OcrPage] = Field(default_factory=list, description="One summary per page read by OCR")
    ocr_low_confidence: list[OcrWord] = Field(default_factory=list,
                                              description="OCR'd words under the confidence floor: kept, but check them against the page")


class DateSpan(Record):
    start: Optional[str] = Field(None, description="ISO date, first day of the interval")
    end: Optional[str] = Field(None, description="ISO date, last day of the interval")
    granularity: Optional[str] = Field(None, description="day, mid-month, month, quarter, year, financial_year, range, time")
    qualifier: Optional[str] = Field(None, description="completed, by, start, review, embed, end, or null")


class DateInterval(Record):
    """A date expression as printed and the intervals it means."""
    text: Optional[str] = None
    dates: list[DateSpan] = Field(default_factory=list)
    tbc: bool = False


class PersonRef(Record):
    name: Optional[str] = None
    role: Optional[str] = None
    person_id: Optional[str] = None


class Update(Record):
    """One row of an action's table: progress, target date, who is accountable."""
    progress: Optional[str] = None
    page: Optional[int] = None
    bbox: Optional[Box] = None
    raw: Optional[Any] = None
    target_date: Optional[DateInterval] = None
    accountability_text: Optional[str] = None
    monitor_text: Optional[str] = None
    accountable: list[PersonRef] = Field(default_factory=list)
    monitors: list[PersonRef] = Field(default_factory=list)
    status: Optional[str] = Field(None, description="completed, in_progress, not_started, ongoing, unknown")
    rag: Optional[str] = Field(None, description="G, A, R or B")
    measure: Optional[str] = Field(None, description="the plan's measure or success criteria for the action")
    outcome: Optional[str] = Field(None, description="the outcome (or outcome codes) the action serves")
    status_text: Optional[str] = Field(None, description="status words as printed (\"Complete\", \"On track\")")


class Action(Record):
    id: Optional[str] = None
    text: Optional[str] = None
    page: Optional[int] = None
    bbox: Optional[Box] = None
    raw: Optional[Any] = None
    updates: list[Update] = Field(default_factory=list)
    status: Optional[str] = None
    section: Optional[str] = Field(None, description="the priority or heading the action sits under")


class Recommendation(Record):
    number: Optional[str] = None
    text: Optional[str] = None
    rag: Optional[str] = None
    page: Optional[int] = None
    outcomes: list[str] = Field(default_factory=list)
    measured_by: list[str] = Field(default_factory=list)
    objectives_heading: Optional[str] = None
    objectives: list[str] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)


class TrackedItem(Record):
    """A recommendation tracked without actions of its own (a progress report's rated row), flat."""
    text: Optional[str] = None
    recommendation: Optional[str] = None
    owner: Optional[str] = None
    target_date: Optional[str] = None
    status_text: Optional[str] = None
    rag: Optional[str] = None
    progress: Optional[str] = None
    page: Optional[int] = None


class Plan(Record):
    recommendations: list[Recommendation] = Field(default_factory=list)
    tracked_items: list[TrackedItem] = Field(
        default_factory=list, description="Recommendations without actions, one flat record each (progress reports)")


class Attendance(Record):
    present: list[PersonRef] = Field(default_factory=list)
    apologies: list[PersonRef] = Field(default_factory=list)
    officers: list[PersonRef] = Field(default_factory=list)
    in_attendance: list[PersonRef] = Field(default_factory=list)
    virtual: list[PersonRef] = Field(default_factory=list, description="Attending remotely")
    absent: list[PersonRef] = Field(default_factory=list, description="Absent without apologies recorded")


class Point(Record):
    label: Optional[str] = None
    text: Optional[str] = None
    page: Optional[int] = None
    bbox: Optional[Box] = None
    raw: Optional[Any] = None
    parent: Optional[str] = Field(None, description="Label of the point this one sits under")


class Resolution(Record):
    verb: Optional[str] = None
    text: Optional[str] = None
    page: Optional[int] = None
    raw: Optional[Any] = None


class Event(Record):
    kind: Optional[str] = None
    who: Optional[Union[str, list[str]]] = None
    text: Optional[str] = None
    page: Optional[int] = None


class Vote(Record):
    motion: Optional[str] = None
    mover: Optional[str] = None
    seconder: Optional[str] = None
    result: Optional[str] = None
    for_: list[str] = Field(default_factory=list, alias="for")
    against: list[str] = Field(default_factory=list)
    abstain: list[str] = Field(default_factory=list)


class Item(Record):
    number: Optional[str] = None
    title: Optional[str] = None
    page: Optional[int] = None
    bbox: Optional[Box] = None
    report_refs: list[str] = Field(default_factory=list)
    text: Optional[str] = None
    points: list[Point] = Field(default_factory=list)
    resolutions: list[Resolution] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    votes: list[Vote] = Field(default_factory=list)


class Meeting(Record):
    council: Optional[str] = None
    body: Optional[str] = None
    date: Optional[str] = None
    start_time: Optional[str] = None
    end_time: Optional[str] = None
    venue: Optional[str] = None
    attendance: Optional[Attendance] = None
    items: list[Item] = Field(default_factory=list)


class TableCell(Record):
    """One cell of a table grid (``plantrace tables``): rows and columns from 0, a merged cell once."""
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    text: str = ""
    bbox: Optional[Box] = None


class Table(Record):
    page: Optional[int] = None
    title: Optional[str] = None
    header: list[Any] = Field(default_factory=list)
    rows: list[list[Any]] = Field(default_factory=list)
    # The table layer's grid (``plantrace tables --json``, output contract §4).
    bbox: Optional[Box] = None
    ruled: Optional[bool] = None
    reader: Optional[str] = Field(None, description="ruled, partly-ruled or words: which reader produced the grid")
    header_rows: Optional[int] = None
    continues: Optional[bool] = Field(None, description="Carries on a table from the previous page")
    cells: list[TableCell] = Field(default_factory=list)


class Indicator(Record):
    """One row of a performance scorecard."""
    name: Optional[str] = None
    service: Optional[str] = None
    period: Optional[str] = None
    value: Optional[Any] = None
    target: Optional[Any] = None
    rag: Optional[str] = None
    previous_rag: Optional[str] = None
    direction: Optional[str] = None
    commentary: Optional[str] = None
    page: Optional[int] = None
    floor: Optional[Any] = Field(default=None, description="the floor standard or tolerance, where printed")
    previous_value: Optional[Any] = None
    short_name: Optional[str] = Field(default=None, description="the name a summary table gives the indicator")
    target_date: Optional[Any] = Field(default=None, description="a plan indicator's timescale, as text and dates")
    progress: Optional[str] = None
    section: Optional[str] = Field(default=None, description="the heading above the indicator's table")


class Risk(Record):
    """One row of a risk register."""
    text: Optional[str] = None
    owner: Optional[str] = None
    likelihood: Optional[Any] = None
    impact: Optional[Any] = None
    score: Optional[Any] = None
    rating: Optional[str] = None
    page: Optional[int] = None
    cause: Optional[str] = None
    event: Optional[str] = None
    consequence: Optional[str] = None
    controls: Optional[str] = None
    exposure: Optional[list[str]] = Field(default=None, description="financial exposure cells, as printed")


class Document(Record):
    """One document as ``plantrace extract --json`` prints it."""
    source: Source
    kind: str = Field(description="action_plan, progress_report, performance_report, risk_register, minutes, "
                                  "agenda, report, pack")
    council: Optional[str] = None
    title: Optional[str] = None
    date: Optional[str] = None
    plan: Optional[Plan] = None
    meeting: Optional[Meeting] = None
    tables: list[Table] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    risks: list[Risk] = Field(default_factory=list)
    report: Optional[dict] = None
    parts: list["Part"] = Field(default_factory=list, description="Documents bound in a pack")

    @classmethod
    def from_record(cls, record: dict) -> "Document":
        return cls.model_validate(record)

    def to_json(self, indent: int | None = 2) -> str:
        """The contract JSON, as ``plantrace extract --json`` prints it."""
        return json.dumps(self.to_record(), ensure_ascii=False, indent=indent, default=str)

    @property
    def actions(self) -> list[Action]:
        """Every action of the plan, in order."""
        return [a for r in (self.plan.recommendations if self.plan else []) for a in r.actions]

    @property
    def points(self) -> list[tuple[Item, Point]]:
        """Every minute point with its item, in order."""
        return [(i, p) for i in (self.meeting.items if self.meeting else []) for p in i.points]


class Part(Document):
    """A document bound in a pack, with its pages in the pack (1-based, inclusive)."""
    pages: list[int] = Field(default_factory=list)


Document.model_rebuild()


def json_schema() -> dict:
    """The JSON Schema of ``plantrace extract --json``, generated from the records."""
    schema = Document.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "plantrace document"
    return schema


RECORDS: tuple[type[Record], ...] = (Document, Part, Source, Plan, Recommendation, Action, Update, DateInterval,
                                     DateSpan, PersonRef, Meeting, Attendance, Item, Point, Resolution, Event,
                                     Vote, Table, TableCell, Indicator, Risk)
__all__ = [c.__name__ for c in RECORDS] + ["Record", "json_schema"]

