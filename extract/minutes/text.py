"""Text helpers shared by the minutes extractors.

The output contract asks for the document's own words with whitespace
collapsed and list glyphs removed, while auditors want the printed lines
untouched; every extractor goes through these helpers so both forms stay
consistent between PDF and rendering inputs.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from plantrace.extract.model import Line
from plantrace.extract.textform import BULLET, collapse

_LEADING_GLYPHS = re.compile(rf"^(?:{BULLET}\s*|[-–*]\s+)+")
_SEPARATOR = re.compile(r"^\s*[-–—_*=~]{2,}\s*o\s*O\s*o\s*[-–—_*=~]{2,}\s*$|^\s*(?:[-–—_*=~]\s*){3,}$")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?\s*$", re.I)
_MARKUP = re.compile(r"\*\*|__|</?sup>|^\s*#{1,6}\s+")


def strip_glyphs(text: str) -> str:
    """Drop list bullets that the printer added but the author did not write."""
    return _LEADING_GLYPHS.sub("", _MARKUP.sub("", text or "").strip())


def clean(text: str) -> str:
    return collapse(strip_glyphs(text))


def join_lines(parts: list[str]) -> str:
    """Join wrapped lines, healing hyphenless wraps with a single space."""
    return collapse(" ".join(p for p in (clean(x) for x in parts) if p))


def is_separator(text: str) -> bool:
    """The ---oOo--- style rules clerks put around interjections (arrivals, departures)."""
    return bool(_SEPARATOR.match(_MARKUP.sub("", text or "")))


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text or ""))


def line_pitch(lines) -> Optional[float]:
    """The commonest distance between consecutive lines: wider gaps separate paragraphs."""
    gaps = [round(b.bbox[1] - a.bbox[1], 1) for a, b in zip(lines, lines[1:])
            if a.bbox and b.bbox and a.page == b.page and b.bbox[1] > a.bbox[1]]
    return Counter(gaps).most_common(1)[0][0] if gaps else None


def set_tight(prev, e, pitch: Optional[float]) -> bool:
    """Whether line ``e`` sits at the text's line pitch under ``prev`` on the same page."""
    if pitch is None or prev is None or prev is e or not (prev.bbox and e.bbox) or prev.page != e.page:
        return False
    return 0 < e.bbox[1] - prev.bbox[1] <= pitch + 1.0


@dataclass
class Entry:
    """One printed line in reading order, with the page it sits on."""

    page: int
    line: Line
    index: int

    @property
    def text(self) -> str:
        return self.line.text

    @property
    def clean(self) -> str:
        return clean(self.line.text)

    @property
    def bbox(self) -> Optional[tuple]:
        return self.line.bbox

    @property
    def x0(self) -> Optional[float]:
        return self.line.bbox[0] if self.line.bbox else None

    @property
    def bold(self) -> bool:
        if self.line.words:
            return self.line.bold
        return self.line.text.strip().startswith("**")

    @property
    def size(self) -> float:
        """The line's type size (0 where a rendering has none)."""
        return max((w.size for w in self.line.words), default=0.0)


FURNITURE_BAND = 0.12  # share of the page height at its top and bottom where running headers and footers sit


def _furniture_key(text: str, y: Optional[float], height: Optional[float]) -> Optional[tuple]:
    """A line's shape as a running header or footer: its words with the numbers
    blanked ("Page 1 of 3" and "Page 2 of 3" agree) and its height on the page,
    for lines in the page's top or bottom band only."""
    if y is None or not height:
        return None
    if FURNITURE_BAND * height < y < (1 - FURNITURE_BAND) * height:
        return None
    return re.sub(r"\d+", "#", collapse(text).lower()), round(y / 4)


def _running_lines(doc) -> set:
    """Lines printed at the same place on two or more pages: page furniture, not minutes."""
    seen: dict = {}
    for page in doc.pages:
        for line in page.lines:
            key = _furniture_key(line.text, line.bbox[1] if line.bbox else None, getattr(page, "height", None))
            if key:
                seen.setdefault(key, set()).add(page.number)
    return {k for k, pages in seen.items() if len(pages) >= 2}


def entries(doc) -> list[Entry]:
    """Every text line outside tables, page furniture (bare page numbers, running
    headers and footers) removed."""
    return entries_and_tables(doc)[0]


def entries_and_tables(doc) -> tuple[list[Entry], list[tuple[int, object]]]:
    """The line entries, and each table with the index of the entry that follows
    it, so a reader can give it to the item it is printed in (roll calls, votes)."""
    out: list[Entry] = []
    tables: list[tuple[int, object]] = []
    running = _running_lines(doc) if len(doc.pages) > 1 else set()
    for page, block in doc.iter_blocks():
        if not isinstance(block, Line):
            tables.append((len(out), block))
            continue
        if not block.text.strip() or is_page_number(block.text):
            continue
        key = _furniture_key(block.text, block.bbox[1] if block.bbox else None, getattr(page, "height", None))
        if key and key in running:
            continue
        out.append(Entry(page.number, block, len(out)))
    return out, tables


def union_bbox(boxes) -> Optional[tuple]:
    boxes = [b for b in boxes if b]
    if not boxes:
        return None
    return (
        round(min(b[0] for b in boxes), 1),
        round(min(b[1] for b in boxes), 1),
        round(max(b[2] for b in boxes), 1),
        round(max(b[3] for b in boxes), 1),
    )
