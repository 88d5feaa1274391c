"""Tables without ruling lines: detected cheaply, read by camelot or word clustering."""
from __future__ import annotations

import pdfplumber

from plantrace.extract.borderless import _clustered_tables, borderless_tables, looks_tabular
from plantrace.extract.columns import header_tables
from plantrace.extract.pdf import TABLE_SETTINGS, load_pdf
from plantrace.extract.plan import extract_plan
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
        tables, _ = borderless_tables(path, table_page, 1)
        clustered = _clustered_tables(table_page, 1)
    for found in (tables, clustered):
        assert found and not found[0].ruled
        texts = [[t.strip() for t in row] for row in found[0].texts()]
        assert ROWS[1] in texts and ROWS[4] in texts


def test_header_on_a_shaded_band_over_unruled_rows(tmp_path):
    """The band's fill is a one-row ruled table to pdfplumber; the rows under it are still read."""
    path = tmp_path / "band.pdf"
    c = new_canvas(path)
    h = c._pagesize[1]
    text_line(c, 40, 40, "RECOMMENDATION 1: Plans are written down", bold=True)
    c.setFillColorRGB(0.85, 0.85, 0.85)
    for x0, x1 in zip(COLS, COLS[1:] + [780]):
        c.rect(x0 - 3, h - 86, x1 - x0, 16, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    for r, row in enumerate(ROWS):
        for x, text in zip(COLS, row):
            text_line(c, x, 80 + 20 * r, text, bold=(r == 0))
    c.showPage()
    c.save()
    with pdfplumber.open(path) as pdf:
        assert [len(t.rows) for t in pdf.pages[0].find_tables(TABLE_SETTINGS)] == [1]
    actions = [a for r in extract_plan(load_pdf(path))["recommendations"] for a in r["actions"]]
    assert [a["id"] for a in actions] == ["1.1", "1.2", "1.3", "1.4"]
    assert actions[3]["updates"][0]["target_date"]["text"] == "Sept 2017"


def test_borderless_plan_extracts_actions(tmp_path):
    path = tmp_path / "borderless.pdf"
    _borderless(path)
    out = extract_plan(load_pdf(path))
    actions = [a for r in out["recommendations"] for a in r["actions"]]
    assert [a["id"] for a in actions] == ["1.1", "1.2", "1.3", "1.4"]
    u = actions[1]["updates"][0]
    assert (u["progress"], u["target_date"]["text"], u["accountability_text"], u["monitor_text"]) == (
        "Sessions booked", "June 2017", "Cy Person", "Bo Sample")


# --- plan tables read from word positions under their header ----------------
#
# A table set the way a word processor sets one without borders: cell text
# wraps at a 10.5 pt leading, rows are 6 pt further apart (cell padding), the
# action cell is merged down beside its updates, and the table runs on to the
# next page without repeating its header.
PLAN_COLS = [52, 190, 420, 520, 640]
LEAD, PAD = 10.5, 6.0


def _cells(c, top, cells):
    """Draw one table row: {column: [lines]}; returns the top of the next row."""
    for col, lines in cells.items():
        for k, text in enumerate(lines):
            text_line(c, PLAN_COLS[col], top + LEAD * k, text, size=8.5)
    return top + LEAD * max(len(v) for v in cells.values()) + PAD


def _plan_pages(path):
    c = new_canvas(path)
    text_line(c, 40, 40, "An opening paragraph of prose that runs right across the page, as plans have before tables.")
    text_line(c, 40, 58, "RECOMMENDATION 1: Plans are written down", bold=True)
    for x, head in zip(PLAN_COLS, ["ACTION", "PROGRESS", "TARGET DATE", "LEAD OFFICER", "MONITORED BY"]):
        text_line(c, x, 80, head, bold=True, size=8.5)
    top = 80 + LEAD + PAD
    # 1.1's merged cell runs on beside its second update, which starts a row.
    text_line(c, PLAN_COLS[0], top, "1.1 Write the policy", size=8.5)
    for k, text in enumerate(["and agree it with", "partners across", "the county"], start=1):
        text_line(c, PLAN_COLS[0], top + LEAD * k, text, size=8.5)
    top = _cells(c, top, {1: ["Draft circulated"], 2: ["May 2017"], 3: ["Ann Example"], 4: ["Bo Sample"]})
    top = _cells(c, top, {1: ["Comments received", "and answered"], 2: ["June 2017"], 3: ["Ann Example"],
                          4: ["Bo Sample"]})
    top = _cells(c, top + LEAD, {0: ["1.2 Train staff"], 1: ["Sessions booked"], 2: ["June 2017"],
                                 3: ["Cy Person"], 4: ["Bo Sample"]})
    # A paragraph under the table crosses its gutters: it is text, not a row.
    text_line(c, 40, top + 12, "This paragraph follows the table and runs across all of its columns from margin to margin.")
    for x, head in zip(PLAN_COLS, ["ACTION", "PROGRESS", "TARGET DATE", "LEAD OFFICER", "MONITORED BY"]):
        text_line(c, x, top + 40, head, bold=True, size=8.5)
    top = _cells(c, top + 40 + LEAD + PAD, {0: ["1.3 Audit cases"], 1: ["Not started"], 2: ["July 2017"],
                                            3: ["Dee Owner"], 4: ["Bo Sample"]})
    c.showPage()
    top = _cells(c, 40, {0: ["1.4 Report back", "to the board"], 1: ["Not started"], 2: ["Sept 2017"],
                         3: ["Ann Example"], 4: ["Bo Sample"]})
    _cells(c, top, {0: ["1.5 Review"], 1: ["Not started"], 2: ["Dec 2017"], 3: ["Cy Person"], 4: ["Bo Sample"]})
    c.showPage()
    c.save()


def test_unruled_plan_rows_follow_padding_merged_cells_and_pages(tmp_path):
    path = tmp_path / "unruled-plan.pdf"
    _plan_pages(path)
    model = load_pdf(path)
    out = extract_plan(model)
    actions = {a["id"]: a for r in out["recommendations"] for a in r["actions"]}
    assert list(actions) == ["1.1", "1.2", "1.3", "1.4", "1.5"]
    assert actions["1.1"]["text"] == "Write the policy and agree it with partners across the county"
    ups = actions["1.1"]["updates"]
    assert [(u["progress"], u["target_date"]["text"]) for u in ups] == [
        ("Draft circulated", "May 2017"), ("Comments received and answered", "June 2017")]
    assert actions["1.4"]["text"] == "Report back to the board"  # page 2 keeps page 1's columns
    u = actions["1.5"]["updates"][0]
    assert (u["progress"], u["target_date"]["text"], u["accountability_text"], u["monitor_text"]) == (
        "Not started", "Dec 2017", "Cy Person", "Bo Sample")
    lines = [b.text for b in model.pages[0].lines]
    assert any(t.startswith("This paragraph follows the table") for t in lines)
    assert any(t.startswith("An opening paragraph") for t in lines)


def test_merged_action_cell_marks_the_rows_beside_it_continued(tmp_path):
    path = tmp_path / "unruled-plan.pdf"
    _plan_pages(path)
    with pdfplumber.open(path) as pdf:
        tables, _ = header_tables(pdf.pages[0], 1)
    first = tables[0]
    assert [c.continued for c in first.rows[2]][:1] == [True]
    assert first.rows[2][0].text == "" and first.rows[2][1].text == "Comments received\nand answered"
    assert not first.ruled and first.rows[0][1].text == "PROGRESS"


def test_prose_pages_have_no_header_tables(tmp_path):
    path = tmp_path / "borderless.pdf"
    _borderless(path)
    with pdfplumber.open(path) as pdf:
        assert header_tables(pdf.pages[0], 1)[0]  # its header names five known columns
        assert header_tables(pdf.pages[1], 2)[0] is None


def test_bullets_hanging_in_a_column_of_their_own_are_a_list_not_a_table():
    from plantrace.extract.borderless import _bulleted_list
    from plantrace.extract.model import Cell, Table

    def table(first):
        return Table(page=1, bbox=None, rows=[[Cell(a), Cell(b)] for a, b in first])

    assert _bulleted_list(table([("5. Introduction", ""), ("•\n•\n•", "5.1 Children ...\n5.2 The threshold ...")]))
    assert not _bulleted_list(table([("1.1 Write policy", "Draft circulated"), ("1.2 Train staff", "• Booked")]))


def test_table_set_again_below_at_other_widths_keeps_its_columns(tmp_path):
    """Rows set again under the same header with no header of their own, at column widths
    that stray past the headings (the owner column starts left of the date heading)."""
    path = tmp_path / "again.pdf"
    c = new_canvas(path)
    text_line(c, 40, 40, "RECOMMENDATION 1: Plans are written down", bold=True)
    head = [(40, "ACTION"), (330, "PROGRESS"), (480, "TARGET DATE"), (600, "LEAD")]
    for x, text in head:
        text_line(c, x, 70, text, bold=True)
    for x, text in [(40, "1.1"), (70, "Write the policy"), (330, "Draft circulated"), (480, "May 2017"),
                    (600, "Ann Example")]:
        text_line(c, x, 90, text)
    # the same table again, its columns at other places: progress from 250, date from 400, lead from 470
    for r, row in enumerate([["1.2", "Train the staff", "Sessions booked", "June 2017", "Bo Sample"],
                             ["1.3", "Audit the cases", "Not started", "July 2017", "Cy Person"]]):
        for x, text in zip([40, 70, 250, 400, 470], row):
            text_line(c, x, 130 + 20 * r, text)
    c.showPage()
    c.save()
    actions = {a["id"]: a for r in extract_plan(load_pdf(path))["recommendations"] for a in r["actions"]}
    assert set(actions) == {"1.1", "1.2", "1.3"}
    u = actions["1.3"]["updates"][0]
    assert (actions["1.3"]["text"], u["progress"], u["target_date"]["text"], u["accountability_text"]) == (
        "Audit the cases", "Not started", "July 2017", "Cy Person")


def test_unruled_row_cut_by_the_page_finishes_in_several_columns(tmp_path):
    """The bottom half of a cut row opens the next page with lines in two columns (action
    text and progress), no header repeated, then a heading: it is that row's rest."""
    path = tmp_path / "cut.pdf"
    c = new_canvas(path)
    text_line(c, 40, 40, "RECOMMENDATION 1: Plans are written down", bold=True)
    for x, text in zip(COLS, ROWS[0]):
        text_line(c, x, 80, text, bold=True)
    top = 100
    for row in ROWS[1:]:
        for x, text in zip(COLS, row):
            text_line(c, x, top, text)
        top += 20
    for x, text in zip(COLS, ["1.5 Agree the framework for", "Agree the timescale for", "March 2018",
                              "Ann Example", "Bo Sample"]):
        text_line(c, x, 570, text)  # the last row, cut at the page foot
    c.showPage()
    for k, (action, progress) in enumerate([("stage two of the review", "the project plan"),
                                            ("and its implications", "and the target model")]):
        text_line(c, COLS[0], 40 + 14 * k, action)
        text_line(c, COLS[1], 40 + 14 * k, progress)
    text_line(c, 40, 100, "RECOMMENDATION 2: Plans are kept", bold=True)
    c.showPage()
    c.save()
    actions = {a["id"]: a for r in extract_plan(load_pdf(path))["recommendations"] for a in r["actions"]}
    assert actions["1.5"]["text"] == "Agree the framework for stage two of the review and its implications"
    assert actions["1.5"]["updates"][0]["progress"] == "Agree the timescale for the project plan and the target model"
