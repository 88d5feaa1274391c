"""The path minute item -> report it considered -> plan that report carries.

A clerk minutes "25/00042 - Health and Wellbeing Strategy Delivery Plan"; the
report with that number carries the plan as an appendix. Councils publish a
report and its appendices under the report's number (in the document's first
lines or in the name it is published under), so a plan document that carries
the number of the report a minute item considered was before the meeting at
that item: the item is about that plan, whatever the plan's own date or
title, and its points are read against the plan's actions, priorities and
indicators. The number is kept as the link's ``via`` so ``trace`` can show the
path.
"""
from __future__ import annotations

from pathlib import Path

from plantrace.store.meetings import refs_in

from .references import find_references

FIRST_PAGES = 2  # a report's number is printed on its cover or first page; an appendix's on its first
ITEM_OPENING = 400  # characters of a minute item's text that name the report it considered ("the report of …")


def report_numbers(*texts: str | None) -> set[str]:
    """Report numbers in any spelling ("25/00042", "25-00042", "Report No. 99/2017"), one key each."""
    out: set[str] = set()
    for text in texts:
        if not text:
            continue
        out |= refs_in(text)
        out |= find_references(text).reports
    return out


def carried_reports(path: str | None, pages: list[str]) -> set[str]:
    """Numbers of the reports a document belongs to: printed on its first pages or in its published name."""
    name = Path(path).stem if path else ""
    return report_numbers(name, *pages[:FIRST_PAGES])


def item_reports(title: str | None, report_refs, text: str | None) -> set[str]:
    """Numbers of the reports a minute item considered: in its heading, its references, its opening lines."""
    return report_numbers(title, " ".join(report_refs or []), (text or "")[:ITEM_OPENING])
