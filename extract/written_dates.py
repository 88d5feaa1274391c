"""Dates written out in prose ("Thursday, 4th May, 2017", "May 4, 2017").

Minutes, officer reports and a document's first page all print their date
this way; one reader keeps their answers the same.
"""
from __future__ import annotations

import re
from typing import Optional

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], start=1)}
_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
DATE_RE = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MON}),?\s+(\d{{4}})\b"
    rf"|\b({_MON})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b",
    re.I,
)


def parse_date(text: str) -> Optional[str]:
    """The first such date in the text as YYYY-MM-DD, or None."""
    m = DATE_RE.search(text or "")
    if not m:
        return None
    if m.group(1):
        day, mon, year = m.group(1), m.group(2), m.group(3)
    else:
        mon, day, year = m.group(4), m.group(5), m.group(6)
    month = next((n for name, n in MONTHS.items() if name.startswith(mon.lower()[:3])), None)
    if not month:
        return None
    return f"{int(year):04d}-{month:02d}-{int(day):02d}"
