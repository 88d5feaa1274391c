"""One page's tables: ruled where the rules hold, from word positions elsewhere."""
from __future__ import annotations

from .grid import GridTable
from .ruled import found_tables, grid_of, hides_columns
from .settings import SETTINGS
from .unruled import gutters, table_from_lines, unruled_tables, segments
from .words import TWord, inside, lines_of, words_of


def _partly_ruled(table: GridTable, words: list[TWord], page_number: int, rules, s=SETTINGS) -> GridTable | None:
    """A frame whose rules show only some of its rows or columns, read again from its words."""
    inner = [w for w in words if inside(w, table.bbox)]
    lines = lines_of(inner)
    gs = gutters([ln for ln in lines if len(segments(ln, s)) >= 2], s)
    if not gs:
        return None
    out = table_from_lines(lines, gs, page_number, reader="partly-ruled", ruled=True, s=s, rules=rules)
    out.bbox = table.bbox
    return out


def _title(table: GridTable, lines: list[list[TWord]], words: list[TWord], s=SETTINGS) -> str | None:
    """The line just above the table, over its width, set apart as a caption or heading.

    The last line of a paragraph above is not one: it is neither bold nor
    larger than the table's text, and ends a sentence or runs across the table.
    """
    x0, top, x1, _ = table.bbox
    above = [ln for ln in lines if max(w.bottom for w in ln) <= top + 1.0
             and min(w.x0 for w in ln) < x1 and max(w.x1 for w in ln) > x0]
    if not above:
        return None
    ln = max(above, key=lambda ln: max(w.bottom for w in ln))
    height = max(w.bottom - w.top for w in ln)
    if top - max(w.bottom for w in ln) > s.title_gap * height or len(segments(ln, s)) > 1:
        return None
    sizes = sorted(w.size for w in words if inside(w, table.bbox))
    size = sizes[len(sizes) // 2] if sizes else 0.0
    marked = all(w.bold for w in ln) or max(w.size for w in ln) > size + 0.5
    if not marked and (ln[-1].text.endswith(".") or ln[-1].x1 - ln[0].x0 > 0.8 * (x1 - x0)):
        return None
    return " ".join(w.text for w in ln)


MIN_RULE = 20.0  # points: shorter horizontal strokes are underlines or glyph parts, not rules


def horizontal_rules(page) -> list[tuple[float, float, float]]:
    """(y, x0, x1) of the horizontal rules and thin filled bars drawn on the page."""
    return [(float(e["top"]), float(e["x0"]), float(e["x1"])) for e in page.edges
            if e["orientation"] == "h" and e["x1"] - e["x0"] >= MIN_RULE]


def page_tables(page, page_number: int, s=SETTINGS) -> tuple[list[GridTable], list[list[TWord]]]:
    """(tables top to bottom, the page's text lines outside them)."""
    words = words_of(page)
    rules = horizontal_rules(page)
    tables: list[GridTable] = []
    for found in found_tables(page) if page.edges else []:
        t = grid_of(found, words, page_number, s)
        if t is None:
            continue
        if t.n_cols <= 2 and hides_columns(t, words, lambda ws: gutters(
                [ln for ln in lines_of(ws) if len(segments(ln, s)) >= 2], s)):
            again = _partly_ruled(t, words, page_number, rules, s)
            if again is not None and again.n_cols > t.n_cols:
                t = again
        elif t.n_cols == 1:
            continue  # a framed list or paragraph
        tables.append(t)
    rest = [w for w in words if not any(inside(w, t.bbox, 1.0) for t in tables)]
    tables.extend(unruled_tables(rest, page_number, s, rules))
    tables.sort(key=lambda t: (t.bbox[1], t.bbox[0]))
    outside = [w for w in words if not any(inside(w, t.bbox, 1.0) for t in tables)]
    lines = lines_of(outside)
    for t in tables:
        t.title = _title(t, lines, words, s)
        if t.ruled and t.header_rows == 0:
            t.header_rows = _bold_header(t, words)
    return tables, lines


def _bold_header(table: GridTable, words: list[TWord]) -> int:
    """Leading rows of a ruled table whose text is all bold, above rows that are not."""
    n = 0
    for r in range(table.n_rows):
        row = [c for c in table.cells if c.row == r and c.bbox]
        ws = [w for c in row for w in words if inside(w, c.bbox, 0.0)]
        if n and sum(bool(c.text.strip()) for c in row) == 1 and len(row) > 1:
            break  # a section heading under the header, set in bold across its row
        if ws and all(w.bold for w in ws):
            n = r + 1
        elif ws:
            break
    return n if n < table.n_rows else 0
