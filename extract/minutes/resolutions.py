"""Decisions: the AGREED / RESOLVED blocks and the verb each one turns on.

Clerks shout the operative verb ("That the Panel NOTED the report"), so the
verb is the first capitalised past-tense word of the decision, falling back to
the block's own heading word when the decision is written in lower case.
"""
from __future__ import annotations

import re
from typing import Optional

from .text import Entry, clean

HEADING_RE = re.compile(r"^(RESOLVED|AGREED|DECIDED|RECOMMENDED|DECISION|RESOLUTION)S?\b\s*([:\-–]?)\s*(.*)$", re.I)
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
    """A heading word in capitals or bold, or capitalised and followed by its colon or dash
    ("Resolved: that ...", the parish clerk's way), opens a decision."""
    m = HEADING_RE.match(text)
    if not m:
        return None
    word = m.group(1)
    if not (word.isupper() or bold or (word[:1].isupper() and m.group(2))):
        return None
    rest = m.group(3).strip()
    if not (word.isupper() or bold) and rest and not re.match(r"^(?:that|to)\b", rest, re.I):
        return None  # "Decision - 24/00097 ..." names a decision, it does not record one
    if rest and not re.match(r"^(?:that|to)\b|^\(?\d|^\(?[a-z]\)", rest, re.I) and not word.isupper():
        return None
    return rest


# "THAT the agenda be adopted as presented.": a motion as North American councils print it,
# the shouted "THAT" (or "BE IT RESOLVED THAT") opening the decision's own words
MOTION_RE = re.compile(r"^(?:(?:NOW,?\s+)?(?:THEREFORE,?\s+)?BE\s+IT\s+RESOLVED,?\s+)?THAT\s+\S")
# "The Board NOTED the report.", "The Committee APPROVED ...": a body's decision, its verb shouted
# (or "Members NOTED ...", "It was RESOLVED that ...")
SENTENCE_RE = re.compile(r"^(?:(?:The|This)\s+(?:[A-Z][\w'’&-]*\s+){1,4}|(?:Members|Trustees|Directors|Governors|"
                         r"Councillors|Commissioners)\s+|It\s+was\s+)(?:(?:has|have|also|then|unanimously)\s+)?(" +
                         "|".join(KNOWN_VERBS) + r")\b")


def opening(entry: Entry) -> Optional[str]:
    """The whole line when it opens a decision without a heading word of its own: a motion's
    shouted "THAT ..." or a sentence whose subject is the body and whose verb is shouted."""
    text = clean(entry.text)
    if MOTION_RE.match(text) or SENTENCE_RE.match(text):
        return text
    return None


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


# "the Councillors resolved to donate", "All agreed this was a true record", "it was resolved that"
# (not "had agreed" or "would be decided": a decision reported from elsewhere or still to come)
INLINE_RE = re.compile(r"(?<!\bhad )(?<!\bhas )(?<!\bhave )(?<!\bpreviously )(?<!\balready )(?<!\bwould )(?<!\bwill )(?<!\bbe )(?<!\bbeen )\b(resolved|agreed|decided)\b\s+(?:unanimously\s+)?(?=(?:to|that|not|this|on|the|unanimously)\b)", re.I)
_JOINING = re.compile(r"(?:[,;:\-–]|\b(?:and|or|but|the|a|an|to|of|for|in|on|at|by|with|from|that|which|was|were|be))$", re.I)


def _segments(lines: list) -> list[str]:
    """Lines joined into runs of text; a run ends where the next line starts a new
    thought (a capital after a line that leaves nothing hanging), which is how
    unpunctuated minutes ("... resolved to donate £65" / "A letter from ...") separate decisions."""
    runs, cur = [], []
    for i, e in enumerate(lines):
        text = clean(e.text)
        cur.append(text)
        nxt = clean(lines[i + 1].text) if i + 1 < len(lines) else ""
        if not nxt or (nxt[:1].isupper() and not _JOINING.search(text)):
            runs.append(" ".join(cur))
            cur = []
    if cur:
        runs.append(" ".join(cur))
    return runs


def inline(lines: list) -> list[dict]:
    """Decisions written into the narrative, from their verb to the end of the sentence."""
    out = []
    for run in _segments(lines):
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“‘'])", run):
            m = INLINE_RE.search(sentence)
            if not m:
                continue
            text = sentence[m.start():].strip()
            page = lines[0].page if lines else None
            out.append({"verb": m.group(1).upper(), "text": text, "page": page, "raw": sentence})
    return out
