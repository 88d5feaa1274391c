"""The ``plantrace`` command line.

Commands print Rich tables for people and ``--json`` for programs; the JSON
shapes are the fixed output contract. The commands are a thin shell over the
library API (``plantrace.api``).

Exit codes: 0 all well; 1 some files failed (the rest were stored); 2 nothing
could be done (bad arguments, no input, every file failed, an output folder
that cannot be written); 3 the thing asked for is not in the database, or is
ambiguous without ``--plan``/``--council``; 4 the database cannot be used as
it is (missing, not SQLite, not plantrace's, of another schema version, a URL
no driver opens). Read commands never create or upgrade a database. Names of
files are printed escaped (``plantrace.safe_text``).
"""
from __future__ import annotations

import enum
import json
import os
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from . import __version__
from .safe_text import printable, shown

def _no_type_for_flags() -> None:
    """Typer 0.29 prints a Python type beside every option in help, ``<bool>`` even for
    flags (``--help``, ``--json``), which take no value; a flag shows none. Options
    that take a value name it with an explicit ``metavar`` (URL, DIR, N, ...)."""
    from typer.core import TyperArgument, TyperOption

    shows = TyperOption.display_type_rich
    if getattr(shows, "_plantrace", False):
        return
    shows_argument = TyperArgument.display_type_rich

    def display_type_rich(self, ctx):
        return None if self.is_flag or self.count else shows(self, ctx)

    def argument_type_rich(self, ctx):  # an argument's metavar already says what it takes
        return None if self.metavar else shows_argument(self, ctx)

    display_type_rich._plantrace = True
    TyperOption.display_type_rich = display_type_rich
    TyperArgument.display_type_rich = argument_type_rich


_no_type_for_flags()
CONTEXT = {"help_option_names": ["-h", "--help"]}
app = typer.Typer(add_completion=True, no_args_is_help=True,
                  context_settings=CONTEXT, rich_markup_mode="rich", pretty_exceptions_show_locals=False)
# a pipe gets wide lines so reports stay one row per file; $COLUMNS (or a terminal) sets the width
console = Console(width=None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 160)
err = Console(stderr=True)

class OcrMode(str, enum.Enum):
    auto = "auto"
    off = "off"
    force = "force"


OcrOption = typer.Option("auto", "--ocr", case_sensitive=False,
                         help="auto: read pages with no text layer by OCR; force: every page; off: none")

DbOption = typer.Option(None, "--db", metavar="URL",
                        help="Database URL or SQLite file (default: $PLANTRACE_DB or sqlite:///plantrace.db)")
JsonOption = typer.Option(False, "--json", help="Print JSON for programs instead of tables")

# How much a command says: 0 errors only (--quiet), 1 the usual, 2 every file and step (--verbose).
VERBOSITY = {"level": 1}


def example(*lines: str) -> str:
    """The epilog of a command's help: its examples, one per line."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


def _version(value: bool):
    if value:
        console.print(f"plantrace {__version__}")
        raise typer.Exit()


@app.callback(epilog=example("plantrace ingest corpora/ --db council.db", "plantrace trace \"12(b)\" --db council.db"))
def main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
         quiet: bool = typer.Option(False, "--quiet", "-q", help="Print errors only"),
         verbose: bool = typer.Option(False, "--verbose", "-v", help="Print every file and step")):
    """Turn council committee packs into a linked SQL database."""
    _set_verbosity(quiet, verbose)


def _set_verbosity(quiet: bool, verbose: bool) -> None:
    if quiet:
        VERBOSITY["level"] = 0
    elif verbose:
        VERBOSITY["level"] = 2


EXIT_SOME_FAILED = 1
EXIT_NOTHING_DONE = 2
EXIT_NOT_FOUND = 3
EXIT_NO_DATABASE = 4


def error(message: str) -> None:
    """One line on standard error; ``message`` is Rich markup (escape what it quotes)."""
    err.print(f"[red]error[/red] {message}", soft_wrap=True, highlight=False)


def open_read(db: Optional[str]):
    """(engine, sessions) of an existing database, or exit 4 with one line saying why."""
    from plantrace.store.db import DatabaseUnavailable, open_existing

    try:
        return open_existing(db)
    except DatabaseUnavailable as exc:
        error(shown(exc))
        raise typer.Exit(EXIT_NO_DATABASE)


def open_write(db: Optional[str]):
    """(engine, sessions), created or upgraded, or exit 4 with one line saying why."""
    from plantrace.store.db import DatabaseUnavailable, open_db

    try:
        return open_db(db)
    except DatabaseUnavailable as exc:
        error(shown(exc))
        raise typer.Exit(EXIT_NO_DATABASE)


def _print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _print_json_line(data) -> None:
    """One NDJSON line, flushed, so a program reading the pipe sees each file as it is done."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()


@app.command(epilog=example("plantrace ingest corpora/ --db council.db",
                            "plantrace ingest pack/ --json | jq -c 'select(.status == \"failed\")'",
                            "plantrace -q ingest pack/ --jobs 4"))
def ingest(paths: Optional[List[str]] = typer.Argument(None, metavar="PATH",
                                                      help="PDF/Markdown files or folders; - reads paths "
                                                           "from standard input, one a line"),
           db: Optional[str] = DbOption,
           json_out: bool = typer.Option(False, "--json",
                                         help="Print one JSON object per file as it is done, then a summary (NDJSON)"),
           reextract: bool = typer.Option(False, "--reextract",
                                          help="Read unchanged files again and replace their stored rows "
                                               "(after upgrading plantrace)"),
           jobs: int = typer.Option(1, "--jobs", "-j", min=1, metavar="N",
                                    help="Read this many files at once (a local Dask cluster; capped by CPUs "
                                         "and memory)"),
           workers: Optional[int] = typer.Option(None, "--workers", min=1, metavar="N",
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
           max_pages: Optional[int] = typer.Option(None, "--max-pages", min=0, metavar="N",
                                                   help="Pages per document (default 5000; 0: none)"),
           max_decompressed: Optional[int] = typer.Option(None, "--max-decompressed", min=0, metavar="MB",
                                                          help="Decompressed stream bytes per document "
                                                               "(default 4096 MB; 0: none)"),
           max_objects: Optional[int] = typer.Option(None, "--max-objects", min=0, metavar="N",
                                                     help="Indirect PDF objects per document "
                                                          "(default 1000000; 0: none)"),
           quiet: bool = typer.Option(False, "--quiet", "-q", help="Print errors only"),
           verbose: bool = typer.Option(False, "--verbose", "-v", help="Print every file as it is done"),
           ocr: OcrMode = OcrOption):
    """Ingest files or folders; unchanged files are skipped, changed ones become new versions."""
    from plantrace.ingest.batch import FileResult, run_batch
    from plantrace.ingest.discover import discover_all
    from plantrace.ingest.limits import Limits
    from plantrace.ingest.progress import page_counts

    from .cli_runs import dry_run_report, named_paths

    _set_verbosity(quiet, verbose)
    level = VERBOSITY["level"]
    given = named_paths(paths or [], from_list)
    if given is None:
        raise typer.Exit(EXIT_NOTHING_DONE)
    found = discover_all(given)
    problems = [FileResult(printable(p), "failed", reason) for p, reason in found.problems]
    for folder in found.empty_dirs:
        error(f"{shown(folder)}: no supported files (PDF, .md, .txt) in this folder")
    for problem in problems:
        error(f"{shown(problem.path)}: {escape(problem.reason)}")
        if json_out:
            _print_json_line(problem.__dict__)
    if not found.files:
        if json_out:
            _print_json_line({"summary": _counts(problems), "derived": {}})
        raise typer.Exit(EXIT_NOTHING_DONE)
    if dry_run:
        raise typer.Exit(dry_run_report(db, found.files, json_out))
    limits = Limits.from_env(seconds=max_seconds, memory_mb=max_memory, pages=max_pages,
                             decompressed_mb=max_decompressed, objects=max_objects)
    _, Session_ = open_write(db)
    files = found.files
    pages = page_counts(files)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("pages"),
                  TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                  console=err, transient=True, disable=json_out or level == 0 or not err.is_terminal) as progress:
        task = progress.add_task(_reading(files[0]), total=sum(pages), rate="")
        done = {"files": 0}

        def on_file(result):
            i = done["files"]
            done["files"] += 1
            nxt = _reading(files[i + 1]) if i + 1 < len(files) else "linking"
            elapsed = progress.tasks[0].elapsed or 0
            completed = progress.tasks[0].completed + pages[i]
            rate = f"{completed / elapsed:.1f} pages/s" if elapsed > 0 else ""
            progress.update(task, advance=pages[i], description=nxt, rate=rate)
            if json_out:
                _print_json_line(result.__dict__)
            if result.status == "failed":
                progress.console.print(f"[red]error[/red] {shown(result.path)}: {shown(result.reason)}",
                                        soft_wrap=True, highlight=False)
            elif level >= 2 and not json_out:
                progress.console.print(shown(result.line()), soft_wrap=True, highlight=False)
            if level >= 1:
                for warning in result.warnings:
                    progress.console.print(f"[yellow]warning[/yellow] {shown(result.path)}: {shown(warning)}",
                                            soft_wrap=True, highlight=False)

        results, derived = run_batch(Session_, files, on_file, reextract=reextract, jobs=jobs, limits=limits,
                                     workers=workers, scheduler=scheduler, ocr=ocr.value)
    results = problems + results
    failed = [r for r in results if r.status == "failed"]
    if json_out:
        _print_json_line({"summary": _counts(results), "derived": derived})
    elif level >= 1:
        _report(results, derived, level)
    if failed or found.empty_dirs:
        raise typer.Exit(EXIT_NOTHING_DONE if len(failed) == len(results) else EXIT_SOME_FAILED)


def _reading(path: Path) -> str:
    name = printable(path.name)
    return f"reading {escape(name if len(name) <= 40 else name[:19] + '…' + name[-20:])}"


STATUSES = ("ingested", "re-extracted", "unchanged", "failed")


def _counts(results) -> dict:
    return {s: sum(1 for r in results if r.status == s) for s in STATUSES}


def _report(results, derived, level: int = 1) -> None:
    """A row per file, then the totals.

    Long names fold onto further lines rather than being cut, so two files that
    share a long prefix stay told apart at 80 columns."""
    shown_rows = results
    if shown_rows:
        table = Table(title="plantrace ingest")
        table.add_column("file", overflow="fold", ratio=3)
        table.add_column("status", no_wrap=True)
        table.add_column("kind", overflow="fold")
        table.add_column("v", justify="right", no_wrap=True)
        table.add_column("extracted / reason", overflow="fold", ratio=3)
        for r in shown_rows:
            style = {"failed": "red", "ingested": "green", "re-extracted": "cyan"}.get(r.status, "dim")
            reason = r.reason if r.status == "failed" else (r.summary() or r.reason)
            text = shown(reason)
            if r.ocr:
                text += f"\n{shown(r.ocr)}"
            if r.warnings:
                text += "".join(f"\n[yellow]warning: {shown(w)}[/yellow]" for w in r.warnings)
            table.add_row(shown(Path(r.path).name), f"[{style}]{r.status}[/{style}]", r.kind, str(r.version or ""), text)
        console.print(table)
    counts = _counts(results)
    extra = f"; {derived.get('persons', 0)} persons, {derived.get('links', 0)} links refreshed" if derived else ""
    again = f"{counts['re-extracted']} re-extracted, " if counts["re-extracted"] else ""
    console.print(f"{counts['ingested']} ingested, {again}{counts['unchanged']} unchanged, "
                  f"{counts['failed']} failed{extra}", soft_wrap=True)


@app.command(epilog=example("plantrace extract minutes.pdf --json > minutes.json"))
def extract(file: Path = typer.Argument(..., metavar="FILE", help="A PDF or Markdown/text rendering"),
            json_out: bool = typer.Option(False, "--json", help="Print the document JSON (output contract)"),
            ocr: OcrMode = OcrOption):
    """Extract one document without a database."""
    from plantrace.api import extract as extract_document
    from plantrace.extract.errors import ExtractError
    from plantrace.ingest.batch import ocr_text, record_counts

    try:
        document = extract_document(file, ocr.value)
    except ExtractError as exc:
        error(f"{shown(exc.path)}: {shown(exc.reason)}")
        raise typer.Exit(EXIT_NOTHING_DONE)
    if json_out:
        sys.stdout.write(document.to_json() + "\n")
    else:
        record = document.to_record()
        console.print(f"{shown(file)}: {record['kind']} · {escape(record.get('council') or '?')} · "
                      f"{record.get('date') or '?'}", highlight=False)
        console.print(", ".join(f"{v} {k}" for k, v in record_counts(record).items()))
        if record["source"].get("ocr_pages"):
            console.print(ocr_text(record["source"]), highlight=False)


@app.command(epilog=example("plantrace schema --out document.schema.json"))
def schema(out: Optional[Path] = typer.Option(None, "--out", metavar="FILE",
                                             help="Write to this file instead of standard output")):
    """Print the JSON Schema of `extract --json`, generated from the typed records."""
    from plantrace.records import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")


@app.command("normalise-date", epilog=example('plantrace normalise-date "Q4 2017/18" --doc-date 2017-05-04 --json'))
def normalise_date_cmd(text: str = typer.Argument(..., metavar="TEXT", help='A date expression, e.g. "End of May 2017"'),
                       doc_date: Optional[str] = typer.Option(None, "--doc-date", metavar="YYYY-MM-DD",
                                                              help="The document's date, for years left out"),
                       period: Optional[str] = typer.Option(
                           None, "--period", metavar="PERIOD",
                           help='The period the document reports on, e.g. "September 2018": '
                                '"the previous month", "year to date" count back from its end'),
                       json_out: bool = JsonOption):
    """Normalise a date expression ("Q4 2017/18", "May 17", "End of May 2017") into intervals."""
    from plantrace.normalise.dates import normalise_date

    result = normalise_date(text, doc_date, period)
    if json_out:
        _print_json(result)
        return
    for d in result["dates"]:
        console.print(f"{d['start']} .. {d['end']}  {d['granularity']}  {d.get('qualifier') or ''}")
    if result.get("tbc"):
        console.print("TBC")


@app.command(epilog=example("plantrace status --db council.db", "plantrace status --json | jq .tables",
                            "plantrace status --failed"))
def status(db: Optional[str] = DbOption, json_out: bool = JsonOption,
           runs: bool = typer.Option(False, "--runs", help="The latest runs: when, where, what they stored"),
           failed: bool = typer.Option(False, "--failed", help="The files the latest run failed on, and why")):
    """Rows per table and what each stored document yielded (and councils awaiting a rebuild)."""
    from plantrace.ingest.rebuild import pending_councils
    from plantrace.store.summary import document_rows, table_counts

    from .cli_runs import show_runs

    engine, Session_ = open_read(db)
    from plantrace.store.packs_summary import meeting_rows, pack_rows

    if runs or failed:
        show_runs(Session_, runs, failed, json_out)
        return
    with Session_() as session:
        counts, docs, pending = table_counts(session), document_rows(session), pending_councils(session)
        packs, meetings = pack_rows(session), meeting_rows(session)
    if json_out:
        _print_json({"tables": counts, "documents": docs, "packs": packs, "meetings": meetings,
                     "pending_rebuilds": pending})
        return
    t = Table(title=f"plantrace status · {shown(engine.url.render_as_string(hide_password=True))}")
    t.add_column("table")
    t.add_column("rows", justify="right")
    for name, n in counts.items():
        t.add_row(name, str(n))
    console.print(t)
    d = Table(title="documents")
    for col in ("id", "file", "v", "kind", "council", "date", "pages", "rows"):
        d.add_column(col, overflow="fold")
    for row in docs:
        rows = ", ".join(f"{v} {k}" for k, v in row["rows"].items() if v)
        rows += "".join(f"\n[yellow]warning: {escape(w)}[/yellow]" for w in row["warnings"])
        d.add_row(str(row["id"]), shown(Path(row["path"]).name), str(row["version"]), row["kind"],
                  escape(row["council"] or ""),
                  str(row["date"] or ""), str(row["pages"]), rows)
    console.print(d)
    _print_packs(packs, meetings)
    if pending:
        names = ", ".join(escape(p["council"] or "(no council)") for p in pending)
        console.print(f"[yellow]pending rebuild[/yellow] of people and links: {names} "
                      "(`plantrace rebuild` or the next ingest completes it)", highlight=False)


def _print_packs(packs: list[dict], meetings: list[dict]) -> None:
    """Packs with the pages and kind of each part; meetings with their documents by role."""
    if packs:
        t = Table(title="packs")
        for col in ("id", "file", "pages", "parts"):
            t.add_column(col)
        for pack in packs:
            parts = "\n".join(f"{p['pages'][0]}-{p['pages'][1]} {p['kind']} {escape(p['title'] or '')}"
                              for p in pack["parts"])
            t.add_row(str(pack["id"]), Path(pack["path"]).name, str(pack["pages"]), parts)
        console.print(t)
    if meetings:
        t = Table(title="meetings")
        for col in ("id", "council", "body", "date", "time", "documents"):
            t.add_column(col)
        for row in meetings:
            docs = ", ".join(f"{n} {role}" for role, n in row["documents"].items())
            t.add_row(str(row["id"]), row["council"] or "", row["body"], row["date"], row["start_time"] or "", docs)
        console.print(t)


@app.command(epilog=example("plantrace upgrade --db council.db"))
def upgrade(db: Optional[str] = DbOption):
    """Create the database if needed and bring its schema to this plantrace's version."""
    engine, _ = open_write(db)
    if VERBOSITY["level"] >= 1:
        console.print(f"{shown(engine.url.render_as_string(hide_password=True))}: schema up to date", highlight=False)


# Commands defined in their own modules register themselves on `app`.
from . import cli_analyst, cli_datasette, cli_link, cli_runs, cli_tables  # noqa: E402,F401
