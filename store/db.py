"""Open a database and bring its schema to the newest migration.

Opening for writing upgrades, so a user never runs a separate migrate step and
an old database file keeps working after plantrace is updated. The upgrade is
one transaction, serialised between processes, and never touches a database
that is not plantrace's or that a newer plantrace made.
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


class DatabaseUnavailable(Exception):
    """A database a command cannot use as it is; the message is one line."""


MIGRATION_LOCK_WAIT_S = 120  # a second first open waits this long for the first one's migration
PG_MIGRATION_LOCK = 0x706C616E74726163  # pg_advisory_xact_lock key: "plantrac" in ASCII


def _migration_engine(url: str) -> Engine:
    """An engine whose transactions really hold DDL, for migrations only.

    Python's sqlite3 module commits before every CREATE/ALTER, so a killed first
    open would leave half a schema ("table document already exists" on the next
    open). Here SQLite runs in autocommit at the driver and every transaction is
    ``BEGIN IMMEDIATE``: the whole upgrade commits or nothing does, and a second
    process waits for the write lock instead of migrating at the same time.
    """
    if not url.startswith("sqlite"):
        return create_engine(url, future=True)
    engine = create_engine(url, future=True, connect_args={"timeout": MIGRATION_LOCK_WAIT_S})

    @event.listens_for(engine, "connect")
    def _autocommit_driver(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        _sqlite_pragmas(dbapi_connection, _record)

    @event.listens_for(engine, "begin")
    def _begin_immediate(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _stored_revisions(conn) -> set[str] | None:
    """The revisions in alembic_version, or None when the database has no such table."""
    from sqlalchemy import inspect

    if not inspect(conn).has_table("alembic_version"):
        return None
    return {row[0] for row in conn.exec_driver_sql("SELECT version_num FROM alembic_version")}


def _check_ours(conn, shown: str) -> None:
    """Refuse, before any change, a database of another application or of a newer plantrace."""
    from sqlalchemy import inspect

    stored = _stored_revisions(conn)
    if stored is None:
        if inspect(conn).get_table_names():
            raise DatabaseUnavailable(f"{shown}: not a plantrace database (it has tables and no "
                                      "plantrace schema version); left untouched")
        return
    unknown = stored - _known_revisions()
    if unknown:
        raise DatabaseUnavailable(f"{shown}: made by a newer plantrace (schema {', '.join(sorted(unknown))}); "
                                  "upgrade plantrace to use it; left untouched")


def upgrade(engine: Engine) -> None:
    """Bring the schema to head in one transaction, serialised between processes."""
    url = engine.url.render_as_string(hide_password=False)
    shown = _shown(url)
    cfg = alembic_config(url)
    migrator = _migration_engine(url)
    try:
        with migrator.begin() as connection:
            if migrator.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_MIGRATION_LOCK})")
            _check_ours(connection, shown)
            if _stored_revisions(connection) == _heads():
                return
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")
    finally:
        migrator.dispose()


def _shown(url: str) -> str:
    return url.split("@")[-1] if "@" in url else url


def _sqlite_file_problem(url: str) -> str | None:
    """Why a SQLite URL's file cannot be a database, checked without opening it."""
    if not url.startswith("sqlite:///") or url.startswith("sqlite:///:memory:"):
        return None
    path = Path(url[len("sqlite:///"):].split("?", 1)[0])
    if path.is_dir():
        return "is a folder, not a database file"
    if path.is_file():
        try:
            with open(path, "rb") as fh:
                head = fh.read(16)
        except OSError as exc:
            return f"cannot read ({(exc.strerror or type(exc).__name__).lower()})"
        if head and head != b"SQLite format 3\x00":
            return "not a SQLite database file; left untouched"
    elif not path.parent.is_dir():
        return f"folder {path.parent} does not exist"
    return None


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
    """Open for writing: a missing database is created, an older one upgraded.

    Anything that makes the database unusable (a URL no driver understands, a
    file that is not SQLite, another application's or a newer plantrace's
    database, a server that does not answer) is :class:`DatabaseUnavailable`
    with a one-line message, and the database is left as it was.
    """
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

    url = database_url(url)
    shown = _shown(url)
    problem = _sqlite_file_problem(url)
    if problem:
        raise DatabaseUnavailable(f"{shown}: {problem}")
    try:
        engine = make_engine(url)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise DatabaseUnavailable(f"{shown}: not a database URL plantrace can open ({_one_line(exc)})") from None
    if engine.dialect.name == "sqlite":
        _sqlite_writer(engine)
    try:
        upgrade(engine)
    except DatabaseUnavailable:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseUnavailable(f"{shown}: cannot be opened ({_one_line(exc)})") from None
    return engine, sessionmaker(engine, expire_on_commit=False)


def _one_line(exc: Exception, limit: int = 160) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    line = f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _heads() -> set[str]:
    from alembic.script import ScriptDirectory

    return set(ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads())


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config("sqlite://")).walk_revisions()}


def open_existing(url: str | None = None) -> tuple[Engine, sessionmaker[Session]]:
    """Open for reading only: never creates, never upgrades.

    Read commands (status, search, trace, links, export) use this, so a mistyped
    path is an error instead of a new empty database that answers "not found".
    """
    from sqlalchemy import inspect
    from sqlalchemy.exc import SQLAlchemyError

    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    url = database_url(url)
    shown = _shown(url)
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        path = Path(url[len("sqlite:///"):].split("?", 1)[0])
        if not path.exists():
            raise DatabaseUnavailable(f"{shown}: no such database (plantrace ingest creates one)")
        problem = _sqlite_file_problem(url)
        if problem:
            raise DatabaseUnavailable(f"{shown}: {problem}")
    try:
        engine = make_engine(url)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise DatabaseUnavailable(f"{shown}: not a database URL plantrace can open ({_one_line(exc)})") from None
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                raise DatabaseUnavailable(f"{shown}: not a plantrace database")
            stored = {row[0] for row in conn.exec_driver_sql("SELECT version_num FROM alembic_version")}
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseUnavailable(f"{shown}: cannot be opened ({_one_line(exc)})") from None
    except DatabaseUnavailable:
        engine.dispose()
        raise
    heads = _heads()
    if stored != heads:
        engine.dispose()
        if stored - _known_revisions():
            raise DatabaseUnavailable(f"{shown}: made by a newer plantrace (schema {', '.join(sorted(stored))}); "
                                      "upgrade plantrace to read it")
        raise DatabaseUnavailable(f"{shown}: older schema ({', '.join(sorted(stored)) or 'none'}); "
                                  "`plantrace ingest` or `plantrace upgrade` brings it up to date")
    return engine, sessionmaker(engine, expire_on_commit=False)
