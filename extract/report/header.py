"""The report's cover block: "1 Meeting:- ... / 2 Date:- ... / 3 Title:- ...".

Councils print it as a numbered table or as label lines; both reduce to
label/value pairs, and the labels are matched by meaning (the committee is
whatever the "Meeting"/"Committee" label names).
"""
from __future__ import annotations

import re

from plantrace.extract.written_dates import parse_date
from plantrace.extract.minutes.text import clean, collapse

LABEL_RE = re.compile(
    r"^(?:\d{1,2}\.?\s+)?(Meeting|Committee|Date(?: of meeting)?|Title|Report title|Subject|Directorate|"
    r"Service|Report of|Report author|Author|Wards?(?: affected)?|Key decision|Portfolio)\s*:?-?\s*(.*)$",
    re.I,
)
KEYS = {"meeting": "body", "committee": "body", "date": "date_text", "date of meeting": "date_text",
        "title": "title", "report title": "title", "subject": "title", "directorate": "directorate",
        "service": "directorate", "report of": "report_of", "report author": "author", "author": "author",
        "ward": "wards", "wards": "wards", "wards affected": "wards", "key decision": "key_decision",
        "portfolio": "portfolio"}


def _pairs_from_tables(doc) -> list[tuple[str, str]]:
    pairs = []
    for page in doc.pages[:2]:
        for table in page.tables:
            for row in table.rows:
                texts = [collapse(c.text) for c in row if collapse(c.text)]
                for k, text in enumerate(texts[:-1]):
                    m = LABEL_RE.match(text)
                    if m and not m.group(2):
                        pairs.append((m.group(1), " ".join(texts[k + 1:])))
                        break
    return pairs


def _pairs_from_lines(lines) -> list[tuple[str, str]]:
    pairs = []
    for e in lines:
        m = LABEL_RE.match(clean(e.text).replace("\t", " "))
        if m and m.group(2) and re.search(r":-?", e.text):
            pairs.append((m.group(1), m.group(2).strip(" -:")))
    return pairs


def extract_header(doc, lines) -> dict:
    meeting: dict = {"body": None, "date": None, "date_text": None, "title": None, "directorate": None}
    for label, value in _pairs_from_tables(doc) or _pairs_from_lines(lines[:15]):
        key = KEYS.get(label.lower())
        if key and not meeting.get(key):
            meeting[key] = collapse(value)
    meeting["date"] = parse_date(meeting.get("date_text") or "")
    return meeting
