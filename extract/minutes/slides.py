"""KPI tables on presentation slides bundled after the minutes.

A slide table has no caption of its own; the audience reads it under the
nearest heading above it on the slide, so that heading becomes its title.
Columns that are empty in every row are layout gutters and are dropped.
"""
from __future__ import annotations

from plantrace.extract.model import Line, Table

from .text import clean, collapse, is_page_number


def _title(page, table: Table) -> str | None:
    title = None
    for block in page.blocks:
        if block is table:
            break
        if isinstance(block, Line) and block.bold and clean(block.text) and not is_page_number(block.text):
            title = clean(block.text)
    return title


def _grid(table: Table) -> list[list[str]]:
    rows = [[collapse(c.text) for c in r] for r in table.rows]
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    keep = [j for j in range(width) if any(r[j] for r in rows)]
    return [[r[j] for j in keep] for r in rows if any(r[j] for j in keep)]


def extract_slide_tables(doc) -> list[dict]:
    out = []
    for page in doc.pages:
        for block in page.blocks:
            if not isinstance(block, Table):
                continue
            grid = _grid(block)
            if len(grid) < 2:
                continue
            out.append({"page": page.number, "title": _title(page, block),
                        "header": grid[0], "rows": grid[1:]})
    return out
