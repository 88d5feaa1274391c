"""The text blocks around each plan table: the recommendation and its lists.

Plans introduce each recommendation with a labelled heading (RECOMMENDATION:,
AREA FOR IMPROVEMENT 3:, ...) followed by labelled lists (OUTCOMES, MEASURED
BY, OBJECTIVES). Labels are matched by meaning with a few synonyms and must be
followed by a colon (or stand alone on a bold line), so prose that merely
mentions "recommendations" never opens a section.
"""
from __future__ import annotations

import re

from plantrace.extract.textform import join_words

from .text import collapse, starts_with_glyph, strip_glyph

_MARKUP = re.compile(r"^[#>\s]*|[*_]{2,}")
_REC = re.compile(
    r"^(?:(?:[a-z]+ )?recommendation|area (?:for|of) improvement|improvement area|priority(?: area)?"
    r"|key (?:issue|area)|theme|workstream|finding)s?\s*(?:no\.?\s*)?([0-9]+|[ivxl]+\b)?\s*(?:[:.–—-]\s*|$)(.*)$",
    re.I,
)
_LISTS = [
    ("outcomes", r"(?:intended |expected |desired )?outcomes?"),
    ("measured_by", r"measured by|measures?(?: of success)?|success measures?|success criteria"
                    r"|how (?:we will|will we) (?:measure|know)[^:]*"),
    ("objectives", r"objectives?|aims?"),
]
_LIST_RE = [(name, re.compile(rf"^(?:{pat})\s*(:|$)\s*(.*)$", re.I)) for name, pat in _LISTS]
_LEADING_NUMBER = re.compile(r"^\s*([0-9]+|[IVX]+)[.)]\s+(?=\S)")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$", re.I)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def plain(text: str) -> str:
    """Line text without Markdown emphasis or heading marks from renderings."""
    return collapse(_MARKUP.sub("", text or "").replace("**", ""))


def roman_to_int(token: str) -> str:
    if token.isdigit():
        return str(int(token))
    total, prev = 0, 0
    for ch in reversed(token.lower()):
        val = _ROMAN.get(ch, 0)
        total = total - val if val < prev else total + val
        prev = max(prev, val)
    return str(total) if total else token


def recommendation_heading(text: str, bold: bool = False):
    """(number or None, rest of line) when the line opens a recommendation."""
    m = _REC.match(plain(text))
    if not m:
        return None
    number, rest = m.group(1), m.group(2).strip()
    head = plain(text)[: m.start(2)] if rest else plain(text)
    # A colon (or a bold/upper-case label) separates a heading from prose.
    if ":" not in head and not bold and not head.strip().isupper():
        return None
    return (roman_to_int(number) if number else None), rest


def list_heading(text: str, bold: bool = False):
    """(list name, text after the colon) when the line opens a labelled list."""
    t = plain(text)
    for name, rx in _LIST_RE:
        m = rx.match(t)
        if m and (m.group(1) == ":" or ((bold or t.isupper()) and not m.group(2))):
            return name, m.group(2).strip()
    return None


def is_page_furniture(text: str) -> bool:
    """A page number, also when a rendering kept only scraps of "Page" ("a e 30")."""
    t = plain(text)
    if _PAGE_NUMBER.match(t):
        return True
    tokens = t.split()
    return (any(w.isdigit() for w in tokens) and any(w.isalpha() for w in tokens)
            and all(w.isdigit() and len(w) <= 3 or re.fullmatch(r"[a-z]{1,2}", w) for w in tokens))


def split_number(text: str):
    """("1", rest) for "1. Ensure ..."; (None, text) when it has no number."""
    m = _LEADING_NUMBER.match(text)
    if not m:
        return None, text
    return roman_to_int(m.group(1)), text[m.end():]


class ListCollector:
    """Gathers list items from successive lines.

    A glyph starts an item. Lines without one continue the current item when
    the list is bulleted (wrapped lines), and otherwise start a new item once
    the previous one ended a sentence.
    """

    def __init__(self):
        self.items: list[str] = []
        self.marked: list[bool] = []  # whether each item opened with a glyph
        self._bulleted = False

    def add(self, text: str):
        glyph = starts_with_glyph(text)
        body = collapse(strip_glyph(text))
        if not body:
            return
        if glyph:
            self._bulleted = True
        if not self.items or glyph:
            self.items.append(body)
            self.marked.append(glyph)
        elif self._bulleted or not re.search(r"[.;:!?]$", self.items[-1]):
            self.items[-1] = join_words(self.items[-1], body)
        else:
            self.items.append(body)
            self.marked.append(False)

    def heading_tail(self, heading: str | None) -> str | None:
        """The end of a list's inline heading that wrapped onto the next line.

        "OBJECTIVES: Deliver against the QA and Performance" / "Framework" /
        "✓ Understand ...": in a list whose items all open with a glyph, an
        unmarked first line after a heading left mid-sentence is the heading's
        own end. It is taken out of the items and returned.
        """
        if not heading or len(self.items) < 2 or re.search(r"[.;:!?]$", heading):
            return None
        if self.marked[0] or not all(self.marked[1:]):
            return None
        self.marked.pop(0)
        return self.items.pop(0)
