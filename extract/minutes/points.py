"""Lettered discussion points ("a) ...", "(b) ...", "c. ...").

Only single letters and roman numerals count as labels, so bracketed prose
is never mistaken for one; a line that wraps onto a new page or loses its indent still continues the
point when the point's sentence is plainly unfinished.
"""
from __future__ import annotations

import re
from typing import Optional

from plantrace.extract.textform import BULLET, ends_sentence, join_words

from .text import Entry, clean, set_tight, strip_glyphs

LABEL_RE = re.compile(r"^\(?([a-z]{1,4})\)\s+(.*)$|^([a-z])\.\s+(.*)$")
ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"}
GLYPH_RE = re.compile(rf"^\s*(?:{BULLET}|-)")


def label_of(entry: Entry, item: Optional[str] = None) -> Optional[tuple[str, str]]:
    """(label, text after it) when this line opens a lettered or roman point, or a
    paragraph numbered under its item ("31.2 ..." in item 31 is point 2)."""
    text = clean(entry.text)
    if item:
        numbered = re.match(rf"^{re.escape(item)}\.(\d{{1,2}})\.?\s+(\S.*)$", text)
        if numbered:
            return numbered.group(1), numbered.group(2)
    m = LABEL_RE.match(text)
    if not m:
        return None
    label, rest = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    if len(label) > 1 and label not in ROMAN:
        return None  # "(see)" or "(and)" is prose in brackets, not a label
    return label, rest


def continues(point: dict, entry: Entry, margin: Optional[float], pitch: Optional[float] = None) -> bool:
    """Whether a line without a label is the rest of the open point.

    An indented line is; so is a line set at the text's line pitch under the
    point's last line (paragraphs are spaced apart, wrapped lines are not),
    which is all a layout without hanging indents has to show.
    """
    text = clean(entry.text)
    unfinished = not ends_sentence(point["text"]) and text[:1].islower()
    if GLYPH_RE.match(entry.text) or entry.text.lstrip().startswith("- "):
        return unfinished  # a bullet glyph starts a new unlabelled bullet unless the sentence runs on
    if entry.x0 is not None and margin is not None and entry.x0 > margin + 5:
        return True
    return unfinished or _wrapped_onto(point, entry, pitch)


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


def new_point(label: str, entry: Entry, rest: str) -> dict:
    return {"label": label, "text": rest, "page": entry.page, "bbox": entry.bbox,
            "raw": entry.text, "_lines": [entry]}


def extend_point(point: dict, entry: Entry) -> None:
    point["text"] = join_words(point["text"], clean(entry.text))
    point["raw"] += "\n" + entry.text
    point["_lines"].append(entry)


def strip_label(text: str) -> str:
    m = LABEL_RE.match(strip_glyphs(text))
    return (m.group(2) or m.group(4)) if m else text
