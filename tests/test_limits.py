"""Every document is read in a supervised worker with limits it cannot exceed.

The hostile files are built by the tests: a reference loop that hangs a PDF
parser, and a decompression bomb. Each ends as one line naming the limit while
the rest of the batch is stored; a worker that dies is one failed file.
"""
from __future__ import annotations

import os

import pytest

from tests.ndjson import ingest_report

from plantrace.ingest.batch import run_batch
from plantrace.ingest.cluster import read_task
from plantrace.ingest.limits import Limits, LimitExceeded, cap_jobs, check_decompressed, count_objects
from plantrace.ingest.supervise import Supervisor, WorkerFailed
from plantrace.store.db import open_db

from .conftest import pdf_path
from .worker_fns import die, nap
from .hostile import decompression_bomb_pdf, deadline, object_flood_pdf, plantrace, reference_loop_pdf


def test_reference_loop_ends_at_the_time_limit(tmp_path):
    loop = reference_loop_pdf(tmp_path / "loop.pdf")
    with deadline(120):
        answer = read_task(str(loop), "pdf", "", Limits(seconds=3))
    assert answer.record is None
    assert answer.failure.startswith("over the time limit (3 s)") and "\n" not in answer.failure


@pytest.mark.slow
def test_reference_loop_fails_one_file_and_the_batch_goes_on(tmp_path):
    loop = reference_loop_pdf(tmp_path / "loop.pdf")
    _, Session_ = open_db(f"sqlite:///{tmp_path / 'l.db'}")
    with deadline(300):
        results, _ = run_batch(Session_, [loop, pdf_path("004")], limits=Limits(seconds=60))
    by_name = {r.path.rsplit("/", 1)[-1]: r for r in results}
    assert by_name["loop.pdf"].status == "failed"
    assert by_name["loop.pdf"].reason.startswith("over the time limit (60 s)")
    assert by_name[pdf_path("004").name].status == "ingested"


def test_decompression_bomb_is_refused_by_the_decompressed_size_limit(tmp_path):
    bomb = decompression_bomb_pdf(tmp_path / "bomb.pdf", megabytes=48)
    assert bomb.stat().st_size < 10_000
    with deadline(60):
        with pytest.raises(LimitExceeded, match=r"over the decompressed-size limit \(16 MB"):
            check_decompressed(bomb.read_bytes(), Limits(decompressed_mb=16))
        check_decompressed(bomb.read_bytes(), Limits(decompressed_mb=64))  # under the limit: no error
        answer = read_task(str(bomb), "pdf", "", Limits(decompressed_mb=16, seconds=120))
    assert answer.record is None and answer.failure.startswith("over the decompressed-size limit (16 MB")


def test_object_flood_is_refused_by_the_object_limit_before_parsing(tmp_path):
    flood = object_flood_pdf(tmp_path / "flood.pdf", objects=50_000)
    assert count_objects(flood.read_bytes()) == 50_003
    with deadline(60):
        answer = read_task(str(flood), "pdf", "", Limits(objects=20_000, seconds=60))
    assert answer.record is None
    assert answer.failure == "over the object limit (50003 objects > 20000); set --max-objects to read it"


def test_object_count_reads_object_streams_and_real_files():
    """Objects packed in object streams are counted by their /N; every bundled PDF is far under
    the default limit."""
    packed = b"1 0 obj\n<< /Type /ObjStm /N 740 /First 9 /Length 3 >>\nstream\nabc\nendstream\nendobj\n"
    assert count_objects(packed) == 741
    for code in ("000", "001", "002", "003", "004"):
        assert 0 < count_objects(pdf_path(code).read_bytes()) < Limits().objects // 100


@pytest.mark.slow
def test_bomb_past_the_size_check_ends_at_the_memory_limit(tmp_path):
    """With the size check off, the parser inflates the stream; the address-space cap stops it."""
    bomb = decompression_bomb_pdf(tmp_path / "bomb.pdf", megabytes=640)
    out = plantrace("ingest", bomb, pdf_path("004"), "--db", tmp_path / "m.db", "--max-decompressed", "0",
                    "--max-memory", "1200", "--json", timeout=400)
    import json

    files = {f["path"].rsplit("/", 1)[-1]: f for f in ingest_report(out.stdout)["files"]}
    assert out.returncode == 1
    assert files["bomb.pdf"]["reason"].startswith("over the memory limit (1200 MB)")
    assert files[pdf_path("004").name]["status"] == "ingested"


def test_a_dead_worker_is_one_failure_and_the_next_call_gets_a_new_one():
    sup = Supervisor(Limits(seconds=60), preload=())  # no extractors needed to die or nap
    try:
        with deadline(120):
            with pytest.raises(WorkerFailed, match=r"worker process died \(exit 7\)"):
                sup.call(die)
            assert sup.call(nap, 0) == "woke"
            first = sup.proc.pid
            sup.limits = Limits(seconds=3)
            with pytest.raises(LimitExceeded, match=r"over the time limit \(3 s\)"):
                sup.call(nap, 30)
            assert sup.call(nap, 0) == "woke" and sup.proc.pid != first
    finally:
        sup.stop()


def test_jobs_are_capped_by_cpus_and_memory():
    cpus = len(os.sched_getaffinity(0))
    assert cap_jobs(1_000_000, Limits()) <= cpus
    assert cap_jobs(1_000_000, Limits(memory_mb=10_000_000)) == 1
    assert cap_jobs(1, Limits()) == 1


def test_limits_come_from_the_environment_and_options_win(monkeypatch):
    monkeypatch.setenv("PLANTRACE_MAX_SECONDS", "12")
    monkeypatch.setenv("PLANTRACE_MAX_PAGES", "40")
    limits = Limits.from_env(pages=7, memory_mb=None)
    assert (limits.seconds, limits.pages, limits.memory_mb) == (12, 7, Limits().memory_mb)


def test_a_file_that_changed_since_it_was_hashed_is_not_stored_under_the_old_hash():
    from plantrace.ingest.read import read_document

    answer = read_document(str(pdf_path("004")), "pdf", "0" * 64, Limits())
    assert answer.record is None and answer.failure.startswith("changed while the batch was reading it")
    assert answer.sha_read != "0" * 64
