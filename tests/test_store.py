"""The store on SQLite and PostgreSQL: migrations, one document round trip, provenance."""
from __future__ import annotations

from sqlalchemy import inspect, select, text

from plantrace.ingest.batch import run_batch
from plantrace.store import models as m
from plantrace.store.db import database_url, open_db

from .conftest import pdf_path


def test_database_url_defaults_and_env(monkeypatch):
    monkeypatch.delenv("PLANTRACE_DB", raising=False)
    assert database_url(None) == "sqlite:///plantrace.db"
    monkeypatch.setenv("PLANTRACE_DB", "postgresql://u@h/db")
    assert database_url(None) == "postgresql+psycopg://u@h/db"
    assert database_url("my.db") == "sqlite:///my.db"


def test_migrations_create_every_table(db_url):
    engine, _ = open_db(db_url)
    names = set(inspect(engine).get_table_names())
    engine.dispose()
    expected = {"document", "page", "plan", "recommendation", "action", "action_update", "person", "role",
                "person_role", "meeting", "agenda_item", "minute_point", "resolution", "attendance", "link",
                "action_owner", "recommendation_owner", "alembic_version"}
    assert expected <= names


def test_plan_round_trip_keeps_provenance(db_url):
    engine, Session_ = open_db(db_url)
    results, _ = run_batch(Session_, [pdf_path("003")])
    assert [r.status for r in results] == ["ingested"], results[0].reason
    with Session_() as s:
        doc = s.scalar(select(m.Document))
        assert doc.kind == "action_plan" and doc.pages == 15 and len(doc.sha256) == 64
        actions = list(s.scalars(select(m.Action).where(m.Action.document_id == doc.id)))
        assert len(actions) >= 40
        assert all(a.page and 1 <= a.page <= 15 for a in actions)
        updates = list(s.scalars(select(m.ActionUpdate)))
        assert updates and all(u.document_id == doc.id and u.page for u in updates)
        # the raw text an auditor is shown is the printed cell
        assert sum(1 for a in actions if a.raw) >= len(actions) * 0.9
        pages = s.scalars(select(m.Page.number).where(m.Page.document_id == doc.id)).all()
        assert sorted(pages) == list(range(1, 16))
    # re-running the same file adds nothing
    again, _ = run_batch(Session_, [pdf_path("003")])
    assert again[0].status == "unchanged"
    with Session_() as s:
        assert len(s.scalars(select(m.Document)).all()) == 1
    engine.dispose()


def test_progress_report_lead_officers_are_owners_and_persons(db_url):
    """A progress report names its lead officers per recommendation: they are
    stored as recommendation owners and resolved into the council's persons."""
    engine, Session_ = open_db(db_url)
    results, _ = run_batch(Session_, [pdf_path("002")])
    assert [r.status for r in results] == ["ingested"], results[0].reason
    with Session_() as s:
        doc = s.scalar(select(m.Document))
        owners = s.scalars(select(m.RecommendationOwner).where(m.RecommendationOwner.document_id == doc.id)).all()
        assert owners and all(o.kind == "lead" for o in owners)
        named = [o for o in owners if o.group_id is None]
        assert named and all(o.person_id is not None for o in named)
        persons = s.scalars(select(m.Person).where(m.Person.council == doc.council)).all()
        assert doc.council and len(persons) >= 5
        # the same officer leads several recommendations and is one person
        by_person = {}
        for o in named:
            by_person.setdefault(o.person_id, set()).add(o.recommendation_id)
        assert max(len(v) for v in by_person.values()) >= 5
        n_recs = len(s.scalars(select(m.Recommendation)).all())
    # the analyst's view of the same: every recommendation with its RAG and leads
    with engine.connect() as conn:
        recs = conn.execute(text("SELECT number, rag, leads, n_actions FROM v_recommendations")).all()
        leaders = conn.execute(text("SELECT n_led FROM v_people WHERE n_led > 0")).scalars().all()
    assert len(recs) == n_recs
    assert all(r.n_actions == 0 for r in recs) and sum(1 for r in recs if r.leads) >= len(recs) - 1
    assert {r.rag for r in recs} <= {"G", "A", "R", None} and any(r.rag for r in recs)
    assert max(leaders) == max(len(v) for v in by_person.values())
    engine.dispose()


def test_rated_action_rows_keep_their_rag(db_url, tmp_path):
    """A plan update that rates each action row: the rating is stored per row and the
    views show it beside the action."""
    from .plan_pdf_builders import draw_ruled, new_canvas, text_line

    path = tmp_path / "plan-update.pdf"
    c = new_canvas(path)
    text_line(c, 40, 40, "Exampleshire County Council", bold=True)
    text_line(c, 40, 60, "Improvement Plan - Progress Update, June 2019", bold=True)
    text_line(c, 40, 90, "RECOMMENDATION 1: Improve the quality of assessments", bold=True)
    draw_ruled(c, 40, 110, [200, 220, 70, 90, 130], [
        ["Action", "Progress update", "RAG", "Target date", "Lead officer"],
        ["1.1 Introduce a quality audit", "First audit done in May.", "Green", "May 2019", "Ann Example"],
        ["1.2 Train all social workers", "Two of six sessions held.", "Amber/Green", "September 2019", "Bo Sample"],
        ["1.3 Recruit eight social workers", "Recruitment stalled.", "R", "April 2019", "Cy Person"],
    ])
    c.showPage()
    c.save()
    engine, Session_ = open_db(db_url)
    results, _ = run_batch(Session_, [path])
    assert results[0].status == "ingested", results[0].reason
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT code, rag FROM v_action_updates ORDER BY code")).all()
        latest = dict(conn.execute(text("SELECT code, latest_update_rag FROM v_actions")).all())
    engine.dispose()
    assert [tuple(r) for r in rows] == [("1.1", "G"), ("1.2", "A"), ("1.3", "R")]
    assert latest == {"1.1": "G", "1.2": "A", "1.3": "R"}

