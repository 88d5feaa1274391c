"""Export every analyst view to files, one per view.

Spreadsheet users and data tools outside Python want files, not a database
connection; exporting the views (not the tables) hands them the same joined,
current-version-only rows that Datasette and the notebooks show.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from sqlalchemy import Engine, text

from .views import DATE_COLUMNS, VIEW_NAMES

FORMATS = ("csv", "parquet")


def read_view(engine: Engine, name: str) -> pd.DataFrame:
    """A view as a DataFrame with real date columns, whichever dialect stored it."""
    if name not in VIEW_NAMES:
        raise ValueError(f"unknown view {name!r}; expected one of {', '.join(VIEW_NAMES)}")
    with engine.connect() as conn:
        frame = pd.read_sql(text(f"SELECT * FROM {name}"), conn)
    for column in DATE_COLUMNS & set(frame.columns):
        frame[column] = pd.to_datetime(frame[column], errors="coerce").dt.date
    return frame


def export_views(engine: Engine, out_dir: Path, fmt: str = "csv") -> dict[str, dict]:
    """Write ``<view>.<fmt>`` for every view; returns ``{view: {"path", "rows"}}``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for name in VIEW_NAMES:
        frame = read_view(engine, name)
        path = out_dir / f"{name}.{fmt}"
        if fmt == "csv":
            frame.to_csv(path, index=False)
        else:
            frame.to_parquet(path, index=False, engine="pyarrow")
        written[name] = {"path": str(path), "rows": len(frame)}
    return written
