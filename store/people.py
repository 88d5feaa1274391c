"""Rebuild a council's persons from every current document of that council.

Resolution is global to a council ("Dr J Smith" in minutes is "Jane Smith"
in a plan), so it is recomputed over all the council's documents whenever one
of them changes, inside the same transaction as that change.
"""
from __future__ import annotations

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from plantrace.normalise.person_resolver import resolve_people

from . import models as m
from .lookup import id_of
from .versions import latest_documents


def _mentions(session: Session, council: str | None):
    docs = latest_documents(session, council=council)
    doc_ids = [d.id for d in docs]
    owners = session.scalars(select(m.ActionOwner).where(m.ActionOwner.document_id.in_(doc_ids),
                                                         m.ActionOwner.group_id.is_(None)))
    pages = dict(session.execute(select(m.ActionUpdate.id, m.ActionUpdate.page)
                                 .where(m.ActionUpdate.document_id.in_(doc_ids))).all())
    out = []
    for row in owners:
        out.append(({"council": council, "name": row.name, "role": row.role, "doc": str(row.document_id),
                     "page": pages.get(row.action_update_id)}, row))
    rec_pages = dict(session.execute(select(m.Recommendation.id, m.Recommendation.page)
                                     .where(m.Recommendation.document_id.in_(doc_ids))).all())
    for row in session.scalars(select(m.RecommendationOwner).where(m.RecommendationOwner.document_id.in_(doc_ids),
                                                                   m.RecommendationOwner.group_id.is_(None))):
        out.append(({"council": council, "name": row.name, "role": row.role, "doc": str(row.document_id),
                     "page": rec_pages.get(row.recommendation_id)}, row))
    for row in session.scalars(select(m.Attendance).where(m.Attendance.document_id.in_(doc_ids))):
        out.append(({"council": council, "name": row.name, "role": row.role, "doc": str(row.document_id),
                     "page": row.page}, row))
    return out


def rebuild_people(session: Session, council: str | None) -> int:
    """Replace the council's person rows; returns how many persons it has now."""
    old = select(m.Person.id).where(m.Person.council == council) if council is not None \
        else select(m.Person.id).where(m.Person.council.is_(None))
    old_ids = list(session.scalars(old))
    if old_ids:
        session.execute(update(m.ActionOwner).where(m.ActionOwner.person_id.in_(old_ids)).values(person_id=None))
        session.execute(update(m.Attendance).where(m.Attendance.person_id.in_(old_ids)).values(person_id=None))
        session.execute(update(m.RecommendationOwner).where(m.RecommendationOwner.person_id.in_(old_ids))
                        .values(person_id=None))
        session.execute(delete(m.PersonRole).where(m.PersonRole.person_id.in_(old_ids)))
        session.execute(delete(m.PersonMention).where(m.PersonMention.person_id.in_(old_ids)))
        session.execute(delete(m.Person).where(m.Person.id.in_(old_ids)))
    pairs = _mentions(session, council)
    if not pairs:
        return 0
    persons = _resolve(pairs, council)
    rows_by_mention = {}
    for mention, row in pairs:
        rows_by_mention.setdefault((mention["doc"], mention["name"], mention["page"], mention["role"]), []).append(row)
    used_keys: set[str] = set()
    for person in persons:
        key, n = person["id"], 1
        while key in used_keys:
            n += 1
            key = f"{person['id']}-{n}"
        used_keys.add(key)
        prow = m.Person(key=key, council=council, canonical=person["canonical"], given=person.get("given"),
                        family=person.get("family"), honorifics=person.get("honorifics"))
        session.add(prow)
        session.flush()
        for role in sorted(set(person.get("roles") or [])):
            session.add(m.PersonRole(person_id=prow.id, role_id=id_of(session, m.Role, name=role)))
        for mention in person["mentions"]:
            key = (mention.get("doc"), mention.get("name"), mention.get("page"), mention.get("role"))
            session.add(m.PersonMention(person_id=prow.id, document_id=int(mention["doc"]), page=mention.get("page"),
                                        text=mention.get("name"), role=mention.get("role")))
            for row in rows_by_mention.get(key, []):
                row.person_id = prow.id
    session.flush()
    return len(persons)


def _resolve(pairs, council) -> list[dict]:
    """Within a council across documents; with no known council, one document at a time,
    since two unattributed documents may well come from two councils."""
    if council is not None:
        return resolve_people([dict(p) for p, _ in pairs])
    by_doc: dict[str, list[dict]] = {}
    for mention, _ in pairs:
        by_doc.setdefault(mention["doc"], []).append(dict(mention))
    return [person for group in by_doc.values() for person in resolve_people(group)]
