"""CLI conventions: -h, readable metavars, an example in every help, completion,
--quiet/--verbose, NDJSON ingest, a page-based progress count, an 80-column
report, trace ambiguity, files found by their bytes, and the licence."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib

import pytest
from sqlalchemy import update
from typer.testing import CliRunner

from plantrace.cli import app
from plantrace.store import models as m
from plantrace.store.db import open_db

from .analyst_fixtures import seed
from .conftest import ROOT, pdf_path
from .timeouts import timeout

runner = CliRunner()
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)
LEAKED_METAVAR = re.compile(r"<(bool|str|int|list\[[^\]]*\]|Path|int range)>")


def test_every_command_has_h_an_example_and_readable_metavars():
    assert {"ingest", "trace", "search", "export", "datasette", "status"} <= set(COMMANDS)
    for name in [None, *COMMANDS]:
        args = [name, "-h"] if name else ["-h"]
        result = runner.invoke(app, args, env={"COLUMNS": "100"})
        assert result.exit_code == 0, (name, result.output)
        assert "Examples:" in result.output and "plantrace " in result.output.split("Examples:")[1], name
        assert not LEAKED_METAVAR.search(result.output), (name, LEAKED_METAVAR.search(result.output).group())
    root = runner.invoke(app, ["--help"]).output
    assert "--install-completion" in root and "--quiet" in root and "--verbose" in root


def test_exit_codes_are_documented():
    import plantrace.cli

    doc = plantrace.cli.__doc__
    for code in ("0 all well", "1 some files failed", "2 nothing", "3 the thing asked", "4 the database"):
        assert code in doc
    readme = (ROOT / "README.md").read_text()
    assert "Exit code 0" in readme and "exit 4" in readme


def test_the_cli_libraries_are_pinned_and_the_licence_is_declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = {re.split(r"[<>=\[ ]", d)[0]: d for d in project["dependencies"]}
    assert "<" in deps["typer"] and "<" in deps["click"]
    assert project["license"] == {"text": "MIT"} and (ROOT / "LICENSE").read_text().startswith("MIT License")


@timeout(120)
def test_ingest_json_is_one_line_per_file_then_a_summary_and_quiet_prints_only_errors(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    shutil.copy(pdf_path("004"), pack / "a-report")  # no suffix: found by its bytes
    (pack / "b-broken.pdf").write_bytes(b"<html>gone</html>")
    (pack / "c-sheet.xlsx").write_bytes(b"PK\x03\x04")
    url = f"sqlite:///{tmp_path / 'j.db'}"
    result = runner.invoke(app, ["ingest", str(pack), "--db", url, "--json"])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(os.path.basename(x["path"]), x["status"]) for x in lines[:-1]] == [
        ("a-report", "ingested"), ("b-broken.pdf", "failed")]
    assert lines[-1] == {"summary": {"ingested": 1, "re-extracted": 0, "unchanged": 0, "failed": 1},
                         "derived": {"persons": 0, "links": 0}}

    quiet = runner.invoke(app, ["-q", "ingest", str(pack), "--db", url])
    assert quiet.exit_code == 1
    assert quiet.stdout == "" and _one_error(quiet.stderr, "b-broken.pdf")
    verbose = runner.invoke(app, ["ingest", str(pack), "--db", url, "-v"])
    assert "a-report: unchanged" in verbose.stderr and "1 unchanged, 1 failed" in verbose.stdout


def _one_error(text: str, name: str) -> bool:
    lines = text.strip().splitlines()
    return len(lines) == 1 and lines[0].startswith("error ") and name in lines[0]


def test_progress_counts_pages_not_files(tmp_path):
    from plantrace.ingest.progress import page_counts

    (tmp_path / "x.md").write_text("# a heading\n")
    assert page_counts([pdf_path("004"), pdf_path("001"), tmp_path / "x.md"]) == [3, 29, 1]


@pytest.mark.slow  # a fresh process, so the console takes its width from $COLUMNS
@timeout(180)
def test_the_report_stays_readable_at_80_columns(tmp_path):
    """Two files that differ only at the end of a long name are both shown whole (folded, not cut)."""
    pack = tmp_path / "pack"
    pack.mkdir()
    stem = "children-and-young-people-scrutiny-panel-agenda-reports-pack-"
    for tail in ("first.pdf", "second.pdf"):
        (pack / (stem + tail)).write_bytes(b"%PDF-1.4 truncated")
    env = {**os.environ, "COLUMNS": "80"}
    out = subprocess.run([sys.executable, "-m", "plantrace", "ingest", str(pack), "--db",
                          f"sqlite:///{tmp_path / 'w.db'}"], capture_output=True, text=True, env=env, timeout=100)
    assert out.returncode == 2, out.stderr
    assert max(len(line) for line in out.stdout.splitlines()) <= 80
    table = "".join(line.split("│")[1].strip() for line in out.stdout.splitlines() if line.startswith("│"))
    assert stem + "first.pdf" in table and stem + "second.pdf" in table and "…" not in out.stdout


@timeout(60)
def test_an_ambiguous_action_lists_its_candidates(tmp_path):
    url = f"sqlite:///{tmp_path / 'amb.db'}"
    engine, Session_ = open_db(url)
    seed(Session_)
    with Session_.begin() as s:  # another council's plan also has an action 1.1
        s.execute(update(m.Action).where(m.Action.code == "9.9").values(code="1.1"))
    engine.dispose()
    result = runner.invoke(app, ["trace", "--action", "1.1", "--db", url])
    assert result.exit_code == 2
    assert "give --plan FILE|ID or --council NAME" in result.stderr
    assert "Testshire" in result.stderr and "Elsewhere" in result.stderr and "other.pdf" in result.stderr
    as_json = json.loads(runner.invoke(app, ["trace", "--action", "1.1", "--db", url, "--json"]).stdout)
    assert {c["council"] for c in as_json["candidates"]} == {"Testshire", "Elsewhere"}

    picked = runner.invoke(app, ["trace", "--action", "1.1", "--council", "testshire", "--db", url, "--json"])
    assert picked.exit_code == 0 and json.loads(picked.stdout)["action"]["council"] == "Testshire"
    picked = runner.invoke(app, ["trace", "--action", "1.1", "--plan", "other.pdf", "--db", url, "--json"])
    assert json.loads(picked.stdout)["action"]["council"] == "Elsewhere"
    wrong = runner.invoke(app, ["trace", "--action", "1.1", "--plan", "nosuch.pdf", "--db", url])
    assert wrong.exit_code == 3 and "--plan nosuch.pdf: no such current document" in wrong.stderr

    evidence = "x" * 400 + " the end of the evidence"
    engine, Session_ = open_db(url)
    with Session_.begin() as s:
        s.execute(update(m.Link).values(evidence=evidence))
    engine.dispose()
    shown = runner.invoke(app, ["trace", "--action", "1.1", "--council", "Testshire", "--db", url],
                          env={"COLUMNS": "80"})
    assert "the end of the evidence" in " ".join(shown.stdout.split())
