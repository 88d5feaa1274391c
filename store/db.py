"""Open a database and bring its schema to the newest migration.

Opening always upgrades, so a user never runs a separate migrate step and an
old database file keeps working after plantrace is updated.
"""
from __future__ import annotations

import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_URL = "sqlite:///plantrace.db"
HERE = Path(__file__).resolve().parent


def database_url(url: str | None = None) -> str:
    """``--db`` wins, then ``PLANTRACE_DB``, then a SQLite file in the current folder.

    A bare file path is accepted and taken as SQLite.
    """
    url = url or os.environ.get("PLANTRACE_DB") or DEFAULT_URL
    if "://" not in url:
        url = f"sqlite:///{url}"
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def alembic_config(url: str) -> Config:
    cfg = Config(str(HERE / "alembic.ini"))
    cfg.set_main_option("script_location", str(HERE / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def _sqlite_pragmas(dbapi_connection, _record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str | None = None) -> Engine:
    url = database_url(url)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def upgrade(engine: Engine) -> None:
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")


# SQLite has one writer at a time. A writer waits this long for the lock (a large
# council's rebuild in another run can hold it for minutes), and takes the lock
# when its transaction begins (BEGIN IMMEDIATE), so two runs never deadlock
# upgrading a read lock to a write lock half-way through a transaction.
SQLITE_WRITE_WAIT_SECONDS = 600


def _sqlite_writer(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _no_implicit_transactions(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" below starts every transaction
        dbapi_connection.execute(f"PRAGMA busy_timeout = {SQLITE_WRITE_WAIT_SECONDS * 1000}")

    @event.listens_for(engine, "begin")
    def _begin_immediate(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def open_db(url: str | None = None) -> tuple[Engine, sessionmaker[Session]]:
    """Open for writing: a missing database is created, an older one upgraded."""
    engine = make_engine(url)
    if engine.dialect.name == "sqlite":
        _sqlite_writer(engine)
    upgrade(engine)
    return engine, sessionmaker(engine, expire_on_commit=False)


class DatabaseUnavailable(Exception):
    """A database a read command cannot use as it is; the message is one line."""


def _heads() -> set[str]:
    from alembic.script import ScriptDirectory

    return set(ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads())


def open_existing(url: str | None = None) -> tuple[Engine, sessionmaker[Session]]:
    """Open for reading only: never creates, never upgrades.

    Read commands (status, search, trace, links, export) use this, so a mistyped
    path is an error instead of a new empty database that answers "not found".
    """
    from sqlalchemy import inspect
    from sqlalchemy.exc import SQLAlchemyError

    url = database_url(url)
    shown = url.split("@")[-1] if "@" in url else url
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        path = Path(url[len("sqlite:///"):])
        if not path.is_file():
            raise DatabaseUnavailable(f"{shown}: no such database (plantrace ingest creates one)")
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                raise DatabaseUnavailable(f"{shown}: not a plantrace database")
            stored = {row[0] for row in conn.exec_driver_sql("SELECT version_num FROM alembic_version")}
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseUnavailable(f"{shown}: cannot be opened ({type(exc).__name__})") from None
    except DatabaseUnavailable:
        engine.dispose()
        raise
    heads = _heads()
    if stored != heads:
        engine.dispose()
        from alembic.script import ScriptDirectory

        known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config("sqlite://")).walk_revisions()}
        if stored - known:
            raise DatabaseUnavailable(f"{shown}: made by a newer plantrace (schema {', '.join(sorted(stored))}); "
                                      "upgrade plantrace to read it")
        raise DatabaseUnavailable(f"{shown}: older schema ({', '.join(sorted(stored)) or 'none'}); "
                                  "`plantrace ingest` or `plantrace upgrade` brings it up to date")
    return engine, sessionmaker(engine, expire_on_commit=False)
