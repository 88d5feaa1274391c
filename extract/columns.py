"""Unruled tables read from word positions, with columns taken from the header.

A table typeset without rules still keeps its columns: every cell's text
starts at its column's left edge and no word of a row crosses the white gutter
between two columns. The header row says where the columns are (its words name
known columns, see ``plan.headers``), the gutters under it say exactly where
one column ends, and those columns hold for the rows below and for the part of
the table carried on to the next page, which repeats no header. A line that a
gutter would cut through (a paragraph) or that opens a section (a heading)
is not a row, and ends the table. Authors also split one table into several
set at other widths, and renderers shift a table cut by a page break: the
header's columns are then measured again on the lines that follow.

Rows are told apart as a ruled table's rules would: cells have padding, so the
first line of a row sits further below the last line of the row above than a
cell's wrapped lines sit below each other; and a new action number in the
first column always starts a row. A row with an empty first column sits under
the action above it (a merged cell), so that cell is marked ``continued``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import page_words, text_lines
from .model import Cell, Table
from .plan.headers import header_role
from .plan.sections import is_page_furniture, list_heading, recommendation_heading

MIN_HEADER_ROLES = 3  # header cells naming a known column, so prose never passes
MAX_HEADER_LINES = 8  # narrow columns wrap a heading ("Evidence of / Completion or / ...") over many lines
GUTTER = 4.0  # points of white space between columns, wider than a space between words
STRADDLE = 1.5  # points a word must reach past a boundary on both sides to cross it
_ID = re.compile(r"^\s*\d{1,3}(?:\.\d{1,3}){1,3}[a-z]?\.?(?=\s|[A-Z(]|$)")
_ANY_NUMBER = re.compile(r"^\s*\d[\d.]*[a-z]?\.?")

@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Row:
    """One visual line of the page: its words left to right."""

    words: list[Word]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)

    def groups(self) -> list[list[Word]]:
        """Runs of words closer than a cell gutter (about half the font size)."""
        out: list[list[Word]] = []
        for w in self.words:
            if out and w.x0 - out[-1][-1].x1 < max(4.0, 0.5 * w.size):
                out[-1].append(w)
            else:
                out.append([w])
        return out


@dataclass
class Columns:
    """Column edges: ``bounds[i]`` divides column i from column i + 1."""

    bounds: list[float]
    left: float
    right: float
    lead: int = 1  # columns under the first heading (an id column and the action text)

    @property
    def n(self) -> int:
        return len(self.bounds) + 1

    def of(self, x: float) -> int:
        return sum(x >= b for b in self.bounds)

    def edges(self, i: int) -> tuple[float, float]:
        return (self.bounds[i - 1] if i else self.left, self.bounds[i] if i < len(self.bounds) else self.right)

    def crossed(self, row: Row) -> bool:
        return any(w.x0 + STRADDLE < b < w.x1 - STRADDLE for w in row.words for b in self.bounds)


def page_rows(page) -> list[Row]:
    """The page's lines, from the same words (and tolerances) as the rest of the page model."""
    rows = []
    for _, pairs in text_lines(page_words(page.chars)):
        words = []
        for w, chars in pairs:
            font = chars[0].get("fontname", "") if chars else ""
            size = float(chars[0].get("size", 0.0)) if chars else 0.0
            words.append(Word(w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]),
                              size, "bold" in font.lower()))
        if words:
            rows.append(Row(words))
    return rows


# --- the header ----------------------------------------------------------------

def _header_at(rows: list[Row], i: int):
    """(cells as [x0, x1, [texts]], index after the header) when line ``i`` opens a header."""
    groups = rows[i].groups()
    if len(groups) < MIN_HEADER_ROLES or any(_ANY_NUMBER.match(g[0].text) for g in groups):
        return None
    cells = [[g[0].x0, g[-1].x1, [" ".join(w.text for w in g)]] for g in groups]
    end = i + 1
    height = rows[i].bottom - rows[i].top
    # Header cells wrap ("TARGET" / "DATE"): lines just below whose groups
    # each sit under one header cell belong to it.
    while end < len(rows) and end - i <= MAX_HEADER_LINES - 1:
        nxt = rows[end]
        if nxt.top - rows[end - 1].top > 1.6 * height or (rows[i].bold and not nxt.bold):
            break
        placed = []
        for g in nxt.groups():
            hit = [c for c in cells if g[0].x0 < c[1] + 2 and g[-1].x1 > c[0] - 2]
            # A number opening the first column is a row's id; elsewhere it
            # may be a heading's own words ("Performance Q4" / "18 or by month").
            if len(hit) != 1 or (hit[0] is cells[0] and _ANY_NUMBER.match(g[0].text)) or _ID.match(g[0].text):
                placed = None
                break
            placed.append((hit[0], g))
        if not placed:
            break
        for c, g in placed:
            c[0], c[1] = min(c[0], g[0].x0), max(c[1], g[-1].x1)
            c[2].append(" ".join(w.text for w in g))
        end += 1
    roles = [header_role("\n".join(c[2])) for c in cells]
    named = sum(r is not None for r in roles)
    if named < MIN_HEADER_ROLES or named * 2 < len(cells):
        return None
    return cells, end


def _coverage(rows: list[Row], lo: float, hi: float, step: float = 0.5) -> list[int]:
    """How many words cover each ``step`` of [lo, hi]: gutters are where none do."""
    n = max(1, int((hi - lo) / step))
    cover = [0] * (n + 1)
    for r in rows:
        for w in r.words:
            for k in range(max(0, int((w.x0 - lo) / step) + 1), min(n, int((w.x1 - lo) / step)) + 1):
                cover[k] += 1
    return cover


def _runs(cover: list[int], level: int) -> list[tuple[int, int]]:
    """[start, end) index runs where coverage is at most ``level``."""
    runs, start = [], None
    for k in range(len(cover) + 1):
        inside = k < len(cover) and cover[k] <= level
        if inside and start is None:
            start = k
        elif not inside and start is not None:
            runs.append((start, k))
            start = None
    return runs


def _gutter(rows: list[Row], lo: float, hi: float, start: float, need: float = 0.0) -> float | None:
    """The middle of the gutter in [lo, hi]: the least covered run ending nearest ``start``.

    The next column's text starts at (or, under a centred heading, left of)
    its heading at ``start``, so the gutter is the clear run ending there; a
    clear run further off is white space inside a column, e.g. beside an id.
    With ``need``, None unless some run is clear of every word and that wide.
    """
    step = 0.5
    cover = _coverage(rows, lo, hi, step)
    runs = _runs(cover, min(cover))
    widest = max(b - a for a, b in runs)
    if need and (min(cover) > 0 or widest * step < need):
        return None
    wide = [r for r in runs if (r[1] - r[0]) * step >= max(need, min(3.0, widest * step))]
    a, b = min(wide, key=lambda r: abs(lo + r[1] * step - start))
    return lo + step * (a + b - 1) / 2


def _columns_from_header(cells, body: list[Row], loose: bool = False) -> Columns | None:
    """Columns under ``cells``; ``loose`` when the body may be set at other widths than the header.

    Under its own header a column's text starts at or left of its heading;
    lines set again without a header can put it anywhere under the heading,
    so only a gutter clear of every word will do.
    """
    bounds = []
    for (x0, x1, _), (nx0, nx1, _) in zip(cells, cells[1:]):
        lo = x0 + 2.0 if loose else min((x0 + x1) / 2, nx0 - 2)
        hi = nx1 if loose else nx0 + 1.0
        bound = _gutter(body, lo, hi, nx0, GUTTER if loose else 0.0) if body else nx0 - 1.0
        if bound is None:
            return None
        bounds.append(bound)
    left = min([cells[0][0]] + [w.x0 for r in body for w in r.words if w.x1 < bounds[0]]) if bounds else cells[0][0]
    cols = Columns(bounds, left - 1.0, max([cells[-1][1]] + [w.x1 for r in body for w in r.words]) + 1.0)
    if loose and len({cols.of(w.centre) for r in body for w in r.words}) < cols.n:
        return None  # gutters found by chance in lines of two settings leave a column empty
    return cols


def _split_ids(cols: Columns, body: list[Row]) -> Columns:
    """A first column whose action numbers stand apart from the action text is two columns.

    Plans often set the number in a narrow column of its own under the same
    ACTION heading; numbers and text would otherwise run together per line.
    """
    if not body or not cols.bounds:
        return cols
    lo, hi = cols.left, cols.bounds[0]
    words = [w for r in body for w in r.words if w.centre < hi]
    step = 0.5
    cover = _coverage(body, lo, hi, step)
    for a, b in _runs(cover, 0):
        x0, x1 = lo + a * step, lo + b * step
        if (b - a) * step < 6.0 or x0 <= lo + 1:
            continue
        left = [w for w in words if w.x1 <= x0]
        right = [w for w in words if w.x0 >= x1]
        if left and right and all(_ID.match(w.text) or _ANY_NUMBER.fullmatch(w.text) for w in left):
            return Columns([(x0 + x1) / 2, *cols.bounds], cols.left, cols.right, lead=2)
    return cols


# --- the body ------------------------------------------------------------------

def _ends_table(row: Row, cols: Columns) -> bool:
    """A paragraph runs across the gutters or starts left of the table; a heading opens a section."""
    return cols.crossed(row) or row.words[0].x0 < cols.left - 3.0 or _heading(row, cols)


def _body(rows: list[Row], start: int, cols: Columns) -> int:
    """Index after the last line of the table body that starts at ``start``."""
    end = start
    while end < len(rows) and not _ends_table(rows[end], cols):
        end += 1
    # A page number under the table is not part of it.
    while end > start and _furniture(rows[end - 1]):
        end -= 1
    return end


def _cells_of(row: Row, cols: Columns) -> list[list[Word]]:
    out: list[list[Word]] = [[] for _ in range(cols.n)]
    for w in row.words:
        out[cols.of(w.centre)].append(w)
    return out


def _blocks(lines: list[Row], cols: Columns):
    """Each column's text as blocks of lines [(column, [(top, bottom, text)])] and the row starts.

    Within a cell, wrapped lines follow at the font's leading; the next row's
    cell starts lower by the cell padding. A cell merged down over several
    rows (the action beside its updates) runs on at the leading while the
    other columns start new rows, so rows are found column by column: a block
    starts after a wider gap in its own column, or at an action number in
    the first column, and a row starts where any column's block starts.
    Evenly spaced tables show no such gaps; there a line with text in the
    first column (with an action number, if the table numbers its actions)
    starts a row.
    """
    per_col: list[list[tuple[float, float, str]]] = [[] for _ in range(cols.n)]
    for line in lines:
        for c, ws in enumerate(_cells_of(line, cols)):
            if ws:
                per_col[c].append((min(w.top for w in ws), max(w.bottom for w in ws), " ".join(w.text for w in ws)))
    pitches = sorted(b[0] - a[0] for col in per_col for a, b in zip(col, col[1:]))
    height = sorted(r.bottom - r.top for r in lines)[len(lines) // 2]
    # A cell's own lines follow at the leading, the least pitch in a column
    # (bar stray marks set higher or lower than the text).
    tight = min((p for p in pitches if p >= 0.8 * height), default=height)
    wide = tight + max(2.0, 0.25 * height)
    spaced = bool(pitches) and pitches[-1] > wide
    numbered = any(_ID.match(e[2]) for e in per_col[0])
    blocks = []
    for c, col in enumerate(per_col):
        for k, entry in enumerate(col):
            if spaced:
                new = k == 0 or entry[0] - col[k - 1][0] > wide or (c == 0 and bool(_ID.match(entry[2])))
            else:
                new = k == 0 or (c == 0 and (bool(_ID.match(entry[2])) or not numbered))
            if new:
                blocks.append((c, [entry]))
            else:
                next(b for b in reversed(blocks) if b[0] == c)[1].append(entry)
    if not spaced:
        # Only the first column starts rows; other columns' lines join the row they fall in.
        starts = sorted(b[1][0][0] for b in blocks if b[0] == 0) or [lines[0].top]
        starts[0] = min(starts[0], lines[0].top)
        split = []
        for c, entries in blocks:
            if c == 0:
                split.append((c, entries))
                continue
            for e in entries:
                r = _row_index(starts, e[0], 0.5 * tight)
                if split and split[-1][0] == c and _row_index(starts, split[-1][1][0][0], 0.5 * tight) == r:
                    split[-1][1].append(e)
                else:
                    split.append((c, [e]))
        return split, starts
    starts: list[float] = []
    for top in sorted(b[1][0][0] for b in blocks):
        if not starts or top - starts[-1] > 0.5 * tight:
            starts.append(top)
    return blocks, starts


def _row_index(starts: list[float], top: float, slack: float) -> int:
    return max(0, sum(s <= top + slack for s in starts) - 1)


def _table(page_number: int, cols: Columns, header, lines: list[Row], alone: bool = False) -> Table | None:
    """``alone``: a header with no rows under it yet (they start on the next page) is kept."""
    rows: list[list[Cell]] = []
    if header is not None:
        top = min(r.top for r in header)
        bottom = max(r.bottom for r in header)
        texts = ["\n".join(" ".join(w.text for w in ws) for ws in col if ws)
                 for col in zip(*[_cells_of(r, cols) for r in header])]
        rows.append([Cell(text=t, bbox=(*cols.edges(c)[:1], top, cols.edges(c)[1], bottom), row=0, col=c)
                     for c, t in enumerate(texts)])
    if lines:
        blocks, starts = _blocks(lines, cols)
        tight_slack = 0.5 * min((b - a for a, b in zip(starts, starts[1:])), default=10.0)
        grid: list[list[list]] = [[[] for _ in range(cols.n)] for _ in starts]
        for c, entries in blocks:
            grid[_row_index(starts, entries[0][0], min(tight_slack, 4.0))][c].extend(entries)
        for cells_in in grid:
            entries = [e for col in cells_in for e in col]
            if not entries:
                continue
            r = len(rows)
            top, bottom = min(e[0] for e in entries), max(e[1] for e in entries)
            cells = []
            for c in range(cols.n):
                x0, x1 = cols.edges(c)
                cells.append(Cell(text="\n".join(e[2] for e in cells_in[c]), bbox=(x0, top, x1, bottom), row=r, col=c))
            if not any(c.text.strip() for c in cells[:cols.lead]):
                # An empty first column is the action cell above, merged down.
                for c in cells[:cols.lead]:
                    c.continued = True
            rows.append(cells)
    if not rows or (header is not None and len(rows) < 2 and not alone):
        return None
    every = [*(header or []), *lines]
    bbox = (min(cols.left, min(w.x0 for r in every for w in r.words)), min(r.top for r in every),
            max(cols.right, max(w.x1 for r in every for w in r.words)), max(r.bottom for r in every))
    return Table(page=page_number, bbox=bbox, rows=rows, ruled=False)


def _continues(rows: list[Row], start: int, cols: Columns | None) -> int:
    """Index after the lines from ``start`` that carry on a table in ``cols`` (0 if none)."""
    if cols is None:
        return 0
    end = _body(rows, start, cols)
    if end > start and any(sum(bool(ws) for ws in _cells_of(r, cols)) >= 2 for r in rows[start:end]):
        return end
    return 0


@dataclass
class Carried:
    """A table that ran off the foot of a page: its header cells and columns."""

    cells: list
    cols: Columns


def header_tables(page, page_number: int, carried: Carried | None = None):
    """Tables found under known headers, or carried on from the page before.

    ``carried`` is the table that ran off the foot of the previous page; the
    second value returned is the same for this page, for the next one.
    Returns (tables or None, ``Carried`` or None).
    """
    rows = page_rows(page)
    tables: list[Table] = []
    last = (None, -1, None)  # header cells of the last table, index after it, its columns

    def emit(cols, header, start, end, cells):
        nonlocal last
        alone = all(_furniture(r) for r in rows[end:])
        t = _table(page_number, cols, header, rows[start:end], alone)
        if t is not None:
            tables.append(t)
            last = (cells, end, cols)

    def carry_on(cells, cols, i):
        # The same table set again with other widths and no header (a
        # table split by its author): the header's columns, re-measured.
        while i < len(rows) and _header_at(rows, i) is None and not _heading(rows[i], cols):
            cols = _fit(cells, rows, i, loose=True) or _by_order(cells, rows, i)
            end = _continues(rows, i, cols)
            if not end:
                break
            emit(cols, None, i, end, cells)
            i = end
        return i

    i = 0
    if carried is not None and rows and _header_at(rows, 0) is None:
        # Re-measured here: a renderer may shift a table's text a little on the next page.
        cols = _fit(carried.cells, rows, 0, loose=True)
        end = _continues(rows, 0, cols)
        if end:
            emit(cols, None, 0, end, carried.cells)
            i = carry_on(carried.cells, cols, end)
        else:
            end = _cut_tail(rows, carried.cols)
            if end:
                tables.append(_tail_table(page_number, carried.cols, rows[:end]))
                last = (carried.cells, end, carried.cols)
                i = end
    while i < len(rows):
        found = _header_at(rows, i)
        if found is None:
            i += 1
            continue
        cells, start = found
        cols = _fit(cells, rows, start)
        end = _body(rows, start, cols)
        emit(cols, rows[i:start], start, end, cells)
        i = carry_on(cells, cols, max(end, start))
    cells, end, cols = last
    tail = rows[end:] if end >= 0 else rows
    runs_on = Carried(cells, cols) if cells is not None and all(_furniture(r) for r in tail) else None
    return tables or None, runs_on


def _header_columns(cells) -> Columns:
    """Columns straight from the header's cells: their left edges divide them."""
    return Columns([c[0] - 1.0 for c in cells[1:]], cells[0][0] - 1.0, cells[-1][1] + 1.0)


MAX_TAIL_LINES = 8


def _cut_tail(rows: list[Row], cols: Columns) -> int:
    """Index after the lines opening a page that finish the last row of the
    table the page before ran off: a few lines that keep to its columns, up to
    a heading, a header or the end of the page. Too few cells are filled for
    the gutters to be measured here, so the columns measured on the page
    before place them."""
    for end, row in enumerate(rows):
        if end and (_furniture(row) or _heading(row, cols) or _header_at(rows, end) is not None):
            return end
        if end == MAX_TAIL_LINES or cols.crossed(row) or row.words[0].x0 < cols.left - 3.0:
            return 0  # prose across the columns, or too long for a cut row: the table had ended
    return len(rows)


def _tail_table(page_number: int, cols: Columns, lines: list[Row]) -> Table:
    """The cut row's bottom half as a one-row table."""
    per_col = [[] for _ in range(cols.n)]
    for line in lines:
        for c, ws in enumerate(_cells_of(line, cols)):
            if ws:
                per_col[c].append(" ".join(w.text for w in ws))
    top, bottom = min(r.top for r in lines), max(r.bottom for r in lines)
    cells = [Cell(text="\n".join(t), bbox=(*cols.edges(c)[:1], top, cols.edges(c)[1], bottom), row=0, col=c)
             for c, t in enumerate(per_col)]
    if not any(c.text.strip() for c in cells[:cols.lead]):
        for c in cells[:cols.lead]:
            c.continued = True
    return Table(page=page_number, bbox=(cols.left, top, cols.right, bottom), rows=[cells], ruled=False)


def _fit(cells, rows: list[Row], start: int, loose: bool = False) -> Columns | None:
    """Columns under header ``cells`` measured on the lines from ``start``.

    Gutters are measured on the lines that keep clear of the headings' left
    edges (a left-aligned header's columns), so that a table set again below
    with other widths does not blur them; under centred headings no line
    does, and the lines up to the next heading are used, prose included: it
    covers every x alike, so the gutters stay lowest.
    """
    provisional = _header_columns(cells)
    stop = _section_end(rows, start, provisional)
    clear = _body(rows, start, provisional)
    if loose:
        # Two settings of the table may follow each other with no gutter
        # common to both: measure on fewer lines until one setting is left.
        n = stop - start
        cols = None
        while n >= 1 and cols is None:
            cols = _columns_from_header(cells, rows[start:start + n], loose=True)
            n //= 2
        if cols is None:
            return None
        clear = _body(rows, start, cols)
        cols = _columns_from_header(cells, rows[start:clear] if clear > start else rows[start:stop], loose=True)
        if cols is None:
            return None
    else:
        cols = _columns_from_header(cells, rows[start:clear] if clear > start else rows[start:stop])
    return _split_ids(cols, rows[start:_body(rows, start, cols)])


def _section_end(rows: list[Row], start: int, cols: Columns) -> int:
    """Index of the next header or section heading from ``start`` (or the page's end)."""
    stop = start
    while stop < len(rows) and _header_at(rows, stop) is None and not _heading(rows[stop], cols):
        stop += 1
    return stop


def _by_order(cells, rows: list[Row], start: int) -> Columns | None:
    """Columns of a table set again with no header at widths that stray past its headings:
    its own gutters, one fewer than the headings, taken in order. An action number set
    apart under the first heading adds one gutter, which ``_split_ids`` then reads."""
    provisional = _header_columns(cells)
    stop = _section_end(rows, start, provisional)
    body = rows[start:stop]
    if len(body) < 2:
        return None
    lo = min(w.x0 for r in body for w in r.words)
    hi = max(w.x1 for r in body for w in r.words)
    step = 0.5
    cover = _coverage(body, lo, hi, step)
    runs = [(a, b) for a, b in _runs(cover, 0) if a > 0 and b < len(cover) and (b - a) * step >= GUTTER]
    bounds = [lo + step * (a + b - 1) / 2 for a, b in runs]
    if len(bounds) == len(cells):  # the first gutter may set the action numbers apart
        ids = [w for r in body for w in r.words if w.centre < bounds[0]]
        if not ids or not all(_ID.match(w.text) or _ANY_NUMBER.fullmatch(w.text) for w in ids):
            return None
        bounds = bounds[1:]
    if len(bounds) != len(cells) - 1:
        return None
    cols = Columns(bounds, lo - 1.0, hi + 1.0)
    return _split_ids(cols, rows[start:_body(rows, start, cols)])


def _furniture(row: Row) -> bool:
    return len(row.words) <= 4 and is_page_furniture(row.text)


def _heading(row: Row, cols: Columns) -> bool:
    """A section label ("RECOMMENDATION:", "OUTCOMES:") at the table's left edge."""
    return row.words[0].x0 < cols.left + 3.0 and (
        recommendation_heading(row.text, row.bold) is not None or list_heading(row.text, row.bold) is not None)
