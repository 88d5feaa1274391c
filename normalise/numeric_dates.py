"""All-numeric dates ("25/04/2017", "3.5.17", "2017-04-25") via dateparser.

dateparser already knows the day-first order and two-digit years; it is
only handed strings the grammar has matched as one numeric date, so it cannot
misread a report number or a section reference.
"""
from __future__ import annotations

import datetime as dt
import re

_SETTINGS = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
}
_ISO = re.compile(r"(\d{4})-(\d\d)-(\d\d)$")


def parse_numeric_date(text: str) -> dt.date | None:
    iso = _ISO.match(text)
    if iso:
        try:
            return dt.date(*map(int, iso.groups()))
        except ValueError:
            return None
    import dateparser  # imported lazily: it takes a moment to load

    parsed = dateparser.parse(text, languages=["en"], settings=_SETTINGS)
    return parsed.date() if parsed else None
