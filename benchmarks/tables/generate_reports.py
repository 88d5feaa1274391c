"""Report-style tables drawn with reportlab, each with the grid it was drawn from.

``generate.py`` draws the layouts of council packs; these are the tables of
statistical releases, budget books, financial statements and survey reports,
the style public table benchmarks are made of: booktabs rules (top, under the
header, bottom) or none, two-level headers with a heading spanning a group of
columns, indented row labels, section rows and sub-totals, figures set flush
right, footnote markers, rows set solid, tables beside prose or in one column
of a two-column page, a table split over two pages without its header, and the
false friends beside them (a chart with gridlines, a contents page with dot
leaders, a numbered list, two columns of running text).

The grid each is drawn from is its gold, and a page drawn with no table has
none. ``generated(dir)`` returns ``[(pdf, page, [grid, ...])]`` as
``generate.generated`` does.
"""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from generate import drawn  # the benchmark folder is on the path of whoever imports this

FONT, BOLD = "Helvetica", "Helvetica-Bold"

PROSE = (
    "The figures in this release are drawn from the quarterly returns made by each authority and are "
    "revised when late returns arrive. Totals may not sum because of rounding. Comparisons between "
    "years should take account of the change in the method of collection introduced in April, which "
    "brought a small number of cases into scope that were previously reported separately. Figures for "
    "the latest quarter are provisional and will be confirmed in the annual statistics published in "
    "the autumn, together with a short note on data quality and the response rate for each region."
)


class Page:
    """One page, positions measured from the top-left corner as the table layer measures them."""

    def __init__(self, path, size=A4):
        self.c = canvas.Canvas(str(path), pagesize=size)
        self.w, self.h = size
        self.path = path

    def text(self, x, top, s, bold=False, size=8.0, right=False, centre=False):
        self.c.setFont(BOLD if bold else FONT, size)
        if right:
            self.c.drawRightString(x, self.h - top, s)
        elif centre:
            self.c.drawCentredString(x, self.h - top, s)
        else:
            self.c.drawString(x, self.h - top, s)

    def rule(self, x0, x1, top, width=0.5):
        self.c.setLineWidth(width)
        self.c.line(x0, self.h - top, x1, self.h - top)

    def para(self, x, top, width, text=PROSE, size=9.0, leading=11.5, lines=None) -> float:
        """Running text wrapped to ``width``; returns the top of the next line."""
        words, line, n = text.split(), "", 0
        for w in words:
            trial = f"{line} {w}".strip()
            if stringWidth(trial, FONT, size) > width and line:
                self.text(x, top, line, size=size)
                top += leading
                n += 1
                line = w
                if lines and n >= lines:
                    return top
            else:
                line = trial
        if line:
            self.text(x, top, line, size=size)
            top += leading
        return top

    def new_page(self):
        self.c.showPage()

    def save(self):
        self.c.showPage()
        self.c.save()


def cell(r, c, text, rowspan=1, colspan=1):
    return {"row": r, "col": c, "rowspan": rowspan, "colspan": colspan, "text": text}


def body_cells(rows, first_row=0):
    return [cell(first_row + r, c, t) for r, row in enumerate(rows) for c, t in enumerate(row) if t]


def draw_rows(p, rows, label_x, rights, top, leading, size=8.0, bold_rows=(), indents=None,
              gaps=None) -> float:
    """Body rows: the label at ``label_x`` (plus its indent), figures flush right at ``rights``."""
    for r, row in enumerate(rows):
        top += (gaps or {}).get(r, 0.0)
        bold = r in bold_rows
        p.text(label_x + (indents[r] if indents else 0), top, row[0], bold=bold, size=size)
        for x, v in zip(rights, row[1:]):
            if v:
                p.text(x, top, v, bold=bold, size=size, right=True)
        top += leading
    return top


# --- pages -------------------------------------------------------------------------------

REGIONS = [("England", 0), ("North East", 1), ("North West", 1), ("Yorkshire and The Humber", 1),
           ("East Midlands", 1), ("West Midlands", 1), ("East of England", 1), ("London", 1),
           ("Inner London", 2), ("Outer London", 2), ("South East", 1), ("South West", 1)]


def stats_release(path):
    """A statistical release: prose, a caption, a booktabs table with a two-level header, notes, prose."""
    p = Page(path)
    p.text(50, 50, "Statutory homelessness in England: April to June 2025", bold=True, size=13)
    top = p.para(50, 75, 495, lines=4)
    p.text(50, top + 12, "Table 2: Households in temporary accommodation by region, 30 June", bold=True, size=9)
    x0, x1 = 50, 545
    top += 22
    p.rule(x0, x1, top)
    groups = [("2024", 300, 390), ("2025", 410, 500)]
    for g, a, b in groups:
        p.text((a + b) / 2, top + 11, g, bold=True, size=8, centre=True)
        p.rule(a, b, top + 15, 0.3)
    rights = [340, 390, 450, 500, 545]
    sub = ["Number", "Rate¹", "Number", "Rate¹", "Change %"]
    p.text(x0, top + 26, "Region", bold=True, size=8)
    for x, t in zip(rights, sub):
        p.text(x, top + 26, t, bold=True, size=8, right=True)
    top += 31
    p.rule(x0, x1, top, 0.3)
    rows = []
    for i, (name, level) in enumerate(REGIONS):
        a, b = 3000 + 977 * ((i * 7) % 11), 3100 + 1013 * ((i * 5) % 11)
        if i == 0:
            a, b = 112_660, 126_040
        rows.append([name, f"{a:,}", f"{a / 2100:.1f}", f"{b:,}", f"{b / 2100:.1f}", f"{100 * (b - a) / a:.1f}"])
    end = draw_rows(p, rows, x0, rights, top + 11, 11.0, bold_rows={0},
                    indents=[8 * lv for _, lv in REGIONS])
    p.rule(x0, x1, end - 7)
    p.text(x0, end + 5, "1. Households in temporary accommodation per 1,000 households.", size=7)
    p.text(x0, end + 14, "Source: quarterly statutory homelessness returns.", size=7)
    p.para(50, end + 40, 495, lines=3)
    p.save()
    head = [cell(0, 1, "2024", colspan=2), cell(0, 3, "2025", colspan=2),
            cell(1, 0, "Region")] + [cell(1, c + 1, t) for c, t in enumerate(sub)]
    return [head + body_cells(rows, 2)]


BUDGET = [
    ("Adults and health", [("Older people residential care", 1), ("Home care", 1), ("Learning disability support", 1),
                           ("Mental health services", 1), ("Public health grant", 1)]),
    ("Children and families", [("Children in care placements", 1), ("Fostering and adoption", 1),
                               ("Special educational needs transport", 1), ("Early help", 1)]),
    ("Place", [("Highways maintenance", 1), ("Waste collection and disposal", 1), ("Street lighting energy", 1),
               ("Parks and open spaces", 1), ("Planning and building control", 1), ("Concessionary fares", 1)]),
    ("Corporate", [("Finance and audit", 1), ("Legal and democratic services", 1), ("Information technology", 1),
                   ("Capital financing", 1)]),
]


def _money(v):
    return f"({-v:,})" if v < 0 else f"{v:,}"


def budget_summary(path):
    """A budget book summary set solid (a 1.6 pt gap between lines), sections, sub-totals, a grand total."""
    p = Page(path, landscape(A4))
    p.text(40, 40, "Revenue budget 2025-26: summary by service", bold=True, size=12)
    x0, x1 = 40, 700
    rights = [430, 500, 570, 640, 700]
    head = ["Service", "2024-25\nbudget £000", "Pressures\n£000", "Savings\n£000", "2025-26\nbudget £000", "Change\n%"]
    top = 58
    p.rule(x0, x1, top)
    p.text(x0, top + 19, head[0], bold=True, size=7.5)
    for x, t in zip(rights, head[1:]):
        for k, part in enumerate(t.split("\n")):
            p.text(x, top + 10 + 9 * k, part, bold=True, size=7.5, right=True)
    top += 23
    p.rule(x0, x1, top, 0.3)
    top += 9
    rows, bold, indents, gaps = [], set(), [], {}
    grand = [0, 0, 0, 0]
    n = 0
    for name, lines in BUDGET:
        if rows:
            gaps[len(rows)] = 5.0
        bold.add(len(rows))
        rows.append([name, "", "", "", "", ""])
        indents.append(0)
        sub = [0, 0, 0, 0]
        for label, lv in lines:
            n += 1
            base = 4000 + 1731 * ((n * 7) % 13)
            pres = 120 + 37 * ((n * 3) % 11)
            sav = -(50 + 29 * ((n * 5) % 7))
            new = base + pres + sav
            rows.append([label, _money(base), _money(pres), _money(sav), _money(new),
                         f"{100 * (new - base) / base:.1f}"])
            indents.append(8 * lv)
            sub = [a + b for a, b in zip(sub, [base, pres, sav, new])]
        bold.add(len(rows))
        rows.append([f"Total {name.lower()}"] + [_money(v) for v in sub] + [f"{100 * (sub[3] - sub[0]) / sub[0]:.1f}"])
        indents.append(0)
        grand = [a + b for a, b in zip(grand, sub)]
    gaps[len(rows)] = 5.0
    bold.add(len(rows))
    rows.append(["Net budget requirement"] + [_money(v) for v in grand]
                + [f"{100 * (grand[3] - grand[0]) / grand[0]:.1f}"])
    indents.append(0)
    end = draw_rows(p, rows, x0, rights, top, 9.6, size=8, bold_rows=bold, indents=indents, gaps=gaps)
    p.rule(x0, x1, end - 6.5)
    p.save()
    return [body_cells([head]) + body_cells(rows, 1)]


def financial_statement(path):
    """An income statement: unruled, a note column, short rules over the totals, a wrapped label."""
    p = Page(path)
    p.text(50, 50, "Comprehensive income and expenditure statement", bold=True, size=12)
    p.text(50, 66, "for the year ended 31 March 2025", size=9)
    rights = [380, 460, 540]
    top = 100
    p.text(360, top, "Note", bold=True, size=8.5)
    p.text(460, top, "2025", bold=True, size=8.5, right=True)
    p.text(540, top, "2024", bold=True, size=8.5, right=True)
    p.text(460, top + 11, "£000", bold=True, size=8.5, right=True)
    p.text(540, top + 11, "£000", bold=True, size=8.5, right=True)
    lines = [
        ("Income", "", "", "", 0, True),
        ("Council tax", "9", "412,310", "389,004", 1, False),
        ("Business rates", "10", "98,442", "95,115", 1, False),
        ("Government grants", "11", "201,978", "187,330", 1, False),
        ("Fees and charges", "", "44,210", "41,872", 1, False),
        ("Total income", "", "756,940", "713,321", 0, True),
        ("Expenditure", "", "", "", 0, True),
        ("Employee costs", "12", "(301,558)", "(288,417)", 1, False),
        ("Premises and transport", "", "(88,004)", "(84,226)", 1, False),
        ("Depreciation, amortisation and\nimpairment of non-current assets", "14", "(61,377)", "(58,902)", 1, False),
        ("Supplies and services", "", "(214,660)", "(201,118)", 1, False),
        ("Interest payable", "15", "(18,240)", "(17,006)", 1, False),
        ("Total expenditure", "", "(683,839)", "(649,669)", 0, True),
        ("Surplus on provision of services", "", "73,101", "63,652", 0, True),
    ]
    top += 30
    rows = []
    for label, note, a, b, lv, bold in lines:
        if label.startswith("Total") or label.startswith("Surplus"):
            for x in rights[1:]:
                p.rule(x - 50, x, top - 9, 0.4)
            top += 2
        parts = label.split("\n")
        for k, part in enumerate(parts):
            p.text(50 + 10 * lv, top + 11 * k, part, bold=bold, size=8.5)
        if note:
            p.text(rights[0] - 12, top, note, size=8.5, right=True)
        p.text(rights[1], top + 11 * (len(parts) - 1), a, bold=bold, size=8.5, right=True)
        p.text(rights[2], top + 11 * (len(parts) - 1), b, bold=bold, size=8.5, right=True)
        top += 11 * len(parts) + 4
        rows.append([label, note, a, b])
    p.save()
    head = [cell(0, 1, "Note"), cell(0, 2, "2025\n£000"), cell(0, 3, "2024\n£000")]
    return [head + body_cells(rows, 1)]


def survey_results(path):
    """Survey results between paragraphs: headers wrapped over two lines, percentages flush right."""
    p = Page(path)
    p.text(50, 50, "Residents' survey 2025: satisfaction with local services", bold=True, size=12)
    top = p.para(50, 75, 495, lines=5, size=9.5, leading=12.5)
    top += 8
    x0, x1 = 50, 545
    rights = [300, 350, 400, 450, 500, 545]
    head1 = ["", "Very", "Fairly", "Neither", "Fairly", "Very", "Base"]
    head2 = ["Service", "satisfied", "satisfied", "", "dissatisfied", "dissatisfied", "(n)"]
    p.rule(x0, x1, top)
    for k, hd in enumerate((head1, head2)):
        for c, t in enumerate(hd):
            if not t:
                continue
            if c == 0:
                p.text(x0, top + 11 + 10 * k, t, bold=True, size=8)
            else:
                p.text(rights[c - 1], top + 11 + 10 * k, t, bold=True, size=8, right=True)
    top += 26
    p.rule(x0, x1, top, 0.3)
    services = ["Refuse collection", "Recycling", "Street cleaning", "Parks and green spaces",
                "Libraries", "Road and pavement repairs", "Public transport", "Sport and leisure",
                "Adult social care", "Council tax collection"]
    rows = []
    for i, s in enumerate(services):
        v = [(i * 7 + 11) % 30 + 10, (i * 5 + 20) % 25 + 20, (i * 3) % 15 + 5]
        v.append((i * 11) % 12 + 2)
        v.append(100 - sum(v))
        rows.append([s] + [f"{x}%" for x in v] + [f"{1200 + 37 * i:,}"])
    end = draw_rows(p, rows, x0, rights, top + 12, 13.0, size=8.5)
    p.rule(x0, x1, end - 8)
    p.text(x0, end + 4, "Percentages may not sum to 100 because of rounding.", size=7)
    p.para(50, end + 28, 495, lines=4, size=9.5, leading=12.5)
    p.save()
    header = [cell(0, c, (a + "\n" + b).strip()) for c, (a, b) in enumerate(zip(head1, head2))]
    return [header + body_cells(rows, 1)]


def two_column_page(path):
    """A two-column page: running text in both columns, a small booktabs table in the left one."""
    p = Page(path)
    p.text(50, 50, "Annual report 2024-25", bold=True, size=14)
    left, right, width = 50, 310, 235
    top = p.para(left, 80, width, size=9, leading=11.5)
    top += 10
    p.text(left, top, "Table 1: Staff in post", bold=True, size=8.5)
    top += 8
    p.rule(left, left + width, top)
    rights = [left + 125, left + 175, left + width]
    head = ["Directorate", "FTE", "Headcount", "Vacancy %"]
    p.text(left, top + 10, head[0], bold=True, size=8)
    for x, t in zip(rights, head[1:]):
        p.text(x, top + 10, t, bold=True, size=8, right=True)
    top += 14
    p.rule(left, left + width, top, 0.3)
    rows = [["Adult services", "1,204.5", "1,411", "8.2"], ["Children's services", "987.0", "1,102", "11.4"],
            ["Place", "642.8", "688", "6.9"], ["Resources", "455.1", "503", "5.1"],
            ["Public health", "88.6", "95", "3.0"], ["Total", "3,378.0", "3,799", "8.0"]]
    end = draw_rows(p, rows, left, rights, top + 10, 11.0, bold_rows={5})
    p.rule(left, left + width, end - 7)
    p.para(left, end + 12, width, size=9, leading=11.5)
    top = p.para(right, 80, width, size=9, leading=11.5)
    top = p.para(right, top + 10, width, size=9, leading=11.5)
    p.para(right, top + 10, width, size=9, leading=11.5)
    p.save()
    return [body_cells([head] + rows)]


def chart_with_table(path):
    """A bar chart with gridlines, axis labels and values on the bars, and its data in a table below."""
    p = Page(path)
    p.text(50, 50, "Figure 3: Recorded crime by quarter", bold=True, size=11)
    base, left, right = 260, 90, 520
    for k in range(6):
        y = base - 36 * k
        p.rule(left, right, y, 0.25)
        p.text(left - 6, y + 3, f"{2000 * k:,}", size=7, right=True)
    values = [6200, 7100, 6800, 8300, 7600, 5900]
    quarters = ["Q1 2024", "Q2 2024", "Q3 2024", "Q4 2024", "Q1 2025", "Q2 2025"]
    for i, (q, v) in enumerate(zip(quarters, values)):
        x = left + 20 + 70 * i
        h = v / 2000 * 36
        p.c.setFillGray(0.5)
        p.c.rect(x, p.h - base, 36, h, fill=1, stroke=0)
        p.c.setFillGray(0)
        p.text(x + 18, base - h - 4, f"{v:,}", size=7, centre=True)
        p.text(x + 18, base + 12, q, size=7, centre=True)
    p.text(50, 310, "Table 3: Recorded crime by type and quarter", bold=True, size=9)
    head = ["Offence type"] + quarters
    rights = [250 + 50 * i for i in range(6)]
    top = 328
    p.text(50, top, head[0], bold=True, size=8)
    for x, t in zip(rights, quarters):
        p.text(x, top, t, bold=True, size=8, right=True)
    types = ["Violence against the person", "Theft offences", "Criminal damage and arson", "Drug offences",
             "Public order offences", "All recorded crime"]
    rows = [[t] + [f"{(values[i] * (k + 2)) // 11:,}" for i in range(6)] for k, t in enumerate(types)]
    rows[-1] = ["All recorded crime"] + [f"{v:,}" for v in values]
    draw_rows(p, rows, 50, rights, top + 14, 12.0, bold_rows={5})
    p.save()
    return [body_cells([head] + rows)]


def contents_page(path):
    """A contents page with dot leaders: not a table."""
    p = Page(path)
    p.text(50, 60, "Contents", bold=True, size=16)
    entries = ["Foreword", "Summary of key findings", "Introduction", "Population and households",
               "Economy and employment", "Housing", "Health and wellbeing", "Education and skills",
               "Crime and community safety", "Environment", "Transport", "Technical annex",
               "Glossary of terms"]
    top = 95
    for i, e in enumerate(entries):
        label = f"{i + 1}  {e}" if 1 < i < 12 else e
        page = str(3 + 4 * i)
        lw = stringWidth(label, FONT, 10)
        pw = stringWidth(page, FONT, 10)
        dots = "." * int((495 - lw - pw - 12) / stringWidth(".", FONT, 10))
        p.text(50, top, label, size=10)
        p.text(50 + lw + 6, top, dots, size=10)
        p.text(545, top, page, size=10, right=True)
        top += 20
    p.save()
    return []


def numbered_list(path):
    """Recommendations as a numbered list with hanging indents, then a small table of targets."""
    p = Page(path)
    p.text(50, 50, "Recommendations", bold=True, size=12)
    items = ["The council should publish its temporary accommodation figures each quarter, with the number of "
             "families placed outside the district and the length of their stay.",
             "Officers should report on the cost of nightly paid accommodation against the budget at each meeting "
             "of the committee.",
             "The housing service should agree a protocol with neighbouring councils on placements made across "
             "borders, and report back within six months.",
             "The committee should review progress against the targets below in March."]
    top = 75
    for i, it in enumerate(items):
        p.text(50, top, f"{i + 1}.", size=9.5)
        top = p.para(68, top, 470, it, size=9.5, leading=12) + 6
    top += 10
    head = ["Measure", "Baseline", "Target", "Due"]
    xs = [50, 300, 380, 460]
    p.rule(50, 545, top)
    for x, t in zip(xs, head):
        p.text(x, top + 11, t, bold=True, size=8.5)
    p.rule(50, 545, top + 15, 0.3)
    rows = [["Families in bed and breakfast over six weeks", "14", "0", "Mar 2026"],
            ["Households placed out of district", "212", "150", "Mar 2026"],
            ["Average stay in temporary accommodation (weeks)", "38", "30", "Sep 2026"],
            ["Homelessness prevented (share of cases)", "52%", "60%", "Mar 2026"]]
    top += 27
    for row in rows:
        for x, t in zip(xs, row):
            p.text(x, top, t, size=8.5)
        top += 12
    p.rule(50, 545, top - 7)
    p.save()
    return [body_cells([head] + rows)]


def split_table(path):
    """A booktabs table running onto a second page, which has a caption but no repeated header."""
    p = Page(path)
    p.text(50, 50, "Table 4: Schools by local authority, January 2025", bold=True, size=10)
    head = ["Local authority", "Primary", "Secondary", "Special", "Pupils", "FSM %"]
    rights = [300, 360, 420, 480, 545]
    names = [f"{a} {b}" for a in ("North", "South", "East", "West", "Central", "Upper", "Lower")
             for b in ("Vale", "Downs", "Moor", "Forest", "Marsh", "Weald", "Coast", "Heath", "Wolds", "Fen")]
    rows = [[n, str(40 + (i * 7) % 60), str(6 + (i * 3) % 12), str(1 + i % 5), f"{21000 + 733 * i:,}",
             f"{12 + (i * 13) % 20}.{i % 10}"] for i, n in enumerate(names)]
    top = 62
    p.rule(50, 545, top)
    p.text(50, top + 10, head[0], bold=True, size=8)
    for x, t in zip(rights, head[1:]):
        p.text(x, top + 10, t, bold=True, size=8, right=True)
    p.rule(50, 545, top + 14, 0.3)
    per_page = 62
    end = draw_rows(p, rows[:per_page], 50, rights, top + 24, 11.5)
    p.text(297, end + 40, "12", size=8, centre=True)
    p.new_page()
    p.text(50, 50, "Table 4 (continued)", bold=True, size=10)
    end = draw_rows(p, rows[per_page:], 50, rights, 70, 11.5)
    p.rule(50, 545, end - 7)
    p.text(50, end + 5, "FSM: pupils known to be eligible for free school meals.", size=7)
    p.text(297, 810, "13", size=8, centre=True)
    p.save()
    return {1: [body_cells([head] + rows[:per_page])], 2: [body_cells(rows[per_page:])]}


def wide_solid(path):
    """A landscape labour-market table: three column groups over three years each, rows set solid."""
    p = Page(path, landscape(A4))
    p.text(40, 40, "Table 6: Employment rate (%) by age group and sex", bold=True, size=11)
    groups = ["Men", "Women", "All people"]
    years = ["2022", "2023", "2024"]
    x0, x1 = 40, 800
    rights = [250 + 60 * k for k in range(9)]
    top = 56
    p.rule(x0, x1, top)
    for g, grp in enumerate(groups):
        a, b = rights[3 * g] - 45, rights[3 * g + 2]
        p.text((a + b) / 2, top + 10, grp, bold=True, size=7.5, centre=True)
        p.rule(a, b, top + 13, 0.3)
    p.text(x0, top + 22, "Age group", bold=True, size=7.5)
    for k, x in enumerate(rights):
        p.text(x, top + 22, years[k % 3], bold=True, size=7.5, right=True)
    top += 26
    p.rule(x0, x1, top, 0.3)
    ages = [("16 and over", 0), ("16 to 64", 0), ("16 to 17", 1), ("18 to 24", 1), ("25 to 34", 1),
            ("35 to 49", 1), ("50 to 64", 1), ("65 and over", 0), ("65 to 69", 1), ("70 and over", 1)]
    rows = []
    for i, (a, lv) in enumerate(ages):
        vals = []
        for k in range(9):
            v = 20 + ((i * 17 + k * 7) % 60) + (k % 3) * 0.3
            vals.append(".." if (i, k) in ((2, 0), (9, 3)) else f"{v:.1f}")
        rows.append([a + ("²" if i == 2 else "")] + vals)
    end = draw_rows(p, rows, x0, rights, top + 9, 9.2, size=7.5, indents=[8 * lv for _, lv in ages])
    p.rule(x0, x1, end - 6)
    p.text(x0, end + 4, ".. Estimate not shown: sample too small.  2. Not in full-time education.", size=6.5)
    p.save()
    head = [cell(0, 1 + 3 * g, grp, colspan=3) for g, grp in enumerate(groups)] + \
        [cell(1, 0, "Age group")] + [cell(1, 1 + k, years[k % 3]) for k in range(9)]
    return [head + body_cells(rows, 2)]


def table_beside_text(path):
    """A narrow table on the right of the page with running text on its left."""
    p = Page(path)
    p.text(50, 50, "Treasury management mid-year review", bold=True, size=12)
    p.para(50, 75, 250, size=9, leading=11.5)
    p.para(50, 160, 250, PROSE[:400], size=9, leading=11.5)
    x0, x1 = 330, 545
    top = 75
    p.text(x0, top, "Investments at 30 September", bold=True, size=8.5)
    top += 8
    p.rule(x0, x1, top)
    head = ["Counterparty", "£m", "Rate %"]
    p.text(x0, top + 10, head[0], bold=True, size=8)
    p.text(495, top + 10, head[1], bold=True, size=8, right=True)
    p.text(545, top + 10, head[2], bold=True, size=8, right=True)
    p.rule(x0, x1, top + 14, 0.3)
    rows = [["Money market funds", "42.5", "4.95"], ["Debt Management Office", "30.0", "5.02"],
            ["Other local authorities", "25.0", "5.10"], ["Bank deposits", "12.8", "4.70"],
            ["Pooled property fund", "10.0", "3.85"], ["Total", "120.3", "4.93"]]
    end = draw_rows(p, rows, x0, [495, 545], top + 24, 11.0, bold_rows={5})
    p.rule(x0, x1, end - 7)
    p.save()
    return [body_cells([head] + rows)]


def key_figures(path):
    """Key figures: a two-column unruled table of measures and values between paragraphs."""
    p = Page(path)
    p.text(50, 50, "Key figures", bold=True, size=12)
    top = p.para(50, 72, 495, lines=3, size=9.5, leading=12)
    pairs = [("Resident population", "1,589,100"), ("Households", "668,400"), ("Median age (years)", "42.1"),
             ("Employment rate, 16 to 64", "76.3%"), ("Claimant count", "28,915"),
             ("Median weekly earnings", "£712.40"), ("Median house price", "£352,000")]
    top += 12
    for a, b in pairs:
        p.text(60, top, a, size=9)
        p.text(330, top, b, size=9, right=True)
        top += 13
    p.para(50, top + 14, 495, lines=3, size=9.5, leading=12)
    p.save()
    return [body_cells([list(x) for x in pairs])]


def prose_columns(path):
    """Two columns of running text and nothing else: not a table."""
    p = Page(path)
    p.text(50, 50, "Chief executive's foreword", bold=True, size=14)
    top = 80
    for _ in range(3):
        top = p.para(50, top, 235, size=9, leading=11.5) + 8
    top = 80
    for _ in range(3):
        top = p.para(310, top, 235, size=9, leading=11.5) + 8
    p.save()
    return []


def solid_wrapped(path, figures_first=False):
    """No rules, plain header, rows set solid; long row labels wrap with a hanging indent, figures on the last line."""
    p = Page(path)
    p.text(50, 50, "Table 7. Government expenditure by function, EUR million", size=10)
    rights = [330, 385, 440, 495, 545]
    head = ["Function", "2020", "2021", "2022", "2023", "2024"]
    top = 72
    p.text(50, top, head[0], size=8)
    for x, t in zip(rights, head[1:]):
        p.text(x, top, t, size=8, right=True)
    labels = ["General public services", "Defence", "Public order and safety",
              "Economic affairs, of which transport and communications infrastructure",
              "Environmental protection", "Housing and community amenities",
              "Health, including hospital services and public health programmes", "Recreation, culture and religion",
              "Education", "Social protection: sickness, disability, old age and survivors' pensions",
              "Social protection: family and children", "Unemployment", "Total general government expenditure"]
    rows = []
    top += 13
    for i, lab in enumerate(labels):
        parts, line = [], ""
        for w in lab.split():
            if stringWidth(f"{line} {w}".strip(), FONT, 8) > 200 and line:
                parts.append(line)
                line = w
            else:
                line = f"{line} {w}".strip()
        parts.append(line)
        vals = [f"{(1200 + 377 * ((i * 7 + k * 3) % 19)):,}.{(i + k) % 10}" for k in range(5)]
        for k, part in enumerate(parts):
            p.text(50 + (8 if k else 0), top + 9.7 * k, part, size=8)
        for x, v in zip(rights, vals):
            p.text(x, top + (0 if figures_first else 9.7 * (len(parts) - 1)), v, size=8, right=True)
        top += 9.7 * len(parts)
        rows.append(["\n".join(parts)] + vals)
    p.text(50, top + 8, "Source: national accounts, general government sector (S.13).", size=7)
    p.save()
    return [body_cells([head] + rows)]


def solid_figures_first(path):
    """As ``solid_wrapped``, the figures set on the first line of a wrapped label."""
    return solid_wrapped(path, figures_first=True)


def plain_groups(path):
    """No rules and no bold: group headings centred over their sub-columns, an indented stub, a spanning note row."""
    p = Page(path, landscape(A4))
    p.text(40, 40, "Table 3. Passenger journeys by mode and area (millions)", size=10)
    groups = ["Bus", "Rail", "Light rail and tram"]
    subs = ["2023", "2024", "Change"]
    rights = [300 + 55 * k + 25 * (k // 3) for k in range(9)]
    top = 64
    for g, grp in enumerate(groups):
        a, b = rights[3 * g] - 28, rights[3 * g + 2]
        p.text((a + b) / 2, top, grp, size=8, centre=True)
    p.text(40, top + 11, "Area", size=8)
    for k, x in enumerate(rights):
        p.text(x, top + 11, subs[k % 3], size=8, right=True)
    areas = [("England", 0), ("London", 1), ("Metropolitan areas", 1), ("Non-metropolitan areas", 1),
             ("Scotland", 0), ("Wales", 0), ("Great Britain", 0)]
    rows = []
    for i, (a, lv) in enumerate(areas):
        vals = []
        for g in range(3):
            x, y = 100 + 37 * ((i * 5 + g * 3) % 17), 104 + 41 * ((i * 3 + g * 7) % 13)
            vals += [f"{x:,}", f"{y:,}", f"{100 * (y - x) / x:+.1f}%"]
        rows.append([a] + vals)
    end = draw_rows(p, rows, 40, rights, top + 25, 11.0, indents=[10 * lv for _, lv in areas])
    p.text(40, end + 6, "Change: percentage change on the previous year.", size=7)
    p.save()
    head = [cell(0, 1 + 3 * g, grp, colspan=3) for g, grp in enumerate(groups)] + \
        [cell(1, 0, "Area")] + [cell(1, 1 + k, subs[k % 3]) for k in range(9)]
    return [head + body_cells(rows, 2)]


def paper_layout(path):
    """Two columns of text above and below a full-width table whose header carries raised footnote markers."""
    p = Page(path)
    top = 60
    a = p.para(50, top, 235, size=9, leading=11, lines=12)
    p.para(310, top, 235, size=9, leading=11, lines=12)
    top = a + 14
    p.text(50, top, "Table 2. Survey response by country", bold=True, size=8.5)
    top += 8
    p.rule(50, 545, top)
    head = ["Country", "Sample", "Responses", "Rate (%)", "Weighted (%)", "Online (%)"]
    rights = [250, 310, 370, 440, 545]
    p.text(50, top + 10, head[0], size=8)
    for x, t in zip(rights, head[1:]):
        p.text(x - (3 if t == "Rate (%)" else 0), top + 10, t, size=8, right=True)
    p.text(rights[2] - 2.4, top + 6.5, "a", size=5)
    head[3] = "Rate (%)a"
    p.rule(50, 545, top + 14, 0.3)
    countries = ["Austria", "Belgium", "Czechia", "Denmark", "Estonia", "Finland", "France", "Germany"]
    rows = [[c, f"{2000 + 131 * i:,}", f"{1100 + 97 * i:,}", f"{50 + i}.{i}", f"{48 + i}.{(i * 3) % 10}",
             f"{30 + 2 * i}"] for i, c in enumerate(countries)]
    end = draw_rows(p, rows, 50, rights, top + 24, 10.5)
    p.rule(50, 545, end - 7)
    p.text(50, end + 3, "a Unweighted responses as a share of the issued sample.", size=7)
    top = end + 22
    p.para(50, top, 235, size=9, leading=11, lines=10)
    p.para(310, top, 235, size=9, leading=11, lines=10)
    p.save()
    return [body_cells([head] + rows)]


def chart_only(path):
    """A line chart with a gridded plot area, axis figures and a legend: not a table."""
    p = Page(path)
    p.text(50, 50, "Figure 5: Unemployment rate, seasonally adjusted (%)", bold=True, size=11)
    left, right, base = 90, 520, 330
    for k in range(7):
        y = base - 40 * k
        p.rule(left, right, y, 0.25)
        p.text(left - 6, y + 3, f"{2 * k}.0", size=7, right=True)
    years = [str(y) for y in range(2015, 2025)]
    for i, yr in enumerate(years):
        x = left + 20 + 45 * i
        p.c.setLineWidth(0.25)
        p.c.line(x, p.h - base, x, p.h - (base - 240))
        p.text(x, base + 12, yr, size=7, centre=True)
    pts = [(left + 20 + 45 * i, base - 40 * (5.1 - 0.3 * i + 0.4 * (i % 3)) / 2) for i in range(10)]
    p.c.setLineWidth(1.2)
    for (xa, ya), (xb, yb) in zip(pts, pts[1:]):
        p.c.line(xa, p.h - ya, xb, p.h - yb)
    p.c.rect(left + 10, p.h - (base + 40), 20, 3, fill=1)
    p.text(left + 36, base + 41, "Men", size=7)
    p.c.rect(left + 90, p.h - (base + 40), 20, 3, fill=0)
    p.text(left + 116, base + 41, "Women", size=7)
    p.para(50, base + 70, 495, lines=4)
    p.save()
    return []


def pairs_solid(path):
    """A two-column list of measures and values set solid, with no rules, under a heading and before a paragraph."""
    p = Page(path)
    p.text(50, 50, "Summary of the collection fund", bold=True, size=11)
    pairs = [("Council tax base (band D equivalents)", "142,318.6"), ("Band D council tax", "£2,214.37"),
             ("Council tax requirement", "£315,146,210"), ("Collection rate assumed", "98.9%"),
             ("Estimated surplus brought forward", "£2,402,000"), ("Share of surplus to the council", "£1,917,000"),
             ("Share of surplus to the police authority", "£301,000"),
             ("Share of surplus to the fire authority", "£184,000"), ("Business rates baseline", "£61,870,000")]
    top = 72
    for a, b in pairs:
        p.text(50, top, a, size=8.5)
        p.text(330, top, b, size=8.5, right=True)
        top += 10.2
    p.para(50, top + 16, 495, lines=3)
    p.save()
    return [body_cells([list(x) for x in pairs])]


BUILDERS = [stats_release, budget_summary, financial_statement, survey_results, two_column_page,
            chart_with_table, contents_page, numbered_list, split_table, wide_solid, table_beside_text,
            key_figures, prose_columns, solid_wrapped, solid_figures_first, plain_groups,
            paper_layout, chart_only, pairs_solid]


def generated(out: Path) -> list[tuple[Path, int, list]]:
    """Draw every builder's PDF into ``out``: [(pdf, page, grids on that page)]."""
    return drawn(out, BUILDERS)
