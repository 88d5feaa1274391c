"""A ruled plan table cut by a page break, with no rule along the cut.

Generators that split a row across pages (and do not repeat the header) often
draw the column rules of each part but no row rule across the break, so the
rows at the foot of one page and the head of the next have no cell corners on
one side. Those rows must still be read as table rows, not loose text.
"""
from __future__ import annotations

import pdfplumber
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from plantrace.extract.pdf import _open_ends, load_pdf
from plantrace.extract.plan import extract_plan

WIDTHS = [150, 170, 80, 120, 120]
LINE = 11


def _grid(c, top, rows, *, open_top=False, open_bottom=False):
    """Rows of cell lines as a ruled grid from ``top`` (from the page top); the cut sides get no rule."""
    h = c._pagesize[1]
    xs = [40]
    for w in WIDTHS:
        xs.append(xs[-1] + w)
    y = top
    for r, row in enumerate(rows):
        rh = max(len(t.split("\n")) for t in row) * LINE + 6
        if r or not open_top:
            c.line(xs[0], h - y, xs[-1], h - y)
        for x in xs:
            c.line(x, h - y, x, h - y - rh)
        for left, text in zip(xs, row):
            c.setFont("Helvetica", 8)
            for k, part in enumerate(text.split("\n")):
                c.drawString(left + 3, h - y - 9 - k * LINE, part)
        y += rh
    if not open_bottom:
        c.line(xs[0], h - y, xs[-1], h - y)


def _plan_canvas(path, recommendation: str):
    """A landscape page opened with a labelled recommendation heading."""
    c = canvas.Canvas(str(path), pagesize=landscape(A4))
    h = c._pagesize[1]
    c.setFont("Helvetica-Bold", 10)
    c.drawString(40, h - 40, "RECOMMENDATION:")
    c.setFont("Helvetica", 10)
    c.drawString(40, h - 56, recommendation)
    return c


def _split_plan(path):
    """One recommendation whose action table runs onto page 2 without its header, cutting row 1.2."""
    c = _plan_canvas(path, "1. Improve the quality of supervision.")
    h = c._pagesize[1]
    c.drawString(40, h - 72, "OUTCOMES:")
    c.drawString(40, h - 88, "- Staff are supervised well.")
    page1 = [["ACTION", "PROGRESS", "TARGET DATE", "ACCOUNTABILITY", "MONITOR/EVALUATER"],
             ["1.1 Revise the policy", "Draft circulated", "May 2017", "Team Manager", "Head of Service"]]
    page1 += [["1.2 Train all managers\nin supervision", "Course booked for\nthe spring", "July 2017",
               "Training Lead", "Head of Service"]]
    _grid(c, 480, page1, open_bottom=True)  # runs to the page foot
    c.showPage()
    page2 = [["skills and reflection", "and a refresher\nin the autumn", "", "", ""],
             ["1.3 Audit supervision files", "Audit planned", "August 2017", "Quality Lead", "Head of Service"]]
    _grid(c, 40, page2, open_top=True)
    c.showPage()
    c.save()
    return path


def test_rows_after_an_unruled_page_break_stay_in_a_table(tmp_path):
    model = load_pdf(_split_plan(tmp_path / "split.pdf"))
    page2 = model.pages[1]
    assert len(page2.tables) == 1
    cells = [c.text for row in page2.tables[0].rows for c in row]
    assert "skills and reflection" in cells and "1.3 Audit supervision files" in cells
    assert not any("1.3" in line.text for line in page2.lines)
    # the row cut at the foot of page 1 has no rule under it either
    last = [c.text for c in model.pages[0].tables[-1].rows[-1]]
    assert last[0].startswith("1.2 Train all managers")


def test_split_plan_keeps_every_action_and_the_cut_row_whole(tmp_path):
    plan = extract_plan(load_pdf(_split_plan(tmp_path / "split.pdf")))
    actions = {a["id"]: a for rec in plan["recommendations"] for a in rec["actions"]}
    assert {"1.1", "1.2", "1.3"} <= set(actions)
    assert actions["1.2"]["text"] == "Train all managers in supervision skills and reflection"
    assert actions["1.2"]["updates"][0]["progress"] == "Course booked for the spring and a refresher in the autumn"
    assert actions["1.3"]["updates"][0]["target_date"]["text"] == "August 2017"


def test_closed_grid_gets_no_extra_rules(tmp_path):
    """A fully ruled table must be found from its own rules alone, as before."""
    path = tmp_path / "closed.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    _grid(c, 60, [["ACTION", "PROGRESS", "TARGET DATE", "ACCOUNTABILITY", "MONITOR"],
                  ["1.1 Do it", "Done", "May 2017", "Lead", "Head"]])
    c.showPage()
    c.save()
    with pdfplumber.open(str(path)) as pdf:
        assert _open_ends(pdf.pages[0].edges) == []
    (table,) = load_pdf(path).pages[0].tables
    assert [c.text for c in table.rows[1]] == ["1.1 Do it", "Done", "May 2017", "Lead", "Head"]


def _cell_by_cell(path):
    """A merged action cell over three progress rows, every cell's borders drawn on their own
    (as HTML engines draw them): the action column's side rule comes in one segment per row."""
    c = canvas.Canvas(str(path), pagesize=landscape(A4))
    h = c._pagesize[1]
    xs = [40]
    for w in WIDTHS:
        xs.append(xs[-1] + w)
    rows = [(60, 80), (80, 100), (100, 120), (120, 140)]  # header, then three progress rows
    texts = [["ACTION", "PROGRESS", "TARGET DATE", "ACCOUNTABILITY", "MONITOR"],
             ["", "Board set up", "March 2017", "Lead", "Head"],
             ["", "Reports monthly", "June 2017", "Lead", "Head"],
             ["", "Reviewed", "April 2017", "Lead", "Head"]]
    for r, (top, bottom) in enumerate(rows):
        for k in range(5):
            if r and k == 0:
                c.line(xs[0], h - top, xs[0], h - bottom)  # the merged cell's sides, segment by segment
                c.line(xs[1], h - top, xs[1], h - bottom)
                continue
            c.rect(xs[k], h - bottom, xs[k + 1] - xs[k], bottom - top)
            c.setFont("Helvetica", 8)
            c.drawString(xs[k] + 3, h - top - 12, texts[r][k])
    c.line(xs[0], h - 60, xs[1], h - 60)
    c.line(xs[0], h - 80, xs[1], h - 80)
    c.line(xs[0], h - 140, xs[1], h - 140)
    c.setFont("Helvetica", 8)
    c.drawString(43, h - 92, "1.5 Embed performance reports")
    c.drawString(43, h - 113, "at each level")  # the merged text runs past the first row's height
    c.showPage()
    c.save()
    return path


def test_merged_cell_drawn_in_segments_stays_one_cell(tmp_path):
    path = _cell_by_cell(tmp_path / "segments.pdf")
    with pdfplumber.open(str(path)) as pdf:
        assert _open_ends(pdf.pages[0].edges) == []
    plan = extract_plan(load_pdf(path))
    (action,) = [a for rec in plan["recommendations"] for a in rec["actions"]]
    assert action["id"] == "1.5" and action["text"] == "Embed performance reports at each level"
    assert [u["progress"] for u in action["updates"]] == ["Board set up", "Reports monthly", "Reviewed"]


def _pushed_down(path, whole=False):
    """Row 1.3 cut by the page break with its action text moved whole to page 2 (widow control);
    ``whole``: its progress note moved down too, the other cells stayed above."""
    c = _plan_canvas(path, "1. Learn from reviews.")
    head = ["ACTION", "PROGRESS", "TARGET DATE", "ACCOUNTABILITY", "MONITOR/EVALUATER"]
    page1 = [head,
             ["1.1 Hold learning sessions", "Sessions held", "May 2017", "Kate Dexter", "Rebecca Wilshire"],
             ["", "Second round planned.", "June 2017", "Kate Dexter", "Rebecca Wilshire"],
             ["", "All new learning will be\npresented at conference to", "July 2017", "Kate Dexter",
              "Rebecca Wilshire and"]]
    if whole:
        page1[-1] = ["", "", "July 2017", "Kate Dexter", "Rebecca Wilshire"]
    _grid(c, 460, page1, open_bottom=True)
    c.showPage()
    below = ["1.3 Ensure national learning\nis embedded", "ensure everyone hears it", "", "", "Bernadette Caffrey"]
    if whole:
        below = ["1.3 Ensure national learning\nis embedded", "All new learning presented\nat conference", "", "", ""]
    page2 = [head, below,
             ["", "Bi-monthly reviews with managers", "June 2017", "Kate Dexter", "Rebecca Wilshire"]]
    _grid(c, 40, page2)
    c.showPage()
    c.save()
    return path


def test_action_pushed_below_the_break_takes_its_row_back(tmp_path):
    plan = extract_plan(load_pdf(_pushed_down(tmp_path / "pushed.pdf")))
    actions = {a["id"]: a for rec in plan["recommendations"] for a in rec["actions"]}
    assert set(actions) == {"1.1", "1.3"}
    assert [u["progress"] for u in actions["1.1"]["updates"]] == ["Sessions held", "Second round planned."]
    first = actions["1.3"]["updates"][0]
    assert first["progress"] == "All new learning will be presented at conference to ensure everyone hears it"
    assert first["target_date"]["text"] == "July 2017"
    assert first["monitor_text"] == "Rebecca Wilshire and Bernadette Caffrey"
    assert len(actions["1.3"]["updates"]) == 2


def test_action_and_note_pushed_below_the_break_join_the_cells_left_above(tmp_path):
    plan = extract_plan(load_pdf(_pushed_down(tmp_path / "whole.pdf", whole=True)))
    actions = {a["id"]: a for rec in plan["recommendations"] for a in rec["actions"]}
    assert len(actions["1.1"]["updates"]) == 2
    first = actions["1.3"]["updates"][0]
    assert (first["progress"], first["target_date"]["text"], first["accountability_text"]) == (
        "All new learning presented at conference", "July 2017", "Kate Dexter")


# --- unruled tables: rows are found by word positions, so a merged cell's text can land in
# the next row band, and a cut row's cells at the top of a page in more than one band ---

HEAD = ["ACTION", "PROGRESS", "TARGET DATE", "ACCOUNTABILITY", "MONITOR/EVALUATER"]


def _unruled(page, rows):
    from plantrace.extract.model import Cell, Table

    cells = [[Cell(t, (40.0 + 100 * c, 50.0 + 20 * r, 130.0 + 100 * c, 65.0 + 20 * r), r, c)
              for c, t in enumerate(row)] for r, row in enumerate([HEAD, *rows])]
    return Table(page=page, bbox=(40.0, 50.0, 530.0, 70.0 + 20 * len(rows)), rows=cells, ruled=False)


def _read(*tables):
    from plantrace.extract.plan.actions import ActionTableReader, finish_action

    reader, out = ActionTableReader(), []
    for t in tables:
        assert reader.read(t, out.append)
    return {a["id"]: a for a in map(finish_action, out)}


def test_unruled_action_text_in_the_next_row_band_stays_with_its_action():
    actions = _read(_unruled(1, [
        ["2.2 Group supervision to offer critical challenge, direction", "Commenced", "May 2017", "Kate Dexter", "RW"],
        ["and support", "", "", "", ""],  # the merged cell's second paragraph, alone in its band
        ["", "Embedding in progress", "June 2017", "Kate Dexter", "RW"],
        ["2.3 Address issues with some foster", "Meet all carers", "May 2017", "Team Manager", "RW"],
        ["carers, where complaints are present", "Take carers to panel", "May 2017", "Team Manager", "RW"],
    ]))
    assert set(actions) == {"2.2", "2.3"}
    assert actions["2.2"]["text"] == "Group supervision to offer critical challenge, direction and support"
    assert [u["progress"] for u in actions["2.2"]["updates"]] == ["Commenced", "Embedding in progress"]
    assert actions["2.3"]["text"] == "Address issues with some foster carers, where complaints are present"
    assert [u["progress"] for u in actions["2.3"]["updates"]] == ["Meet all carers", "Take carers to panel"]


def test_unruled_cut_row_in_two_bands_at_the_page_top_is_one_update():
    actions = _read(
        _unruled(1, [["3.3 Run writing workshops", "Workshops set", "June 2017", "Kate Dexter", "Rebecca"]]),
        _unruled(2, [["", "up for all officers", "", "", "Wilshire"],
                     ["", "", "", "Darrell Griffin", ""],  # the names left a line lower
                     ["", "Training every six months", "June 2017", "Kate Dexter", "Rebecca Wilshire"]]))
    first, second = actions["3.3"]["updates"]
    assert first["progress"] == "Workshops set up for all officers"
    assert (first["accountability_text"], first["monitor_text"]) == ("Kate Dexter Darrell Griffin", "Rebecca Wilshire")
    assert second["progress"] == "Training every six months"


def test_header_row_cut_by_the_page_break_is_put_back_together():
    from plantrace.extract.model import Cell, Table

    def table(page, rows):
        return Table(page=page, bbox=(40.0, 50.0, 530.0, 90.0), rows=[
            [Cell(t, (40.0 + 100 * c, 50.0 + 20 * r, 130.0 + 100 * c, 65.0 + 20 * r), r, c) for c, t in enumerate(row)]
            for r, row in enumerate(rows)])

    actions = _read(
        table(1, [["ACTION", "PROGRESS", "TARGET", "ACCOUNTABIL", "MONITOR/"]]),  # alone at the page foot
        table(2, [["", "", "DATE", "ITY", "EVALUATER"],
                  ["7.1 Train members", "Training booked", "May 2017", "Rebecca Wilshire", "Tim O'Neill"]]))
    (update,) = actions["7.1"]["updates"]
    assert update["target_date"]["text"] == "May 2017"
    assert (update["accountability_text"], update["monitor_text"]) == ("Rebecca Wilshire", "Tim O'Neill")
