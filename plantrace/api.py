"""The Python API: what the CLI does, as functions and one ``Database`` class.

Modelled on ``pdfplumber.open`` and ``sqlite_utils.Database``: ``plantrace.extract``
reads one file with no database, ``plantrace.open`` opens (and, for writing,
migrates) a database and offers the batch operator's and the analyst's verbs on it.
The CLI is a thin shell over these functions, so both always agree.

Heavy modules (pdfium, spaCy, pandas) are imported inside the functions, so
``import plantrace`` stays cheap.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Optional

if TYPE_CHECKING:  # pragma: no cover
    from plantrace.records import Document


def extract_record(path: str | Path, ocr: str = "auto") -> dict:
    """One file into its output-contract dict (normalised), without a database.

    ``ocr``: ``"auto"`` reads pages with no text layer by OCR, ``"force"`` every
    page, ``"off"`` none. Raises ``plantrace.extract.errors.ExtractError`` (one
    line: file and problem) for a file that cannot be read.
    """
    from plantrace.ingest.batch import extract_file

    record, _ = extract_file(Path(path), ocr=ocr)
    return record


def extract(path: str | Path, ocr: str = "auto") -> "Document":
    """One file into a typed :class:`plantrace.records.Document`, without a database
    (``ocr`` as for :func:`extract_record`)."""
    from plantrace.records import Document

    return Document.from_record(extract_record(path, ocr))


class Database:
    """A plantrace database: SQLite file or PostgreSQL URL.

    ``Database(url)`` opens an existing database for reading and never creates
    one; ``Database(url, create=True)`` (what :meth:`ingest` needs) creates it
    and brings its schema to the newest migration.
    """

    def __init__(self, url: str | None = None, *, create: bool = True):
        from plantrace.store.db import open_db, open_existing

        if create:
            self.engine, self._sessions = open_db(url)
        else:
            self.engine, self._sessions = open_existing(url)

    # -- context manager -------------------------------------------------
    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def session(self):
        """A SQLAlchemy session on this database (``with db.session() as s: ...``)."""
        return self._sessions()

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    # -- batch operator --------------------------------------------------
    def ingest(self, paths: Iterable[str | Path], *, reextract: bool = False, jobs: int = 1,
               on_file: Optional[Callable] = None, ocr: str = "auto"):
        """Ingest files or folders: returns ``(results, derived)``; each result is a
        :class:`plantrace.ingest.batch.FileResult`, ``derived`` counts the persons and
        links refreshed."""
        from plantrace.ingest.batch import FileResult, run_batch
        from plantrace.ingest.discover import discover_all
        from plantrace.safe_text import printable

        found = discover_all([Path(p) for p in paths])
        # paths that cannot be read at all (links that loop, names that are not UTF-8, folders
        # that cannot be listed) are failed results too, ahead of the files read
        problems = [FileResult(printable(p), "failed", reason) for p, reason in found.problems]
        if not found.files:
            return problems, {}
        results, derived = run_batch(self._sessions, found.files, on_file, reextract=reextract, jobs=jobs, ocr=ocr)
        return problems + results, derived

    # -- analyst ---------------------------------------------------------
    def status(self) -> dict:
        """Rows per table and what each stored document yielded."""
        from plantrace.store.summary import document_rows, table_counts

        with self._sessions() as session:
            return {"tables": table_counts(session), "documents": document_rows(session)}

    def links(self) -> list[dict]:
        """Every stored link, minute point to plan action, best first for each point."""
        from plantrace.link.trace import all_links

        with self._sessions() as session:
            return all_links(session)

    def trace(self, point: str | None = None, *, action: str | None = None,
              minutes: str | None = None, plan: str | None = None, council: str | None = None) -> dict | None:
        """A minute point (``"12(b)"``) to its actions, or ``action="7.4"`` to the
        minute points that discussed it. ``None`` when nothing matches; a reference
        several councils hold raises ``plantrace.link.trace.Ambiguous`` (its
        ``candidates`` name them) unless ``council`` or the document is given."""
        from plantrace.link.trace import trace_action, trace_point

        if bool(point) == bool(action):
            raise ValueError("give either a minute point or action=")
        with self._sessions() as session:
            return (trace_point(session, point, minutes, council) if point
                    else trace_action(session, action, plan, council))

    def search(self, query: str, *, limit: int = 20, kinds: tuple[str, ...] | None = None) -> list[dict]:
        """Full-text search over recommendations, actions, updates and minute points."""
        from plantrace.store.fulltext import search

        with self.engine.connect() as conn:
            return [hit.as_dict() for hit in search(conn, query, limit=limit, kinds=kinds)]

    def view(self, name: str):
        """One analyst view (``v_actions``, ``v_links``, ...) as a pandas DataFrame."""
        from plantrace.store.export import read_view

        return read_view(self.engine, name)

    def export(self, out: str | Path, fmt: str = "csv") -> dict:
        """Write every analyst view to ``out`` as CSV or Parquet; returns what was written."""
        from plantrace.store.export import export_views

        return export_views(self.engine, Path(out), fmt)


def open(url: str | None = None, *, create: bool = True) -> Database:  # noqa: A001 - the API's name
    """Open a database (``sqlite:///plantrace.db``, a file path, or a PostgreSQL URL)."""
    return Database(url, create=create)


def tables(path: str | Path, *, pages: str | list[int] | None = None, stitch: bool = False):
    """Every table of a PDF as :class:`plantrace.extract.tables.GridTable` grids, page order.

    ``pages`` limits the pages read ("1-3,7" or [1, 2, 3]); ``stitch`` joins tables
    continued across page breaks (a repeated header is dropped). Each page is read
    on its own. Raises ``plantrace.extract.errors.ExtractError`` for a file that
    cannot be read.
    """
    from plantrace.extract.tables import read_tables

    return read_tables(Path(path), pages=pages, stitched=stitch)


def tables_record(path: str | Path, *, pages: str | list[int] | None = None, stitch: bool = False) -> dict:
    """``plantrace tables --json``: ``{"source": {...}, "tables": [...]}`` (output contract §4)."""
    from plantrace.extract.pdf import open_pdf
    from plantrace.ingest.filetype import sha256_of

    path = Path(path)
    with open_pdf(path) as pdf:
        n_pages = len(pdf.pages)
    found = tables(path, pages=pages, stitch=stitch)
    return {"source": {"path": str(path), "sha256": sha256_of(path), "pages": n_pages},
            "tables": [t.as_dict() for t in found]}
