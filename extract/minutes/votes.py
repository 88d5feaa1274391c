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
    from .attendance import _TRAILING_POST, split_listed

    # cut like an attendance list, so "Sir Paul Carter, CBE" is one member, named without the honour
    names = (_TRAILING_POST.sub("", p).strip(" ,") for p in split_listed(text))
    return [n for n in names if n and not _NONE.match(n)]


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


# UK recorded votes: "For (51)" over the names, "Against (6)", "Abstain (2)", then "Motion carried."
RECORDED_HEAD = re.compile(r"^(for|against|abstain(?:ed|ing)?|abstentions?)\s*\((\d+)\)\s*:?\s*(.*)$", re.I)
RESULT_LINE = re.compile(
    r"^(?:(?:the\s+)?(?:substantive\s+|original\s+)?(?:motion|amendment|recommendations?|proposals?|resolution)\s+"
    r"(?:as amended\s+)?(?:was\s+|were\s+)?(?:carried|lost|agreed|approved|fell|defeated|rejected|withdrawn)"
    r"(?:\s+unanimously)?|(?:agreed|carried|approved)(?:\s+unanimously|\s+nem\.?\s*con\.?)|(?:carried|lost))\.?$", re.I)
# (a bare "AGREED" or "RESOLVED" opens a decision; only "Agreed unanimously." or "Carried." is a vote's result)
_HON = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Cllr|Councillor)\.?\s+)"
_WHO = rf"{_HON}?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
PROPOSED_RE = re.compile(rf"(?P<mover>{_WHO})\s*,?\s+(?:proposed|moved)\s*,?\s+(?:and\s+)?(?P<seconder>{_WHO})\s*,?\s+seconded")
_POSITION = {"for": "for", "against": "against"}


def position_of(word: str) -> str:
    return _POSITION.get(word.lower(), "abstain")


def recorded(lines: list[str], before: str) -> Optional[dict]:
    """A recorded vote from its lines (heads, names, result) and the text before it,
    which names the proposer and seconder."""
    vote: dict = {"motion": None, "mover": None, "seconder": None, "result": None,
                  "for": [], "against": [], "abstain": []}
    current, listed = None, {}
    for line in lines:
        head = RECORDED_HEAD.match(line)
        if head:
            current = position_of(head.group(1))
            vote[f"{current}_count"] = int(head.group(2))
            listed[current] = head.group(3)
        elif RESULT_LINE.match(line):
            vote["result"] = line.strip()
        elif current:  # names wrap across lines ("Mrs" / "Binks", "Crow-" / "Brown")
            so_far = listed.get(current, "")
            joined = so_far + line if re.search(r"[A-Za-z]-$", so_far) else f"{so_far} {line}"
            listed[current] = joined.strip()
    for position, text in listed.items():
        vote[position] = vote[position] + _names(text)
    proposed = list(PROPOSED_RE.finditer(before or ""))
    if proposed:  # the substantive motion is the one first proposed; an amendment, the latest
        pick = proposed[0] if re.search(r"\bsubstantive\b", vote["result"] or "", re.I) else proposed[-1]
        vote["mover"], vote["seconder"] = pick.group("mover"), pick.group("seconder")
    return vote if (vote["result"] or current) else None
