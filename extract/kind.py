"""Decide what a document is from what it says, not from its file name.

Councils name files arbitrarily, so the cues are the ones a reader uses: a
minutes heading and attendance lists, a RAG/progress table, or an action table
with owners and target dates.
"""
from __future__ import annotations

import re

from .model import DocumentModel
from .plan.progress_report import RAG_CELL

KINDS = ("action_plan", "progress_report", "performance_report", "risk_register", "minutes", "agenda", "report")

# How much table evidence makes a kind, whatever the title says.
MIN_ACTION_ROWS = 5  # rows under one action table header (a report may carry a small one)
MIN_RATED_INDICATORS = 5  # indicators rated by a word or a colour
MIN_RISKS = 3
# A plan is mostly its tables: a long report that sets one or two action tables among
# its pages stays a report (its actions are still read, see ``document``).
PLAN_PAGE_SHARE = 0.2

# "Minutes of the meeting ...", and the Scottish title "MINUTE of MEETING of the ... Committee" opening a line
_MINUTES = re.compile(r"\bminutes of (the )?(meeting|.*\b(panel|committee|board|council|cabinet)\b)|"
                      r"^\s*minute of (?:the )?meeting\b", re.I | re.M)
_ATTEND = re.compile(r"^\s*(present|apologies( for absence)?)\s*:?\s*$", re.I | re.M)
# a title line that calls the document minutes ("REGULAR MEETING MINUTES", "Minutes",
# "Parish Council Minutes - 6th November 2018") in the opening lines
_MINUTES_TITLE = re.compile(r"^[^\n.]{0,60}\bminutes\b(?:\s*[-–:,]\s*[^\n.]{0,40})?\s*$", re.I | re.M)
# the cues of a meeting's record: an attendance list or roll call, a call to order
_RECORD = re.compile(r"^\s*(?:\d+\.?\s+)?(?:present|apologies(?: for absence)?|roll call|call to order(?: and roll call)?|"
                     r"attendance|members present|councillors present)\b", re.I | re.M)
_PROGRESS = re.compile(r"\bprogress (report|update)\b", re.I)
_RAG = re.compile(r"(\brag|progressrag|red[/ ]amber[/ ]green)\b", re.I)
_ACTION_HEAD = re.compile(r"\b(actions?|what we will do|milestones?)\b", re.I)
_WHEN_HEAD = re.compile(r"\b(target dates?|timescales?|by when|deadline|due date|completion date)\b", re.I)
_PLAN_TITLE = re.compile(r"\b(action|improvement|development|recovery) plan\b", re.I)


def _header_texts(doc: DocumentModel):
    for page in doc.pages:
        for table in page.tables:
            if table.rows:
                # header words are often broken mid-word inside narrow cells
                yield " ".join(c.text.replace("\n", " ") for c in table.rows[0])
                yield " ".join(c.text.replace("\n", "") for c in table.rows[0])


def _rated_column(doc: DocumentModel) -> bool:
    """A column whose cells are mostly Red / Amber / Green ratings, in words or in
    their fill colour, whatever its heading ("Status", "Rating", "Progress"): the
    mark of a progress report."""
    for page in doc.pages:
        for table in page.tables:
            rows = table.rows[1:]
            width = max((len(r) for r in rows), default=0)
            for col in range(width):
                values = [v for r in rows if col < len(r) and (v := r[col].text.strip() or r[col].shade or "")]
                if len(values) >= 2 and sum(bool(RAG_CELL.match(v)) for v in values) >= 0.8 * len(values):
                    return True
    return False


def _action_tables(doc: DocumentModel) -> tuple[int, int]:
    """(tables, rows) of tables whose header pairs something to be done with who or
    when ("What we have committed to | Led by | Timescale")."""
    from .plan.actions import ActionTableReader

    tables = rows = 0
    pages = set()
    for page in doc.pages:
        for table in page.tables:
            head = next((i for i, r in enumerate(table.rows[:3]) if ActionTableReader.is_plan_header(r)), None)
            if head is None:
                continue
            tables += 1
            pages.add(page.number)
            rows += sum(1 for r in table.rows[head + 1:] if any((c.text or "").strip() for c in r[1:]))
    if len(pages) < PLAN_PAGE_SHARE * len(doc.pages):
        return 0, rows
    return tables, rows


def has_action_tables(doc: DocumentModel) -> bool:
    """Whether a document of another kind still carries an action table worth reading."""
    from .plan.actions import ActionTableReader

    rows = 0
    for page in doc.pages:
        for table in page.tables:
            head = next((i for i, r in enumerate(table.rows[:3]) if ActionTableReader.is_plan_header(r)), None)
            if head is not None:
                rows += sum(1 for r in table.rows[head + 1:] if any((c.text or "").strip() for c in r[1:]))
    return rows >= MIN_ACTION_ROWS


def _recommendation_rows(doc: DocumentModel) -> int:
    """Rows under headers that pair recommendations with a lead or a rating (the tables a
    progress report is read from)."""
    from .plan.progress_report import _report_header

    return sum(len(t.rows) - 1 for p in doc.pages for t in p.tables if t.rows and _report_header(t.rows[0]))


def _rated_indicators(doc: DocumentModel) -> int:
    from .indicators import extract_indicators

    return sum(1 for r in extract_indicators(doc) if r.get("rag"))


def _risks(doc: DocumentModel) -> int:
    from .risks import extract_risks

    return len(extract_risks(doc))


def detect_kind(doc: DocumentModel) -> str:
    first = "\n".join(p.text for p in doc.pages[:2])
    if _announces_business(doc):  # an agenda lists "Apologies" and "Minutes of ..." among its items
        return "agenda"
    top = "\n".join(ln.text for ln in (doc.pages[0].lines[:10] if doc.pages else []))
    if _MINUTES.search(first) and _ATTEND.search(first):
        return "minutes"
    if _MINUTES_TITLE.search(top) and _RECORD.search(first):
        return "minutes"
    headers = list(_header_texts(doc))
    if _PROGRESS.search(first) and (any(_RAG.search(h) for h in headers) or _rated_column(doc)):
        return "progress_report"
    n_tables, n_rows = _action_tables(doc)
    risks = _risks(doc)
    if risks >= MIN_RISKS and risks >= n_rows:
        return "risk_register"
    if n_tables >= 2 or (n_tables and (_PLAN_TITLE.search(first) or n_rows >= MIN_ACTION_ROWS)):
        return "action_plan"
    if _recommendation_rows(doc) >= MIN_ACTION_ROWS:
        # recommendations tracked with their lead or rating, one row each
        return "progress_report" if _rated_column(doc) else "action_plan"
    if _rated_indicators(doc) >= MIN_RATED_INDICATORS:
        return "performance_report"
    action_tables = sum(1 for h in headers if _ACTION_HEAD.search(h) and _WHEN_HEAD.search(h))
    if action_tables and (action_tables >= 2 or _PLAN_TITLE.search(first)):
        return "action_plan"
    if _MINUTES.search(first):
        return "minutes"
    return "report"


def _announces_business(doc: DocumentModel) -> bool:
    from .agenda import is_agenda

    return is_agenda(doc)
