"""Attendance lists (present, apologies, officers, in attendance).

Clerks lay these out as two-column grids: either two names per row, or a name
and the role it holds. The columns are recovered from word x positions (or
from tabs in a text rendering), and a row whose only cell is not a name is the
previous person's role wrapping onto a second line.
"""
from __future__ import annotations

import re
from typing import Optional

from .text import Entry, clean, collapse

HONORIFIC = r"(?:Mr|Mrs|Miss|Ms|Mx|Dr|Cllr|Councillor|Prof|Professor|Sir|Dame|Lady|Lord|Rev|Revd|Canon|Father|Alderman)\.?"
NAME_RE = re.compile(rf"^{HONORIFIC}\s+[A-Z]", re.U)
_HEAD_WORDS = r"(?:OFFICERS?|MEMBERS|COUNCILLORS|ALSO|IN|PRESENT|APOLOGIES|FOR|ABSENCE|ATTENDANCE|ABSENT|SUBSTITUTES?|OTHERS?|STAFF|AND|OBSERVERS?|NOT|RECEIVED|WERE)"
HEADING_RE = re.compile(rf"^\s*((?:{_HEAD_WORDS}\b\s*)+)(:?)\s*(.*)$", re.I)
COLUMN_GAP = 12.0  # points; wider than a word space, narrower than a column gutter


def section_of(heading: str) -> Optional[str]:
    h = heading.upper()
    if "APOLOG" in h or "ABSENT" in h:
        return "apologies"
    if "OFFICER" in h or "STAFF" in h:
        return "officers"
    if "ATTENDANCE" in h or "ALSO" in h or "OBSERVER" in h or "OTHER" in h:
        return "in_attendance"
    if "PRESENT" in h or "MEMBERS" in h or "COUNCILLORS" in h:
        return "present"
    return None


def heading(entry: Entry) -> Optional[tuple[str, bool, str]]:
    """(heading words, finished with a colon, any text after the colon) or None."""
    text = clean(entry.text).replace("**", "")
    m = HEADING_RE.match(text)
    if not m:
        return None
    words, colon, tail = m.group(1).strip(), m.group(2), m.group(3).strip()
    if tail and not colon:
        return None  # a sentence that merely starts with "Members ..."
    if not colon and not (words.isupper() or entry.bold):
        return None
    return words, bool(colon), tail


def cells(entry: Entry) -> list[tuple[str, Optional[float]]]:
    """Split a row into its columns: by word gaps when geometry exists, else by tabs."""
    words = entry.line.words
    if words and all(w.bbox for w in words):
        out, current, start = [], [], None
        for w in words:
            if current and w.bbox[0] - current[-1].bbox[2] > COLUMN_GAP:
                out.append((" ".join(x.text for x in current), start))
                current = []
            if not current:
                start = w.bbox[0]
            current.append(w)
        if current:
            out.append((" ".join(x.text for x in current), start))
        return [(collapse(t), x) for t, x in out if collapse(t)]
    parts = re.split(r"\t+|\s{3,}", entry.text.replace("**", "").strip())
    return [(collapse(p), None) for p in parts if collapse(p)]


def is_name(text: str) -> bool:
    return bool(NAME_RE.match(text))


def _person(text: str, role: Optional[str] = None) -> dict:
    m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*$", text)
    if m and is_name(m.group(1)) and not role:
        return {"name": m.group(1).strip(), "role": m.group(2).strip()}
    return {"name": text.strip(" ,;"), "role": role}


_PLURAL = re.compile(r"^(Councillors|Cllrs\.?|Messrs\.?|Drs\.?)\s+(?=[A-Z])")
_SINGULAR = {"councillors": "Councillor", "cllrs": "Cllr", "messrs": "Mr", "drs": "Dr"}
# a name after a comma or "and" in a list: an honorific, or initials and a surname
_LISTED = r"(?:" + HONORIFIC + r"\s|(?:[A-Z]\.?\s?){1,3}\s*[A-Z][a-z])"


def _inline(tail: str) -> list[dict]:
    """"Present: Councillor A (Chair), Councillor B and Councillor C" written as prose;
    "Councillors B Jones, C Brown and D White" gives each of them the title."""
    parts = re.split(r"\s*[,;]\s*|\s+(?:and|&)\s+(?=" + _LISTED + ")", tail.strip().rstrip("."))
    people, shared = [], None
    for part in (p.strip() for p in parts):
        if not part:
            continue
        plural = _PLURAL.match(part)
        if plural:
            shared = _SINGULAR[plural.group(1).rstrip(".").lower()]
            part = f"{shared} {part[plural.end():]}"
        elif is_name(part):
            shared = None
        elif shared:
            part = f"{shared} {part}"
        people.append(_person(part))
    return people


_SENTENCE = re.compile(r"^(?P<what>apologies(?: for absence)?)\b.*?\b(?:from|by)\s+(?P<who>.+)$", re.I)


def _sentence(text: str) -> Optional[tuple[str, list[dict]]]:
    """"Apologies for absence were received from Councillor G Grey." as a sentence."""
    m = _SENTENCE.match(clean(text).replace("**", ""))
    if not m:
        return None
    people = [p for p in _inline(m.group("who")) if is_name(p["name"])]
    return ("apologies", people) if people else None


def extract_attendance(lines: list[Entry]) -> dict:
    out: dict[str, list[dict]] = {"present": [], "apologies": [], "officers": [], "in_attendance": []}
    section: Optional[str] = None
    pending = ""  # heading words still waiting for their colon ("OFFICERS" / "PRESENT:")
    role_x: Optional[float] = None
    for e in lines:
        said = _sentence(e.text)
        if said:
            out[said[0]].extend(said[1])
            continue
        h = heading(e)
        if h:
            words, colon, tail = h
            pending = f"{pending} {words}".strip()
            if colon or tail:
                section, pending = section_of(pending), ""
                if section and tail:
                    out[section].extend(_inline(tail))
            continue
        if pending:
            section, pending = section_of(pending), ""
        if section is None:
            continue
        row = cells(e)
        if not row:
            continue
        people = out[section]
        first, x_first = row[0]
        if not is_name(first):
            continued = people and (
                people[-1]["role"] is not None
                or (role_x is not None and x_first is not None and abs(x_first - role_x) < 20)
            )
            if continued:
                text = " ".join(t for t, _ in row)
                prev = people[-1]
                prev["role"] = collapse(f"{prev['role'] or ''} {text}")
            continue
        if len(row) >= 2 and all(is_name(t) for t, _ in row):
            people.extend(_person(t) for t, _ in row)
        elif len(row) >= 2:
            role_x = row[1][1]
            people.append(_person(first, collapse(" ".join(t for t, _ in row[1:]))))
        elif len(listed := _inline(first)) > 1 and all(is_name(p["name"]) for p in listed):
            people.extend(listed)  # the whole list set as one line of prose
        else:
            people.append(_person(first))
    return {section: _once(people) for section, people in out.items()}


def _once(people: list[dict]) -> list[dict]:
    """A list row repeated at the top of the next page (a table's first row set
    to repeat like a header) names the same person once."""
    seen, kept = set(), []
    for p in people:
        key = (p["name"], p["role"])
        if key not in seen:
            seen.add(key)
            kept.append(p)
    return kept
