"""SQLAlchemy 2 models: the schema analysts and auditors query.

Every extracted row carries ``document_id`` and ``page`` (and ``bbox``/``raw``
where the extractor has them) so any value can be traced to the printed page.
Lists that are only ever read whole (outcomes, report references) are JSON;
everything an analyst joins or filters on is a column.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Optional

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _doc_fk():
    return mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)


class Document(Base):
    __tablename__ = "document"
    __table_args__ = (UniqueConstraint("path", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(Text)  # any length (migration ux01)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    kind: Mapped[str] = mapped_column(String(32))
    council: Mapped[Optional[str]] = mapped_column(String(200))
    title: Mapped[Optional[str]] = mapped_column(Text)
    date: Mapped[Optional[date]] = mapped_column(Date)
    pages: Mapped[int] = mapped_column(Integer)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    contract: Mapped[Optional[dict]] = mapped_column(JSON)  # the `extract --json` output, as stored

    page_rows: Mapped[list["Page"]] = relationship(back_populates="document", cascade="all, delete-orphan")


class Page(Base):
    __tablename__ = "page"
    __table_args__ = (UniqueConstraint("document_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = _doc_fk()
    number: Mapped[int] = mapped_column(Integer)
    width: Mapped[Optional[float]] = mapped_column(Float)
    height: Mapped[Optional[float]] = mapped_column(Float)
    text: Mapped[str] = mapped_column(Text, default="")

    document: Mapped[Document] = relationship(back_populates="page_rows")


class Plan(Base):
    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = _doc_fk()
    council: Mapped[Optional[str]] = mapped_column(String(200))
    title: Mapped[Optional[str]] = mapped_column(Text)
    date: Mapped[Optional[date]] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(32))


class Recommendation(Base):
    __tablename__ = "recommendation"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = _doc_fk()
    page: Mapped[Optional[int]] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[Optional[str]] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text, default="")
    rag: Mapped[Optional[str]] = mapped_column(String(1))
    outcomes: Mapped[Optional[list]] = mapped_column(JSON)
    measured_by: Mapped[Optional[list]] = mapped_column(JSON)
    objectives_heading: Mapped[Optional[str]] = mapped_column(Text)
    objectives: Mapped[Optional[list]] = mapped_column(JSON)
    lead_text: Mapped[Optional[str]] = mapped_column(Text)
    extra: Mapped[Optional[dict]] = mapped_column(JSON)


class Action(Base):
    __tablename__ = "action"

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(ForeignKey("recommendation.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = _doc_fk()
    page: Mapped[Optional[int]] = mapped_column(Integer)
    bbox: Mapped[Optional[list]] = mapped_column(JSON)
    seq: Mapped[int] = mapped_column(Integer)
    code: Mapped[Optional[str]] = mapped_column(String(32), index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    raw: Mapped[Optional[str]] = mapped_column(Text)
    status: Mapped[Optional[str]] = mapped_column(String(20))


class ActionUpdate(Base):
    __tablename__ = "action_update"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = _doc_fk()
    page: Mapped[Optional[int]] = mapped_column(Integer)
    bbox: Mapped[Optional[list]] = mapped_column(JSON)
    seq: Mapped[int] = mapped_column(Integer)
    progress: Mapped[str] = mapped_column(Text, default="")
    raw: Mapped[Optional[str]] = mapped_column(Text)
    target_text: Mapped[Optional[str]] = mapped_column(Text)
    target_dates: Mapped[Optional[list]] = mapped_column(JSON)
    target_start: Mapped[Optional[date]] = mapped_column(Date)
    target_end: Mapped[Optional[date]] = mapped_column(Date)
    tbc: Mapped[bool] = mapped_column(Boolean, default=False)
    accountability_text: Mapped[Optional[str]] = mapped_column(Text)
    monitor_text: Mapped[Optional[str]] = mapped_column(Text)
    status: Mapped[Optional[str]] = mapped_column(String(20))
    rag: Mapped[Optional[str]] = mapped_column(String(1))  # the row's own RAG rating, where the plan rates rows
    extra: Mapped[Optional[dict]] = mapped_column(JSON)


class Person(Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    council: Mapped[Optional[str]] = mapped_column(String(200), index=True)
    canonical: Mapped[str] = mapped_column(String(200))
    given: Mapped[Optional[str]] = mapped_column(String(100))
    family: Mapped[Optional[str]] = mapped_column(String(100))
    honorifics: Mapped[Optional[list]] = mapped_column(JSON)


class PersonMention(Base):
    __tablename__ = "person_mention"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = _doc_fk()
    page: Mapped[Optional[int]] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    role: Mapped[Optional[str]] = mapped_column(Text)


class Role(Base):
    __tablename__ = "role"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)


class PersonRole(Base):
    __tablename__ = "person_role"
    __table_args__ = (UniqueConstraint("person_id", "role_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("role.id", ondelete="CASCADE"), index=True)


class OwnerGroup(Base):
    """A team or post named as an owner with no person (e.g. a team of managers)."""

    __tablename__ = "owner_group"
    __table_args__ = (UniqueConstraint("council", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    council: Mapped[Optional[str]] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(300))


class ActionOwner(Base):
    __tablename__ = "action_owner"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    action_update_id: Mapped[int] = mapped_column(ForeignKey("action_update.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = _doc_fk()
    kind: Mapped[str] = mapped_column(String(20))  # accountable | monitor
    person_id: Mapped[Optional[int]] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
    group_id: Mapped[Optional[int]] = mapped_column(ForeignKey("owner_group.id", ondelete="SET NULL"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    role: Mapped[Optional[str]] = mapped_column(Text)


class RecommendationOwner(Base):
    """A progress report's lead officer: owned at recommendation level, with no action row."""

    __tablename__ = "recommendation_owner"

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(ForeignKey("recommendation.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = _doc_fk()
    kind: Mapped[str] = mapped_column(String(20))  # lead
    person_id: Mapped[Optional[int]] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
    group_id: Mapped[Optional[int]] = mapped_column(ForeignKey("owner_group.id", ondelete="SET NULL"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    role: Mapped[Optional[str]] = mapped_column(Text)


class Meeting(Base):
    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = _doc_fk()
    council: Mapped[Optional[str]] = mapped_column(String(200))
    body: Mapped[Optional[str]] = mapped_column(String(300))
    date: Mapped[Optional[date]] = mapped_column(Date)
    start_time: Mapped[Optional[str]] = mapped_column(String(5))
    end_time: Mapped[Optional[str]] = mapped_column(String(5))
    venue: Mapped[Optional[str]] = mapped_column(Text)


class Attendance(Base):
    __tablename__ = "attendance"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = _doc_fk()
    page: Mapped[Optional[int]] = mapped_column(Integer)
    list_name: Mapped[str] = mapped_column(String(20))  # present | apologies | officers | in_attendance
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Optional[str]] = mapped_column(Text)
    person_id: Mapped[Optional[int]] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)


class AgendaItem(Base):
    __tablename__ = "agenda_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = _doc_fk()
    page: Mapped[Optional[int]] = mapped_column(Integer)
    bbox: Mapped[Optional[list]] = mapped_column(JSON)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[Optional[str]] = mapped_column(String(32), index=True)
    title: Mapped[Optional[str]] = mapped_column(Text)
    title_inferred: Mapped[bool] = mapped_column(Boolean, default=False)
    report_refs: Mapped[Optional[list]] = mapped_column(JSON)
    text: Mapped[Optional[str]] = mapped_column(Text)
    raw: Mapped[Optional[str]] = mapped_column(Text)


class MinutePoint(Base):
    __tablename__ = "minute_point"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = _doc_fk()
    page: Mapped[Optional[int]] = mapped_column(Integer)
    bbox: Mapped[Optional[list]] = mapped_column(JSON)
    seq: Mapped[int] = mapped_column(Integer)
    label: Mapped[Optional[str]] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text, default="")
    raw: Mapped[Optional[str]] = mapped_column(Text)


class Resolution(Base):
    __tablename__ = "resolution"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = _doc_fk()
    page: Mapped[Optional[int]] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    verb: Mapped[Optional[str]] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text, default="")


class ItemEvent(Base):
    """Arrivals, departures, changes of order, closing: what happened, not what was said."""

    __tablename__ = "item_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = _doc_fk()
    page: Mapped[Optional[int]] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    who: Mapped[Optional[str]] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text, default="")


class Declaration(Base):
    __tablename__ = "declaration"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = _doc_fk()
    page: Mapped[Optional[int]] = mapped_column(Integer)
    who: Mapped[Optional[str]] = mapped_column(String(200))
    interest: Mapped[Optional[str]] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text, default="")


class ExtractedTable(Base):
    """Every table of a document: the table layer's grid of each page (``reader`` says which of
    its readers found it), and the tables of slides in minutes (``reader`` "slides").
    ``header`` is one text per column (header rows joined), ``rows`` the body as text,
    ``cells`` every cell with its row, column, spans and box."""

    __tablename__ = "extracted_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = _doc_fk()
    page: Mapped[Optional[int]] = mapped_column(Integer)
    title: Mapped[Optional[str]] = mapped_column(Text)
    header: Mapped[Optional[list]] = mapped_column(JSON)
    rows: Mapped[Optional[list]] = mapped_column(JSON)
    seq: Mapped[Optional[int]] = mapped_column(Integer)
    reader: Mapped[Optional[str]] = mapped_column(String(20))
    ruled: Mapped[Optional[bool]] = mapped_column(Boolean)
    header_rows: Mapped[Optional[int]] = mapped_column(Integer)
    n_rows: Mapped[Optional[int]] = mapped_column(Integer)
    n_cols: Mapped[Optional[int]] = mapped_column(Integer)
    continues: Mapped[Optional[bool]] = mapped_column(Boolean)
    bbox: Mapped[Optional[list]] = mapped_column(JSON)
    cells: Mapped[Optional[list]] = mapped_column(JSON)


class Link(Base):
    __tablename__ = "link"
    __table_args__ = (UniqueConstraint("minute_point_id", "action_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    minute_point_id: Mapped[int] = mapped_column(ForeignKey("minute_point.id", ondelete="CASCADE"), index=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    rank: Mapped[int] = mapped_column(Integer)
    score: Mapped[float] = mapped_column(Float)
    evidence: Mapped[Optional[str]] = mapped_column(Text)


# Run records and rebuild markers live in their own module; imported here so
# that Base.metadata (and Alembic) sees every table.
from . import run_models  # noqa: E402,F401
from plantrace.store import ocr_models  # noqa: E402,F401  (pages read by OCR; registers its table)
from . import packs_models  # noqa: E402,F401  (packs, sources and meetings: their own module)
from plantrace.store.minutes_models import MinuteVote, MinuteVoteCast  # noqa: E402,F401  (tables of their own module)
from . import plans_models  # noqa: E402,F401  indicators and risks, on the same metadata
from . import scope_links_models  # noqa: E402,F401  links to a whole recommendation, indicator or plan
