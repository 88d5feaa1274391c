"""Batch ingest on real PDFs: incremental runs, versions, and bad input."""
from __future__ import annotations

import json
import shutil

import pytest

from sqlalchemy import func, select
from typer.testing import CliRunner

from plantrace.cli import app
from plantrace.store import models as m
from plantrace.store.db import open_db
from plantrace.store.versions import latest_ids_query

from .badfiles import (encrypted_pdf, html_named_pdf, image_only_pdf, partly_scanned_pdf, truncated_pdf,
                       undecodable_pdf)
from .conftest import pdf_path
from .render_html import available as render_html_unavailable
from .ndjson import ingest_report

runner = CliRunner()


def _counts(url):
    engine, Session_ = open_db(url)
    with Session_() as s:
        counts = {t: s.scalar(select(func.count()).select_from(getattr(m, t))) for t in
                  ("Document", "Page", "Action", "ActionUpdate", "AgendaItem", "MinutePoint")}
    engine.dispose()
    return counts


def test_ingest_is_incremental_and_versions_changed_files(tmp_path, db_url):
    folder = tmp_path / "pack"
    folder.mkdir()
    shutil.copy(pdf_path("004"), folder / "report.pdf")
    first = runner.invoke(app, ["ingest", str(folder), "--db", db_url])
    assert first.exit_code == 0, first.output
    assert "1 ingested, 0 unchanged, 0 failed" in first.output
    before = _counts(db_url)
    assert before["Document"] == 1 and before["Page"] == 3

    again = runner.invoke(app, ["ingest", str(folder), "--db", db_url])
    assert again.exit_code == 0
    assert "0 ingested, 1 unchanged, 0 failed" in again.output
    assert _counts(db_url) == before

    # the same path with new content: a second version, the first one kept
    shutil.copy(pdf_path("003"), folder / "report.pdf")
    changed = runner.invoke(app, ["ingest", str(folder), "--db", db_url, "--json"])
    assert changed.exit_code == 0, changed.output
    engine, Session_ = open_db(db_url)
    with Session_() as s:
        versions = sorted(s.scalars(select(m.Document.version)))
    engine.dispose()
    assert versions == [1, 2]


def test_a_file_put_back_to_an_older_content_is_a_new_version(tmp_path, db_url):
    """Content is stored once, so version 1's rows become version 3: what the file
    holds now is the current version again, and nothing is extracted twice."""
    target = tmp_path / "report.pdf"
    for source in ("004", "003", "004"):
        shutil.copy(pdf_path(source), target)
        out = runner.invoke(app, ["ingest", str(target), "--db", db_url, "--json"])
        assert out.exit_code == 0, out.output
        assert ingest_report(out.stdout)["files"][0]["status"] == "ingested"
    assert ingest_report(out.stdout)["files"][0]["reason"] == "content of version 1 again"
    engine, Session_ = open_db(db_url)
    with Session_() as s:
        docs = s.scalars(select(m.Document).order_by(m.Document.version)).all()
        assert [(d.version, d.kind) for d in docs] == [(2, "action_plan"), (3, "report")]
        current = s.scalar(select(m.Document.kind).where(m.Document.id.in_(latest_ids_query())))
        assert current == "report"
    engine.dispose()


def test_reextract_replaces_an_unchanged_file_s_rows_in_place(tmp_path, db_url):
    """After an upgrade, --reextract reads unchanged files again: same version, fresh rows."""
    target = tmp_path / "report.pdf"
    shutil.copy(pdf_path("004"), target)
    assert runner.invoke(app, ["ingest", str(target), "--db", db_url]).exit_code == 0
    before = _counts(db_url)
    engine, Session_ = open_db(db_url)
    with Session_.begin() as s:  # what an older extractor might have left behind
        doc = s.scalar(select(m.Document))
        doc.title = "stale title"
        s.query(m.Page).filter(m.Page.number == 3).delete()
    engine.dispose()

    skipped = runner.invoke(app, ["ingest", str(target), "--db", db_url])
    assert "0 ingested, 1 unchanged" in skipped.output
    again = runner.invoke(app, ["ingest", str(target), "--db", db_url, "--reextract"])
    assert again.exit_code == 0, again.output
    assert "0 ingested, 1 re-extracted, 0 unchanged, 0 failed" in again.output
    assert _counts(db_url) == before
    engine, Session_ = open_db(db_url)
    with Session_() as s:
        (doc,) = s.scalars(select(m.Document)).all()
        assert (doc.version, doc.title != "stale title") == (1, True)
    engine.dispose()


def test_reading_files_in_parallel_stores_the_same(tmp_path):
    """--jobs 2 reads PDFs in worker processes; results, order and rows match one at a time,
    and of two identical files in one batch the second is still the unchanged one."""
    pack = tmp_path / "pack"
    pack.mkdir()
    shutil.copy(pdf_path("004"), pack / "a-report.pdf")
    shutil.copy(pdf_path("003"), pack / "b-plan.pdf")
    shutil.copy(pdf_path("004"), pack / "c-same-report.pdf")
    (pack / "d-empty.pdf").write_bytes(b"")
    reports = {}
    for jobs in ("1", "2"):
        url = f"sqlite:///{tmp_path / f'jobs{jobs}.db'}"
        out = runner.invoke(app, ["ingest", str(pack), "--db", url, "--json", "--jobs", jobs])
        assert out.exit_code == 1, out.output  # one file failed, the rest stored
        files = ingest_report(out.stdout)["files"]
        reports[jobs] = ([(f["path"].rsplit("/", 1)[-1], f["status"], f["reason"].rsplit("/", 1)[-1]) for f in files],
                         _counts(url))
    assert reports["1"] == reports["2"]
    statuses, counts = reports["2"]
    assert [s for _, s, _ in statuses] == ["ingested", "ingested", "unchanged", "failed"]
    assert statuses[2][2] == "a-report.pdf" and counts["Document"] == 2


def test_bad_inputs_fail_one_by_one_and_change_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'bad.db'}"
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(pdf_path("004"), good / "report.pdf")
    assert runner.invoke(app, ["ingest", str(good), "--db", url]).exit_code == 0
    before = _counts(url)

    pack = tmp_path / "pack"
    pack.mkdir()
    truncated_pdf(pdf_path("000"), pack / "truncated.pdf")
    encrypted_pdf(pack / "encrypted.pdf")
    image_only_pdf(pack / "scanned.pdf")
    html_named_pdf(pack / "notreally.pdf")
    (pack / "empty.pdf").write_bytes(b"")
    shutil.copy(pdf_path("004"), pack / "copy-of-good.pdf")
    result = runner.invoke(app, ["ingest", str(pack), "--db", url])
    assert result.exit_code == 1, result.output  # some failed, not all
    expected = {
        "truncated.pdf": "corrupt",
        "encrypted.pdf": "encrypted",
        "scanned.pdf": "no text layer",
        "notreally.pdf": "not a pdf",
        "empty.pdf": "empty",
    }
    error_lines = [ln for ln in result.output.splitlines() if ln.startswith("error ")]
    for name, phrase in expected.items():
        matching = [ln for ln in error_lines if name in ln]
        assert len(matching) == 1, (name, result.output)
        assert phrase in matching[0].lower(), matching[0]
    assert "0 ingested, 1 unchanged, 5 failed" in result.output
    assert _counts(url) == before


def test_scanned_pages_inside_a_text_pdf_are_reported_not_skipped_silently(tmp_path):
    url = f"sqlite:///{tmp_path / 'scan.db'}"
    pdf = partly_scanned_pdf(tmp_path / "pack.pdf")
    out = runner.invoke(app, ["ingest", str(pdf), "--db", url])
    assert out.exit_code == 0, out.output  # stored: the text pages are there
    assert "warning" in out.output and "no text layer on pages 2-3 of 4" in " ".join(out.output.split())
    report = ingest_report(runner.invoke(app, ["ingest", str(pdf), "--db", url, "--json", "--reextract"]).stdout)
    assert report["files"][0]["warnings"] == [
        "no text layer on pages 2-3 of 4 (scanned images; OCR read no text: blank or unreadable): "
        "their content is not extracted"]
    record = json.loads(runner.invoke(app, ["extract", str(pdf), "--json"]).output)
    assert record["source"]["warnings"] == report["files"][0]["warnings"]
    status = json.loads(runner.invoke(app, ["status", "--db", url, "--json"]).stdout)
    assert status["documents"][0]["warnings"] == report["files"][0]["warnings"]
    status_text = "".join(runner.invoke(app, ["status", "--db", url]).output.split())  # folded at any width
    assert "notextlayeronpages2-3" in status_text.replace("│", "")


@pytest.mark.skipif(render_html_unavailable() is not None, reason=render_html_unavailable() or "")
def test_text_the_reader_cannot_decode_is_reported_not_taken_for_empty(tmp_path, monkeypatch):
    # pdfminer reads none of this face (pdfium does: tests/test_pdfium_objects.py); the check
    # that pdfminer's reading is not taken for an empty page is the pdfplumber page model's,
    # set for a reading process of its own (the thread's usual one keeps its environment)
    from plantrace.ingest import supervise

    monkeypatch.setenv("PLANTRACE_PAGE_MODEL", "pdfplumber")
    monkeypatch.setattr(supervise._LOCAL, "supervisor", None, raising=False)
    try:
        _undecodable_reported(tmp_path)
    finally:
        if getattr(supervise._LOCAL, "supervisor", None) is not None:
            supervise._LOCAL.supervisor.stop()


def _undecodable_reported(tmp_path):
    url = f"sqlite:///{tmp_path / 'u.db'}"
    partly = undecodable_pdf(tmp_path / "partly.pdf")
    out = runner.invoke(app, ["ingest", str(partly), "--db", url, "--json"])
    (row,) = ingest_report(out.stdout)["files"]
    assert row["status"] == "ingested"
    assert row["warnings"] == ["text on pages 1-2 of 2 is in a font encoding the PDF reader cannot decode: "
                               "some or all of it is missing"]
    wholly = undecodable_pdf(tmp_path / "wholly.pdf", title=False)
    out = runner.invoke(app, ["ingest", str(wholly), "--db", url])
    assert out.exit_code != 0
    assert "wholly.pdf: text on all 2 pages is in a font encoding the PDF reader cannot decode" in \
        " ".join(out.output.split())


def test_all_failed_or_empty_folder_exits_two(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    empty = tmp_path / "nothing"
    empty.mkdir()
    (empty / "notes.docx").write_bytes(b"PK\x03\x04")
    out = runner.invoke(app, ["ingest", str(empty), "--db", url])
    assert out.exit_code == 2
    assert "no supported files" in out.output and str(empty) in out.output

    only_bad = tmp_path / "bad.pdf"
    only_bad.write_bytes(b"")
    out = runner.invoke(app, ["ingest", str(only_bad), "--db", url])
    assert out.exit_code == 2
    assert "bad.pdf" in out.output and "empty" in out.output


def test_failed_store_rolls_back_that_document_only(tmp_path, monkeypatch):
    """A database error half-way through a document leaves no partial rows."""
    import plantrace.ingest.batch as batch

    url = f"sqlite:///{tmp_path / 'tx.db'}"
    real = batch.store_document

    def exploding(session, record, *args, **kwargs):
        real(session, record, *args, **kwargs)
        raise RuntimeError("disk full")

    monkeypatch.setattr(batch, "store_document", exploding)
    out = runner.invoke(app, ["ingest", str(pdf_path("004")), "--db", url])
    assert out.exit_code == 2
    assert "disk full" in out.output
    assert _counts(url)["Document"] == 0 and _counts(url)["Page"] == 0


def test_version_flag():
    out = runner.invoke(app, ["--version"])
    assert out.exit_code == 0 and out.output.startswith("plantrace ")
