"""Tables set without rules, read from where their words stand.

A column keeps its words between white gutters that run down the whole table,
while a paragraph's word spaces fall anywhere. A table is found as a run of
lines that have cells set apart by wide gaps; its gutters are the x ranges no
word of those lines covers (a few lines may run across them: a section row,
a spanning header, a total). Lines that cross a gutter and hold one piece of
text are spanning rows inside the table, or its title and the prose around it
outside. Two columns are enough, if enough lines fill both.

Rows are told from wrapped lines by three signs, because rows may be spaced
(a gap between them) or set solid (lines at one pitch throughout):
- a pitch clearly above the table's own line pitch starts a row;
- in a table whose rows are not spaced, a new entry in the key (first)
  column starts a row: text there that could not have been the end of the
  line above (it would have fitted on it, or it is a number) while no other
  column's text runs on from the line above;
- text that runs on (starts lower-case, or its first word would not have
  fitted at the end of the line above in that column) never starts one.
"""
from __future__ import annotations

import re
from statistics import median

from ..textform import BULLET_CHARS
from .grid import GridCell, GridTable
from .settings import SETTINGS
from .words import TWord, lines_of

_NUMBER = re.compile(r"^[(\-–+£$€]?\d[\d,.]*%?\)?[a-zA-Z]{0,2}$|^[-–]$")
STEP = 0.5  # resolution of the coverage profile, points


def _size(line: list[TWord]) -> float:
    return median(w.size for w in line) if line else 0.0


def segments(line: list[TWord], s=SETTINGS) -> list[list[TWord]]:
    """A line's runs of words closer than a cell gap."""
    gap = max(s.cell_gap_min, s.cell_gap_em * _size(line))
    out: list[list[TWord]] = []
    for w in line:
        if out and w.x0 - out[-1][-1].x1 < gap:
            out[-1].append(w)
        else:
            out.append([w])
    return out


def gutters(lines: list[list[TWord]], s=SETTINGS, tolerate: int | None = None) -> list[tuple[float, float]]:
    """Clear x ranges inside the lines' extent, each with text on both sides on two lines or more.

    ``tolerate`` lines may cover a gutter (default: the outlier share).
    """
    words = [w for ln in lines for w in ln]
    if not words:
        return []
    lo, hi = min(w.x0 for w in words), max(w.x1 for w in words)
    n = int((hi - lo) / STEP) + 1
    cover = [0] * (n + 1)
    for ln in lines:
        marks = set()
        for w in ln:
            marks.update(range(max(0, int((w.x0 - lo) / STEP) + 1), min(n, int((w.x1 - lo) / STEP)) + 1))
        for k in marks:
            cover[k] += 1
    level = int(s.outlier_share * len(lines)) if tolerate is None else tolerate
    em = median(w.size for w in words)
    width, narrow = s.gutter_em * em, s.narrow_gutter_em * em
    out, start = [], None
    for k in range(n + 2):
        free = k <= n and cover[k] <= level
        if free and start is None:
            start = k
        elif not free and start is not None:
            a, b = lo + start * STEP, lo + k * STEP
            if start > 0 and k <= n and b - a >= max(narrow, 2.0):
                out.append((a, b))
            start = None
    # A gutter needs text on both sides on several lines, or it is a ragged margin;
    # one hardly wider than a word space must part text on many lines.
    # A narrow one is also edged by a column's aligned edge: figures flush right to
    # its left or text flush left to its right, not by a ragged run of word ends.
    good = []
    for a, b in out:
        both = sum(1 for ln in lines if any(w.x1 <= a + STEP for w in ln) and any(w.x0 >= b - STEP for w in ln))
        if both < 2:
            continue
        if b - a >= width:
            good.append((a, b))
            continue
        need = max(s.narrow_gutter_lines, 0.3 * len(lines))
        edged = sum(1 for ln in lines if any(a - s.edge_slack <= w.x1 <= a + STEP for w in ln)
                    or any(b - STEP <= w.x0 <= b + s.edge_slack for w in ln))
        if both >= need and edged >= need:
            good.append((a, b))
    return _own_columns(good, lines, lo, hi, s)


def _own_columns(gs, lines, lo: float, hi: float, s=SETTINGS):
    """Gutters that leave every column text of its own on two lines or more.

    Where a few long lines are tolerated across a column's ragged edge, the
    holes between their words can look like a gutter; the sliver of column
    beside it then holds no word of its own on a line that keeps to the
    columns. Of such a sliver's gutters, the one those long lines cross goes.
    """
    gs = list(gs)
    need = 2 if len(lines) >= s.sliver_min_lines else 1  # a header strip of two lines has columns of one
    while gs:
        edges = [lo - 1.0] + [x for g in gs for x in g] + [hi + 1.0]
        cols = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
        runs = [[piece for seg in segments(ln) for piece in _split_at_gutters(seg, gs)] for ln in lines]
        clean = [ln for ln, segs in zip(lines, runs) if not any(_crosses(seg, gs) for seg in segs)]
        thin = next((i for i, (a, b) in enumerate(cols)
                     if sum(1 for ln in clean if any(a - STEP <= w.x0 and w.x1 <= b + STEP for w in ln)) < need), None)
        if thin is None:
            break
        near = [k for k in (thin - 1, thin) if 0 <= k < len(gs)]
        # Of the sliver's two gutters, drop the one long lines run across (the hole in a ragged edge).
        crossed = {k: sum(1 for segs in runs if any(_crosses(seg, [gs[k]]) for seg in segs)) for k in near}
        gs.pop(max(near, key=lambda k: (crossed[k], -(gs[k][1] - gs[k][0]))))
    return gs


def _crosses(seg: list[TWord], gs) -> bool:
    return any(seg[0].x0 < a and seg[-1].x1 > b for a, b in gs)


def _line_crosses(line: list[TWord], gs) -> bool:
    return any(w.x0 < a - 0.5 and w.x1 > b + 0.5 for w in line for a, b in gs) or \
        any(_crosses(seg, gs) for seg in segments(line))


# --- finding table blocks -------------------------------------------------------

def _blocks(lines: list[list[TWord]], s=SETTINGS) -> list[list[list[TWord]]]:
    """Runs of lines near each other that hold at least ``min_rows`` multi-cell lines."""
    out, cur = [], []
    for ln in lines:
        if cur:
            h = max(1.0, median(w.bottom - w.top for w in cur[-1]))
            if ln[0].top - max(w.bottom for w in cur[-1]) > s.block_gap * h:
                out.append(cur)
                cur = []
        cur.append(ln)
    if cur:
        out.append(cur)
    return out


def _columns(gs, lines) -> list[tuple[float, float]]:
    words = [w for ln in lines for w in ln]
    lo, hi = min(w.x0 for w in words), max(w.x1 for w in words)
    edges = [lo] + [x for a, b in gs for x in (a, b)] + [hi]
    return [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]


def _col_of(cols, x: float) -> int:
    for i, (_, b) in enumerate(cols):
        if x < b:
            return i
    return len(cols) - 1


def _span_of(cols, seg: list[TWord]) -> tuple[int, int]:
    """First and last column a run of words reaches into."""
    x0, x1 = seg[0].x0, seg[-1].x1
    hit = [i for i, (a, b) in enumerate(cols) if x0 < b - 0.5 and x1 > a + 0.5]
    if not hit:
        c = _col_of(cols, (x0 + x1) / 2)
        return c, c
    return hit[0], hit[-1]


class _Cover:
    """How many lines cover each point of x (at 1 pt), added one line at a time."""

    def __init__(self, lo: float, hi: float):
        self.lo, self.n = lo, int(hi - lo) + 2
        self.cover = [0] * self.n
        self.lines = 0

    def add(self, line: list[TWord]) -> None:
        self.lines += 1
        marks = set()
        for w in line:
            marks.update(range(max(0, int(w.x0 - self.lo) + 1), min(self.n, int(w.x1 - self.lo))))
        for k in marks:
            self.cover[k] += 1

    def any_gutter(self, level: int, width: float) -> bool:
        run, seen = 0, False
        for v in self.cover:
            if v > 0:
                if seen and run >= width:
                    return True
                seen, run = True, 0
            elif v <= level:
                run += 1
            else:
                run = 0
        return False


def _table_cores(block: list[list[TWord]], s=SETTINGS):
    """(first, last) line indices of table cores in a block, with their gutters.

    A core starts at a line with two or more cells; lines are added while
    some gutter survives them (a few lines may cross it, as spanning rows);
    the core ends where further lines would wipe every gutter out.
    """
    multi = [len(segments(ln, s)) >= 2 for ln in block]
    words = [w for ln in block for w in ln]
    lo, hi = min(w.x0 for w in words), max(w.x1 for w in words)
    width = max(2.0, s.gutter_em * median(w.size for w in words))
    out = []
    i = 0
    while i < len(block):
        if not multi[i]:
            i += 1
            continue
        cover = _Cover(lo, hi)
        end = None
        for j in range(i, len(block)):
            cover.add(block[j])
            if not cover.any_gutter(int(s.outlier_share * cover.lines), width - 1.0):
                break
            if multi[j] and j > i:
                end = j + 1
        if end is None:
            i += 1
            continue
        taken = [ln for k, ln in enumerate(block[i:end]) if multi[i + k]]
        lo_t = min(w.x0 for ln in taken for w in ln) - 2.0
        hi_t = max(w.x1 for ln in taken for w in ln) + 2.0
        kept = [[w for w in ln if lo_t <= w.cx <= hi_t] for ln in block[i:end]]
        gs = gutters([ln for ln in kept if ln], s)
        if not gs:
            i += 1
            continue
        # Lines across the gutters at its foot are below the table (prose, notes).
        while end > i + 1 and _line_crosses(block[end - 1], gs) and not multi[end - 1]:
            end -= 1
        # A last cell's wrapped lines carry on below the last line of several cells.
        kept = kept[:end - i]
        while end < len(block) and not multi[end] and not _line_crosses(block[end], gs) and \
                _carries_on(block[end - 1], block[end], gs):
            kept.append([w for w in block[end] if lo_t <= w.cx <= hi_t])
            end += 1
        if len(taken) >= 2:
            out.append(([ln for ln in kept[:end - i] if ln], gs))
        i = end
    return out


def _carries_on(prev: list[TWord], line: list[TWord], gs) -> bool:
    """A line in one column whose text runs on from that column's text on the line above."""
    def col(w):
        return sum(w.cx > b for _, b in gs)
    cols = {col(w) for w in line}
    if len(cols) != 1:
        return False
    above = [w for w in prev if col(w) in cols]
    return bool(above) and _runs_on(above, line)


def _prose_columns(cols, lines, s=SETTINGS) -> bool:
    """Two page columns of running text, not a table: every column's lines are long."""
    if len(cols) != 2:
        return False
    counts = [[] for _ in cols]
    for ln in lines:
        for seg in segments(ln, s):
            a, b = _span_of(cols, seg)
            if a == b:
                counts[a].append(len(seg))
    return all(c and median(c) >= s.prose_words for c in counts)


# --- rows --------------------------------------------------------------------------

def _fits(prev: list[TWord], word: TWord, right: float) -> bool:
    """Would ``word`` have fitted at the end of the line above, in a column ending at ``right``?"""
    space = 0.28 * word.size
    return prev[-1].x1 + space + (word.x1 - word.x0) <= right + 1.0


_OPEN_END = (",", "-", "&", "/", "(")


def _runs_on(prev: list[TWord] | None, cur: list[TWord]) -> bool:
    """Text that carries on the line above: it starts in lower case, or the line above broke open."""
    if not prev or not cur:
        return False
    if _NUMBER.match(cur[0].text):
        return False
    return cur[0].text[:1].islower() or prev[-1].text.endswith(_OPEN_END)


def _fresh(prev: list[TWord] | None, cur: list[TWord], right: float) -> bool:
    """Text that cannot carry on the line above: none there, a number, or it would have fitted there."""
    if not prev:
        return True
    if _NUMBER.match(cur[0].text) or prev[-1].text.endswith((".", ":", ";")):
        return True
    return _fits(prev, cur[0], right) and not _runs_on(prev, cur)


def _rule_bands(lines: list[list[TWord]], rules: list[float]) -> list[int] | None:
    """Each line's band between the horizontal rules drawn across the table, or None without rules."""
    tops = [min(w.top for w in ln) for ln in lines]
    bottoms = [max(w.bottom for w in ln) for ln in lines]
    inner = sorted({round(y, 1) for y in rules if tops[0] < y < bottoms[-1]
                    and not any(t < y < b for t, b in zip(tops, bottoms))})
    if not inner:
        return None
    return [sum(y < t for y in inner) for t in tops]


def _split_at_gutters(seg: list[TWord], gs, s=SETTINGS) -> list[list[TWord]]:
    """A run of words cut where the space between two of them is wider than a word space and lies over a gutter.

    Numbers set flush right in one column come close to the text starting the
    next, closer than a cell gap; the gutter down the table still parts them.
    A heading across columns has only word spaces, so it stays whole.
    """
    out = [[seg[0]]]
    for a, b in zip(seg, seg[1:]):
        gap = b.x0 - a.x1
        if gap >= s.narrow_gutter_em * a.size and any(a.x1 <= g1 + 0.5 and b.x0 >= g0 - 0.5 for g0, g1 in gs):
            out.append([b])
        else:
            out[-1].append(b)
    return out


def _gaps_before(lines: list[list[TWord]], s=SETTINGS) -> list[bool]:
    """Per line: is the pitch from the line above clearly over the table's own line pitch?"""
    pitches = [b[0].top - a[0].top for a, b in zip(lines, lines[1:])]
    height = median(w.bottom - w.top for ln in lines for w in ln)
    tight = sorted(p for p in pitches if p >= 0.7 * height)[: max(1, len(pitches) // 4)]
    tight = tight[-1] if tight else height
    wide = tight + max(s.row_gap_min, s.row_gap_em * height)
    return [True] + [p > wide for p in pitches]


def _rows(lines: list[list[TWord]], cols, gs, s=SETTINGS, rules: list[float] = ()):
    """Lines grouped into rows, each a list of line indices, and each line's cells and spanning runs.

    Horizontal rules drawn across the table always end a row. Where they are
    drawn under most rows (no band between two rules holds a large share of
    the lines) they are the rows, and the text inside each band may be set at
    any height; where they only set off a header or a total, the rows between
    them are found from the lines.
    """
    cells_of = []
    for ln in lines:
        per = [[] for _ in cols]
        spans = []
        for seg in (piece for run in segments(ln, s) for piece in _split_at_gutters(run, gs, s)):
            a, b = _span_of(cols, seg)
            if a != b:
                spans.append((a, b, seg))
            else:
                per[a].extend(seg)
        cells_of.append((per, spans))
    rights = [max([w.x1 for per, _ in cells_of for w in per[c]] or [cols[c][1]]) for c in range(len(cols))]
    gap_before = _gaps_before(lines, s)
    # Per line: does its key-column text start a new entry, does any column run on?
    entry, runs = [False] * len(lines), [False] * len(lines)
    typical = median(sum(1 for c in per if c) for per, _ in cells_of)
    # The key column names the rows: the one with words (not figures) on the most lines, leftmost first.
    worded = [sum(1 for per, _ in cells_of if per[c] and not _NUMBER.match(per[c][0].text)) for c in range(len(cols))]
    kc = max(range(len(cols)), key=lambda c: (worded[c], -c)) if any(worded) else 0
    for k, (per, spans) in enumerate(cells_of):
        prev = cells_of[k - 1][0] if k else None
        runs[k] = any(per[c] and prev and _runs_on(prev[c], per[c]) for c in range(len(cols)))
        filled = sum(1 for c in per if c)
        key = bool(per[kc]) and not runs[k]
        if key and prev and prev[kc] and not _fresh(prev[kc], per[kc], rights[kc]) and filled == 1 < typical:
            key = False  # the key column's text wrapped on its own: the rest of the row is on the line above
        entry[k] = key
    restated = [False] + [_restates_figures(cells_of[k - 1][0], cells_of[k][0], kc) for k in range(1, len(lines))]
    gaps = sum(gap_before[1:])
    tight_entries = sum(1 for k in range(1, len(lines)) if entry[k] and not gap_before[k])
    spaced = gaps >= 1 and tight_entries <= s.spaced_share * gaps
    bands = _rule_bands(lines, list(rules)) if rules else None
    if bands is not None:
        sizes = [bands.count(b) for b in set(bands)]
        if len(sizes) >= 4 and max(sizes) <= s.band_share * len(lines):
            groups_by: dict[int, list[int]] = {}
            for k, b in enumerate(bands):
                groups_by.setdefault(b, []).append(k)
            return [groups_by[b] for b in sorted(groups_by)], cells_of
    groups: list[list[int]] = []
    for k in range(len(lines)):
        spanning = bool(cells_of[k][1])
        new = (k == 0 or gap_before[k] or spanning or (groups and cells_of[groups[-1][-1]][1])
               or (not spaced and (entry[k] or restated[k])) or (bands is not None and bands[k] != bands[k - 1]))
        if new:
            groups.append([k])
        else:
            groups[-1].append(k)
    return groups, cells_of


def _restates_figures(prev, cur, kc: int) -> bool:
    """Figures under figures in most of a line's figure columns: a new row, as a figure never wraps.

    The key column's text may start in lower case and so read as running on
    ("internal adjustments" under "Original budget"); the figures beside it
    say it is a row of its own.
    """
    cols = [c for c in range(len(cur)) if c != kc and cur[c] and _NUMBER.match(cur[c][0].text)]
    if not cols:
        return False
    under = sum(1 for c in cols if prev[c] and _NUMBER.match(prev[c][-1].text))
    return 2 * under > len(cols)


def _bold_rows(groups, cells_of) -> int:
    """Leading rows set all in bold above a body that is not: the header."""
    def bold(g):
        ws = [w for k in g for per in (cells_of[k][0],) for c in per for w in c] + \
             [w for k in g for _, _, seg in cells_of[k][1] for w in seg]
        return bool(ws) and all(w.bold for w in ws)
    n = 0
    while n < len(groups) - 1 and bold(groups[n]):
        n += 1
    return n if n < len(groups) and not all(bold(g) for g in groups) else 0


def _filled(cells_of, group) -> set[int]:
    return {c for k in group for c, ws in enumerate(cells_of[k][0]) if ws}


def _over_subheads(cells_of, upper, lower, s=SETTINGS) -> bool:
    """A header line of column-group headings over a line of sub-headings, not a heading wrapped onto two lines.

    Group headings ("2024", "2025") stand over several columns each, so the
    line holds far fewer cells than the line of sub-headings below it.
    """
    a, b = _filled(cells_of, upper), _filled(cells_of, lower)
    return len(b) >= 2 and len(a) <= s.group_head_share * len(b)


def _group_heads(cells_of, first, second, s=SETTINGS) -> bool:
    """A first line of a few worded headings over a fuller line: a two-level header in plain type."""
    words = [w for k in first for per in cells_of[k][0] for w in per]
    if not words or any(cells_of[k][1] for k in first) or any(_NUMBER.match(w.text) for w in words):
        return False
    return len(_filled(cells_of, first)) >= 2 and _over_subheads(cells_of, first, second, s)


def _span_headings(cells, n_head, cols, lines, cells_of, groups, rules, s=SETTINGS):
    """Header cells that head a group of columns get the group as their colspan.

    A group heading is centred over its columns or has a short rule drawn under
    it across them (a booktabs column rule); the columns of the group are empty
    in its row and filled in the header row below.
    """
    below_of = {r: _filled(cells_of, groups[r + 1]) for r in range(n_head - 1)}
    extent = []
    for c in range(len(cols)):
        ws = [w for k, ln in enumerate(lines) for w in cells_of[k][0][c]]
        extent.append((min(w.x0 for w in ws), max(w.x1 for w in ws)) if ws else cols[c])
    out = list(cells)
    for r in range(n_head - 1):
        row = {c.col: c for c in out if c.row == r}
        bottom = max(w.bottom for k in groups[r] for w in lines[k])
        below_top = min(w.top for k in groups[r + 1] for w in lines[k])
        for cell in sorted(row.values(), key=lambda c: c.col):
            if cell.colspan != 1 or not cell.text.strip() or cell.bbox is None:
                continue
            ws = [w for k in groups[r] for w in cells_of[k][0][cell.col]]
            if not ws:
                continue
            x0, x1 = min(w.x0 for w in ws), max(w.x1 for w in ws)
            mid, tol = (x0 + x1) / 2, s.centre_tol_em * median(w.size for w in ws)
            ruled = [(a, b) for y, a, b in rules if bottom - 1 <= y <= below_top + 1 and a <= mid <= b]
            best = None
            for a in range(cell.col, -1, -1):
                if a != cell.col and (row.get(a) is None or row[a].text.strip() or row[a].colspan != 1):
                    break
                for b in range(cell.col, len(cols)):
                    if b != cell.col and (row.get(b) is None or row[b].text.strip() or row[b].colspan != 1):
                        break
                    if b == a or a not in below_of[r] or b not in below_of[r]:
                        continue
                    lo, hi = extent[a][0], extent[b][1]
                    if ruled:
                        ra, rb = ruled[0]
                        fits = all(ra - tol <= (extent[c][0] + extent[c][1]) / 2 <= rb + tol for c in range(a, b + 1)) \
                            and not any(ra <= (extent[c][0] + extent[c][1]) / 2 <= rb for c in (a - 1, b + 1)
                                        if 0 <= c < len(cols))
                    else:
                        fits = abs(mid - (lo + hi) / 2) <= tol and lo - tol <= x0 and x1 <= hi + tol
                    if fits and (best is None or b - a > best[1] - best[0]):
                        best = (a, b)
            if best:
                a, b = best
                out = [c for c in out if not (c.row == r and a <= c.col <= b and c is not cell)]
                cell.col, cell.colspan = a, b - a + 1
                cell.bbox = (cols[a][0], cell.bbox[1], cols[b][1], cell.bbox[3])
                row = {c.col: c for c in out if c.row == r}
    return out


def table_from_lines(lines, gs, page_number: int, reader: str = "words", ruled: bool = False,
                     s=SETTINGS, rules: list[float] = ()) -> GridTable | None:
    cols = _columns(gs, lines)
    words = [w for ln in lines for w in ln]
    x0, x1 = min(w.x0 for w in words), max(w.x1 for w in words)
    across = [y for y, a, b in rules if a <= x0 + 0.4 * (x1 - x0) and b >= x1 - 0.4 * (x1 - x0)]
    groups, cells_of = _rows(lines, cols, gs, s, across)
    # Header lines set in bold are one header row, however many lines they wrap to.
    n_head = _bold_rows(groups, cells_of)
    bands = _rule_bands(lines, across) if across else None
    if not n_head and bands is not None and len(set(bands)) > 1 and 0 < bands[-1]:
        # Header lines in plain type: the rows above the first rule across the table, if only a few.
        first = sum(1 for g in groups if bands[g[0]] == bands[0])
        n_head = first if first <= s.max_header_rows and first < len(groups) - 1 else 0
    if not n_head and len(groups) > 3 and _group_heads(cells_of, groups[0], groups[1], s):
        n_head = 2
    if n_head and bands is not None and len(set(bands)) > 1:
        # A rule drawn across the table under the header ends it: bold rows below it are body (a total).
        n_head = min(n_head, sum(1 for g in groups if bands[g[0]] == bands[0])) or n_head
    if n_head > 1 and not any(cells_of[k][1] for g in groups[:n_head] for k in g):
        # Without a rule under the header, a bold line after a gap is the body's first (a section heading).
        gap_before = _gaps_before(lines, s) if bands is None or len(set(bands)) == 1 else [False] * len(lines)
        heads = [list(groups[0])]
        for k in range(1, n_head):
            g = groups[k]
            if gap_before[g[0]]:
                n_head = k
                break
            if _over_subheads(cells_of, heads[-1], g, s):
                heads.append(list(g))
            else:
                heads[-1].extend(g)
        groups = heads + groups[n_head:]
        n_head = len(heads)
    cells = []
    for r, g in enumerate(groups):
        per = [[] for _ in cols]
        spans = []
        for k in g:
            for c in range(len(cols)):
                if cells_of[k][0][c]:
                    per[c].append(cells_of[k][0][c])
            spans.extend(cells_of[k][1])
        top = min(w.top for k in g for w in lines[k])
        bottom = max(w.bottom for k in g for w in lines[k])
        covered = set()
        for a, b, seg in spans:
            cells.append(GridCell(row=r, col=a, colspan=b - a + 1, text=" ".join(w.text for w in seg),
                                  bbox=(cols[a][0], top, cols[b][1], bottom)))
            covered.update(range(a, b + 1))
        for c in range(len(cols)):
            if c in covered:
                continue
            text = "\n".join(" ".join(w.text for w in part) for part in per[c])
            cells.append(GridCell(row=r, col=c, text=text, bbox=(cols[c][0], top, cols[c][1], bottom)))
    if n_head > 1:
        cells = _span_headings(cells, n_head, cols, lines, cells_of, groups, rules, s)
    words = [w for ln in lines for w in ln]
    bbox = (min(w.x0 for w in words), min(w.top for w in words), max(w.x1 for w in words),
            max(w.bottom for w in words))
    return GridTable(page=page_number, bbox=bbox, cells=cells, ruled=ruled, reader=reader, header_rows=n_head)


def _enough(table: GridTable, s=SETTINGS) -> bool:
    full = 0
    for r in range(table.n_rows):
        if sum(1 for c in table.cells if c.row == r and c.text.strip() and c.colspan == 1) >= 2:
            full += 1
    need = s.min_rows_two_cols if table.n_cols == 2 else s.min_rows
    return table.n_cols >= 2 and full >= need


_LABEL = re.compile(rf"^(?:[{BULLET_CHARS}o\-–*]|\(cid:\d+\)|\(?[0-9]{{1,3}}[.)]?|\(?[a-zA-Z][.)]|\(?[ivx]+[.)])$")


def _list_margin(table: GridTable) -> bool:
    """A list set with a hanging indent: a first column holding only bullets or item labels."""
    first = [c.text.strip() for c in table.cells if c.col == 0 and c.colspan == 1 and c.text.strip()]
    return bool(first) and all(_LABEL.match(ln) for t in first for ln in t.splitlines())


def _prose_body(table: GridTable, s=SETTINGS) -> bool:
    """Two columns, one of running text over most of the width: labelled paragraphs, not a table."""
    if table.n_cols != 2:
        return False
    width = table.bbox[2] - table.bbox[0]
    for col in (0, 1):
        cells = [c for c in table.cells if c.col == col and c.colspan == 1 and c.text.strip()]
        lines = [ln for c in cells for ln in c.text.splitlines()]
        boxes = [c.bbox for c in cells if c.bbox]
        if lines and boxes and median(len(ln.split()) for ln in lines) >= s.prose_words and \
                max(b[2] for b in boxes) - min(b[0] for b in boxes) > 0.55 * width:
            return True
    return False


def _running_text(lines: list[list[TWord]], s=SETTINGS) -> bool:
    """A column of running text: most of its lines are long runs of words, as a table's cells seldom are.

    Runs are counted between cell gaps, so two table columns read as one are not taken for a line of prose.
    """
    long = sum(1 for ln in lines if max(len(seg) for seg in segments(ln, s)) >= s.column_prose_words)
    return long >= s.column_prose_lines and long >= s.column_prose_share * len(lines)


def _beside(text: list[list[TWord]], other: list[list[TWord]], s=SETTINGS) -> bool:
    """Is a column of running text set beside the lines on the gutter's other side, not a column of their table?

    It is a column of their table when their lines carry on across the gutter
    with figures or short cells rather than prose, when it opens with a short
    heading on the line of theirs, or when its paragraphs start on the lines
    where theirs do (a new row), as a table's wrapped text cells do.
    """
    if not other:
        return True
    tops = {round(ln[0].top, 1): ln for ln in text}

    def same_line(ln):
        return next((t for y, t in tops.items() if abs(y - ln[0].top) <= s.baseline_tol), None)
    across = [same_line(ln) for ln in other]
    short = sum(1 for t in across if t is not None and max(len(g) for g in segments(t, s)) < s.column_prose_words)
    if short > s.carry_share * len(other):
        return False
    head = text[0]
    if max(len(g) for g in segments(head, s)) < s.column_prose_words and \
            any(abs(ln[0].top - head[0].top) <= s.baseline_tol for ln in other):
        return False  # its first line is a column heading on the line of the others' headings
    pitches = [b[0].top - a[0].top for a, b in zip(text, text[1:])]
    if not pitches:
        return True
    usual = median(pitches)
    starts = [b for a, b in zip(text, text[1:]) if b[0].top - a[0].top > s.paragraph_gap * usual]
    ys: list[float] = []
    for y in sorted(ln[0].top for ln in other):
        if not ys or y - ys[-1] > s.baseline_tol:
            ys.append(y)
    gaps = [b - a for a, b in zip(ys, ys[1:])]
    # The others' own starts (after a gap of theirs): every line of a column of prose would match anything.
    other_tops = [ys[0]] + ([b for a, b in zip(ys, ys[1:]) if b - a > s.paragraph_gap * median(gaps)] if gaps else [])
    aligned = sum(1 for ln in starts if any(abs(ln[0].top - y) <= s.baseline_tol for y in other_tops))
    return not (len(starts) >= 2 and aligned > s.carry_share * len(starts))


def page_columns(words: list[TWord], s=SETTINGS) -> list[list[TWord]]:
    """The words cut into page columns at the gutters that have running text beside them.

    On a two-column page, or with a table set beside a paragraph, the lines of
    both sides share baselines, so the page's lines would read as one wide
    table with a column of prose. A gutter down the page with a column of
    running text on either side is a page margin, not a column rule; each side
    is then read on its own. A table's gutters have short cells on both sides.
    """
    lines = lines_of(words)
    if sum(1 for ln in lines if len(segments(ln, s)) >= 2) < s.column_prose_lines:
        return [words]  # too few lines with white space between runs of words to hold two page columns
    gs = gutters(lines, s)
    if not gs:
        return [words]
    cols = _columns(gs, lines)
    prose, col_lines = [], []
    within = [ln for ln in lines if not _line_crosses(ln, gs)]
    for a, b in cols:
        inner = [[w for w in ln if a - 0.5 <= w.cx <= b + 0.5] for ln in within]
        col_lines.append([ln for ln in inner if ln])
        prose.append(_running_text(col_lines[-1], s))
    cuts = []
    for i, (a, b) in enumerate(gs):
        if prose[i] and prose[i + 1]:
            cuts.append((a + b) / 2)  # running text on both sides: two page columns
        elif prose[i] or prose[i + 1]:
            text, other = (i, range(i + 1, len(cols))) if prose[i] else (i + 1, range(0, i + 1))
            if _beside(col_lines[text], [ln for c in other for ln in col_lines[c]], s):
                cuts.append((a + b) / 2)
    if not cuts:
        return [words]
    parts: list[list[TWord]] = [[] for _ in range(len(cuts) + 1)]
    for w in words:
        parts[sum(w.cx > x for x in cuts)].append(w)
    return [part for part in parts if part]


def unruled_tables(words: list[TWord], page_number: int, s=SETTINGS, rules=()) -> list[GridTable]:
    parts = page_columns(words, s)
    found = [_part_tables(part, page_number, s, rules) for part in parts]
    out = [t for ts in found for t in ts]
    if len(parts) > 1:
        out = _rejoin(out, words, page_number, s, rules)
    return out


def _row_tops(t: GridTable) -> list[float]:
    return sorted({round(c.bbox[1], 1) for c in t.cells if c.bbox and c.text.strip()})


def _rejoin(tables: list[GridTable], words: list[TWord], page_number: int, s=SETTINGS, rules=()):
    """Tables cut apart by a page-column gutter, joined again where their rows share baselines.

    A table set across the full width of a two-column page is cut in two by
    the gutter between the page's columns; its halves sit side by side with
    their rows on the same lines, which two tables in two page columns seldom
    do for all their rows.
    """
    tables = sorted(tables, key=lambda t: t.bbox[0])
    changed = True
    while changed:
        changed = False
        for a in tables:
            for b in tables:
                if a is b or b.bbox[0] < a.bbox[2]:
                    continue
                ta, tb = _row_tops(a), _row_tops(b)
                shared = sum(1 for y in ta if any(abs(y - z) <= s.baseline_tol for z in tb))
                if shared < s.rejoin_share * max(len(ta), len(tb)):
                    continue
                top, bottom = min(a.bbox[1], b.bbox[1]), max(a.bbox[3], b.bbox[3])
                region = [w for w in words if a.bbox[0] - 0.5 <= w.cx <= b.bbox[2] + 0.5
                          and top - 0.5 <= w.cy <= bottom + 0.5]
                cores = _table_cores(lines_of(region), s)
                if not cores:
                    continue
                lines, gs = max(cores, key=lambda c: len(c[0]))
                joined = table_from_lines(lines, gs, page_number, s=s, rules=rules)
                if joined is None or joined.n_cols < a.n_cols + b.n_cols - 1:
                    continue
                tables = [t for t in tables if t is not a and t is not b] + [joined]
                changed = True
                break
            if changed:
                break
    return tables


def _part_tables(words: list[TWord], page_number: int, s=SETTINGS, rules=()) -> list[GridTable]:
    out = []
    for block in _blocks(lines_of(words), s):
        for lines, gs in _table_cores(block, s):
            cols = _columns(gs, lines)
            if _prose_columns(cols, lines, s):
                continue
            t = table_from_lines(lines, gs, page_number, s=s, rules=rules)
            if t is not None and _enough(t, s) and not _list_margin(t) and not _prose_body(t, s):
                out.append(t)
    return out
