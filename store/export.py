"""Export every analyst view to files, one per view, with real column types.

Spreadsheet users and data tools outside Python want files, not a database
connection; exporting the views (not the tables) hands them the same joined,
current-version-only rows that Datasette and the notebooks show.

Types are part of the export, not left to each reader's guess: an action code
``7.10`` read as a number becomes ``7.1`` and collides with another action.
Parquet carries the types itself (strings, dates, timestamps, booleans,
integers, and RAG ratings as a dictionary-encoded category). CSV cannot, so a
Frictionless Data Package (``datapackage.json``) describes every column beside
the files, and ``duckdb.sql`` opens them in DuckDB with the same types.

Files are written to a temporary name in the output folder and renamed into
place, so a symlink planted under a view's name is replaced, never written
through, and a failed export leaves no half file.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine, text

from .views import DATE_COLUMNS, VIEW_NAMES

FORMATS = ("csv", "parquet")
RAG_VALUES = ("R", "A", "G", "B")  # the order a rating sorts in: worst first, B (BRAG: delivered) last
DATAPACKAGE = "datapackage.json"
DUCKDB_SCRIPT = "duckdb.sql"


class ExportError(Exception):
    """The output folder cannot take the export; the message is one line."""


# --- column types ---------------------------------------------------------------------------------
# The views are plain SQL shared by both dialects, and SQLite returns text and
# integers whatever a column means, so a column's type follows from its name
# by these rules (one place, the same on both engines).
INTEGER_NAMES = {"id", "pages", "version", "page", "seq", "rank", "days_overdue", "point_page", "items"}
FLOAT_NAMES = {"score"}


def column_type(name: str) -> str:
    """One of: string, integer, number, boolean, date, datetime, rag."""
    if name in DATE_COLUMNS:
        return "date"
    if name.endswith("_at"):
        return "datetime"
    if name.startswith("is_") or name in {"tbc", "phrase"}:
        return "boolean"
    if name == "rag" or name.endswith("_rag"):
        return "rag"
    if name in FLOAT_NAMES:
        return "number"
    if name in INTEGER_NAMES or name.endswith("_id") or name.startswith("n_") or name.endswith("_seq") \
            or name.endswith("_page"):
        return "integer"
    return "string"


def _boolean(value):
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return pd.NA
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "t", "yes"}
    return bool(value)


def typed(frame: pd.DataFrame) -> pd.DataFrame:
    """The view's frame with each column in its export type (nullable pandas dtypes)."""
    out = {}
    for name in frame.columns:
        kind, col = column_type(name), frame[name]
        if kind == "date":
            out[name] = pd.to_datetime(col, errors="coerce").dt.date.astype("object").where(col.notna(), None)
        elif kind == "datetime":
            out[name] = pd.to_datetime(col, errors="coerce")
        elif kind == "boolean":
            out[name] = col.map(_boolean, na_action="ignore").astype("boolean")
        elif kind == "rag":
            extra = sorted({v for v in col.dropna().astype(str)} - set(RAG_VALUES))
            out[name] = pd.Categorical(col.where(col.notna(), None), categories=[*RAG_VALUES, *extra],
                                       ordered=True)
        elif kind == "integer":
            out[name] = pd.to_numeric(col, errors="coerce").astype("Int64")
        elif kind == "number":
            out[name] = pd.to_numeric(col, errors="coerce").astype("Float64")
        else:
            out[name] = col.map(lambda v: v if isinstance(v, str) else str(v), na_action="ignore").astype("string")
    return pd.DataFrame(out, columns=frame.columns)


def read_view(engine: Engine, name: str) -> pd.DataFrame:
    """A view as a DataFrame with its export types, whichever dialect stored it."""
    if name not in VIEW_NAMES:
        raise ValueError(f"unknown view {name!r}; expected one of {', '.join(VIEW_NAMES)}")
    with engine.connect() as conn:
        frame = pd.read_sql(text(f"SELECT * FROM {name}"), conn)
    return typed(frame)


# --- schemas beside the CSV files -------------------------------------------------------------------
_FRICTIONLESS = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean",
                 "date": "date", "datetime": "datetime", "rag": "string"}
_DUCKDB = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN", "date": "DATE",
           "datetime": "TIMESTAMP", "rag": "VARCHAR"}


def _field(name: str) -> dict:
    kind = column_type(name)
    field = {"name": name, "type": _FRICTIONLESS[kind]}
    if kind == "rag":
        field["constraints"] = {"enum": list(RAG_VALUES)}
        field["description"] = "RAG rating: R red, A amber, G green, B blue (complete)"
    if kind == "boolean":
        field["trueValues"], field["falseValues"] = ["true"], ["false"]
    return field


def datapackage(frames: dict[str, pd.DataFrame]) -> dict:
    """A Frictionless Data Package describing each CSV file's columns."""
    return {
        "profile": "tabular-data-package",
        "name": "plantrace-views",
        "resources": [{
            "name": name, "path": f"{name}.csv", "profile": "tabular-data-resource", "format": "csv",
            "encoding": "utf-8", "dialect": {"delimiter": ",", "header": True},
            "schema": {"fields": [_field(c) for c in frame.columns], "missingValues": [""]},
        } for name, frame in frames.items()],
    }


def duckdb_script(frames: dict[str, pd.DataFrame]) -> str:
    """SQL that opens each CSV in DuckDB with its columns typed: ``duckdb -init duckdb.sql``."""
    lines = ["-- Open the exported views with their types (run from this folder)."]
    for name, frame in frames.items():
        cols = ", ".join(f"'{c}': '{_DUCKDB[column_type(c)]}'" for c in frame.columns)
        lines.append(f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM read_csv('{name}.csv', header = true, "
                     f"columns = {{{cols}}});")
    return "\n".join(lines) + "\n"


def read_csv_export(folder: str | Path, name: str) -> pd.DataFrame:
    """A CSV view read back with the types its ``datapackage.json`` gives."""
    folder = Path(folder)
    package = json.loads((folder / DATAPACKAGE).read_text(encoding="utf-8"))
    (resource,) = [r for r in package["resources"] if r["name"] == name]
    fields = resource["schema"]["fields"]
    frame = pd.read_csv(folder / resource["path"], dtype={f["name"]: "string" for f in fields},
                        keep_default_na=False, na_values=[""])
    return typed(frame)


# --- writing ----------------------------------------------------------------------------------------
def check_folder(out_dir: Path, error: type[Exception] = None, create: bool = True) -> None:
    """Make ``out_dir`` (unless ``create`` is false) or raise ``error`` saying in one line why
    it cannot be written to; exports and trace snapshots share this check."""
    error = error or ExportError
    if out_dir.exists() and not out_dir.is_dir():
        raise error(f"{out_dir}: is a file, not a folder")
    if out_dir.is_dir() and not os.access(out_dir, os.W_OK | os.X_OK):
        raise error(f"{out_dir}: folder is not writable")
    if not create:
        return
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise error(f"{out_dir}: cannot create the folder ({(exc.strerror or type(exc).__name__).lower()})") \
            from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise error(f"{out_dir}: folder is not writable")


_check_folder = check_folder


def _write_replacing(path: Path, write) -> None:
    """Write through ``write(temp_path)`` then rename over ``path`` (never following a link there)."""
    if path.is_dir() and not path.is_symlink():
        raise ExportError(f"{path}: a folder is in the way")
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    try:
        write(temp)
        os.replace(temp, path)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write ({(exc.strerror or type(exc).__name__).lower()})") from None
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


def export_views(engine: Engine, out_dir: Path, fmt: str = "csv") -> dict[str, dict]:
    """Write ``<view>.<fmt>`` for every view; returns ``{view: {"path", "rows"}}``.

    CSV exports also write ``datapackage.json`` and ``duckdb.sql`` beside the files.
    Raises :class:`ExportError` when the folder cannot take them.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    out_dir = Path(out_dir)
    _check_folder(out_dir)
    written, frames = {}, {}
    for name in VIEW_NAMES:
        frame = read_view(engine, name)
        frames[name] = frame
        path = out_dir / f"{name}.{fmt}"
        if fmt == "csv":
            _write_replacing(path, lambda p, f=frame: _to_csv(f, p))
        else:
            _write_replacing(path, lambda p, f=frame: _to_parquet(f, p))
        written[name] = {"path": str(path), "rows": len(frame)}
    if fmt == "csv":
        _write_replacing(out_dir / DATAPACKAGE, lambda p: Path(p).write_text(
            json.dumps(datapackage(frames), indent=2) + "\n", encoding="utf-8"))
        _write_replacing(out_dir / DUCKDB_SCRIPT, lambda p: Path(p).write_text(duckdb_script(frames), encoding="utf-8"))
    return written


def _to_csv(frame: pd.DataFrame, path) -> None:
    out = frame.copy()
    for name in out.columns:
        if column_type(name) == "boolean":
            out[name] = out[name].map({True: "true", False: "false"}, na_action="ignore")
        elif column_type(name) == "datetime":
            out[name] = out[name].map(lambda v: v.isoformat(), na_action="ignore")
    out.to_csv(path, index=False)


def _to_parquet(frame: pd.DataFrame, path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(),
             "date": pa.date32(), "datetime": pa.timestamp("us"), "rag": pa.dictionary(pa.int32(), pa.string())}
    schema = pa.schema([pa.field(c, arrow[column_type(c)]) for c in frame.columns])
    columns = []
    for c in frame.columns:
        col = frame[c]
        if column_type(c) == "rag":  # the dictionary is R, A, G (then any other value), used or not
            categories = list(col.cat.categories)
            codes = pa.array([None if v < 0 else int(v) for v in col.cat.codes], type=pa.int32())
            columns.append(pa.DictionaryArray.from_arrays(codes, pa.array(categories, type=pa.string())))
        elif column_type(c) == "datetime":
            columns.append(pa.array([None if pd.isna(v) else v.to_pydatetime() for v in col], type=arrow["datetime"]))
        else:
            values = col.astype(object).where(col.notna(), None).tolist()
            columns.append(pa.array(values, type=arrow[column_type(c)]))
    pq.write_table(pa.Table.from_arrays(columns, schema=schema), path)
