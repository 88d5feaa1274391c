"""What one page of a bound pack shows about where a document starts or ends.

A publisher binding reports into one PDF leaves the same marks a reader uses to
leaf through it: a blank page padding each document to an even length, a stamp
at the top of a report's first page naming the agenda item it belongs to, a
letter's salutation under an address block, an "Appendix B" heading, a new page
size or typeface, a printed page count starting again at 1. Each mark is read
from layout (where on the page, in what font) and from what the words mean, so
any council's pack is read the same way.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from .model import Page


@dataclass(frozen=True)
class PageSettings:
    blank_words: int = 12            # a page with no more words than this and nothing else is padding
    top_band: float = 0.18           # share of the page height where stamps, letterheads and titles sit
    bottom_band: float = 0.10        # share of the page height where page numbers sit
    letter_band: float = 0.55        # a salutation within this share of the height opens a letter
    letterhead_min_width: float = 0.15  # a picture at the top at least this share of the width is a letterhead
    size_tolerance: float = 2.0      # points: page sizes closer than this are the same size


SETTINGS = PageSettings()

# "This page is intentionally left blank", spaced out or set one letter a line on a rotated page
_BLANK_WORDS = re.compile(r"intentionally\s*left\s*blank|left\s*blank\s*intentionally", re.I)
# ModernGov and similar tools stamp a report's first page "Agenda Item 7" / "Item 5a" at its top, on a
# line of its own (a minute's "Item 5: Budget" heading is not a stamp)
_ITEM_STAMP = re.compile(r"^(?:a\s?genda\s+)?item(?:\s+no\.?)?\s*:?\s*(\d+[a-z]?(?:\.\d+)?)\s*$", re.I)
# a document's own heading naming it as an appendix or annex of another
_APPENDIX = re.compile(r"^(appendix|annex|annexe|schedule|enclosure)\s+([A-Z]{1,2}|\d{1,2}|[ivx]{1,5})\b[\s:.\-–—]?",
                       re.I)
_SALUTATION = re.compile(r"^dear\s+\w", re.I)
_PAGE_STAMP = re.compile(r"\bpage\s+(\d{1,4})(?:\s+of\s+(\d{1,4}))?\s*$", re.I)
_LONE_NUMBER = re.compile(r"^\s*-?\s*(\d{1,4})\s*-?\s*$")


@dataclass
class PageSigns:
    number: int
    blank: bool
    size: tuple[float, float]
    font: str                 # the typeface most of the page's words are set in (family, no style)
    font_size: float
    first_line: str
    item_stamp: Optional[str]  # the agenda item a stamp at the top names
    appendix: Optional[str]    # "APPENDIX B" when the page opens with such a heading
    letter: bool               # a salutation in the upper part of the page
    letterhead: bool           # a picture set across the top of the page
    stamp: Optional[int]       # "Page N" printed at the foot
    own_number: Optional[int]  # a page number the document printed itself


def _family(fontname: str) -> str:
    name = fontname.split("+")[-1]
    name = re.split(r"[-,]", name)[0]
    return re.sub(r"(MT|PS|PSMT)$", "", name)


def _words(page: Page):
    for line in page.lines:
        yield from line.words


def _typeface(page: Page) -> tuple[str, float]:
    counts: Counter = Counter()
    for word in _words(page):
        counts[(_family(word.fontname), round(word.size))] += len(word.text)
    if not counts:
        return "", 0.0
    (family, size), _ = counts.most_common(1)[0]
    return family, float(size)


def _is_blank(page: Page, s: PageSettings) -> bool:
    words = page.text.split()
    if len(words) > s.blank_words * 4:
        return False
    squeezed = re.sub(r"\s+", "", page.text)
    if _BLANK_WORDS.search(page.text) or _BLANK_WORDS.search(squeezed):
        return True
    return len(words) <= 2 and not page.tables and not page.images


def _top_lines(page: Page, s: PageSettings) -> list[str]:
    limit = page.height * s.top_band if page.height else None
    out = []
    for line in page.lines:
        if limit is not None and line.bbox and line.bbox[1] > limit:
            break
        out.append(line.text.strip())
    if not out and page.text.strip():
        out = [page.text.strip().splitlines()[0]]
    return out


def _foot_numbers(page: Page, s: PageSettings) -> tuple[Optional[int], Optional[int]]:
    """("Page N" stamp, a bare page number) from the lines at the foot of the page."""
    stamp = own = None
    if not page.height:
        lines = page.text.strip().splitlines()[-2:]
        feet = [(ln, None) for ln in lines]
    else:
        feet = [(ln.text, ln) for ln in page.lines if ln.bbox and ln.bbox[1] > page.height * (1 - s.bottom_band)]
    for text, _ in feet:
        text = text.strip()
        if (m := _PAGE_STAMP.search(text)) and stamp is None:
            stamp = int(m.group(1))
            if m.group(2):  # "Page 2 of 9" is the document's own count
                own, stamp = stamp, None
        elif (m := _LONE_NUMBER.match(text)) and own is None:
            own = int(m.group(1))
    return stamp, own


def _letterhead(page: Page, s: PageSettings) -> bool:
    if not page.height or not page.width:
        return False
    return any(b[1] < page.height * s.top_band and (b[2] - b[0]) >= page.width * s.letterhead_min_width
               for b in page.images)


def _opens_letter(page: Page, s: PageSettings) -> bool:
    for line in page.lines:
        if page.height and line.bbox and line.bbox[1] > page.height * s.letter_band:
            return False
        if _SALUTATION.match(line.text.strip()):
            return True
    return False


def page_signs(page: Page, s: PageSettings = SETTINGS) -> PageSigns:
    top = _top_lines(page, s)
    first = top[0] if top else ""
    stamp_item = next((m.group(1) for t in top[:3] if (m := _ITEM_STAMP.match(t))), None)
    heading = next((t for t in top[:3] if not _ITEM_STAMP.match(t)), "")
    appendix = None
    if (m := _APPENDIX.match(heading)):
        appendix = f"{m.group(1)} {m.group(2)}".upper()
    family, size = _typeface(page)
    stamp, own = _foot_numbers(page, s)
    return PageSigns(
        number=page.number, blank=_is_blank(page, s), size=(round(page.width or 0), round(page.height or 0)),
        font=family, font_size=size, first_line=first, item_stamp=stamp_item, appendix=appendix,
        letter=_opens_letter(page, s), letterhead=_letterhead(page, s), stamp=stamp, own_number=own,
    )
