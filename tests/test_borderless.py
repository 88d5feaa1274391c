"""Tables without ruling lines: detected cheaply, read by camelot or word clustering."""
from __future__ import annotations

import pdfplumber

from extract.borderless import _clustered_tables, borderless_tables, looks_tabular
from extract.pdf import TABLE_SETTINGS, load_pdf
from extract.plan import extract_plan
from tests.plan_pdf_builders import new_canvas, text_line

COLS = [40, 200, 420, 540, 660]
ROWS = [
    ["Actions", "Update", "Deadline", "Owner", "Monitored by"],
    ["1.1 Write policy", "Draft circulated", "May 2017", "Ann Example", "Bo Sample"],
    ["1.2 Train staff", "Sessions booked", "June 2017", "Cy Person", "Bo Sample"],
    ["1.3 Audit cases", "Not started", "July 2017", "Dee Owner", "Bo Sample"],
    ["1.4 Report back", "Not started", "Sept 2017", "Ann Example", "Bo Sample"],
]


def _borderless(path):
    c = new_canvas(path)
    text_line(c, 40, 40, "RECOMMENDATION 1: Plans are written down", bold=True)
    for r, row in enumerate(ROWS):
        for x, text in zip(COLS, row):
            text_line(c, x, 80 + 20 * r, text, bold=(r == 0))
    c.showPage()
    text_line(c, 40, 40, "An ordinary page of prose. " * 3)
    text_line(c, 40, 54, "It has sentences that run across the page and no columns at all.")
    c.showPage()
    c.save()


def test_borderless_table_is_found_and_read(tmp_path):
    path = tmp_path / "borderless.pdf"
    _borderless(path)
    with pdfplumber.open(path) as pdf:
        table_page, prose_page = pdf.pages
        assert not table_page.find_tables(TABLE_SETTINGS)
        assert looks_tabular(table_page)
        assert not looks_tabular(prose_page)
        tables = borderless_tables(path, table_page, 1)
        clustered = _clustered_tables(table_page, 1)
    for found in (tables, clustered):
        assert found and not found[0].ruled
        texts = [[t.strip() for t in row] for row in found[0].texts()]
        assert ROWS[1] in texts and ROWS[4] in texts


def test_borderless_plan_extracts_actions(tmp_path):
    path = tmp_path / "borderless.pdf"
    _borderless(path)
    out = extract_plan(load_pdf(path))
    actions = [a for r in out["recommendations"] for a in r["actions"]]
    assert [a["id"] for a in actions] == ["1.1", "1.2", "1.3", "1.4"]
    u = actions[1]["updates"][0]
    assert (u["progress"], u["target_date"]["text"], u["accountability_text"], u["monitor_text"]) == (
        "Sessions booked", "June 2017", "Cy Person", "Bo Sample")
