"""The table layer on report-style pages it was not tuned on (``benchmarks/tables/generate_reports.py``).

Statistical releases, budget books, financial statements and survey reports:
booktabs rules or none, group headings over sub-columns, rows set solid,
wrapped row labels, tables beside prose and on two-column pages, a table
split over two pages, and pages with no table at all (a chart, a contents page
with dot leaders, running text in two columns). The gold is the grid each page
is drawn from; the floors are a little under the scores measured when the
pages were added (every page 0.99 or more, 0.998 pooled).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks" / "tables"))

from adjacency import f1, score  # noqa: E402
import generate_reports  # noqa: E402

from plantrace.extract.tables import read_tables  # noqa: E402

PAGE_FLOOR = 0.95   # structure F1 every page keeps
POOLED_FLOOR = 0.98  # structure F1 over all the pages' relations


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    """(label, gold tables, found tables, (correct, found, true)) per page, read once."""
    out = []
    for path, page, gold in generate_reports.generated(tmp_path_factory.mktemp("reports")):
        found = [[c.as_dict() for c in t.cells] for t in read_tables(path, pages=[page])]
        out.append((f"{path.stem}-p{page}", gold, found, score(gold, found)))
    return out


def test_every_page_keeps_its_floor(scored):
    low = {label: round(f1(*counts), 3) for label, _, _, counts in scored if f1(*counts) < PAGE_FLOOR}
    assert not low


def test_pooled_structure_f1(scored):
    tot = [sum(counts[i] for *_, counts in scored) for i in range(3)]
    assert f1(*tot) >= POOLED_FLOOR


def test_as_many_tables_as_drawn(scored):
    """No chart, contents page, list or column of prose is taken for a table, and no table is cut in two."""
    assert [(label, len(found)) for label, gold, found, _ in scored if len(found) != len(gold)] == []
