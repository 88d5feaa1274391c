"""Votes recorded in minutes: the motion, who moved and seconded it, the result,
and how each member voted.

A recorded vote is evidence an auditor asks for ("who voted against the
budget amendment?"), so each member's vote is a row of its own rather than a
list inside the vote.
"""
from __future__ import annotations

from typing import Optional

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from plantrace.store.models import Base, _doc_fk


class MinuteVote(Base):
    __tablename__ = "minute_vote"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = _doc_fk()
    page: Mapped[Optional[int]] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    motion: Mapped[Optional[str]] = mapped_column(Text)
    mover: Mapped[Optional[str]] = mapped_column(String(200))
    seconder: Mapped[Optional[str]] = mapped_column(String(200))
    result: Mapped[Optional[str]] = mapped_column(String(200))


class MinuteVoteCast(Base):
    """One member's vote: ``position`` is for | against | abstain | absent."""

    __tablename__ = "minute_vote_cast"

    id: Mapped[int] = mapped_column(primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("minute_vote.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = _doc_fk()
    position: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(200))
    person_id: Mapped[Optional[int]] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
