"""Full-text search and exports, on SQLite and PostgreSQL, through the library and the CLI."""
from __future__ import annotations

import json

import pandas as pd
import pyarrow.parquet as pq
import pytest
from sqlalchemy import delete, update
from typer.testing import CliRunner

from plantrace.cli import app
from plantrace.store import models as m
from plantrace.store.db import open_db
from plantrace.store.export import export_views
from plantrace.store.fulltext import search
from plantrace.store.views import VIEW_NAMES

from .analyst_fixtures import corpus_url, seed  # noqa: F401  (corpus_url is a fixture)


def _search(engine, query, **kw):
    with engine.connect() as conn:
        return search(conn, query, **kw)


def test_index_follows_inserts_updates_deletes_and_versions(db_url):
    engine, Session_ = open_db(db_url)
    ids = seed(Session_)
    hits = _search(engine, "foster carer recruitment")
    assert (hits[0].kind, hits[0].ref, hits[0].page, hits[0].phrase) == ("minute_point", "805(a)", 2, True)
    assert {(h.kind, h.ref) for h in hits} >= {("action", "1.1")}  # "foster carers" stems to the same words
    assert _search(engine, "widgets") == []  # only in plan.pdf version 1, which is superseded
    with Session_.begin() as s:
        s.execute(update(m.Action).where(m.Action.code == "1.3", m.Action.document_id == ids["plan_v2"])
                  .values(text="Review panel membership and quorum"))
    assert [h.ref for h in _search(engine, "quorum")] == ["1.3"]
    with Session_.begin() as s:
        s.execute(delete(m.Document).where(m.Document.id == ids["minutes_doc"]))
    assert all(h.kind != "minute_point" for h in _search(engine, "foster carer recruitment"))
    engine.dispose()


def test_query_words_are_taken_literally_and_fall_back_to_any_word(db_url):
    engine, Session_ = open_db(db_url)
    seed(Session_)
    assert _search(engine, 'sufficiency AND "statement" (NEAR -') [0].ref == "1.2"
    # No row has both words, so rows with either are returned rather than nothing.
    assert {h.ref for h in _search(engine, "sufficiency quorumless")} == {"1.2"}
    assert _search(engine, "  ") == []
    engine.dispose()


def test_corpus_search_finds_the_action_and_the_minute(corpus_url):
    engine, _ = open_db(corpus_url)
    hits = _search(engine, "foster carer recruitment", limit=5)
    # Action 11.3 on page 21 of the plan reads "Foster carer recruitment campaign to be developed ...".
    assert (hits[0].kind, hits[0].ref, hits[0].page) == ("action", "11.3", 21)
    assert "«" in hits[0].snippet and hits[0].document.endswith("action-plan-2017.pdf")
    hits = _search(engine, "Personal Education Plans", limit=5)
    found = {(h.kind, h.ref, h.page) for h in hits}
    assert ("minute_point", "808(h)", 4) in found  # the minute, and the plan's recommendation on PEPs
    assert any(kind == "recommendation" for kind, _, _ in found)
    assert len(_search(engine, "training", limit=3)) == 3
    engine.dispose()


def test_corpus_search_reaches_a_progress_report(corpus_url):
    """A progress report has no actions: its recommendations are what is searched."""
    engine, _ = open_db(corpus_url)
    hits = _search(engine, "return home interview", limit=5, kinds=("recommendation",))
    engine.dispose()
    reported = [h for h in hits if h.kind == "recommendation" and "progress-report" in h.document]
    assert reported and reported[0].phrase and reported[0].ref.isdigit() and "«" in reported[0].snippet


def test_corpus_export_csv_and_parquet(corpus_url, tmp_path):
    engine, _ = open_db(corpus_url)
    csv = export_views(engine, tmp_path / "csv", "csv")
    parquet = export_views(engine, tmp_path / "pq", "parquet")
    assert list(csv) == list(VIEW_NAMES) == list(parquet)
    assert pd.read_csv(csv["v_actions"]["path"]).shape[0] == csv["v_actions"]["rows"] == 82
    table = pq.read_table(parquet["v_overdue_actions"]["path"])
    assert str(table.schema.field("latest_target").type) == "date32[day]"
    assert "7.3" in table.column("code").to_pylist()
    with pytest.raises(ValueError):
        export_views(engine, tmp_path, "xlsx")
    engine.dispose()


def test_cli_search_and_export(corpus_url, tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["search", "foster carer recruitment", "--db", corpus_url, "--json", "--limit", "2"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)["hits"]
    assert len(hits) == 2 and (hits[0]["kind"], hits[0]["ref"]) == ("action", "11.3")
    result = runner.invoke(app, ["search", "foster carer recruitment", "--db", corpus_url])
    assert result.exit_code == 0 and "11.3" in result.stdout
    result = runner.invoke(app, ["search", "foster carers", "--db", corpus_url, "--json", "--kind", "minute_point"])
    assert {h["kind"] for h in json.loads(result.stdout)["hits"]} == {"minute_point"}
    result = runner.invoke(app, ["search", "foster", "--db", corpus_url, "--kind", "page"])
    assert result.exit_code == 2 and "unknown --kind page" in result.output
    result = runner.invoke(app, ["export", "--format", "parquet", "--out", str(tmp_path), "--db", corpus_url])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{v}.parquet" for v in VIEW_NAMES)
    result = runner.invoke(app, ["export", "--format", "xlsx", "--out", str(tmp_path), "--db", corpus_url])
    assert result.exit_code == 2
