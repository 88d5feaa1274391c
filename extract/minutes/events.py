"""Interjections recorded between items: arrivals, departures, changes of order, closure.

They are recognised by what they say (someone left or joined the meeting, an
item was taken out of order, the meeting closed or adjourned), so the same
rules work whether or not the clerk fenced them with ---oOo--- rules.
"""
from __future__ import annotations

import re
from typing import Optional

from .attendance import HONORIFIC

KINDS = [
    ("closed", re.compile(r"\b(?:meeting|sitting)\b.{0,40}\b(?:closed|ended|finished|concluded|terminated)\b", re.I)),
    ("adjourned", re.compile(r"\badjourn(?:ed|ment)\b|\breconvened\b", re.I)),
    ("returned", re.compile(r"\b(?:returned|re-?joined|came back)\b.{0,20}\bmeeting\b", re.I)),
    ("left", re.compile(r"\b(?:left|withdrew from|departed|exited)\b.{0,10}\b(?:the\s+)?(?:meeting|room|chamber)\b|\bleft at\b", re.I)),
    ("arrived", re.compile(r"\barrived\b|\b(?:joined|entered)\s+the\s+(?:meeting|room|chamber)\b", re.I)),
    ("order", re.compile(r"\b(?:taken|considered|brought forward|moved|heard)\b.{0,40}\b(?:first|next|before|after|earlier|later|out of (?:the )?order)\b|\border of (?:the )?(?:agenda|business)\b|\bvaried the order\b", re.I)),
    ("chair", re.compile(r"\b(?:took|vacated|assumed)\s+the\s+chair\b|\bin the chair\b", re.I)),
]
_WHO_RE = re.compile(rf"^((?:{HONORIFIC}\s+[\w'.-]+(?:\s+[A-Z][\w'-]+)*\s*(?:,|\band\b)?\s*)+)\s+(?:had\s+)?(?:left|arrived|joined|entered|returned|withdrew|departed|re-?joined|took)\b")
_NAME_RE = re.compile(rf"{HONORIFIC}\s+[\w'.-]+(?:\s+[A-Z][\w'-]+)*")


def kind_of(text: str) -> Optional[str]:
    for kind, pattern in KINDS:
        if pattern.search(text):
            return kind
    return None


def who(text: str):
    """The people named before the verb: one name as a string, several as a list."""
    m = _WHO_RE.match(text)
    if not m:
        return None
    names = [n.strip() for n in _NAME_RE.findall(m.group(1))]
    if not names:
        return None
    return names[0] if len(names) == 1 else names


def standalone(text: str) -> bool:
    """A one-sentence paragraph reporting a movement, even without separators around it."""
    return bool(_WHO_RE.match(text)) and len(text) < 200


def make(text: str, page: int, raw: str) -> dict:
    return {"kind": kind_of(text) or "other", "who": who(text), "text": text, "page": page, "raw": raw}
