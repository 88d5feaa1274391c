"""Every stored row of a database, comparable between runs.

Run records and rebuild markers are about the run, not the content, and
``ingested_at`` is a clock; everything else must be identical.
"""
from __future__ import annotations

from sqlalchemy import create_engine, select

from plantrace.store.models import Base

NOT_CONTENT = {"run", "file_attempt", "pending_rebuild"}
CLOCKS = {"ingested_at", "seen_at"}


def content_rows(url: str) -> dict[str, list[tuple]]:
    engine = create_engine(url)
    try:
        out = {}
        with engine.connect() as conn:
            for table in Base.metadata.sorted_tables:
                if table.name in NOT_CONTENT:
                    continue
                cols = [c for c in table.columns if c.name not in CLOCKS]
                rows = conn.execute(select(*cols).order_by(*table.primary_key.columns)).all()
                out[table.name] = [tuple(repr(v) for v in row) for row in rows]
        return out
    finally:
        engine.dispose()


def counts(rows: dict[str, list]) -> dict[str, int]:
    return {name: len(r) for name, r in rows.items()}
