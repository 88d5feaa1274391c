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
    r"\b(?:meeting|sitting)\b.{0,40}?\b(?:closed|ended|finished|terminated|concluded|rose|adjourned|to\s+a\s+close)\b.{0,20}?\bat\s+"
    r"(\d{1,2}(?:[.:]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|noon)?)"
    # "Mayor Hollis adjourned the meeting at 9:32 p.m.": the chair's verb before the meeting
    r"|\b(?:adjourned|closed)\s+the\s+(?:meeting|sitting|session)\s+at\s+(\d{1,2}(?:[.:]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|noon)?)",
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


# a line that names a meeting body: "PLANNING COMMISSION", "Cabinet", "Audit and Governance Committee"
_BODY_LINE = re.compile(r"^[A-Z][\w&'’(),/ -]{2,80}\b(?:Commission|Committee|Board|Cabinet|Panel|Forum|Council|Authority|"
                        r"Assembly|Executive|Sub-Committee|Subcommittee|Working Group|Partnership|Trust)$", re.I)
_MUNICIPALITY = re.compile(r"^(?:city|town|village|borough|county|township|municipality)\s+of\s+[A-Z][\w .'-]{1,40}$", re.I)
_COUNCIL_KIND = re.compile(r"\b(?:parish|town|community|city|county|borough|district)\s+council$", re.I)
_DATED_LINE = re.compile(r"^(?P<name>.+?)\s*[-–—:,]\s*(?P<when>(?:\w+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+\w+,?\s+\d{4}.*)$")


def _heading_lines(lines: list[Entry]) -> list[Entry]:
    """The first page's opening lines before the first sentence: the letterhead and title block."""
    out = []
    for e in lines[:12]:
        if e.page != lines[0].page:
            break
        if len(e.clean) > 90 or re.search(r"[a-z]{3,}\.\s*$", e.clean):
            break
        out.append(e)
    return out


def _strip_date(text: str) -> str:
    """"Hillford Parish Council - 6th November 2018" -> "Hillford Parish Council"."""
    m = _DATED_LINE.match(text)
    return m.group("name").strip() if m and parse_date(m.group("when")) else text


_TIME_LINE = re.compile(r"^(?:time|start(?:ing)?\s+time|commencing)\s*:", re.I)
# "Regular Council Meeting Minutes": a title naming the body before the word minutes
# or "CITY COUNCIL REGULAR MEETING"
_TITLED_MINUTES = re.compile(r"^(.+?)\s+(?:(?:regular|special|adjourned|annual|ordinary|extraordinary)\s+)?"
                             r"(?:meeting\s+minutes|minutes|meeting)$", re.I)


def _body_from_heading(heads: list[Entry], council: Optional[str]) -> Optional[str]:
    """The body named on a line of its own in the title block (not the council's letterhead),
    or before "Meeting Minutes" in the document's title."""
    for e in heads:
        text = _strip_date(e.clean)
        titled = _TITLED_MINUTES.match(text)
        if titled and _BODY_LINE.match(titled.group(1)) and not (council and titled.group(1).lower() == council.lower()):
            return title_case(titled.group(1))
        if council and text.lower() == council.lower():
            continue
        if _BODY_LINE.match(text) and not re.search(r"\bminutes\b", text, re.I):
            return title_case(text)
    return None


def extract_header(lines: list[Entry]) -> dict:
    """Council, body, date, start time and venue from the first page's opening lines."""
    first_page = [e for e in lines if e.page == lines[0].page] if lines else []
    opening = _opening(first_page)
    body = venue = None
    # "... meeting of the Planning Committee held ...", or "Minutes of the Board of Directors Meeting held ..."
    m = re.search(r"\bmeeting\s+of\s+(?:the\s+)?(.+?)\s+held\b", opening, re.I) or \
        re.search(r"\bminutes?\s+of\s+(?:the\s+)?(?!meeting\b)(.+?)\s+meeting\s+(?:held|on)\b", opening, re.I) or \
        re.search(r"\bmeeting\s+of\s+(?:the\s+)?([A-Z][\w&'’ -]{1,60}?)(?=\s+(?:Date|Time|Venue|Location|Present)\s*:|$)",
                  opening)  # "Minutes of the 112th meeting of the Board" over labelled Date: / Time: lines
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
    heads = _heading_lines(first_page)
    council = council_heading(_strip_date(e.clean) for e in first_page[:12]) or next(
        (title_case(e.clean) for e in heads if _MUNICIPALITY.match(e.clean)), None)
    if start is None:  # "January 27, 2020, 7:00 p.m." in the title block
        start = next((parse_time(e.clean) for e in heads if parse_date(e.clean) and parse_time(e.clean)), None)
    if start is None:  # "Time: 7:00 p.m." on a labelled line of the title block
        start = next((parse_time(e.clean) for e in heads if _TIME_LINE.match(e.clean)), None)
    if date is None or not opening:
        date = next((parse_date(e.clean) for e in heads if parse_date(e.clean)), None) or date
    if body is None:
        body = _body_from_heading(heads, council)
    if body and council and council.lower().endswith(" " + body.lower()) and \
            re.fullmatch(r"(?:parish|town|community)\s+council", body, re.I):
        body = council  # "the Parish Council" meeting as itself is the council its letterhead names
    if body is None and council and _COUNCIL_KIND.search(council) and re.search(r"\b(?:parish|town|community)\b", council, re.I):
        body = council  # a parish meets as itself
    return {
        "council": council,
        "body": body,
        "date": date,
        "start_time": start,
        "venue": venue,
    }


def called_to_order(text: str) -> Optional[str]:
    """"The meeting was called to order ... at 6:02 p.m.", "The Chair called the meeting to order at ...": when a meeting began, where the heading gives no time."""
    m = re.search(r"\bcalled\s+(?:the\s+(?:meeting|session)\s+)?to\s+order\b.{0,80}?\bat\s+(\d{1,2}(?:[.:]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|noon))", text or "", re.I)
    return parse_time(m.group(1)) if m else None


def closing_time(text: str) -> Optional[str]:
    m = CLOSING_RE.search(text or "")
    return parse_time(m.group(1) or m.group(2)) if m else None
