"""A batch run: files in, one transaction per document, a report out.

Each file succeeds or fails on its own, so one damaged PDF in a committee pack
never costs the rest of the batch; anything derived across documents (people,
links) is refreshed afterwards, once per council the run touched.
"""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from sqlalchemy import delete
from sqlalchemy.orm import Session, sessionmaker

from plantrace.extract.document import build_contract, load_model
from plantrace.extract.errors import ExtractError
from plantrace.normalise.apply import normalise_record
from plantrace.store import models as m
from plantrace.store.versions import current_document, find_by_hash, next_version
from plantrace.store.writer import store_document

from .filetype import detect_filetype, sha256_of


@dataclass
class FileResult:
    path: str
    status: str  # ingested | re-extracted | unchanged | failed
    reason: str = ""
    kind: str = ""
    version: int = 0
    document_id: Optional[int] = None
    council: Optional[str] = None
    counts: dict = field(default_factory=dict)
    replaced_council: Optional[str] = None  # a re-extraction's council before it, whose people and links change too
    warnings: list = field(default_factory=list)  # stored, but something in the file could not be read

    def line(self) -> str:
        if self.status == "failed":
            return f"{self.path}: {self.reason}"
        return f"{self.path}: {self.status} {self.kind} {self.summary()}".rstrip()

    def summary(self) -> str:
        return ", ".join(f"{v} {k}" for k, v in self.counts.items())


def record_counts(record: dict) -> dict:
    counts: dict[str, int] = {"pages": record["source"]["pages"]}
    plan = record.get("plan") or {}
    recs = plan.get("recommendations") or []
    if recs:
        actions = [a for r in recs for a in r.get("actions", [])]
        counts.update(recommendations=len(recs), actions=len(actions),
                      updates=sum(len(a.get("updates", [])) for a in actions))
    meeting = record.get("meeting") or {}
    items = meeting.get("items") or []
    if items:
        counts.update(items=len(items), points=sum(len(i.get("points", [])) for i in items),
                      resolutions=sum(len(i.get("resolutions", [])) for i in items))
    for key in ("indicators", "risks"):
        if record.get(key):
            counts[key] = len(record[key])
    if record.get("tables"):
        counts["tables"] = len(record["tables"])
    return counts


def extract_file(path: Path, filetype: str | None = None, sha: str | None = None) -> tuple[dict, object]:
    """File -> (normalised contract record, page model). Raises ExtractError.

    A batch run has already typed and hashed the file; it passes both in so the
    file is read once for them.
    """
    filetype = filetype or detect_filetype(path)
    sha = sha or sha256_of(path)
    model = load_model(path, filetype, sha)
    record = build_contract(model)
    normalise_record(record)
    return record, model


@dataclass
class _Job:
    """A file that must be read: what was decided about it before extraction."""
    path: Path
    filetype: str
    sha: str
    replace: Optional[tuple] = None  # (document id, version, council) of rows to replace
    note: str = ""


def _decide(Session_: sessionmaker[Session], path: Path, reextract: bool) -> FileResult | _Job:
    """Skip, restore or read: the cheap part, which needs only the file's hash."""
    shown, key = str(path), _key(path)
    try:
        filetype = detect_filetype(path)
        sha = sha256_of(path)
    except ExtractError as exc:
        return FileResult(shown, "failed", exc.reason)
    note = ""
    with Session_.begin() as session:
        current = current_document(session, key)
        known = find_by_hash(session, sha)
        if known is not None and known.path == key and known is not current:
            # put back to an older version's content: that version is current again
            note = f"content of version {known.version} again"
            known.version = next_version(session, key)
            current = known
        if current is not None and current.sha256 == sha:
            if not reextract:
                status = "ingested" if note else "unchanged"
                counts = record_counts(current.contract) if note and current.contract else {}
                return FileResult(shown, status, note, current.kind, current.version, current.id,
                                  current.council, counts)
            return _Job(path, filetype, sha, (current.id, current.version, current.council), note)
        if known is not None:
            return _same_as(shown, known)
    return _Job(path, filetype, sha)


def _same_as(shown: str, known: m.Document) -> FileResult:
    return FileResult(shown, "unchanged", f"same content as {known.path}", known.kind, known.version,
                      known.id, known.council)


def _extract(job: _Job) -> tuple[Optional[dict], object, Optional[str]]:
    """(record, model, None) or (None, None, why it failed); runs in a worker process
    when a batch reads several files at once."""
    try:
        record, model = extract_file(job.path, job.filetype, job.sha)
        return record, model, None
    except ExtractError as exc:
        return None, None, exc.reason
    except Exception as exc:  # an extractor bug must not stop the batch
        return None, None, f"extraction error ({type(exc).__name__}: {_first_line(exc)})"


def _store(Session_: sessionmaker[Session], job: _Job, extracted) -> FileResult:
    """One document, one transaction."""
    record, model, failure = extracted
    shown, key, replace = str(job.path), _key(job.path), job.replace
    if failure is not None:
        return FileResult(shown, "failed", failure)
    try:
        with Session_.begin() as session:
            if replace:
                session.execute(delete(m.Document).where(m.Document.id == replace[0]))
                version = replace[1]
            else:
                twin = find_by_hash(session, job.sha)
                if twin is not None:  # an identical file earlier in this batch was stored first
                    return _same_as(shown, twin)
                version = next_version(session, key)
            doc = store_document(session, record, key, record["source"]["sha256"], version, model)
            return FileResult(shown, "re-extracted" if replace else "ingested", job.note, record["kind"], version,
                              doc.id, record.get("council"), record_counts(record),
                              replace[2] if replace else None, list(record["source"].get("warnings") or []))
    except Exception as exc:
        return FileResult(shown, "failed", f"not stored, database error ({type(exc).__name__}: {_first_line(exc)})")


def ingest_file(Session_: sessionmaker[Session], path: Path, reextract: bool = False) -> FileResult:
    """Store one file as one transaction.

    A file whose content is already the current version of its path is skipped,
    unless ``reextract``: then it is read again by this plantrace and the rows of
    that version are replaced in the same transaction, so a database keeps up
    with a newer extractor without new versions of unchanged files.
    """
    decided = _decide(Session_, path, reextract)
    return decided if isinstance(decided, FileResult) else _store(Session_, decided, _extract(decided))


def _first_line(exc: Exception, limit: int = 160) -> str:
    """Reports are one line per file; driver errors carry whole SQL statements."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    line = text[0] if text else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _key(path: Path) -> str:
    return str(path.resolve())


def refresh_derived(Session_: sessionmaker[Session], councils: set) -> dict:
    """Rebuild people and links for the councils whose documents changed."""
    from plantrace.store.people import rebuild_people

    summary = {"persons": 0, "links": 0}
    for council in sorted(councils, key=lambda c: c or ""):
        with Session_.begin() as session:
            summary["persons"] += rebuild_people(session, council)
            summary["links"] += _relink(session, council)
    return summary


def _relink(session: Session, council) -> int:
    from plantrace.link.run import relink

    return relink(session, council)


STORED = ("ingested", "re-extracted")


def run_batch(Session_: sessionmaker[Session], files: list[Path],
              on_file: Callable[[FileResult], None] | None = None,
              reextract: bool = False, jobs: int = 1) -> tuple[list[FileResult], dict]:
    """Ingest ``files`` in order; with ``jobs`` > 1, that many processes read PDFs at
    once while this one stores them, one transaction per document, in file order."""
    decided = [_decide(Session_, path, reextract) for path in files]
    pending = [d for d in decided if isinstance(d, _Job)]
    pool = ProcessPoolExecutor(min(jobs, len(pending))) if jobs > 1 and len(pending) > 1 else None
    try:
        extracted = iter(pool.map(_extract, pending) if pool else map(_extract, pending))
        results = []
        for d in decided:
            result = d if isinstance(d, FileResult) else _store(Session_, d, next(extracted))
            results.append(result)
            if on_file:
                on_file(result)
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
    touched = {r.council for r in results if r.status in STORED}
    touched |= {r.replaced_council for r in results if r.status == "re-extracted"}
    derived = refresh_derived(Session_, touched) if touched else {}
    return results, derived
