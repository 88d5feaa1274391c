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
    people write it. Minutes and reports pass their own opening lines; a line such
    as "Report to Northshire County Council" is an address, not a letterhead."""
    for text in texts:
        text = collapse(text)
        words = text.split()
        if _COUNCIL_LINE.match(text) and len(words) <= 7 and _reads_as_name(words[:-1]) \
                and any(w.lower() not in _TYPE_WORDS | _NAME_JOINERS for w in words[:-1]):
            return title_case(text)  # "County Council" alone is a body's name, not a council's
    return None


# Words that join the parts of a council's name ("Isle of Wight", "Kingston upon Hull",
# "Bath and North East Somerset"); any other lower-case word means a phrase, not a name.
_NAME_JOINERS = {"of", "and", "upon", "on", "&"}
# Words of a council's type: a name with one of them before "Council" is a council's name
# whatever its place words are ("Reading Borough Council").
_TYPE_WORDS = {"county", "city", "borough", "district", "town", "parish", "metropolitan", "community", "village",
               "regional", "unitary"}
# Compass and size words that are part of many place names but no place on their own.
_PLACE_QUALIFIERS = {"north", "south", "east", "west", "central", "mid", "greater", "upper", "lower", "great",
                     "little", "new", "old", "royal"}
# wordfreq's Zipf scale: a word used more often than this in English ("Arts", "Final",
# "Data", "Reduced") does not name a place on its own before "Council"; place names
# such as Leeds (4.0) or Bristol (4.0) stay under it.
COMMON_WORD_ZIPF = 4.5


def _reads_as_name(words: list[str]) -> bool:
    """Every word capitalised (or the whole line in capitals) but the joiners of a name,
    and no word that starts a phrase ("to", "since", "all")."""
    if not words:
        return False
    for w in words:
        if w.lower() in _NAME_JOINERS:
            continue
        if not w[:1].isupper() or _NOT_A_NAME.match(w) or _GENERIC.match(w):
            return False
    return True


def _names_a_council(words: list[str]) -> bool:
    """``words`` (ending in "Council") are a council's name: capitalised as a name, and
    either with a type word (County, Borough, ...) or with a place that is no common
    English word, such as an area of the authorities list or a rare word."""
    if words[-1] not in ("Council", "COUNCIL") or not _reads_as_name(words[:-1]):
        return False
    place = [w for w in words[:-1] if w.lower() not in _NAME_JOINERS]
    if any(w.lower() in _TYPE_WORDS for w in place):
        return True
    if " ".join(place).lower() in _area_keys():
        return True
    core = [w for w in place if w.lower() not in _PLACE_QUALIFIERS]
    if not core or any(len(w) <= 4 and w.isupper() for w in core):  # "ASC Council", "NCC Council": initials
        return False
    from wordfreq import zipf_frequency

    return all(zipf_frequency(w.lower(), "en") < COMMON_WORD_ZIPF for w in core)


def council_name(doc: DocumentModel) -> str | None:
    """The council's letterhead on the first page, else the council the text names
    as its own, in title case.

    A document names other councils too (its districts, a neighbour, a partner), so
    where it calls itself "the County Council" (or City, Borough, District) only a
    printed name of that type is its own; a report written for its own council's
    committee may never print the full name, only "the County Council" and, in
    passing, its area; then the two are put together (see ``_council_from_area``).
    """
    first = [ln.text for ln in doc.pages[0].lines[:12]] if doc.pages else []
    heading = council_heading(first)
    if heading:
        return heading
    text = doc.text
    counts = _printed_councils(doc)
    acronyms: dict[str, int] = {}
    for token in _ACRONYM.findall(text):
        acronyms[token] = acronyms.get(token, 0) + 1
    areas = [area for area, pattern in _areas() if pattern.search(text)]  # the areas the text names
    for name in _named_by_initials(text, acronyms, areas):
        counts.setdefault(name, 0)
    # a council is named in full or by its initials ("NCC"), so both count
    scores = {n: c + acronyms.get(_initials(n), 0) for n, c in counts.items()}
    own = _own_type(text)
    if own:
        typed = {n: c for n, c in scores.items() if n.lower().endswith(f" {own.lower()} council")}
        if typed:
            return max(typed, key=typed.get)
        # a text that calls itself "the County Council" is none of the other councils it names
        return _council_from_area(text)
    # initials of a council ("...C") used often that spell none of the names found: the text
    # names its own council that way, so a council it mentions in passing is not trusted
    spelled = {_initials(n) for n in scores}
    unexpanded = any(n >= INITIALS_MIN and a not in spelled and _council_initials(a, areas)
                     for a, n in acronyms.items())
    floor = INITIALS_MIN if unexpanded else 1
    scores = {n: c for n, c in scores.items() if c >= floor}
    return max(scores, key=scores.get) if scores else _council_from_area(text)


_ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")
# the initials of a council: a place, then a type (County/City, Borough, District, Town,
# Parish, Metropolitan Borough), then Council ("NCC", "HDC", "WMBC")
_COUNCIL_INITIALS = re.compile(r"^([A-Z]{1,3})(?:C|B|D|T|P|MB)C$")
# Initials a text uses this often stand for its own council when they spell one
# ("NCC" for an area the text names, with a type word it uses).
INITIALS_MIN = 3
_TYPE_NAMES = ("County", "City", "Borough", "District", "County Borough", "Metropolitan Borough")


def _council_initials(token: str, areas: list[str]) -> bool:
    """``token`` reads as a council's initials: a place's, a type's and Council's ("NCC"),
    the place one of the authorities' ``areas`` that the text names ("TBC" is no council of
    a text that names no area in T)."""
    m = _COUNCIL_INITIALS.match(token)
    return bool(m) and any(_initials(area) == m.group(1) for area in areas)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in _NAME_JOINERS).upper()


def _named_by_initials(text: str, acronyms: dict[str, int], areas: list[str]) -> list[str]:
    """Councils a text never prints in full but names by initials: one of the authorities'
    ``areas`` the text mentions, a type it uses ("County Council"), and initials of the two
    with "Council" that the text uses at least ``INITIALS_MIN`` times."""
    frequent = {a for a, n in acronyms.items() if n >= INITIALS_MIN}
    found = []
    for area in areas:
        if not any(a.startswith(_initials(area)) for a in frequent):
            continue
        kinds = [(len(re.findall(rf"\b{kind} Council\b", text)), kind) for kind in _TYPE_NAMES
                 if _initials(f"{area} {kind} Council") in frequent]
        kinds = [k for k in kinds if k[0]]
        if kinds:  # "NCC" is County or City Council: the one the text says ("County Council") more
            found.append(f"{area} {max(kinds)[1]} Council")
    return found


_NOT_A_NAME = re.compile(
    r"^(?:since|all|and|but|as|at|by|for|from|if|in|of|on|or|so|to|when|where|while|with|whilst|although|because|"
    r"after|before|during|under|each|every|any|some|that|this|these|those|which|whose|revenue|capital|budget|"
    r"full|whole|local|new|former|neighbouring|other|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.I)


def _printed_councils(doc: DocumentModel) -> dict[str, int]:
    """Each council the text names, read as a name, with how often, in order of first
    mention: each "... Council" phrase is cut at its left to the words that can be a name
    ("Since Northshire County Council" is Northshire County Council, "All Revenue The
    Council" none) and kept only if it names a council (see ``_names_a_council``)."""
    counts: dict[str, int] = {}
    for page in doc.pages:
        for m in _COUNCIL.finditer(page.text):
            words = m.group(1).split()
            while words and (_GENERIC.match(words[0]) or _NOT_A_NAME.match(words[0])):
                words = words[1:]
            if len(words) < 2 or words[0].lower() in {"county", "city", "borough", "district", "council"}:
                continue
            if any(w.lower() in {"the", "a", "an", "of"} for w in words[1:-1]) and not re.match(r"(?i)^(?:city|borough|county)\b", words[0]):
                continue  # "Revenue The Council": two phrases run together
            if not _names_a_council(words):
                continue
            name = re.sub(r"'s$", "", " ".join(words))
            name = " ".join(w if not w.isupper() or len(w) <= 2 else w.capitalize() for w in name.split())
            counts[name] = counts.get(name, 0) + 1
    return counts


# A text calls itself "the County Council" at least this often before the type decides
# which of the councils it names is its own (once may be a passing mention of another).
OWN_TYPE_MIN = 2


def _own_type(text: str) -> str | None:
    """The type of council the text calls itself ("the County Council" most often:
    County), or None when it does so less than ``OWN_TYPE_MIN`` times."""
    counts: dict[str, int] = {}
    for m in _SELF_REFERENCE.finditer(text):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    best = max(counts, key=counts.get) if counts else None
    return best if best and counts[best] >= OWN_TYPE_MIN else None


_SELF_REFERENCE = re.compile(r"\b[Tt]he (County|City|Borough|County Borough|Metropolitan Borough|District) Council\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")


@lru_cache(maxsize=1)
def _area_keys() -> frozenset[str]:
    return frozenset(area.lower() for area, _ in _areas())


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
