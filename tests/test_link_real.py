"""Links from real minutes to the real plan they adopt, through the report the item considered.

The expectations are the hand-checked gold in corpora/gold/real/links/ (read from
both documents), scored with the evaluation scorer's rule: only the points the
gold covers count, an action is cited by its number or, when the plan numbers
none, by where it is printed ("p5.2").
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

ROOT = Path(__file__).resolve().parents[1]
MEETING = ROOT / "corpora" / "real" / "kent" / "cabinet" / "2025-01-30" / "originals"
GOLD = ROOT / "corpora" / "gold" / "real" / "links" / "kent-cabinet-2025-01-30-minute-91.links.json"
RECALL_FLOOR = 0.5     # of the gold's action links, found (2 of 4 today)
PRECISION_FLOOR = 0.25 # of the links stored for the gold's points, right (a plan adopted as a whole invites loose links)


def _files():
    return [next(MEETING.glob("Printed minutes*.pdf")), next(MEETING.glob("*Appendix B*.pdf"))]


@pytest.fixture(scope="module")
def real_db(tmp_path_factory):
    from plantrace.ingest.batch import run_batch
    from plantrace.store.db import open_db

    url = f"sqlite:///{tmp_path_factory.mktemp('reallinks') / 'real.db'}"
    _, Session_ = open_db(url)
    results, _ = run_batch(Session_, _files())
    assert all(r.status == "ingested" for r in results), [r.line() for r in results]
    return Session_


@pytest.mark.slow
def test_minute_links_to_the_plan_it_adopts(real_db):
    from plantrace.link.trace import all_links

    gold = json.loads(GOLD.read_text())
    with real_db() as s:
        rows = all_links(s)
    points = {(g["item"], g["point"]) for g in gold["links"]}
    want = {(g["item"], g["point"], a) for g in gold["links"] for a in g["actions"]}
    got = {(str(r["minutes"]["item"]), str(r["minutes"]["point"]), str(r["plan"]["action"])) for r in rows}
    got = {x for x in got if x[:2] in points}
    tp = len(got & want)
    precision, recall = tp / len(got) if got else 0.0, tp / len(want)
    print(f"\nreal links: gold {len(want)}, stored {len(got)}, right {tp}; P={precision:.2f} R={recall:.2f}")
    assert recall >= RECALL_FLOOR and precision >= PRECISION_FLOOR


@pytest.mark.slow
def test_points_about_the_plan_as_a_whole_link_to_the_plan_through_its_report(real_db):
    from plantrace.link.trace import scope_links, trace_point

    gold = json.loads(GOLD.read_text())
    with real_db() as s:
        rows = scope_links(s)
        traced = trace_point(s, "91(2)")
    whole = {(str(r["minutes"]["item"]), str(r["minutes"]["point"])) for r in rows
             if r["level"] == "plan" and r["via"] == gold["report"]}
    assert {(g["item"], g["point"]) for g in gold["links"] if g["plan_level"]} <= whole
    assert any(step["report"] == gold["report"] and step["plan_id"] for step in traced["path"])
    assert all(r["evidence"] for r in rows)


@pytest.mark.slow
def test_indicator_a_point_speaks_of_is_linked(real_db):
    from plantrace.link.trace import scope_links

    with real_db() as s:
        rows = [r for r in scope_links(s) if r["level"] == "indicator" and str(r["minutes"]["item"]) == "91"]
    assert any("mental health services" in (r["plan"]["indicator"] or "").lower() for r in rows)


@pytest.mark.slow
def test_scope_links_are_in_the_view(real_db):
    from plantrace.store.scope_links_models import ScopeLink

    with real_db() as s:
        stored = len(s.scalars(select(ScopeLink)).all())
        viewed = s.connection().exec_driver_sql("SELECT COUNT(*) FROM v_scope_links").scalar()
    assert stored and viewed == stored


@pytest.mark.slow
def test_an_unnumbered_action_is_traced_by_where_it_is_printed(real_db):
    from plantrace.link.trace import all_links, trace_action

    with real_db() as s:
        cited = next(r["plan"]["action"] for r in all_links(s) if str(r["minutes"]["item"]) == "91")
        traced = trace_action(s, cited)
    assert traced["action"]["action"] == cited
    assert any(str(p["item"]) == "91" for p in traced["points"])
