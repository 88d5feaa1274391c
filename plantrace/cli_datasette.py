"""`plantrace datasette` (registered on the main app)."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Optional

import typer

from .cli import EXIT_NO_DATABASE, EXIT_NOTHING_DONE, app, console, error, example
from .safe_text import shown


@app.command(epilog=example("plantrace datasette demo.db --serve        # browse, search and trace in a browser",
                            "plantrace datasette demo.db --out demo-metadata.json"))
def datasette(database: Path = typer.Argument(..., metavar="DB", help="A plantrace SQLite database file"),
              out: Optional[Path] = typer.Option(None, "--out", metavar="FILE",
                                                 help="Write the metadata here (default: standard output)"),
              serve: bool = typer.Option(False, "--serve", help="Start Datasette on the database with it"),
              port: int = typer.Option(8001, "--port", metavar="N", min=0, max=65535, help="Port for --serve")):
    """Datasette metadata for DB whatever its file is called (descriptions, facets, search, labels), or serve it.

    The plantrace Datasette plugin applies the same metadata to any plantrace database and adds
    the trace pages under /-/plantrace."""
    from plantrace.datasette_meta import database_name, metadata
    from plantrace.store.db import DatabaseUnavailable, open_existing

    try:
        engine, _ = open_existing(str(database))
        engine.dispose()
    except DatabaseUnavailable as exc:
        error(shown(exc))
        raise typer.Exit(EXIT_NO_DATABASE)
    text = json.dumps(metadata([database_name(database)]), indent=2) + "\n"
    if out is not None:
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as exc:
            error(f"{shown(out)}: cannot write ({shown((exc.strerror or type(exc).__name__).lower())})")
            raise typer.Exit(EXIT_NOTHING_DONE)
    elif not serve:
        sys.stdout.write(text)
    if serve:
        import tempfile

        if out is None:
            fd, name = tempfile.mkstemp(prefix="plantrace-metadata-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            out = Path(name)
        console.print(f"serving {shown(database)} on http://127.0.0.1:{port}/ (trace pages at /-/plantrace)",
                      highlight=False)
        os.execvp(sys.executable, [sys.executable, "-m", "datasette", "serve", str(database), "-m", str(out),
                                   "--port", str(port)])
