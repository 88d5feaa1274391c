"""Tables of packs and meetings.

A pack's parts are documents of their own (rows of ``document``) with their
place in the pack in ``document_part``; every file or pack page range a
document's content was met in is a ``document_source`` row, so the same report
met as its own file and bound in a pack is stored once with both sources.
``committee_meeting`` is the meeting itself (a council's body on a day), which
the agenda, the pack, its parts and the minutes all belong to
(``meeting_document``); ``agenda_entry`` is an item of business an agenda lists,
matched to the minute item that records it and the part holding its papers.
(``meeting`` and ``agenda_item`` are what a set of minutes records.)
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Optional

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base


class DocumentPart(Base):
    __tablename__ = "document_part"

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)
    pack_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    first_page: Mapped[int] = mapped_column(Integer)
    last_page: Mapped[int] = mapped_column(Integer)


class DocumentSource(Base):
    __tablename__ = "document_source"
    __table_args__ = (UniqueConstraint("document_id", "path", "first_page"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    content_key: Mapped[str] = mapped_column(String(64), index=True)
    path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), index=True)  # of the file it was met in
    pack_id: Mapped[Optional[int]] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    first_page: Mapped[Optional[int]] = mapped_column(Integer)
    last_page: Mapped[Optional[int]] = mapped_column(Integer)
    seen_at: Mapped[datetime] = mapped_column(DateTime)


class CommitteeMeeting(Base):
    __tablename__ = "committee_meeting"
    __table_args__ = (UniqueConstraint("council_key", "body_key", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    council: Mapped[Optional[str]] = mapped_column(String(200))
    council_key: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(String(300))
    body_key: Mapped[str] = mapped_column(String(300))
    date: Mapped[date] = mapped_column(Date)
    start_time: Mapped[Optional[str]] = mapped_column(String(5))
    venue: Mapped[Optional[str]] = mapped_column(Text)


class MeetingDocument(Base):
    __tablename__ = "meeting_document"
    __table_args__ = (UniqueConstraint("meeting_id", "document_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("committee_meeting.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))  # agenda | pack | part | minutes | previous_minutes | report


class AgendaEntry(Base):
    __tablename__ = "agenda_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("committee_meeting.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    page: Mapped[Optional[int]] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[Optional[str]] = mapped_column(String(32))
    title: Mapped[Optional[str]] = mapped_column(Text)
    report_refs: Mapped[Optional[list]] = mapped_column(JSON)
    first_page: Mapped[Optional[int]] = mapped_column(Integer)  # its papers' "(Pages a - b)" in the pack
    last_page: Mapped[Optional[int]] = mapped_column(Integer)
    minute_item_id: Mapped[Optional[int]] = mapped_column(ForeignKey("agenda_item.id", ondelete="SET NULL"),
                                                          index=True)
    report_document_id: Mapped[Optional[int]] = mapped_column(ForeignKey("document.id", ondelete="SET NULL"),
                                                              index=True)
