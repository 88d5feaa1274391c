"""OCR's words corrected by what the page image and the page's own lists show.

Tesseract reads letters well and spaces less well: a space narrowed by
justification is read as none ("Astall", "seena"), and a list label "l)"
reads as "1)", since the two are the same stroke. Neither is put right by
guessing at strings. A missed space is still on the image as a gap in the
ink as wide as the line's other spaces (letters of one word stand far
closer), so a word is cut where its ink shows one; the dictionary only says
which letter the cut falls after. A label is read from the labels round it
in the same list: after "k)" comes "l)", before "2)" stands "1)".

Words here are the pixel-frame dicts ``extract.ocr`` builds from Tesseract.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class WordSettings:
    # a blank run of ink columns inside a word this wide, as a share of the line's usual space, is a
    # space: the widest gap between two letters of one word is under half a space, a missed space over 0.8
    space_share: float = 0.7
    # a line with too few spaces to measure has spaces about this share of its height (ink box of its words)
    space_of_height: float = 0.45
    # a gap between words wider than this many line heights is a gutter or a cell's edge, not a space
    gutter: float = 1.0
    min_letters: int = 3  # a shorter word has no room for two words and a missed space
    # list labels open lines within this many line heights of the same left edge
    indent: float = 1.0


SETTINGS = WordSettings()


def _blank_runs(columns: np.ndarray) -> list[tuple[int, int]]:
    """(start, length) of the runs of blank columns strictly inside a word's box."""
    runs, start = [], None
    for i, inked in enumerate(columns):
        if not inked and start is None:
            start = i
        elif inked and start is not None:
            if start > 0:
                runs.append((start, i - start))
            start = None
    return runs


def _line_space(line: list[dict], s: WordSettings) -> float:
    """The usual space between words of one printed line, in pixels."""
    height = float(np.median([w["bottom"] - w["top"] for w in line]))
    gaps = [b["x0"] - a["x1"] for a, b in zip(line, line[1:])]
    gaps = [g for g in gaps if 0 < g <= s.gutter * height]
    return float(np.median(gaps)) if len(gaps) >= 2 else s.space_of_height * height


WORD_ZIPF = 2.5  # wordfreq's Zipf scale: a word met about once in three million words (as extract.rejoin)


def _word_score(part: str) -> float:
    from wordfreq import zipf_frequency

    core = part.strip(".,;:()'\"‘’“”").lower()
    if not core:
        return -1.0
    return WORD_ZIPF if core.isdigit() else zipf_frequency(core, "en")


def _cut_index(text: str, glyphs_left: int, share: float) -> int:
    """After which letter of ``text`` the gap falls.

    Letters at this resolution stand apart, so the runs of ink left of the gap
    count the letters before it (touching letters make it fewer); the cut is
    there when it leaves two words. Otherwise the proportional place and its
    neighbours are tried, and the one leaving the likeliest pair of words wins.
    """
    if 0 < glyphs_left < len(text) and min(_word_score(text[:glyphs_left]),
                                           _word_score(text[glyphs_left:])) >= WORD_ZIPF:
        return glyphs_left
    guess = min(max(int(round(share * len(text))), 1), len(text) - 1)
    options = [i for i in (guess - 1, guess, guess + 1) if 0 < i < len(text)]
    return max(options, key=lambda i: (min(_word_score(text[:i]), _word_score(text[i:])), -abs(i - guess)))


def split_run_together(words: list[dict], ink: np.ndarray, s: WordSettings = SETTINGS) -> list[dict]:
    """Words cut where the ink shows a space OCR did not read, in reading order of their lines."""
    lines: dict[tuple, list[dict]] = {}
    for w in words:
        lines.setdefault(w["line"], []).append(w)
    out: list[dict] = []
    for line in lines.values():
        line.sort(key=lambda w: w["x0"])
        space = _line_space(line, s)
        for w in line:
            out.extend(_split(w, ink, space, s))
    return out


def _split(w: dict, ink: np.ndarray, space: float, s: WordSettings) -> list[dict]:
    text = w["text"]
    if len(text) < s.min_letters or space <= 0:
        return [w]
    box = ink[w["top"]:w["bottom"], w["x0"]:w["x1"]]
    if box.size == 0:
        return [w]
    blanks = _blank_runs(box.any(axis=0))
    runs = [r for r in blanks if r[1] >= s.space_share * space]
    if not runs:
        return [w]
    start, length = max(runs, key=lambda r: r[1])
    width = w["x1"] - w["x0"]
    i = _cut_index(text, 1 + sum(1 for b in blanks if b[0] < start), (start + length / 2) / width)
    left = {**w, "text": text[:i], "x1": w["x0"] + start}
    right = {**w, "text": text[i:], "x0": w["x0"] + start + length}
    return _split(left, ink, space, s) + _split(right, ink, space, s)


_LABEL = re.compile(r"^(\(?)([a-z]|[0-9]{1,2}|[Il|])([.)])$")
AMBIGUOUS = {"1", "l", "I", "|"}  # one upright stroke: a digit one, a letter el or a capital i


def _step(core: str, by: int) -> str | None:
    """The label ``by`` places after (or before) ``core`` in its list."""
    if core.isdigit():
        n = int(core) + by
        return str(n) if n > 0 else None
    if len(core) == 1 and core.islower():
        n = ord(core) + by
        return chr(n) if ord("a") <= n <= ord("z") else None
    return None


def fix_list_labels(segments: list[list[dict]], s: WordSettings = SETTINGS) -> None:
    """A label read as one stroke ("1)", "l)", "I)") takes the place its list gives it.

    A label opens a cell's line (after a bullet, if any). Its neighbours are
    the labels opening lines at the same left edge just above and below; the
    one above says what comes next, else the one below what came before.
    """
    labels = []
    for seg in segments:
        w = seg[1] if seg[0]["text"] == "•" and len(seg) > 1 else seg[0]
        m = _LABEL.match(w["text"])
        if m:
            labels.append((w, m))
    labels.sort(key=lambda pair: pair[0]["top"])
    for k, (w, m) in enumerate(labels):
        if m.group(2) not in AMBIGUOUS:
            continue
        height = w["bottom"] - w["top"]

        def near(pairs):
            return next((m2.group(2) for w2, m2 in pairs
                         if abs(w2["x0"] - w["x0"]) <= s.indent * height and m2.group(2) not in AMBIGUOUS), None)

        above, below = near(reversed(labels[:k])), near(labels[k + 1:])
        guess = (_step(above, 1) if above else None) or (_step(below, -1) if below else None)
        if guess in ("1", "l", "i"):
            w["text"] = f"{m.group(1)}{guess}{m.group(3)}"


# a day's number, then a letter and at most one more sign: the raised suffix as OCR reads it ("6t*",
# "4t?", "1s"); a number and a stop ("1. June 10") is a list label, not an ordinal
_ORDINAL = re.compile(r"^(\d{1,2})([a-z][^\w\s]?|[a-z]{2})$", re.I)


def _months() -> set[str]:
    import calendar

    return {m.lower() for m in (*calendar.month_name, *calendar.month_abbr) if m}


def _suffix(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def fix_ordinals(words: list[dict]) -> None:
    """A day's number before a month's name takes the suffix its number has.

    An ordinal's suffix is printed small and raised ("6th"), and OCR reads it
    as "t*" or "t?"; which suffix it is follows from the number, so the date
    reads as written ("6th November 2018").
    """
    months = _months()
    lines: dict[tuple, list[dict]] = {}
    for w in words:
        lines.setdefault(w["line"], []).append(w)
    for line in lines.values():
        line.sort(key=lambda w: w["x0"])
        for w, nxt in zip(line, line[1:]):
            m = _ORDINAL.match(w["text"])
            if m and nxt["text"].strip(".,").lower() in months and 1 <= int(m.group(1)) <= 31:
                w["text"] = m.group(1) + _suffix(int(m.group(1)))


LABEL_SURE = 80.0  # OCR confidence (0..100) from which a list number is taken as read
_NUMBER = re.compile(r"^(\d{1,2})([.):])$")  # "3." or "3)": a bare number is a table's figure, not a label


def number_hanging_labels(words: list[dict], s: WordSettings = SETTINGS) -> None:
    """Numbers of a hanging list that OCR misread take their place between the numbers it read.

    Numbered headings set out in the margin ("1.", then a gap, then the
    heading) are short and stand alone, and OCR misreads them most ("m" for a
    bold "2."). The list's rows share a left edge and the edge of their text;
    between two numbers read with confidence (or before the first, when the
    count from 1 fits, and after the last) the rows unread take the numbers in
    between, with the suffix the list uses. A count that does not fit leaves
    them as read; a row of an outer list between two rows starts a new list.
    """
    rows = []
    lines: dict[tuple, list[dict]] = {}
    for w in words:
        lines.setdefault(w["line"], []).append(w)
    for line in lines.values():
        line.sort(key=lambda w: w["x0"])
        first = line[0]
        height = first["bottom"] - first["top"]
        if len(line) >= 2 and len(first["text"]) <= 3 and line[1]["x0"] - first["x1"] >= s.gutter * height:
            rows.append((first, line[1]["x0"], height))
    rows.sort(key=lambda r: r[0]["top"])
    done: set[int] = set()
    for i, (w, text_x0, height) in enumerate(rows):
        if i in done:
            continue
        tol = s.indent * height
        group = [j for j, (w2, x2, _) in enumerate(rows)
                 if abs(w2["x0"] - w["x0"]) <= tol and abs(x2 - text_x0) <= tol]
        done.update(group)
        # a row of an outer list between two rows ends one list and starts another (sub-lists restart)
        runs, outer = [[group[0]]], {j for j, (w2, _, _) in enumerate(rows) if w2["x0"] < w["x0"] - tol}
        for a, b in zip(group, group[1:]):
            if any(a < j < b for j in outer):
                runs.append([])
            runs[-1].append(b)
        for run in runs:
            _renumber([rows[j][0] for j in run])


def _renumber(openers: list[dict]) -> None:
    sure = [(k, _NUMBER.match(w["text"])) for k, w in enumerate(openers)]
    sure = [(k, m) for k, m in sure if m and openers[k]["conf"] >= LABEL_SURE]
    if not sure:
        return
    suffix = sure[0][1].group(2)
    if any(m.group(2) != suffix for _, m in sure):
        return
    anchors = [(-1, 0)] + [(k, int(m.group(1))) for k, m in sure]
    last, n_last = anchors[-1]
    anchors.append((len(openers), n_last + len(openers) - last))  # the rows after the last go on counting
    for (a, n), (b, m) in zip(anchors, anchors[1:]):
        if b - a > 1 and m - n == b - a:
            for k in range(a + 1, b):
                if openers[k]["conf"] < LABEL_SURE:  # what OCR read with confidence stands
                    openers[k]["text"] = f"{n + k - a}{suffix}"
