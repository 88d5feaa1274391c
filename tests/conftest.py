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
    from extract.pdf import load_pdf

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
