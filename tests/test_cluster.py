"""Distributed ingest: a local Dask cluster of two workers gives exactly the rows of a serial run.

PostgreSQL is the store a cluster writes to (the server at 127.0.0.1:5432; the
tests skip, saying why, when it does not answer). Each test runs under a
deadline that fails it rather than hang.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

import pytest

from tests.ndjson import ingest_report

from plantrace.ingest.batch import run_batch
from plantrace.ingest.cluster import DaskExecutor
from plantrace.ingest.limits import Limits
from plantrace.store.db import open_db

from .conftest import PDF_DIR, create_pg_database
from .db_rows import content_rows, counts
from .hostile import deadline

PDFS = sorted(PDF_DIR.glob("*.pdf"))


@pytest.fixture
def pg():
    made = []

    def new():
        url, drop = create_pg_database()
        made.append(drop)
        return url

    yield new
    for drop in made:
        drop()


def _serial_rows(url):
    _, Session_ = open_db(url)
    results, _ = run_batch(Session_, PDFS)
    assert all(r.status == "ingested" for r in results), [r.line() for r in results]
    Session_.kw["bind"].dispose()
    return content_rows(url)


@pytest.mark.slow
@pytest.mark.postgres
def test_two_dask_workers_store_exactly_the_rows_of_a_serial_run(pg):
    serial_url, dask_url = pg(), pg()
    with deadline(900):
        serial = _serial_rows(serial_url)
        _, Session_ = open_db(dask_url)
        results, derived = run_batch(Session_, PDFS, workers=2)
    assert all(r.status == "ingested" for r in results), [r.line() for r in results]
    assert derived == {"persons": 57, "links": 16}
    distributed = content_rows(dask_url)
    assert counts(distributed) == counts(serial)
    assert distributed == serial


@pytest.mark.slow
@pytest.mark.postgres
def test_a_dask_worker_killed_mid_run_still_gives_the_same_rows(pg):
    from distributed import Client, LocalCluster

    url = pg()
    limits = Limits()
    with deadline(900):
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                               memory_limit=0)
        client = Client(cluster)
        executor = DaskExecutor(client, limits, "test cluster", cluster)
        pids = list(client.run(os.getpid).values())
        killed = threading.Event()

        def kill_one(result):
            if not killed.is_set():  # the first document is stored: the others are in flight
                killed.set()
                os.kill(pids[0], signal.SIGKILL)

        _, Session_ = open_db(url)
        try:
            results, derived = run_batch(Session_, PDFS, on_file=kill_one, executor=executor, limits=limits)
        finally:
            executor.close()
    assert killed.is_set()
    assert all(r.status == "ingested" for r in results), [r.line() for r in results]
    assert derived == {"persons": 57, "links": 16}
    rows = content_rows(url)
    assert counts(rows)["document"] == len(PDFS) and counts(rows)["link"] == 16 and counts(rows)["person"] == 57


@pytest.mark.slow
@pytest.mark.postgres
def test_the_cli_reads_on_a_running_scheduler(pg, tmp_path):
    """`dask scheduler` and `dask worker` started as on a real cluster; ingest --scheduler uses them."""
    url = pg()
    scheduler_file = tmp_path / "scheduler.json"
    procs = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--port", "0",
                               "--dashboard-address", ":0", "--scheduler-file", str(scheduler_file)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        with deadline(600):
            while not scheduler_file.exists():
                import time

                time.sleep(0.2)
            import json

            address = json.loads(scheduler_file.read_text())["address"]
            procs.append(subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address,
                                           "--nthreads", "1", "--nworkers", "1", "--no-dashboard"],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            small = [p for p in PDFS if p.name.startswith(("002", "004"))]
            out = subprocess.run([sys.executable, "-m", "plantrace", "ingest", *map(str, small), "--db", url,
                                  "--scheduler", address, "--json"], capture_output=True, text=True, timeout=500)
        assert out.returncode == 0, out.stderr
        import json

        files = ingest_report(out.stdout)["files"]
        assert [f["status"] for f in files] == ["ingested", "ingested"]
        runs = subprocess.run([sys.executable, "-m", "plantrace", "status", "--db", url, "--runs", "--json"],
                              capture_output=True, text=True, timeout=120)
        (run,) = json.loads(runs.stdout)["runs"]
        assert run["executor"] == address and run["outcome"] == "ok" and run["stored"] == 2
    finally:
        for proc in reversed(procs):
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_two_ingests_at_once_store_every_file_exactly_once(engine, pg, tmp_path):
    """Two clients on overlapping files, in opposite orders, into one database."""
    import json

    from sqlalchemy import create_engine, text

    url = pg() if engine == "postgresql" else f"sqlite:///{tmp_path / 'both.db'}"
    open_db(url)[0].dispose()  # created first: racing first opens are another matter
    files = [str(p) for p in PDFS if p.name.startswith(("000", "001", "004"))]
    with deadline(900):
        procs = [subprocess.Popen([sys.executable, "-m", "plantrace", "ingest", *order, "--db", url, "--json"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for order in (files, files[::-1])]
        outs = [p.communicate(timeout=880) for p in procs]
    for proc, (out, errs) in zip(procs, outs):
        assert proc.returncode == 0, errs
        assert all(f["status"] in ("ingested", "unchanged") for f in ingest_report(out)["files"])
    stored = [f["path"] for out, _ in outs for f in ingest_report(out)["files"] if f["status"] == "ingested"]
    assert sorted(stored) == sorted(files), "every file stored by exactly one of the two runs"
    db = create_engine(url)
    with db.connect() as conn:
        docs = conn.execute(text("SELECT path, version FROM document")).all()
        persons = conn.execute(text("SELECT count(*) FROM person")).scalar()
        links = conn.execute(text("SELECT count(*) FROM link")).scalar()
        pending = conn.execute(text("SELECT count(*) FROM pending_rebuild")).scalar()
    db.dispose()
    assert len(docs) == 3 and {v for _, v in docs} == {1} and len({p for p, _ in docs}) == 3
    assert links == 16 and pending == 0
    assert persons == 36  # Rutland's persons from 000 and 001, as in a single run; 004 names none
