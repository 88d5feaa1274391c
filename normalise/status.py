"""Progress statuses, RAG ratings and overdue checks for plan actions.

Progress cells are short, formulaic English ("Completed – ...", "In progress,
LL being revised", "Ongoing workshops ...", "Further training to be
commissioned"), so keyword rules with an explicit negation check are enough
and stay explainable; a statistical model would add weight without adding
recall on text like this.
"""
from __future__ import annotations

import datetime as dt
import re

STATUSES = ("completed", "in_progress", "not_started", "ongoing", "unknown")

# A status label written first is the author's own verdict and wins over the
# description that follows it ("Completed and is being reviewed at each panel").
_LEADING = [
    ("not_started", r"not\s+(?:yet\s+)?(?:started|commenced|begun)"),
    ("completed", r"(?:completed?|competed|done|achieved|closed)\b"),
    ("in_progress", r"(?:in\s+progress|underway|under\s+way|on\s+track|started|commenced|progressing)\b"),
    ("ongoing", r"(?:on-?going|continuous|business\s+as\s+usual)\b"),
]

_NOT_STARTED = r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:started|commenced|begun|initiated)\b|\byet\s+to\s+(?:start|begin|commence)\b"

_IN_PROGRESS = (
    r"\bin\s+progress\b|\bunder\s*way\b|\bcommenced\b|\bstarted\b|\b(?:is|are)\s+progressing\b|\bon\s+track\b"
    r"|\bin\s+(?:the\s+)?process\s+of\b|\bincomplete\b|\bnot\s+fully\b"
    r"|\bpartially\b|\bpart[\s-]completed?\b|\bbeing\s+\w+(?:ed|en|t)\b|\bin\s+development\b|\bin\s+train\b"
)

_COMPLETED = (
    r"\bcompleted?\b|\bcompeted\b|\bin\s+place\b|\bdone\b|\bachieved\b|\bfinished\b|\bdelivered\b"
    r"|\bsigned\s+off\b|\btook\s+place\b|\b(?:is|are)\s+(?:now\s+)?(?:set\s+up|established|operational|live)\b|\b(?:has|have)\s+taken\s+place\b|\b(?:was|were)\s+held\b"
    r"|\b(?:has|have)\s+been\s+(?:set\s+up|established|agreed|introduced|implemented|launched|circulated"
    r"|appointed|delivered|held|undertaken|signed\s+off|put\s+in\s+place|written|developed|produced)\b"
)

# Words about finishing: negated, they imply the work exists but is unfinished.
_FINISHING = r"\bcompleted?\b|\bcompeted\b|\bfinished\b"

# Continuing is ongoing even when promised ("will continue to be invited").
_CONTINUING = r"\bon-?going\b|\bcontinu(?:e|es|ing|ous|ously)\b"
_ONGOING = (
    r"\b(?:daily|weekly|fortnightly|monthly|quarterly|annually|yearly)\b"
    r"|\bregular(?:ly)?\b|\b(?:programme|work)\s+during\b|\bbusiness\s+as\s+usual\b|\b(?:each|every)\s+\w+"
)

# Intent without report: the thing has not happened yet.
_FUTURE = r"^\s*to\s+\w+|\bwill\b|\bto\s+be\s+\w+ed\b|\bshall\b|\bplanned\b|\bneeds?\s+to\b|\bnext\s+(?:meeting|conference|agenda|panel)\b"

# A negation within a few words before a keyword reverses it: "not yet
# completed", "has not been put in place", "never started".
_NEGATION = re.compile(r"(?i)\b(?:not|never|no\s+longer|yet\s+to\s+be|isn't|hasn't|haven't|wasn't|weren't|aren't)\b(?:\s+\w+){0,2}\s*$")
# Future or purpose earlier in the same clause: "will be set up and delivered",
# "to ensure training packages are in place".
_FUTURE_BEFORE = re.compile(r"(?i)(?:\b(?:will|shall|would|should|must|needs?\s+to|to\s+ensure|ensuring)\b|\bto\s+(?:be\s+)?$)[^.;:,–]{0,40}$")


def update_status(progress: str, target_text: str = "") -> str:
    """Status of one progress update.

    Explicit evidence in the progress text wins.  When the progress text only
    states an intention ("will be collated", "to be commissioned") or says
    nothing, the target cell decides if it carries a verdict, because plans
    often record completion there ("Completed February 2017", "March 2017
    completed June 2017 to embedded"); otherwise an intention means not started.
    """
    status, strong = _status_of(progress or "")
    if strong:
        return status
    target_status = _target_status(target_text or "")
    return target_status if target_status != "unknown" else status


def _target_status(target_text: str) -> str:
    """Verdict carried by a target-date cell, read through its date qualifiers:
    every milestone completed -> completed; some completed, started or being
    embedded -> in progress; otherwise whatever its words say."""
    from .dates import normalise_date

    if not target_text.strip():
        return "unknown"
    qualifiers = [d["qualifier"] for d in normalise_date(target_text)["dates"]]
    if qualifiers and all(q == "completed" for q in qualifiers):
        return "completed"
    if any(q in ("completed", "start", "embed") for q in qualifiers):
        return "in_progress"
    status, strong = _status_of(target_text)
    return status if strong else "unknown"


def _status_of(text: str) -> tuple[str, bool]:
    """(status, whether the text states it rather than merely implying it)."""
    text = re.sub(r"<[^>]+>", " ", text).strip()
    lowered = text.lower()
    if not lowered or re.fullmatch(r"\(?\s*t\.?b\.?c\.?\s*\)?|n/?a|-+|_+", lowered):
        return "unknown", False
    for status, pattern in _LEADING:
        if re.match(pattern, lowered):
            return status, True
    if re.search(_NOT_STARTED, lowered):
        return "not_started", True
    if _affirmed(_IN_PROGRESS, lowered):
        return "in_progress", True
    if _affirmed(_COMPLETED, lowered, reject_future=True):
        return "completed", True
    if _negated(_FINISHING, lowered):
        return "in_progress", True  # "not yet completed": begun but unfinished
    if _negated(_COMPLETED, lowered):
        return "not_started", True  # "not yet in place", "has not been delivered"
    if _affirmed(_CONTINUING, lowered) or _affirmed(_ONGOING, lowered, reject_future=True):
        return "ongoing", True
    if re.search(_FUTURE, lowered) or _future_completion(lowered):
        return "not_started", False
    return "unknown", False


def _affirmed(pattern: str, text: str, reject_future: bool = False) -> bool:
    for m in re.finditer(pattern, text):
        before = text[:m.start()]
        if _NEGATION.search(before):
            continue
        if reject_future and _FUTURE_BEFORE.search(before):
            continue
        return True
    return False


def _negated(pattern: str, text: str) -> bool:
    return any(_NEGATION.search(text[:m.start()]) for m in re.finditer(pattern, text))


def _future_completion(text: str) -> bool:
    return any(_FUTURE_BEFORE.search(text[:m.start()]) for m in re.finditer(_COMPLETED, text))


def action_status(update_statuses: list[str]) -> str:
    """Roll the statuses of an action's updates up to the action.

    Rule: ``unknown`` updates are ignored (they carry no evidence), and if
    nothing else is left the action is ``unknown``.  All ``completed`` ->
    ``completed``; all ``not_started`` -> ``not_started``; only ``completed``
    and ``ongoing`` -> ``ongoing`` (the one-off work is done and what remains is
    business as usual); any other mix (something done or moving, something not)
    -> ``in_progress``.
    """
    known = {s for s in update_statuses if s in STATUSES and s != "unknown"}
    if not known:
        return "unknown"
    if known == {"completed"}:
        return "completed"
    if known == {"not_started"}:
        return "not_started"
    if known <= {"completed", "ongoing"}:
        return "ongoing"
    return "in_progress"


_RAG_WORDS = {"red": "R", "amber": "A", "yellow": "A", "green": "G", "blue": "B"}
_RAG_SEVERITY = {"R": 0, "A": 1, "G": 2, "B": 3}


def rag(text: str | None) -> str | None:
    """RAG rating of a cell.

    Two-tone ratings ("Amber/Green", "Red-Amber", "AG") are reported as the
    worse colour: the rating is used to flag risk, so it errs on caution.  Blue
    (BRAG schemes: delivered) is reported as "B", as the contract has it.  Single letters count only
    when they are the whole cell, so a stray "A" in prose is not a rating.
    """
    if not text:
        return None
    lowered = re.sub(r"<[^>]+>", " ", text).strip().lower()
    colours = [_RAG_WORDS[w] for w in re.findall(r"\b(red|amber|yellow|green|blue)\b", lowered)]
    if not colours:
        letters = re.fullmatch(r"\(?\s*([ragb])\s*(?:[/\-–]?\s*([rag]))?\s*\)?\.?", lowered)
        if letters:
            colours = [c.upper() for c in letters.groups() if c]
        elif re.fullmatch(r"[rag]{2}", lowered):
            colours = [c.upper() for c in lowered]
    if not colours:
        return None
    return min(colours, key=_RAG_SEVERITY.__getitem__)


def is_overdue(status: str, latest_end_date: dt.date | str | None, as_of: dt.date | str) -> bool:
    """Overdue is a function of the day it is asked, so it is computed, never stored.

    An action is overdue when it is not completed, has a dated target, and the
    latest target date has ended before ``as_of``.  Ongoing work has no finish
    line, so it is never overdue.
    """
    if status in ("completed", "ongoing") or latest_end_date in (None, ""):
        return False
    end = latest_end_date if isinstance(latest_end_date, dt.date) else dt.date.fromisoformat(str(latest_end_date)[:10])
    day = as_of if isinstance(as_of, dt.date) else dt.date.fromisoformat(str(as_of)[:10])
    if isinstance(end, dt.datetime):
        end = end.date()
    if isinstance(day, dt.datetime):
        day = day.date()
    return end < day
