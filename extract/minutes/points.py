"""Lettered discussion points ("a) ...", "(b) ...", "c. ...").

Only single letters and roman numerals count as labels, so bracketed prose
is never mistaken for one; a line that wraps onto a new page or loses its indent still continues the
point when the point's sentence is plainly unfinished.
"""
from __future__ import annotations

import re
from typing import Optional

from extract.textform import BULLET

from .text import Entry, clean, ends_sentence, strip_glyphs

LABEL_RE = re.compile(r"^\(?([a-z]{1,4})\)\s+(.*)$|^([a-z])\.\s+(.*)$")
ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"}
GLYPH_RE = re.compile(rf"^\s*(?:{BULLET}|-)")


def label_of(entry: Entry) -> Optional[tuple[str, str]]:
    """(label, text after it) when this line opens a lettered or roman point."""
    m = LABEL_RE.match(clean(entry.text))
    if not m:
        return None
    label, rest = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    if len(label) > 1 and label not in ROMAN:
        return None  # "(see)" or "(and)" is prose in brackets, not a label
    return label, rest


def continues(point_text: str, entry: Entry, margin: Optional[float]) -> bool:
    """Whether a line without a label is the rest of the open point."""
    text = clean(entry.text)
    unfinished = not ends_sentence(point_text) and text[:1].islower()
    if GLYPH_RE.match(entry.text) or entry.text.lstrip().startswith("- "):
        return unfinished  # a bullet glyph starts a new unlabelled bullet unless the sentence runs on
    if entry.x0 is not None and margin is not None and entry.x0 > margin + 5:
        return True
    return unfinished


def new_point(label: str, entry: Entry, rest: str) -> dict:
    return {"label": label, "text": rest, "page": entry.page, "bbox": entry.bbox,
            "raw": entry.text, "_lines": [entry]}


def extend_point(point: dict, entry: Entry) -> None:
    point["text"] = f"{point['text']} {clean(entry.text)}".strip()
    point["raw"] += "\n" + entry.text
    point["_lines"].append(entry)


def strip_label(text: str) -> str:
    m = LABEL_RE.match(strip_glyphs(text))
    return (m.group(2) or m.group(4)) if m else text
