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


def _aligned_share(table: GridTable, words: list[TWord], others: list[TWord]) -> float:
    """Share of the table's text lines with text outside it on the same baseline."""
    mine = lines_of([w for w in words if inside(w, table.bbox)])
    if not mine:
        return 0.0
    hits = sum(1 for ln in mine if any(abs(o.top - ln[0].top) <= 1.5 for o in others))
    return hits / len(mine)


def _widen_strips(tables: list[GridTable], words: list[TWord], page_number: int, rules, s=SETTINGS):
    """Ruled boxes that are strips of a wider table, read again with the text beside them.

    Rules drawn round a group of columns (a year, the totals) make the lines
    strategy return that group as a table of its own, while the rest of each
    row stands beside it on the same baselines. Such strips, with the text in
    line with them, are one table, read from its gutters with the rules as rows.
    """
    outside = [w for w in words if not any(inside(w, t.bbox, 1.0) for t in tables)]
    strips = []
    for t in tables:
        band = [w for w in outside if t.bbox[1] <= w.cy <= t.bbox[3]]
        if len(band) >= 4 and _aligned_share(t, words, band) >= s.strip_aligned:
            strips.append(t)
    if not strips:
        return tables
    top = min(t.bbox[1] for t in strips)
    bottom = max(t.bbox[3] for t in strips)
    region = [w for w in words if top - 0.5 <= w.cy <= bottom + 0.5]
    inner = [w for w in words if any(inside(w, t.bbox) for t in tables if t not in strips
                                     and top <= t.bbox[1] and t.bbox[3] <= bottom)]
    lines = lines_of(region)
    gs = gutters([ln for ln in lines if len(segments(ln, s)) >= 2], s)
    if not gs:
        return tables
    wide = table_from_lines(lines, gs, page_number, reader="partly-ruled", ruled=True, s=s, rules=rules)
    if wide is None or wide.n_cols <= max(t.n_cols for t in strips):
        return tables
    box = wide.bbox
    kept = [t for t in tables if t not in strips and not (box[1] <= t.bbox[1] + 1 and t.bbox[3] <= box[3] + 1)]
    del inner
    return kept + [wide]


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
    tables = _widen_strips(tables, words, page_number, rules, s)
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
    inner = [w for w in words if inside(w, table.bbox)]
    for r in range(table.n_rows):
        row = [c for c in table.cells if c.row == r and c.bbox]
        if not row:
            break
        top, bottom = min(c.bbox[1] for c in row), max(c.bbox[3] for c in row)
        ws = [w for w in inner if top <= w.cy <= bottom]
        if n and sum(bool(c.text.strip()) for c in row) == 1 and len(row) > 1:
            break  # a section heading under the header, set in bold across its row
        if ws and all(w.bold for w in ws):
            n = r + 1
        elif ws:
            break
    return n if n < table.n_rows else 0
