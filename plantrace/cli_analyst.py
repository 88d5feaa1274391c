"""`plantrace search` and `plantrace export` (registered on the main app)."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer
from rich.markup import escape
from rich.table import Table

from .cli import DbOption, _print_json, app, console, err, open_read


def _highlight(snippet: str) -> str:
    from plantrace.store.fulltext import MARK

    return escape(snippet).replace(MARK[0], "[bold yellow]").replace(MARK[1], "[/bold yellow]")


@app.command()
def search(query: str = typer.Argument(..., help='Words to look for, e.g. "foster carer recruitment"'),
           db: Optional[str] = DbOption, json_out: bool = typer.Option(False, "--json"),
           limit: int = typer.Option(20, "--limit", min=1, help="At most this many hits"),
           kind: Optional[List[str]] = typer.Option(None, "--kind",
                                                    help="Only these kinds: recommendation, action, update, "
                                                         "minute_point (repeatable)")):
    """Full-text search over recommendations, actions, progress updates and minute points, best first."""
    from plantrace.store.fulltext import search as run_search

    from plantrace.store.fulltext import SOURCES

    known = [k for k, _, _ in SOURCES]
    unknown = [k for k in kind or [] if k not in known]
    if unknown:
        err.print(f"[red]error[/red] unknown --kind {', '.join(unknown)}; expected one of {', '.join(known)}")
        raise typer.Exit(2)
    engine, _ = open_read(db)
    with engine.connect() as conn:
        hits = run_search(conn, query, limit=limit, kinds=tuple(kind) if kind else None)
    if json_out:
        _print_json({"query": query, "hits": [h.as_dict() for h in hits]})
        return
    if not hits:
        err.print(f"no matches for {query!r}", highlight=False)
        return
    table = Table(title=f"plantrace search · {query}")
    for col in ("kind", "id", "document", "page", "snippet"):
        table.add_column(col, overflow="fold")
    for hit in hits:
        table.add_row(hit.kind, escape(hit.ref or ""), escape(Path(hit.document).name), str(hit.page or ""),
                      _highlight(hit.snippet))
    console.print(table)


@app.command()
def export(fmt: str = typer.Option("csv", "--format", help="csv or parquet"),
           out: Path = typer.Option(..., "--out", help="Folder to write one file per view into"),
           db: Optional[str] = DbOption, json_out: bool = typer.Option(False, "--json")):
    """Write every analyst view (v_actions, v_links, ...) to one CSV or Parquet file each."""
    from plantrace.store.export import FORMATS, export_views

    if fmt not in FORMATS:
        err.print(f"[red]error[/red] --format must be one of: {', '.join(FORMATS)} (got {fmt!r})", highlight=False)
        raise typer.Exit(2)
    engine, _ = open_read(db)
    written = export_views(engine, out, fmt)
    if json_out:
        _print_json(written)
        return
    table = Table(title=f"plantrace export · {out}")
    table.add_column("view")
    table.add_column("rows", justify="right")
    table.add_column("file", overflow="fold")
    for name, info in written.items():
        table.add_row(name, str(info["rows"]), info["path"])
    console.print(table)
