"""Calendar and UK fiscal-period arithmetic.

Kept apart from the grammar so that the conventions (financial year April-March,
quarters numbered from April, two-digit years) live in one place and can be
tested without any text parsing.
"""
from __future__ import annotations

import calendar
import datetime as dt

Span = tuple[dt.date, dt.date]

FY_START_MONTH = 4  # UK public-sector financial year runs 1 April - 31 March


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def month_span(year: int, month: int) -> Span:
    return dt.date(year, month, 1), month_end(year, month)


def year_span(year: int) -> Span:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def add_months(day: dt.date, n: int) -> dt.date:
    """Shift by whole months, clamping the day (31 Jan + 1 month = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + n
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


def fy_start_year(day: dt.date) -> int:
    """Calendar year in which the financial year containing ``day`` began."""
    return day.year if day.month >= FY_START_MONTH else day.year - 1


def fy_span(start_year: int) -> Span:
    return dt.date(start_year, FY_START_MONTH, 1), dt.date(start_year + 1, FY_START_MONTH - 1, 31)


def fy_quarter_span(start_year: int, quarter: int) -> Span:
    """Quarter 1 is April-June of ``start_year``; quarter 4 is January-March of the next year."""
    first_month = FY_START_MONTH + 3 * (quarter - 1)
    year = start_year + (first_month - 1) // 12
    month = (first_month - 1) % 12 + 1
    return dt.date(year, month, 1), month_end(*_month_plus(year, month, 2))


def fy_start_for_quarter_in_year(quarter: int, year: int) -> int:
    """A quarter named with one calendar year ("Q4 18") is the one that falls in that year.

    Q1-Q3 of financial year Y/Y+1 lie in Y; Q4 lies in Y+1.  So "Q4 2018" is
    January-March 2018 (financial year 2017/18), matching how plans pair
    "Performance Q4 18" with "Target March 18".
    """
    return year if quarter < 4 else year - 1


def latest_fy_quarter_ended(quarter: int, ref: dt.date) -> int:
    """Financial-year start of the most recent quarter ``quarter`` that ended on or before ``ref``."""
    fy = fy_start_year(ref)
    while fy_quarter_span(fy, quarter)[1] > ref:
        fy -= 1
    return fy


def latest_fy_quarter_started(quarter: int, ref: dt.date) -> int:
    fy = fy_start_year(ref)
    while fy_quarter_span(fy, quarter)[0] > ref:
        fy -= 1
    return fy


def expand_two_digit_year(yy: int, ref_year: int) -> int:
    """Pick the century that puts the year closest to the reference year."""
    candidates = [c + yy for c in (ref_year // 100 * 100 - 100, ref_year // 100 * 100, ref_year // 100 * 100 + 100)]
    return min(candidates, key=lambda y: abs(y - ref_year))


def nearest_month_year(month: int, ref: dt.date) -> int:
    """Year that puts ``month`` closest to the reference month; ties go to the future
    because undated months in plans are mostly targets."""
    ref_index = ref.year * 12 + ref.month
    best = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        distance = abs(year * 12 + month - ref_index)
        key = (distance, -year)
        if best is None or key < best[0]:
            best = (key, year)
    return best[1]


def latest_month_year_started(month: int, ref: dt.date) -> int:
    return ref.year if month <= ref.month else ref.year - 1


def latest_month_year_ended(month: int, ref: dt.date) -> int:
    year = latest_month_year_started(month, ref)
    return year if month_end(year, month) <= ref else year - 1


def next_month_year(month: int, ref: dt.date) -> int:
    return ref.year if month > ref.month else ref.year + 1


def nearest_day(month: int, day: int, ref: dt.date) -> dt.date | None:
    """Closest valid date with this day and month; ties go to the future."""
    best = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        key = (abs((candidate - ref).days), -(candidate.toordinal()))
        if best is None or key < best[0]:
            best = (key, candidate)
    return best[1] if best else None


def _month_plus(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + n
    return index // 12, index % 12 + 1
