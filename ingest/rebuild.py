"""People and links rebuilt once per council, with the council marked pending until it commits.

Storing a document marks its council in ``pending_rebuild`` in the same
transaction; the council's rebuild removes the mark in its own transaction.
So whatever stops a run (Ctrl-C, kill -9, a lost machine), a council whose
documents changed is either rebuilt or still marked, and the next ``ingest``
or ``plantrace rebuild`` completes it.

Two runs may rebuild one council at once: the rebuild takes a lock per council
(PostgreSQL: a transaction advisory lock; SQLite: the database's write lock,
taken when the transaction begins), and removes only the mark it saw, so a
document stored by another run meanwhile keeps its council pending.
"""
from __future__ import annotations

import hashlib
import time
import uuid
from datetime import datetime, timezone

from sqlalchemy import delete, select
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from plantrace.store.run_models import NO_COUNCIL_KEY, PendingRebuild

# A transaction that lost a race (a unique key taken by another run's rebuild,
# a deadlock, SQLite busy past its wait) is run again from the start this many times.
RETRIES = 4
RETRY_PAUSE_SECONDS = 0.5


def council_key(council: str | None) -> str:
    return NO_COUNCIL_KEY if council is None else council


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def mark_pending(session: Session, council: str | None) -> None:
    """Inside a document's transaction: this council's people and links are out of date."""
    values = {"council_key": council_key(council), "council": council, "token": uuid.uuid4().hex,
              "marked_at": _now()}
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = insert(PendingRebuild).values(**values)
    session.execute(stmt.on_conflict_do_update(index_elements=["council_key"],
                                               set_={"token": stmt.excluded.token,
                                                     "marked_at": stmt.excluded.marked_at}))


def pending_councils(session: Session) -> list[dict]:
    rows = session.scalars(select(PendingRebuild).order_by(PendingRebuild.marked_at))
    return [{"council": r.council, "marked_at": r.marked_at} for r in rows]


def _lock(session: Session, council: str | None) -> None:
    if session.get_bind().dialect.name == "postgresql":
        digest = hashlib.sha256(("plantrace-rebuild:" + council_key(council)).encode()).digest()
        key = int.from_bytes(digest[:8], "big", signed=True)
        session.execute(select(_advisory_lock(key)))


def _advisory_lock(key: int):
    from sqlalchemy import func

    return func.pg_advisory_xact_lock(key)


def rebuild_council(Session_: sessionmaker[Session], council: str | None) -> tuple[int, int]:
    """(persons, links) of the council after rebuilding them; retried when it loses a race."""
    from plantrace.link.run import relink
    from plantrace.store.people import rebuild_people

    for attempt in range(RETRIES):
        try:
            with Session_.begin() as session:
                _lock(session, council)
                token = session.scalar(select(PendingRebuild.token)
                                       .where(PendingRebuild.council_key == council_key(council)))
                persons = rebuild_people(session, council)
                links = relink(session, council)
                if token is not None:
                    session.execute(delete(PendingRebuild).where(
                        PendingRebuild.council_key == council_key(council), PendingRebuild.token == token))
            return persons, links
        except (IntegrityError, OperationalError, DBAPIError):
            if attempt == RETRIES - 1:
                raise
            time.sleep(RETRY_PAUSE_SECONDS * (attempt + 1))
    raise AssertionError("unreachable")


def rebuild_pending(Session_: sessionmaker[Session], also: set | None = None, everything: bool = False) -> dict:
    """Rebuild every council marked pending (and ``also``; or, with ``everything``, every council).

    Returns {"persons", "links", "councils"}: the totals over the councils rebuilt.
    """
    from plantrace.store import models as m

    with Session_() as session:
        councils = {r["council"] for r in pending_councils(session)}
        if everything:
            councils |= set(session.scalars(select(m.Document.council).distinct()))
    councils |= set(also or ())
    summary = {"persons": 0, "links": 0, "councils": 0}
    for council in sorted(councils, key=lambda c: (c is None, c or "")):
        persons, links = rebuild_council(Session_, council)
        summary["persons"] += persons
        summary["links"] += links
        summary["councils"] += 1
    return summary
