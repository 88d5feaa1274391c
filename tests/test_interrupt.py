"""A batch stopped at any point is completed by the next run.

Storing a document marks its council pending in the same transaction; the
council's rebuild of people and links removes the mark when it commits. The
client killed (kill -9) or interrupted (Ctrl-C) part-way, then run again, ends
with exactly the rows of an uninterrupted run: 16 links and 57 persons on the
bundled corpus.
"""
from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.ndjson import ingest_report
from sqlalchemy import select

from plantrace.ingest.rebuild import mark_pending, pending_councils, rebuild_pending
from plantrace.store.db import open_db
from plantrace.store.run_models import PendingRebuild

from .conftest import PDF_DIR
from .db_rows import content_rows, counts
from .hostile import deadline, plantrace


def test_a_rebuild_removes_only_the_mark_it_saw(tmp_path):
    _, Session_ = open_db(f"sqlite:///{tmp_path / 'p.db'}")
    with Session_.begin() as s:
        mark_pending(s, "A Council")
        mark_pending(s, None)
    with Session_() as s:
        assert {p["council"] for p in pending_councils(s)} == {"A Council", None}
        seen = s.scalar(select(PendingRebuild.token).where(PendingRebuild.council == "A Council"))
    with Session_.begin() as s:
        mark_pending(s, "A Council")  # another run stores a document of the council meanwhile
    with Session_.begin() as s:
        s.execute(PendingRebuild.__table__.delete().where(PendingRebuild.token == seen))
    with Session_() as s:
        assert "A Council" in {p["council"] for p in pending_councils(s)}
    summary = rebuild_pending(Session_)
    assert summary["councils"] == 2
    with Session_() as s:
        assert pending_councils(s) == []


def _stored(db) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM document").fetchone()[0]
    except sqlite3.Error:
        return 0


def _interrupted_run(db, how: int) -> None:
    """Start `plantrace ingest` on the corpus and stop it with ``how`` once two documents are stored."""
    proc = subprocess.Popen([sys.executable, "-m", "plantrace", "ingest", str(PDF_DIR), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        while _stored(db) < 2:
            assert proc.poll() is None, "the run ended before it could be interrupted"
            time.sleep(0.2)
        proc.send_signal(how)
        proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode != 0


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory):
    db = tmp_path_factory.mktemp("whole") / "whole.db"
    with deadline(600):
        out = plantrace("ingest", PDF_DIR, "--db", db, "--json", timeout=580)
    assert out.returncode == 0, out.stderr
    return content_rows(f"sqlite:///{db}")


@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT], ids=["kill-9", "ctrl-c"])
def test_a_stopped_batch_run_again_gives_the_rows_of_an_uninterrupted_one(tmp_path, how, uninterrupted):
    db = tmp_path / "stopped.db"
    with deadline(900):
        _interrupted_run(db, how)
        stopped = json.loads(plantrace("status", "--db", db, "--json", timeout=120).stdout)
        assert stopped["pending_rebuilds"], "a stopped run leaves its councils pending"
        again = plantrace("ingest", PDF_DIR, "--db", db, "--json", timeout=580)
    assert again.returncode == 0, again.stderr
    assert ingest_report(again.stdout)["derived"] == {"persons": 57, "links": 16}
    rows = content_rows(f"sqlite:///{db}")
    assert counts(rows)["link"] == 16 and counts(rows)["person"] == 57
    assert rows == uninterrupted
    after = json.loads(plantrace("status", "--db", db, "--json", timeout=120).stdout)
    assert after["pending_rebuilds"] == []
    runs = json.loads(plantrace("status", "--db", db, "--runs", "--json", timeout=120).stdout)["runs"]
    assert [r["outcome"] for r in runs] == ["ok", "interrupted" if how == signal.SIGINT else "unfinished"]


@pytest.mark.slow
def test_plantrace_rebuild_completes_a_stopped_batch(tmp_path):
    db = tmp_path / "stopped.db"
    with deadline(600):
        _interrupted_run(db, signal.SIGKILL)
        out = plantrace("rebuild", "--db", db, "--json", timeout=300)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["councils"] >= 1
    assert json.loads(plantrace("status", "--db", db, "--json", timeout=120).stdout)["pending_rebuilds"] == []


@pytest.mark.slow
def test_every_run_and_file_attempt_is_recorded_and_dry_run_stores_nothing(tmp_path):
    from typer.testing import CliRunner

    from plantrace.cli import app

    from .conftest import pdf_path

    cli = CliRunner()

    def run(*args, **kw):
        return cli.invoke(app, [str(a) for a in args], **kw)

    db = tmp_path / "r.db"
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"<!doctype html><p>not found</p>")
    listing = tmp_path / "list.txt"
    listing.write_text(f"{pdf_path('004')}\n\n{bad}\n", encoding="utf-8")
    with deadline(300):
        dry = run("ingest", "--from-list", listing, "--db", db, "--dry-run", "--json")
        assert not db.exists(), "a dry run creates no database"
        assert [f["would"] for f in json.loads(dry.stdout)["files"]] == ["new", "fail"]
        out = run("ingest", "-", "--db", db, "--json", input=listing.read_text())
        assert out.exit_code == 1
        again = run("ingest", "--from-list", listing, "--db", db, "--dry-run", "--json")
        runs = json.loads(run("status", "--db", db, "--runs", "--failed", "--json").stdout)
    assert [f["would"] for f in json.loads(again.stdout)["files"]] == ["unchanged", "fail"]
    (record,) = runs["runs"]
    assert (record["files"], record["stored"], record["failed"], record["outcome"]) == (2, 1, 1, "some failed")
    assert record["ended_at"] and record["host"] and record["version"]
    (failed,) = runs["failed"]
    assert failed["path"] == str(bad) and "not a PDF" in failed["reason"]
    with sqlite3.connect(db) as conn:
        attempts = conn.execute("SELECT outcome, sha256 IS NOT NULL, pages, seconds >= 0 FROM file_attempt "
                                "ORDER BY id").fetchall()
    assert attempts == [("ingested", 1, 3, 1), ("failed", 0, None, 1)]
