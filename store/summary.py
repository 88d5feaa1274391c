"""Counts for ``plantrace status``: what is stored, per table and per document."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import models as m

PER_DOCUMENT = {
    "recommendations": m.Recommendation, "actions": m.Action, "updates": m.ActionUpdate,
    "items": m.AgendaItem, "points": m.MinutePoint, "resolutions": m.Resolution, "tables": m.ExtractedTable,
}


def table_counts(session: Session) -> dict[str, int]:
    return {
        mapper.local_table.name: session.scalar(select(func.count()).select_from(mapper.local_table))
        for mapper in sorted(m.Base.registry.mappers, key=lambda mp: mp.local_table.name)
    }


def document_rows(session: Session) -> list[dict]:
    per_doc = {
        name: dict(session.execute(select(model.document_id, func.count()).group_by(model.document_id)).all())
        for name, model in PER_DOCUMENT.items()
    }
    return [
        {"id": d.id, "path": d.path, "version": d.version, "kind": d.kind, "council": d.council, "date": d.date,
         "pages": d.pages, "sha256": d.sha256, "rows": {name: per_doc[name].get(d.id, 0) for name in PER_DOCUMENT},
         "warnings": ((d.contract or {}).get("source") or {}).get("warnings") or []}
        for d in session.scalars(select(m.Document).order_by(m.Document.id))
    ]
