"""Discussion points: numbered paragraphs ("1. ...", "(5) ..."), lettered
("a) ...", "(b) ...", "c. ...", "(m)In ...") and roman ("(iv) ...") sub-paragraphs.

Only numbers, single letters and roman numerals count as labels, so bracketed
prose is never mistaken for one; a line that wraps onto a new page or loses its
indent still continues the point when the point's sentence is plainly unfinished.
Levels nest in the order clerks use them: number, letter, roman (see ``level_of``).
"""
from __future__ import annotations

import re
from typing import Optional

from plantrace.extract.textform import BULLET, ends_sentence, join_words

from .text import Entry, clean, set_tight, strip_glyphs

LABEL_RE = re.compile(r"^\(?([a-z]{1,4})\)\s*(.*)$|^([a-z])\.\s+(.*)$")
# "1. text", "1) text", "(1) text": a numbered paragraph (two digits at most, so no year or sum)
NUMBERED_RE = re.compile(r"^\(?(\d{1,2})[.)]\s+(\S.*)$|^\((\d{1,2})\)\s*(\S.*)$")
ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"}
GLYPH_RE = re.compile(rf"^\s*(?:{BULLET}|-)")


def label_of(entry: Entry, item: Optional[str] = None) -> Optional[tuple[str, str]]:
    """(label, text after it) when this line opens a lettered or roman point, or a
    paragraph numbered under its item ("31.2 ..." in item 31 is point 2)."""
    text = clean(entry.text)
    if item:
        numbered = re.match(rf"^{re.escape(item)}\.(\d{{1,2}})\.?\s+(\S.*)$", text)
        last = re.findall(r"\d+", item)
        if not numbered and last and not item.isdigit():  # "34.1" in minute "TB24/034": its paragraph 1
            numbered = re.match(rf"^0*{int(last[-1])}\.(\d{{1,2}})\.?\s+(\S.*)$", text)
        if numbered:
            return numbered.group(1), numbered.group(2)
    n = NUMBERED_RE.match(text)
    if n:
        label, rest = (n.group(1), n.group(2)) if n.group(1) else (n.group(3), n.group(4))
        if not re.match(r"^(?:st|nd|rd|th)\b|^[%:]", rest):  # "1st", "1)%": no paragraph
            return label, rest
    m = LABEL_RE.match(text)
    if not m:
        return None
    label, rest = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    if len(label) > 1 and label not in ROMAN:
        return None  # "(see)" or "(and)" is prose in brackets, not a label
    if not rest.strip():
        return None
    return label, rest


def level_of(label: str, previous_letter: Optional[str]) -> str:
    """"num", "alpha" or "roman". A one-letter numeral that follows the letter
    before it ("(i)" after "(h)", "(v)" after "(u)") is a letter."""
    if label.isdigit():
        return "num"
    if label in ROMAN:
        if len(label) == 1 and previous_letter and ord(label) == ord(previous_letter) + 1:
            return "alpha"
        return "roman"
    return "alpha"


def continues(point: dict, entry: Entry, margin: Optional[float], pitch: Optional[float] = None) -> bool:
    """Whether a line without a label is the rest of the open point.

    An indented line is; so is a line set at the text's line pitch under the
    point's last line (paragraphs are spaced apart, wrapped lines are not),
    which is all a layout without hanging indents has to show.
    """
    text = clean(entry.text)
    if SHOUTED_LABEL_RE.match(text):
        return False  # "ACTION: ...", "NOTE: ...": a paragraph of its own
    unfinished = not ends_sentence(point["text"]) and text[:1].islower()
    if GLYPH_RE.match(entry.text) or entry.text.lstrip().startswith("- "):
        # a bullet under a point that introduced a list (it ends with a colon) is part of it,
        # as is every bullet after the first; otherwise it starts an unlabelled bullet
        return unfinished or point.get("_listing", False) or point["text"].rstrip().endswith(":")
    if not unfinished and _back_at_label(point, entry, pitch):
        return False
    if entry.x0 is not None and margin is not None and entry.x0 > margin + 5:
        return True
    return unfinished or _wrapped_onto(point, entry, pitch)


# a line opened by a shouted label and its colon ("ACTION:", "ACTION BY:", "NOTE:")
SHOUTED_LABEL_RE = re.compile(r"^[A-Z]{3,}(?:\s+[A-Z]{2,}){0,2}\s*:")
HANG = 10.0  # points: a point's text set this far right of its label hangs from it


def _back_at_label(point: dict, entry: Entry, pitch: Optional[float]) -> bool:
    """A new paragraph set back at the point's label, when the point's text hangs
    to the right of its label, is the item's text again ("1. Stipends / <indented
    text>" then a paragraph at the label's margin). After a list the point
    introduced, such a paragraph is the list's conclusion and stays."""
    first = point["_lines"][0]
    words = first.line.words
    if point.get("_listing") or entry.x0 is None or first.x0 is None or len(words) < 2 or not words[1].bbox:
        return False
    hang = words[1].bbox[0]
    if hang <= first.x0 + HANG or entry.x0 > first.x0 + 3:
        return False
    last = point["_lines"][-1]
    return last.page != entry.page or not set_tight(last, entry, pitch)


def _wrapped_onto(point: dict, entry: Entry, pitch: Optional[float]) -> bool:
    """The entry sits tight under the point's last line, and that line either
    leaves its sentence open or runs to the right edge (a paragraph's last
    line ending a sentence short of the edge ends the paragraph)."""
    last = point["_lines"][-1]
    if not set_tight(last, entry, pitch):
        return False
    if not ends_sentence(point["text"]):
        return True
    boxes = [e.bbox for e in point["_lines"] if e.bbox and e.page == entry.page] + [entry.bbox]
    left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
    return last.bbox[2] >= right - 0.15 * (right - left)


def new_point(label: str, entry: Entry, rest: str, parent: Optional[str] = None) -> dict:
    return {"label": label, "parent": parent, "text": rest, "page": entry.page, "bbox": entry.bbox,
            "raw": entry.text, "_lines": [entry]}


SUB_INDENT = 8.0  # points: a numbered paragraph set this far in from the open one, restarting its count, sits under it


class Nesting:
    """Which point a new label sits under: a letter under the last numbered
    paragraph, a roman numeral under the last letter (or number), and numbers
    that restart set in under a numbered paragraph ("5. ... the following: /
    1. Agree ... / 2. Note ...") under it. The parent is written as its own path
    ("5", "5(a)"), the form ``trace`` accepts."""

    def __init__(self):
        self.open: dict[str, Optional[str]] = {"num": None, "alpha": None}
        self.num_x: Optional[float] = None
        self.sub: Optional[tuple[str, Optional[float]]] = None

    def _numbered(self, label: str, x: Optional[float]) -> Optional[str]:
        num = self.open["num"]
        if self.sub and x is not None and self.sub[1] is not None and abs(x - self.sub[1]) <= 3 \
                and int(label) == int(self.sub[0]) + 1:
            self.sub = (label, x)
            return num
        if num and x is not None and self.num_x is not None and x > self.num_x + SUB_INDENT \
                and int(label) != int(num) + 1:
            self.sub = (label, x)
            return num
        self.open = {"num": label, "alpha": None}
        self.num_x, self.sub = x, None
        self.num_style = self._style
        return None

    _style: Optional[str] = None
    num_style: Optional[str] = None

    def is_next_paragraph(self, label: str, style: Optional[str]) -> bool:
        """Whether a label is the next top-level paragraph ("2)" after "1)"), set in the same style."""
        num = self.open["num"]
        return bool(label.isdigit() and num and int(label) == int(num) + 1 and style == self.num_style)

    def place(self, label: str, x: Optional[float] = None, style: Optional[str] = None) -> Optional[str]:
        self._style = style
        level = level_of(label, self.open["alpha"])
        if level == "num":
            return self._numbered(label, x)
        if level == "alpha":
            self.open["alpha"] = label
            return self.open["num"]
        num, alpha = self.open["num"], self.open["alpha"]
        if alpha:
            return f"{num}({alpha})" if num else alpha
        return num


def style_of(text: str) -> Optional[str]:
    """How a label is set: "(1)", "1)", "1." (a quoted list numbered "1." inside paragraphs numbered "1)" is not theirs)."""
    m = re.match(r"^\s*(\()?[0-9a-z]{1,4}([.)])", clean(text))
    return ((m.group(1) or "") + m.group(2)) if m else None


def quoting(point: dict) -> bool:
    """Whether the point has opened a quotation it has not closed (a motion quoted in full)."""
    text = point["text"]
    return text.count("“") > text.count("”") or (text.count('"') % 2 == 1)


def path(point: dict) -> str:
    """"a" under "5" -> "5(a)"; the label itself at the top level."""
    parent = point.get("parent")
    return f"{parent}({point['label']})" if parent else point["label"]


def join_wrapped(left: str, right: str) -> str:
    """join_words, and a compound broken at its hyphen before a capital ("UK-" /
    "France") kept one word."""
    if re.search(r"[A-Za-z]-$", left) and right[:1].isupper():
        return left + right
    return join_words(left, right)


def extend_point(point: dict, entry: Entry) -> None:
    point["text"] = join_wrapped(point["text"], clean(entry.text))
    point["raw"] += "\n" + entry.text
    point["_lines"].append(entry)
    if GLYPH_RE.match(entry.text):
        point["_listing"] = True


def strip_label(text: str) -> str:
    m = LABEL_RE.match(strip_glyphs(text))
    return (m.group(2) or m.group(4)) if m else text
