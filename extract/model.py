"""The page and table model every extractor reads.

Plans and minutes are recognised from the same few primitives whatever the
source (a PDF, or a Markdown/text rendering of one), so the domain extractors
never touch pdfplumber directly and can be tested on either kind of input.
Boxes are (x0, top, x1, bottom) in PDF points from the page's top-left corner;
renderings have no geometry, so their boxes are None.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

BBox = tuple[float, float, float, float]


@dataclass
class Word:
    text: str
    bbox: Optional[BBox]
    fontname: str = ""
    size: float = 0.0

    @property
    def bold(self) -> bool:
        return "bold" in self.fontname.lower()


@dataclass
class Line:
    """One visual line of text outside any table."""

    text: str
    bbox: Optional[BBox]
    words: list[Word] = field(default_factory=list)

    @property
    def bold(self) -> bool:
        return bool(self.words) and all(w.bold for w in self.words)

    @property
    def x0(self) -> float:
        return self.bbox[0] if self.bbox else 0.0


@dataclass
class Cell:
    """A table cell. ``text`` keeps the cell's own line breaks.

    ``continued`` marks a cell that is covered by a merged cell from the row
    above (pdfplumber reports it as None): it has no text of its own.
    """

    text: str
    bbox: Optional[BBox] = None
    row: int = 0
    col: int = 0
    rowspan: int = 1
    colspan: int = 1
    continued: bool = False
    shade: Optional[str] = None  # "Red" / "Amber" / "Green" when the cell is filled in that colour


@dataclass
class Table:
    page: int
    bbox: Optional[BBox]
    rows: list[list[Cell]]
    ruled: bool = True

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def texts(self) -> list[list[str]]:
        return [[c.text for c in r] for r in self.rows]


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)  # text lines outside tables
    tables: list[Table] = field(default_factory=list)
    text: str = ""  # the whole page's plain text, tables included
    blocks: list = field(default_factory=list)  # reading order: Line | Table
    images: list[BBox] = field(default_factory=list)  # placed pictures (a letterhead's logo, a signature)

    def __post_init__(self):
        if not self.blocks:
            self.blocks = sorted(
                [*self.lines, *self.tables],
                key=lambda b: (b.bbox[1] if b.bbox else 0.0),
            )


@dataclass
class DocumentModel:
    path: str
    sha256: str
    pages: list[Page]
    metadata: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # what was read but may be incomplete, one line each
    ocr: list[dict] = field(default_factory=list)  # one summary per page read by OCR (see extract.ocr)
    ocr_low_confidence: list[dict] = field(default_factory=list)  # OCR'd words under the confidence floor
    # every table of every page as the table layer reads it (extract.tables.GridTable), kept
    # for the store: analysts query tables that no plan or minutes reader claimed
    grids: list = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.pages)

    def iter_blocks(self):
        """Every line and table in reading order, with its page."""
        for page in self.pages:
            for block in page.blocks:
                yield page, block
