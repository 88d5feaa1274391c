"""Normalise the free-text dates of plan cells and minutes into spans.

Public entry point: :func:`normalise_date` (also behind
``plantrace normalise-date TEXT --doc-date D --json``).  The work is split so
each convention has one home: ``date_grammar`` finds expressions,
``date_qualifiers`` decides which status word governs which date,
``date_resolution`` supplies missing years from the document date and
``periods`` holds the UK calendar arithmetic.  This module only joins the
pieces: ranges, times attached to their day, restatements and recurrences.
"""
from __future__ import annotations

import datetime as dt
import re

from .date_context import in_context
from .date_grammar import Atom, find_atoms
from .date_qualifiers import attach_qualifiers
from .date_resolution import resolve

GRANULARITIES = ("day", "mid-month", "month", "quarter", "year", "financial_year", "range", "time")
QUALIFIERS = ("completed", "by", "start", "review", "embed", "end")

_TBC = re.compile(r"(?i)(?<![a-z])t\.?b\.?c(?![a-z])|\bto\s+be\s+confirmed\b")
_RANGE_GAP = re.compile(r"(?i)^\s*(?:-|–|—|to|until|till|through|thru)\s*$")
_BETWEEN_GAP = re.compile(r"(?i)^\s*and\s*$")
_LIST_GAP = re.compile(r"(?i)^\s*(?:/|,|&|and|or)\s*$")
_TIME_GAP = re.compile(r"(?i)^\s*,?\s*(?:at|from)?\s*$")
_TIME_BEFORE_DAY_GAP = re.compile(r"(?i)^\s*,?\s*(?:on)?\s*$")
_INLINE_TAG = re.compile(r"(?i)</?(?:sup|sub|b|i|em|strong|span|u|font)\b[^>]*>")
_BLOCK_TAG = re.compile(r"<[^>]+>")
_RECURRENCE = re.compile(r"(?i)\b(?:each|every|per)\s+(?:year|month|quarter|term)\b|\bannually\b|\byearly\b")
_CLAUSE_BREAK = re.compile(r"[.;\n]\s")
# A month, day or quarter already over, named in the text, is the period its figures
# report on; a year or a span is too broad to count "the previous month" from.
_REPORTED_GRANULARITIES = ("day", "month", "quarter", "mid-month", "early-month", "late-month")


def _counts_back(atom: Atom) -> bool:
    """Periods counted back from the period reported on, not from the document date."""
    return atom.kind in ("ytd", "past_n") or (atom.kind == "period" and atom.relation in ("last", "previous"))


def _reported_until(period: str | dt.date | None, ref: dt.date) -> dt.date:
    """Last day of the document's stated reporting period, or its date when it states none."""
    if period is None or period == "":
        return ref
    if isinstance(period, dt.date):
        return period
    try:
        return dt.date.fromisoformat(str(period)[:10])
    except ValueError:
        pass
    spans = [d for d in normalise_date(str(period), ref)["dates"]]
    return dt.date.fromisoformat(spans[-1]["end"]) if spans else ref


def _share_list_year_nearest(text: str, atoms: list[Atom], qualifiers: list, ref: dt.date) -> None:
    """'During the months of May, June and July': a list of months with no year names
    one stretch of time, so all take one year; the last is placed as a lone month would
    be and those before it precede it ("November, December and January" crosses a year)."""
    from .date_resolution import month_year

    i = len(atoms) - 1
    while i > 0:
        last = atoms[i]
        if not (_yearless_month(last, ref)):
            i -= 1
            continue
        j = i
        while j > 0 and _yearless_month(atoms[j - 1], ref) and _LIST_GAP.match(text[atoms[j - 1].end:atoms[j].pos]):
            j -= 1
        if j < i:
            plain = Atom(last.pos, last.end, "month", month=last.month, relation=last.relation, label=last.label)
            year = month_year(plain, ref, qualifiers[i])
            for k in range(i, j - 1, -1):
                atom = atoms[k]
                if k < i and atom.month > atoms[k + 1].month:
                    year -= 1
                atom.year, atom.two_digit_year, atom.word_follows, atom.label = year, False, False, False
        i = j - 1


def _yearless_month(atom: Atom, ref: dt.date) -> bool:
    """A month with no year, or with a number after it that is a count, not a year ("July 26 children")."""
    if atom.kind != "month" or atom.relation is not None or atom.modifier:
        return False
    if atom.year is None:
        return True
    return atom.two_digit_year and atom.word_follows and not -10 <= 2000 + atom.year - ref.year <= 5


def normalise_date(text: str, doc_date: dt.date | str | None = None,
                   period: str | dt.date | None = None) -> dict:
    """All dates in ``text`` in reading order, plus whether it says TBC.

    ``doc_date`` anchors everything without a year; without it, today is used.
    ``period`` is the period the document reports on when it states one ("September
    2018", or its last day): periods counted back ("the previous month", "year to
    date", "the last 12 months") are counted from its end rather than from the
    document's date, unless the text itself names the period just before them.
    """
    ref = _as_date(doc_date)
    reported = _reported_until(period, ref)
    original, text = text, in_context(_strip_markup(text))
    atoms = find_atoms(text)
    atoms = _attach_times(text, atoms)
    _share_list_years(text, atoms)
    atoms = _merge_ranges(text, atoms)
    atoms = _drop_restatements(text, atoms)
    atoms = _drop_recurring(text, atoms)
    qualifiers = attach_qualifiers(text, atoms)
    _share_list_year_nearest(text, atoms, qualifiers, ref)
    dates = []
    last_day: dt.date | None = None
    for atom, qualifier in zip(atoms, qualifiers):
        if atom.kind == "time" and not atom.parts:
            day = last_day or ref
            span = (day, day, "time")
        else:
            base = reported if _counts_back(atom) else ref
            span = resolve(atom.parts[0] if atom.kind == "time" else atom, base, qualifier)
            if span is None:
                continue
            if atom.kind == "time":
                span = (span[0], span[1], "time")
        start, end, granularity = span
        if granularity == "day":
            last_day = start
        if granularity in _REPORTED_GRANULARITIES and end <= ref and atom.kind != "period":
            reported = end  # the text names the period it reports on
        entry = {"start": start.isoformat(), "end": end.isoformat(), "granularity": granularity,
                 "qualifier": qualifier}
        if granularity == "time":
            entry["time"] = atom.time
        dates.append(entry)
    return {"text": original, "dates": dates, "tbc": bool(_TBC.search(text))}


def _strip_markup(text: str) -> str:
    """Cells arrive from HTML-ish renderings: '4<sup>th</sup> May', '<p>March 2015</p><p>TBC</p>'."""
    text = _INLINE_TAG.sub("", text)
    return _BLOCK_TAG.sub(" ", text)


def _as_date(value: dt.date | str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _attach_times(text: str, atoms: list[Atom]) -> list[Atom]:
    """'4th May 2017 at 7.00 pm' (or '7pm on 4 May') is one point in time, not a day and a time."""
    out: list[Atom] = []
    for atom in atoms:
        prev = out[-1] if out else None
        if (atom.kind == "time" and prev is not None and prev.kind in ("day", "fixed")
                and _TIME_GAP.match(text[prev.end:atom.pos])):
            out[-1] = Atom(prev.pos, atom.end, "time", time=atom.time, parts=[prev])
            continue
        if (prev is not None and prev.kind == "time" and not prev.parts and atom.kind in ("day", "fixed")
                and _TIME_BEFORE_DAY_GAP.match(text[prev.end:atom.pos])):
            out[-1] = Atom(prev.pos, atom.end, "time", time=prev.time, parts=[atom])
            continue
        out.append(atom)
    return out


def _share_list_years(text: str, atoms: list[Atom]) -> None:
    """'Jan/Feb 2018', 'May and June 2017': months listed before a year are in that
    year (a December before a January, in the year before)."""
    for left, right in zip(reversed(atoms[:-1]), reversed(atoms[1:])):
        if (left.kind == right.kind == "month" and left.year is None and right.year is not None
                and left.relation is None and not right.word_follows and _LIST_GAP.match(text[left.end:right.pos])):
            left.year = right.year - 1 if left.month > right.month else right.year
            left.two_digit_year = right.two_digit_year
            left.label = False


def _merge_ranges(text: str, atoms: list[Atom]) -> list[Atom]:
    """Join 'X - Y' / 'X to Y' / 'between X and Y'; a range with no year anywhere
    ('April to March') describes a generic or recurring period and is dropped."""
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        if i + 1 < len(atoms) and _joinable(atom, atoms[i + 1]):
            right = atoms[i + 1]
            gap = text[atom.end:right.pos]
            between = _BETWEEN_GAP.match(gap) and re.search(r"(?i)\bbetween\s*$", text[:atom.pos])
            if _RANGE_GAP.match(gap) or between:
                merged = Atom(atom.pos, right.end, "range", parts=[atom, right])
                if not merged.yearless:
                    out.append(merged)
                i += 2
                continue
        out.append(atom)
        i += 1
    return out


def _joinable(left: Atom, right: Atom) -> bool:
    loose = ("time", "next_n", "past_n", "ytd", "range")
    return left.kind not in loose and right.kind not in loose


def _drop_restatements(text: str, atoms: list[Atom]) -> list[Atom]:
    """'January - March 2018 (Q4)': a yearless period in brackets right after a
    date only names that date again; 'YTD (Apr-Sep 18)' states the year to date's period."""
    out: list[Atom] = []
    for atom in atoms:
        bracketed = out and re.fullmatch(r"\s*\(\s*", text[out[-1].end:atom.pos]) and re.match(r"\s*\)", text[atom.end:])
        if bracketed and atom.yearless:
            continue
        if bracketed and out[-1].kind == "ytd" and not atom.yearless:
            out[-1] = atom  # "YTD (Apr-Sep 18)": the year to date is the period the brackets state
            continue
        out.append(atom)
    return out


def _drop_recurring(text: str, atoms: list[Atom]) -> list[Atom]:
    """'May / June each year', 'every March', 'the following January': no particular date."""
    out = []
    for atom in atoms:
        if atom.relation in ("each", "following"):
            continue
        if atom.yearless and _RECURRENCE.search(_clause(text, atom)):
            continue
        out.append(atom)
    return out


def _clause(text: str, atom: Atom) -> str:
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, atom.pos)]
    begin = starts[-1] if starts else 0
    stop = _CLAUSE_BREAK.search(text, atom.end)
    return text[begin:stop.start() if stop else len(text)]
