"""Votes: who moved and seconded a motion, how each member voted, and the result.

US and Canadian clerks print a block of labelled lines after each motion
("RESULT: APPROVED [UNANIMOUS] / MOTION BY: Mashack / SECOND: Brown / AYES: ...
/ NAYS: ... / ABSTAIN: ... / ABSENT: ..."), often as a borderless table; the
motion itself is the sentence before it ("... made a motion, seconded by
Commissioner Mendez, to postpone ..."). Both are read by their labels' meaning.
"""
from __future__ import annotations

import re
from typing import Optional

# label words -> the contract's field
FIELDS = (
    ("result", r"result|outcome|vote result"),
    ("mover", r"motion\s+by|moved\s+by|mover|proposer|proposed\s+by|motion"),
    ("seconder", r"second(?:ed)?(?:\s+by)?|seconder"),
    ("for", r"ayes?|yeas?|for|in\s+favou?r"),
    ("against", r"noes|nays?|no|against|opposed"),
    ("abstain", r"abstain(?:ed|ing)?|abstentions?"),
    ("absent", r"absent|recused|excused"),
)
LABEL_RE = re.compile(r"^\s*(" + "|".join(f"(?:{p})" for _, p in FIELDS) + r")\s*:\s*(.*)$", re.I)
_LISTS = {"for", "against", "abstain", "absent"}
_NONE = re.compile(r"^(?:none|nil|n/?a|-|—|0)$", re.I)
MOTION_RE = re.compile(
    r"\bmade\s+a\s+motion\b,?\s*(?:seconded\s+by\s+[^,]+?,?\s+)?(?P<motion>to\s+.+?)(?:,\s+and\b|\.(?:\s|$)|$)", re.I)


def field_of(label: str) -> Optional[str]:
    for name, pattern in FIELDS:
        if re.fullmatch(pattern, label.strip(), re.I):
            return name
    return None


def _names(text: str) -> list[str]:
    text = text.strip().rstrip(".")
    if not text or _NONE.match(text):
        return []
    return [p.strip() for p in re.split(r"\s*[,;]\s*|\s+and\s+", text) if p.strip() and not _NONE.match(p.strip())]


def block(lines: list[str]) -> Optional[dict]:
    """A vote from its labelled lines, or None when fewer than two are labelled
    (one "Result:" line on its own is prose)."""
    vote: dict = {"motion": None, "mover": None, "seconder": None, "result": None,
                  "for": [], "against": [], "abstain": []}
    seen = 0
    for line in lines:
        m = LABEL_RE.match(line)
        if not m:
            continue
        name = field_of(m.group(1))
        if name is None:
            continue
        seen += 1
        value = re.sub(r"\s+", " ", m.group(2)).strip()
        if name in _LISTS:
            vote.setdefault(name, [])
            vote[name] = vote[name] + _names(value)
        else:
            vote[name] = value or None
    return vote if seen >= 2 and (vote["result"] or vote["mover"] or vote["for"]) else None


def from_table(rows: list[list[str]]) -> Optional[dict]:
    """A vote block set as a table: each row one "LABEL: value" cell, or a label
    cell and a value cell."""
    lines = []
    for row in rows:
        cells = [c.strip() for c in row if c and c.strip()]
        if not cells:
            continue
        if len(cells) >= 2 and not cells[0].endswith(":") and ":" not in cells[0]:
            lines.append(f"{cells[0]}: {' '.join(cells[1:])}")
        elif len(cells) >= 2 and cells[0].endswith(":"):
            lines.append(f"{cells[0]} {' '.join(cells[1:])}")
        else:
            lines.append(" ".join(cells))
    return block(lines)


def motions(text: str) -> list[str]:
    """The motions a narrative states, in order ("made a motion, seconded by X, to ...")."""
    return [m.group("motion").strip() for m in MOTION_RE.finditer(text or "")]


def attach_motions(votes: list[dict], text: str) -> None:
    """Give each vote without a motion the motion the narrative stated, in order."""
    stated = motions(text)
    if len(stated) == len(votes):
        for vote, motion in zip(votes, stated):
            vote["motion"] = vote.get("motion") or motion
