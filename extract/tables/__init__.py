"""The table layer: every table on every page of a born-digital PDF as a grid.

``read_tables(path)`` is the public entry (``plantrace.tables``,
``plantrace tables``). Each page is read on its own -- no state is carried
from page to page -- and the tables of consecutive pages are related only
afterwards (``continues``, and stitched on request).

Ruled tables come from their rules (``ruled``), where the rules are not
partial; every other table from word positions (``unruled``). The layer owns
the decision and says which reader produced each table.
"""
from __future__ import annotations

from pathlib import Path

from .grid import GridCell, GridTable
from .page import page_tables
from .stitch import mark_continuations, stitch

__all__ = ["GridCell", "GridTable", "page_tables", "read_tables", "parse_pages"]


def parse_pages(spec: str | None, n: int) -> list[int]:
    """"1-3,5" -> [1, 2, 3, 5] (1-based, clipped to the document)."""
    if not spec:
        return list(range(1, n + 1))
    out: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        a, _, b = part.partition("-")
        first = int(a) if a else 1
        last = (int(b) if b else n) if _ else first
        out.extend(p for p in range(first, last + 1) if 1 <= p <= n)
    return sorted(set(out))


def read_tables(path: str | Path, pages: str | list[int] | None = None, stitched: bool = False) -> list[GridTable]:
    """Every table of the PDF at ``path`` (or of ``pages``, "1-3" or [1, 2, 3]), page order, top to bottom."""
    from ..pdf import open_pdf, page_reader, read_by_pdfium

    pdf = open_pdf(path)
    fast = page_reader(Path(path))
    try:
        numbers = parse_pages(pages, len(pdf.pages)) if not isinstance(pages, list) else pages
        tables: list[GridTable] = []
        geometry = {}
        for n in numbers:
            page = pdf.pages[n - 1]
            if fast is not None:
                read_by_pdfium(fast, page)
            found, lines = page_tables(page, n)
            geometry[n] = (float(page.height), lines)
            tables.extend(found)
            page.close()
    finally:
        pdf.close()
        if fast is not None:
            fast.close()
    mark_continuations(tables, geometry)
    return stitch(tables) if stitched else tables
