"""Full-text search over recommendations, action text, progress notes and minute points.

The index is kept by the database itself, so no writer has to remember it:
on SQLite, FTS5 external-content tables (``<table>_fts``, the names Datasette
recognises) filled by triggers; on PostgreSQL, GIN expression indexes over
``to_tsvector``, which need no extra columns in the ORM models. One ``search``
call hides the difference and returns hits in one ranked list. Only current
document versions are searched.

A batch-mode Alembic migration that recreates one of the indexed tables on
SQLite drops its triggers; such a migration runs inside ``store.views.suspended``.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from sqlalchemy import Connection, text

# (kind of hit, table, the column whose words are indexed)
SOURCES = (
    ("recommendation", "recommendation", "text"),  # a progress report's only text of its own
    ("action", "action", "text"),
    ("update", "action_update", "progress"),
    ("minute_point", "minute_point", "text"),
    ("indicator", "indicator", "name"),  # a scorecard's KPIs and a plan's indicators
)
PG_CONFIG = "english"
MARK = ("«", "»")


@dataclass
class Hit:
    kind: str
    ref: str | None
    row_id: int
    document_id: int
    document: str
    page: int | None
    snippet: str
    score: float
    phrase: bool  # the words appear together, in order: ranked above scattered matches

    def as_dict(self) -> dict:
        return asdict(self)


# --- index maintenance -------------------------------------------------------

def _sqlite_ddl(table: str, column: str) -> list[str]:
    fts = f"{table}_fts"
    # content="..." in double quotes: the spelling Datasette's FTS detection looks for.
    return [
        f'CREATE VIRTUAL TABLE {fts} USING fts5({column}, content="{table}", content_rowid="id", '
        f"tokenize='porter unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column}); END",
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column}); END",
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {column} ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {column}) VALUES ('delete', old.id, old.{column}); "
        f"INSERT INTO {fts}(rowid, {column}) VALUES (new.id, new.{column}); END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def install(bind: Connection, sources=SOURCES) -> None:
    """Create the index (and index rows already stored); safe to call again.

    A source whose table an earlier migration has not made yet is left out; the
    migration that makes it installs the index again."""
    uninstall(bind)
    from sqlalchemy import inspect

    tables = set(inspect(bind).get_table_names())
    for _, table, column in sources:
        if table not in tables:
            continue
        if bind.dialect.name == "postgresql":
            bind.exec_driver_sql(f"CREATE INDEX ix_{table}_fts ON {table} "
                                 f"USING gin (to_tsvector('{PG_CONFIG}', coalesce({column}, '')))")
        else:
            for ddl in _sqlite_ddl(table, column):
                bind.exec_driver_sql(ddl)


def uninstall(bind: Connection) -> None:
    for _, table, _column in SOURCES:
        if bind.dialect.name == "postgresql":
            bind.exec_driver_sql(f"DROP INDEX IF EXISTS ix_{table}_fts")
        else:
            for suffix in ("ai", "ad", "au"):
                bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
            bind.exec_driver_sql(f"DROP TABLE IF EXISTS {table}_fts")


_OWN_NAMES = re.compile(r"(ix_)?(%s)_fts(_(data|idx|docsize|config|content))?" % "|".join(t for _, t, _ in SOURCES))


def include_name(name, type_, parent_names) -> bool:
    """Alembic ``include_name`` hook: the index is not in the ORM models, so autogenerate must not drop it."""
    return not (type_ in ("table", "index") and name and _OWN_NAMES.fullmatch(name))


def rebuild(bind: Connection) -> None:
    """Re-read every row into the SQLite index (PostgreSQL indexes never go stale)."""
    if bind.dialect.name != "postgresql":
        from sqlalchemy import inspect

        tables = set(inspect(bind).get_table_names())
        for _, table, _column in SOURCES:
            if table not in tables:
                continue
            bind.exec_driver_sql(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')")


# --- query ---------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")


def _terms(query: str) -> list[str]:
    return _WORD.findall(query.lower())


# How each kind of hit is named: an action by its code, an update by its action's
# code, a minute point as item(point) like the printed minutes.
_REF = {
    "recommendation": ("t.number", ""),
    "action": ("a.code", "JOIN action a ON a.id = t.id"),
    "update": ("a.code", "JOIN action a ON a.id = t.action_id"),
    "indicator": ("t.service", ""),
    "minute_point": ("CASE WHEN t.label IS NULL THEN ai.number ELSE COALESCE(ai.number, '') || '(' || t.label || ')' END",
                     "JOIN agenda_item ai ON ai.id = t.agenda_item_id"),
}


def _sqlite_select(kind: str, table: str, column: str) -> str:
    ref, join = _REF[kind]
    fts = f"{table}_fts"
    return f"""
        SELECT '{kind}' AS kind, {ref} AS ref, t.id AS row_id, d.document_id, d.path AS document, t.page,
               snippet({fts}, 0, '{MARK[0]}', '{MARK[1]}', '…', 16) AS snippet, -bm25({fts}) AS score,
               CASE WHEN t.id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH :phrase) THEN 1 ELSE 0 END AS phrase
        FROM {fts} JOIN {table} t ON t.id = {fts}.rowid
        JOIN v_documents d ON d.document_id = t.document_id
        {join}
        WHERE {fts} MATCH :match"""


def _pg_select(kind: str, table: str, column: str) -> str:
    ref, join = _REF[kind]
    vector = f"to_tsvector('{PG_CONFIG}', coalesce(t.{column}, ''))"
    return f"""
        SELECT '{kind}' AS kind, {ref} AS ref, t.id AS row_id, d.document_id, d.path AS document, t.page,
               ts_headline('{PG_CONFIG}', t.{column}, q.query,
                           'StartSel={MARK[0]}, StopSel={MARK[1]}, MaxWords=24, MinWords=8')
                   AS snippet,
               ts_rank_cd({vector}, q.query, 1) AS score,
               CASE WHEN {vector} @@ phraseto_tsquery('{PG_CONFIG}', :phrase) THEN 1 ELSE 0 END AS phrase
        FROM {table} t
        CROSS JOIN (SELECT to_tsquery('{PG_CONFIG}', :match) AS query) q
        JOIN v_documents d ON d.document_id = t.document_id
        {join}
        WHERE {vector} @@ q.query"""


def _match(terms: list[str], dialect: str, any_term: bool) -> str:
    if dialect == "postgresql":
        return (" | " if any_term else " & ").join(terms)
    return (" OR " if any_term else " AND ").join(f'"{t}"' for t in terms)


def search(bind: Connection, query: str, limit: int = 20, kinds: tuple[str, ...] | None = None) -> list[Hit]:
    """Hits for every word of ``query``, best first; if no row has them all, rows with any.

    Words are taken literally (punctuation and FTS operators are dropped) so a
    query pasted from a PDF cannot be a syntax error; length and time are
    bounded (``store.search_limits``), a query over time raises SearchTimeout.
    """
    from .search_limits import LIMITS, bounded_terms, time_limited

    terms, _ = bounded_terms(_terms(query[: LIMITS.max_chars]))
    if not terms:
        return []
    dialect = bind.dialect.name
    build = _pg_select if dialect == "postgresql" else _sqlite_select
    parts = [build(kind, table, column) for kind, table, column in SOURCES if not kinds or kind in kinds]
    sql = text(" UNION ALL ".join(parts) + " ORDER BY phrase DESC, score DESC, kind, row_id LIMIT :limit")
    for any_term in (False, True):
        if any_term and len(terms) == 1:
            break
        phrase = " ".join(terms) if dialect == "postgresql" else '"' + " ".join(terms) + '"'
        params = {"match": _match(terms, dialect, any_term), "phrase": phrase, "limit": limit}
        with time_limited(bind):
            rows = bind.execute(sql, params).mappings().all()
        if rows:
            return [Hit(**{**row, "snippet": _clean(row["snippet"]), "score": round(float(row["score"]), 6),
                           "phrase": bool(row["phrase"])})
                    for row in rows]
    return []


def _clean(snippet: str | None) -> str:
    return re.sub(r"\s+", " ", snippet or "").strip()
