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
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,3}\s*$", re.I)
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


def entries(doc) -> list[Entry]:
    """Every text line outside tables, page furniture (bare page numbers) removed."""
    out: list[Entry] = []
    for page, block in doc.iter_blocks():
        if not isinstance(block, Line):
            continue
        if not block.text.strip() or is_page_number(block.text):
            continue
        out.append(Entry(page.number, block, len(out)))
    return out


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
