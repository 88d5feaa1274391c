"""Packs, their parts and meetings, for ``plantrace status``."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import models as m
from .packs_models import CommitteeMeeting, DocumentSource, MeetingDocument


def pack_rows(session: Session) -> list[dict]:
    """Each pack with the documents bound in it (stored as parts, or met before as files)."""
    out = []
    for pack in session.scalars(select(m.Document).where(m.Document.kind == "pack").order_by(m.Document.id)):
        parts = []
        for src in session.scalars(select(DocumentSource).where(DocumentSource.pack_id == pack.id)
                                   .order_by(DocumentSource.first_page)):
            doc = session.get(m.Document, src.document_id)
            parts.append({"pages": [src.first_page, src.last_page], "document_id": doc.id, "kind": doc.kind,
                          "title": doc.title})
        out.append({"id": pack.id, "path": pack.path, "pages": pack.pages, "parts": parts})
    return out


def meeting_rows(session: Session) -> list[dict]:
    out = []
    for row in session.scalars(select(CommitteeMeeting).order_by(CommitteeMeeting.date, CommitteeMeeting.body)):
        docs = session.execute(select(MeetingDocument.role, MeetingDocument.document_id)
                               .where(MeetingDocument.meeting_id == row.id).order_by(MeetingDocument.role)).all()
        roles: dict[str, int] = {}
        for role, _ in docs:
            roles[role] = roles.get(role, 0) + 1
        out.append({"id": row.id, "council": row.council, "body": row.body, "date": row.date.isoformat(),
                    "start_time": row.start_time, "venue": row.venue, "documents": roles})
    return out
