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

from extract.pdf import _open_ends, load_pdf
from extract.plan import extract_plan

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


def _split_plan(path):
    """One recommendation whose action table runs onto page 2 without its header, cutting row 1.2."""
    c = canvas.Canvas(str(path), pagesize=landscape(A4))
    h = c._pagesize[1]
    c.setFont("Helvetica-Bold", 10)
    c.drawString(40, h - 40, "RECOMMENDATION:")
    c.setFont("Helvetica", 10)
    c.drawString(40, h - 56, "1. Improve the quality of supervision.")
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
