"""Council, title and date of a document, read from its first page.

These anchor everything downstream: people are resolved within a council, and
a plan is only a link candidate for meetings held on or after its date.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from .model import DocumentModel
from .textform import collapse, title_case
from .written_dates import parse_date

_COUNCIL = re.compile(
    r"\b((?:[A-Z][A-Za-z'&-]+[ \t]+){1,4}?(?i:(?:county borough|metropolitan borough|county|city|borough|district|town|parish)[ \t]+)?(?i:council))\b"
)
_SKIP_TITLE = re.compile(r"^(public document pack|agenda( item( no\.?)?( \d+[a-z]?)?)?|appendix\b|page \d+|\d+)$", re.I)
_MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
_MONTH_YEAR = re.compile(rf"\b({_MONTHS})\.?,?\s+(\d{{4}})\b", re.I)
_GENERIC = re.compile(r"^(the|our|this|we|in|a|an)\b", re.I)


def _month(name: str) -> int:
    return ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].index(name[:3].lower()) + 1


_COUNCIL_LINE = re.compile(r"^[A-Z][\w&' -]*\b(?:Council|Authority|Borough|Corporation)$", re.I)


def council_heading(texts) -> str | None:
    """A line that is nothing but a council's name (a letterhead), in the case
    people write it. Minutes and reports pass their own opening lines."""
    for text in texts:
        text = collapse(text)
        if _COUNCIL_LINE.match(text) and len(text.split()) <= 7:
            return title_case(text)
    return None


def council_name(doc: DocumentModel) -> str | None:
    """The council's letterhead on the first page, else the first proper-noun
    "... Council" in the text, in title case.

    A report written for its own council's committee may never print the full
    name, only "the County Council" and, in passing, its area; then the two
    are put together (see ``_council_from_area``).
    """
    first = [ln.text for ln in doc.pages[0].lines[:12]] if doc.pages else []
    return council_heading(first) or _printed_council(doc) or _council_from_area(doc.text)


_NOT_A_NAME = re.compile(
    r"^(?:since|all|and|but|as|at|by|for|from|if|in|of|on|or|so|to|when|where|while|with|whilst|although|because|"
    r"after|before|during|under|each|every|any|some|that|this|these|those|which|whose|revenue|capital|budget|"
    r"full|whole|local|new|former|neighbouring|other|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.I)


def _printed_council(doc: DocumentModel) -> str | None:
    """The council the text names most often, read as a name: each "... Council" phrase
    is cut at its left to the words that can be a name ("Since Northshire County Council" is
    Northshire County Council, "All Revenue The Council" none), and the commonest wins."""
    counts: dict[str, int] = {}
    first_seen: dict[str, int] = {}
    for page in doc.pages:
        for m in _COUNCIL.finditer(page.text):
            words = m.group(1).split()
            while words and (_GENERIC.match(words[0]) or _NOT_A_NAME.match(words[0])):
                words = words[1:]
            if len(words) < 2 or words[0].lower() in {"county", "city", "borough", "district", "council"}:
                continue
            if any(w.lower() in {"the", "a", "an", "of"} for w in words[1:-1]) and not re.match(r"(?i)^(?:city|borough|county)\b", words[0]):
                continue  # "Revenue The Council": two phrases run together
            name = re.sub(r"'s$", "", " ".join(words))
            name = " ".join(w if not w.isupper() or len(w) <= 2 else w.capitalize() for w in name.split())
            counts[name] = counts.get(name, 0) + 1
            first_seen.setdefault(name, len(first_seen))
    if not counts:
        return None
    return max(counts, key=lambda n: (counts[n], -first_seen[n]))


_SELF_REFERENCE = re.compile(r"\b[Tt]he (County|City|Borough|County Borough|Metropolitan Borough|District) Council\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")


@lru_cache(maxsize=1)
def _areas() -> tuple[tuple[str, re.Pattern], ...]:
    lines = (Path(__file__).parent / "data" / "authorities.txt").read_text(encoding="utf-8").splitlines()
    names = [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]
    return tuple((n, re.compile(rf"(?<![\w-]){re.escape(n)}(?![\w-])")) for n in names)


def _council_from_area(text: str) -> str | None:
    """"the County Council" plus the local-authority area the text names most.

    Only areas from the list of principal authorities count, each mention
    away from the start of a sentence (so "Reading the report" is no area),
    and the area must be named at least twice, more often than any other.
    """
    kind = _SELF_REFERENCE.search(text)
    if not kind:
        return None
    counts = []
    for name, pattern in _areas():
        n = sum(1 for m in pattern.finditer(text) if not _SENTENCE_START.search(text[max(0, m.start() - 3):m.start()]))
        if n:
            counts.append((n, name))
    counts.sort(reverse=True)
    if not counts or counts[0][0] < 2 or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        return None
    return f"{counts[0][1]} {kind.group(1)} Council"


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


_MEETING_LINE = re.compile(r"\b(committee|panel|board|cabinet|council|forum|meeting)\b", re.I)
_OPEN_END = re.compile(r"(?:\b(?:to|of|and|the|for|in|on|with|a|an|by|at)|[-–—:,&])$", re.I)


def _is_meeting_line(text: str) -> bool:
    """"CHILDREN AND FAMILIES ... COMMITTEE - 5th NOVEMBER 2018": whom a report
    goes to and when, printed above the report's own title."""
    return bool(_MEETING_LINE.search(text)) and parse_date(text) is not None


def _wraps(line, page) -> bool:
    """A title line that runs on: it ends mid-phrase, or fills the text width."""
    text = line.text.strip()
    if _OPEN_END.search(text):
        return True
    right = max((ln.bbox[2] for ln in page.lines if ln.bbox), default=None)
    return bool(line.bbox and right) and line.bbox[2] >= right - 40 and len(text) >= 60


def document_title(doc: DocumentModel, council: str | None = None) -> str | None:
    """The opening line, skipping pack covers, the council's name (``council``,
    read here when not passed) and the meeting a report is addressed to, with
    its wrapped second line.

    Minutes and reports replace it with the title they print in their own header.
    """
    council = council or council_name(doc)
    for page in doc.pages[:2]:
        candidates = [ln for ln in page.lines if _is_title(ln, council)]
        if len(candidates) > 1 and _is_meeting_line(candidates[0].text):
            candidates = candidates[1:]
        if not candidates:
            continue
        parts = [candidates[0]]
        for nxt in candidates[1:3]:
            if not _wraps(parts[-1], page) or nxt.text.isupper() != parts[0].text.isupper():
                break
            parts.append(nxt)
        return " ".join(ln.text.strip() for ln in parts)
    for page in doc.pages[:1]:
        for line in page.lines:
            if line.text.strip():
                return line.text.strip()
    return None
