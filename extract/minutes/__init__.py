"""Committee minutes as structured data: header, attendance, items, decisions.

Public API:
    extract_meeting(doc) -> dict      the contract's ``meeting`` object
    extract_slide_tables(doc) -> list  KPI tables on slides appended to the pack
Both read only the page model, so a PDF and a text rendering of it give the
same answer wherever the rendering keeps the information.
"""
from __future__ import annotations

from .meeting import extract_meeting
from .slides import extract_slide_tables

__all__ = ["extract_meeting", "extract_slide_tables"]
