"""The analyst views: the questions people actually ask, as plain SQL.

Analysts reach the database from Datasette, pandas or a SQL console, none of
which know the ORM, so the joins they would otherwise repeat (current versions
only, action -> plan -> council, owners as readable text) live in the database.
Every view reads documents through ``v_documents``, which keeps only the newest
version of each path: a superseded plan never shows up twice.

The SQL is shared between SQLite and PostgreSQL except for string aggregation
and date arithmetic, which each dialect spells differently.
"""
from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import Connection, inspect

# Dependency order: a view may only read views listed before it.
VIEW_NAMES = (
    "v_documents",
    "v_meetings",
    "v_actions",
    "v_recommendations",
    "v_action_updates",
    "v_minute_points",
    "v_links",
    "v_overdue_actions",
    "v_people",
    "v_indicators",
    "v_risks",
    "v_votes",
    "v_vote_casts",
    "v_tables",
    "v_scope_links",
)

# Columns holding calendar dates, so exports can type them on SQLite, which returns text.
DATE_COLUMNS = {"date", "plan_date", "meeting_date", "earliest_target", "latest_target", "target_start", "target_end"}


def _agg(expr: str, dialect: str) -> str:
    if dialect == "postgresql":
        return f"string_agg({expr}, '; ' ORDER BY {expr})"
    return f"group_concat({expr}, '; ')"


def _days_between(later: str, earlier: str, dialect: str) -> str:
    if dialect == "postgresql":
        return f"({later} - {earlier})"
    return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"


def _owner_names(owners: str, key: str, dialect: str, where: str = "1 = 1") -> str:
    """Distinct owner names per owned row (an action, a recommendation), resolved to
    the person's canonical name where known."""
    return f"""
        SELECT {key}, {_agg('name', dialect)} AS names
        FROM (SELECT DISTINCT o.{key}, COALESCE(p.canonical, o.name) AS name
              FROM {owners} o
              JOIN v_documents d ON d.document_id = o.document_id
              LEFT JOIN person p ON p.id = o.person_id
              WHERE {where}
              ORDER BY 1, 2) owners
        GROUP BY {key}"""


def _person_items(owners: str, owned: str, key: str, label: str, dialect: str, where: str = "1 = 1") -> str:
    """Per person, the labels (action codes, recommendation numbers) of the rows they own."""
    return f"""
        SELECT person_id, {_agg(label, dialect)} AS items, COUNT(*) AS n
        FROM (SELECT DISTINCT o.person_id, x.{label}
              FROM {owners} o
              JOIN v_documents d ON d.document_id = o.document_id
              JOIN {owned} x ON x.id = o.{key}
              WHERE {where} AND o.person_id IS NOT NULL AND x.{label} IS NOT NULL
              ORDER BY 1, 2) owned
        GROUP BY person_id"""


# Stand-ins while a migration runs before the table they read exists: the
# views are made from the current definitions at every step that touches them.
_NO_LEADS = "SELECT CAST(NULL AS INTEGER) AS recommendation_id, CAST(NULL AS TEXT) AS names WHERE 1 = 0"
_NO_LED = "SELECT CAST(NULL AS INTEGER) AS person_id, CAST(NULL AS TEXT) AS items, 0 AS n WHERE 1 = 0"


def view_sql(dialect: str, schema: dict[str, set[str]] | None = None) -> dict[str, str]:
    """``{view name: SELECT ...}`` for a SQLAlchemy dialect name.

    ``schema`` maps the tables that exist to their columns (everything, when
    None); a view part whose table or column a migration has not made yet
    reads as empty.
    """
    def has(table: str, column: str | None = None) -> bool:
        return schema is None or table in schema and (column is None or column in schema[table])

    owners = has("recommendation_owner")
    u_rag = "u.rag" if has("action_update", "rag") else "CAST(NULL AS VARCHAR(1))"
    leads = _owner_names("recommendation_owner", "recommendation_id", dialect) if owners else _NO_LEADS
    led = (_person_items("recommendation_owner", "recommendation", "recommendation_id", "number", dialect)
           if owners else _NO_LED)
    from .minutes_views import vote_views
    from .plans_views import measure_views
    from .tables_views import table_views

    point_ref = ("CASE WHEN mp.label IS NULL THEN ai.number "
                 "ELSE COALESCE(ai.number, '') || '(' || mp.label || ')' END")
    return {
        "v_documents": _documents_sql(has("document_part")),
        "v_meetings": _meetings_sql(dialect) if has("committee_meeting") else _NO_MEETINGS,
        "v_actions": f"""
            SELECT a.id AS action_id, a.code, a.text, a.status,
                   (SELECT u.status FROM action_update u WHERE u.action_id = a.id
                    ORDER BY u.seq DESC LIMIT 1) AS latest_update_status,
                   (SELECT {u_rag} FROM action_update u WHERE u.action_id = a.id
                    ORDER BY u.seq DESC LIMIT 1) AS latest_update_rag,
                   t.earliest_target, t.latest_target, COALESCE(t.tbc, 0) AS tbc,
                   COALESCE(t.n_updates, 0) AS n_updates,
                   acc.names AS accountable, mon.names AS monitors,
                   r.id AS recommendation_id, r.number AS recommendation_number, r.text AS recommendation_text,
                   r.rag, p.id AS plan_id, p.title AS plan_title, p.date AS plan_date, p.council,
                   a.page, d.document_id, d.path AS document_path, a.seq AS action_seq, r.seq AS recommendation_seq
            FROM action a
            JOIN v_documents d ON d.document_id = a.document_id
            JOIN recommendation r ON r.id = a.recommendation_id
            JOIN plan p ON p.id = r.plan_id
            LEFT JOIN (SELECT action_id, MIN(target_start) AS earliest_target, MAX(target_end) AS latest_target,
                              MAX(CASE WHEN tbc THEN 1 ELSE 0 END) AS tbc, COUNT(*) AS n_updates
                       FROM action_update GROUP BY action_id) t ON t.action_id = a.id
            LEFT JOIN ({_owner_names('action_owner', 'action_id', dialect, "o.kind = 'accountable'")}) acc ON acc.action_id = a.id
            LEFT JOIN ({_owner_names('action_owner', 'action_id', dialect, "o.kind = 'monitor'")}) mon ON mon.action_id = a.id""",
        "v_recommendations": f"""
            SELECT r.id AS recommendation_id, r.number, r.text, r.rag, r.lead_text, ld.names AS leads,
                   COALESCE(n.n_actions, 0) AS n_actions, COALESCE(n.n_completed, 0) AS n_completed,
                   p.id AS plan_id, p.kind AS plan_kind, p.title AS plan_title, p.date AS plan_date, p.council,
                   r.page, d.document_id, d.path AS document_path, r.seq AS recommendation_seq
            FROM recommendation r
            JOIN v_documents d ON d.document_id = r.document_id
            JOIN plan p ON p.id = r.plan_id
            LEFT JOIN (SELECT recommendation_id, COUNT(*) AS n_actions,
                              SUM(CASE WHEN status = 'completed' THEN 1 ELSE 0 END) AS n_completed
                       FROM action GROUP BY recommendation_id) n ON n.recommendation_id = r.id
            LEFT JOIN ({leads}) ld ON ld.recommendation_id = r.id""",
        "v_action_updates": f"""
            SELECT u.id AS update_id, u.action_id, a.code, u.seq,
                   CASE WHEN u.seq = (SELECT MAX(u2.seq) FROM action_update u2 WHERE u2.action_id = u.action_id)
                        THEN 1 ELSE 0 END AS is_latest,
                   u.progress, u.target_text, u.target_start, u.target_end,
                   CASE WHEN u.tbc THEN 1 ELSE 0 END AS tbc, u.status, {u_rag} AS rag,
                   u.accountability_text, u.monitor_text, d.council, u.page, d.document_id, d.path AS document_path
            FROM action_update u
            JOIN v_documents d ON d.document_id = u.document_id
            JOIN action a ON a.id = u.action_id""",
        "v_minute_points": f"""
            SELECT mp.id AS minute_point_id, {point_ref} AS ref, m.id AS meeting_id, m.council, m.body,
                   m.date AS meeting_date, ai.id AS agenda_item_id, ai.number AS item_number,
                   ai.title AS item_title, mp.label, mp.seq, mp.text,
                   (SELECT COUNT(*) FROM link l WHERE l.minute_point_id = mp.id) AS n_links,
                   mp.page, d.document_id, d.path AS document_path, ai.seq AS item_seq
            FROM minute_point mp
            JOIN v_documents d ON d.document_id = mp.document_id
            JOIN agenda_item ai ON ai.id = mp.agenda_item_id
            JOIN meeting m ON m.id = ai.meeting_id""",
        "v_links": """
            SELECT l.id AS link_id, l.minute_point_id, mp.ref AS point_ref, mp.meeting_id, mp.meeting_date,
                   mp.text AS point_text, mp.page AS point_page, l.action_id, a.code AS action_code,
                   a.text AS action_text, a.status AS action_status, l.rank, l.score, l.evidence, mp.council,
                   mp.document_id AS minutes_document_id, a.document_id AS plan_document_id
            FROM link l
            JOIN v_minute_points mp ON mp.minute_point_id = l.minute_point_id
            JOIN v_actions a ON a.action_id = l.action_id""",
        "v_overdue_actions": f"""
            SELECT m.id AS meeting_id, m.date AS meeting_date, m.body, m.council,
                   a.action_id, a.code, a.text, a.status, a.latest_target,
                   {_days_between('m.date', 'a.latest_target', dialect)} AS days_overdue,
                   a.accountable, a.recommendation_number, a.plan_date, a.page, a.document_id, a.document_path
            FROM meeting m
            JOIN v_documents md ON md.document_id = m.document_id
            JOIN v_actions a ON a.council = m.council
            WHERE a.latest_target < m.date AND COALESCE(a.status, 'unknown') <> 'completed'""",
        "v_people": f"""
            SELECT pe.id AS person_id, pe.key, pe.council, pe.canonical AS name, roles.names AS roles,
                   acc.items AS accountable_actions, COALESCE(acc.n, 0) AS n_accountable,
                   mon.items AS monitored_actions, COALESCE(mon.n, 0) AS n_monitored,
                   led.items AS led_recommendations, COALESCE(led.n, 0) AS n_led,
                   (SELECT COUNT(DISTINCT at.meeting_id) FROM attendance at
                    JOIN v_documents d ON d.document_id = at.document_id
                    WHERE at.person_id = pe.id) AS meetings_attended
            FROM person pe
            LEFT JOIN (SELECT person_id, {_agg('name', dialect)} AS names
                       FROM (SELECT pr.person_id, ro.name FROM person_role pr JOIN role ro ON ro.id = pr.role_id
                             ORDER BY 1, 2) r
                       GROUP BY person_id) roles ON roles.person_id = pe.id
            LEFT JOIN ({_person_items('action_owner', 'action', 'action_id', 'code', dialect, "o.kind = 'accountable'")}) acc ON acc.person_id = pe.id
            LEFT JOIN ({_person_items('action_owner', 'action', 'action_id', 'code', dialect, "o.kind = 'monitor'")}) mon ON mon.person_id = pe.id
            LEFT JOIN ({led}) led ON led.person_id = pe.id""",
        **measure_views(has),
        **vote_views(has),
        **table_views(has),
        "v_scope_links": _scope_links_sql() if has("scope_link") else _NO_SCOPE_LINKS,
    }


def _scope_links_sql() -> str:
    """Links of a point to a whole recommendation or priority, an indicator or a plan, beside v_links."""
    return """
            SELECT sl.id AS scope_link_id, sl.level, sl.minute_point_id, mp.ref AS point_ref, mp.meeting_id,
                   mp.meeting_date, mp.text AS point_text, mp.page AS point_page,
                   sl.plan_id, p.title AS plan_title, sl.recommendation_id, r.number AS recommendation_number,
                   r.text AS recommendation_text, sl.indicator_id, i.name AS indicator_name,
                   sl.rank, sl.score, sl.evidence, sl.via, mp.council,
                   mp.document_id AS minutes_document_id,
                   COALESCE(p.document_id, r.document_id, i.document_id) AS plan_document_id
            FROM scope_link sl
            JOIN v_minute_points mp ON mp.minute_point_id = sl.minute_point_id
            LEFT JOIN plan p ON p.id = sl.plan_id
            LEFT JOIN recommendation r ON r.id = sl.recommendation_id
            LEFT JOIN indicator i ON i.id = sl.indicator_id"""


_NO_SCOPE_LINKS = """
            SELECT CAST(NULL AS INTEGER) AS scope_link_id, CAST(NULL AS VARCHAR(20)) AS level,
                   CAST(NULL AS INTEGER) AS minute_point_id
            WHERE 1 = 0"""


def _documents_sql(parts: bool) -> str:
    """Current documents; a pack's part shows its pack and its pages in it (it is
    current while its pack is)."""
    if not parts:
        return """
            SELECT d.id AS document_id, d.path, d.version, d.kind, d.council, d.title, d.date, d.pages,
                   d.ingested_at, CAST(NULL AS INTEGER) AS parent_id, CAST(NULL AS INTEGER) AS first_page,
                   CAST(NULL AS INTEGER) AS last_page
            FROM document d
            WHERE d.version = (SELECT MAX(d2.version) FROM document d2 WHERE d2.path = d.path)"""
    return """
            SELECT d.id AS document_id, d.path, d.version, d.kind, d.council, d.title, d.date, d.pages,
                   d.ingested_at, dp.pack_id AS parent_id, dp.first_page, dp.last_page
            FROM document d
            LEFT JOIN document_part dp ON dp.document_id = d.id
            WHERE d.version = (SELECT MAX(d2.version) FROM document d2 WHERE d2.path = d.path)"""


def _meetings_sql(dialect: str) -> str:
    return f"""
            SELECT cm.id AS meeting_id, cm.council, cm.body, cm.date, cm.start_time, cm.venue,
                   (SELECT COUNT(*) FROM agenda_entry ae WHERE ae.meeting_id = cm.id) AS n_agenda_items,
                   (SELECT COUNT(*) FROM agenda_entry ae WHERE ae.meeting_id = cm.id
                    AND ae.minute_item_id IS NOT NULL) AS n_items_minuted,
                   docs.roles AS documents
            FROM committee_meeting cm
            LEFT JOIN (SELECT meeting_id, {_agg('entry', dialect)} AS roles
                       FROM (SELECT md.meeting_id, md.role || ': ' || COALESCE(d.title, d.path) AS entry
                             FROM meeting_document md JOIN v_documents d ON d.document_id = md.document_id
                             ORDER BY 1, 2) e
                       GROUP BY meeting_id) docs ON docs.meeting_id = cm.id"""


_NO_MEETINGS = """
            SELECT CAST(NULL AS INTEGER) AS meeting_id, CAST(NULL AS VARCHAR(200)) AS council,
                   CAST(NULL AS VARCHAR(300)) AS body, CAST(NULL AS DATE) AS date,
                   CAST(NULL AS VARCHAR(5)) AS start_time, CAST(NULL AS TEXT) AS venue,
                   0 AS n_agenda_items, 0 AS n_items_minuted, CAST(NULL AS TEXT) AS documents
            WHERE 1 = 0"""


def create_views(bind: Connection, without: tuple[str, ...] = ()) -> None:
    """Create every view from the current definitions over the tables and columns ``bind``
    has; ``without`` names tables or "table.column"s a downgrade is about to drop."""
    inspector = inspect(bind)
    schema = {t: {c["name"] for c in inspector.get_columns(t)} for t in inspector.get_table_names()}
    for gone in without:
        table, _, column = gone.partition(".")
        if column:
            schema.get(table, set()).discard(column)
        else:
            schema.pop(table, None)
    for name, select in view_sql(bind.dialect.name, schema).items():
        bind.exec_driver_sql(f"CREATE VIEW {name} AS {select}")


def drop_views(bind: Connection) -> None:
    for name in reversed(VIEW_NAMES):
        bind.exec_driver_sql(f"DROP VIEW IF EXISTS {name}")


@contextmanager
def suspended(bind: Connection):
    """Take the views and the search index away while a later migration rebuilds tables.

    SQLite refuses to rename a table while a view names a missing one, and a
    batch-mode table rebuild ("move and copy") drops the search triggers with the
    old table; wrapping the batch operations in ``with suspended(op.get_bind()):``
    recreates both from the current definitions and re-reads the index.
    """
    from . import fulltext

    fulltext.uninstall(bind)
    drop_views(bind)
    yield
    create_views(bind)
    fulltext.install(bind)
