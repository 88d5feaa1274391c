"""`plantrace search` and `plantrace export` (registered on the main app)."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer
from rich.markup import escape
from rich.table import Table

from .cli import EXIT_NOTHING_DONE, DbOption, JsonOption, _print_json, app, console, err, error, example, open_read
from .safe_text import shown


def _highlight(snippet: str) -> str:
    from plantrace.store.fulltext import MARK

    return escape(snippet).replace(MARK[0], "[bold yellow]").replace(MARK[1], "[/bold yellow]")


@app.command(epilog=example('plantrace search "foster carer recruitment" --db council.db',
                            'plantrace search "return home interviews" --kind recommendation --json'))
def search(query: str = typer.Argument(..., metavar="QUERY", help='Words to look for, e.g. "foster carer recruitment"'),
           db: Optional[str] = DbOption, json_out: bool = JsonOption,
           limit: int = typer.Option(20, "--limit", min=1, max=1000, metavar="N", help="At most this many hits"),
           kind: Optional[List[str]] = typer.Option(None, "--kind", metavar="KIND",
                                                    help="Only these kinds: recommendation, action, update, "
                                                         "minute_point (repeatable)")):
    """Full-text search over recommendations, actions, progress updates and minute points, best first."""
    from plantrace.store.fulltext import search as run_search

    from plantrace.store.fulltext import SOURCES, _terms
    from plantrace.store.search_limits import LIMITS, SearchTimeout, bounded_terms

    known = [k for k, _, _ in SOURCES]
    unknown = [k for k in kind or [] if k not in known]
    if unknown:
        error(f"unknown --kind {shown(', '.join(unknown))}; expected one of {', '.join(known)}")
        raise typer.Exit(EXIT_NOTHING_DONE)
    if len(query) > LIMITS.max_chars or bounded_terms(_terms(query[: LIMITS.max_chars]))[1]:
        err.print(f"[yellow]warning[/yellow] query cut to its first {LIMITS.max_terms} distinct words "
                  f"(and {LIMITS.max_chars} characters)", highlight=False)
    engine, _ = open_read(db)
    try:
        with engine.connect() as conn:
            hits = run_search(conn, query, limit=limit, kinds=tuple(kind) if kind else None)
    except SearchTimeout as exc:
        error(f"{exc}; use fewer or more distinctive words")
        raise typer.Exit(EXIT_NOTHING_DONE)
    if json_out:
        _print_json({"query": query, "hits": [h.as_dict() for h in hits]})
        return
    if not hits:
        err.print(f"no matches for {shown(repr(query[:200]))}", highlight=False)
        return
    table = Table(title=f"plantrace search · {shown(query[:200])}")
    for col in ("kind", "id", "document", "page", "snippet"):
        table.add_column(col, overflow="fold")
    for hit in hits:
        table.add_row(hit.kind, escape(hit.ref or ""), shown(Path(hit.document).name), str(hit.page or ""),
                      _highlight(hit.snippet))
    console.print(table)


@app.command(epilog=example("plantrace export --format parquet --out views/ --db council.db",
                            "plantrace export --format csv --out views/   # with datapackage.json and duckdb.sql"))
def export(fmt: str = typer.Option("csv", "--format", metavar="csv|parquet", help="csv or parquet"),
           out: Path = typer.Option(..., "--out", metavar="DIR", help="Folder to write one file per view into"),
           db: Optional[str] = DbOption, json_out: bool = JsonOption):
    """Write every analyst view (v_actions, v_links, ...) to one CSV or Parquet file each, with column types.

    CSV files come with a Frictionless datapackage.json and a duckdb.sql that give each column its type."""
    from plantrace.store.export import FORMATS, ExportError, export_views

    if fmt not in FORMATS:
        error(f"--format must be one of: {', '.join(FORMATS)} (got {shown(repr(fmt))})")
        raise typer.Exit(EXIT_NOTHING_DONE)
    engine, _ = open_read(db)
    try:
        written = export_views(engine, out, fmt)
    except ExportError as exc:
        error(shown(exc))
        raise typer.Exit(EXIT_NOTHING_DONE)
    if json_out:
        _print_json(written)
        return
    table = Table(title=f"plantrace export · {shown(out)}")
    table.add_column("view")
    table.add_column("rows", justify="right")
    table.add_column("file", overflow="fold")
    for name, info in written.items():
        table.add_row(name, str(info["rows"]), shown(info["path"]))
    console.print(table)
