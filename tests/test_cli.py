"""The small commands: normalise-date and status print what the contract and README say."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from plantrace.ingest.batch import run_batch
from plantrace.cli import app
from plantrace.store.db import open_db

from .conftest import pdf_path

runner = CliRunner()


def test_normalise_date_json_contract():
    out = runner.invoke(app, ["normalise-date", "Q4 2017/18", "--doc-date", "2017-04-01", "--json"])
    assert out.exit_code == 0, out.output
    result = json.loads(out.stdout)
    assert result["text"] == "Q4 2017/18" and result["tbc"] is False
    assert [(d["start"], d["end"]) for d in result["dates"]] == [("2018-01-01", "2018-03-31")]
    assert result["dates"][0]["granularity"] in {"quarter", "financial_year"}


def test_normalise_date_tbc():
    out = runner.invoke(app, ["normalise-date", "TBC", "--json"])
    assert json.loads(out.stdout)["tbc"] is True


def test_status_counts_rows_per_table_and_document(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    _, Session_ = open_db(url)
    run_batch(Session_, [pdf_path("004")])
    out = runner.invoke(app, ["status", "--db", url, "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["tables"]["document"] == 1 and data["tables"]["page"] == 3
    (doc,) = data["documents"]
    assert doc["kind"] == "report" and doc["pages"] == 3 and doc["version"] == 1
