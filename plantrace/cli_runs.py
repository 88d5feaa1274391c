"""Batch operation: `plantrace rebuild`, `status --runs/--failed`, `ingest --dry-run`, paths from a list."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape
from rich.table import Table

from .cli import DbOption, _print_json, app, console, err, example, open_read


def named_paths(paths: list[str], from_list: Optional[Path]) -> list[Path] | None:
    """The command line's paths, ``-`` replaced by standard input's lines, plus a list file's.

    Lines are taken as bytes and decoded as the file system does, so a name that
    is not UTF-8 still names its file. None (after one line saying why) when
    there is nothing to read.
    """
    out: list[Path] = []

    def lines(raw: bytes) -> list[Path]:
        return [Path(os.fsdecode(line.rstrip(b"\r"))) for line in raw.split(b"\n") if line.strip()]

    for p in paths:
        if p == "-":
            out.extend(lines(sys.stdin.buffer.read()))
        else:
            out.append(Path(p))
    if from_list is not None:
        try:
            out.extend(lines(from_list.read_bytes()))
        except OSError as exc:
            err.print(f"[red]error[/red] {escape(str(from_list))}: cannot read the list ({exc.strerror})",
                      soft_wrap=True, highlight=False)
            return None
    if not out:
        err.print("[red]error[/red] no files named (give paths, - for standard input, or --from-list FILE)",
                  highlight=False)
        return None
    return out


def dry_run_report(db: Optional[str], files: list[Path], json_out: bool) -> int:
    """Print what an ingest would do; the database is only read, and a missing one is not created."""
    from plantrace.ingest.dryrun import plan_files
    from plantrace.store.db import DatabaseUnavailable, open_existing

    try:
        engine, Session_ = open_existing(db)
    except DatabaseUnavailable:
        engine, Session_ = None, None  # no database yet: every file is new
    try:
        rows = plan_files(Session_, files)
    finally:
        if engine is not None:
            engine.dispose()
    if json_out:
        _print_json({"files": rows})
    else:
        table = Table(title="plantrace ingest --dry-run")
        for col in ("file", "would", "why"):
            table.add_column(col)
        for r in rows:
            table.add_row(escape(r["path"]), r["would"], escape(r.get("reason") or ""))
        console.print(table)
        counts = {w: sum(1 for r in rows if r["would"] == w) for w in ("new", "change", "restore", "unchanged", "fail")}
        console.print(", ".join(f"{n} {w}" for w, n in counts.items() if n), highlight=False)
    return 1 if any(r["would"] == "fail" for r in rows) else 0


def show_runs(Session_, runs: bool, failed: bool, json_out: bool) -> None:
    from plantrace.ingest.runs import failed_attempts, recent_runs

    with Session_() as session:
        data = {}
        if runs:
            data["runs"] = recent_runs(session)
        if failed:
            data["failed"] = failed_attempts(session)
    if json_out:
        _print_json(data)
        return
    if runs:
        t = Table(title="runs")
        for col in ("id", "started", "ended", "host", "version", "executor", "files", "stored", "failed", "outcome"):
            t.add_column(col)
        for r in data["runs"]:
            t.add_row(str(r["id"]), f"{r['started_at']:%Y-%m-%d %H:%M:%S}",
                      f"{r['ended_at']:%H:%M:%S}" if r["ended_at"] else "", escape(r["host"]), r["version"],
                      escape(r["executor"]), str(r["files"]), str(r["stored"]), str(r["failed"]), r["outcome"])
        console.print(t)
    if failed:
        rows = data["failed"]
        if not rows:
            console.print("no file failed in the latest run")
        for r in rows:
            console.print(f"[red]failed[/red] {escape(r['path'])}: {escape(r['reason'] or '')}", soft_wrap=True,
                          highlight=False)


@app.command(epilog=example("plantrace rebuild --db council.db", "plantrace rebuild --all --json"))
def rebuild(db: Optional[str] = DbOption,
            everything: bool = typer.Option(False, "--all", help="Rebuild every council, not only the pending ones"),
            json_out: bool = typer.Option(False, "--json")):
    """Rebuild people and links of the councils marked pending (an interrupted ingest leaves them)."""
    from plantrace.ingest.rebuild import rebuild_pending
    from plantrace.store.db import open_db

    open_read(db)[0].dispose()  # an existing plantrace database, or exit 4: rebuild never creates one
    engine, Session_ = open_db(db)
    summary = rebuild_pending(Session_, everything=everything)
    engine.dispose()
    if json_out:
        _print_json(summary)
        return
    console.print(f"{summary['councils']} councils rebuilt; {summary['persons']} persons, "
                  f"{summary['links']} links", highlight=False)
