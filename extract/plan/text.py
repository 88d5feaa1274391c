"""Cleaning cell and line text into the contract's text form.

Every text field must be the document's own words with whitespace collapsed
and list glyphs dropped, while ``*_lines`` keep the items a person typed on
separate lines (the people normaliser splits owners on them). Both views come
from the same raw cell text, so they are built here in one place.
"""
from __future__ import annotations

import re

from plantrace.extract.rejoin import mend_english
from plantrace.extract.textform import BULLET, collapse

# Glyphs that only mark a list item. "-"/">" count only before a space, so
# hyphenated words and arrows inside sentences survive.
SYMBOL = BULLET
ASCII = r"[-*>o](?=\s)"
GLYPH = rf"(?:{SYMBOL}|{ASCII})"
_LEADING_GLYPH = re.compile(rf"^\s*(?:{GLYPH}\s*)+")
# Inside a cell a line starting "- " may just be a wrapped "Care - Team"; the
# ASCII marks count as glyphs only when the block's first line uses them too.
_LEADING_SYMBOL = re.compile(rf"^\s*(?:{SYMBOL}\s*)+")
# A line broken after a hyphen inside a word ("bi-" / "monthly") is one word.
_SOFT_BREAK = re.compile(r"(?<=[A-Za-z0-9])-[ \t]*\n\s*(?=\w)")
# A line broken after a slash between words ("training/" / "workshops") is one
# term: typesetters break after a slash as they do after a hyphen.
_SLASH_BREAK = re.compile(r"(?<=[A-Za-z0-9])/[ \t]*\n\s*(?=\w)")
# A line ending in one of these is continued by the next line, not a new item.
_CONNECTOR_END = re.compile(r"(?:[–—,&/(]|\s-|\b(?:and|or|of|for|to|the|in|with|at|by)|'s)\s*$", re.I)


# A line that opens with closing punctuation ("implemented" / ".") was wrapped
# before it only because the column was too narrow for the word and its stop.
_PUNCT_BREAK = re.compile(r"(?<=\w)[ \t]*\n[ \t]*(?=[.,;:!?)](?:\s|$))")


# A narrow column breaks a word before its last letter ("Commence" / "d Oct 2024") or
# an acronym between its letters ("Performance/P" / "H Consultant"): a line that
# opens with one stray letter, of the case the line above ended in, is glued back.
_LETTER_BREAK = re.compile(r"(?:(?<=[a-z]{3})[ \t]*\n[ \t]*(?=[b-hj-z](?:[ \t]|$))"
                           r"|(?<=[/(][A-Z])[ \t]*\n[ \t]*(?=[A-Z](?:[ \t]|$)))", re.M)


def _mend_breaks(text: str) -> str:
    text = _LETTER_BREAK.sub("", text)
    return mend_english(_PUNCT_BREAK.sub("", _SLASH_BREAK.sub("/", _SOFT_BREAK.sub("-", text))))


def starts_with_glyph(line: str) -> bool:
    return bool(_LEADING_GLYPH.match(line))


def strip_glyph(line: str, ascii_marks: bool = True) -> str:
    return (_LEADING_GLYPH if ascii_marks else _LEADING_SYMBOL).sub("", line, count=1)


def _ascii_list(lines) -> bool:
    first = next((ln for ln in lines if ln.strip()), "")
    return bool(re.match(rf"^\s*{ASCII}", first))


def clean(text: str | None) -> str:
    """The contract form of a block of text: one line, no list glyphs."""
    if not text:
        return ""
    lines = _mend_breaks(text).splitlines()
    marks = _ascii_list(lines)
    return collapse(" ".join(strip_glyph(line, marks) for line in lines))


def join_raw(parts) -> str:
    """Concatenate pieces of one cell split across rows or pages."""
    return "\n".join(p for p in parts if p and p.strip())


def cell_lines(text: str | None) -> list[str]:
    """A cell's items: bullet items if it has bullets, else its logical lines.

    Without bullets a line is a new item unless the previous one plainly
    continues (ends with a dash, "and", "of" ...) or the next one starts in
    lower case: wrapped job titles then stay with their holder's name.
    """
    if not text:
        return []
    raw = [ln for ln in _mend_breaks(text).splitlines() if ln.strip()]
    marks = _ascii_list(raw)
    pattern = _LEADING_GLYPH if marks else _LEADING_SYMBOL
    bulleted = any(pattern.match(ln) for ln in raw)
    items: list[str] = []
    for ln in raw:
        glyph = bool(pattern.match(ln))
        body = collapse(strip_glyph(ln, marks))
        if not body:
            continue
        if not items:
            items.append(body)
        elif bulleted:
            if glyph:
                items.append(body)
            else:
                items[-1] += " " + body
        elif _CONNECTOR_END.search(items[-1]) or body[0].islower() or body[0] in "–—-(&":
            items[-1] += " " + body
        else:
            items.append(body)
    return items
