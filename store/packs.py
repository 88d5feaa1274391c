"""Store a pack's parts as documents, and each place a document's content was met.

A part is stored as a document of its own kind, with its pack and its page
range (``document_part``); its rows keep the pack's page numbers, so evidence
points at the pages a reader opens. Content met a second time (a report bound
in a pack and also published as its own file, or the same file under another
name) is recognised by its content key and stored once: the second place is
only a new ``document_source`` row of the first document.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Optional

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from plantrace.extract.content_key import content_key

from . import models as m
from .packs_models import DocumentPart, DocumentSource
from .writer import store_document


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def content_twin(session: Session, key: str) -> Optional[m.Document]:
    """The stored document whose content has this key."""
    doc_id = session.scalar(select(DocumentSource.document_id).where(DocumentSource.content_key == key).limit(1))
    return session.get(m.Document, doc_id) if doc_id else None


def known_source(session: Session, sha256: str, path: str) -> Optional[m.Document]:
    """The document a file with these bytes was already recorded as (met before at this
    path, its content stored under another document)."""
    doc_id = session.scalar(select(DocumentSource.document_id).where(
        DocumentSource.sha256 == sha256, DocumentSource.path == path, DocumentSource.pack_id.is_(None)).limit(1))
    return session.get(m.Document, doc_id) if doc_id else None


def note_source(session: Session, doc: m.Document, path: str, sha256: str, key: Optional[str] = None,
                pack_id: Optional[int] = None, pages: Optional[tuple[int, int]] = None) -> None:
    """Record that ``doc``'s content was met at ``path`` (pages ``pages`` of a pack); once."""
    first, last = pages or (None, None)
    if key is None:
        key = session.scalar(select(DocumentSource.content_key).where(DocumentSource.document_id == doc.id).limit(1))
        key = key or doc.sha256
    exists = session.scalar(select(DocumentSource.id).where(
        DocumentSource.document_id == doc.id, DocumentSource.path == path,
        DocumentSource.first_page.is_(first) if first is None else DocumentSource.first_page == first))
    if exists is None:
        session.add(DocumentSource(document_id=doc.id, content_key=key, path=path, sha256=sha256, pack_id=pack_id,
                                   first_page=first, last_page=last, seen_at=_now()))


def drop_parts(session: Session, pack_id: int) -> None:
    """Before a pack's rows are replaced: its parts go with it."""
    part_ids = list(session.scalars(select(DocumentPart.document_id).where(DocumentPart.pack_id == pack_id)))
    if part_ids:
        session.execute(delete(m.Document).where(m.Document.id.in_(part_ids)))


def store_file(session: Session, record: dict, path: str, sha256: str, version: int, model=None,
               store=store_document):
    """Store one file's record: a plain document, or a pack and its parts.

    Returns (document, twin): ``twin`` is the stored document whose content this
    file repeats (then nothing new is stored but the source), else None.
    ``store`` writes one document's rows (the writer's, unless a caller wraps it).
    """
    key = content_key(model.pages) if model is not None else sha256
    if not record.get("parts"):
        twin = content_twin(session, key)
        if twin is not None:
            note_source(session, twin, path, sha256, key)
            return twin, twin
        doc = store(session, record, path, sha256, version, model)
        note_source(session, doc, path, sha256, key)
        return doc, None
    pack_record = {**record, "parts": [{k: p.get(k) for k in ("kind", "title", "date", "pages")}
                                       for p in record["parts"]]}
    pack = store(session, pack_record, path, sha256, version, model)
    note_source(session, pack, path, sha256, key)
    for seq, part in enumerate(record["parts"]):
        first, last = part["pages"]
        pages = [p for p in model.pages if first <= p.number <= last] if model is not None else []
        part_key = content_key(pages) if pages else f"{sha256}:{first}-{last}"
        twin = content_twin(session, part_key)
        if twin is None:
            twin = store(session, part, f"{path}#pages={first}-{last}", part_key, version, None)
            session.add(DocumentPart(document_id=twin.id, pack_id=pack.id, seq=seq, first_page=first,
                                     last_page=last))
        note_source(session, twin, path, sha256, part_key, pack.id, (first, last))
    session.flush()
    return pack, None
