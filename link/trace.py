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
from plantrace.store.plans_models import Indicator
from plantrace.store.scope_links_models import ScopeLink
from plantrace.store.versions import latest_ids_query


def _source(doc: m.Document) -> str:
    return Path(doc.path).name


class Ambiguous(Exception):
    """A reference that more than one council's documents hold; ``candidates`` say which."""

    def __init__(self, ref: str, candidates: list[dict], option: str):
        self.ref, self.candidates, self.option = ref, candidates, option
        super().__init__(f"{ref}: in {len(candidates)} documents of different councils; "
                         f"give {option} or --council")


class NoSuchDocument(Exception):
    """``--plan``/``--minutes``/``--council`` named nothing that is stored (not a missing reference)."""


def candidate(doc: m.Document) -> dict:
    return {"council": doc.council, "title": doc.title, "kind": doc.kind, "document_id": doc.id,
            "source": _source(doc), "path": doc.path, "date": doc.date}


def _matches(d: m.Document, wanted: str) -> bool:
    if wanted.isdigit():
        return d.id == int(wanted)
    try:
        resolved = str(Path(wanted).resolve())
    except (OSError, RuntimeError):
        resolved = wanted
    return d.path == wanted or Path(d.path).name == Path(wanted).name or resolved == d.path


def _pick_document(session: Session, kind_filter, wanted: str | None, council: str | None = None,
                   ref: str = "", option: str = "--plan", kind_like=None) -> m.Document | None:
    """A document id, a path or a file name picks one; by default the newest current one.

    When the reference is held by documents of more than one council and neither
    the document nor the council is named, the choice is the user's: Ambiguous.
    A named document or council that matches nothing stored is NoSuchDocument,
    so a typo there is not reported as a missing action or point.
    """
    current = select(m.Document).where(m.Document.id.in_(latest_ids_query()))
    order = (m.Document.date.desc().nullslast(), m.Document.id.desc())
    if council:
        key = council.strip().lower()
        known = {c for c in session.scalars(select(m.Document.council).distinct()) if c}
        if not any(key in c.lower() for c in known):
            raise NoSuchDocument(f"--council {council}: no stored document of such a council "
                                 f"(known: {', '.join(sorted(known)) or 'none'})")
    if wanted:
        pool = [d for d in session.scalars(current.where(kind_like) if kind_like is not None else current)
                if _matches(d, wanted)]
        if not pool:
            raise NoSuchDocument(f"{option} {wanted}: no such current document")
    docs = list(session.scalars(current.where(kind_filter).order_by(*order)))
    if council:
        docs = [d for d in docs if d.council and key in d.council.lower()]
    if wanted:
        docs = [d for d in docs if _matches(d, wanted)]
        return docs[0] if docs else None
    if len({d.council for d in docs}) > 1:
        raise Ambiguous(ref, [candidate(d) for d in docs], option)
    return docs[0] if docs else None


def _top(row) -> float:
    box = getattr(row, "bbox", None)
    return box[1] if isinstance(box, (list, tuple)) and len(box) > 1 else float("inf")


def printed_refs(session: Session, model, document_id: int) -> dict[int, str]:
    """How to cite a plan's actions (or recommendations) that the plan does not number: by where
    they are printed, "p5.2" being the second from the top of page 5. Numbered ones keep their number."""
    rows = list(session.scalars(select(model).where(model.document_id == document_id)))
    out: dict[int, str] = {}
    by_page: dict = {}
    for row in sorted(rows, key=lambda r: (r.page or 0, _top(r), r.seq)):
        by_page.setdefault(row.page, []).append(row)
    for page, on_page in by_page.items():
        for k, row in enumerate(on_page, start=1):
            out[row.id] = f"p{page}.{k}" if page else f"#{row.seq + 1}"
    return out


def action_ref(action: m.Action, refs: dict[int, str]) -> str | None:
    return action.code or refs.get(action.id)


def all_links(session: Session, scope: bool = False) -> list[dict]:
    """Every stored link as the output contract shapes it, best first within each point.

    The plan side also names the action's recommendation (an extra field), so an
    analyst can count links per recommendation without a second query. An action
    the plan does not number is cited by where it is printed ("p5.2").
    With ``scope``, the links of points to a whole recommendation, indicator or
    plan follow, each with its ``level`` (an action link is one without)."""
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
    refs: dict[int, dict[int, str]] = {}
    out = []
    for link, point, item, action, rec_number in rows:
        if action.document_id not in refs:
            refs[action.document_id] = printed_refs(session, m.Action, action.document_id)
        out.append({
            "minutes": {"source": _source(docs[point.document_id]), "item": item.number, "point": point.label},
            "plan": {"source": _source(docs[action.document_id]), "action": action_ref(action, refs[action.document_id]),
                     "recommendation": rec_number, "action_text": action.text, "page": action.page},
            "score": round(link.score, 3), "evidence": link.evidence or "",
        })
    if scope:
        out.extend(scope_links(session))
    return out


def _scope_target(session: Session, link: ScopeLink, docs: dict, rec_refs: dict) -> dict:
    plan = session.get(m.Plan, link.plan_id) if link.plan_id else None
    target: dict = {"source": _source(docs[plan.document_id]) if plan else None,
                    "plan_title": plan.title if plan else None}
    if link.recommendation_id:
        rec = session.get(m.Recommendation, link.recommendation_id)
        if rec.document_id not in rec_refs:
            rec_refs[rec.document_id] = printed_refs(session, m.Recommendation, rec.document_id)
        target["recommendation"] = rec.number or rec_refs[rec.document_id].get(rec.id)
        target["recommendation_text"] = rec.text
        target["page"] = rec.page
    if link.indicator_id:
        ind = session.get(Indicator, link.indicator_id)
        target["source"] = _source(docs[ind.document_id])
        target["indicator"] = ind.name
        target["page"] = ind.page
    return target


def scope_links(session: Session, point_id: int | None = None) -> list[dict]:
    """Links of points to a whole recommendation or priority, an indicator or a plan, best first."""
    current = latest_ids_query()
    query = (select(ScopeLink, m.MinutePoint, m.AgendaItem)
             .join(m.MinutePoint, m.MinutePoint.id == ScopeLink.minute_point_id)
             .join(m.AgendaItem, m.AgendaItem.id == m.MinutePoint.agenda_item_id)
             .where(m.MinutePoint.document_id.in_(current)))
    if point_id is not None:
        query = query.where(ScopeLink.minute_point_id == point_id)
    docs = {d.id: d for d in session.scalars(select(m.Document))}
    rec_refs: dict = {}
    out = []
    for link, point, item in session.execute(query.order_by(m.MinutePoint.document_id, m.AgendaItem.seq,
                                                            m.MinutePoint.seq, ScopeLink.rank)).all():
        out.append({
            "minutes": {"source": _source(docs[point.document_id]), "item": item.number, "point": point.label},
            "plan": _scope_target(session, link, docs, rec_refs),
            "level": link.level, "score": round(link.score, 3), "evidence": link.evidence or "", "via": link.via,
        })
    return out


_PART = r"(?:[a-z]{1,4}|\d{1,2})"


def parse_point(ref: str) -> tuple[str, str | None]:
    """"12(b)", "12 b", "12b" or "12" -> ("12", "b"); "31.2" or "31(2)" -> ("31", "2");
    a nested point "41(5)(a)" -> ("41", "5(a)"), the path it is stored by; a
    dotted minute number "18.11.3" or "18.11.3(a)" -> ("18.11.3", None / "a")."""
    m_ = re.match(rf"^\s*(\d+(?:\.\d+){{2,3}})\s*(?:\(({_PART})\))?\s*$", ref)
    if m_:
        return m_.group(1), m_.group(2)
    m_ = re.match(rf"^\s*(\d+[A-Za-z]?)\s*\(({_PART})\)((?:\s*\({_PART}\))+)\s*$", ref)
    if m_:
        rest = "".join(f"({p})" for p in re.findall(_PART, m_.group(3)))
        return m_.group(1), m_.group(2) + rest
    m_ = re.match(r"^\s*(\d+[A-Za-z]?)\s*[\(\s.]?\s*([a-z]{1,3}|[ivx]+|\d{1,2})?\s*\)?\s*$", ref)
    if not m_:
        raise ValueError(f"not a minute reference: {ref!r} (expected e.g. 12(b))")
    return m_.group(1), m_.group(2)


def point_ref(item: str | None, label: str | None) -> str:
    """How the minutes cite a point: "12(a)", and a nested one "41(5)(a)"."""
    if not label:
        return str(item)
    head, _, rest = label.partition("(")
    return f"{item}({head})" + (f"({rest}" if rest else "")


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
        "source": _source(docs[action.document_id]), "document_id": action.document_id,
        "council": docs[action.document_id].council,
        "action": action_ref(action, printed_refs(session, m.Action, action.document_id)),
        "page": action.page, "bbox": action.bbox, "text": action.text, "raw": action.raw, "status": action.status,
        "recommendation": {"number": rec.number, "text": rec.text, "page": rec.page} if rec else None,
        "updates": updates,
    }


def item_votes(session: Session, item: m.AgendaItem) -> list[dict]:
    """The votes recorded under an item, each member's vote in its list."""
    out = []
    for vote in session.scalars(select(m.MinuteVote).where(m.MinuteVote.agenda_item_id == item.id)
                                .order_by(m.MinuteVote.seq)):
        row = {"motion": vote.motion, "mover": vote.mover, "seconder": vote.seconder, "result": vote.result,
               "for": [], "against": [], "abstain": [], "absent": []}
        for cast in session.scalars(select(m.MinuteVoteCast).where(m.MinuteVoteCast.vote_id == vote.id)
                                    .order_by(m.MinuteVoteCast.id)):
            row.setdefault(cast.position, []).append(cast.name)
        out.append(row)
    return out


def _point_dict(point: m.MinutePoint, item: m.AgendaItem, doc: m.Document) -> dict:
    return {"source": _source(doc), "document_id": doc.id, "council": doc.council, "item": item.number,
            "item_title": item.title, "point": point.label, "ref": point_ref(item.number, point.label),
            "page": point.page, "bbox": point.bbox, "raw": point.raw or point.text, "text": point.text}


def trace_point(session: Session, ref: str, minutes: str | None = None, council: str | None = None) -> dict | None:
    item_no, label = parse_point(ref)
    # only minutes that have this item are candidates, so the default is the newest that does
    has_item = m.Document.id.in_(select(m.AgendaItem.document_id).where(m.AgendaItem.number == item_no))
    doc = _pick_document(session, has_item, minutes, council, ref, "--minutes",
                         m.Document.id.in_(select(m.AgendaItem.document_id)))
    if doc is None:
        return None
    query = (select(m.MinutePoint, m.AgendaItem).join(m.AgendaItem, m.AgendaItem.id == m.MinutePoint.agenda_item_id)
             .where(m.MinutePoint.document_id == doc.id, m.AgendaItem.number == item_no))
    row = session.execute((query.where(m.MinutePoint.label == label) if label else query)
                          .order_by(m.MinutePoint.seq)).first()
    if row is None and label and "(" not in label:  # "87(a)": the first (a), whatever paragraph it sits under
        row = session.execute(query.where(m.MinutePoint.label.like(f"%({label})")).order_by(m.MinutePoint.seq)).first()
    if row is None:
        return None
    point, item = row
    return _point_result(session, point, item, doc)


def point_by_id(session: Session, point_id: int) -> dict | None:
    """The trace of one stored minute point, by its row id (what a web page links to)."""
    point = session.get(m.MinutePoint, point_id)
    if point is None:
        return None
    return _point_result(session, point, session.get(m.AgendaItem, point.agenda_item_id),
                         session.get(m.Document, point.document_id))


def action_by_id(session: Session, action_id: int) -> dict | None:
    """The trace of one stored plan action, by its row id."""
    action = session.get(m.Action, action_id)
    return None if action is None else _action_result(session, action)


def _point_result(session: Session, point: m.MinutePoint, item: m.AgendaItem, doc: m.Document) -> dict:
    docs = {d.id: d for d in session.scalars(select(m.Document))}
    links = []
    for link, action in session.execute(select(m.Link, m.Action).join(m.Action, m.Action.id == m.Link.action_id)
                                        .where(m.Link.minute_point_id == point.id).order_by(m.Link.rank)):
        links.append({"rank": link.rank, "score": round(link.score, 3), "evidence": link.evidence,
                      "action_id": action.id, **_action_dict(session, action, docs)})
    return {"point": {"minute_point_id": point.id, **_point_dict(point, item, doc)}, "links": links,
            "scope_links": scope_links(session, point.id), "path": report_path(session, item),
            "votes": item_votes(session, item)}


def report_path(session: Session, item: m.AgendaItem) -> list[dict]:
    """Minute item -> the reports it considered -> the plans those reports carry, as stored."""
    from .report_path import carried_reports, item_reports

    wanted = item_reports(item.title, item.report_refs, item.text)
    if not wanted:
        return []
    doc = session.get(m.Document, item.document_id)
    current = latest_ids_query()
    out = []
    candidates = session.scalars(select(m.Document).where(m.Document.id.in_(current),
                                                          m.Document.council == doc.council if doc.council
                                                          else m.Document.council.is_(None)))
    for other in candidates:
        first = list(session.scalars(select(m.Page.text).where(m.Page.document_id == other.id)
                                     .order_by(m.Page.number).limit(2)))
        shared = sorted(wanted & carried_reports(other.path, [t or "" for t in first]))
        if shared and other.id != doc.id and other.kind not in ("agenda", "minutes", "pack"):
            plan = session.scalar(select(m.Plan).where(m.Plan.document_id == other.id).limit(1))
            out.append({"report": shared[0], "document_id": other.id, "source": _source(other), "kind": other.kind,
                        "title": other.title, "plan_id": plan.id if plan else None})
    return out


_PRINTED_REF = re.compile(r"^p(\d+)\.(\d+)$")


def _printed_action(session: Session, code: str, plan: str | None, council: str | None) -> dict | None:
    """An unnumbered action cited by where it is printed ("p5.2"): the same reference links --json gives."""
    page = int(_PRINTED_REF.match(code).group(1))
    on_page = m.Document.id.in_(select(m.Action.document_id).where(m.Action.page == page, m.Action.code.is_(None)))
    doc = _pick_document(session, on_page, plan, council, code, "--plan",
                         m.Document.id.in_(select(m.Action.document_id)))
    if doc is None:
        return None
    wanted = {ref: action_id for action_id, ref in printed_refs(session, m.Action, doc.id).items()}
    action = session.get(m.Action, wanted[code]) if code in wanted else None
    return None if action is None or action.code else _action_result(session, action)


def trace_action(session: Session, code: str, plan: str | None = None, council: str | None = None) -> dict | None:
    if _PRINTED_REF.match(code) and session.scalar(select(m.Action.id).where(m.Action.code == code).limit(1)) is None:
        return _printed_action(session, code, plan, council)
    # only plans that have this action are candidates, so the default is the newest that does
    has_action = m.Document.id.in_(select(m.Action.document_id).where(m.Action.code == code))
    doc = _pick_document(session, has_action, plan, council, code, "--plan",
                         m.Document.id.in_(select(m.Action.document_id)))
    if doc is None:
        return None
    action = session.scalar(select(m.Action).where(m.Action.document_id == doc.id, m.Action.code == code)
                            .order_by(m.Action.seq))
    if action is None:
        return None
    return _action_result(session, action)


def _action_result(session: Session, action: m.Action) -> dict:
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
                       "meeting_date": meeting.date if meeting else None, "minute_point_id": point.id,
                       **_point_dict(point, item, docs[point.document_id])})
    return {"action": {"action_id": action.id, **_action_dict(session, action, docs)}, "points": points}
