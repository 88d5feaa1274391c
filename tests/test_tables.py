"""The table layer (`plantrace tables`, `plantrace.tables`) on real PDFs and on drawn tables.

Real pages: the KPI scorecard's call table, the budget risk register (a ruled
section row across three columns, an exposure missing per row) and the capital
summary (a caption bar above the grid, a header cell over two body columns).
Drawn tables (``benchmarks/tables/generate.py``): partly ruled, unruled rows
set solid, two columns, merged cells under a two-level header, a chart beside
a table, and a table cut by a page break.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import plantrace
from plantrace.cli import app

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "corpora" / "real" / "kent" / "cabinet"
QPR = REAL / "2025-03-04" / "originals" / "QPR Q3 Cabinet appendix 1.pdf"
RISKS = REAL / "2025-01-30" / "originals" / "Appendix I Budget Risk Register 22.01.25.pdf"
CAPITAL = REAL / "2025-01-30" / "originals" / "Appendix A Capital Investment Summary.pdf"
sys.path.insert(0, str(ROOT / "benchmarks" / "tables"))

import generate  # noqa: E402


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    out = tmp_path_factory.mktemp("tables")
    return {path.stem: path for path, _, _ in generate.generated(out)}


def cell(table, row, col):
    (found,) = [c for c in table.cells if c.row == row and c.col == col]
    return found


def test_kpi_call_table_cells():
    (t,) = plantrace.tables(QPR, pages="12")
    assert (t.page, t.ruled, t.reader, t.n_rows, t.n_cols, t.header_rows) == (12, True, "ruled", 16, 7, 1)
    m = t.matrix()
    assert m[0][:3] == ["Service area", "Jan –\nMar 24", "Apr –\nJun 24"]
    assert m[4] == ["Blue Badges", "10", "12", "13", "9", "41", "44"]
    assert m[15] == ["Total Calls (thousands)", "116", "111", "125", "101", "484", "453"]


def test_risk_register_spans_and_empty_cells():
    total, register = plantrace.tables(RISKS, pages=[1])
    assert total.matrix() == [["TOTAL £m", "334.7", "290.0"]]
    assert register.title == "Appendix I: Budget Risks Register 2025-26"
    assert (register.n_rows, register.n_cols, register.header_rows) == (5, 8, 2)
    section = cell(register, 2, 0)
    assert (section.text, section.colspan, section.rowspan) == ("Significant Risks (over £10m)", 3, 1)
    assert [cell(register, 3, c).text for c in (0, 5, 6, 7)] == ["CYPE", "4", "", "165.0"]
    assert [cell(register, 4, c).text for c in (0, 5, 6, 7)] == ["ALL", "4", "119.2", ""]


def test_capital_summary_caption_and_split_header():
    (t,) = plantrace.tables(CAPITAL, pages="1")
    assert t.title == "APPENDIX A - CAPITAL INVESTMENT SUMMARY 2025-26 TO 2034-35"
    assert t.matrix()[0][:3] == ["ROW REF", "Directorate", "Dir"]
    borrowing = [c for c in t.cells if c.text == "Borrowing"][0]
    assert (borrowing.col, borrowing.colspan) == (1, 2)


def test_partly_ruled_table_is_read_by_its_gutters(drawn):
    (t,) = plantrace.tables(drawn["partly_ruled"])
    assert (t.reader, t.ruled, t.n_rows, t.n_cols) == ("partly-ruled", True, 11, 5)
    assert t.matrix()[2] == ["Children's services", "6.1", "8.2", "4.5", "18.3"]
    assert t.matrix()[-1] == ["Total", "99.9", "110.0", "76.5", "286.4"]


def test_rows_set_solid_are_rows_and_wrapped_lines_stay_in_their_cell(drawn):
    (t,) = plantrace.tables(drawn["solid"])
    assert (t.reader, t.ruled, t.n_rows, t.n_cols, t.header_rows) == ("words", False, 31, 5, 1)
    m = t.matrix()
    assert m[2] == ["1.2", "Highways and transport cases closed", "62%", "61%", "R"]
    assert m[6] == ["1.6", "Trading standards: share of requests\nanswered within ten working days", "66%", "73%",
                    "G"]
    assert m[30][0] == "3.10"


def test_two_column_table(drawn):
    (t,) = plantrace.tables(drawn["two_columns"])
    assert (t.n_rows, t.n_cols) == (7, 2)
    assert t.matrix()[2] == ["Decision number", "25/00012"]
    assert t.title is None  # the paragraph above is not a caption


def test_merged_cells_both_ways(drawn):
    (t,) = plantrace.tables(drawn["merged"])
    assert (t.n_rows, t.n_cols, t.header_rows) == (6, 5, 2)
    spend = cell(t, 0, 2)
    assert (spend.text, spend.colspan, spend.rowspan) == ("Spend £m", 2, 1)
    assert (cell(t, 0, 0).rowspan, cell(t, 2, 0).text, cell(t, 2, 0).rowspan) == (2, "Adults", 2)
    assert not [c for c in t.cells if c.row == 3 and c.col == 0]  # covered by "Adults"


def test_chart_gridlines_are_no_table(drawn):
    (t,) = plantrace.tables(drawn["chart_beside_table"])
    assert t.matrix() == [["Quarter", "Received", "Upheld"], ["Q1", "20", "3"], ["Q2", "27", "4"],
                          ["Q3", "34", "5"], ["Q4", "41", "6"]]


def test_continued_table_marked_and_stitched(drawn):
    first, second = plantrace.tables(drawn["cut_by_page_break"])
    assert (first.continues, second.continues) == (False, True)
    (whole,) = plantrace.tables(drawn["cut_by_page_break"], stitch=True)
    assert whole.pages == [1, 2]
    assert whole.n_rows == 61  # one header, the one repeated on page 2 dropped
    assert whole.matrix()[60][:2] == ["60", "Action number 60 of the plan"]


def test_cli_json_csv_and_pages(drawn, tmp_path):
    runner = CliRunner()
    res = runner.invoke(app, ["tables", str(drawn["merged"]), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["source"]["pages"] == 1
    (t,) = data["tables"]
    assert {"page", "bbox", "ruled", "title", "header_rows", "continues", "cells"} <= set(t)
    assert {"row": 0, "col": 2, "rowspan": 1, "colspan": 2, "text": "Spend £m"}.items() <= \
        [c for c in t["cells"] if c["text"] == "Spend £m"][0].items()
    res = runner.invoke(app, ["tables", str(QPR), "--pages", "12", "--csv", str(tmp_path)])
    assert res.exit_code == 0, res.output
    (out,) = tmp_path.glob("*.csv")
    with out.open(encoding="utf-8", newline="") as fh:
        assert list(csv.reader(fh))[4] == ["Blue Badges", "10", "12", "13", "9", "41", "44"]
    res = runner.invoke(app, ["tables", str(drawn["cut_by_page_break"]), "--json", "--stitch"])
    assert [t["pages"] for t in json.loads(res.stdout)["tables"]] == [[1, 2]]
    assert runner.invoke(app, ["tables", str(tmp_path / "missing.pdf")]).exit_code == 2


def test_a_page_the_table_layer_cannot_read_loses_only_its_grids(monkeypatch):
    """The grids stored at ingest come from the table layer; a fault there costs that page's
    tables and a warning, never the document."""
    from plantrace.extract import tables as layer
    from plantrace.extract.pdf import load_pdf

    from .conftest import pdf_path

    real = layer.page_tables

    def faulty(page, number, *args, **kwargs):
        if number == 2:
            raise ZeroDivisionError("a bug in the layer")
        return real(page, number, *args, **kwargs)

    monkeypatch.setattr(layer, "page_tables", faulty)
    model = load_pdf(pdf_path("000"), ocr="off")
    assert len(model.pages) == 31 and model.grids
    assert 2 not in {g.page for g in model.grids}
    assert "tables on page 2 could not be read as grids (ZeroDivisionError)" in model.warnings
