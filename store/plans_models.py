"""Tables for what plans and scorecards measure and what registers fear.

An indicator (a scorecard's KPI, a plan's "objectively verifiable indicator")
and a risk (a register's row) are rows of their own, not actions: they carry
ratings, figures and scores rather than owners' progress, and an analyst
counts them by service and rating. Each keeps its page so it can be shown.
"""
from __future__ import annotations

from datetime import date
from typing import Optional

from sqlalchemy import JSON, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base


def _doc_fk():
    return mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)


class Indicator(Base):
    __tablename__ = "indicator"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = _doc_fk()
    page: Mapped[Optional[int]] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text, default="")
    short_name: Mapped[Optional[str]] = mapped_column(Text)
    service: Mapped[Optional[str]] = mapped_column(String(200))
    section: Mapped[Optional[str]] = mapped_column(Text)
    period: Mapped[Optional[str]] = mapped_column(String(40))
    value: Mapped[Optional[str]] = mapped_column(String(80))
    target: Mapped[Optional[str]] = mapped_column(Text)
    floor: Mapped[Optional[str]] = mapped_column(String(80))
    previous_value: Mapped[Optional[str]] = mapped_column(String(80))
    rag: Mapped[Optional[str]] = mapped_column(String(1))
    previous_rag: Mapped[Optional[str]] = mapped_column(String(1))
    direction: Mapped[Optional[str]] = mapped_column(String(40))
    commentary: Mapped[Optional[str]] = mapped_column(Text)
    target_text: Mapped[Optional[str]] = mapped_column(Text)
    target_start: Mapped[Optional[date]] = mapped_column(Date)
    target_end: Mapped[Optional[date]] = mapped_column(Date)
    extra: Mapped[Optional[dict]] = mapped_column(JSON)


class Risk(Base):
    __tablename__ = "risk"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = _doc_fk()
    page: Mapped[Optional[int]] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[Optional[str]] = mapped_column(String(200))
    likelihood: Mapped[Optional[str]] = mapped_column(String(40))
    impact: Mapped[Optional[str]] = mapped_column(String(40))
    score: Mapped[Optional[str]] = mapped_column(String(40))
    likelihood_value: Mapped[Optional[float]] = mapped_column(Float)
    impact_value: Mapped[Optional[float]] = mapped_column(Float)
    score_value: Mapped[Optional[float]] = mapped_column(Float)
    rating: Mapped[Optional[str]] = mapped_column(String(40))
    rag: Mapped[Optional[str]] = mapped_column(String(1))
    cause: Mapped[Optional[str]] = mapped_column(Text)
    event: Mapped[Optional[str]] = mapped_column(Text)
    consequence: Mapped[Optional[str]] = mapped_column(Text)
    controls: Mapped[Optional[str]] = mapped_column(Text)
    extra: Mapped[Optional[dict]] = mapped_column(JSON)
