"""What a batch would do, decided from hashes alone and without writing anything."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from plantrace.extract.errors import ExtractError
from plantrace.store.versions import current_document, find_by_hash

from .filetype import detect_filetype, sha256_of


def plan_files(Session_: sessionmaker[Session] | None, files: list[Path]) -> list[dict]:
    """One row per file: ``would`` is new, changed, unchanged, restored or failed."""
    rows = []
    seen: dict[str, str] = {}
    session = Session_() if Session_ is not None else None
    try:
        for path in files:
            shown, key = str(path), str(path.resolve())
            try:
                detect_filetype(path)
                sha = sha256_of(path)
            except ExtractError as exc:
                rows.append({"path": shown, "would": "fail", "reason": exc.reason})
                continue
            except OSError as exc:
                rows.append({"path": shown, "would": "fail", "reason": f"cannot be read ({exc.strerror})"})
                continue
            current = current_document(session, key) if session else None
            known = find_by_hash(session, sha) if session else None
            if current is not None and current.sha256 == sha:
                row = {"would": "unchanged", "reason": f"version {current.version}"}
            elif known is not None and known.path == key:
                row = {"would": "restore", "reason": f"content of version {known.version} again"}
            elif known is not None:
                row = {"would": "unchanged", "reason": f"same content as {known.path}"}
            elif sha in seen:
                row = {"would": "unchanged", "reason": f"same content as {seen[sha]}"}
            elif current is not None:
                row = {"would": "change", "reason": f"new version {current.version + 1}"}
            else:
                row = {"would": "new", "reason": ""}
            seen.setdefault(sha, shown)
            rows.append({"path": shown, "sha256": sha, **row})
    finally:
        if session is not None:
            session.close()
    return rows
