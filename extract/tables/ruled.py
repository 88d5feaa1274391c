"""Tables drawn with rules: cells from the rules' crossings, merged cells as spans.

pdfplumber's "lines" strategy finds the cell rectangles; a merged cell is one
rectangle over several grid positions, so its span is the number of distinct
rule positions it covers. Rules that only close a grid cut by a page break are
supplied as the page model does (``pdf._open_ends``).

What the rules alone get wrong is decided here, from the text they enclose:
gridlines of a chart enclose (almost) no text; a frame with rules only under
the header and above the total encloses rows whose cells are still set apart
by white gutters, so its region goes to the unruled reader instead.
"""
from __future__ import annotations

from bisect import bisect_right

from ..pdf import TABLE_SETTINGS, _open_ends
from .grid import GridCell, GridTable
from .settings import SETTINGS
from .words import TWord, inside, join_lines


def _snap(values: list[float], tol: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def _index(points: list[float], v: float) -> int:
    return min(range(len(points)), key=lambda i: abs(points[i] - v))


GRADIENT_SLICE = 6.0  # points: a filled band this thin, stacked on others, is a slice of a gradient
GRADIENT_RUN = 5      # ... when at least this many touch one another


def _gradient_slices(rects) -> set[int]:
    """ids of the thin filled bands a colour gradient is drawn with.

    Generators draw a gradient fill as a stack of thin rectangles of one width
    touching one another; their edges are not rules, and as rules they would
    cut the cell they shade into dozens of rows.
    """
    thin = [r for r in rects if r.get("fill") and not r.get("stroke") and r["bottom"] - r["top"] < GRADIENT_SLICE]
    stacks: dict[tuple, list] = {}
    for r in thin:
        stacks.setdefault((round(r["x0"]), round(r["x1"])), []).append(r)
    out: set[int] = set()
    for stack in stacks.values():
        stack.sort(key=lambda r: r["top"])
        run = [stack[0]]
        for r in stack[1:] + [None]:
            if r is not None and abs(r["top"] - run[-1]["bottom"]) <= 0.6:
                run.append(r)
                continue
            if len(run) >= GRADIENT_RUN and len({str(x.get("non_stroking_color")) for x in run}) >= 3:
                out.update(id(x) for x in run)  # one colour shading into another
            run = [r] if r is not None else []
    return out


def found_tables(page):
    slices = _gradient_slices(page.rects) if len(page.rects) >= GRADIENT_RUN else set()
    if slices:
        page = page.filter(lambda obj: id(obj) not in slices)
    closing = _open_ends(page.edges)
    settings = {**TABLE_SETTINGS, "explicit_horizontal_lines": closing} if closing else TABLE_SETTINGS
    return page.find_tables(settings)


def grid_of(found, words: list[TWord], page_number: int, s=SETTINGS) -> GridTable | None:
    """One found table as a grid with spans; None for gridlines holding no text."""
    rects = [tuple(c) for c in found.cells]
    if not rects:
        return None
    xs = _snap([v for r in rects for v in (r[0], r[2])], s.snap)
    ys = _snap([v for r in rects for v in (r[1], r[3])], s.snap)
    inner = [w for w in words if inside(w, found.bbox)]
    cells = []
    owner: dict[tuple[int, int], int] = {}
    for r in rects:
        c0, c1 = _index(xs, r[0]), _index(xs, r[2])
        r0, r1 = _index(ys, r[1]), _index(ys, r[3])
        if c1 <= c0 or r1 <= r0:
            continue
        for i in range(r0, r1):
            for k in range(c0, c1):
                owner[(i, k)] = len(cells)
        cells.append(GridCell(row=r0, col=c0, text="", bbox=r, rowspan=r1 - r0, colspan=c1 - c0))
    # Each word to the cell over its centre, found by grid position (one pass over the words).
    mine: list[list[TWord]] = [[] for _ in cells]
    for w in inner:
        k = owner.get((bisect_right(ys, w.cy) - 1, bisect_right(xs, w.cx) - 1))
        if k is not None:
            mine[k].append(w)
    for c, ws in zip(cells, mine):
        c.text = join_lines(ws)
    if not cells:
        return None
    cells = _split_spans(cells, xs, inner, s)
    _drop_empty_lines(cells)
    filled = sum(bool(c.text.strip()) for c in cells)
    if filled == 0 or (len(cells) > 4 and filled < s.min_filled_share * len(cells)):
        return None  # chart gridlines, a drawn frame
    table = GridTable(page=page_number, bbox=tuple(found.bbox), cells=cells, ruled=True, reader="ruled")
    if table.n_rows * table.n_cols <= 1:
        return None  # a box round a paragraph
    _caption_row(table)
    return table


def _caption_row(table: GridTable) -> None:
    """A first row of one cell across the whole grid, above a table of several columns, is its caption."""
    rows = table.n_rows
    first = [c for c in table.cells if c.row == 0]
    if rows < 3 or table.n_cols < 2 or len(first) != 1 or first[0].colspan != table.n_cols or \
            first[0].rowspan != 1 or not first[0].text.strip():
        return
    table.title = first[0].text.replace("\n", " ")
    table.cells = [c for c in table.cells if c.row > 0]
    while table.cells and all(not c.text.strip() for c in table.cells if c.row == min(x.row for x in table.cells)):
        top = min(x.row for x in table.cells)
        if any(c.row == top and c.rowspan > 1 for c in table.cells):
            break
        table.cells = [c for c in table.cells if c.row > top]
    shift = min(c.row for c in table.cells)
    for c in table.cells:
        c.row -= shift
    table.bbox = (table.bbox[0], min(c.bbox[1] for c in table.cells), table.bbox[2], table.bbox[3])


def _split_spans(cells: list[GridCell], xs: list[float], words: list[TWord], s=SETTINGS) -> list[GridCell]:
    """A merged cell whose text stands in separate runs, each inside one grid column, is those cells.

    A header left unruled over two body columns ("Directorate  Dir") is drawn
    as one cell but read as two headings; a heading across the columns runs
    across them and stays merged.
    """
    from .unruled import segments
    from .words import lines_of

    out = []
    for c in cells:
        if c.colspan < 2 or not c.text.strip():
            out.append(c)
            continue
        mine = [w for w in words if inside(w, c.bbox, 0.0)]
        per: dict[int, list[TWord]] = {}
        ok = True
        for ln in lines_of(mine):
            for seg in segments(ln, s):
                cols = {k for k in range(c.col, c.col + c.colspan) if seg[0].x0 >= xs[k] - 0.5
                        and seg[-1].x1 <= xs[k + 1] + 0.5}
                if len(cols) != 1:
                    ok = False
                    break
                per.setdefault(cols.pop(), []).extend(seg)
            if not ok:
                break
        if not ok or len(per) < 2:
            out.append(c)
            continue
        for k in range(c.col, c.col + c.colspan):
            box = (xs[k], c.bbox[1], xs[k + 1], c.bbox[3])
            out.append(GridCell(row=c.row, col=k, text=join_lines(per.get(k, [])), bbox=box, rowspan=c.rowspan))
    return out


def _drop_empty_lines(cells: list[GridCell]) -> None:
    """Renumber rows and columns so that no grid line is left that starts no cell.

    Double rules and cell borders drawn a hair apart leave grid positions that
    only merged cells cross; they are not rows or columns of the table.
    """
    for key, span in (("row", "rowspan"), ("col", "colspan")):
        starts = sorted({getattr(c, key) for c in cells})
        ends = sorted({getattr(c, key) + getattr(c, span) for c in cells})
        keep = sorted(set(starts) | set(ends))
        remap = {v: i for i, v in enumerate(keep)}
        for c in cells:
            a, b = getattr(c, key), getattr(c, key) + getattr(c, span)
            setattr(c, key, remap[a])
            setattr(c, span, max(1, remap[b] - remap[a]))


def hides_columns(table: GridTable, words: list[TWord], gutters_of) -> bool:
    """Whether the rules are only partial: body cells wide enough to hold a row still split by gutters.

    ``gutters_of(lines)`` is the unruled reader's gutter finder; a cell of one
    or two grid columns that spans most of the table and whose lines share a
    gutter holds columns the rules do not show.
    """
    if table.n_cols > 2:
        return False
    width = table.bbox[2] - table.bbox[0]
    wide = [c for c in table.cells if c.bbox and c.bbox[2] - c.bbox[0] > 0.45 * width]
    for c in wide:
        inner = [w for w in words if inside(w, c.bbox, 0.0)]
        if inner and gutters_of(inner):
            return True
    return False
