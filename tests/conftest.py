"""Shared fixtures: the bundled corpus, its gold, and document models parsed once per run."""
from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora"
PDF_DIR = CORPUS / "pdf"
GOLD_DIR = CORPUS / "gold"
RENDERINGS = Path(__file__).resolve().parent / "data" / "renderings"


def pdf_path(prefix: str) -> Path:
    """The bundled PDF whose name starts with ``prefix`` (e.g. "000")."""
    (path,) = sorted(PDF_DIR.glob(f"{prefix}-*.pdf"))
    return path


@functools.lru_cache(maxsize=None)
def _model(prefix: str):
    from plantrace.extract.pdf import load_pdf

    return load_pdf(pdf_path(prefix))


@functools.lru_cache(maxsize=None)
def _gold(name: str):
    path = GOLD_DIR / name
    if name.endswith(".jsonl"):
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def pdf_model():
    """``pdf_model("000")`` -> DocumentModel of that bundled PDF, parsed once per session."""
    return _model


@pytest.fixture(scope="session")
def gold():
    """``gold("000.plan.json")`` -> parsed gold file."""
    return _gold


PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def _postgres_reason() -> str | None:
    """None when the PostgreSQL test server answers, else why it is skipped."""
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, connect_timeout=3):
            return None
    except Exception as exc:  # any failure means: skip, and say why
        return f"PostgreSQL at 127.0.0.1:5432 not available ({type(exc).__name__}: {str(exc).strip()[:120]})"


def create_pg_database():
    """A throwaway PostgreSQL database: (url, drop); skips the test when the server is away."""
    import uuid

    import psycopg

    reason = _postgres_reason()
    if reason:
        pytest.skip(reason)
    name = f"plantrace_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}", drop


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh empty database URL: a SQLite file, and a throwaway PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    url, drop = create_pg_database()
    try:
        yield url
    finally:
        drop()
