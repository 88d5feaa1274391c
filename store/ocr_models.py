"""Pages read by OCR: which, how sure the engine was, and the words it doubted.

A scanned page's text is only as good as its OCR; keeping the confidence per
page (and each word under the floor with its box) lets an auditor go to the
pages and words to check against the image, and lets a query leave them out.
"""
from __future__ import annotations

from typing import Optional

from sqlalchemy import JSON, Float, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from plantrace.store.models import Base


class OcrPage(Base):
    __tablename__ = "ocr_page"
    __table_args__ = (UniqueConstraint("document_id", "page"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    page: Mapped[int] = mapped_column(Integer)
    confidence: Mapped[Optional[float]] = mapped_column(Float)  # mean word confidence, 0-100
    words: Mapped[int] = mapped_column(Integer, default=0)
    low_confidence_words: Mapped[int] = mapped_column(Integer, default=0)
    rotation: Mapped[int] = mapped_column(Integer, default=0)  # degrees turned clockwise to stand upright
    skew: Mapped[float] = mapped_column(Float, default=0.0)  # degrees turned to level the lines
    low_confidence: Mapped[Optional[list]] = mapped_column(JSON)  # [{text, confidence, bbox}] under the floor


def store_ocr_pages(session, document_id: int, source: dict) -> None:
    """One row per OCR'd page of a stored document's ``source``."""
    doubted: dict[int, list] = {}
    for w in source.get("ocr_low_confidence") or []:
        doubted.setdefault(w["page"], []).append({k: w[k] for k in ("text", "confidence", "bbox")})
    for o in source.get("ocr") or []:
        session.add(OcrPage(document_id=document_id, page=o["page"], confidence=o.get("confidence"),
                            words=o.get("words", 0), low_confidence_words=o.get("low_confidence_words", 0),
                            rotation=o.get("rotation", 0), skew=o.get("skew", 0.0),
                            low_confidence=doubted.get(o["page"], [])))
