"""Tables drawn with reportlab, each with the grid it was drawn from.

Every layout the table layer must read is drawn here once: fully ruled,
ruled only under the header and above the total, unruled with rows set solid
(a little over one and a half points between lines, a few wider section gaps),
unruled with spaced rows and wrapped cells, two columns, merged cells in both
directions under a two-level header, and a chart's gridlines beside a table.
The grid each is drawn from is its gold: ``generated(dir)`` writes the PDFs and
returns ``[(pdf, page, [grid, ...])]``, a grid being ``[{row, col, rowspan,
colspan, text}]``.
"""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

FONT, BOLD = "Helvetica", "Helvetica-Bold"


def _cells(rows):
    return [{"row": r, "col": c, "rowspan": 1, "colspan": 1, "text": t}
            for r, row in enumerate(rows) for c, t in enumerate(row) if t]


class _Page:
    def __init__(self, path, size=landscape(A4)):
        self.c = canvas.Canvas(str(path), pagesize=size)
        self.h = size[1]

    def text(self, x, top, s, bold=False, size=9, right=False):
        self.c.setFont(BOLD if bold else FONT, size)
        (self.c.drawRightString if right else self.c.drawString)(x, self.h - top, s)

    def hline(self, x0, x1, top, width=0.6):
        self.c.setLineWidth(width)
        self.c.line(x0, self.h - top, x1, self.h - top)

    def vline(self, x, top, bottom, width=0.6):
        self.c.setLineWidth(width)
        self.c.line(x, self.h - top, x, self.h - bottom)

    def save(self):
        self.c.showPage()
        self.c.save()


SERVICES = ["Adult social care", "Children's services", "Highways and transport", "Waste management",
            "Libraries and archives", "Public health", "Trading standards", "Fire and rescue",
            "Planning and building control", "Economic development", "Housing support", "Coroners"]


def ruled(path):
    """A fully ruled grid with wrapped cells."""
    p = _Page(path)
    p.text(40, 40, "Table 1: Service budgets 2025-26", bold=True, size=12)
    head = ["Service", "Budget £m", "Change %", "Lead officer", "Comment"]
    rows = [head] + [[s, f"{10 + 3.5 * i:.1f}", f"{(i % 5) - 2}.0", f"Officer {chr(65 + i)}",
                      "On track" if i % 3 else "Savings at risk\nreview in May"] for i, s in enumerate(SERVICES[:8])]
    xs = [40, 230, 310, 390, 520, 760]
    top = 60
    p.hline(xs[0], xs[-1], top)
    for r, row in enumerate(rows):
        n = max(len(t.split("\n")) for t in row)
        for c, t in enumerate(row):
            for k, part in enumerate(t.split("\n")):
                p.text(xs[c] + 4, top + 12 + 11 * k, part, bold=r == 0)
        bottom = top + 11 * n + 6
        for x in xs:
            p.vline(x, top, bottom)
        p.hline(xs[0], xs[-1], bottom)
        top = bottom
    p.save()
    return [_cells(rows)]


def partly_ruled(path):
    """A frame with rules only under the header and above the total; columns set apart by white space."""
    p = _Page(path)
    p.text(40, 40, "Capital programme by year", bold=True, size=12)
    head = ["Scheme", "2025-26", "2026-27", "2027-28", "Total"]
    body = [[s, f"{5 + i}.{i}", f"{7 + i}.{2 * i % 10}", f"{3 + i}.5", f"{15 + 3 * i}.{(3 * i) % 10}"]
            for i, s in enumerate(SERVICES[:9])]
    total = ["Total", "99.9", "110.0", "76.5", "286.4"]
    rows = [head] + body + [total]
    xs = [44, 280, 370, 460, 530]
    top = 60
    p.hline(40, 620, top)
    y = top + 14
    for r, row in enumerate(rows):
        if r == len(rows) - 1:
            p.hline(40, 620, y - 10)
            y += 4
        for c, t in enumerate(row):
            if c == 0:
                p.text(xs[c], y, t, bold=r in (0, len(rows) - 1))
            else:
                p.text(xs[c] + 60, y, t, bold=r in (0, len(rows) - 1), right=True)
        if r == 0:
            p.hline(40, 620, y + 5)
            y += 6
        y += 14
    p.vline(40, top, y - 8)
    p.vline(620, top, y - 8)
    p.hline(40, 620, y - 8)
    p.save()
    return [_cells(rows)]


def solid(path):
    """Unruled, rows set solid: 10 pt leading on 8 pt type, a 5 pt gap before each section."""
    p = _Page(path, A4)
    p.text(40, 40, "Performance indicators", bold=True, size=12)
    head = ["Ref", "Indicator", "Target", "Actual", "Rating"]
    xs = [40, 80, 330, 400, 470]
    rows = [head]
    y = 64
    for k, t in enumerate(head):
        p.text(xs[k], y, t, bold=True, size=8)
    y += 12
    n = 0
    for section in range(3):
        y += 5
        for i in range(10):
            n += 1
            name = SERVICES[(n * 7) % len(SERVICES)]
            wrap = n % 6 == 0
            ind = [f"{name}: share of requests", "answered within ten working days"] if wrap else \
                [f"{name} cases closed"]
            row = [f"{section + 1}.{i + 1}", "\n".join(ind), f"{60 + n}%", f"{55 + (n * 3) % 30}%",
                   ["G", "A", "R"][n % 3]]
            for k, t in enumerate(row):
                for m, part in enumerate(t.split("\n")):
                    p.text(xs[k], y + 10 * m, part, size=8)
            y += 10 * len(ind)
            rows.append(row)
    p.save()
    return [_cells(rows)]


def spaced(path):
    """Unruled, spaced rows, long texts wrapped in two columns."""
    p = _Page(path)
    head = ["Action", "Owner", "Due", "Progress"]
    xs = [40, 330, 450, 520]
    texts = [
        ("Review the home to school transport policy\nand consult on the changes", "Head of Transport",
         "Mar 2025", "Consultation closed in\nJanuary; report to Cabinet"),
        ("Publish the annual carers' strategy", "Director of Care", "Apr 2025", "Draft written"),
        ("Replace street lighting columns on the\nprimary network\nand retrofit LED lanterns", "Highways Manager",
         "Sep 2025", "Contract let"),
        ("Open two new household waste sites", "Waste Lead", "2026", "Sites chosen;\nplanning submitted"),
        ("Extend the library opening hours pilot", "Libraries Manager", "Jun 2025", "Pilot running"),
    ]
    y = 50
    for k, t in enumerate(head):
        p.text(xs[k], y, t, bold=True)
    y += 22
    rows = [head]
    for row in texts:
        n = max(len(t.split("\n")) for t in row)
        for k, t in enumerate(row):
            for m, part in enumerate(t.split("\n")):
                p.text(xs[k], y + 11 * m, part)
        y += 11 * n + 12
        rows.append(list(row))
    p.text(40, y + 20, "Progress is reported to the committee each quarter, and actions that are not on track are", size=9)
    p.text(40, y + 31, "escalated to the lead member with a recovery plan for the following quarter.", size=9)
    p.save()
    return [_cells(rows)]


def two_columns(path):
    """A two-column unruled table of terms beside values, under a paragraph."""
    p = _Page(path, A4)
    p.text(40, 40, "The report was considered by the committee at its meeting, which noted the figures", size=10)
    p.text(40, 53, "below and asked for an update at its next meeting.", size=10)
    pairs = [("Meeting", "Cabinet"), ("Date", "4 March 2025"), ("Decision number", "25/00012"),
             ("Key decision", "Yes"), ("Portfolio", "Finance and Resources"), ("Report author", "Head of Finance"),
             ("Wards affected", "All")]
    y = 80
    for a, b in pairs:
        p.text(40, y, a, bold=True, size=10)
        p.text(200, y, b, size=10)
        y += 16
    p.save()
    return [_cells([list(x) for x in pairs])]


def merged(path):
    """Ruled, a two-level header (a heading over two columns) and a cell merged down two rows."""
    p = _Page(path)
    xs = [40, 200, 300, 400, 500, 600]
    ys = [60, 78, 96, 114, 132, 150, 168]
    for y in ys:
        pass
    H = p.hline
    V = p.vline
    # frame and rules
    H(xs[0], xs[-1], ys[0])
    H(xs[2], xs[4], ys[1])       # under the spanning heading only
    H(xs[0], xs[-1], ys[2])
    H(xs[1], xs[-1], ys[3])      # not under the merged cell
    H(xs[0], xs[-1], ys[4])
    H(xs[0], xs[-1], ys[5])
    H(xs[0], xs[-1], ys[6])
    for x in (xs[0], xs[1], xs[2], xs[4], xs[5]):
        V(x, ys[0], ys[6])
    V(xs[3], ys[1], ys[6])
    t = p.text
    t(xs[0] + 4, ys[0] + 22, "Directorate", bold=True)
    t(xs[1] + 4, ys[0] + 22, "Service", bold=True)
    t(xs[2] + 4, ys[0] + 13, "Spend £m", bold=True)
    t(xs[2] + 4, ys[1] + 13, "Budget", bold=True)
    t(xs[3] + 4, ys[1] + 13, "Forecast", bold=True)
    t(xs[4] + 4, ys[0] + 22, "Variance", bold=True)
    data = [["Adults", "Care homes", "120.0", "125.5", "5.5"],
            [None, "Home care", "80.0", "78.0", "-2.0"],
            ["Children", "Fostering", "45.0", "47.0", "2.0"],
            ["Transport", "Highways", "60.0", "60.0", "0.0"]]
    for r, row in enumerate(data):
        for c, v in enumerate(row):
            if v:
                t(xs[c] + 4, ys[r + 2] + 13 + (9 if (r, c) == (0, 0) else 0), v)
    p.save()
    cells = [{"row": 0, "col": 0, "rowspan": 2, "colspan": 1, "text": "Directorate"},
             {"row": 0, "col": 1, "rowspan": 2, "colspan": 1, "text": "Service"},
             {"row": 0, "col": 2, "rowspan": 1, "colspan": 2, "text": "Spend £m"},
             {"row": 0, "col": 4, "rowspan": 2, "colspan": 1, "text": "Variance"},
             {"row": 1, "col": 2, "rowspan": 1, "colspan": 1, "text": "Budget"},
             {"row": 1, "col": 3, "rowspan": 1, "colspan": 1, "text": "Forecast"},
             {"row": 2, "col": 0, "rowspan": 2, "colspan": 1, "text": "Adults"}]
    for r, row in enumerate(data):
        for c, v in enumerate(row):
            if v and (r, c) != (0, 0):
                cells.append({"row": r + 2, "col": c, "rowspan": 1, "colspan": 1, "text": v})
    return [cells]


def chart_beside_table(path):
    """A bar chart's gridlines and axis labels, and an unruled table beside it."""
    p = _Page(path)
    p.text(40, 40, "Quarterly complaints", bold=True, size=12)
    for k in range(6):  # gridlines
        p.hline(40, 360, 80 + 30 * k, 0.3)
        p.text(20, 83 + 30 * k, str(50 - 10 * k), size=7)
    for k in range(4):
        p.vline(60 + 80 * k, 80, 230, 0.3)
        p.c.rect(70 + 80 * k, p.h - 230, 30, 20 + 25 * k, fill=1)
        p.text(70 + 80 * k, 242, f"Q{k + 1}", size=7)
    head = ["Quarter", "Received", "Upheld"]
    rows = [head] + [[f"Q{k + 1}", str(20 + 7 * k), str(3 + k)] for k in range(4)]
    y = 90
    for row in rows:
        for c, v in enumerate(row):
            p.text(430 + 90 * c, y, v, bold=row is head)
        y += 15
    p.save()
    return [_cells(rows)]


def cut_by_page_break(path):
    """A ruled table running over two pages, its header repeated on the second."""
    c = canvas.Canvas(str(path), pagesize=A4)
    h = A4[1]
    head = ["Ref", "Action", "Owner", "Status"]
    body = [[f"{k + 1}", f"Action number {k + 1} of the plan", f"Officer {chr(65 + k % 26)}",
             ["Complete", "On track", "Delayed"][k % 3]] for k in range(60)]
    xs = [40, 80, 330, 450, 550]
    pages = {1: [head], 2: [head]}
    k = 0
    for page in (1, 2):
        top = 60
        rows = [head]
        while k < len(body) and top < h - 90:
            rows.append(body[k])
            pages[page].append(body[k])
            k += 1
            top += 18
        top = 60
        c.setLineWidth(0.6)
        for r, row in enumerate(rows):
            c.line(xs[0], h - top, xs[-1], h - top)
            for i, t in enumerate(row):
                c.setFont(BOLD if r == 0 else FONT, 9)
                c.drawString(xs[i] + 4, h - top - 12, t)
            for x in xs:
                c.line(x, h - top, x, h - top - 18)
            top += 18
        c.line(xs[0], h - top, xs[-1], h - top)
        c.setFont(FONT, 8)
        c.drawString(290, 30, str(page))
        c.showPage()
    c.save()
    return {p: [_cells(rows)] for p, rows in pages.items()}


BUILDERS = [ruled, partly_ruled, solid, spaced, two_columns, merged, chart_beside_table, cut_by_page_break]


def generated(out: Path) -> list[tuple[Path, int, list]]:
    """Draw every builder's PDF into ``out``: [(pdf, page, grids on that page)]."""
    return drawn(out, BUILDERS)


def drawn(out: Path, builders) -> list[tuple[Path, int, list]]:
    """Draw each of ``builders``' PDFs into ``out``: [(pdf, page, grids on that page)]."""
    out.mkdir(parents=True, exist_ok=True)
    items = []
    for build in builders:
        path = out / f"{build.__name__}.pdf"
        grids = build(path)
        for page, page_grids in (grids.items() if isinstance(grids, dict) else [(1, grids)]):
            items.append((path, page, page_grids))
    return items
