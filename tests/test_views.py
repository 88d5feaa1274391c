"""The analyst views, on SQLite and PostgreSQL: hand-built rows with known answers, then the real corpus."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from .analyst_fixtures import MEETING_DATE, corpus_url, seed  # noqa: F401  (corpus_url is a fixture)
from plantrace.store.db import open_db
from plantrace.store.views import VIEW_NAMES


def _rows(engine, sql, **params):
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(text(sql), params).mappings()]


def _day(value) -> str:
    """SQLite hands dates back as text, PostgreSQL as dates; compare them as ISO strings."""
    return str(value)[:10] if value is not None else None


@pytest.fixture
def seeded(db_url):
    engine, Session_ = open_db(db_url)
    ids = seed(Session_)
    yield engine, ids
    engine.dispose()


def test_every_view_exists_and_reads_only_current_versions(seeded):
    engine, _ = seeded
    for name in VIEW_NAMES:
        assert _rows(engine, f"SELECT COUNT(*) AS n FROM {name}")[0]["n"] >= 1, name
    docs = _rows(engine, "SELECT path, version FROM v_documents ORDER BY path")
    assert docs == [{"path": "minutes.pdf", "version": 1}, {"path": "other.pdf", "version": 1},
                    {"path": "plan.pdf", "version": 2}, {"path": "report.pdf", "version": 1}]
    texts = [r["text"] for r in _rows(engine, "SELECT text FROM v_actions WHERE code = '1.1'")]
    assert texts == ["Recruit foster carers through a local campaign"]


def test_v_actions_dates_owners_and_plan(seeded):
    engine, _ = seeded
    rows = {r["code"]: r for r in _rows(engine, "SELECT * FROM v_actions WHERE council = 'Testshire'")}
    assert sorted(rows) == ["1.1", "1.2", "1.3", "1.4"]
    a = rows["1.1"]
    assert (_day(a["earliest_target"]), _day(a["latest_target"])) == ("2017-01-01", "2017-03-31")
    assert a["accountable"] == "Alice Example; Team of managers"
    assert a["monitors"] == "Bob Sample"
    assert (a["n_updates"], a["status"], a["recommendation_number"], a["plan_title"]) == (
        2, "in_progress", "1", "Improvement plan")
    assert rows["1.4"]["tbc"] == 1 and rows["1.4"]["latest_target"] is None


def test_v_overdue_actions_same_council_not_completed_target_passed(seeded):
    engine, ids = seeded
    rows = _rows(engine, "SELECT * FROM v_overdue_actions WHERE meeting_id = :m", m=ids["meeting"])
    # 1.2 is completed, 1.3 is due after the meeting, 1.4 has no date, 9.9 is another council's.
    assert [r["code"] for r in rows] == ["1.1"]
    assert rows[0]["days_overdue"] == 34 and _day(rows[0]["meeting_date"]) == MEETING_DATE.isoformat()


def test_v_minute_points_links_people_and_updates(seeded):
    engine, ids = seeded
    (point,) = _rows(engine, "SELECT * FROM v_minute_points")
    assert (point["ref"], point["page"], point["item_title"], point["n_links"]) == ("805(a)", 2, "Fostering", 1)
    (link,) = _rows(engine, "SELECT * FROM v_links")
    assert (link["point_ref"], link["action_code"], link["rank"], link["score"]) == ("805(a)", "1.1", 1, 0.9)
    people = {r["name"]: r for r in _rows(engine, "SELECT * FROM v_people")}
    assert people["Alice Example"]["roles"] == "Service Manager"
    assert (people["Alice Example"]["accountable_actions"], people["Alice Example"]["meetings_attended"]) == ("1.1", 1)
    assert (people["Bob Sample"]["monitored_actions"], people["Bob Sample"]["n_accountable"]) == ("1.1", 0)
    latest = _rows(engine, "SELECT seq, is_latest FROM v_action_updates WHERE code = '1.1' ORDER BY seq")
    assert latest == [{"seq": 0, "is_latest": 0}, {"seq": 1, "is_latest": 1}]


def test_v_recommendations_covers_progress_reports_and_v_people_their_leads(seeded):
    engine, _ = seeded
    rows = {(r["plan_kind"], r["number"]): r
            for r in _rows(engine, "SELECT * FROM v_recommendations WHERE council = 'Testshire'")}
    # the superseded plan.pdf v1 is not there; the progress report is, with no actions
    assert sorted(rows) == [("action_plan", "1"), ("progress_report", "3")]
    plan, report = rows[("action_plan", "1")], rows[("progress_report", "3")]
    assert (plan["n_actions"], plan["n_completed"], plan["leads"]) == (4, 1, None)
    assert (report["rag"], report["leads"], report["n_actions"], report["page"]) == ("R", "Bob Sample", 0, 4)
    assert report["lead_text"] == "Head of Service – Bob Sample"
    people = {r["name"]: r for r in _rows(engine, "SELECT * FROM v_people")}
    assert (people["Bob Sample"]["led_recommendations"], people["Bob Sample"]["n_led"]) == ("3", 1)
    assert (people["Alice Example"]["led_recommendations"], people["Alice Example"]["n_led"]) == (None, 0)


def test_a_downgrade_and_upgrade_keep_the_rows(seeded, db_url):
    """Stepping back over the row-rating migration and forward again loses no owner rows."""
    from alembic import command

    from plantrace.store.db import alembic_config

    engine, _ = seeded
    before = _rows(engine, "SELECT COUNT(*) AS n FROM action_owner")[0]["n"]
    cfg = alembic_config(db_url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
        command.upgrade(cfg, "head")
    assert _rows(engine, "SELECT COUNT(*) AS n FROM action_owner")[0]["n"] == before > 0
    assert _rows(engine, "SELECT COUNT(*) AS n FROM v_action_updates WHERE rag IS NULL")[0]["n"] > 0


def test_downgrade_removes_views_and_upgrade_restores_them(db_url):
    from alembic import command

    from plantrace.store.db import alembic_config

    engine, _ = open_db(db_url)
    cfg = alembic_config(db_url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    with pytest.raises(Exception):
        _rows(engine, "SELECT COUNT(*) AS n FROM v_actions")
    engine.dispose()
    engine, _ = open_db(db_url)
    assert _rows(engine, "SELECT COUNT(*) AS n FROM v_actions")[0]["n"] == 0
    engine.dispose()


# --- the real corpus: plan 000 and the minutes 001 of the meeting on 4 May 2017 ---------------

def test_corpus_overdue_actions_at_the_meeting(corpus_url):
    engine, _ = open_db(corpus_url)
    rows = {r["code"]: r for r in _rows(engine, "SELECT * FROM v_overdue_actions WHERE meeting_date = :d",
                                        d=MEETING_DATE)}
    # Read in the plan: 1.6, 6.5 and 12.4 were due "April 2017", 7.3 "March 2017", none reported complete.
    assert {"1.6", "6.5", "12.4", "7.3"} <= set(rows)
    assert rows["7.3"]["days_overdue"] == 34
    # 9.2 and 6.2 were completed; 8.2 runs through 2017; 11.3 and 5.1 were due in May.
    assert not {"9.2", "6.2", "8.2", "11.3", "5.1"} & set(rows)
    engine.dispose()


def test_corpus_actions_and_minute_points(corpus_url):
    engine, _ = open_db(corpus_url)
    actions = {r["code"]: r for r in _rows(engine, "SELECT * FROM v_actions")}
    assert len(actions) == 82
    # 11.3: leaflets "April 2017", radio and fostering fortnight "May 2017".
    assert (_day(actions["11.3"]["earliest_target"]), _day(actions["11.3"]["latest_target"])) == (
        "2017-04-01", "2017-05-31")
    assert "Adamson" in actions["1.1"]["accountable"]
    (pep,) = _rows(engine, "SELECT * FROM v_minute_points WHERE ref = '808(h)'")
    assert pep["text"].startswith("A new Personal Education Plans (PEP) process")
    assert (pep["page"], _day(pep["meeting_date"])) == (4, "2017-05-04")
    owners = [r for r in _rows(engine, "SELECT * FROM v_people") if "Adamson" in r["name"]]
    assert owners and "1.1" in owners[0]["accountable_actions"].split("; ")
    links = _rows(engine, "SELECT COUNT(*) AS n FROM v_links")[0]["n"]
    stored = _rows(engine, "SELECT COUNT(*) AS n FROM link")[0]["n"]
    assert links == stored
    engine.dispose()


def test_models_and_migrated_schema_agree_for_autogenerate(db_url):
    """A later ``alembic revision --autogenerate`` must not propose dropping the search index."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from plantrace.store.fulltext import include_name
    from plantrace.store.models import Base

    engine, _ = open_db(db_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        diffs = compare_metadata(context, Base.metadata)
    engine.dispose()
    if engine.dialect.name == "sqlite":  # SQLite keeps no string lengths: VARCHAR(1024) and TEXT are one type
        diffs = [d for d in diffs if not (isinstance(d, list) and d and d[0][0] == "modify_type")]
    assert diffs == []


def test_a_later_sqlite_table_rebuild_keeps_views_and_search(tmp_path):
    """Future migrations rebuild tables in batch mode on SQLite; ``suspended`` keeps that possible."""
    from alembic.migration import MigrationContext
    from alembic.operations import Operations
    from sqlalchemy import Column, Integer

    from plantrace.store.fulltext import search
    from plantrace.store.views import suspended

    engine, Session_ = open_db(f"sqlite:///{tmp_path / 'rebuild.db'}")
    seed(Session_)
    with engine.begin() as conn:
        with suspended(conn), Operations(MigrationContext.configure(conn)).batch_alter_table(
                "action", recreate="always") as batch:
            batch.add_column(Column("extra_column", Integer))
    assert _rows(engine, "SELECT COUNT(*) AS n FROM v_actions")[0]["n"] == 5
    with Session_.begin() as s:
        s.execute(text("UPDATE action SET text = 'quorum rules' WHERE code = '1.3'"))
    with engine.connect() as conn:
        assert [h.ref for h in search(conn, "quorum")] == ["1.3"]
    engine.dispose()


def test_corpus_every_table_is_stored_with_its_grid(corpus_url):
    """The plan 000 prints its action table on page 2 under the header ACTION | PROGRESS | TARGET DATE |
    ACCOUNTABILITY | MONITOR/EVALUATER, ruled; every table is a v_tables row with its grid kept."""
    engine, _ = open_db(corpus_url)
    rows = _rows(engine, "SELECT t.*, e.cells FROM v_tables t JOIN extracted_table e ON e.id = t.table_id "
                         "WHERE t.document_path LIKE '%000-%' AND t.page = 2 ORDER BY t.table_seq")
    engine.dispose()
    assert rows, "no table stored for page 2 of 000"
    first = rows[0]
    assert first["reader"] == "ruled" and first["is_ruled"] in (1, True) and first["n_cols"] == 5
    import json

    header = json.loads(first["header"])
    assert [" ".join(h.split()) for h in header] == ["ACTION", "PROGRESS", "TARGET DATE", "ACCOUNTABILITY",
                                                       "MONITOR/ EVALUATER"]
    cells = first["cells"] if isinstance(first["cells"], list) else json.loads(first["cells"])
    assert {"row", "col", "rowspan", "colspan", "text", "bbox"} <= set(cells[0])
