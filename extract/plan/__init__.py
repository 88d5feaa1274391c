"""Action plans and progress reports into the contract's ``plan`` record.

Two document shapes carry the same information: an action plan (headed
recommendation sections, each followed by an ACTION/PROGRESS/... table) and a
progress report (one table whose rows are the recommendations, with a RAG
rating and a lead officer). The shape is decided from the tables' headers, so
a council's own wording or column order does not matter.

Public API: ``extract_plan(doc) -> {"recommendations": [...]}``.
"""
from __future__ import annotations

from ..model import DocumentModel, Table
from .actions import ActionTableReader, finish_action
from .progress_report import extract_progress_report, is_progress_report
from .sections import (
    ListCollector,
    is_page_furniture,
    list_heading,
    plain,
    recommendation_heading,
    split_number,
)
from ..textform import join_words
from .text import collapse

__all__ = ["extract_plan", "extract_action_plan", "extract_progress_report"]


def extract_plan(doc: DocumentModel) -> dict:
    from .tracked import tracked_items

    plan = extract_progress_report(doc) if is_progress_report(doc) else extract_action_plan(doc)
    tracked = tracked_items(plan)
    if tracked:
        plan["tracked_items"] = tracked
    return plan


def _new_rec(number, page) -> dict:
    return {
        "number": number,
        "text": "",
        "rag": None,
        "outcomes": [],
        "measured_by": [],
        "objectives_heading": None,
        "objectives": [],
        "page": page,
        "actions": [],
        "_lists": {},
    }


def extract_action_plan(doc: DocumentModel) -> dict:
    recs: list[dict] = []
    rec = None
    section = None  # "text" | a list name | None
    reader = ActionTableReader()

    title = None  # the heading printed above the table being read ("... ~ Public Health")
    title_lines: list[str] = []
    last_bold = False
    from ..indicators import IndicatorTableReader  # imports this package's headers

    indicators: list[dict] = []
    ind_reader = IndicatorTableReader()

    def sink(action):
        nonlocal rec
        action["heading"] = title
        if rec is None:
            # A plan with tables but no recommendation headings: group by id.
            number = (action["id"] or "").split(".")[0] or None
            rec = _new_rec(number, action["page"])
            recs.append(rec)
        rec["actions"].append(action)

    def heading(number, rest, page_number):
        nonlocal rec, section
        rec = _new_rec(number, page_number)
        recs.append(rec)
        section = None
        if rest:
            _add_rec_text(rec, rest)

    for page, block in doc.iter_blocks():
        if isinstance(block, Table):
            if title_lines:
                new_title = collapse(" ".join(title_lines))
                if new_title != title and rec is not None and rec["number"] is None:
                    # an unnumbered group ends where a table sits under another heading
                    rec = None
                title, title_lines = new_title, []
            last_bold = False
            if reader.read(block, sink, heading):
                section = None
            else:
                indicators.extend(ind_reader.read(block, title))
            continue
        text = block.text or ""
        if not text.strip() or is_page_furniture(text):
            continue
        bold = getattr(block, "bold", False)
        if bold:
            # consecutive bold lines make one heading; a new run of them replaces it
            title_lines = title_lines + [text] if last_bold else [text]
        last_bold = bold
        head = recommendation_heading(text, bold) or _numbered_heading(text, bold, rec, recs)
        if head is not None:
            number, rest = head
            rec = _new_rec(number, page.number)
            recs.append(rec)
            reader.new_section()
            section = "text"
            if rest:
                _add_rec_text(rec, rest)
            continue
        lst = list_heading(text, bold)
        if lst is not None and rec is not None:
            name, rest = lst
            section = name
            collector = rec["_lists"].setdefault(name, ListCollector())
            if name == "objectives":
                rec["objectives_heading"] = rest or None
            elif rest:
                collector.add(rest)
            continue
        if rec is None or section is None:
            continue
        if section == "text":
            _add_rec_text(rec, plain(text))
        else:
            rec["_lists"][section].add(text)

    out = {"recommendations": [_finish_rec(r) for r in recs if r["actions"] or r["text"]]}
    if indicators:
        out["indicators"] = indicators
    return out


def _numbered_heading(text: str, bold: bool, rec: dict | None, recs: list[dict]):
    """A bold "2. Reduce caseloads" opens the next recommendation in plans that number
    their headings without a label; only the next number in sequence counts, and
    not while a labelled heading still waits for its text."""
    if not bold or (rec is not None and not rec["text"] and not rec["actions"]):
        return None
    number, rest = split_number(plain(text))
    if number is None or not rest.strip():
        return None
    last = next((r["number"] for r in reversed(recs) if r["number"]), None)
    expected = str(int(last) + 1) if last and last.isdigit() else "1"
    return (number, rest) if number == expected else None


def _add_rec_text(rec: dict, text: str):
    if not rec["text"] and rec["number"] is None:
        number, text = split_number(text)
        rec["number"] = number
    rec["text"] = join_words(rec["text"], collapse(text))


def _finish_rec(rec: dict) -> dict:
    lists = rec.pop("_lists")
    if "objectives" in lists:
        tail = lists["objectives"].heading_tail(rec["objectives_heading"])
        if tail:
            rec["objectives_heading"] = join_words(rec["objectives_heading"], tail)
    for name, collector in lists.items():
        rec[name] = collector.items
    rec["actions"] = [finish_action(a) for a in rec["actions"]]
    for a in rec["actions"]:
        a["section"] = rec["text"] or a.get("heading")
    if rec["number"] is None and rec["actions"] and rec["actions"][0]["id"]:
        rec["number"] = rec["actions"][0]["id"].split(".")[0]
    return rec
