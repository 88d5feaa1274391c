"""The table layer's output: every table of a page as a grid of cells.

A grid is what a reader of the page sees, independent of what the table means:
rows and columns counted from 0, a cell covering ``rowspan`` x ``colspan``
grid positions, boxes in PDF points from the page's top-left corner. Only the
cells that exist are listed (a merged cell once, at its top-left position),
which is the shape ``plantrace tables --json`` prints (output contract §4).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

BBox = tuple[float, float, float, float]


@dataclass
class GridCell:
    row: int
    col: int
    text: str
    bbox: Optional[BBox] = None
    rowspan: int = 1
    colspan: int = 1

    def as_dict(self) -> dict:
        return {"row": self.row, "col": self.col, "rowspan": self.rowspan, "colspan": self.colspan,
                "text": self.text, "bbox": _box(self.bbox)}


@dataclass
class GridTable:
    page: int
    bbox: BBox
    cells: list[GridCell]
    ruled: bool
    reader: str  # which reader produced it: "ruled", "partly-ruled", "words"
    title: Optional[str] = None
    header_rows: int = 0
    continues: bool = False  # carries on a table from the previous page
    pages: list[int] = field(default_factory=list)  # a stitched table's pages

    @property
    def n_rows(self) -> int:
        return max((c.row + c.rowspan for c in self.cells), default=0)

    @property
    def n_cols(self) -> int:
        return max((c.col + c.colspan for c in self.cells), default=0)

    def matrix(self) -> list[list[str]]:
        """Texts by grid position; a merged cell's text at its top-left, '' where it covers."""
        out = [["" for _ in range(self.n_cols)] for _ in range(self.n_rows)]
        for c in self.cells:
            out[c.row][c.col] = c.text
        return out

    def row_texts(self, r: int) -> list[str]:
        return self.matrix()[r]

    def as_dict(self) -> dict:
        out = {"page": self.page, "bbox": _box(self.bbox), "ruled": self.ruled, "reader": self.reader,
               "title": self.title, "header_rows": self.header_rows, "continues": self.continues,
               "n_rows": self.n_rows, "n_cols": self.n_cols,
               "cells": [c.as_dict() for c in sorted(self.cells, key=lambda c: (c.row, c.col))]}
        if len(self.pages) > 1:
            out["pages"] = self.pages
        return out


def _box(b) -> Optional[list[float]]:
    return [round(float(v), 1) for v in b] if b else None
