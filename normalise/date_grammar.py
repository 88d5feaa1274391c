"""Lexical grammar: find the date expressions in a cell and read their fields.

dateparser is good at whole strings that are one date, but plan cells hold
several dates, two-digit years after a month ("May 17" = May 2017), UK
financial years and quarters, and numbers that are not dates ("Report No.
99/2017", "see 15.1").  So expressions are found here with explicit patterns,
tried from the most specific to the least; each match masks its characters so a
looser pattern cannot re-read them.  Year inference is left to
``date_resolution`` because it needs the document date and the qualifiers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
FULL_MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july",
                    "august", "september", "october", "november", "december"}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "eighteen": 18, "twenty-four": 24,
}
ORDINAL_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
# School terms, which children's services plans date by: autumn to Christmas, spring to Easter, summer to July.
TERMS = {"autumn term": (9, 12), "spring term": (1, 3), "summer term": (4, 7)}

_MON = r"(?<![a-z])(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?![a-z])\.?"
_MON2 = _MON.replace("?P<mon>", "?P<mon2>")
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+"
_ORD = r"(?:\s*(?:st|nd|rd|th))?"
# A year after a month: four digits, or two digits that are not part of a
# longer number, a time, a decimal or a fraction.
_YEAR = r"(?P<y>(?:19|20)\d\d(?![\d/%])|['‘’]?\d\d(?![\d/%]|[.:]\d|\s*[ap]\.?m\b))"
_NUM = r"(?P<n>\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_FY = r"(?P<a>(?:19|20)\d\d)\s*[/\-–]\s*(?P<b>(?:19|20)\d\d|\d\d)(?![\d/%]|\.\d|-\d)"


@dataclass
class Atom:
    """One date expression: where it is and the fields read from it."""

    pos: int
    end: int
    kind: str  # day, dayrange, month, quarter, fy, years, year, season, next_n, past_n, ytd, period, time, fixed, range
    year: int | None = None
    month: int | None = None
    day: int | None = None
    day2: int | None = None
    quarter: int | None = None
    fy: int | None = None
    fy_end: int | None = None
    two_digit_year: bool = False
    label: bool = False  # a lone abbreviated month / "Qn": a column label of reported data
    relation: str | None = None  # next, last, this, following, each
    modifier: str | None = None  # end, start, mid, early, late
    unit: str | None = None
    n: int | None = None
    time: str | None = None
    fixed: tuple | None = None
    word_follows: bool = False
    parts: list["Atom"] = field(default_factory=list)

    @property
    def yearless(self) -> bool:
        if self.kind == "range":
            return all(p.yearless for p in self.parts)
        if self.kind in ("day", "dayrange", "month"):
            return self.year is None
        if self.kind == "quarter":
            return self.fy is None and self.year is None
        return False


def _month(m: re.Match, group: str = "mon") -> int:
    return MONTHS[m.group(group).lower()]


def _year_field(text: str | None) -> tuple[int | None, bool]:
    if not text:
        return None, False
    digits = text.lstrip("'‘’")
    return int(digits), len(digits) == 2


def _h_time(m: re.Match) -> Atom | None:
    hour = int(m.group("h"))
    minute = int(m.group("mi") or 0)
    ap = (m.groupdict().get("ap") or "").lower().replace(".", "")
    if ap:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ap == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return Atom(m.start(), m.end(), "time", time=f"{hour:02d}:{minute:02d}")


def _h_noon(m: re.Match) -> Atom:
    return Atom(m.start(), m.end(), "time", time="12:00")


def _h_numeric(m: re.Match) -> Atom | None:
    from .numeric_dates import parse_numeric_date

    day = parse_numeric_date(m.group(0))
    if day is None:
        return None
    return Atom(m.start(), m.end(), "fixed", fixed=(day, day, "day"))


def _h_dayrange(m: re.Match) -> Atom:
    year, two = _year_field(m.group("y"))
    return Atom(m.start(), m.end(), "dayrange", year=year, two_digit_year=two, month=_month(m),
                day=int(m.group("d")), day2=int(m.group("d2")))


def _h_day(m: re.Match) -> Atom:
    year, two = _year_field(m.group("y"))
    return Atom(m.start(), m.end(), "day", year=year, two_digit_year=two, month=_month(m), day=int(m.group("d")))


def _h_quarter(m: re.Match) -> Atom:
    gd = m.groupdict()
    q = gd.get("q") or gd.get("qw")
    quarter = int(q) if q and q.isdigit() else ORDINAL_QUARTERS[q.lower()]
    atom = Atom(m.start(), m.end(), "quarter", quarter=quarter)
    atom.label = bool(re.match(r"(?i)q\d", m.group(0)))  # "Q1" is a label; "Quarter 1" is prose
    if gd.get("a"):
        atom.fy = int(gd["a"])
    elif gd.get("y"):
        year, two = _year_field(gd["y"])
        atom.year, atom.two_digit_year = year, two
    return atom


def _h_month_year(m: re.Match, text: str) -> Atom:
    year, two = _year_field(m.group("y"))
    atom = Atom(m.start(), m.end(), "month", year=year, two_digit_year=two, month=_month(m))
    # "July 26 children": the number may be a count, decided once the year's plausibility is known
    atom.word_follows = two and bool(re.match(r"\s+[a-z]", text[m.end():]))
    return atom


def _h_fy(m: re.Match) -> Atom | None:
    a = int(m.group("a"))
    b_text = m.group("b")
    b = int(b_text) if len(b_text) == 4 else a // 100 * 100 + int(b_text)
    if b <= a or b - a > 10:
        return None
    if len(b_text) == 4 and b - a > 1 and not m.group(0)[:1].isalpha():
        # "2017 - 2020", "2024-2029": a plan or strategy written with two full years
        # spans those calendar years inclusive ("a 4 year plan"); a financial-year
        # span is written short ("2016-19") or names one year ("2019/2020").
        return Atom(m.start(), m.end(), "years", year=a, fy_end=b)
    return Atom(m.start(), m.end(), "fy", fy=a, fy_end=b)


def _h_season(m: re.Match) -> Atom | None:
    season = m.group("season").lower()
    if m.group("term") and f"{season} term" in TERMS:
        season = f"{season} term"
    if m.group("a"):
        # "Winter 2017/18" runs Dec 2017 - Feb 2018; in a split (academic or financial)
        # year autumn and winter start in its first year, spring and summer fall in its second
        fy = _h_fy(m)
        if fy is None:
            return None
        year = fy.fy if season in ("autumn", "fall", "winter", "autumn term") else fy.fy_end
        return Atom(m.start(), m.end(), "season", year=year, unit=season)
    year, two = _year_field(m.group("y"))
    return Atom(m.start(), m.end(), "season", year=year, two_digit_year=two, unit=season)


def _h_next_n(m: re.Match) -> Atom | None:
    n_text = m.group("n").lower()
    n = int(n_text) if n_text.isdigit() else NUMBER_WORDS[n_text]
    unit = m.group("unit").lower().rstrip("s")
    return Atom(m.start(), m.end(), "next_n", n=n, unit=unit)


def _h_period(m: re.Match) -> Atom:
    rel = m.group("rel").lower()
    unit = re.sub(r"\s+", " ", m.group("unit").lower())
    return Atom(m.start(), m.end(), "period", relation=rel, unit=unit)


def _h_calendar_period(m: re.Match) -> Atom:
    """Prose 'this year' / 'last year' is a calendar year; a financial year is named as such."""
    return Atom(m.start(), m.end(), "period", relation=m.group("rel").lower(), unit="calendar year")


def _h_year_to_date(m: re.Match) -> Atom:
    """'year to date', 'YTD', 'YTD 2018', 'Year to date in 2018/19': from the start of the
    year to the period reported on (the financial year unless a calendar year is named)."""
    atom = Atom(m.start(), m.end(), "ytd")
    if m.group("a"):
        atom.fy = int(m.group("a"))
    elif m.group("y"):
        atom.year = int(m.group("y"))
    return atom


def _h_past_n(m: re.Match) -> Atom:
    """'the last 12 months', 'the past two years': the run of whole months up to the period reported on."""
    n_text = m.group("n").lower()
    n = int(n_text) if n_text.isdigit() else NUMBER_WORDS[n_text]
    unit = m.group("unit").lower().rstrip("s")
    return Atom(m.start(), m.end(), "past_n", n=n, unit=unit)


def _h_past_year(m: re.Match) -> Atom:
    return Atom(m.start(), m.end(), "past_n", n=1, unit="year")


def _h_edge_period(m: re.Match) -> Atom:
    """'end of the year' has no year of its own: it is a period relative to the document."""
    unit = re.sub(r"\s+", " ", m.group("unit").lower())
    mod = m.group("mod").lower()
    return Atom(m.start(), m.end(), "period", relation="this", unit=unit,
                modifier="start" if mod in ("beginning", "start") else "end")


def _h_year_end(m: re.Match) -> Atom:
    return Atom(m.start(), m.end(), "period", relation="this", unit="year", modifier="end")


def _h_bare_month(m: re.Match, text: str) -> Atom | None:
    word = m.group("mon")
    if not word[0].isupper():
        return None  # month names are capitalised; "may" is the modal verb
    before = text[:m.start()]
    after = text[m.end():]
    listed = re.match(r"(?i)\s*(?:and|or|to|until|till|&|/|,)\s*" + _MON, after)  # "May and June"
    if word.lower() == "may" and not listed and re.match(r"\s+[a-z]", after) and not re.search(
            r"(?i)\b(?:in|by|since|from|until|till|during|of|before|after|on|for|to|and|or|end|mid|early|late|next|last|this)\s*$", before):
        return None  # "May be delayed": sentence-initial modal verb
    atom = Atom(m.start(), m.end(), "month", month=_month(m))
    rel = re.search(r"(?i)\b(next|last|this|following|each|every)\s+$", before)
    if rel:
        atom.relation = {"every": "each"}.get(rel.group(1).lower(), rel.group(1).lower())
    atom.label = word.lower().rstrip(".") not in FULL_MONTH_NAMES
    return atom


def _h_bare_year(m: re.Match, text: str) -> Atom | None:
    before = text[:m.start()]
    if re.search(r"(?i)(?:\bno\.?|\bnumber|\bref\.?|£|\$|#)\s*$", before):
        return None  # a report or reference number
    return Atom(m.start(), m.end(), "year", year=int(m.group("y")))


# (pattern, handler); a handler taking two arguments also receives the original text.
_PATTERNS: list[tuple[re.Pattern, Callable]] = [
    (re.compile(r"(?i)(?<![\w.:/])(?P<h>\d{1,2})(?:[.:](?P<mi>\d\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am|pm)(?![a-z])"), _h_time),
    (re.compile(r"(?i)(?<![\w.:/])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s*(?:hrs|hours))?(?![\d:])"), _h_time),
    (re.compile(r"(?i)\b(?:12\s+)?(?:noon|midday)\b"), _h_noon),
    (re.compile(r"(?<![\w./-])(?:\d{1,2}([./-])\d{1,2}\1(?:\d{4}|\d\d)|(?:19|20)\d\d-\d\d-\d\d)(?![\w/]|[.-]\d)"), _h_numeric),
    (re.compile(r"(?i)(?<![\w.,/])(?P<d>[0-3]?\d)" + _ORD + r"\s*(?:-|–|—|to|and)\s*(?P<d2>[0-3]?\d)" + _ORD + r"\s*(?:of\s+)?"
                + _MON + r"(?:,?\s*" + _YEAR + ")?"), _h_dayrange),
    (re.compile(r"(?i)(?<![\w.,/])(?:" + _WEEKDAY + r")?(?:the\s+)?(?P<d>[0-3]?\d)" + _ORD + r"\s*(?:of\s+)?" + _MON
                + r"(?:,?\s*" + _YEAR + ")?"), _h_day),
    (re.compile(r"(?i)(?:" + _WEEKDAY + ")?" + _MON + r"\s+(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)(?:,?\s*(?P<y>(?:19|20)\d\d))?(?!\d)"), _h_day),
    (re.compile(r"(?i)(?:" + _WEEKDAY + ")?" + _MON + r"\s+(?P<d>[0-3]?\d),\s*(?P<y>(?:19|20)\d\d)(?!\d)"), _h_day),
    (re.compile(r"(?i)(?<![\w/])(?:fy\s*)?" + _FY + r"\s*(?:q|quarter\s*)(?P<q>[1-4])(?!\d)"), _h_quarter),
    (re.compile(r"(?i)(?<![\w])(?:q|quarter\s*|qtr\.?\s*)(?P<q>[1-4])(?!\d)(?:\s*\(?\s*(?:fy\s*)?" + _FY + r"\s*\)?|\s*\(?\s*"
                + _YEAR.replace("(?P<y>", "(?P<y>") + r"\s*\)?(?![\w/.\-]))?"), _h_quarter),
    (re.compile(r"(?i)(?<![\w])(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?(?:\s*\(?\s*(?:fy\s*)?"
                + _FY + r"\s*\)?)?"), _h_quarter),
    (re.compile(r"(?i)\b(?P<mod>end|beginning|start)\s+of\s+(?:the\s+|this\s+)?(?P<unit>financial\s+year|calendar\s+year|year|month|quarter)\b(?!\s*\d)"), _h_edge_period),
    (re.compile(r"(?i)\byear[\s-]end\b"), _h_year_end),
    (re.compile(r"(?i)(?:\byear[\s-]+to[\s-]+date|(?<![a-z])ytd)(?![a-z])(?:\s*\(?\s*(?:in|for|of)?\s*(?:fy\s*)?(?:"
                + _FY + r"|(?P<y>(?:19|20)\d\d)(?![\d/\-–])))?"), _h_year_to_date),
    (re.compile(r"(?i)\b(?:the\s+)?(?:last|past|previous|preceding)\s+" + _NUM + r"\s+(?P<unit>months?|years?)\b"), _h_past_n),
    # "in the last year" is the twelve months to date; "last year" alone is the calendar year before
    (re.compile(r"(?i)\bthe\s+(?:last|past|preceding)\s+(?P<unit>year)\b(?!\s*(?:end|['’]s))"), _h_past_year),
    (re.compile(r"(?i)\b(?P<rel>this|last|next|previous)\s+year\b(?!\s*(?:end|['’]s))"), _h_calendar_period),
    # "within 6 months" as a timescale counts from the document; a "within 4 weeks" standard is no date
    (re.compile(r"(?i)\bwithin\s+(?:the\s+next\s+)?" + _NUM + r"\s+(?P<unit>months?|years?)\b"), _h_next_n),
    (re.compile(r"(?i)\b(?:the\s+)?next\s+" + _NUM + r"\s+(?P<unit>days?|weeks?|months?|years?)\b"), _h_next_n),
    (re.compile(r"(?i)\b(?P<rel>this|next|last|previous|current)\s+(?P<unit>financial\s+year|month|quarter)\b"), _h_period),
    (re.compile(r"(?i)" + _MON + r"(?:['’]s)?(?:\s*,?\s*|\s*[-/]\s*)" + _YEAR), _h_month_year),
    (re.compile(r"(?i)\b(?P<season>spring|summer|autumn|winter)\s+(?P<term>term\s+)?(?:" + _FY + "|" + _YEAR + ")"), _h_season),
    (re.compile(r"(?i)(?<![\w/.])(?:fy\s*|financial\s+year\s+)?" + _FY), _h_fy),
    (re.compile(r"(?i)" + _MON + r"(?:['’]s)?"), _h_bare_month),
    (re.compile(r"(?<![\w/.£$,\-–])(?P<y>(?:19|20)\d\d)(?![\w/%]|[.,]\d|\s*[-–]\s*\d)"), _h_bare_year),
]

_MODIFIER_BEFORE = re.compile(
    r"(?i)(?:\b(?P<p>latter|later|last|early|earlier|first|middle)\s+part\s+of\s+(?:the\s+)?(?:month\s+of\s+)?"
    r"|\b(?P<a>end|beginning|start|middle)\s+of\s+(?:the\s+)?(?:month\s+of\s+)?|\b(?P<b>mid|early|late|end)(?:\s*-\s*|\s+)"
    r"|(?<![\w/])(?P<w>w/c|w/b|wc|week\s+(?:commencing|beginning|starting)(?:\s+on)?)\.?:?\s*"
    r"|(?<![\w/])(?P<we>w/e|week\s+ending(?:\s+on)?)\.?:?\s*)$")


def find_atoms(text: str) -> list[Atom]:
    """All date expressions in ``text``, in reading order, each read in isolation."""
    work = text
    atoms: list[Atom] = []
    for pattern, handler in _PATTERNS:
        takes_text = handler.__code__.co_argcount == 2
        for m in pattern.finditer(work):
            if "\x00" in m.group(0):
                continue
            atom = handler(m, text) if takes_text else handler(m)
            if atom is None:
                continue
            atoms.append(atom)
            work = work[:m.start()] + "\x00" * (m.end() - m.start()) + work[m.end():]
    atoms.sort(key=lambda a: a.pos)
    for atom in atoms:
        _attach_modifier(atom, text)
    return atoms


def _attach_modifier(atom: Atom, text: str) -> None:
    if atom.modifier or atom.kind in ("time", "next_n"):
        return
    m = _MODIFIER_BEFORE.search(text[:atom.pos])
    if not m:
        return
    if m.group("w") or m.group("we"):
        if atom.kind != "day":
            return
        atom.modifier = "week" if m.group("w") else "week_ending"
        atom.pos = m.start()
        return
    if m.group("p"):
        # "the latter part of October": the last third of the month, as "late October"
        word = {"latter": "late", "later": "late", "last": "late", "earlier": "early", "first": "early",
                "middle": "mid"}.get(m.group("p").lower(), m.group("p").lower())
    else:
        word = (m.group("a") or m.group("b")).lower()
    atom.modifier = {"beginning": "start", "middle": "mid"}.get(word, word)
    atom.pos = m.start()
    atom.label = False

