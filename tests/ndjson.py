"""Reading `plantrace ingest --json`, which streams one JSON object per file, then a summary."""
from __future__ import annotations

import json


def ingest_report(stdout: str) -> dict:
    """``{"files": [...], "summary": {...}, "derived": {...}}`` from the NDJSON lines."""
    lines = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    assert lines and "summary" in lines[-1], stdout[-300:]
    return {"files": lines[:-1], **lines[-1]}
