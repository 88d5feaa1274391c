"""Which stored documents are current.

A changed file is stored as a new version and the old one is kept for the
record; everything derived across documents (people, links, views) reads only
the newest version of each path.
"""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .models import Document


def latest_ids_query():
    newest = (
        select(Document.path, func.max(Document.version).label("version"))
        .group_by(Document.path)
        .subquery()
    )
    return select(Document.id).join(newest, (Document.path == newest.c.path) & (Document.version == newest.c.version))


ANY = object()  # "every council", as opposed to None: "documents whose council is unknown"


def latest_documents(session: Session, council=ANY, kinds: tuple[str, ...] | None = None):
    query = select(Document).where(Document.id.in_(latest_ids_query()))
    if council is None:
        query = query.where(Document.council.is_(None))
    elif council is not ANY:
        query = query.where(Document.council == council)
    if kinds:
        query = query.where(Document.kind.in_(kinds))
    return list(session.scalars(query.order_by(Document.id)))


def next_version(session: Session, path: str) -> int:
    current = session.scalar(select(func.max(Document.version)).where(Document.path == path))
    return (current or 0) + 1


def current_document(session: Session, path: str) -> Document | None:
    """The newest stored version of a path."""
    return session.scalar(select(Document).where(Document.path == path).order_by(Document.version.desc()).limit(1))


def find_by_hash(session: Session, sha256: str) -> Document | None:
    """The stored document with this content (content is unique across the store)."""
    return session.scalar(select(Document).where(Document.sha256 == sha256))
