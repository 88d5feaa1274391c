"""Rebuild a council's links from its current documents.

Links are derived data: whenever any plan or minutes of a council changes,
every link of that council is thrown away and recomputed inside the ingest
transaction, so the table never mixes links from different versions.
"""
from __future__ import annotations

import re
from collections import defaultdict

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from plantrace.store import models as m
from plantrace.store.plans_models import Indicator
from plantrace.store.scope_links_models import ScopeLink
from plantrace.store.versions import latest_documents

from .entities import family_name
from .references import reports_in
from .report_path import carried_reports, item_reports
from .scope import ScopeLinker
from .score import ON_TOPIC_BY_NAME, TITLE_SHARE, ActionDoc, Linker, PointDoc, keep_links
from .terms import Analyzer, learn_abbreviations


def _council_docs(session: Session, council):
    docs = latest_documents(session, council=council)
    if council is None:
        docs = [d for d in docs if d.council is None]
    return docs


def _delete_links(session: Session, council) -> None:
    doc_q = select(m.Document.id).where(m.Document.council == council if council is not None
                                        else m.Document.council.is_(None))
    points = select(m.MinutePoint.id).where(m.MinutePoint.document_id.in_(doc_q))
    session.execute(delete(m.Link).where(m.Link.minute_point_id.in_(points)))
    session.execute(delete(ScopeLink).where(ScopeLink.minute_point_id.in_(points)))


def _page_texts(session: Session, doc_ids) -> dict[int, list[str]]:
    out: dict[int, list[str]] = defaultdict(list)
    for doc_id, text in session.execute(select(m.Page.document_id, m.Page.text).where(m.Page.document_id.in_(doc_ids))
                                        .order_by(m.Page.document_id, m.Page.number)):
        out[doc_id].append(text or "")
    return out


def load_actions(session: Session, plan: m.Plan) -> list[ActionDoc]:
    recs = {r.id: r for r in session.scalars(select(m.Recommendation).where(m.Recommendation.plan_id == plan.id))}
    actions = list(session.scalars(select(m.Action).where(m.Action.recommendation_id.in_(recs))
                                   .order_by(m.Action.recommendation_id, m.Action.seq)))
    ids = [a.id for a in actions]
    updates: dict[int, list[str]] = defaultdict(list)
    for u in session.scalars(select(m.ActionUpdate).where(m.ActionUpdate.action_id.in_(ids))
                             .order_by(m.ActionUpdate.action_id, m.ActionUpdate.seq)):
        updates[u.action_id].append(u.progress or "")
    owners: dict[int, set[str]] = defaultdict(set)
    rows = session.execute(select(m.ActionOwner.action_id, m.ActionOwner.name, m.Person.family)
                           .join(m.Person, m.Person.id == m.ActionOwner.person_id, isouter=True)
                           .where(m.ActionOwner.action_id.in_(ids)))
    for action_id, name, family in rows:
        fam = (family or "").lower() or family_name(name)
        if fam:
            owners[action_id].add(fam)
    out = []
    for a in actions:
        r = recs[a.recommendation_id]
        context = [*(r.outcomes or []), *(r.objectives or []), *(r.measured_by or []), r.objectives_heading or ""]
        out.append(ActionDoc(a.id, a.code, r.number, a.text or "", updates[a.id], r.text or "",
                             [c for c in context if isinstance(c, str)], sorted(owners[a.id])))
    return out


def current_plans(plans: list[m.Plan], meeting_date) -> list[m.Plan]:
    """Plans a meeting could have discussed: dated on or before it, or undated."""
    return [p for p in plans if p.date is None or meeting_date is None or p.date <= meeting_date]


def _scope_targets(session: Session, plan: m.Plan, actions: list[ActionDoc]) -> tuple[list, list]:
    """A plan's recommendations (each read with its context and its actions' headlines, since a
    priority is what its actions do) and the indicators its document holds."""
    recs = []
    for r in session.scalars(select(m.Recommendation).where(m.Recommendation.plan_id == plan.id)
                             .order_by(m.Recommendation.seq)):
        own = [a.text for a in session.scalars(select(m.Action).where(m.Action.recommendation_id == r.id))]
        context = [c for c in [*(r.outcomes or []), *(r.objectives or []), r.objectives_heading or ""]
                   if isinstance(c, str)]
        label = r.number or " ".join((r.text or (own[0] if own else "")).split()[:8])
        recs.append((r.id, label, " . ".join([r.text or "", *context, *own])))
    return recs, _indicators(session, plan.document_id)


def _indicators(session: Session, document_id: int) -> list[tuple[int, str]]:
    return [(i.id, i.name) for i in session.scalars(select(Indicator).where(Indicator.document_id == document_id)
                                                    .order_by(Indicator.seq)) if i.name]


def _names_document(item_title: str | None, title: str | None) -> bool:
    """An item whose title repeats most of a document's title words is about that document."""
    words = {w for w in re.findall(r"[a-z]{3,}", (title or "").lower())}
    said = {w for w in re.findall(r"[a-z]{3,}", (item_title or "").lower())}
    return bool(words) and len(words & said) >= TITLE_SHARE * len(words)


def relink(session: Session, council) -> int:
    """Delete and recreate the links of the council's current minute points; returns how many were stored."""
    _delete_links(session, council)
    docs = _council_docs(session, council)
    doc_ids = [d.id for d in docs]
    plans = list(session.scalars(select(m.Plan).where(m.Plan.document_id.in_(doc_ids))))
    meetings = list(session.scalars(select(m.Meeting).where(m.Meeting.document_id.in_(doc_ids))))
    measured = set(session.scalars(select(Indicator.document_id).where(Indicator.document_id.in_(doc_ids)).distinct()))
    if not (plans or measured) or not meetings:
        return 0
    pages = _page_texts(session, doc_ids)
    plan_actions = {p.id: load_actions(session, p) for p in plans}
    linkers: dict[tuple[int, int], Linker] = {}
    scopes: dict[tuple[int, int], ScopeLinker] = {}
    docs_by_id = {d.id: d for d in docs}
    # the reports each plan belongs to, so a minute item that considered one reaches the plan
    carried = {p.id: carried_reports(docs_by_id[p.document_id].path, pages[p.document_id]) for p in plans}
    # scorecards and progress reports whose indicators no action plan of theirs carries: a minute
    # may speak of one of their indicators ("the rate of repeat referrals")
    with_actions = {p.document_id for p in plans if plan_actions[p.id]}
    scorecards = [docs_by_id[d] for d in sorted(measured) if d not in with_actions and d in docs_by_id]
    card_reports = {d.id: carried_reports(d.path, pages[d.id]) for d in scorecards}
    card_linkers: dict[tuple[int, int], ScopeLinker] = {}
    stored = 0
    for meeting in meetings:
        items = {i.id: i for i in session.scalars(select(m.AgendaItem).where(m.AgendaItem.meeting_id == meeting.id))}
        considered = {i.id: item_reports(i.title, i.report_refs, i.text) for i in items.values()}
        reached = {p.id for p in plans if carried[p.id] & set().union(*considered.values())} if considered else set()
        candidates = [p for p in plans if (p.id in reached or p in current_plans(plans, meeting.date))
                      and plan_actions[p.id]]
        cards = [c for c in scorecards if c.date is None or meeting.date is None or c.date <= meeting.date
                 or card_reports[c.id] & set().union(set(), *considered.values())]
        if not candidates and not cards:
            continue
        points = list(session.scalars(select(m.MinutePoint).where(m.MinutePoint.agenda_item_id.in_(items))
                                      .order_by(m.MinutePoint.id)))
        for plan in candidates:
            key = (plan.id, meeting.document_id)
            if key not in linkers:
                texts = pages[plan.document_id] + pages[meeting.document_id] + [p.text for p in points] + \
                    [a.text for a in plan_actions[plan.id]] + [a.rec_text for a in plan_actions[plan.id]]
                title = plan.title or docs_by_id[plan.document_id].title
                analyzer = Analyzer(learn_abbreviations(texts), ignore=set(re.findall(r"[A-Za-z]+", council or "")))
                linkers[key] = Linker(plan_actions[plan.id], analyzer,
                                      reports_in(pages[plan.document_id]) | carried[plan.id], title)
                scopes[key] = ScopeLinker(analyzer, *_scope_targets(session, plan, plan_actions[plan.id]))
        for point in points:
            item = items[point.agenda_item_id]
            doc = PointDoc(point.id, point.text or point.raw or "", item.title, item.text,
                           sorted(set(item.report_refs or []) | considered[item.id]))
            scored = []
            scope_rows = []
            via_of: dict[int, str] = {}
            for plan in candidates:
                linker = linkers[(plan.id, meeting.document_id)]
                via = min(considered[item.id] & carried[plan.id], default=None)
                for s in linker.rank(doc):
                    if via:
                        via_of[s.action.id] = via
                    scored.append(s)
                # a whole priority, indicator or the plan itself is linked only from an item about this
                # plan: one that considered its report or names it (shared vocabulary is not enough,
                # "the plan" of an item on another report is that report's plan)
                _, reason = linker.item_on_topic(doc)
                about_plan = bool(via) or reason.startswith(ON_TOPIC_BY_NAME)
                for found in scopes[(plan.id, meeting.document_id)].rank(doc, about_plan, via, reason):
                    scope_rows.append((plan, found))
            scored.sort(key=lambda s: (-s.raw, s.action.id))
            for rank, s in enumerate(keep_links(scored), start=1):
                path = f"via report {via_of[s.action.id]}; " if s.action.id in via_of else ""
                session.add(m.Link(minute_point_id=point.id, action_id=s.action.id, rank=rank, score=s.score,
                                   evidence=path + s.evidence))
                stored += 1
            for card in cards:
                via = min(considered[item.id] & card_reports[card.id], default=None)
                if (card.id, meeting.document_id) not in card_linkers:
                    texts = pages[card.id] + pages[meeting.document_id] + [p.text for p in points]
                    analyzer = Analyzer(learn_abbreviations(texts), ignore=set(re.findall(r"[A-Za-z]+", council or "")))
                    card_linkers[(card.id, meeting.document_id)] = ScopeLinker(analyzer, [], _indicators(session, card.id))
                about = bool(via) or _names_document(item.title, card.title)
                for found in card_linkers[(card.id, meeting.document_id)].rank(doc, about, via, "item title names it"):
                    if found.level == "indicator":
                        scope_rows.append((None, found))
            scope_rows.sort(key=lambda row: -row[1].score)
            for rank, (plan, found) in enumerate(scope_rows, start=1):
                session.add(ScopeLink(
                    minute_point_id=point.id, level=found.level, plan_id=plan.id if plan else None, rank=rank,
                    score=found.score,
                    recommendation_id=found.target_id if found.level == "recommendation" else None,
                    indicator_id=found.target_id if found.level == "indicator" else None,
                    evidence=found.evidence, via=found.via))
    session.flush()
    return stored
