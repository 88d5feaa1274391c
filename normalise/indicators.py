"""Indicators and risks: ratings as letters and timescales as intervals.

The extractors keep each printed rating ("GREEN", a cell's colour) and
timescale ("2028", "April 2027"); this adds the values an analyst filters and
counts on, beside the printed words, as the plan normaliser does for actions.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from .dates import normalise_date
from .status import rag

_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*$")


def _number(text) -> Optional[float]:
    m = _NUMBER.match(str(text)) if text is not None else None
    return float(m.group(1)) if m else None


def normalise_indicators(record: dict, doc_date: Optional[date]) -> None:
    for ind in record.get("indicators") or []:
        for key in ("rag", "previous_rag"):
            printed = ind.get(key)
            if printed:
                ind[f"{key}_text"] = printed
                ind[key] = rag(printed)
        when = ind.get("target_date")
        if isinstance(when, str) and when.strip():
            ind["target_date"] = {"text": when, **normalise_date(when, doc_date)}


def normalise_risks(record: dict) -> None:
    for risk in record.get("risks") or []:
        for key in ("likelihood", "impact", "score"):
            value = _number(risk.get(key))
            if value is not None:
                risk[f"{key}_value"] = value
        if risk.get("rating"):
            risk["rag"] = rag(risk["rating"])
