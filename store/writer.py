"""Write one normalised document record into the store.

The caller owns the transaction: a document is written whole or not at all.
Rows are plain inserts because a document version is immutable (a changed
file is a new version, identified by its content hash).
"""
from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy.orm import Session

from . import models as m
from .lookup import id_of


def _date(value):
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def _span(dates: list[dict]) -> tuple[date | None, date | None]:
    starts = [_date(d.get("start")) for d in dates or []]
    ends = [_date(d.get("end")) for d in dates or []]
    starts, ends = [d for d in starts if d], [d for d in ends if d]
    return (min(starts) if starts else None, max(ends) if ends else None)


def _point_path(point: dict):
    """A nested point is stored by its path ("5(a)" for point a under 5), so
    `trace 41(5)(a)` finds it and labels repeated under different paragraphs
    stay apart."""
    label, parent = point.get("label"), point.get("parent")
    return f"{parent}({label})" if label and parent else label


def _who(who) -> str | None:
    """Several people leaving together are stored as one readable list."""
    return ", ".join(who) if isinstance(who, list) else who


def _raw_text(raw) -> str | None:
    """A row's printed cells as one text, column by column, for auditors."""
    if isinstance(raw, dict):
        return "\n".join(f"{col}: {text}" for col, text in raw.items() if text)
    return raw


def _bbox(value):
    return list(value) if value else None


def store_document(session: Session, record: dict, path: str, sha256: str, version: int, model=None) -> m.Document:
    doc = m.Document(
        path=path, sha256=sha256, version=version, kind=record["kind"],
        council=record.get("council"), title=record.get("title"), date=_date(record.get("date")),
        pages=record["source"]["pages"], ingested_at=datetime.now(timezone.utc).replace(tzinfo=None),
        contract=record,
    )
    session.add(doc)
    session.flush()
    if model is not None:
        for page in model.pages:
            session.add(m.Page(document_id=doc.id, number=page.number, width=page.width or None,
                               height=page.height or None, text=page.text))
    if record.get("plan"):
        _store_plan(session, doc, record)
    if record.get("meeting") and record["kind"] == "minutes":
        _store_meeting(session, doc, record["meeting"])
    if record["source"].get("ocr"):
        from plantrace.store.ocr_models import store_ocr_pages

        store_ocr_pages(session, doc.id, record["source"])
    if record.get("indicators") or record.get("risks"):
        from .plans_writer import store_measures

        store_measures(session, doc.id, record)
    seq = 0
    for seq, table in enumerate(record.get("tables") or [], start=1):
        session.add(m.ExtractedTable(document_id=doc.id, page=table.get("page"), title=table.get("title"),
                                     header=table.get("header"), rows=table.get("rows"), seq=seq,
                                     reader="slides"))
    for seq, grid in enumerate(getattr(model, "grids", None) or [], start=seq + 1):
        session.add(_grid_row(doc.id, seq, grid))
    session.flush()
    return doc


def _grid_row(document_id: int, seq: int, grid) -> m.ExtractedTable:
    """A table layer grid as a row: header rows joined per column, the body as text, every cell kept."""
    matrix, shown = grid.matrix(), grid.as_dict()
    head = matrix[:grid.header_rows]
    header = [" ".join(dict.fromkeys(r[c] for r in head if r[c])) for c in range(grid.n_cols)] if head else None
    return m.ExtractedTable(document_id=document_id, page=grid.page, title=grid.title, header=header,
                            rows=matrix[grid.header_rows:], seq=seq, reader=grid.reader, ruled=grid.ruled,
                            header_rows=grid.header_rows, n_rows=grid.n_rows, n_cols=grid.n_cols,
                            continues=grid.continues, bbox=shown["bbox"], cells=shown["cells"])


_REC_KEYS = {"number", "text", "rag", "outcomes", "measured_by", "objectives_heading", "objectives", "actions", "page",
             "accountable"}


def _store_plan(session: Session, doc: m.Document, record: dict) -> None:
    plan = m.Plan(document_id=doc.id, council=doc.council, title=doc.title, date=doc.date, kind=doc.kind)
    session.add(plan)
    session.flush()
    for r_seq, rec in enumerate(record["plan"].get("recommendations", [])):
        row = m.Recommendation(
            plan_id=plan.id, document_id=doc.id, page=rec.get("page"), seq=r_seq,
            number=str(rec["number"]) if rec.get("number") is not None else None, text=rec.get("text") or "",
            rag=rec.get("rag"), outcomes=rec.get("outcomes"), measured_by=rec.get("measured_by"),
            objectives_heading=rec.get("objectives_heading"), objectives=rec.get("objectives"),
            lead_text=rec.get("accountability_text") or rec.get("lead_officer_text"),
            extra={k: v for k, v in rec.items() if k not in _REC_KEYS} or None,
        )
        session.add(row)
        session.flush()
        for owner in rec.get("accountable") or []:
            session.add(m.RecommendationOwner(recommendation_id=row.id, document_id=doc.id, kind="lead",
                                              name=owner["name"], role=owner.get("role"),
                                              group_id=_group_id(session, doc, owner)))
        for a_seq, action in enumerate(rec.get("actions", [])):
            _store_action(session, doc, row, a_seq, action)


def _group_id(session: Session, doc: m.Document, owner: dict) -> int | None:
    return id_of(session, m.OwnerGroup, council=doc.council, name=owner["name"]) if owner.get("group") else None


def _store_action(session: Session, doc: m.Document, rec: m.Recommendation, seq: int, action: dict) -> None:
    arow = m.Action(recommendation_id=rec.id, document_id=doc.id, page=action.get("page"),
                    bbox=_bbox(action.get("bbox")), seq=seq, code=action.get("id"),
                    text=action.get("text") or "", raw=action.get("raw"), status=action.get("status"))
    session.add(arow)
    session.flush()
    for u_seq, upd in enumerate(action.get("updates", [])):
        target = upd.get("target_date") or {}
        start, end = _span(target.get("dates"))
        raw_cells = upd.get("raw") if isinstance(upd.get("raw"), dict) else None
        urow = m.ActionUpdate(
            action_id=arow.id, document_id=doc.id, page=upd.get("page"), bbox=_bbox(upd.get("bbox")), seq=u_seq,
            progress=upd.get("progress") or "", raw=_raw_text(upd.get("raw")), target_text=target.get("text"),
            target_dates=target.get("dates"), target_start=start, target_end=end, tbc=bool(target.get("tbc")),
            accountability_text=upd.get("accountability_text"), monitor_text=upd.get("monitor_text"),
            status=upd.get("status"), rag=upd.get("rag"), extra={"raw_cells": raw_cells} if raw_cells else None,
        )
        session.add(urow)
        session.flush()
        for kind, key in (("accountable", "accountable"), ("monitor", "monitors")):
            for owner in upd.get(key) or []:
                session.add(m.ActionOwner(action_id=arow.id, action_update_id=urow.id, document_id=doc.id,
                                          kind=kind, name=owner["name"], role=owner.get("role"),
                                          group_id=_group_id(session, doc, owner)))


def _store_meeting(session: Session, doc: m.Document, meeting: dict) -> None:
    mrow = m.Meeting(document_id=doc.id, council=doc.council, body=meeting.get("body"), date=_date(meeting.get("date")),
                     start_time=meeting.get("start_time"), end_time=meeting.get("end_time"), venue=meeting.get("venue"))
    session.add(mrow)
    session.flush()
    for list_name, entries in (meeting.get("attendance") or {}).items():
        for entry in entries:
            session.add(m.Attendance(meeting_id=mrow.id, document_id=doc.id, page=entry.get("page"),
                                     list_name=list_name, name=entry["name"], role=entry.get("role")))
    for i_seq, item in enumerate(meeting.get("items", [])):
        irow = m.AgendaItem(
            meeting_id=mrow.id, document_id=doc.id, page=item.get("page"), bbox=_bbox(item.get("bbox")), seq=i_seq,
            number=str(item["number"]) if item.get("number") is not None else None, title=item.get("title"),
            title_inferred=bool(item.get("title_inferred")), report_refs=item.get("report_refs"),
            text=item.get("text"), raw=item.get("raw"),
        )
        session.add(irow)
        session.flush()
        for p_seq, point in enumerate(item.get("points", [])):
            session.add(m.MinutePoint(agenda_item_id=irow.id, document_id=doc.id, page=point.get("page"),
                                      bbox=_bbox(point.get("bbox")), seq=p_seq, label=_point_path(point),
                                      text=point.get("text") or "", raw=point.get("raw")))
        for r_seq, res in enumerate(item.get("resolutions", [])):
            session.add(m.Resolution(agenda_item_id=irow.id, document_id=doc.id, page=res.get("page"), seq=r_seq,
                                     verb=res.get("verb"), text=res.get("text") or ""))
        for e_seq, ev in enumerate(item.get("events", [])):
            session.add(m.ItemEvent(agenda_item_id=irow.id, document_id=doc.id, page=ev.get("page"), seq=e_seq,
                                    kind=ev.get("kind") or "other", who=_who(ev.get("who")), text=ev.get("text") or ""))
        for v_seq, vote in enumerate(item.get("votes") or []):
            vrow = m.MinuteVote(agenda_item_id=irow.id, document_id=doc.id, page=vote.get("page") or item.get("page"),
                                seq=v_seq, motion=vote.get("motion"), mover=vote.get("mover"),
                                seconder=vote.get("seconder"), result=vote.get("result"))
            session.add(vrow)
            session.flush()
            for position in ("for", "against", "abstain", "absent"):
                for name in vote.get(position) or []:
                    session.add(m.MinuteVoteCast(vote_id=vrow.id, document_id=doc.id, position=position, name=name))
        for dec in item.get("declarations", []):
            session.add(m.Declaration(agenda_item_id=irow.id, document_id=doc.id, page=dec.get("page"),
                                      who=dec.get("who"), interest=dec.get("interest"), text=dec.get("text") or ""))
