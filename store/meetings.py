"""Meetings as records: a council body on a day, and every document of it.

The agenda announces a meeting, a pack binds its papers, supplements follow,
and the minutes record it (sometimes arriving as "Minutes of the previous
meeting" in the next meeting's pack, where they still belong to the earlier
meeting, which their own header names). Each document says which meeting it is
of: an agenda or covering letter by the meeting it announces, minutes by their
header, a report by the meeting it is addressed to ("To: Cabinet – 30 January
2025"), a pack's parts by their pack. The grouping is rebuilt from the stored
documents, so it never depends on the order files arrived in.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Optional

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from plantrace.extract.written_dates import DATE_RE, parse_date

from . import models as m
from .packs_models import AgendaEntry, CommitteeMeeting, DocumentPart, DocumentSource, MeetingDocument
from .versions import latest_documents

MEETING_OWN_WEIGHT = 3  # the minutes and the agenda are the meeting's own papers: their council counts thrice
TITLE_MATCH = 0.5  # share of an agenda title's words a minute item's title must repeat to record that item

_ADDRESSED = re.compile(r"^\s*to\s*:?\s+(?P<body>[A-Z][\w ,&'()-]{2,80}?)\s*[-–—,]\s*(?P<when>.*\d{4})", re.I | re.M)
_REF = re.compile(r"\b(\d{2})\s*[/-]\s*(\d{5})\b|\breport\s+no\.?\s*(\d+/\d{4})\b", re.I)
_WORD = re.compile(r"[a-z0-9]+")
_SMALL = {"the", "of", "and", "to", "a", "an", "in", "on", "for", "with", "from", "at", "by", "&"}


def body_key(body: str) -> str:
    words = _WORD.findall(body.lower())
    words = [w for w in words if w not in {"the", "meeting", "of"}]
    return " ".join(words)


def refs_in(text: str) -> set[str]:
    """Report numbers, spelt one way: "25/00042" and "25-00042" are the same report."""
    out = set()
    for m_ in _REF.finditer(text or ""):
        out.add(f"{m_.group(1)}/{m_.group(2)}" if m_.group(1) else m_.group(3))
    return out


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall((text or "").lower()) if w not in _SMALL}


def _date(value) -> Optional[date]:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _first_page_text(session: Session, doc: m.Document) -> str:
    part = session.get(DocumentPart, doc.id)
    owner, number = (part.pack_id, part.first_page) if part else (doc.id, 1)
    page = session.scalar(select(m.Page.text).where(m.Page.document_id == owner, m.Page.number == number))
    return page or ""


def own_meeting(session: Session, doc: m.Document) -> Optional[dict]:
    """(body, date, …) of the meeting this document is of, by what it says."""
    record = doc.contract or {}
    meeting = record.get("meeting") or {}
    if meeting.get("body") and _date(meeting.get("date")):
        return {"body": meeting["body"], "date": _date(meeting["date"]), "start_time": meeting.get("start_time"),
                "venue": meeting.get("venue")}
    stored = session.scalar(select(m.Meeting).where(m.Meeting.document_id == doc.id).limit(1))
    if stored is not None and stored.body and stored.date:  # minutes as the writer stored them
        return {"body": stored.body, "date": stored.date, "start_time": stored.start_time, "venue": stored.venue}
    if doc.kind in ("report", "agenda"):
        found = _ADDRESSED.search(_first_page_text(session, doc))
        if found and DATE_RE.search(found.group("when")):
            return {"body": found.group("body").strip(), "date": _date(parse_date(found.group("when"))),
                    "start_time": None, "venue": None}
    return None


_ROLE = {"agenda": "agenda", "minutes": "minutes", "pack": "pack"}


def rebuild_meetings(session: Session) -> int:
    """Regroup every current document under the meetings they are of; the count of meetings."""
    session.execute(delete(CommitteeMeeting))
    session.flush()
    meetings: dict[tuple, CommitteeMeeting] = {}
    docs = latest_documents(session)
    of_doc: dict[int, CommitteeMeeting] = {}

    def meeting_for(doc: m.Document, found: dict) -> CommitteeMeeting:
        key = (body_key(found["body"]), found["date"])
        row = meetings.get(key)
        if row is None:
            row = CommitteeMeeting(council=doc.council, council_key="", body=found["body"], body_key=key[0],
                                   date=found["date"], start_time=found.get("start_time"), venue=found.get("venue"))
            session.add(row)
            session.flush()
            meetings[key] = row
        else:
            row.council = row.council or doc.council
            row.start_time = row.start_time or found.get("start_time")
            row.venue = row.venue or found.get("venue")
        return row

    links: set[tuple[int, int, str]] = set()
    for doc in docs:
        found = own_meeting(session, doc)
        if found:
            row = meeting_for(doc, found)
            of_doc[doc.id] = row
            links.add((row.id, doc.id, _ROLE.get(doc.kind, "report")))
    # a pack's parts (and documents met bound in a pack) belong to the pack's meeting too
    for src in session.scalars(select(DocumentSource).where(DocumentSource.pack_id.is_not(None))):
        pack_meeting = of_doc.get(src.pack_id)
        if pack_meeting is None or src.document_id == src.pack_id:
            continue
        own = of_doc.get(src.document_id)
        doc = session.get(m.Document, src.document_id)
        role = "previous_minutes" if doc.kind == "minutes" and own is not None and own is not pack_meeting else "part"
        links.add((pack_meeting.id, src.document_id, role))
    _councils(session, docs, of_doc)
    for meeting_id, doc_id, role in sorted(links):
        session.add(MeetingDocument(meeting_id=meeting_id, document_id=doc_id, role=role))
    session.flush()
    for doc in docs:
        if doc.kind == "agenda" and doc.id in of_doc:
            _agenda_entries(session, doc, of_doc[doc.id])
    session.flush()
    return len(meetings)


def _councils(session: Session, docs: list[m.Document], of_doc: dict[int, CommitteeMeeting]) -> None:
    """A meeting's council is the one its documents name most, its own papers first (a
    report may name a neighbouring council in its first lines)."""
    votes: dict[int, Counter] = {}
    for doc in docs:
        if doc.id in of_doc and doc.council:
            weight = MEETING_OWN_WEIGHT if doc.kind in ("minutes", "agenda") else 1
            votes.setdefault(of_doc[doc.id].id, Counter())[doc.council] += weight
    for row in set(of_doc.values()):
        if row.id in votes:
            row.council = votes[row.id].most_common(1)[0][0]


def _agenda_entries(session: Session, doc: m.Document, meeting: CommitteeMeeting) -> None:
    items = ((doc.contract or {}).get("meeting") or {}).get("items") or []
    minute_items = _minute_items(session, meeting)
    reports = _reports(session, meeting)
    for seq, item in enumerate(items):
        pages = item.get("pack_pages") or [None, None]
        refs = set(item.get("report_refs") or []) | refs_in(item.get("title"))
        session.add(AgendaEntry(
            meeting_id=meeting.id, document_id=doc.id, page=item.get("page"), seq=seq, number=item.get("number"),
            title=item.get("title"), report_refs=sorted(refs) or None, first_page=pages[0], last_page=pages[1],
            minute_item_id=_best(item.get("title"), refs, minute_items),
            report_document_id=_best(item.get("title"), refs, reports),
        ))


def _minute_items(session: Session, meeting: CommitteeMeeting) -> list[tuple[int, str, set]]:
    """(minute item id, title, report numbers) of the minutes that record this meeting."""
    minutes_docs = select(MeetingDocument.document_id).where(MeetingDocument.meeting_id == meeting.id,
                                                             MeetingDocument.role == "minutes")
    rows = session.scalars(select(m.AgendaItem).where(m.AgendaItem.document_id.in_(minutes_docs))
                           .order_by(m.AgendaItem.seq))
    out = []
    for row in rows:
        text = " ".join(filter(None, [row.title, " ".join(row.report_refs or []), (row.text or "")[:400]]))
        out.append((row.id, row.title or "", refs_in(text)))
    return out


def _reports(session: Session, meeting: CommitteeMeeting) -> list[tuple[int, str, set]]:
    docs = select(MeetingDocument.document_id).where(MeetingDocument.meeting_id == meeting.id,
                                                     MeetingDocument.role.in_(("part", "report")))
    out = []
    for doc in session.scalars(select(m.Document).where(m.Document.id.in_(docs), m.Document.kind != "agenda")):
        out.append((doc.id, doc.title or "", refs_in(_first_page_text(session, doc))))
    return out


def _best(title: Optional[str], refs: set, candidates: list[tuple[int, str, set]]) -> Optional[int]:
    """The candidate naming the same report number, else the one whose title repeats most
    of the agenda title's words."""
    if refs:
        for cid, _, crefs in candidates:
            if refs & crefs:
                return cid
    want = _words(title)
    if not want:
        return None
    scored = [(len(want & _words(ctitle)) / len(want), cid) for cid, ctitle, _ in candidates]
    scored = [s for s in scored if s[0] >= TITLE_MATCH]
    return max(scored)[1] if scored else None
