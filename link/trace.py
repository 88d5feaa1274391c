"""Queries behind `plantrace links` and `plantrace trace`.

An auditor starts from either end: a line of the minutes ("what plan action
was this about, and what had been reported on it?") or an action ("where was
this discussed?"). Both read only current document versions and return plain
dicts, so the terminal view and --json show the same facts.
"""
from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from plantrace.store import models as m
from plantrace.store.versions import latest_ids_query


def _source(doc: m.Document) -> str:
    return Path(doc.path).name


def _pick_document(session: Session, kind_filter, wanted: str | None) -> m.Document | None:
    """A document id, a path or a file name picks one; by default the newest current one."""
    query = select(m.Document).where(m.Document.id.in_(latest_ids_query())).where(kind_filter)
    docs = list(session.scalars(query.order_by(m.Document.date.desc().nullslast(), m.Document.id.desc())))
    if not wanted:
        return docs[0] if docs else None
    for d in docs:
        if wanted.isdigit() and d.id == int(wanted):
            return d
    for d in docs:
        if d.path == wanted or Path(d.path).name == Path(wanted).name or str(Path(wanted).resolve()) == d.path:
            return d
    return None


def all_links(session: Session) -> list[dict]:
    """Every stored link as the output contract shapes it, best first within each point.

    The plan side also names the action's recommendation (an extra field), so an
    analyst can count links per recommendation without a second query."""
    current = latest_ids_query()
    rows = session.execute(
        select(m.Link, m.MinutePoint, m.AgendaItem, m.Action, m.Recommendation.number)
        .join(m.MinutePoint, m.MinutePoint.id == m.Link.minute_point_id)
        .join(m.AgendaItem, m.AgendaItem.id == m.MinutePoint.agenda_item_id)
        .join(m.Action, m.Action.id == m.Link.action_id)
        .outerjoin(m.Recommendation, m.Recommendation.id == m.Action.recommendation_id)
        .where(m.MinutePoint.document_id.in_(current), m.Action.document_id.in_(current))
        .order_by(m.MinutePoint.document_id, m.AgendaItem.seq, m.MinutePoint.seq, m.Link.rank)).all()
    docs = {d.id: d for d in session.scalars(select(m.Document))}
    out = []
    for link, point, item, action, rec_number in rows:
        out.append({
            "minutes": {"source": _source(docs[point.document_id]), "item": item.number, "point": point.label},
            "plan": {"source": _source(docs[action.document_id]), "action": action.code,
                     "recommendation": rec_number},
            "score": round(link.score, 3), "evidence": link.evidence or "",
        })
    return out


def parse_point(ref: str) -> tuple[str, str | None]:
    """"12(b)", "12 b", "12b" or "12" -> ("12", "b"); "31.2" or "31(2)" -> ("31", "2")."""
    m_ = re.match(r"^\s*(\d+[A-Za-z]?)\s*[\(\s.]?\s*([a-z]{1,3}|[ivx]+|\d{1,2})?\s*\)?\s*$", ref)
    if not m_:
        raise ValueError(f"not a minute reference: {ref!r} (expected e.g. 12(b))")
    return m_.group(1), m_.group(2)


def _action_dict(session: Session, action: m.Action, docs: dict) -> dict:
    rec = session.get(m.Recommendation, action.recommendation_id)
    updates = []
    for u in session.scalars(select(m.ActionUpdate).where(m.ActionUpdate.action_id == action.id)
                             .order_by(m.ActionUpdate.seq)):
        owners = session.scalars(select(m.ActionOwner).where(m.ActionOwner.action_update_id == u.id)).all()
        updates.append({
            "progress": u.progress, "page": u.page, "bbox": u.bbox, "target": u.target_text,
            "target_start": u.target_start, "target_end": u.target_end, "status": u.status,
            "accountable": [o.name for o in owners if o.kind == "accountable"] or
                           ([u.accountability_text] if u.accountability_text else []),
            "monitor": [o.name for o in owners if o.kind == "monitor"] or ([u.monitor_text] if u.monitor_text else []),
        })
    return {
        "source": _source(docs[action.document_id]), "document_id": action.document_id, "action": action.code,
        "page": action.page, "bbox": action.bbox, "text": action.text, "raw": action.raw, "status": action.status,
        "recommendation": {"number": rec.number, "text": rec.text, "page": rec.page} if rec else None,
        "updates": updates,
    }


def _point_dict(point: m.MinutePoint, item: m.AgendaItem, doc: m.Document) -> dict:
    return {"source": _source(doc), "document_id": doc.id, "item": item.number, "item_title": item.title,
            "point": point.label, "page": point.page, "bbox": point.bbox, "raw": point.raw or point.text,
            "text": point.text}


def trace_point(session: Session, ref: str, minutes: str | None = None) -> dict | None:
    item_no, label = parse_point(ref)
    # only minutes that have this item are candidates, so the default is the newest that does
    has_item = m.Document.id.in_(select(m.AgendaItem.document_id).where(m.AgendaItem.number == item_no))
    doc = _pick_document(session, has_item, minutes)
    if doc is None:
        return None
    query = (select(m.MinutePoint, m.AgendaItem).join(m.AgendaItem, m.AgendaItem.id == m.MinutePoint.agenda_item_id)
             .where(m.MinutePoint.document_id == doc.id, m.AgendaItem.number == item_no))
    if label:
        query = query.where(m.MinutePoint.label == label)
    row = session.execute(query.order_by(m.MinutePoint.seq)).first()
    if row is None:
        return None
    point, item = row
    docs = {d.id: d for d in session.scalars(select(m.Document))}
    links = []
    for link, action in session.execute(select(m.Link, m.Action).join(m.Action, m.Action.id == m.Link.action_id)
                                        .where(m.Link.minute_point_id == point.id).order_by(m.Link.rank)):
        links.append({"rank": link.rank, "score": round(link.score, 3), "evidence": link.evidence,
                      **_action_dict(session, action, docs)})
    return {"point": _point_dict(point, item, doc), "links": links}


def trace_action(session: Session, code: str, plan: str | None = None) -> dict | None:
    # only plans that have this action are candidates, so the default is the newest that does
    has_action = m.Document.id.in_(select(m.Action.document_id).where(m.Action.code == code))
    doc = _pick_document(session, has_action, plan)
    if doc is None:
        return None
    action = session.scalar(select(m.Action).where(m.Action.document_id == doc.id, m.Action.code == code)
                            .order_by(m.Action.seq))
    if action is None:
        return None
    docs = {d.id: d for d in session.scalars(select(m.Document))}
    points = []
    for link, point, item in session.execute(
            select(m.Link, m.MinutePoint, m.AgendaItem)
            .join(m.MinutePoint, m.MinutePoint.id == m.Link.minute_point_id)
            .join(m.AgendaItem, m.AgendaItem.id == m.MinutePoint.agenda_item_id)
            .where(m.Link.action_id == action.id, m.MinutePoint.document_id.in_(latest_ids_query()))
            .order_by(m.Link.score.desc())):
        meeting = session.get(m.Meeting, item.meeting_id)
        points.append({"score": round(link.score, 3), "rank": link.rank, "evidence": link.evidence,
                       "meeting_date": meeting.date if meeting else None,
                       **_point_dict(point, item, docs[point.document_id])})
    return {"action": _action_dict(session, action, docs), "points": points}
