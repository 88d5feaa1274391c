"""Decisions: the AGREED / RESOLVED blocks and the verb each one turns on.

Clerks shout the operative verb ("That the Panel NOTED the report"), so the
verb is the first capitalised past-tense word of the decision, falling back to
the block's own heading word when the decision is written in lower case.
"""
from __future__ import annotations

import re
from typing import Optional

from .text import Entry, clean

HEADING_RE = re.compile(r"^(RESOLVED|AGREED|DECIDED|RECOMMENDED|DECISION|RESOLUTION)S?\b\s*[:\-–]?\s*(.*)$", re.I)
VERB_RE = re.compile(r"\b([A-Z]{4,}ED)\b")
KNOWN_VERBS = ("NOTED", "APPROVED", "AGREED", "ENDORSED", "RECOMMENDED", "RESOLVED", "REJECTED",
               "DEFERRED", "ACCEPTED", "SUPPORTED", "REQUESTED", "DELEGATED", "ADOPTED", "CONFIRMED")
START_RE = re.compile(r"^(?:That\b|\(?\d{1,2}[.)]\s|\(?[a-z]\)\s)")


def heading(entry: Entry) -> Optional[str]:
    """The text after a decision heading ("" for a bare heading), or None.

    A lower-case "agreed" inside a sentence is narrative; only a heading word
    standing first in capitals (or in bold) opens a decision block.
    """
    return heading_text(clean(entry.text), entry.bold)


def heading_word(text: str) -> str:
    """The block's own word ("RESOLVED"), after any paragraph number."""
    words = re.sub(r"^\(?\d{1,2}[.)]\s+", "", text).split()
    return words[0].rstrip(":").upper() if words else ""


def heading_text(text: str, bold: bool = False) -> Optional[str]:
    m = HEADING_RE.match(text)
    if not m:
        return None
    word = m.group(1)
    if not (word.isupper() or bold):
        return None
    rest = m.group(2).strip()
    if rest and not re.match(r"^(?:that|to)\b|^\(?\d|^\(?[a-z]\)", rest, re.I) and not word.isupper():
        return None
    return rest


def starts_new(text: str) -> bool:
    return bool(START_RE.match(text))


def verb_of(text: str, fallback: Optional[str]) -> Optional[str]:
    caps = VERB_RE.findall(text or "")
    for word in caps:
        if word in KNOWN_VERBS:
            return word
    if caps:
        return caps[0]
    m = re.search(r"\b(" + "|".join(v.lower() for v in KNOWN_VERBS) + r")\b", text or "", re.I)
    if m:
        return m.group(1).upper()
    return fallback.upper() if fallback else None


def make(text: str, page: int, heading_word: Optional[str], raw: str) -> dict:
    text = re.sub(r"^\(?(?:\d{1,2}|[a-z])[.)]\s+", "", text).strip()
    return {"verb": verb_of(text, heading_word), "text": text, "page": page, "raw": raw}
