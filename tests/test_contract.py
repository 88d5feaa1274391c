"""`plantrace extract FILE --json` end to end: the fixed output contract, scored against gold."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from plantrace.cli import app

from .conftest import pdf_path
from .plan_score import score_plan

runner = CliRunner()
STATUSES = {"completed", "in_progress", "not_started", "ongoing", "unknown"}


def extract_json(prefix: str) -> dict:
    result = runner.invoke(app, ["extract", str(pdf_path(prefix)), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("prefix,n_actions", [("000", 82), ("003", 48)])
def test_plan_json_scores_against_gold(prefix, n_actions, gold):
    doc = extract_json(prefix)
    assert doc["kind"] == "action_plan"
    assert set(doc) >= {"source", "kind", "council", "title", "date", "plan", "meeting", "tables"}
    assert doc["source"]["pages"] > 0 and len(doc["source"]["sha256"]) == 64
    score = score_plan(doc["plan"], gold(f"{prefix}.plan.json"))
    print(f"\n{prefix} via CLI: actions {score['actions_found']}/{score['actions_gold']}, "
          f"fields {score['equal']}/{score['total']} ({score['ratio']:.1%})")
    assert score["actions_found"] == n_actions
    assert score["ratio"] >= 0.98
    updates = [u for r in doc["plan"]["recommendations"] for a in r["actions"] for u in a["updates"]]
    for upd in updates:
        assert set(upd["target_date"]) >= {"text", "dates", "tbc"}
        assert upd["status"] in STATUSES
        assert all(set(o) >= {"name", "role", "person_id"} for o in upd["accountable"] + upd["monitors"])
    # people are resolved: most owners are persons with an id, the rest are groups
    owners = [o for u in updates for o in u["accountable"] + u["monitors"]]
    assert sum(1 for o in owners if o["person_id"]) >= 0.6 * len(owners)


def test_minutes_json_has_meeting_and_tables(gold):
    doc = extract_json("001")
    want = gold("001.minutes.json")
    assert doc["kind"] == "minutes" and doc["plan"] is None
    meeting = doc["meeting"]
    for key in ("body", "date", "start_time", "end_time", "venue"):
        assert meeting[key] == want[key], key
    assert [str(i["number"]) for i in meeting["items"]] == [str(i["number"]) for i in want["items"]]
    assert doc["title"].startswith("Minutes of the") and want["body"] in doc["title"]
    assert doc["tables"] and all({"page", "title", "header", "rows"} <= set(t) for t in doc["tables"])


def test_extract_reports_bad_file_in_one_line(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n1 0 obj <<")
    result = runner.invoke(app, ["extract", str(bad), "--json"])
    assert result.exit_code == 2
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and "broken.pdf" in lines[0] and "corrupt" in lines[0].lower()
