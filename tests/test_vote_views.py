"""Recorded votes in the analyst views: one row per vote with its tallies (``v_votes``) and one
row per member's vote (``v_vote_casts``), on SQLite and PostgreSQL.

The expected values are what the East Palo Alto minutes print: a motion moved by Allen Fisk,
seconded by Mendez, that FAILED [4-2-1-1] (four ayes, two nays, Garcia abstaining, Hernandez
absent).
"""
from __future__ import annotations

from sqlalchemy import text

from plantrace.ingest.batch import run_batch
from plantrace.store.db import open_db

from .conftest import CORPUS

MINUTES = CORPUS / "real" / "other" / "eastpaloalto-city-council-minutes-2020-01-27.pdf"


def _rows(engine, sql):
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(text(sql)).mappings()]


def test_votes_and_each_members_vote_in_the_views(db_url):
    engine, Session_ = open_db(db_url)
    results, _ = run_batch(Session_, [MINUTES])
    assert [r.status for r in results] == ["ingested"]
    votes = _rows(engine, "SELECT * FROM v_votes ORDER BY item_number, vote_seq")
    assert len(votes) >= 4
    failed = [v for v in votes if "FAILED" in (v["result"] or "").upper()]
    assert len(failed) == 1
    (vote,) = failed
    assert (vote["mover"], vote["seconder"]) == ("Allen Fisk", "Mendez")
    assert (vote["n_for"], vote["n_against"], vote["n_abstain"], vote["n_absent"]) == (4, 2, 1, 1)
    assert str(vote["meeting_date"])[:10] == "2020-01-27" and vote["page"] >= 1
    casts = _rows(engine, f"SELECT position, name FROM v_vote_casts WHERE vote_id = {vote['vote_id']}")
    assert {(c["position"], c["name"]) for c in casts} >= {("abstain", "Garcia"), ("absent", "Hernandez"),
                                                           ("against", "Brown"), ("against", "Mashack")}
    engine.dispose()
