"""Bounds on a full-text search, so one query cannot hold a database for minutes.

A query pasted from a whole document (thousands of words) makes an FTS match
with thousands of terms: 30 s on SQLite, minutes on PostgreSQL, where the
statement went on running after its client had gone. Queries are cut to their
first distinct words, and each statement gets a time limit enforced by the
database itself (PostgreSQL ``statement_timeout``, so the server cancels it;
a SQLite progress handler that interrupts the statement).
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection
from sqlalchemy.exc import OperationalError


@dataclass(frozen=True)
class SearchLimits:
    max_chars: int = 2000      # longer queries are cut before they are split into words
    max_terms: int = 32        # distinct words kept; more add time, not precision
    timeout_s: float = 10.0    # per statement, enforced by the database
    sqlite_check_every: int = 10_000  # virtual-machine steps between SQLite's clock checks


LIMITS = SearchLimits()


class SearchTimeout(Exception):
    """The search ran past its time limit and was cancelled."""


def bounded_terms(terms: list[str], limits: SearchLimits = LIMITS) -> tuple[list[str], bool]:
    """The first ``max_terms`` distinct terms, and whether any were dropped."""
    kept = list(dict.fromkeys(terms))
    return kept[: limits.max_terms], len(kept) > limits.max_terms


@contextmanager
def time_limited(bind: Connection, limits: SearchLimits = LIMITS):
    """Run the statements inside under the time limit; raises :class:`SearchTimeout`."""
    dialect = bind.dialect.name
    if dialect == "postgresql":
        bind.exec_driver_sql(f"SET statement_timeout = {int(limits.timeout_s * 1000)}")
        try:
            yield
        except OperationalError as exc:
            if "statement timeout" in str(exc).lower() or "canceling statement" in str(exc).lower():
                bind.rollback()
                raise SearchTimeout(f"search cancelled after {limits.timeout_s:g} s") from None
            raise
        finally:
            if bind.in_transaction() and not bind.get_transaction().is_active:
                bind.rollback()
            bind.exec_driver_sql("SET statement_timeout = 0")
        return
    if dialect != "sqlite":
        yield
        return
    raw = bind.connection.dbapi_connection
    deadline = time.monotonic() + limits.timeout_s
    raw.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, limits.sqlite_check_every)
    try:
        yield
    except OperationalError as exc:
        if "interrupted" in str(exc).lower():
            raise SearchTimeout(f"search cancelled after {limits.timeout_s:g} s") from None
        raise
    finally:
        raw.set_progress_handler(None, 0)
