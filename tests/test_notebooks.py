"""The analysis notebooks run top to bottom on a freshly ingested database, so they cannot rot."""
from __future__ import annotations

import re

import nbformat
import pytest
from nbclient import NotebookClient

from .analyst_fixtures import corpus_database
from .conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"


def _run(name: str, db_url: str, monkeypatch) -> tuple[str, int]:
    """Execute a notebook the way Jupyter would from notebooks/; returns (printed text, images drawn)."""
    monkeypatch.setenv("PLANTRACE_DB", db_url)  # the kernel inherits this process's environment
    monkeypatch.delenv("PLANTRACE_MEETING_ID", raising=False)
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    images = sum(1 for o in outputs if "image/png" in o.get("data", {}))
    return printed, images


@pytest.fixture(scope="module")
def corpus_sqlite(tmp_path_factory):
    return corpus_database("sqlite", tmp_path_factory)


@pytest.mark.parametrize("name", ["plan_progress.ipynb", "audit_trail.ipynb", "kent_meetings.ipynb"])
def test_notebooks_are_stored_without_outputs(name):
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")


def test_plan_progress_notebook(corpus_sqlite, monkeypatch):
    printed, images = _run("plan_progress.ipynb", corpus_sqlite, monkeypatch)
    assert "on 2017-05-04" in printed
    overdue = re.search(r"(\d+) of (\d+) actions overdue on 2017-05-04", printed)
    assert overdue and int(overdue.group(1)) >= 4 and int(overdue.group(2)) == 82
    rated = re.search(r"(\d+) of (\d+) recommendations rated: (\d+) red, (\d+) amber, (\d+) green", printed)
    assert rated, printed
    n_rated, n_recs, red, amber, green = map(int, rated.groups())
    assert 0 < n_rated <= n_recs and red + amber + green == n_rated and amber > 0 and green > 0
    assert images == 4  # status, month due, overdue by recommendation, RAG ratings


def test_audit_trail_notebook(corpus_sqlite, monkeypatch):
    printed, images = _run("audit_trail.ipynb", corpus_sqlite, monkeypatch)
    points = re.search(r"(\d+) minute points, (\d+) links", printed)
    assert points and int(points.group(1)) > 0
    silent = re.search(r"(\d+) of (\d+) actions were not discussed", printed)
    assert silent and int(silent.group(2)) == 82 and int(silent.group(1)) < 82
    assert images == 1


def test_chart_colours_mean_what_they_say():
    from plantrace.palette import AMBER, GREEN, RAG_COLOURS, RED, STATUS_COLOURS, colours_for

    assert (STATUS_COLOURS["completed"], STATUS_COLOURS["in_progress"], STATUS_COLOURS["overdue"]) == (GREEN, AMBER, RED)
    assert STATUS_COLOURS["not_started"] not in (GREEN, AMBER, RED)
    assert STATUS_COLOURS["ongoing"] == AMBER and colours_for(["R", "A", "G"], RAG_COLOURS) == [RED, AMBER, GREEN]
    source = (NOTEBOOKS / "plan_progress.ipynb").read_text()
    assert source.count("colours_for(") >= 3  # every stacked chart is coloured by meaning, not by default order


def test_kent_notebook_runs_where_its_records_are_missing(corpus_sqlite, monkeypatch):
    """On a database without a performance report, each section says what is missing."""
    printed, images = _run("kent_meetings.ipynb", corpus_sqlite, monkeypatch)
    assert "no indicators in this database" in printed
    assert re.search(r"on 2017-05-04: \d+ items, 31 points, \d+ linked to a plan action", printed), printed
    assert images == 1  # actions by lead


KENT_MINUTES = ROOT / "corpora" / "real" / "kent" / "cabinet" / "2025-01-30" / "originals" / \
    "Printed minutes 30th-Jan-2025 10.00 Cabinet.pdf"


@pytest.mark.slow
def test_kent_notebook_on_the_real_cabinet_minutes(tmp_path, monkeypatch):
    """The printed minutes of Kent's Cabinet of 30 January 2025 hold items 84 to 92 (read in the PDF)."""
    from plantrace.ingest.batch import run_batch
    from plantrace.store.db import open_db

    url = f"sqlite:///{tmp_path / 'kent.db'}"
    engine, Session_ = open_db(url)
    (result,), _ = run_batch(Session_, [KENT_MINUTES])
    engine.dispose()
    assert result.status == "ingested", result.line()
    printed, images = _run("kent_meetings.ipynb", url, monkeypatch)
    assert "no indicators in this database" in printed and "no plan actions in this database" in printed
    assert re.search(r"Cabinet on 2025-01-30: 9 items, \d+ points", printed), printed
