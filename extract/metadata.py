"""Council, title and date of a document, read from its first page.

These anchor everything downstream: people are resolved within a council, and
a plan is only a link candidate for meetings held on or after its date.
"""
from __future__ import annotations

import re
from datetime import date

from .model import DocumentModel
from .written_dates import parse_date

_COUNCIL = re.compile(
    r"\b((?:[A-Z][A-Za-z'&-]+[ \t]+){1,4}?(?i:(?:county borough|metropolitan borough|county|city|borough|district|town|parish)[ \t]+)?(?i:council))\b"
)
_SKIP_TITLE = re.compile(r"^(public document pack|agenda( item)?|appendix\b|page \d+|\d+)$", re.I)
_MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
_MONTH_YEAR = re.compile(rf"\b({_MONTHS})\.?,?\s+(\d{{4}})\b", re.I)
_GENERIC = re.compile(r"^(the|our|this|we|in|a|an)\b", re.I)


def _month(name: str) -> int:
    return ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].index(name[:3].lower()) + 1


def council_name(doc: DocumentModel) -> str | None:
    """The first proper-noun "... Council" on the opening pages, in title case."""
    for page in doc.pages[:3] + doc.pages[3:]:
        for m in _COUNCIL.finditer(page.text):
            words = m.group(1).split()
            while words and _GENERIC.match(words[0]):
                words = words[1:]
            if len(words) < 2 or words[0].lower() in {"county", "city", "borough", "district", "council"}:
                continue
            name = " ".join(words)
            name = re.sub(r"'s$", "", name)
            return " ".join(w if not w.isupper() or len(w) <= 2 else w.capitalize() for w in name.split())
    return None


def document_date(doc: DocumentModel) -> date | None:
    """The first full date near the top of the first page, else its first month and year."""
    text = "\n".join((doc.pages[0].text if doc.pages else "").splitlines()[:40])
    written = parse_date(text)
    if written:
        try:
            return date.fromisoformat(written)
        except ValueError:
            pass
    m = _MONTH_YEAR.search(text)
    if m:
        return date(int(m.group(2)), _month(m.group(1)), 1)
    return None


def _is_title(line, council) -> bool:
    text = line.text.strip()
    return bool(text) and not _SKIP_TITLE.match(text) and not (council and text.lower() == council.lower())


def document_title(doc: DocumentModel) -> str | None:
    """The opening line, skipping pack covers and the council's name.

    Minutes and reports replace it with the title they print in their own header.
    """
    council = council_name(doc)
    for page in doc.pages[:2]:
        candidates = [ln for ln in page.lines if _is_title(ln, council)]
        if not candidates:
            continue
        return candidates[0].text.strip()
    for page in doc.pages[:1]:
        for line in page.lines:
            if line.text.strip():
                return line.text.strip()
    return None
