"""A batch run: files in, one transaction per document, a report out.

Each file succeeds or fails on its own, so one damaged PDF in a committee pack
never costs the rest of the batch. Documents are read by an executor
(``ingest.cluster``: this process or Dask), each in a supervised worker with
per-document limits; this process stores them one transaction per document,
in file order. Anything derived across documents (people, links) is rebuilt
afterwards, once per council, for every council marked pending in the
database, so a run that was stopped part-way is completed by the next.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from plantrace.extract.document import build_contract, load_model
from plantrace.extract.errors import ExtractError
from plantrace.normalise.apply import normalise_record
from plantrace.store import models as m
from plantrace.store.versions import current_document, find_by_hash, next_version
from plantrace.store.packs import drop_parts, known_source, note_source, store_file
from plantrace.store.writer import store_document

from .cluster import SerialExecutor, open_executor
from .filetype import detect_filetype, sha256_of
from .limits import Limits
from .rebuild import mark_pending, rebuild_pending
from .runs import finish_run, record_attempt, set_executor, start_run


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
    sha256: str = ""
    seconds: float = 0.0  # reading and storing it
    pages: int = 0
    ocr: str = ""  # the pages read by OCR and its mean confidence, for the report

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


def extract_file(path: Path, filetype: str | None = None, sha: str | None = None,
                 ocr: str = "auto") -> tuple[dict, object]:
    """File -> (normalised contract record, page model). Raises ExtractError.

    A batch run has already typed and hashed the file; it passes both in so the
    file is read once for them. ``ocr`` (auto, off, force): which pages are read
    by OCR, which is part of reading the file, so it runs in the worker process.
    """
    filetype = filetype or detect_filetype(path)
    sha = sha or sha256_of(path)
    model = load_model(path, filetype, sha, ocr)
    record = _normalise_with_parts(build_contract(model))
    return record, model


def _normalise_with_parts(raw: dict) -> dict:
    """A pack's parts are documents of their own: each is normalised by itself."""
    record = normalise_record(raw)
    if record.get("parts"):
        record["parts"] = [normalise_record(part) for part in record["parts"]]
    return record


@dataclass
class _Job:
    """A file that must be read: what was decided about it before extraction."""
    path: Path
    filetype: str
    sha: str
    replace: Optional[tuple] = None  # (document id, version, council) of rows to replace
    note: str = ""
    ocr: str = "auto"


def _decide(Session_: sessionmaker[Session], path: Path, reextract: bool, ocr: str = "auto") -> FileResult | _Job:
    """Skip, restore or read: the cheap part, which needs only the file's hash."""
    shown, key = str(path), _key(path)
    try:
        filetype = detect_filetype(path)
        sha = sha256_of(path)
    except ExtractError as exc:
        return FileResult(shown, "failed", exc.reason)
    except OSError as exc:
        return FileResult(shown, "failed", f"cannot be read ({exc.strerror or type(exc).__name__})")
    note = ""
    with Session_.begin() as session:
        current = current_document(session, key)
        known = find_by_hash(session, sha)
        if known is not None and known.path == key and known is not current:
            # put back to an older version's content: that version is current again
            note = f"content of version {known.version} again"
            known.version = next_version(session, key)
            mark_pending(session, known.council)
            current = known
        if current is not None and current.sha256 == sha:
            if not reextract:
                status = "ingested" if note else "unchanged"
                counts = record_counts(current.contract) if note and current.contract else {}
                return FileResult(shown, status, note, current.kind, current.version, current.id,
                                  current.council, counts, sha256=sha)
            return _Job(path, filetype, sha, (current.id, current.version, current.council), note, ocr)
        if known is not None:
            return _same_as(shown, _met_again(session, known, key, sha))
        if (seen := known_source(session, sha, key)) is not None:
            return _same_as(shown, seen)
    return _Job(path, filetype, sha, ocr=ocr)


def _met_again(session: Session, known: m.Document, key: str, sha: str) -> m.Document:
    """The same bytes under another name: one document, both names recorded as its sources."""
    note_source(session, known, key, sha)
    return known


def _same_as(shown: str, known: m.Document) -> FileResult:
    return FileResult(shown, "unchanged", f"same content as {known.path}", known.kind, known.version,
                      known.id, known.council, sha256=known.sha256)


def _extract(job: _Job) -> tuple[Optional[dict], object, Optional[str]]:
    """(record, model, None) or (None, None, why it failed), read in this process without
    supervision; batches read through ``ingest.cluster`` instead."""
    try:
        record, model = extract_file(job.path, job.filetype, job.sha, job.ocr)
        return record, model, None
    except ExtractError as exc:
        return None, None, exc.reason
    except Exception as exc:  # an extractor bug must not stop the batch
        return None, None, f"extraction error ({type(exc).__name__}: {_first_line(exc)})"


# A document's transaction that lost a race with another run (the same content
# or a new role stored at the same moment, a version number taken, SQLite busy)
# is decided and written again from the start this many times.
STORE_RETRIES = 4


def _store(Session_: sessionmaker[Session], job: _Job, extracted) -> FileResult:
    """One document, one transaction; idempotent, so a retried or doubled task stores it once."""
    record, model, failure = extracted
    shown = str(job.path)
    if failure is not None:
        return FileResult(shown, "failed", failure, sha256=job.sha)
    for attempt in range(STORE_RETRIES):
        try:
            return _store_once(Session_, job, record, model)
        except (IntegrityError, OperationalError) as exc:
            if attempt == STORE_RETRIES - 1:
                return FileResult(shown, "failed", f"not stored, database error ({type(exc).__name__}: "
                                                   f"{_first_line(exc)})", sha256=job.sha)
            time.sleep(0.2 * (attempt + 1))
        except Exception as exc:
            return FileResult(shown, "failed", f"not stored, database error ({type(exc).__name__}: "
                                               f"{_first_line(exc)})", sha256=job.sha)
    raise AssertionError("unreachable")


def _store_once(Session_: sessionmaker[Session], job: _Job, record: dict, model) -> FileResult:
    shown, key, replace = str(job.path), _key(job.path), job.replace
    with Session_.begin() as session:
        twin = find_by_hash(session, job.sha)
        if replace:
            if twin is None or twin.id != replace[0]:  # another run replaced or removed it meanwhile
                return _same_as(shown, twin) if twin is not None else FileResult(
                    shown, "failed", "changed in the database while it was read; ingest it again", sha256=job.sha)
            drop_parts(session, replace[0])
            session.execute(delete(m.Document).where(m.Document.id == replace[0]))
            version = replace[1]
        else:
            if twin is not None:  # stored already: earlier in this batch, or by another run
                return _same_as(shown, twin)
            version = next_version(session, key)
        doc, twin = store_file(session, record, key, record["source"]["sha256"], version, model,
                               store=store_document)
        if twin is not None:  # a pack's part met before as a file of its own (or the other way round)
            return _same_as(shown, twin)
        mark_pending(session, record.get("council"))
        for part in record.get("parts") or []:
            mark_pending(session, part.get("council"))
        if replace and replace[2] != record.get("council"):
            mark_pending(session, replace[2])
        return FileResult(shown, "re-extracted" if replace else "ingested", job.note, record["kind"], version,
                          doc.id, record.get("council"), record_counts(record),
                          replace[2] if replace else None, list(record["source"].get("warnings") or []),
                          sha256=job.sha, ocr=ocr_text(record["source"]))


def ocr_text(source: dict) -> str:
    """"OCR pages 1-3 of 5, mean confidence 93.1", or "" when no page was OCR'd."""
    from plantrace.extract.pdf import _pages

    if not source.get("ocr_pages"):
        return ""
    return (f"OCR {_pages(source['ocr_pages'])} of {source['pages']}, "
            f"mean confidence {source.get('ocr_confidence') or 0:.1f}")


def ingest_file(Session_: sessionmaker[Session], path: Path, reextract: bool = False,
                ocr: str = "auto") -> FileResult:
    """Store one file as one transaction (read in this process; ``run_batch`` supervises).

    A file whose content is already the current version of its path is skipped,
    unless ``reextract``: then it is read again by this plantrace and the rows of
    that version are replaced in the same transaction, so a database keeps up
    with a newer extractor without new versions of unchanged files.
    """
    decided = _decide(Session_, path, reextract, ocr)
    return decided if isinstance(decided, FileResult) else _store(Session_, decided, _extract(decided))


def _first_line(exc: Exception, limit: int = 160) -> str:
    """Reports are one line per file; driver errors carry whole SQL statements."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    line = text[0] if text else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _key(path: Path) -> str:
    return str(path.resolve())


def refresh_derived(Session_: sessionmaker[Session], councils: set) -> dict:
    """Rebuild people and links for ``councils`` and every council marked pending."""
    summary = rebuild_pending(Session_, also=councils)
    return {"persons": summary["persons"], "links": summary["links"]} if summary["councils"] else {}


STORED = ("ingested", "re-extracted")


def run_batch(Session_: sessionmaker[Session], files: list[Path],
              on_file: Callable[[FileResult], None] | None = None,
              reextract: bool = False, jobs: int = 1, *, limits: Limits | None = None,
              workers: int | None = None, scheduler: str | None = None, executor=None,
              record_run: bool = True, ocr: str = "auto") -> tuple[list[FileResult], dict]:
    """Ingest ``files``: read by the executor the options name (``ingest.cluster``), stored
    here one transaction per document in file order, then each pending council rebuilt.

    ``jobs``/``workers`` > 1 start a local Dask cluster of that many processes (capped by
    CPUs and memory); ``scheduler`` uses a running one; otherwise documents are read one
    at a time. Every document is read in a supervised worker under ``limits``;
    ``ocr`` (auto, off, force) says which pages are read by OCR there.
    """
    limits = limits or Limits.from_env()
    own = executor is None
    run_id = None
    results: list[FileResult] = []
    try:
        if record_run:
            run_id = start_run(Session_, len(files), "starting")
        decided, spent = [], []
        for path in files:
            began = time.monotonic()
            decided.append(_decide(Session_, path, reextract, ocr))
            spent.append(time.monotonic() - began)
        pending = [d for d in decided if isinstance(d, _Job)]
        if own:
            executor = open_executor(limits, jobs, workers, scheduler) if pending else SerialExecutor(limits)
        if run_id is not None:
            set_executor(Session_, run_id, executor.name)
        answers = executor.map((str(j.path), j.filetype, j.sha, j.ocr) for j in pending)
        for d, deciding in zip(decided, spent):
            began = time.monotonic() - deciding
            if isinstance(d, FileResult):
                result = d
            else:
                got = next(answers)
                result = _store(Session_, d, (got.record, got.model, got.failure))
                result.pages = got.pages
            result.seconds = time.monotonic() - began
            results.append(result)
            if run_id is not None:
                record_attempt(Session_, run_id, result)
            if on_file:
                on_file(result)
        touched = {r.council for r in results if r.status in STORED}
        touched |= {r.replaced_council for r in results if r.status == "re-extracted"}
        derived = refresh_derived(Session_, touched)
        if touched:
            _regroup_meetings(Session_)  # meetings gather documents across files (`status` shows them)
    except BaseException:
        if run_id is not None:
            try:
                finish_run(Session_, run_id, results, "interrupted")
            except Exception:
                pass
        raise
    finally:
        if own and executor is not None:
            executor.close()
    if run_id is not None:
        finish_run(Session_, run_id, results)
    return results, derived


def _regroup_meetings(Session_: sessionmaker[Session]) -> dict:
    """Meetings gather documents across files, so they are regrouped after a run that stored any."""
    from plantrace.store.meetings import rebuild_meetings

    with Session_.begin() as session:
        return {"meetings": rebuild_meetings(session)}

