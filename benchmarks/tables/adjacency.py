"""The cell-adjacency measure of table structure (ICDAR 2013 table competition).

A table's structure is the set of its adjacency relations: each non-empty cell
with its nearest non-empty neighbour to the right in the same row and below in
the same column (a merged cell has such neighbours along its whole span), each
relation being (text, neighbour's text, direction). Texts are compared with all
white space removed and case folded, so line breaking inside a cell does not
count. Precision and recall are over the relations of all tables on a page,
so missing, spurious and split tables all show.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter


def _key(text) -> str:
    s = unicodedata.normalize("NFKC", str(text or ""))
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", "", s).casefold()


def grid_from_rows(rows: list[list]) -> list[dict]:
    """Hand-written rows into cells: "<" covers the cell to its left, "^" the cell above."""
    owner: dict[tuple[int, int], dict] = {}
    cells = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text == "<" and (r, c - 1) in owner:
                cell = owner[(r, c - 1)]
                if cell["row"] == r:
                    cell["colspan"] += 1
                owner[(r, c)] = cell
            elif text == "^" and (r - 1, c) in owner:
                cell = owner[(r - 1, c)]
                if cell["col"] == c:
                    cell["rowspan"] += 1
                owner[(r, c)] = cell
            else:
                cell = {"row": r, "col": c, "rowspan": 1, "colspan": 1, "text": text or ""}
                cells.append(cell)
                owner[(r, c)] = cell
    return cells


def relations(cells: list[dict]) -> Counter:
    """Adjacency relations of one table given as cells with spans."""
    pos: dict[tuple[int, int], int] = {}
    texts = {}
    for i, c in enumerate(cells):
        if not _key(c.get("text")):
            continue
        texts[i] = _key(c["text"])
        for r in range(c["row"], c["row"] + c.get("rowspan", 1)):
            for k in range(c["col"], c["col"] + c.get("colspan", 1)):
                pos[(r, k)] = i
    if not pos:
        return Counter()
    n_rows = max(r for r, _ in pos) + 1
    n_cols = max(k for _, k in pos) + 1
    pairs = set()
    for r in range(n_rows):
        seq = [pos[(r, k)] for k in range(n_cols) if (r, k) in pos]
        pairs.update((a, b, "h") for a, b in zip(seq, seq[1:]) if a != b)
    for k in range(n_cols):
        seq = [pos[(r, k)] for r in range(n_rows) if (r, k) in pos]
        pairs.update((a, b, "v") for a, b in zip(seq, seq[1:]) if a != b)
    return Counter((texts[a], texts[b], d) for a, b, d in pairs)


def matrix_cells(matrix: list[list]) -> list[dict]:
    """A plain grid of texts (None or "" for covered or empty) as one-position cells."""
    return [{"row": r, "col": c, "text": t or ""} for r, row in enumerate(matrix) for c, t in enumerate(row)]


def score(gold_tables: list[list[dict]], out_tables: list[list[dict]]) -> tuple[int, int, int]:
    """(correct, relations found, relations in the gold) for one page."""
    gold, out = Counter(), Counter()
    for t in gold_tables:
        gold.update(relations(t))
    for t in out_tables:
        out.update(relations(t))
    return sum((gold & out).values()), sum(out.values()), sum(gold.values())


def f1(correct: int, found: int, true: int) -> float:
    """F1 of the relations; a page with no table scores 1 when nothing is found on it."""
    if not true and not found:
        return 1.0
    p = correct / found if found else 0.0
    r = correct / true if true else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0
