"""Datasette metadata for a plantrace database, whatever its file is called.

Datasette keys metadata by database name, which is the file's stem: a fixed
``datasette-metadata.json`` keyed to ``plantrace`` gives ``demo.db`` no
descriptions, no facets and no search box, and ``?_search=`` on a view then
silently returns every row. The metadata is therefore built for a name, by
``plantrace datasette DB`` or by the Datasette plugin for every plantrace
database it serves. Views get the full-text table of the rows they show, so
their search box works; tables get label columns, so a foreign key shows
what it points at ("7.4", a document's path) rather than a number.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

TITLE = "plantrace"
DESCRIPTION = ("Council action plans and committee minutes, with every minute point linked to the plan action "
               "it discusses. Views (v_*) show current document versions only; search boxes on the views and on "
               "recommendation, action, action_update and minute_point use the full-text index. "
               "/-/plantrace shows a minute point or action with its linked items and the page it was printed on.")

VIEWS = {
    "v_documents": {"description": "The newest version of each ingested file.", "facets": ["kind", "council"]},
    "v_actions": {
        "description": "One row per plan action: recommendation, plan, council, status, earliest/latest normalised "
                       "target date, owners.",
        "fts_table": "action_fts", "fts_pk": "action_id", "facets": ["status", "council", "latest_update_rag"]},
    "v_recommendations": {
        "description": "One row per recommendation of a plan or progress report: RAG rating, lead officers, actions "
                       "and how many are completed.",
        "fts_table": "recommendation_fts", "fts_pk": "recommendation_id", "facets": ["rag", "plan_kind", "council"]},
    "v_action_updates": {
        "description": "Each progress row of an action, with its target date interval, status and RAG rating; "
                       "is_latest marks the action's last row.",
        "fts_table": "action_update_fts", "fts_pk": "update_id", "facets": ["status", "rag", "council"]},
    "v_minute_points": {
        "description": "Minute points with their meeting, agenda item, date, document and page; ref is item(point) "
                       "as printed.",
        "fts_table": "minute_point_fts", "fts_pk": "minute_point_id", "facets": ["council", "meeting_date"]},
    "v_links": {"description": "Minute point to plan action, with the linker's score, rank and evidence.",
                "sort": "point_ref", "facets": ["council", "action_code"]},
    "v_overdue_actions": {
        "description": "Per meeting, the same council's actions whose latest target date had passed by the meeting "
                       "and that were not completed.",
        "facets": ["meeting_date", "council"]},
    "v_people": {"description": "People with their roles, the actions they are accountable for or monitor, and the "
                                "progress-report recommendations they lead.", "facets": ["council"]},
    "v_meetings": {"description": "Committee meetings with their agenda, the documents bound for them and whether "
                                  "their minutes are stored.", "facets": ["council", "body"]},
    "v_indicators": {"description": "One row per scorecard indicator: value, target, current and previous rating, "
                                    "direction of travel.", "facets": ["rag", "previous_rag", "council"]},
    "v_risks": {"description": "One row per risk of a risk register, with its likelihood, impact, score and owner.",
                "facets": ["rag", "council"]},
    "v_votes": {"description": "One row per vote recorded in minutes: motion, mover, seconder, result and the "
                               "tallies for / against / abstaining / absent.", "facets": ["council", "result"]},
    "v_vote_casts": {"description": "One row per member's vote (for, against, abstain, absent) in a recorded vote.",
                     "facets": ["position", "council"]},
    "v_scope_links": {"description": "Minute point to a whole recommendation or priority, a scorecard indicator or a "
                                     "whole plan (level), with the report number the link went through (via).",
                      "sort": "point_ref", "facets": ["level", "council"]},
    "v_tables": {"description": "Every table found in the documents: page, title, which reader found it, ruled or "
                                "not, header rows and size; the cells are in extracted_table.",
                 "facets": ["reader", "document_kind", "council"]},
}

# The column a foreign key to each table is shown by.
LABELS = {
    "document": "path", "plan": "title", "recommendation": "number", "action": "code", "person": "canonical",
    "role": "name", "owner_group": "name", "meeting": "body", "agenda_item": "number", "minute_point": "label",
}

SEARCHABLE = {"recommendation": "recommendation_fts", "action": "action_fts", "action_update": "action_update_fts",
              "minute_point": "minute_point_fts"}


def database_metadata() -> dict:
    """The ``databases.<name>`` part: tables and views."""
    tables = {name: dict(spec) for name, spec in VIEWS.items()}
    for table, column in LABELS.items():
        tables.setdefault(table, {})["label_column"] = column
    for table, fts in SEARCHABLE.items():
        tables.setdefault(table, {}).update(fts_table=fts, fts_pk="id")
    return {"description": DESCRIPTION, "tables": tables}


def metadata(names: list[str]) -> dict:
    """Whole Datasette metadata for the databases called ``names``."""
    return {"title": TITLE, "description": DESCRIPTION,
            "databases": {name: database_metadata() for name in names}}


def database_name(path: str | Path) -> str:
    """The name Datasette gives a database file."""
    return Path(path).stem


def is_plantrace_sqlite(path: str | Path) -> bool:
    """Whether a SQLite file holds a plantrace schema (read-only look)."""
    try:
        conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return {"alembic_version", "document", "minute_point", "v_actions"} <= names
