"""An agenda front sheet: the meeting it announces and the business it lists.

Two ways of announcing a meeting cover the sheets councils print: a heading
block ("AGENDA", the body's name, the day, time and place) or the summons
sentence ("A meeting of the <body> will be held in <venue> on <date> at
<time>"). Items are the numbered lines that follow; a line set further right
under an item's title, close below it, continues that title. An item's papers
are named by a report number in its title and by the "(Pages a - b)" the
binder adds, which say where they sit in the pack.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .minutes.header import parse_time
from .model import DocumentModel, Line
from .textform import title_case
from .written_dates import DATE_RE, parse_date


@dataclass(frozen=True)
class AgendaSettings:
    continuation_gap: float = 1.9   # a line further below its item than this many line heights starts afresh
    indent_slack: float = 6.0       # points a title's continuation may start left of the title
    heading_lines: int = 8          # how many lines after "AGENDA" may name the body
    opening_lines: int = 15         # the "AGENDA" heading stands among a sheet's first lines
    column_gap: float = 18.0        # points between words that part a heading from a block set beside it


SETTINGS = AgendaSettings()

# (a drop capital set apart reads "A genda")
_HEADING = re.compile(r"^(?:summons\s+to\s+and\s+)?a\s?genda\b(?!\s+item)", re.I)
_SUMMONS = re.compile(
    r"\b(?:an?\s+)?(?:extraordinary\s+|special\s+|annual\s+|budget\s+)?meeting\s+of\s+(?:the\s+)?(?P<body>.+?)\s+"
    r"will\s+be\s+held\s+(?:in|at)\s+(?:the\s+)?(?P<venue>.+?),?\s+on\s+(?P<when>.+?)(?:\s+to\s+deal\b|\.(?:\s|$)|$)", re.I)
# a letter's subject line naming the meeting: "CABINET - THURSDAY, 30 JANUARY 2025"
_SUBJECT = re.compile(r"^(?P<body>[A-Z][A-Z&',. ]+?)\s+[-–—]\s+(?P<when>(?:[A-Z]+DAY,?\s+)?.*\d{4})\s*$")
_ITEM = re.compile(r"^\s*(\d{1,3}[a-z]?)[.)]?\s+(\S.*)$")
_PAGES = re.compile(r"\(\s*pages?\s+(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?\s*\)", re.I)
_REPORT_REF = re.compile(r"\b(\d{2}[/-]\d{5}|report\s+no\.?\s*\S+/\d{4})\b", re.I)
_LEADING_REF = re.compile(r"^(\d{2}[/-]\d{5})\s*[-–—:]\s*")
_TIME_WORDS = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\bnoon\b", re.I)
_LABEL = re.compile(r"^[A-Z][\w /]*:$")


def _left_column(line: Line) -> str:
    """A heading line's own words, before a contact block's "Ask for:" / "Telephone:"
    labels set beside it."""
    words = line.words or []
    if not words:
        return line.text
    out = []
    for i, w in enumerate(words):
        if i and w.bbox and words[i - 1].bbox and w.bbox[0] - words[i - 1].bbox[2] > SETTINGS.column_gap:
            break
        if w.text.endswith(":") and (i == 0 or _LABEL.match(w.text) or words[i - 1].text[:1].isupper()):
            # a label starts the right-hand block; its first word may be on the left ("Ask for:")
            if out and out[-1][:1].isupper() and not out[-1].endswith(","):
                out.pop()
            break
        out.append(w.text)
    return " ".join(out).strip()


def _announcement(doc: DocumentModel) -> dict:
    lines = doc.pages[0].lines if doc.pages else []
    text = " ".join(ln.text for p in doc.pages[:3] for ln in p.lines)
    meeting = {"body": None, "date": None, "start_time": None, "venue": None}
    if (m := _SUMMONS.search(text)):
        meeting["body"] = title_case(m.group("body").strip())
        meeting["venue"] = m.group("venue").strip(" ,")
        meeting["date"] = parse_date(m.group("when"))
        meeting["start_time"] = parse_time(m.group("when"))
        return meeting
    subject = next((m for ln in lines if (m := _SUBJECT.match(ln.text.strip())) and parse_date(m.group("when"))),
                   None)
    if subject:
        meeting["body"] = title_case(subject.group("body").strip())
        meeting["date"] = parse_date(subject.group("when"))
        return meeting
    heading = next((i for i, ln in enumerate(lines) if _HEADING.match(ln.text.strip())), None)
    if heading is None:
        return meeting
    names = []
    for i in range(heading + 1, min(len(lines), heading + 1 + SETTINGS.heading_lines)):
        left = _left_column(lines[i])
        if DATE_RE.search(left):
            meeting["date"] = parse_date(left)
            meeting["start_time"] = parse_time(left[DATE_RE.search(left).end():])
            meeting["venue"] = _venue(lines, i)
            break
        if left:
            names.append(left)
    if names:
        meeting["body"] = title_case(" ".join(names))
    return meeting


def _venue(lines: list[Line], date_line: int) -> Optional[str]:
    """The place, printed in the lines under the day and time."""
    out, last = [], lines[date_line]
    for ln in lines[date_line + 1:date_line + 4]:
        if last.bbox and ln.bbox and ln.bbox[1] - last.bbox[3] > (last.bbox[3] - last.bbox[1]):
            break
        left = _left_column(ln)
        if not left or _ITEM.match(left) or ln.x0 > lines[date_line].x0 + SETTINGS.column_gap:
            break
        out.append(left)
        last = ln
    return " ".join(out).strip(" ,.") or None


def _item_lines(doc: DocumentModel):
    for page in doc.pages:
        for line in page.lines:
            yield page.number, line


def _items(doc: DocumentModel, s: AgendaSettings = SETTINGS) -> list[dict]:
    items: list[dict] = []
    current = None  # (item, the line its title started on, x where the title starts)
    for page_no, line in _item_lines(doc):
        text = line.text.strip()
        m = _ITEM.match(text)
        if m and not DATE_RE.match(text) and _plausible_number(m.group(1), items):
            item = {"number": m.group(1), "title": m.group(2), "page": page_no}
            items.append(item)
            title_x = _title_x(line, m.group(1))
            current = (item, line, title_x)
            continue
        if current is None:
            continue
        item, prev, title_x = current
        if not _continues(line, prev, title_x, s) or (text.isupper() and not item["title"].isupper()):
            current = None
            continue
        item["title"] += " " + text
        current = (item, line, title_x)
    for item in items:
        _finish(item)
    return items


def _plausible_number(number: str, items: list[dict]) -> bool:
    """Items run in order: 1, 2, 3 (or 5a after 5); a stray number in an address does not."""
    if not number[0].isdigit():
        return False
    if not items:
        return True
    lead = int(re.match(r"\d+", number).group())
    before = int(re.match(r"\d+", items[-1]["number"]).group())
    return lead in (before, before + 1) and number != items[-1]["number"]


def _title_x(line: Line, number: str) -> float:
    words = line.words or []
    if len(words) >= 2 and words[0].bbox:
        return words[1].bbox[0]
    return line.x0


def _continues(line: Line, prev: Line, title_x: float, s: AgendaSettings) -> bool:
    if not (line.bbox and prev.bbox):
        return False
    height = max(prev.bbox[3] - prev.bbox[1], 1.0)
    if line.bbox[1] - prev.bbox[3] > s.continuation_gap * height:
        return False
    if line.bbox[1] < prev.bbox[1]:  # a new page
        return False
    return line.x0 >= title_x - s.indent_slack


def _finish(item: dict) -> None:
    title = re.sub(r"\s+", " ", item["title"]).strip()
    pages = None
    if (m := _PAGES.search(title)):
        first, last = int(m.group(1)), int(m.group(2) or m.group(1))
        pages = [first, last]
        title = (title[:m.start()] + " " + title[m.end():]).strip()
    refs = [r.replace("-", "/") for r in _REPORT_REF.findall(title)]
    lead = _LEADING_REF.match(title)
    if lead:
        title = title[lead.end():]
    note = None
    if (m := re.search(r"\s+-\s+(to follow)\s*$", title, re.I)):
        note, title = m.group(1), title[:m.start()]
    item["title"] = re.sub(r"\s+", " ", title).strip(" -–")
    item["report_refs"] = refs
    item["pack_pages"] = pages
    if note:
        item["note"] = note


def subject_line(doc: DocumentModel) -> Optional[str]:
    """A covering letter's subject line ("CABINET - THURSDAY, 30 JANUARY 2025"): its title."""
    for line in doc.pages[0].lines if doc.pages else []:
        if (m := _SUBJECT.match(line.text.strip())) and parse_date(m.group("when")):
            return line.text.strip()
    return None


def announced_meeting(doc: DocumentModel) -> dict:
    """Body, date, start time and venue of the meeting a sheet or covering letter names."""
    return _announcement(doc)


def extract_agenda(doc: DocumentModel) -> dict:
    """The meeting an agenda announces, with its items, in the contract's meeting shape."""
    meeting = _announcement(doc)
    if meeting.get("body"):
        meeting["title"] = " ".join(filter(None, ["Agenda:", meeting["body"], meeting.get("date")]))
    meeting.update(attendance={}, items=_items(doc))
    return meeting


def is_agenda(doc: DocumentModel) -> bool:
    """An "AGENDA" heading (or the summons naming one) over at least two numbered items."""
    if not doc.pages:
        return False
    first = doc.pages[0]
    heading = any(_HEADING.match(ln.text.strip()) or re.search(r"\ba\s?genda\s+item\s+no\b", ln.text, re.I)
                  for ln in first.lines[:SETTINGS.opening_lines])
    if not heading:
        return False
    items = _items(DocumentModel(doc.path, doc.sha256, doc.pages[:3]))
    return len(items) >= 2 or any(i.get("pack_pages") for i in items)
