"""Typed exports: every column of every view comes back with its type in pandas and DuckDB.

Parquet carries the types; CSV gets a Frictionless datapackage.json and a
duckdb.sql beside it, so an action code such as 7.10 stays a string and never
collides with 7.1.
"""
from __future__ import annotations

import json
from datetime import date, datetime

import pandas as pd
import pytest
from sqlalchemy import update

from plantrace.store import models as m
from plantrace.store.db import open_db
from plantrace.store.export import column_type, export_views, read_csv_export
from plantrace.store.views import VIEW_NAMES

from .analyst_fixtures import corpus_database, seed

duckdb = pytest.importorskip("duckdb", reason="duckdb is a test extra: pip install -e '.[test]'")

PANDAS = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean", "rag": "category"}
DUCK = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN", "date": "DATE",
        "datetime": "TIMESTAMP", "rag": "VARCHAR"}


@pytest.fixture()
def seeded(tmp_path):
    url = f"sqlite:///{tmp_path / 'typed.db'}"
    engine, Session_ = open_db(url)
    ids = seed(Session_)
    with Session_.begin() as s:  # codes that a float would merge, and a rated progress row
        s.execute(update(m.Action).where(m.Action.code == "1.2", m.Action.document_id == ids["plan_v2"])
                  .values(code="7.10"))
        s.execute(update(m.Action).where(m.Action.code == "1.3", m.Action.document_id == ids["plan_v2"])
                  .values(code="7.1"))
        s.execute(update(m.ActionUpdate).values(rag="A"))
    yield engine
    engine.dispose()


def _check_pandas(frame: pd.DataFrame, view: str) -> None:
    for name in frame.columns:
        kind = column_type(name)
        col = frame[name]
        if kind == "date":
            assert all(isinstance(v, date) and not isinstance(v, datetime) for v in col.dropna()), (view, name)
        elif kind == "datetime":
            assert pd.api.types.is_datetime64_any_dtype(col), (view, name, col.dtype)
        else:
            assert str(col.dtype) == PANDAS[kind], (view, name, col.dtype)


def test_parquet_columns_have_real_types(seeded, tmp_path):
    written = export_views(seeded, tmp_path, "parquet")
    con = duckdb.connect()
    for view in VIEW_NAMES:
        frame = pd.read_parquet(written[view]["path"], dtype_backend="numpy_nullable")
        _check_pandas(frame, view)
        described = con.execute(f"DESCRIBE SELECT * FROM read_parquet('{written[view]['path']}')").fetchall()
        for name, duck_type, *_ in described:
            assert duck_type == DUCK[column_type(name)], (view, name, duck_type)
    actions = pd.read_parquet(written["v_actions"]["path"], dtype_backend="numpy_nullable")
    assert {"7.10", "7.1"} <= set(actions["code"].dropna())
    assert list(actions["rag"].cat.categories[:3]) == ["R", "A", "G"]
    assert actions["tbc"].dtype == "boolean" and actions["tbc"].any()
    docs = pd.read_parquet(written["v_documents"]["path"])
    assert docs["ingested_at"].iloc[0] == pd.Timestamp(2026, 1, 1)


def test_csv_comes_with_a_datapackage_and_reads_back_typed(seeded, tmp_path):
    written = export_views(seeded, tmp_path, "csv")
    package = json.loads((tmp_path / "datapackage.json").read_text())
    assert [r["name"] for r in package["resources"]] == list(VIEW_NAMES)
    actions = next(r for r in package["resources"] if r["name"] == "v_actions")
    fields = {f["name"]: f for f in actions["schema"]["fields"]}
    assert fields["code"]["type"] == "string" and fields["earliest_target"]["type"] == "date"
    assert fields["latest_update_rag"]["constraints"]["enum"] == ["R", "A", "G", "B"]

    con = duckdb.connect()
    script = (tmp_path / "duckdb.sql").read_text().replace("read_csv('", f"read_csv('{tmp_path}/")
    con.execute(script)
    for view in VIEW_NAMES:
        frame = read_csv_export(tmp_path, view)
        _check_pandas(frame, view)
        assert len(frame) == written[view]["rows"]
        for name, duck_type, *_ in con.execute(f"DESCRIBE {view}").fetchall():
            assert duck_type == DUCK[column_type(name)], (view, name, duck_type)
    codes = {row[0] for row in con.execute("SELECT code FROM v_actions").fetchall()}
    assert {"7.10", "7.1"} <= codes
    assert con.execute("SELECT count(*) FROM v_actions WHERE tbc").fetchone()[0] == 1
    dates = con.execute("SELECT earliest_target FROM v_actions WHERE code = '7.10'").fetchone()[0]
    assert dates == date(2017, 3, 1)


@pytest.mark.slow
def test_corpus_exports_keep_codes_and_ratings(tmp_path_factory, tmp_path):
    """The bundled plan and progress report: 82 action codes as printed, and the report's ratings."""
    engine, _ = open_db(corpus_database("sqlite", tmp_path_factory))
    try:
        written = export_views(engine, tmp_path / "csv", "csv")
        export_views(engine, tmp_path / "pq", "parquet")
    finally:
        engine.dispose()
    actions = read_csv_export(tmp_path / "csv", "v_actions")
    assert len(actions) == written["v_actions"]["rows"] == 82
    assert actions["code"].str.fullmatch(r"\d+\.\d+").all()
    recs = pd.read_parquet(tmp_path / "pq" / "v_recommendations.parquet")
    rated = recs[recs["plan_kind"] == "progress_report"]["rag"]
    assert str(rated.dtype) == "category" and set(rated.dropna()) <= {"R", "A", "G"} and rated.notna().sum() >= 10
