"""Tables drawn without ruling lines.

pdfplumber's "lines" strategy finds nothing on such a page. Plan tables are
read from word positions under their header (see ``columns``): fast, and
right on pages that mix prose with tables, where a general table finder
draws columns that later rows cross. Other tables (no known header) fall
back to camelot's stream flavour, which is slow (a few pages a second), so
it is only asked when a cheap test says the page looks tabular: several
lines whose word groups start at the same x positions. If camelot is
unavailable or fails, the same word groups are clustered into columns.
"""
from __future__ import annotations

import logging
import re
import warnings
from collections import Counter

from .columns import header_tables
from .model import Cell, Table
from .textform import BULLET

log = logging.getLogger(__name__)

GAP = 12.0  # points of white space that separate two cells on one line
SNAP = 4.0  # column starts this close are the same column
MIN_ROWS = 4
MIN_COLS = 3


def _segments(page):
    """Lines of the page as lists of word groups [(x0, x1, top, bottom, text)]."""
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) < 2.5:
            lines[-1].append(w)
        else:
            lines.append([w])
    out = []
    for line in lines:
        line.sort(key=lambda w: w["x0"])
        segs = []
        for w in line:
            if segs and w["x0"] - segs[-1][1] < GAP:
                x0, _, top, bottom, text = segs[-1]
                segs[-1] = (x0, w["x1"], min(top, w["top"]), max(bottom, w["bottom"]), f"{text} {w['text']}")
            else:
                segs.append((w["x0"], w["x1"], w["top"], w["bottom"], w["text"]))
        out.append(segs)
    return out


def _column_starts(lines) -> list[float]:
    """x positions where word groups start on at least MIN_ROWS multi-group lines."""
    counts: Counter = Counter()
    for segs in lines:
        if len(segs) >= 2:
            for s in segs:
                counts[round(s[0] / SNAP)] += 1
    starts = sorted(k * SNAP for k, n in counts.items() if n >= MIN_ROWS)
    merged: list[float] = []
    for x in starts:
        if not merged or x - merged[-1] > SNAP * 1.5:
            merged.append(x)
    return merged


def looks_tabular(page) -> bool:
    """Cheap test: enough multi-group lines sharing enough column starts."""
    try:
        lines = _segments(page)
    except Exception:  # a damaged page is the caller's problem, not ours
        return False
    multi = [s for s in lines if len(s) >= MIN_COLS]
    return len(multi) >= MIN_ROWS and len(_column_starts(lines)) >= MIN_COLS


def borderless_tables(path, page, page_number: int, carried=None):
    """A plan table is known by its header (or carried on from the page before); others by camelot.

    Returns (tables, header carried to the next page); see ``columns.header_tables``.
    """
    found, runs_on = header_tables(page, page_number, carried)
    if found is not None:
        return found, runs_on
    if not looks_tabular(page):
        return [], None
    # camelot reads the file's own text layer, which an OCR'd page does not have
    tables = None if getattr(page, "ocr", None) else _camelot_tables(path, page, page_number)
    if tables is None:
        tables = _clustered_tables(page, page_number)
    return [t for t in tables if not _bulleted_list(t)], None


LIST_SHARE = 0.5  # a first column whose lines are mostly bare bullets is a list's margin
_GLYPHS_ONLY = re.compile(rf"^(?:\s*{BULLET})+\s*$")


def _bulleted_list(table: Table) -> bool:
    """A list set with a hanging indent: its bullets line up as a column of their own,
    which is all a column finder sees; a table's first column holds words. A heading
    or two caught in the same band does not make it a table."""
    first = [ln for r in table.rows if r for ln in r[0].text.splitlines() if ln.strip()]
    return bool(first) and sum(bool(_GLYPHS_ONLY.match(ln)) for ln in first) >= LIST_SHARE * len(first)


def _camelot_tables(path, page, page_number: int):
    try:
        import camelot  # slow import; only paid for tabular-looking pages
    except Exception:
        return None
    try:
        with warnings.catch_warnings():
            # camelot warns for every text area it finds no table in, i.e. for
            # each paragraph of a page that also holds a table.
            warnings.filterwarnings("ignore", message="No tables found", category=UserWarning)
            found = camelot.read_pdf(str(path), pages=str(page_number), flavor="stream")
    except Exception as exc:  # camelot raises many types on odd pages
        log.debug("camelot failed on page %s: %s", page_number, exc)
        return None
    height = float(page.height)
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
    tables = []
    for t in found:
        bands = []
        for r, row in enumerate(t.cells):
            texts = [(cell.text or "").strip("\n") for cell in row]
            if not any(x.strip() for x in texts):
                continue
            top, bottom = height - t.rows[r][0], height - t.rows[r][1]
            inside = [w for w in words if top <= (w["top"] + w["bottom"]) / 2 <= bottom]
            bands.append({"texts": texts, "top": top, "bottom": bottom, "words": inside,
                          "prose": _spans_columns(inside, t.cols)})
        for piece in _pieces(bands):
            rows = [[Cell(text=x, bbox=(t.cols[c][0], b["top"], t.cols[c][1], b["bottom"]), row=r, col=c)
                     for c, x in enumerate(b["texts"])] for r, b in enumerate(piece)]
            if len(rows) < 2 or max(len(r) for r in rows) < 2:
                continue
            bbox = (t.cols[0][0], piece[0]["top"], t.cols[-1][1], piece[-1]["bottom"])
            tables.append(Table(page=page_number, bbox=bbox, rows=rows, ruled=False))
    return tables


def _spans_columns(words, cols) -> bool:
    """A line with a word across a column boundary is prose, not a row of cells.

    camelot's stream flavour puts every line in the table area into the
    table, headings and paragraphs between tables included; the boundaries
    it draws lie in the gutters that a real row's words never cross, while a
    line of prose runs across them.
    """
    inner = [c[1] for c in cols[:-1]]
    return any(w["x0"] + 1 < x < w["x1"] - 1 for w in words for x in inner)


def _pieces(bands):
    """camelot's one-row-per-line bands as tables of whole rows, cut at prose lines.

    A cell's wrapped lines sit closer together than the last line of one row
    and the first of the next (cells have padding), so a gap clearly wider
    than the tightest line spacing starts a new row (when all are alike, each
    line is a row); a line of prose also ends the table above it.
    """
    texted = [b for b in bands if b["words"]]
    gaps = sorted(max(0.0, min(w["top"] for w in b["words"]) - max(w["bottom"] for w in a["words"]))
                  for a, b in zip(texted, texted[1:]) if not a["prose"] and not b["prose"])
    tight = gaps[len(gaps) // 4] if gaps else 0.0
    if not gaps or gaps[-1] <= tight + 2.0:
        tight = -1.0  # evenly spaced: every line is its own row
    pieces: list[list[dict]] = []
    current: list[dict] = []
    prev = None
    for b in bands:
        if b["prose"] or not b["words"]:
            if current:
                pieces.append(current)
            current, prev = [], None
            continue
        gap = min(w["top"] for w in b["words"]) - max(w["bottom"] for w in prev["words"]) if prev else None
        if current and gap is not None and gap <= tight + 2.0:
            row = current[-1]
            row["texts"] = [f"{a}\n{x}".strip("\n") if x.strip() else a for a, x in zip(row["texts"], b["texts"])]
            row["bottom"], row["words"] = b["bottom"], row["words"] + b["words"]
        else:
            current.append(dict(b))
        prev = b
    if current:
        pieces.append(current)
    return [p for p in pieces if any(sum(1 for x in r["texts"] if x.strip()) >= 2 for r in p)]


def _clustered_tables(page, page_number: int) -> list[Table]:
    """One table from the lines that have groups at the shared column starts.

    A line whose first group starts right of the first column continues the
    row above (a wrapped cell), as it would in a ruled table.
    """
    lines = _segments(page)
    starts = _column_starts(lines)
    if len(starts) < MIN_COLS:
        return []

    def col_of(x):
        best = 0
        for i, s in enumerate(starts):
            if x >= s - SNAP * 1.5:
                best = i
        return best

    rows: list[list[list]] = []
    in_table = False
    for segs in lines:
        hits = sum(any(abs(s[0] - x) <= SNAP * 1.5 for x in starts) for s in segs)
        if hits < 2 and not (in_table and segs and col_of(segs[0][0]) > 0):
            if in_table and rows:
                break
            continue
        in_table = True
        new_row = col_of(segs[0][0]) == 0 or not rows
        if new_row:
            rows.append([[] for _ in starts])
        for s in segs:
            rows[-1][col_of(s[0])].append(s)
    if len(rows) < 2:
        return []
    out_rows = []
    for r, row in enumerate(rows):
        cells = []
        for c, segs in enumerate(row):
            bbox = (min(s[0] for s in segs), min(s[2] for s in segs), max(s[1] for s in segs), max(s[3] for s in segs)) if segs else None
            cells.append(Cell(text="\n".join(s[4] for s in segs), bbox=bbox, row=r, col=c))
        out_rows.append(cells)
    boxes = [c.bbox for r in out_rows for c in r if c.bbox]
    bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
    return [Table(page=page_number, bbox=bbox, rows=out_rows, ruled=False)]
