"""Status normaliser on real progress rows (statuses judged by reading each row)
plus synthetic negation, roll-up, RAG and overdue cases."""
from __future__ import annotations

import datetime as dt

import pytest

from plantrace.normalise.status import STATUSES, action_status, is_overdue, rag, update_status

# (progress, target_text, judged status) -- rows from gold/000.plan.json and 003.plan.json
CORPUS_ROWS = [
    ("In progress", "May 2017", "in_progress"),
    ("In progress – the TOR is being updated", "May 2017", "in_progress"),
    ("Commenced January 2017 and reports are in place and currently being embedded",
     "May 2017 to be embedded and effective", "in_progress"),
    ("Development and embedding in progress", "May 2017", "in_progress"),
    ("Re structure is underway", "May 2017", "in_progress"),
    ("In process of being developed", "April 2017", "in_progress"),
    ("Group supervision has commenced and we continue to develop this to ensure it is effective and reflective",
     "Complete Feb 2017", "in_progress"),
    ("Completed", "Completed February 2017", "completed"),
    ("Completed in December 16", "Completed December 2016", "completed"),
    ("Completed – guidance has been written and given to all CSC staff", "December 16 completed", "completed"),
    ("Flowchart completed and introduced, circulated", "End of May 2017", "completed"),
    ("Meetings between panel chair, F&A manager and CSC Service manager are in place", "June 2017", "completed"),
    ("Writing workshops have been set up to develop writing skills", "June 2017", "completed"),
    ("Training took place on 30 th March 2017", "March 2017", "completed"),
    ("Leaflets have been delivered around local area / coffee shops", "April 2017", "completed"),
    ("Absent episodes to be tracked for emerging themes/common destination", "October 2016 completed", "completed"),
    ("Ongoing workshops within children conference will continue to develop and embed SOS", "June 2017", "ongoing"),
    ("Monthly (People) Directorate Management Team (DMT) meetings which replaces Service Improvement Board (SIB)",
     "March 2017", "ongoing"),
    ("This will be a feature at each children's conference to enable challenge and reflection",
     "Programme during 2017", "ongoing"),
    ("Quarterly review", "TBC", "ongoing"),
    ("Further bespoke Neglect training to be commissioned to ensure all staff have in depth knowledge of Neglect",
     "June 2017", "not_started"),
    ("New scorecard and BI Tools to be presented at children's conference", "April 2017", "not_started"),
    ("Assessment skills training will be set up and delivered every six months", "June 2017", "not_started"),
    ("TBC", "TBC", "unknown"),
    ("Business case considered", "February 2015", "unknown"),
]


@pytest.mark.parametrize("progress, target, expected", CORPUS_ROWS)
def test_corpus_rows(progress, target, expected):
    assert update_status(progress, target) == expected


@pytest.mark.parametrize("progress, expected", [
    ("not yet completed", "in_progress"),
    ("Work is not complete", "in_progress"),
    ("Incomplete", "in_progress"),
    ("Not started", "not_started"),
    ("Not yet commenced", "not_started"),
    ("Yet to start", "not_started"),
    ("The new policy has not been put in place", "not_started"),
    ("Training has not yet been delivered", "not_started"),
    ("Will be completed in the autumn", "not_started"),
    ("Complete", "completed"),
    ("competed", "completed"),
    ("Being embedded across teams", "in_progress"),
    ("on-going", "ongoing"),
])
def test_synthetic_negation_and_tense(progress, expected):
    assert update_status(progress) == expected


def test_target_decides_only_when_progress_is_silent():
    assert update_status("", "Programme during 2019") == "ongoing"
    assert update_status("Panel will meet", "Completed June 2019") == "completed"
    assert update_status("Panel will meet", "Completed June 2019 To be embedded by Sept 2019") == "in_progress"
    assert update_status("In progress", "Completed June 2019") == "in_progress"


def test_every_status_is_from_the_contract():
    for progress, target, _ in CORPUS_ROWS:
        assert update_status(progress, target) in STATUSES


@pytest.mark.parametrize("statuses, expected", [
    ([], "unknown"),
    (["unknown", "unknown"], "unknown"),
    (["completed", "completed", "unknown"], "completed"),
    (["not_started", "not_started"], "not_started"),
    (["completed", "ongoing"], "ongoing"),
    (["completed", "not_started"], "in_progress"),
    (["in_progress", "completed"], "in_progress"),
    (["not_started", "ongoing"], "in_progress"),
])
def test_action_status_rollup(statuses, expected):
    assert action_status(statuses) == expected


@pytest.mark.parametrize("text, expected", [
    ("Green", "G"), ("G", "G"), ("amber", "A"), ("A", "A"), ("Red", "R"), ("r", "R"),
    ("Amber/Green", "A"), ("Red - Amber", "R"), ("AG", "A"), ("Blue", "B"),
    ("", None), (None, None), ("_", None), ("A new approach", None),
])
def test_rag(text, expected):
    assert rag(text) == expected


def test_is_overdue_is_relative_to_the_day_asked():
    end = dt.date(2019, 6, 30)
    assert is_overdue("in_progress", end, dt.date(2019, 7, 1)) is True
    assert is_overdue("in_progress", end, dt.date(2019, 6, 30)) is False
    assert is_overdue("not_started", "2019-06-30", "2019-08-01") is True
    assert is_overdue("completed", end, dt.date(2020, 1, 1)) is False
    assert is_overdue("ongoing", end, dt.date(2020, 1, 1)) is False
    assert is_overdue("unknown", None, dt.date(2020, 1, 1)) is False
