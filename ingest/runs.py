"""Run records: every batch and every file attempt, so "what failed last night" is a query."""
from __future__ import annotations

import os
import socket
import sys
from datetime import datetime, timezone

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from plantrace.store.run_models import FileAttempt, Run


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def start_run(Session_: sessionmaker[Session], files: int, executor: str, command: str | None = None) -> int:
    from plantrace import __version__

    with Session_.begin() as session:
        run = Run(started_at=_now(), host=socket.gethostname()[:255], pid=os.getpid(), version=__version__,
                  command=command if command is not None else " ".join(sys.argv), executor=executor[:255],
                  files=files, stored=0, failed=0)
        session.add(run)
        session.flush()
        return run.id


def record_attempt(Session_: sessionmaker[Session], run_id: int, result) -> None:
    with Session_.begin() as session:
        session.add(FileAttempt(run_id=run_id, path=result.path, sha256=result.sha256 or None,
                                outcome=result.status, reason=result.reason or None,
                                seconds=round(result.seconds, 4),
                                pages=(result.counts or {}).get("pages") or result.pages or None,
                                document_id=result.document_id, at=_now()))


def finish_run(Session_: sessionmaker[Session], run_id: int, results: list, outcome: str | None = None) -> None:
    stored = sum(1 for r in results if r.status in ("ingested", "re-extracted"))
    failed = sum(1 for r in results if r.status == "failed")
    if outcome is None:
        outcome = "ok" if not failed else ("all failed" if failed == len(results) else "some failed")
    with Session_.begin() as session:
        session.execute(update(Run).where(Run.id == run_id).values(ended_at=_now(), outcome=outcome,
                                                                   stored=stored, failed=failed))


def recent_runs(session: Session, limit: int = 20) -> list[dict]:
    rows = session.scalars(select(Run).order_by(Run.id.desc()).limit(limit))
    return [{"id": r.id, "started_at": r.started_at, "ended_at": r.ended_at, "host": r.host, "pid": r.pid,
             "version": r.version, "executor": r.executor, "outcome": r.outcome or "unfinished",
             "files": r.files, "stored": r.stored, "failed": r.failed, "command": r.command} for r in rows]


def failed_attempts(session: Session, run_id: int | None = None) -> list[dict]:
    """The failed files of one run (default: the newest run that attempted any file)."""
    if run_id is None:
        run_id = session.scalar(select(FileAttempt.run_id).order_by(FileAttempt.run_id.desc()).limit(1))
        if run_id is None:
            return []
    rows = session.scalars(select(FileAttempt).where(FileAttempt.run_id == run_id,
                                                     FileAttempt.outcome == "failed").order_by(FileAttempt.id))
    return [{"run": r.run_id, "path": r.path, "sha256": r.sha256, "reason": r.reason, "seconds": r.seconds,
             "at": r.at} for r in rows]


def set_executor(Session_: sessionmaker[Session], run_id: int, executor: str) -> None:
    with Session_.begin() as session:
        session.execute(update(Run).where(Run.id == run_id).values(executor=executor[:255]))
