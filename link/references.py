"""Explicit references: the strongest evidence a minute can give.

"Recommendation 7", "actions 12.2 and 12.3" and "Report No. 99/2017" are what a
clerk writes when the panel discussed a specific line of the plan; they
settle a link that shared words only suggest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_LIST = r"(\d{1,3}(?:\.\d{1,3})?(?:\s*(?:,|and|&|or|to|-|–)\s*\d{1,3}(?:\.\d{1,3})?)*)"
REC_RE = re.compile(r"\brecommendations?\s+(?:no\.?\s*|number\s+)?" + _LIST, re.I)
ACTION_RE = re.compile(r"\b(?:actions?|points?|items?\s+in\s+the\s+(?:action\s+)?plan)\s+(?:no\.?\s*)?" + _LIST, re.I)
REPORT_RE = re.compile(r"\breport\s+(?:no\.?|number)\s*(\d{1,4}\s*/\s*\d{2,4})", re.I)


@dataclass
class References:
    recommendations: set[str] = field(default_factory=set)
    actions: set[str] = field(default_factory=set)
    reports: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.recommendations or self.actions or self.reports)


def _numbers(listing: str) -> list[str]:
    return re.findall(r"\d{1,3}(?:\.\d{1,3})?", listing)


def report_key(text: str) -> str:
    return re.sub(r"\s+", "", text)


def find_references(text: str | None) -> References:
    refs = References()
    if not text:
        return refs
    for m in REC_RE.finditer(text):
        for n in _numbers(m.group(1)):
            (refs.actions if "." in n else refs.recommendations).add(n)
    for m in ACTION_RE.finditer(text):
        for n in _numbers(m.group(1)):
            if "." in n:
                refs.actions.add(n)
    for m in REPORT_RE.finditer(text):
        refs.reports.add(report_key(m.group(1)))
    return refs


def reports_in(texts) -> set[str]:
    """Report numbers printed in a plan's pages, so a minute's "Report No. 99/2017" can be tied to it."""
    out: set[str] = set()
    for text in texts:
        for m in REPORT_RE.finditer(text or ""):
            out.add(report_key(m.group(1)))
    return out
