"""A batch run: files in, one transaction per document, a report out.

Each file succeeds or fails on its own, so one damaged PDF in a committee pack
never costs the rest of the batch; anything derived across documents (people,
links) is refreshed afterwards, once per council the run touched.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from sqlalchemy import delete
from sqlalchemy.orm import Session, sessionmaker

from extract.document import build_contract, load_model
from extract.errors import ExtractError
from normalise.apply import normalise_record
from store import models as m
from store.versions import current_document, find_by_hash, next_version
from store.writer import store_document

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


def ingest_file(Session_: sessionmaker[Session], path: Path, reextract: bool = False) -> FileResult:
    """Store one file as one transaction.

    A file whose content is already the current version of its path is skipped,
    unless ``reextract``: then it is read again by this plantrace and the rows of
    that version are replaced in the same transaction, so a database keeps up
    with a newer extractor without new versions of unchanged files.
    """
    shown, key = str(path), _key(path)
    replace, note = None, ""
    try:
        filetype = detect_filetype(path)
        sha = sha256_of(path)
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
                replace = (current.id, current.version, current.council)
            elif known is not None:
                return FileResult(shown, "unchanged", f"same content as {known.path}", known.kind, known.version,
                                  known.id, known.council)
        record, model = extract_file(path, filetype, sha)
    except ExtractError as exc:
        return FileResult(shown, "failed", exc.reason)
    except Exception as exc:  # an extractor bug must not stop the batch
        return FileResult(shown, "failed", f"extraction error ({type(exc).__name__}: {_first_line(exc)})")
    try:
        with Session_.begin() as session:
            if replace:
                session.execute(delete(m.Document).where(m.Document.id == replace[0]))
                version = replace[1]
            else:
                version = next_version(session, key)
            doc = store_document(session, record, key, record["source"]["sha256"], version, model)
            result = FileResult(shown, "re-extracted" if replace else "ingested", note, record["kind"], version,
                                doc.id, record.get("council"), record_counts(record),
                                replace[2] if replace else None, list(record["source"].get("warnings") or []))
    except Exception as exc:
        return FileResult(shown, "failed", f"not stored, database error ({type(exc).__name__}: {_first_line(exc)})")
    return result


def _first_line(exc: Exception, limit: int = 160) -> str:
    """Reports are one line per file; driver errors carry whole SQL statements."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    line = text[0] if text else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _key(path: Path) -> str:
    return str(path.resolve())


def refresh_derived(Session_: sessionmaker[Session], councils: set) -> dict:
    """Rebuild people and links for the councils whose documents changed."""
    from store.people import rebuild_people

    summary = {"persons": 0, "links": 0}
    for council in sorted(councils, key=lambda c: c or ""):
        with Session_.begin() as session:
            summary["persons"] += rebuild_people(session, council)
            summary["links"] += _relink(session, council)
    return summary


def _relink(session: Session, council) -> int:
    try:
        from link.run import relink
    except ImportError:
        return 0
    return relink(session, council)


STORED = ("ingested", "re-extracted")


def run_batch(Session_: sessionmaker[Session], files: list[Path],
              on_file: Callable[[FileResult], None] | None = None,
              reextract: bool = False) -> tuple[list[FileResult], dict]:
    results = []
    for path in files:
        result = ingest_file(Session_, path, reextract)
        results.append(result)
        if on_file:
            on_file(result)
    touched = {r.council for r in results if r.status in STORED}
    touched |= {r.replaced_council for r in results if r.status == "re-extracted"}
    derived = refresh_derived(Session_, touched) if touched else {}
    return results, derived
