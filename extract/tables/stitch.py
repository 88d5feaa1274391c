"""Tables cut by a page break: marked where they continue, joined on request.

A table continues the previous page's last table when it is the first thing
on its page below the running head, the other ran down to the foot of its page
with only the running foot below (a page of boxes laid out alike, ending
halfway down, is not cut), and both have the same number of columns
at the same x positions (within a few points). A header repeated on the new
page is dropped when stitching.
"""
from __future__ import annotations

from .grid import GridCell, GridTable
from .settings import SETTINGS

X_SLACK = 6.0  # points the columns of a continued table may shift between pages


def _col_edges(t: GridTable) -> list[float]:
    firsts: dict[int, float] = {}
    for c in t.cells:
        if c.colspan == 1 and c.bbox:
            firsts.setdefault(c.col, c.bbox[0])
    return [firsts[k] for k in sorted(firsts)]


def _alike(a: GridTable, b: GridTable) -> bool:
    if a.n_cols != b.n_cols:
        return False
    ea, eb = _col_edges(a), _col_edges(b)
    return len(ea) == len(eb) and all(abs(x - y) <= X_SLACK for x, y in zip(ea, eb))


def mark_continuations(tables: list[GridTable], geometry: dict, s=SETTINGS) -> None:
    by_page: dict[int, list[GridTable]] = {}
    for t in tables:
        by_page.setdefault(t.page, []).append(t)
    for p, ts in by_page.items():
        prev = by_page.get(p - 1)
        if not prev or p - 1 not in geometry:
            continue
        first, last = ts[0], prev[-1]
        height, lines = geometry[p]
        prev_height, prev_lines = geometry[p - 1]
        above = [ln for ln in lines if max(w.bottom for w in ln) <= first.bbox[1]
                 and ln[0].top > s.page_margin * height]
        below = [ln for ln in prev_lines if ln[0].top >= last.bbox[3]
                 and ln[0].top < (1 - s.page_margin) * prev_height]
        reaches_foot = last.bbox[3] >= (1 - 2 * s.page_margin) * prev_height
        starts_at_head = first.bbox[1] <= 2 * s.page_margin * height
        if reaches_foot and starts_at_head and not above and not below and _alike(first, last):
            first.continues = True


def stitch(tables: list[GridTable]) -> list[GridTable]:
    out: list[GridTable] = []
    for t in tables:
        if t.continues and out and out[-1].n_cols == t.n_cols:
            base = out[-1]
            head = base.header_rows
            rows = t.matrix()
            skip = head if head and rows[:head] == base.matrix()[:head] else 0
            offset = base.n_rows - skip
            for c in t.cells:
                if c.row < skip:
                    continue
                base.cells.append(GridCell(row=c.row + offset, col=c.col, text=c.text, bbox=c.bbox,
                                           rowspan=c.rowspan, colspan=c.colspan))
            base.pages = (base.pages or [base.page]) + [t.page]
            continue
        out.append(t)
    return out
