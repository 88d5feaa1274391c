"""What each batch run did, and which councils still owe a rebuild.

A run and each of its file attempts are recorded so "what failed last night,
and why" is a query. ``pending_rebuild`` is written in the same transaction as
a document, and removed in the same transaction as that council's rebuild of
people and links, so a run stopped at any point leaves a marker the next run
(or ``plantrace rebuild``) finds and completes.
"""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlalchemy import DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base

# A council of None (a document that names no council) is rebuilt too; the
# marker's key cannot be NULL, so it is spelled with this key.
NO_COUNCIL_KEY = "\x00none"


class Run(Base):
    __tablename__ = "run"

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[Optional[datetime]] = mapped_column(DateTime)  # None: still running, or stopped
    host: Mapped[str] = mapped_column(String(255))
    pid: Mapped[int] = mapped_column(Integer)
    version: Mapped[str] = mapped_column(String(40))
    command: Mapped[str] = mapped_column(Text, default="")
    executor: Mapped[str] = mapped_column(String(255), default="")  # serial | local dask N | tcp://...
    outcome: Mapped[Optional[str]] = mapped_column(String(40))  # ok | some failed | all failed | interrupted
    files: Mapped[int] = mapped_column(Integer, default=0)
    stored: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)


class FileAttempt(Base):
    __tablename__ = "file_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("run.id", ondelete="CASCADE"), index=True)
    path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[Optional[str]] = mapped_column(String(64), index=True)
    outcome: Mapped[str] = mapped_column(String(20))  # ingested | re-extracted | unchanged | failed
    reason: Mapped[Optional[str]] = mapped_column(Text)
    seconds: Mapped[Optional[float]] = mapped_column(Float)
    pages: Mapped[Optional[int]] = mapped_column(Integer)
    document_id: Mapped[Optional[int]] = mapped_column(Integer)  # not a foreign key: the record outlives the rows
    at: Mapped[datetime] = mapped_column(DateTime)


class PendingRebuild(Base):
    __tablename__ = "pending_rebuild"

    council_key: Mapped[str] = mapped_column(String(200), primary_key=True)
    council: Mapped[Optional[str]] = mapped_column(String(200))
    token: Mapped[str] = mapped_column(String(32))  # renewed by every mark; a rebuild removes only the token it saw
    marked_at: Mapped[datetime] = mapped_column(DateTime)
