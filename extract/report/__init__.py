"""Officer reports to a committee: header, numbered sections, recommendations, contact.

Public API:
    extract_report(doc) -> {"council", "meeting": {...}, "report": {...}}
See ``report.py`` for the shape.
"""
from __future__ import annotations

from .report import extract_report

__all__ = ["extract_report"]
