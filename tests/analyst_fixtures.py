"""Databases for the analyst tests: the real corpus ingested once per dialect, and a small hand-built one.

The corpus database is the expensive part (extraction, people, linking), so it
is built once per dialect per run and shared by test_views, test_search_export
and test_notebooks, whichever asks first.
"""
from __future__ import annotations

import atexit
from datetime import date, datetime

import pytest

from .conftest import create_pg_database, pdf_path

MEETING_DATE = date(2017, 5, 4)
_BUILT: dict[str, str] = {}


def _pg_database() -> str:
    url, drop = create_pg_database()
    atexit.register(drop)
    return url


def corpus_database(dialect: str, tmp_path_factory) -> str:
    """URL of a database holding the bundled plan 000, the minutes 001 that discuss it,
    and the progress report 002 of another council."""
    if dialect in _BUILT:
        return _BUILT[dialect]
    from plantrace.ingest.batch import run_batch
    from plantrace.store.db import open_db

    url = (f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'plantrace.db'}" if dialect == "sqlite"
           else _pg_database())
    engine, Session_ = open_db(url)
    results, _ = run_batch(Session_, [pdf_path("000"), pdf_path("001"), pdf_path("002")])
    engine.dispose()
    failed = [r.line() for r in results if r.status != "ingested"]
    assert not failed, f"corpus ingest failed: {failed}"
    _BUILT[dialect] = url
    return url


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def corpus_url(request, tmp_path_factory):
    return corpus_database(request.param, tmp_path_factory)


def seed(Session_) -> dict:
    """A tiny two-council store whose every view row is known by construction.

    Plan "plan.pdf" exists in two versions (only v2 is current); the meeting on
    MEETING_DATE belongs to the same council; "other.pdf" is another council's
    plan with a long-overdue action that must never be reported for the meeting.
    """
    from plantrace.store import models as m

    now = datetime(2026, 1, 1)
    ids = {}
    with Session_.begin() as s:
        def doc(path, version, kind, council, sha, when):
            d = m.Document(path=path, version=version, kind=kind, council=council, sha256=sha, date=when,
                           pages=3, ingested_at=now)
            s.add(d)
            s.flush()
            return d

        def plan(d):
            p = m.Plan(document_id=d.id, council=d.council, title="Improvement plan", date=d.date, kind="action_plan")
            s.add(p)
            s.flush()
            r = m.Recommendation(plan_id=p.id, document_id=d.id, page=1, seq=0, number="1", text="Improve practice")
            s.add(r)
            s.flush()
            return r

        def action(d, rec, seq, code, text, status, targets, tbc=False):
            a = m.Action(recommendation_id=rec.id, document_id=d.id, page=2, seq=seq, code=code, text=text,
                         status=status)
            s.add(a)
            s.flush()
            updates = []
            for u_seq, (start, end) in enumerate(targets or [(None, None)]):
                u = m.ActionUpdate(action_id=a.id, document_id=d.id, page=2, seq=u_seq, progress=f"progress {code}",
                                   target_start=start, target_end=end, tbc=tbc, status=status)
                s.add(u)
                s.flush()
                updates.append(u)
            ids[code] = a.id
            return a, updates

        old = doc("plan.pdf", 1, "action_plan", "Testshire", "a" * 64, date(2017, 1, 1))
        action(old, plan(old), 0, "1.1", "obsolete wording about widgets", "in_progress",
               [(date(2017, 1, 1), date(2017, 1, 31))])

        new = doc("plan.pdf", 2, "action_plan", "Testshire", "b" * 64, date(2017, 2, 1))
        rec = plan(new)
        a11, (u1, u2) = action(new, rec, 0, "1.1", "Recruit foster carers through a local campaign", "in_progress",
                               [(date(2017, 1, 1), date(2017, 2, 28)), (date(2017, 3, 1), date(2017, 3, 31))])
        action(new, rec, 1, "1.2", "Publish the sufficiency statement", "completed", [(date(2017, 3, 1), date(2017, 3, 31))])
        action(new, rec, 2, "1.3", "Review panel membership", "in_progress", [(date(2017, 6, 1), date(2017, 6, 30))])
        action(new, rec, 3, "1.4", "Agree a date for the audit", "unknown", None, tbc=True)

        alice = m.Person(key="t:alice", council="Testshire", canonical="Alice Example", given="Alice", family="Example")
        bob = m.Person(key="t:bob", council="Testshire", canonical="Bob Sample", given="Bob", family="Sample")
        role = m.Role(name="Service Manager")
        group = m.OwnerGroup(council="Testshire", name="Team of managers")
        s.add_all([alice, bob, role, group])
        s.flush()
        s.add(m.PersonRole(person_id=alice.id, role_id=role.id))
        for u in (u1, u2):  # the same owner on both rows: listed once
            s.add(m.ActionOwner(action_id=a11.id, action_update_id=u.id, document_id=new.id, kind="accountable",
                                person_id=alice.id, name="A. Example"))
        s.add(m.ActionOwner(action_id=a11.id, action_update_id=u1.id, document_id=new.id, kind="accountable",
                            group_id=group.id, name="Team of managers"))
        s.add(m.ActionOwner(action_id=a11.id, action_update_id=u1.id, document_id=new.id, kind="monitor",
                            person_id=bob.id, name="Bob Sample"))

        other = doc("other.pdf", 1, "action_plan", "Elsewhere", "c" * 64, date(2016, 1, 1))
        action(other, plan(other), 0, "9.9", "Another council's overdue action", "in_progress",
               [(date(2016, 1, 1), date(2016, 1, 31))])

        report = doc("report.pdf", 1, "progress_report", "Testshire", "e" * 64, date(2017, 4, 1))
        rp = m.Plan(document_id=report.id, council="Testshire", title="Progress report", date=report.date,
                    kind="progress_report")
        s.add(rp)
        s.flush()
        r3 = m.Recommendation(plan_id=rp.id, document_id=report.id, page=4, seq=0, number="3", rag="R",
                              text="Strengthen supervision", lead_text="Head of Service – Bob Sample")
        s.add(r3)
        s.flush()
        s.add(m.RecommendationOwner(recommendation_id=r3.id, document_id=report.id, kind="lead", person_id=bob.id,
                                    name="Bob Sample", role="Head of Service"))
        from plantrace.store.plans_models import Indicator, Risk

        s.add(Indicator(document_id=report.id, page=5, seq=0,
                        name="Percentage of complaints answered within 20 working days",
                        service="Children's Services", value="80%", target="90%", rag="A", previous_rag="R"))
        s.add(Risk(document_id=report.id, page=6, seq=0, text="Shortage of qualified social workers",
                   owner="Children's Services", likelihood="4", likelihood_value=4.0))

        mins = doc("minutes.pdf", 1, "minutes", "Testshire", "d" * 64, MEETING_DATE)
        meeting = m.Meeting(document_id=mins.id, council="Testshire", body="Scrutiny Panel", date=MEETING_DATE)
        s.add(meeting)
        s.flush()
        item = m.AgendaItem(meeting_id=meeting.id, document_id=mins.id, page=1, seq=0, number="805", title="Fostering")
        s.add(item)
        s.flush()
        point = m.MinutePoint(agenda_item_id=item.id, document_id=mins.id, page=2, seq=0, label="a",
                              text="A stall had helped foster carer recruitment in the county.")
        s.add(point)
        s.flush()
        s.add(m.Attendance(meeting_id=meeting.id, document_id=mins.id, page=1, list_name="officers",
                           name="Mrs A Example", person_id=alice.id))
        s.add(m.Link(minute_point_id=point.id, action_id=a11.id, rank=1, score=0.9, evidence="foster carers"))
        s.add(m.ExtractedTable(document_id=mins.id, page=3, seq=1, title="Placements", reader="ruled", ruled=True,
                               header_rows=1, n_rows=2, n_cols=2, continues=False, header=["Type", "Number"],
                               rows=[["Foster care", "41"]], bbox=[50.0, 100.0, 400.0, 160.0],
                               cells=[{"row": 0, "col": 0, "text": "Type"}, {"row": 0, "col": 1, "text": "Number"},
                                      {"row": 1, "col": 0, "text": "Foster care"},
                                      {"row": 1, "col": 1, "text": "41"}]))
        from plantrace.store.minutes_models import MinuteVote, MinuteVoteCast

        vote = MinuteVote(agenda_item_id=item.id, document_id=mins.id, page=2, seq=0,
                          motion="That the recruitment campaign be extended", mover="Mrs A Example",
                          seconder="Mr B Sample", result="carried")
        s.add(vote)
        s.flush()
        s.add_all([MinuteVoteCast(vote_id=vote.id, document_id=mins.id, position="for", name="Mrs A Example",
                                  person_id=alice.id),
                   MinuteVoteCast(vote_id=vote.id, document_id=mins.id, position="against", name="Mr B Sample")])
        from plantrace.store.scope_links_models import ScopeLink

        s.add(ScopeLink(minute_point_id=point.id, level="recommendation", plan_id=rp.id, recommendation_id=r3.id,
                        rank=1, score=0.5, evidence="recommendation “Strengthen supervision”: supervision"))
        ids.update(point=point.id, meeting=meeting.id, minutes_doc=mins.id, plan_v2=new.id)
        from plantrace.store.meetings import rebuild_meetings

        rebuild_meetings(s)  # the minutes' meeting as a meeting record, as a batch run leaves it
    return ids
