"""Which date a qualifying word ("Completed", "to be embedded", "Review", "by") governs.

A target cell often lists several milestones with one status word, e.g.
"Completed January 2017 April 2017" (only January is completed) or
"March 2017 completed June 2017 to embedded".  A cue therefore governs exactly
one date: the one it touches across nothing but function words and
punctuation.  When it touches dates on both sides, a capitalised cue opens a
new item and looks forward ("... February 2017 Review in June 2017"), a cue
followed by a preposition or set off from the earlier date by a comma looks
forward ("completed in June", "March 2018, review due June"), and a plain
lower-case participle looks back ("March 2017 completed June 2017").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .date_grammar import Atom

# Cue classes and how strongly they claim a date when several touch it: a
# specific status word beats the generic deadline "by", which beats the "end"
# implied by "end of".
_CUES: list[tuple[str, str, bool]] = [
    # (qualifier, pattern, may look backwards)
    ("completed", r"\b(?:completed?|competed|completion)\b", True),
    ("embed", r"\b(?:to\s+(?:be\s+)?)?embed(?:ded|ding|s)?\b", True),
    ("review", r"\breview(?:ed|s|ing)?\b", True),
    ("start", r"\b(?:start(?:ed|ing|s)?|commenc(?:e|ed|es|ing)|began|begin(?:s|ning)?|launch(?:ed|es|ing)?|since)\b", False),
    ("start", r"(?:^|(?<=[.;:\n(•]))\s*from\b", False),  # a leading "From X"; mid-sentence "from" gives a source
    ("by", r"\b(?:by|no\s+later\s+than)\b", False),
]
PRIORITY = {"completed": 3, "embed": 3, "review": 3, "start": 3, "by": 2, "end": 1}

_FILL = r"(?:in|on|at|by|of|the|during|for|to|be|due|was|is|were|will|been|and|around|approx|circa|date|target|last|this|next)"
_FORWARD_GAP = re.compile(r"(?i)^[\s\-–—:,()]*(?:" + _FILL + r"\b[\s\-–—:,()]*)*$")
_BACKWARD_GAP = re.compile(r"(?i)^[\s\-–—:,()]*(?:(?:to|be|and|was|is|were|been|has|have|fully|now|all)\b[\s\-–—:,()]*)*$")
# "not yet started", "has not been completed": the event has not happened.
_NEGATED = re.compile(r"(?i)\b(?:not|never|no|yet\s+to|n't)\s+(?:yet\s+)?(?:been\s+|be\s+)?$")
# "to be completed by June" is a deadline, not a completion: it falls back to "by".
_FUTURE = re.compile(r"(?i)\b(?:to|will|shall|should|must|would)\s+(?:be\s+)?$")
_PREPOSITION = re.compile(r"(?i)\b(?:in|on|by|during|for)\b")


@dataclass
class Cue:
    pos: int
    end: int
    qualifier: str
    backward_ok: bool
    capitalised: bool


def find_cues(text: str, atoms: list[Atom]) -> list[Cue]:
    cues = []
    for qualifier, pattern, backward_ok in _CUES:
        for m in re.finditer("(?i)" + pattern, text):
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            if any(a.pos <= start < a.end for a in atoms):
                continue  # "start of March" is part of the date expression
            if any(c.pos <= start < c.end for c in cues):
                continue
            before = text[:start]
            if qualifier in ("completed", "start", "review") and _NEGATED.search(before):
                continue
            if qualifier == "completed" and _FUTURE.search(before):
                continue
            cues.append(Cue(start, m.end(), qualifier, backward_ok, text[start].isupper()))
    return sorted(cues, key=lambda c: c.pos)


def attach_qualifiers(text: str, atoms: list[Atom]) -> list[str | None]:
    """One qualifier (or None) per atom."""
    best: list[tuple[int, str] | None] = [None] * len(atoms)
    for atom_index, atom in enumerate(atoms):
        if atom.modifier in ("end", "start") and atom.kind != "range":
            best[atom_index] = (PRIORITY["end"], atom.modifier)
    for cue in find_cues(text, atoms):
        index = _target(text, cue, atoms)
        if index is None:
            continue
        if atoms[index].kind == "range" and cue.qualifier == "start":
            continue  # "from X to Y" is the range itself
        rank = PRIORITY[cue.qualifier]
        if best[index] is None or rank > best[index][0]:
            best[index] = (rank, cue.qualifier)
    return [b[1] if b else None for b in best]


def _target(text: str, cue: Cue, atoms: list[Atom]) -> int | None:
    prev_i = next_i = None
    for i, atom in enumerate(atoms):
        if atom.end <= cue.pos:
            prev_i = i
        elif atom.pos >= cue.end and next_i is None:
            next_i = i
    forward_gap = text[cue.end:atoms[next_i].pos] if next_i is not None else None
    forward = forward_gap is not None and bool(_FORWARD_GAP.match(forward_gap))
    backward = (cue.backward_ok and prev_i is not None
                and bool(_BACKWARD_GAP.match(text[atoms[prev_i].end:cue.pos])))
    if forward and backward:
        backward_gap = text[atoms[prev_i].end:cue.pos]
        if cue.capitalised or _PREPOSITION.search(forward_gap) or re.search(r"[,;]", backward_gap):
            return next_i
        return prev_i
    if forward:
        return next_i
    if backward:
        return prev_i
    return None
