"""Plans, action logs, trackers and scorecards of templates our corpus lacks.

Each document is built from its specification in ``tests/plan_templates.py`` (so its
gold is what it prints), read as ``plantrace extract`` reads it, and scored with the
evaluation scorer's ``real-plan`` measure. The floors are the figures measured when
the template was added; the figures are printed for the record.
"""
from __future__ import annotations

import contextlib
import io
import json

import pytest

from plantrace.extract.document import build_contract, load_model
from plantrace.normalise.apply import normalise_record
from tests import eval_score
from tests.plan_templates import TEMPLATES, build

# real-plan score measured for each template, and the kind it must be read as
FLOORS = {
    "action_log_fill": (1.0, "action_plan"),
    "action_log_text": (1.0, "action_plan"),
    "action_log_words": (1.0, "action_plan"),
    "improvement_plan": (1.0, None),  # a plan reporting progress: either plan kind reads it
    "audit_tracker": (1.0, "action_plan"),
    "what_we_will_do": (1.0, "action_plan"),
    "tracker_continued": (1.0, "action_plan"),
    "kpi_scorecard": (1.0, "performance_report"),
    "measures_unruled": (1.0, "performance_report"),
    "brag_progress": (1.0, None),
    "zebra_tracker": (1.0, "action_plan"),
    "objective_merged": (1.0, "action_plan"),
    "action_log_fill_unruled": (1.0, "action_plan"),
    "kpi_scorecard_header_rule": (1.0, "performance_report"),
}
PLAN_KINDS = ("action_plan", "progress_report")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """name -> (record, gold), each template built and extracted once."""
    folder = tmp_path_factory.mktemp("plan-templates")
    out = {}
    for name, template in TEMPLATES.items():
        path = folder / f"{name}.pdf"
        gold = build(template, path)
        record = normalise_record(build_contract(load_model(path, "pdf", "")))
        out[name] = (json.loads(json.dumps(record, default=str)), gold)
    return out


def _score(record: dict, gold: dict) -> float:
    text = io.StringIO()
    with contextlib.redirect_stdout(text):
        score = eval_score.score_real_plan(record, gold)
    print(text.getvalue())
    return score


def test_every_template_has_a_floor():
    assert set(FLOORS) == set(TEMPLATES)


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_template_scores_at_least_its_floor(built, name):
    record, gold = built[name]
    floor, kind = FLOORS[name]
    print(f"{name}: kind={record['kind']}")
    assert record["kind"] == kind if kind else record["kind"] in PLAN_KINDS
    assert _score(record, gold) >= floor


def test_status_words_and_ratings_are_kept_apart(built):
    """A log with a Status column of words and a RAG column keeps both: the printed
    status as status_text, the rating as a letter."""
    record, gold = built["action_log_text"]
    updates = [a["updates"][0] for r in record["plan"]["recommendations"] for a in r["actions"]]
    assert [u.get("status_text") for u in updates] == [g["status"] for g in gold["actions"]]
    assert [u.get("rag") for u in updates] == [eval_score._rag(g["rag"]) for g in gold["actions"]]


def test_blue_is_its_own_rating(built):
    """BRAG: Blue (delivered) stays "B", whether printed or filled."""
    record, gold = built["brag_progress"]
    rags = [a["updates"][0].get("rag") for r in record["plan"]["recommendations"] for a in r["actions"]]
    assert rags.count("B") == sum(g["rag"] == "Blue" for g in gold["actions"]) > 0


@pytest.mark.parametrize("header, role", [
    ("Meeting date", "raised"), ("Date of meeting", "raised"), ("Due date", "target_date"),
    ("Action by", "accountability"), ("Assigned to", "accountability"), ("Who", "accountability"),
    ("Description", "action"), ("What we will do", "action"), ("How we will know", "measure"),
    ("Status", "status"), ("Progress / Status", "status"), ("RAG status", "rag"), ("BRAG", "rag"),
])
def test_column_roles_by_meaning(header, role):
    from plantrace.extract.plan.headers import header_role

    assert header_role(header) == role


def test_a_target_column_of_dates_is_the_due_date():
    """"Target" holds a figure in a scorecard and a date in an action log: the cells decide."""
    from plantrace.extract.model import Cell
    from plantrace.extract.plan.actions import _dated_targets

    roles = {0: "action", 1: "targets"}
    dated = [[Cell("Write the policy"), Cell("End of March 2025")], [Cell("Train staff"), Cell("Q2 2025/26")]]
    figures = [[Cell("Cut waiting times"), Cell("95%")], [Cell("Answer calls"), Cell("90%")]]
    assert _dated_targets(roles, dated)[1] == "target_date"
    assert _dated_targets(roles, figures)[1] == "targets"
