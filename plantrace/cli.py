"""The ``plantrace`` command line.

Commands print Rich tables for people and ``--json`` for programs; the JSON
shapes are the fixed output contract. The commands are a thin shell over the
library API (``plantrace.api``).

Exit codes: 0 all well; 1 some files failed (the rest were stored); 2 nothing
could be done (bad arguments, no input, every file failed); 3 the thing asked
for is not in the database; 4 the database cannot be used as it is (missing,
not plantrace's, or of another schema version). Read commands never create or
upgrade a database.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__.splitlines()[0])
console = Console(width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True)

DbOption = typer.Option(None, "--db", help="Database URL or SQLite file (default: $PLANTRACE_DB or sqlite:///plantrace.db)")


def _version(value: bool):
    if value:
        console.print(f"plantrace {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit.")):
    """Turn council committee packs into a linked SQL database."""


EXIT_NOT_FOUND = 3
EXIT_NO_DATABASE = 4


def open_read(db: Optional[str]):
    """(engine, sessions) of an existing database, or exit 4 with one line saying why."""
    from plantrace.store.db import DatabaseUnavailable, open_existing

    try:
        return open_existing(db)
    except DatabaseUnavailable as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}", soft_wrap=True, highlight=False)
        raise typer.Exit(EXIT_NO_DATABASE)


def _print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


@app.command()
def ingest(paths: Optional[List[str]] = typer.Argument(None, help="PDF/Markdown files or folders; - reads paths "
                                                                    "from standard input, one a line"),
           db: Optional[str] = DbOption,
           json_out: bool = typer.Option(False, "--json", help="Print the per-file report as JSON"),
           reextract: bool = typer.Option(False, "--reextract",
                                          help="Read unchanged files again and replace their stored rows "
                                               "(after upgrading plantrace)"),
           jobs: int = typer.Option(1, "--jobs", "-j", min=1,
                                    help="Read this many files at once (a local Dask cluster; capped by CPUs "
                                         "and memory)"),
           workers: Optional[int] = typer.Option(None, "--workers", min=1,
                                                 help="Start a local Dask cluster of this many worker processes"),
           scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="tcp://HOST:8786",
                                                   help="Read the files on a running Dask cluster"),
           from_list: Optional[Path] = typer.Option(None, "--from-list", metavar="FILE",
                                                    help="Also read the paths listed in FILE, one a line"),
           dry_run: bool = typer.Option(False, "--dry-run",
                                        help="Say what would be read (new, changed, unchanged); store nothing"),
           max_seconds: Optional[float] = typer.Option(None, "--max-seconds", min=0,
                                                       help="Wall time per document (default 1800; 0: none)"),
           max_memory: Optional[int] = typer.Option(None, "--max-memory", min=0, metavar="MB",
                                                    help="Memory of the process reading a document "
                                                         "(default 8192 MB; 0: none)"),
           max_pages: Optional[int] = typer.Option(None, "--max-pages", min=0,
                                                   help="Pages per document (default 5000; 0: none)"),
           max_decompressed: Optional[int] = typer.Option(None, "--max-decompressed", min=0, metavar="MB",
                                                          help="Decompressed stream bytes per document "
                                                               "(default 4096 MB; 0: none)")):
    """Ingest files or folders; unchanged files are skipped, changed ones become new versions."""
    from plantrace.ingest.batch import run_batch
    from plantrace.ingest.discover import discover
    from plantrace.ingest.limits import Limits
    from plantrace.store.db import open_db

    from .cli_runs import dry_run_report, named_paths

    given = named_paths(paths or [], from_list)
    if given is None:
        raise typer.Exit(2)
    files, empty_dirs = discover(given)
    for folder in empty_dirs:
        err.print(f"[red]error[/red] {escape(str(folder))}: no supported files (.pdf, .md, .txt) in this folder",
                  soft_wrap=True, highlight=False)
    if not files:
        raise typer.Exit(2)
    if dry_run:
        raise typer.Exit(dry_run_report(db, files, json_out))
    limits = Limits.from_env(seconds=max_seconds, memory_mb=max_memory, pages=max_pages,
                             decompressed_mb=max_decompressed)
    _, Session_ = open_db(db)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=json_out or not err.is_terminal) as progress:
        task = progress.add_task("ingesting", total=len(files))

        def on_file(result):
            progress.update(task, advance=1, description=f"ingesting {escape(Path(result.path).name)}")
            if result.status == "failed":
                progress.console.print(f"[red]error[/red] {escape(result.path)}: {escape(result.reason)}",
                                       soft_wrap=True, highlight=False)
            for warning in result.warnings:
                progress.console.print(f"[yellow]warning[/yellow] {escape(result.path)}: {escape(warning)}",
                                       soft_wrap=True, highlight=False)

        results, derived = run_batch(Session_, files, on_file, reextract=reextract, jobs=jobs, limits=limits,
                                     workers=workers, scheduler=scheduler)
    failed = [r for r in results if r.status == "failed"]
    if json_out:
        _print_json({"files": [r.__dict__ for r in results], "derived": derived})
    else:
        _report(results, derived)
    if failed or empty_dirs:
        raise typer.Exit(2 if len(failed) == len(results) else 1)


def _report(results, derived) -> None:
    table = Table(title="plantrace ingest")
    for col in ("file", "status", "kind", "version", "extracted / reason"):
        table.add_column(col)
    for r in results:
        style = {"failed": "red", "ingested": "green", "re-extracted": "cyan"}.get(r.status, "dim")
        shown = r.reason if r.status == "failed" else (r.summary() or r.reason)
        if r.warnings:
            shown += "".join(f"\n[yellow]warning: {w}[/yellow]" for w in r.warnings)
        table.add_row(escape(Path(r.path).name), f"[{style}]{r.status}[/{style}]", r.kind, str(r.version or ""),
                      escape(shown) if r.status == "failed" else shown)
    console.print(table)
    counts = {s: sum(1 for r in results if r.status == s) for s in ("ingested", "re-extracted", "unchanged", "failed")}
    extra = f"; {derived.get('persons', 0)} persons, {derived.get('links', 0)} links refreshed" if derived else ""
    again = f"{counts['re-extracted']} re-extracted, " if counts["re-extracted"] else ""
    console.print(f"{counts['ingested']} ingested, {again}{counts['unchanged']} unchanged, "
                  f"{counts['failed']} failed{extra}")


@app.command()
def extract(file: Path = typer.Argument(..., help="A PDF or Markdown/text rendering"),
            json_out: bool = typer.Option(False, "--json", help="Print the document JSON (output contract)")):
    """Extract one document without a database."""
    from plantrace.api import extract as extract_document
    from plantrace.extract.errors import ExtractError
    from plantrace.ingest.batch import record_counts

    try:
        document = extract_document(file)
    except ExtractError as exc:
        err.print(f"[red]error[/red] {escape(exc.path)}: {escape(exc.reason)}", soft_wrap=True, highlight=False)
        raise typer.Exit(2)
    if json_out:
        sys.stdout.write(document.to_json() + "\n")
    else:
        record = document.to_record()
        console.print(f"{escape(str(file))}: {record['kind']} · {escape(record.get('council') or '?')} · "
                      f"{record.get('date') or '?'}", highlight=False)
        console.print(", ".join(f"{v} {k}" for k, v in record_counts(record).items()))


@app.command()
def schema(out: Optional[Path] = typer.Option(None, "--out", help="Write to this file instead of standard output")):
    """Print the JSON Schema of `extract --json`, generated from the typed records."""
    from plantrace.records import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")


@app.command("normalise-date")
def normalise_date_cmd(text: str, doc_date: Optional[str] = typer.Option(None, "--doc-date", help="YYYY-MM-DD"),
                       json_out: bool = typer.Option(False, "--json")):
    """Normalise a date expression ("Q4 2017/18", "May 17", "End of May 2017") into intervals."""
    from plantrace.normalise.dates import normalise_date

    result = normalise_date(text, doc_date)
    if json_out:
        _print_json(result)
        return
    for d in result["dates"]:
        console.print(f"{d['start']} .. {d['end']}  {d['granularity']}  {d.get('qualifier') or ''}")
    if result.get("tbc"):
        console.print("TBC")


@app.command()
def status(db: Optional[str] = DbOption, json_out: bool = typer.Option(False, "--json"),
           runs: bool = typer.Option(False, "--runs", help="The latest runs: when, where, what they stored"),
           failed: bool = typer.Option(False, "--failed", help="The files the latest run failed on, and why")):
    """Rows per table and what each stored document yielded (and councils awaiting a rebuild)."""
    from plantrace.ingest.rebuild import pending_councils
    from plantrace.store.summary import document_rows, table_counts

    from .cli_runs import show_runs

    engine, Session_ = open_read(db)
    if runs or failed:
        show_runs(Session_, runs, failed, json_out)
        return
    with Session_() as session:
        counts, docs, pending = table_counts(session), document_rows(session), pending_councils(session)
    if json_out:
        _print_json({"tables": counts, "documents": docs, "pending_rebuilds": pending})
        return
    t = Table(title=f"plantrace status · {engine.url.render_as_string(hide_password=True)}")
    t.add_column("table")
    t.add_column("rows", justify="right")
    for name, n in counts.items():
        t.add_row(name, str(n))
    console.print(t)
    d = Table(title="documents")
    for col in ("id", "file", "v", "kind", "council", "date", "pages", "rows"):
        d.add_column(col)
    for row in docs:
        rows = ", ".join(f"{v} {k}" for k, v in row["rows"].items() if v)
        rows += "".join(f"\n[yellow]warning: {escape(w)}[/yellow]" for w in row["warnings"])
        d.add_row(str(row["id"]), Path(row["path"]).name, str(row["version"]), row["kind"], row["council"] or "",
                  str(row["date"] or ""), str(row["pages"]), rows)
    console.print(d)
    if pending:
        names = ", ".join(escape(p["council"] or "(no council)") for p in pending)
        console.print(f"[yellow]pending rebuild[/yellow] of people and links: {names} "
                      "(`plantrace rebuild` or the next ingest completes it)", highlight=False)


@app.command()
def upgrade(db: Optional[str] = DbOption):
    """Create the database if needed and bring its schema to this plantrace's version."""
    from plantrace.store.db import open_db

    engine, _ = open_db(db)
    console.print(f"{escape(engine.url.render_as_string(hide_password=True))}: schema up to date", highlight=False)


# Commands defined in their own modules register themselves on `app`.
from . import cli_analyst, cli_link, cli_runs  # noqa: E402,F401
