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

__all__ = ["GridCell", "GridTable", "PageGrids", "page_tables", "read_tables", "parse_pages"]


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
        grids = PageGrids()
        for n in numbers:
            page = pdf.pages[n - 1]
            if fast is not None:
                read_by_pdfium(fast, page)
            grids.add(page, n)
            page.close()
    finally:
        pdf.close()
        if fast is not None:
            fast.close()
    tables = grids.tables()
    return stitch(tables) if stitched else tables


class PageGrids:
    """A document's tables gathered page by page, each page read on its own; tables that
    carry on from the page before are marked once every page is in (``tables``)."""

    def __init__(self):
        self.found: list[GridTable] = []
        self.geometry: dict[int, tuple] = {}

    def add(self, page, number: int) -> None:
        found, lines = page_tables(page, number)
        self.found.extend(found)
        self.geometry[number] = (float(page.height), lines)

    def tables(self) -> list[GridTable]:
        mark_continuations(self.found, self.geometry)
        return self.found
