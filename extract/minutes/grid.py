"""Minutes set as a grid: one table row per minute (number | item | action).

Many boards minute in a ruled table instead of running text: the first column
holds the minute number ("TB24/031", "5.", "BM/24/12"), a wide column the item's
title on its first line and its paragraphs below, and a narrow column the action
owner. Such a table is recognised by its first column counting minute numbers,
and each row is turned back into the heading line and paragraph lines the
running-text reader already understands.
"""
from __future__ import annotations

import re
from plantrace.extract.model import Line
from plantrace.extract.textform import ends_sentence

from . import resolutions
from .points import LABEL_RE, NUMBERED_RE, SHOUTED_LABEL_RE
from .text import Entry, collapse

# a cell holding nothing but a minute number: "5", "5.", "TB24/031", "BM/24/012", "45/24"
NUMBER_CELL = re.compile(r"^(?:[A-Z]{1,5}[./-]?)?\d{1,4}(?:[./]\d{1,4}){0,3}\.?$")
GRID_SHARE = 0.6  # share of a table's rows after its header that must open with a minute number
MIN_GRID_ROWS = 3  # fewer numbered rows is a small table inside an item, not the minutes
SHORT_LINE = 0.8  # a cell line shorter than this share of the cell's longest line may end a paragraph
_SUB_NUMBER = re.compile(r"^\d{1,4}\.\d{1,2}\.?\s+\S")  # "34.1 The Chief Nurse ...": a numbered paragraph


def _key(number: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", number))


def _texts(row) -> list[str]:
    return [collapse(c.text or "") if c is not None else "" for c in row]


def is_grid(rows: list[list]) -> bool:
    """Most rows open with a minute number, and the numbers go up."""
    numbered, keys, body = 0, [], 0
    for row in rows:
        texts = _texts(row)
        if not any(texts):
            continue
        body += 1
        if texts[0] and NUMBER_CELL.match(texts[0]) and any(len(t) > 20 for t in texts[1:]):
            numbered += 1
            keys.append(_key(texts[0]))
    if numbered < MIN_GRID_ROWS or numbered < GRID_SHARE * (body - 1):
        return False
    return all(a < b for a, b in zip(keys, keys[1:]))


def _opens_paragraph(line: str) -> bool:
    """A line that starts a paragraph whatever came before: a label, a decision, a shouted label."""
    return bool(NUMBERED_RE.match(line) or LABEL_RE.match(line) or _SUB_NUMBER.match(line)
                or SHOUTED_LABEL_RE.match(line) or resolutions.heading_text(line) is not None
                or resolutions.MOTION_RE.match(line) or resolutions.SENTENCE_RE.match(line))


def paragraphs(lines: list[str]) -> list[str]:
    """A cell's printed lines joined back into paragraphs: a paragraph ends on a line that
    closes its sentence short of the cell's width, or where the next line opens a new one."""
    widest = max((len(x) for x in lines), default=0)
    out: list[str] = []
    previous = None  # the last printed line, not the paragraph so far
    for line in lines:
        ended = previous is not None and ends_sentence(previous) and len(previous) < SHORT_LINE * widest
        if not out or _opens_paragraph(line) or ended:
            out.append(line)
        else:
            out[-1] = f"{out[-1]} {line}"
        previous = line
    return out


def _entry(page: int, text: str, bold: bool = False) -> Entry:
    return Entry(page, Line(text=f"**{text}**" if bold else text, bbox=None), -1)


def grid_entries(table, page: int) -> list[Entry]:
    """The grid's rows as a heading line per minute and a line per paragraph."""
    out: list[Entry] = []
    started = False
    depth = None  # how many numbers the first minute number has: a longer one ("1.2" under "1") is a paragraph
    for row in table.rows:
        texts = _texts(row)
        raw = [(c.text or "") if c is not None else "" for c in row]
        number = texts[0] if texts and NUMBER_CELL.match(texts[0] or "") else None
        if number is None and not started:
            continue  # the header row ("Minute | Item | Action")
        rest = [r for r in raw[1:] if r.strip()]
        if not rest:
            continue
        body = max(rest, key=len)
        lines = [collapse(x) for x in body.split("\n") if collapse(x)]
        if number and depth is not None and len(_key(number)) > depth:
            paras = paragraphs(lines)
            out.append(_entry(page, f"{number.rstrip('.')} {paras[0]}"))  # "1.2 The Board discussed ..."
            out.extend(_entry(page, p) for p in paras[1:])
            continue
        if number:
            started = True
            depth = len(_key(number)) if depth is None else depth
            title, lines = lines[0], lines[1:]
            out.append(_entry(page, f"{number.rstrip('.')} {title}", bold=True))
        out.extend(_entry(page, p) for p in paragraphs(lines))
    return out


def splice(lines: list[Entry], tables: list[tuple[int, object]]) -> tuple[list[Entry], list[tuple[int, object]]]:
    """The lines with every minutes grid read into them at its place, and the other tables
    with their places moved to match."""
    grids = [(index, table) for index, table in tables
             if is_grid([list(r) for r in table.rows])]
    if not grids:
        return lines, tables
    by_index: dict[int, list[Entry]] = {}
    for index, table in grids:
        by_index.setdefault(index, []).extend(grid_entries(table, table.page))
    out: list[Entry] = []
    moved: dict[int, int] = {}
    for i in range(len(lines) + 1):
        moved[i] = len(out)
        out.extend(by_index.get(i, []))
        if i < len(lines):
            out.append(lines[i])
    out = [Entry(e.page, e.line, k) for k, e in enumerate(out)]
    kept = [(moved[index], table) for index, table in tables if not any(table is g for _, g in grids)]
    return out, kept

