"""Meeting metadata from the opening paragraph of a set of minutes.

Clerks nearly always write one sentence of the form "Minutes of the meeting
of the <body> held in/at <venue> on <date> at <time>"; reading that sentence
as a whole (rather than scanning for dates anywhere) keeps the dates of
earlier meetings quoted in the items from leaking into the header.
"""
from __future__ import annotations

import re
from typing import Optional

from plantrace.extract.metadata import council_heading
from plantrace.extract.textform import title_case
from plantrace.extract.written_dates import DATE_RE, parse_date
from .text import Entry, collapse

TIME_RE = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s*(a\.?m\.?|p\.?m\.?|noon)?(?![\d/])", re.I)
CLOSING_RE = re.compile(
    r"\b(?:meeting|sitting)\b.{0,40}?\b(?:closed|ended|finished|terminated|concluded|rose)\b.{0,20}?\bat\s+"
    r"(\d{1,2}(?:[.:]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|noon)?)",
    re.I,
)
def parse_time(text: str) -> Optional[str]:
    """A clock time written the British way ("7.00 pm", "9.44pm", "19:00", "noon")."""
    if not text:
        return None
    if re.search(r"\bnoon\b", text, re.I) and not re.search(r"\d", text):
        return "12:00"
    for m in TIME_RE.finditer(text):
        hour, minute, meridiem = int(m.group(1)), int(m.group(2) or 0), (m.group(3) or "").lower()
        if not meridiem and m.group(2) is None:
            continue  # a bare number is not a time
        if meridiem.startswith("p") and hour < 12:
            hour += 12
        if meridiem.startswith("a") and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            return f"{hour:02d}:{minute:02d}"
    return None


def _opening(lines: list[Entry]) -> str:
    """The "Minutes of ..." sentence, which may wrap over several lines."""
    for i, e in enumerate(lines):
        if re.search(r"\bminutes?\s+of\b", e.clean, re.I) or re.match(r"^(?:a\s+)?meeting\s+of\b", e.clean, re.I):
            parts = [e.clean]
            for nxt in lines[i + 1 : i + 5]:
                if nxt.bold and nxt.clean.endswith(":") or nxt.clean.isupper() and nxt.clean.endswith(":"):
                    break
                parts.append(nxt.clean)
                if TIME_RE.search(nxt.clean) and re.search(r"[ap]\.?m\b|noon", nxt.clean, re.I):
                    break
            return collapse(" ".join(parts))
    return ""


def extract_header(lines: list[Entry]) -> dict:
    """Council, body, date, start time and venue from the first page's opening lines."""
    first_page = [e for e in lines if e.page == lines[0].page] if lines else []
    opening = _opening(first_page)
    body = venue = None
    m = re.search(r"\bmeeting\s+of\s+(?:the\s+)?(.+?)\s+held\b", opening, re.I)
    if m:
        body = title_case(m.group(1).strip(" ,"))
    m = re.search(r"\bheld\s+(?:in|at)\s+(?:the\s+)?(.+?),?\s+on\s+(?:\w+day,?\s+)?\d", opening, re.I)
    if m:
        venue = m.group(1).strip(" ,")
    date = parse_date(opening) or next((parse_date(e.clean) for e in first_page if parse_date(e.clean)), None)
    start = None
    tail = opening[DATE_RE.search(opening).end():] if DATE_RE.search(opening) else opening
    m = re.search(r"\b(?:at|commencing)\s+(\d{1,2}(?:[.:]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?|noon)", tail, re.I)
    if m:
        start = parse_time(m.group(1))
    return {
        "council": council_heading(e.clean for e in first_page[:12]),
        "body": body,
        "date": date,
        "start_time": start,
        "venue": venue,
    }


def closing_time(text: str) -> Optional[str]:
    m = CLOSING_RE.search(text or "")
    return parse_time(m.group(1)) if m else None
