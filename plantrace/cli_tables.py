"""`plantrace tables`: every table of a PDF as a grid (registered on the main app)."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape
from rich.table import Table

from .cli import _print_json, app, console, err, example


@app.command(epilog=example("plantrace tables report.pdf --pages 1-3", "plantrace tables plan.pdf --json --stitch", "plantrace tables plan.pdf --csv tables/"))
def tables(path: Path = typer.Argument(..., metavar="FILE", help="A PDF file"),
           json_out: bool = typer.Option(False, "--json", help="Print the tables as JSON (output contract §4)"),
           csv_dir: Optional[Path] = typer.Option(None, "--csv", metavar="DIR", help="Write one CSV per table into this folder"),
           pages: Optional[str] = typer.Option(None, "--pages", metavar="PAGES", help='Only these pages, e.g. "1-3,7"'),
           stitched: bool = typer.Option(False, "--stitch", help="Join tables continued across page breaks")):
    """Every table on every page: ruled, partly ruled or unruled, with merged cells, titles and header rows."""
    from plantrace.api import tables_record
    from plantrace.extract.errors import ExtractError

    if not path.is_file():
        err.print(f"[red]error[/red] {escape(str(path))}: no such file", highlight=False)
        raise typer.Exit(2)
    try:
        record = tables_record(path, pages=pages, stitch=stitched)
    except ExtractError as exc:
        err.print(f"[red]error[/red] {escape(str(exc))}", soft_wrap=True, highlight=False)
        raise typer.Exit(2)
    except ValueError as exc:
        err.print(f"[red]error[/red] --pages {escape(pages or '')}: {escape(str(exc))}", highlight=False)
        raise typer.Exit(2)
    if csv_dir is not None:
        written = write_csv(record["tables"], csv_dir, path.stem)
        if not json_out:
            console.print(f"{len(written)} CSV files in {escape(str(csv_dir))}", highlight=False)
    if json_out:
        _print_json(record)
        return
    if csv_dir is not None:
        return
    if not record["tables"]:
        console.print("no tables found")
        return
    for n, t in enumerate(record["tables"], start=1):
        head = f"table {n} · page {t['page']} · {t['n_rows']}×{t['n_cols']} · {t['reader']}"
        if t["continues"]:
            head += " · continued"
        if t["title"]:
            head += f" · {t['title']}"
        grid = Table(title=escape(head), show_header=False, show_lines=True)
        for row in _matrix(t):
            grid.add_row(*[escape(x) for x in row])
        console.print(grid)


def _matrix(t: dict) -> list[list[str]]:
    out = [["" for _ in range(t["n_cols"])] for _ in range(t["n_rows"])]
    for c in t["cells"]:
        out[c["row"]][c["col"]] = c["text"]
    return out


def write_csv(tables: list[dict], folder: Path, stem: str) -> list[Path]:
    """One CSV per table, named FILE-pPAGE-tN.csv; a merged cell's text at its top-left position."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    counts: dict[int, int] = {}
    for t in tables:
        counts[t["page"]] = counts.get(t["page"], 0) + 1
        out = folder / f"{stem}-p{t['page']}-t{counts[t['page']]}.csv"
        with out.open("w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows(_matrix(t))
        written.append(out)
    return written
