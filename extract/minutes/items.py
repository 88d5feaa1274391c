"""Splitting minutes into numbered items, including items whose heading was lost.

Item headings are numbered, set in bold or capitals, and their numbers only
go up; anything else that starts with a number (dates, figures, slide page
numbers) is body text. A heading can vanish in conversion; the tell is a
fresh "Report No. ..." paragraph at the margin after the current item already
reached its points or decision, since one report is one item.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from . import resolutions
from .header import CLOSING_RE
from .text import Entry, clean, is_separator, line_pitch, set_tight

# "84. Title", "5A Title", dotted minute numbers ("18.11.3 Title": year, month, item), minute
# numbers with a committee's letters ("PL.45", "DC/12", "BM/24/045", "TB24/031") and with the year ("45/24", "24/101")
HEAD_RE = re.compile(r"^((?:[A-Z]{1,5}[./-]|[A-Z]{1,5}(?=\d{1,4}[./]\d))?\d{1,4}(?:[./]\d{1,4}){0,3})([A-Za-z]?)\.?\s+(\S.*)$")
NUMBER_STEP = 50  # an item number more than this past the last one is a figure, not a heading
# "Minute 31/19 Title", "Item 5: Title", "Agenda item 5 - Title": the word says it is a heading
_LABELLED_RE = re.compile(r"^(?:minute|(?:agenda\s+)?item)s?\s+(?:no\.?\s*)?(\d{1,4})([A-Za-z]?)(?:/\d{2,4})?"
                          r"\s*[.:\-–—]?\s+(\S.*)$", re.I)
REPORT_REF_RE = re.compile(r"\bReport\s+(?:No\.?|Number|Ref\.?)\s*([A-Z]{0,6}[/-]?\s?\d(?:[\w/.-]*\w)?)", re.I)
_BOILERPLATE = re.compile(r"intentionally\s+(?:been\s+)?left\s+blank|^page\s+\d", re.I)


def _shouted(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) >= 0.8


def number_prefix(number: str) -> str:
    """The letters a minute number opens with ("PL" of "PL.45"): every item of the minutes shares them."""
    return re.match(r"^[A-Z]*", number or "").group(0)


def number_key(number: str) -> tuple[int, ...]:
    """"18.11.3" -> (18, 11, 3); "5A" -> (5,)."""
    return tuple(int(x) for x in re.findall(r"\d+", number))


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
# "IV. ROLL CALL", "B. PUBLIC COMMENT": items lettered or in roman numerals (US and Canadian minutes)
_LETTERED_RE = re.compile(r"^([IVXL]{1,6}|[A-HJ-UW-Z])[.)]\s+(\S.*)$")


def _roman(text: str) -> Optional[int]:
    total, prev = 0, 0
    for ch in reversed(text):
        v = _ROMAN_VALUES.get(ch)
        if v is None:
            return None
        total, prev = (total - v, prev) if v < prev else (total + v, v)
    return total


def lettered_heading(entry: Entry, last: Optional[tuple[int, ...]], scheme: Optional[str]) -> Optional[tuple[str, str, str]]:
    """(label, title, scheme) for an item headed "IV. TITLE" or "B. TITLE": shouted or
    bold, and next in its sequence (roman numerals count I, II, III; letters A, B, C)."""
    m = _LETTERED_RE.match(clean(entry.text))
    if not m or not (entry.bold or _shouted(m.group(2))) or not re.search(r"[A-Za-z]{2,}", m.group(2)):
        return None
    label = m.group(1)
    options = []
    if scheme in (None, "roman") and _roman(label):
        options.append(("roman", _roman(label)))
    if scheme in (None, "alpha") and len(label) == 1:
        options.append(("alpha", ord(label) - ord("A") + 1))
    for kind, value in options:
        if (last is None and value == 1) or (last is not None and value == last[0] + 1):
            return label, m.group(2).strip(), kind
    return None


HEADING_SIZE = 1.1  # a line set this much larger than the body text is a heading however plain its face


def body_size(lines: list[Entry]) -> Optional[float]:
    """The commonest type size of the lines: the minutes' running text."""
    sizes = Counter(round(e.size, 1) for e in lines if e.size)
    return sizes.most_common(1)[0][0] if sizes else None


def _set_larger(entry: Entry, size: Optional[float]) -> bool:
    return bool(size and entry.size and entry.size >= HEADING_SIZE * size)


def heading(entry: Entry, last: Optional[tuple[int, ...]], prefix: Optional[str] = None,
            size: Optional[float] = None) -> Optional[tuple[str, str]]:
    """(number, title) when the line opens an item. Numbers only go up, by less
    than NUMBER_STEP, keep the depth the first heading set ("18.11.3" is not
    followed by a bold "4.1" sub-paragraph) and the letters it opened with ("PL.46"
    after "PL.45", never a reference "B2140"). A heading is labelled, bold, shouted, or set
    larger than the text (``size``, the body's type size)."""
    labelled = _LABELLED_RE.match(clean(entry.text))
    m = labelled or HEAD_RE.match(clean(entry.text))
    if not m:
        return None
    key, title = number_key(m.group(1)), m.group(3).strip()
    if not re.search(r"[A-Za-z]{2,}", title) or re.match(r"^(?:st|nd|rd|th)\b", title):
        return None
    if not (labelled or entry.bold or _shouted(title) or _set_larger(entry, size)):
        return None
    if last is not None and not (len(key) == len(last) and last < key and key[0] - last[0] <= NUMBER_STEP):
        return None
    if not labelled and prefix is not None and number_prefix(m.group(1)) != prefix:
        return None
    return m.group(1) + m.group(2), title


def title_continues(entry: Entry, heading: Entry, above: Optional[Entry] = None,
                    pitch: Optional[float] = None) -> bool:
    """A heading's wrapped line: shouted like it, and set like it (bold under a
    bold heading, plain under a plain one); or, under a bold heading in mixed
    case, a bold line set tight under the heading's last line."""
    text = clean(entry.text)
    if not text or is_separator(text) or resolutions.heading(entry) is not None:
        return False
    if _LABELLED_RE.match(text) or REPORT_REF_RE.match(text) or _LETTERED_RE.match(text):
        return False
    if HEAD_RE.match(text) and not re.match(r"^\d{4}\b", text):  # a wrapped year is no heading
        return False
    # a wrapped year ("2015-17") has no letters to shout with
    caps = _shouted(text) or (not any(c.isalpha() for c in text) and len(text) <= 12)
    if caps and (entry.bold == heading.bold or not entry.line.words):
        return True
    return bool(heading.bold and entry.bold and entry.line.words and not _shouted(heading.text)
                and set_tight(above or heading, entry, pitch))


def report_refs(text: str) -> list[str]:
    seen = []
    for m in REPORT_REF_RE.finditer(text or ""):
        ref = f"Report No. {m.group(1).strip()}"
        if ref not in seen:
            seen.append(ref)
    return seen


def split_headings(lines: list[Entry]) -> tuple[list[dict], list[Entry], list[Entry]]:
    """(items with their body lines, lines before the first item, lines after the minutes end)."""
    items: list[dict] = []
    preamble: list[Entry] = []
    last: Optional[tuple[int, ...]] = None
    scheme: Optional[str] = None  # how the items are numbered: "numbers", "roman" or "alpha"
    prefix: Optional[str] = None  # the letters the first minute number opened with ("PL" of "PL.45")
    closed_at: Optional[int] = None
    pitch = line_pitch(lines)
    size = body_size(lines)
    i = 0
    while i < len(lines):
        e = lines[i]
        if closed_at is not None:
            if is_separator(e.text) and i == closed_at + 1:
                items[-1]["body"].append(e)
                i += 1
                continue
            return items, preamble, lines[i:]
        h = heading(e, last, prefix, size) if scheme in (None, "numbers") else None
        lettered = None if h or scheme == "numbers" else lettered_heading(e, last, scheme)
        if lettered:
            h = lettered[:2]
        if h:
            number, title = h
            scheme = lettered[2] if lettered else "numbers"
            prefix = None if lettered else number_prefix(number)
            heads = [e]
            while i + 1 < len(lines) and title_continues(lines[i + 1], e, heads[-1], pitch):
                i += 1
                heads.append(lines[i])
                title = f"{title} {clean(lines[i].text)}"
            items.append({"number": number, "title": title, "title_inferred": False,
                          "heads": heads, "body": []})
            last = (_roman(number) if scheme == "roman" else ord(number) - ord("A") + 1,) if lettered else number_key(number)
        elif items:
            if _BOILERPLATE.search(e.clean):
                return items, preamble, lines[i:]
            items[-1]["body"].append(e)
            if CLOSING_RE.search(e.clean):
                closed_at = i
        else:
            preamble.append(e)
        i += 1
    return items, preamble, []


def _reached_points_or_decision(body: list[Entry]) -> bool:
    from .points import label_of

    return any(label_of(e) or resolutions.heading(e) is not None for e in body)


def split_lost_headings(items: list[dict]) -> list[dict]:
    """Cut an item where a second report starts after its discussion was already recorded."""
    out: list[dict] = []
    for item in items:
        body, current = item["body"], item
        margin = min((e.x0 for e in [*item["heads"], *body] if e.x0 is not None), default=None)
        start = 0
        for j, e in enumerate(body):
            at_margin = e.x0 is None or margin is None or e.x0 <= margin + 3
            if j > start and REPORT_REF_RE.match(e.clean) and at_margin and \
                    _reached_points_or_decision(body[start:j]):
                current["body"] = body[start:j]
                out.append(current)
                current = {"number": None, "title": None, "title_inferred": True, "heads": [], "body": []}
                start = j
        current["body"] = body[start:]
        out.append(current)
    _number_inferred(out)
    return out


def _number_inferred(items: list[dict]) -> None:
    """An inferred item takes the number the sequence leaves free, if it leaves exactly that one."""
    for k, item in enumerate(items):
        if item["number"] is not None:
            continue
        prev = items[k - 1]["number"] if k else None
        nxt = next((it["number"] for it in items[k + 1:] if it["number"]), None)
        try:
            guess = int(re.match(r"\d+", prev).group()) + 1
        except (TypeError, AttributeError):
            continue
        if nxt is None or int(re.match(r"\d+", nxt).group()) > guess:
            item["number"] = str(guess)


UNNUMBERED_WORDS = 14  # an unnumbered heading is a short line; longer bold lines are emphasis in the text
_ATTENDANCE_HEAD = re.compile(r"^(?:present|in attendance|also present|officers?(?: present)?|members present|"
                              r"councillors present|attendees?)\b", re.I)


def _unnumbered_heading(entry: Entry, margin: Optional[float]) -> bool:
    text = clean(entry.text)
    if not text or not entry.bold or len(text.split()) > UNNUMBERED_WORDS or is_separator(text):
        return False
    if re.search(r"[.;,]$", text) or _ATTENDANCE_HEAD.match(text) or resolutions.heading(entry) is not None:
        return False
    if margin is not None and entry.x0 is not None and entry.x0 > margin + 20:
        return False  # centred or indented: a title or an emphasised phrase, not an item
    return bool(re.search(r"[A-Za-z]{3,}", text))


def split_unnumbered(lines: list[Entry]) -> tuple[list[dict], list[Entry], list[Entry]]:
    """Items headed by bold titles without numbers, for minutes that number nothing.

    The title block (the run of bold lines the minutes open with) is not an item;
    the attendance lists before the first heading stay in the preamble."""
    margin = min((e.x0 for e in lines if e.x0 is not None), default=None)
    start = 0
    while start < len(lines) and lines[start].bold and lines[start].page == lines[0].page:
        start += 1
    items: list[dict] = []
    preamble = list(lines[:start])
    pitch = line_pitch(lines)
    i = start
    while i < len(lines):
        e = lines[i]
        if _unnumbered_heading(e, margin):
            heads, title = [e], clean(e.text)
            while i + 1 < len(lines) and lines[i + 1].bold and set_tight(heads[-1], lines[i + 1], pitch) \
                    and _unnumbered_heading(lines[i + 1], margin):
                i += 1
                heads.append(lines[i])
                title = f"{title} {clean(lines[i].text)}"
            items.append({"number": None, "title": title, "title_inferred": False, "heads": heads, "body": []})
        elif items:
            items[-1]["body"].append(e)
        else:
            preamble.append(e)
        i += 1
    return (items, preamble, []) if len(items) >= 2 else ([], lines, [])
