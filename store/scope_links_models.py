"""Links from a minute point to something broader than one action.

A minute often concerns a plan's priority or recommendation as a whole ("the
strategy's focus on early years"), a scorecard's indicator ("the indicators in
the plan"), or the whole plan it adopts, not any one of its actions. Such links
are kept beside the action links in ``link``, one row per target, with the
level saying which of the three targets the row has, the evidence an auditor
reads, and ``via``: the report number that ties the minute item to the plan's
document when the link rests on that path (minute item -> report -> plan).
"""
from __future__ import annotations

from typing import Optional

from sqlalchemy import Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base

LEVELS = ("plan", "recommendation", "indicator")


class ScopeLink(Base):
    __tablename__ = "scope_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    minute_point_id: Mapped[int] = mapped_column(ForeignKey("minute_point.id", ondelete="CASCADE"), index=True)
    level: Mapped[str] = mapped_column(String(20))  # one of LEVELS
    plan_id: Mapped[Optional[int]] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    recommendation_id: Mapped[Optional[int]] = mapped_column(ForeignKey("recommendation.id", ondelete="CASCADE"),
                                                             index=True)
    indicator_id: Mapped[Optional[int]] = mapped_column(ForeignKey("indicator.id", ondelete="CASCADE"), index=True)
    rank: Mapped[int] = mapped_column(Integer)
    score: Mapped[float] = mapped_column(Float)
    evidence: Mapped[Optional[str]] = mapped_column(Text)
    via: Mapped[Optional[str]] = mapped_column(String(40))
