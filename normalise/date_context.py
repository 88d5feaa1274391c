"""Date text read in its context before the grammar sees it.

Two things in real plans look like dates and are not, or are dates that do not
look like them: a month name broken across a narrow column's lines ("Novemb" /
"er 2024" arrives as "Novemb er 2024"), and the year in the title of an Act or
regulations ("Children Act 1989", "the Care Act 2014"), which names a statute,
not a time. The text is mended or blanked here, keeping its length for words
that stay, so every later step reads it as a person would.
"""
from __future__ import annotations

import re

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_FRAGMENTS = re.compile(r"\b([A-Za-z]{2,8}) ([a-z]{1,6})\b")
# "Act 1989", "Regulations 2015", "Act (2014)": a statute's title ends with its year
_STATUTE_YEAR = re.compile(r"\b(?:Act|Acts|Regulations|Rules|Order|Bill|Directive|Measure)\s*(?:of\s+)?\(?"
                           r"((?:18|19|20)\d{2})\)?(?!\s*[/-]\s*\d)")


def _mend_month(m: re.Match) -> str:
    joined = m.group(1) + m.group(2)
    if joined.lower() in MONTHS and m.group(1).lower() not in MONTHS:
        return joined
    return m.group(0)


def in_context(text: str) -> str:
    text = _FRAGMENTS.sub(_mend_month, text)
    return _STATUTE_YEAR.sub(lambda m: m.group(0).replace(m.group(1), " " * len(m.group(1))), text)
