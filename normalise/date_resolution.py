"""Turn a parsed date expression into a concrete span, given the document date.

Year-inference policy for expressions without a year (documented here because
it is the part most open to judgement):

* a day and month ("25 April") take the date nearest the document date;
* a full month name ("June") takes the nearest such month (ties to the future,
  since plans mostly look ahead);
* a month or quarter qualified as completed or started ("Completed Feb",
  "since December") cannot be in the future, so it is the latest one that has
  begun by the document date;
* a lone abbreviated label ("Jun", "Q1") is a column or series label of
  reported figures, which are in the past: the latest one already ended;
* a spelt-out "Quarter 4" in a plan is a quarter of the current financial year;
* "next"/"last"/"this" shift accordingly;
* a period counted back ("the previous month", "the last 12 months", "year to
  date") is counted from the period the text reports on when it names one
  before it ("at the end of September ... the previous month" is August), else
  from the document's stated reporting period, else from its date
  (see ``dates.normalise_date``);
* prose "this year" / "last year" is a calendar year; a financial year is
  named as such ("this financial year"), and "end of the year" in a plan is the
  financial year end;
* two full years a span apart ("2017 - 2020") are those calendar years
  inclusive; a short span ("2016-19") or one year written twice ("2019/2020")
  is financial;
* "Ongoing" carries no date and is not TBC: nothing is awaited.
"""
from __future__ import annotations

import datetime as dt

from . import periods as P
from .date_grammar import SEASONS, TERMS, Atom

Resolved = tuple[dt.date, dt.date, str]
_SPANS = {**SEASONS, **TERMS}  # months of each season and school term
_PAST_QUALIFIERS = ("completed", "start")


def resolve(atom: Atom, ref: dt.date, qualifier: str | None) -> Resolved | None:
    try:
        base = _RESOLVERS[atom.kind](atom, ref, qualifier)
    except ValueError:
        return None  # e.g. "31 February"
    if base is None:
        return None
    return _apply_modifier(base, atom.modifier)


def _year(atom: Atom, ref: dt.date) -> int | None:
    if atom.year is None:
        return None
    return P.expand_two_digit_year(atom.year, ref.year) if atom.two_digit_year else atom.year


def _day(atom: Atom, ref: dt.date, qualifier: str | None) -> Resolved | None:
    year = _year(atom, ref)
    if year is None:
        day = P.nearest_day(atom.month, atom.day, ref)
        if day is None:
            return None
        return day, day, "day"
    day = dt.date(year, atom.month, atom.day)
    return day, day, "day"


def _dayrange(atom: Atom, ref: dt.date, qualifier: str | None) -> Resolved | None:
    first = _day(atom, ref, qualifier)
    if first is None or atom.day2 <= atom.day:
        return None
    return first[0], first[0].replace(day=atom.day2), "range"


def month_year(atom: Atom, ref: dt.date, qualifier: str | None) -> int:
    year = _year(atom, ref)
    if year is not None:
        return year
    if atom.relation == "next":
        return P.next_month_year(atom.month, ref)
    if atom.relation == "last" or qualifier in _PAST_QUALIFIERS:
        return P.latest_month_year_started(atom.month, ref)
    if atom.label and qualifier is None:
        return P.latest_month_year_ended(atom.month, ref)
    return P.nearest_month_year(atom.month, ref)


def _month(atom: Atom, ref: dt.date, qualifier: str | None) -> Resolved:
    if atom.two_digit_year and not -10 <= _year(atom, ref) - ref.year <= 5:
        # Two-digit years in plans are recent or near targets.  Otherwise the
        # number is a count ("July 26 children") or an American-order day ("June 30").
        if atom.word_follows:
            return _month(Atom(atom.pos, atom.end, "month", month=atom.month), ref, qualifier)
        if 1 <= atom.year <= 31:
            day = P.nearest_day(atom.month, atom.year, ref)
            if day is not None:
                return day, day, "day"
    return (*P.month_span(month_year(atom, ref, qualifier), atom.month), "month")


def quarter_fy(atom: Atom, ref: dt.date, qualifier: str | None) -> int:
    if atom.fy is not None:
        return atom.fy
    year = _year(atom, ref)
    if year is not None:
        return P.fy_start_for_quarter_in_year(atom.quarter, year)
    if qualifier in _PAST_QUALIFIERS:
        return P.latest_fy_quarter_started(atom.quarter, ref)
    if atom.label:
        return P.latest_fy_quarter_ended(atom.quarter, ref)
    return P.fy_start_year(ref)


def _quarter(atom: Atom, ref: dt.date, qualifier: str | None) -> Resolved:
    return (*P.fy_quarter_span(quarter_fy(atom, ref, qualifier), atom.quarter), "quarter")


def _fy(atom: Atom, ref: dt.date, qualifier: str | None) -> Resolved:
    start = P.fy_span(atom.fy)[0]
    end = P.fy_span(atom.fy_end - 1)[1]
    return start, end, "financial_year" if atom.fy_end == atom.fy + 1 else "range"


def _years(atom: Atom, ref: dt.date, qualifier: str | None) -> Resolved:
    """'2017 - 2020': whole calendar years, first to last inclusive."""
    return P.year_span(atom.year)[0], P.year_span(atom.fy_end)[1], "range"


def _year_to_date(atom: Atom, ref: dt.date, qualifier: str | None) -> Resolved:
    """From the start of the named (or current financial) year to ``ref``, the end of the
    period reported on; a year already over runs to its own end."""
    if atom.year is not None:
        start, end = P.year_span(atom.year)
    else:
        start, end = P.fy_span(atom.fy if atom.fy is not None else P.fy_start_year(ref))
    return start, min(end, max(ref, start)), "range"


def _past_n(atom: Atom, ref: dt.date, qualifier: str | None) -> Resolved:
    """'the last 12 months' up to ``ref``: the mirror of 'the next 12 months'."""
    months = atom.n * (12 if atom.unit == "year" else 1)
    return P.add_months(ref, -months) + dt.timedelta(days=1), ref, "range"


def _year_span(atom: Atom, ref: dt.date, qualifier: str | None) -> Resolved:
    return (*P.year_span(atom.year), "year")


def _season(atom: Atom, ref: dt.date, qualifier: str | None) -> Resolved:
    first, last = _SPANS[atom.unit]
    year = _year(atom, ref)
    end_year = year + 1 if last < first else year
    return dt.date(year, first, 1), P.month_end(end_year, last), "term" if atom.unit in TERMS else "range"


def _next_n(atom: Atom, ref: dt.date, qualifier: str | None) -> Resolved:
    months = {"month": atom.n, "year": 12 * atom.n}.get(atom.unit)
    if months is not None:
        end = P.add_months(ref, months) - dt.timedelta(days=1)
    else:
        end = ref + dt.timedelta(days=atom.n * (7 if atom.unit == "week" else 1) - 1)
    return ref, end, "range"


def _period(atom: Atom, ref: dt.date, qualifier: str | None) -> Resolved:
    """'this month', 'next financial year', 'end of the year' (a plan's year is the financial year)."""
    shift = {"this": 0, "current": 0, "next": 1, "last": -1, "previous": -1}[atom.relation]
    if atom.unit in ("year", "financial year"):
        return (*P.fy_span(P.fy_start_year(ref) + shift), "financial_year")
    if atom.unit == "calendar year":
        return (*P.year_span(ref.year + shift), "year")
    if atom.unit == "month":
        day = P.add_months(ref.replace(day=1), shift)
        return (*P.month_span(day.year, day.month), "month")
    fy = P.fy_start_year(ref)
    quarter = (ref.month - P.FY_START_MONTH) % 12 // 3 + 1 + shift
    fy, quarter = fy + (quarter - 1) // 4, (quarter - 1) % 4 + 1
    return (*P.fy_quarter_span(fy, quarter), "quarter")


def _time(atom: Atom, ref: dt.date, qualifier: str | None) -> Resolved:
    return ref, ref, "time"


def _fixed(atom: Atom, ref: dt.date, qualifier: str | None) -> Resolved:
    return atom.fixed


def _range(atom: Atom, ref: dt.date, qualifier: str | None) -> Resolved | None:
    left, right = atom.parts
    _share_year(left, right, ref)
    a = resolve(left, ref, None)
    b = resolve(right, ref, None)
    if a is None or b is None or b[1] < a[0]:
        return None
    return a[0], b[1], "range"


def _share_year(left: Atom, right: Atom, ref: dt.date) -> None:
    """'January - March 2018': the undated end takes its year from the dated one."""
    if left.kind == right.kind == "month":
        if left.year is None and right.year is not None:
            year = _year(right, ref)
            left.year, left.two_digit_year = (year - 1 if left.month > right.month else year), False
        elif right.year is None and left.year is not None:
            year = _year(left, ref)
            right.year, right.two_digit_year = (year + 1 if right.month < left.month else year), False
    elif left.kind == right.kind == "quarter":
        if left.fy is None and left.year is None and (right.fy is not None or right.year is not None):
            left.fy = quarter_fy(right, ref, None)
        elif right.fy is None and right.year is None and (left.fy is not None or left.year is not None):
            right.fy = quarter_fy(left, ref, None)


def _apply_modifier(span: Resolved, modifier: str | None) -> Resolved:
    start, end, granularity = span
    if modifier == "end":
        return end, end, "day"
    if modifier == "start":
        return start, start, "day"
    if modifier == "week" and granularity == "day":
        return start, start + dt.timedelta(days=6), "range"  # "w/c 5 June": the week it begins
    if modifier == "week_ending" and granularity == "day":
        return start - dt.timedelta(days=6), start, "range"  # "w/e 9 June": the week it closes
    if modifier in ("early", "mid", "late") and granularity == "month":
        # thirds of the month, as a reader takes "early/mid/late May"
        first, last = {"early": (1, 10), "mid": (11, 20), "late": (21, end.day)}[modifier]
        return start.replace(day=first), start.replace(day=last), f"{modifier}-month"
    if modifier in ("early", "mid", "late") and granularity == "year":
        first, last = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[modifier]
        return dt.date(start.year, first, 1), P.month_end(start.year, last), f"{modifier}-year"
    return span


_RESOLVERS = {
    "day": _day, "dayrange": _dayrange, "month": _month, "quarter": _quarter, "fy": _fy,
    "year": _year_span, "years": _years, "ytd": _year_to_date, "past_n": _past_n, "season": _season, "next_n": _next_n, "period": _period,
    "time": _time, "fixed": _fixed, "range": _range,
}
