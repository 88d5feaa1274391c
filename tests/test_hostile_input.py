"""Careless and hostile input: every bad file or path is one line, the rest is stored,
databases are refused or migrated whole, outputs never written through links.

The hostile files are built here (names with markup, control characters and
bytes that are not UTF-8, looping symlinks, non-SQLite databases, planted
symlinks, huge pages, huge queries); each test has a time limit that fails it.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plantrace.cli import app
from plantrace.store.db import DatabaseUnavailable, open_db, open_existing

from .analyst_fixtures import seed
from .conftest import ROOT, create_pg_database, pdf_path
from .timeouts import timeout

runner = CliRunner()
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0
HTML = b"<!DOCTYPE html><html><body>Not found</body></html>"


def _errors(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("error ")]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@timeout(180)
def test_hostile_names_are_one_escaped_line_each_and_the_good_file_is_stored(tmp_path):
    pack = tmp_path / "pack[" / "bold]x"  # the path reads "pack[/bold]x": Rich markup if not escaped
    pack.mkdir(parents=True)
    shutil.copy(pdf_path("004"), pack / "report-saved-without-suffix")  # a PDF known by its bytes
    (pack / "evil\nname\x1b[31m.pdf").write_bytes(HTML)
    os.symlink("loop.pdf", pack / "loop.pdf")
    bad_name = os.fsencode(str(pack)) + b"/caf\xe9.pdf"  # Latin-1 byte: not UTF-8
    with open(bad_name, "wb") as fh:
        fh.write(HTML)
    (pack / "notes.xlsx").write_bytes(b"PK\x03\x04")  # other files in a pack folder pass silently
    loop_arg = tmp_path / "arg-loop.pdf"
    os.symlink(loop_arg.name, loop_arg)
    url = f"sqlite:///{tmp_path / 'h.db'}"

    result = runner.invoke(app, ["ingest", str(pack), str(loop_arg), "--db", url])
    assert result.exit_code == 1, result.output  # some failed, the rest stored
    assert "\x1b" not in result.output  # no escape sequence reaches the terminal
    errors = _errors(result.output)
    assert len(errors) == 4, result.output
    assert sum("symlink loop" in e for e in errors) == 2
    assert any("evil\\nname\\x1b[31m.pdf" in e and "not a PDF" in e for e in errors), errors
    assert any("caf\\xe9.pdf" in e and "not valid UTF-8" in e for e in errors), errors
    assert all("pack[/bold]x" in e for e in errors if "arg-loop" not in e)  # markup printed, not applied
    assert "1 ingested, 0 unchanged, 4 failed" in result.output

    lines = [json.loads(line) for line in
             runner.invoke(app, ["ingest", str(pack), "--db", url, "--json"]).stdout.splitlines()]
    assert lines[-1]["summary"] == {"ingested": 0, "re-extracted": 0, "unchanged": 1, "failed": 3}


@pytest.mark.skipif(ROOT_USER, reason="running as root: file permissions do not stop root from reading")
@timeout(120)
def test_unreadable_files_and_folders_are_reported_not_skipped(tmp_path):
    pack = tmp_path / "pack"
    (pack / "locked").mkdir(parents=True)
    shutil.copy(pdf_path("004"), pack / "report.pdf")
    secret = pack / "secret.pdf"
    shutil.copy(pdf_path("004"), secret)
    secret.chmod(0)
    (pack / "locked").chmod(0)
    try:
        result = runner.invoke(app, ["ingest", str(pack), "--db", f"sqlite:///{tmp_path / 'p.db'}"])
    finally:
        (pack / "locked").chmod(0o755)
    assert result.exit_code == 1, result.output
    errors = _errors(result.output)
    assert any("secret.pdf" in e and "permission denied" in e for e in errors)
    assert any("locked" in e and "cannot read folder" in e for e in errors)


@timeout(60)
def test_databases_that_are_not_plantrace_s_are_refused_and_left_untouched(tmp_path):
    # another application's SQLite file: neither ingest nor search adds a table to it
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    before = _digest(other)
    pdf = tmp_path / "r.pdf"
    shutil.copy(pdf_path("004"), pdf)
    for args in (["ingest", str(pdf)], ["search", "anything"], ["status"], ["upgrade"]):
        result = runner.invoke(app, [*args, "--db", str(other)])
        assert result.exit_code == 4, (args, result.output)
        assert len(result.output.strip().splitlines()) == 1 and "not a plantrace database" in result.output
    assert _digest(other) == before

    # a file that is not SQLite at all, and URLs no driver opens
    text = tmp_path / "notes.db"
    text.write_text("just some notes\n")
    for db in (str(text), "nosuchdriver://host/db", "postgresql+nodriver://x/y", "sqlite:////no/such/folder/x.db"):
        result = runner.invoke(app, ["ingest", str(pdf), "--db", db])
        assert result.exit_code == 4, (db, result.output)
        assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output, result.output
        result = runner.invoke(app, ["status", "--db", db])
        assert result.exit_code == 4 and len(result.output.strip().splitlines()) == 1, (db, result.output)
    assert text.read_text() == "just some notes\n"

    # a database of a newer plantrace
    newer = tmp_path / "newer.db"
    engine, _ = open_db(f"sqlite:///{newer}")
    engine.dispose()
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'zz99'")
    before = _digest(newer)
    with pytest.raises(DatabaseUnavailable, match="newer plantrace"):
        open_db(f"sqlite:///{newer}")
    result = runner.invoke(app, ["ingest", str(pdf), "--db", str(newer)])
    assert result.exit_code == 4 and "newer plantrace" in result.output
    assert _digest(newer) == before


_KILL_AFTER = textwrap.dedent("""
    import os, sys
    from sqlalchemy import event
    from sqlalchemy.engine import Engine
    limit, seen = int(sys.argv[2]), [0]

    @event.listens_for(Engine, "after_cursor_execute")
    def _kill(*_args):
        seen[0] += 1
        if seen[0] == limit:
            os._exit(9)  # as kill -9: no cleanup, no rollback by Python

    from plantrace.store.db import open_db
    open_db(sys.argv[1])
""")


def _child(script: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script, *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
@timeout(240)
@pytest.mark.parametrize("kill_at", [2, 60, 180, 300])
def test_a_first_open_killed_during_migration_leaves_a_database_that_opens(tmp_path, kill_at):
    """The whole upgrade is one transaction: killed at any statement, nothing or all of it is there."""
    url = f"sqlite:///{tmp_path / 'killed.db'}"
    child = _child(_KILL_AFTER, url, str(kill_at))
    assert child.wait(timeout=200) == 9, child.stderr.read()
    engine, Session_ = open_db(url)  # the next open migrates from scratch
    engine.dispose()
    engine, _ = open_existing(url)
    engine.dispose()


def _concurrent_first_opens(url: str) -> None:
    script = "import sys\nfrom plantrace.store.db import open_db\nopen_db(sys.argv[1])\n"
    children = [_child(script, url) for _ in range(3)]
    codes = [c.wait(timeout=200) for c in children]
    assert codes == [0, 0, 0], [c.stderr.read()[-400:] for c in children]
    engine, _ = open_existing(url)
    engine.dispose()


@pytest.mark.slow
@timeout(240)
def test_concurrent_first_opens_are_serialised_sqlite(tmp_path):
    _concurrent_first_opens(f"sqlite:///{tmp_path / 'race.db'}")


@pytest.mark.slow
@pytest.mark.postgres
@timeout(240)
def test_concurrent_first_opens_are_serialised_postgresql():
    url, drop = create_pg_database()
    try:
        _concurrent_first_opens(url)
    finally:
        drop()


@pytest.fixture()
def seeded(tmp_path):
    url = f"sqlite:///{tmp_path / 'seeded.db'}"
    engine, Session_ = open_db(url)
    seed(Session_)
    engine.dispose()
    return url


@timeout(60)
def test_export_refuses_bad_targets_and_never_writes_through_a_link(tmp_path, seeded):
    a_file = tmp_path / "a-file"
    a_file.write_text("keep me")
    result = runner.invoke(app, ["export", "--out", str(a_file), "--db", seeded])
    assert result.exit_code == 2 and "is a file, not a folder" in result.output
    assert len(result.output.strip().splitlines()) == 1 and a_file.read_text() == "keep me"

    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    os.symlink(victim, out / "v_actions.csv")
    os.symlink(victim, out / "datapackage.json")
    result = runner.invoke(app, ["export", "--out", str(out), "--db", seeded])
    assert result.exit_code == 0, result.output
    assert victim.read_text() == "precious"
    assert not (out / "v_actions.csv").is_symlink() and "code" in (out / "v_actions.csv").read_text()
    assert not [p for p in out.iterdir() if p.name.endswith(".part")]

    result = runner.invoke(app, ["trace", "805(a)", "--db", seeded, "--snapshots", str(a_file)])
    assert result.exit_code == 2 and "is a file, not a folder" in result.output


@pytest.mark.skipif(ROOT_USER, reason="running as root: folder permissions do not stop root from writing")
@timeout(60)
def test_export_to_an_unwritable_folder_is_one_line(tmp_path, seeded):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = runner.invoke(app, ["export", "--out", str(locked), "--db", seeded])
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 2 and "not writable" in result.output


@timeout(60)
def test_huge_pages_render_within_the_pixel_cap(tmp_path):
    from reportlab.pdfgen import canvas

    from plantrace.extract.page_image import MAX_PIXELS, MAX_SIDE_PX, Box, render_page

    pdf = tmp_path / "huge.pdf"
    c = canvas.Canvas(str(pdf), pagesize=(14_400, 14_400))
    c.drawString(100, 14_000, "a poster-sized page")
    c.showPage()
    c.setPageSize((1_000_000, 200))
    c.drawString(10, 100, "a very long strip")
    c.showPage()
    c.save()
    from PIL import Image

    for page in (1, 2):
        out = render_page(pdf, page, [Box((100, 300, 400, 330), "red", "x")], tmp_path / f"p{page}.png")
        with Image.open(out) as im:
            assert im.width * im.height <= MAX_PIXELS and max(im.size) <= MAX_SIDE_PX, im.size


@timeout(60)
def test_a_five_thousand_word_query_is_cut_and_answers(seeded):
    words = " ".join(f"word{i}" for i in range(5000)) + " foster"
    result = runner.invoke(app, ["search", words, "--db", seeded, "--json"])
    assert result.exit_code == 0, result.output[-300:]
    assert "query cut to its first 32 distinct words" in result.stderr


@pytest.mark.postgres
@timeout(60)
def test_postgres_search_time_is_capped_by_the_server():
    from sqlalchemy import create_engine

    from plantrace.store.search_limits import SearchLimits, SearchTimeout, time_limited

    url, drop = create_pg_database()
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as conn:
            with pytest.raises(SearchTimeout):
                with time_limited(conn, SearchLimits(timeout_s=0.5)):
                    conn.exec_driver_sql("SELECT pg_sleep(5)")
            assert conn.exec_driver_sql("SHOW statement_timeout").scalar() == "0"
    finally:
        engine.dispose()
        drop()


@pytest.mark.postgres
@timeout(120)
def test_paths_over_1024_characters_are_stored_on_postgresql(tmp_path):
    url, drop = create_pg_database()
    deep = tmp_path
    while len(str(deep)) < 1100:
        deep = deep / ("a-long-folder-name-" * 3)
    deep.mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "data" / "renderings" / "004.md", deep / "report.md")
    try:
        result = runner.invoke(app, ["ingest", str(deep / "report.md"), "--db", url])
        assert result.exit_code == 0, result.output
        assert "1 ingested" in result.output
    finally:
        drop()
