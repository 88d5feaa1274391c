"""Plans, action logs, trackers and scorecards in templates our corpus lacks, built with reportlab.

Each template is a small specification: a title, the column headings, the rows of each
section (with the heading printed above its table) and how the table is drawn (ruled,
ruled only under the header, unruled; portrait or landscape; header repeated on each
page or not; a rating printed as a word or given only by the cell's fill colour).
``build(name, folder)`` writes the PDF and returns the gold in the real-plan shape;
since the document is written from the specification, the gold is what it says.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

# Fill colours of the ratings as councils' spreadsheets print them.
FILLS = {"R": colors.HexColor("#FF0000"), "A": colors.HexColor("#FFC000"),
         "G": colors.HexColor("#00B050"), "B": colors.HexColor("#0070C0")}
HEADER_FILL = colors.HexColor("#D9D9D9")

_CELL = ParagraphStyle("cell", fontName="Helvetica", fontSize=8, leading=10)
_HEAD = ParagraphStyle("head", fontName="Helvetica-Bold", fontSize=8, leading=10)
_H1 = ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=14, leading=18, spaceAfter=6)
_H2 = ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=10, leading=13, spaceBefore=8, spaceAfter=4)
_BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=9, leading=12, spaceAfter=4)


@dataclass
class Template:
    """One document: its columns, the role each column plays in the gold, and its rows."""

    title: str
    intro: str
    columns: list[str]
    widths: list[float]  # in mm
    # gold field -> column index: text, owner, date, status, rag, progress
    gold: dict[str, int]
    sections: list[tuple[str | None, list[list[str]]]]
    rules: str = "grid"  # "grid" | "header" (a rule under the header only) | "none"
    pagesize: tuple = A4
    repeat_header: bool = True
    rag_as_fill: bool = False  # the rating column holds no word, only a fill colour
    # each row ends with a rating that is not printed but fills the cell of this column
    # (status words in a cell coloured by the rating)
    fill_col: int | None = None
    zebra: bool = False  # rows told apart by alternate fills, with no rules
    span_first: bool = False  # the first column's cell merged down over rows that share it
    kind: str = "plan"
    notes: dict = field(default_factory=dict)


def _cell(text: str, style=_CELL):
    return Paragraph(text.replace("&", "&amp;").replace("\n", "<br/>"), style)


def _table(t: Template, rows: list[list[str]]) -> Table:
    rag_col = t.gold.get("rag")
    data = [[_cell(h, _HEAD) for h in t.columns]]
    styles = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 3),
              ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    if t.rules == "grid":
        styles += [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]
    elif t.rules == "header":
        styles += [("LINEBELOW", (0, 0), (-1, 0), 1, colors.black)]
    if t.zebra:
        styles += [("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#DCE6F1")]),
                   ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1F4E79")),
                   ("TEXTCOLOR", (0, 0), (-1, 0), colors.white)]
    if t.span_first:
        start = 1
        for r in range(2, len(rows) + 2):
            if r == len(rows) + 1 or rows[r - 1][0] != rows[start - 1][0]:
                if r - 1 > start:
                    styles.append(("SPAN", (0, start), (0, r - 1)))
                start = r
    for r, row in enumerate(rows, start=1):
        cells = []
        if t.fill_col is not None:
            row, hidden = row[:-1], row[-1]
            if hidden:
                styles.append(("BACKGROUND", (t.fill_col, r), (t.fill_col, r), FILLS[hidden]))
        for c, text in enumerate(row):
            if t.span_first and c == 0 and r > 1 and rows[r - 2][0] == text:
                cells.append("")
                continue
            if t.rag_as_fill and c == rag_col:
                if text:
                    styles.append(("BACKGROUND", (c, r), (c, r), FILLS[text]))
                cells.append("")
            else:
                cells.append(_cell(text))
        data.append(cells)
    table = Table(data, colWidths=[w * mm for w in t.widths], repeatRows=1 if t.repeat_header else 0)
    table.setStyle(TableStyle(styles))
    return table


def build(t: Template, path: Path) -> dict:
    """Write the PDF of ``t`` to ``path`` and return its gold."""
    doc = SimpleDocTemplate(str(path), pagesize=t.pagesize, leftMargin=12 * mm, rightMargin=12 * mm,
                            topMargin=14 * mm, bottomMargin=14 * mm, title=t.title)
    story = [Paragraph(t.title, _H1), Paragraph(t.intro, _BODY), Spacer(1, 4)]
    if not t.repeat_header:
        # one table for the whole document, so a page break cuts it without a header
        rows = [r for _, rs in t.sections for r in rs]
        story.append(_table(t, rows))
    else:
        for heading, rows in t.sections:
            if heading:
                story.append(Paragraph(heading, _H2))
            story.append(_table(t, rows))
    doc.build(story)
    return {"source": path.name, "kind": t.kind, "actions": _gold(t, path)}


def _gold(t: Template, path: Path) -> list[dict]:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        pages = [" ".join((p.extract_text() or "").split()) for p in pdf.pages]
    # the white header text on a dark fill is text all the same
    out = []
    for heading, rows in t.sections:
        for row in rows:
            rec = {"text": " ".join(row[t.gold["text"]].split()), "section": heading}
            if t.fill_col is not None:
                row, hidden = row[:-1], row[-1]
            for name in ("owner", "date", "status", "rag", "progress"):
                col = t.gold.get(name)
                value = " ".join(row[col].split()) if col is not None and row[col] else None
                if name == "status" and value and ":" in value and t.notes.get("status_in_progress"):
                    value = None
                rec[name] = value
            if t.fill_col is not None:
                rec["rag"] = hidden or None
            if t.span_first:
                rec["section"] = " ".join(row[0].split())
            if t.notes.get("status_in_progress"):
                # "Status: Complete" written inside the progress cell
                text = row[t.gold["progress"]]
                rec["status"] = text.split("Status:", 1)[1].split(".")[0].strip() if "Status:" in text else None
            probe = " ".join(rec["text"].split()[:5])
            rec["page"] = next((i + 1 for i, p in enumerate(pages) if probe in p), None)
            out.append(rec)
    return out


# ---------------------------------------------------------------- the templates

ACTION_LOG_COLS = ["Ref", "Meeting date", "Minute", "Action", "Owner", "Due date", "Status", "RAG"]
ACTION_LOG_GOLD = {"text": 3, "owner": 4, "date": 5, "status": 6, "rag": 7}

_LOG_ROWS = [
    ["AL01", "12/06/2024", "14", "Circulate the revised terms of reference for the Health and Wellbeing sub-group to all members",
     "Democratic Services Officer", "30/06/2024", "Complete", "G"],
    ["AL02", "12/06/2024", "16", "Provide a breakdown of delayed transfers of care by locality for the next meeting",
     "Director of Adult Social Care", "11/09/2024", "Complete", "G"],
    ["AL03", "12/06/2024", "17", "Arrange a briefing for members on the new Ofsted inspection framework for local authority children's services",
     "Head of Quality Assurance", "31/10/2024", "Overdue", "R"],
    ["AL04", "11/09/2024", "22", "Report back on the take-up of the household support fund among pensioners",
     "Financial Inclusion Manager", "04/12/2024", "In progress", "A"],
    ["AL05", "11/09/2024", "23", "Share the draft homelessness prevention strategy with the committee before consultation",
     "Head of Housing Options", "15/11/2024", "On track", "G"],
    ["AL06", "11/09/2024", "25", "Write to the bus operator about the withdrawal of the evening service to the hospital",
     "Cabinet Member for Transport", "30/09/2024", "Closed", "G"],
    ["AL07", "04/12/2024", "31", "Bring a paper on the use of agency social workers and the cost to the council",
     "Assistant Director Children's Social Care", "05/03/2025", "Not started", "A"],
    ["AL08", "04/12/2024", "33", "Confirm the timetable for the refresh of the local plan evidence base",
     "Planning Policy Manager", "31/01/2025", "Overdue", "R"],
    ["AL09", "04/12/2024", "34", "Provide members with the school place sufficiency figures by planning area",
     "Head of School Organisation", "05/03/2025", "On track", "G"],
    ["AL10", "04/12/2024", "35", "Invite the integrated care board to present its winter pressures plan",
     "Scrutiny Officer", "05/03/2025", "In progress", "A"],
]

_LOG_ROWS_TEXT = [
    ["1", "23 Jan 2025", "5/25", "Review the allocation policy for temporary accommodation and report to the next meeting",
     "Head of Housing", "Mar-25", "Complete", "Green"],
    ["2", "23 Jan 2025", "6/25", "Circulate the fly-tipping enforcement figures for the last two years",
     "Environmental Services Manager", "Feb-25", "Complete", "Green"],
    ["3", "23 Jan 2025", "7/25", "Seek legal advice on the proposed public spaces protection order in the town centre",
     "Legal Services Manager", "Apr-25", "In progress", "Amber"],
    ["4", "23 Jan 2025", "9/25", "Set up a task and finish group on the council's approach to damp and mould in council homes",
     "Scrutiny Officer", "Mar-25", "Overdue", "Red"],
    ["5", "20 Mar 2025", "14/25", "Provide a note on the income from car parking charges by car park",
     "Parking Services Manager", "May-25", "On track", "Green"],
    ["6", "20 Mar 2025", "15/25", "Arrange a site visit to the new waste transfer station for members of the committee",
     "Democratic Services Officer", "Jun-25", "Not started", "Amber"],
    ["7", "20 Mar 2025", "16/25", "Report the outcome of the leisure centre condition survey and the options for its future",
     "Head of Leisure and Culture", "Jul-25", "In progress", "Amber"],
    ["8", "20 Mar 2025", "18/25", "Publish the response to the community governance review consultation on the council website",
     "Electoral Services Manager", "Apr-25", "Complete", "Green"],
    ["9", "22 May 2025", "21/25", "Update the committee on the recruitment of planning enforcement officers",
     "Head of Planning", "Sep-25", "On track", "Green"],
    ["10", "22 May 2025", "22/25", "Bring the draft climate emergency action plan refresh to the committee for comment",
     "Climate Change Officer", "Sep-25", "Not started", "Red"],
    ["11", "22 May 2025", "24/25", "Provide ward level figures on the use of the council tax reduction scheme",
     "Revenues and Benefits Manager", "Jul-25", "Complete", "Green"],
    ["12", "22 May 2025", "25/25", "Review the risk register entry on cyber security after the recent incident at a neighbouring authority",
     "Head of ICT", "Sep-25", "In progress", "Amber"],
    ["13", "22 May 2025", "26/25", "Circulate the timetable for the review of councillor allowances by the independent panel",
     "Monitoring Officer", "Jun-25", "Closed", "Green"],
    ["14", "17 Jul 2025", "30/25", "Report on the progress of the new customer contact centre telephony system",
     "Head of Customer Services", "Nov-25", "On track", "Green"],
    ["15", "17 Jul 2025", "31/25", "Share the findings of the residents' survey with all members",
     "Head of Communications", "Oct-25", "Overdue", "Red"],
    ["16", "17 Jul 2025", "33/25", "Consider whether the committee should review the council's use of consultants",
     "Chair of the Committee", "Nov-25", "Not started", "Amber"],
    ["17", "17 Jul 2025", "34/25", "Provide a breakdown of the capital programme slippage by scheme",
     "Chief Finance Officer", "Sep-25", "Complete", "Green"],
    ["18", "17 Jul 2025", "35/25", "Arrange training for members on the new procurement regulations",
     "Procurement Manager", "Dec-25", "In progress", "Amber"],
]

IMPROVEMENT_COLS = ["Action", "Lead officer", "Timescale", "Success measure", "Progress update", "RAG"]
IMPROVEMENT_GOLD = {"text": 0, "owner": 1, "date": 2, "rag": 5, "progress": 4}
_IMPROVEMENT = [
    ("Priority 1: Strong leadership and governance", [
        ["Refresh the corporate peer challenge action plan and agree it at Cabinet", "Chief Executive", "Q1 2025/26",
         "Plan agreed and published", "The refreshed plan was agreed by Cabinet in June.", "Green"],
        ["Introduce a member development programme covering scrutiny, finance and safeguarding",
         "Head of Democratic Services", "Q2 2025/26", "All members complete core modules",
         "Programme designed; first sessions booked for September.", "Amber"],
        ["Review the constitution and the scheme of delegation", "Monitoring Officer", "Q4 2025/26",
         "Revised constitution adopted by Council", "Working group set up; review behind schedule due to capacity.", "Red"],
    ]),
    ("Priority 2: Financial sustainability", [
        ["Agree a medium term financial strategy that closes the budget gap over three years",
         "Director of Finance", "March 2026", "Balanced budget for 2026/27 set", "Draft strategy reported to Cabinet.", "Green"],
        ["Deliver the savings programme agreed in the 2025/26 budget", "Corporate Management Team", "Ongoing",
         "Savings of 4.2m delivered", "3.1m delivered to date; two schemes at risk.", "Amber"],
        ["Strengthen budget monitoring with monthly reports to directorate management teams",
         "Head of Finance", "Q2 2025/26", "Monthly reports issued", "Monthly reports in place from July.", "Green"],
    ]),
    ("Priority 3: Capacity and workforce", [
        ["Develop a workforce strategy with a focus on recruitment to hard to fill posts",
         "Head of HR and OD", "Q3 2025/26", "Vacancy rate below 8%", "Consultation with staff on the draft has started.", "Amber"],
        ["Launch an apprenticeship programme across all directorates", "Head of HR and OD", "September 2025",
         "20 apprentices in post", "14 apprentices recruited.", "Amber"],
        ["Carry out a staff survey and publish the results with an action plan", "Chief Executive",
         "Q3 2025/26", "Response rate above 50%", "Survey closed with a 58% response rate; results published.", "Green"],
    ]),
]

AUDIT_COLS = ["No.", "Recommendation", "Priority", "Management response", "Responsible officer", "Target date",
              "Revised date", "Status"]
AUDIT_GOLD = {"text": 1, "owner": 4, "date": 5, "status": 7}
_AUDIT = [
    ["1", "Ensure that all purchase orders are raised before goods or services are received", "High",
     "Agreed. A no purchase order no pay policy will be introduced.", "Head of Procurement", "31/03/2025", "30/06/2025",
     "Partially implemented"],
    ["2", "Reconcile the payroll system to the general ledger each month and evidence review", "High",
     "Agreed. Monthly reconciliations will be signed off by the Payroll Manager.", "Payroll Manager", "31/12/2024", "",
     "Implemented"],
    ["3", "Remove leavers' access to the finance system within five working days of their leaving date", "Medium",
     "Agreed. HR will send a weekly leavers report to the systems team.", "Finance Systems Manager", "31/01/2025", "",
     "Implemented"],
    ["4", "Update the contract procedure rules to reflect the Procurement Act 2023", "Medium",
     "Agreed. A revised version will go to Audit Committee.", "Head of Legal Services", "30/04/2025", "31/10/2025",
     "Not implemented"],
    ["5", "Maintain a complete register of contracts above 5,000 and publish it quarterly", "Medium",
     "Agreed.", "Head of Procurement", "30/06/2025", "", "In progress"],
    ["6", "Review the business continuity plans of all services and test them annually", "Low",
     "Agreed. The Emergency Planning Officer will coordinate a programme of tests.", "Emergency Planning Officer",
     "31/03/2025", "", "Implemented"],
    ["7", "Record declarations of interest by officers involved in tender evaluation", "High",
     "Agreed. A declaration form will be added to the tender evaluation pack.", "Head of Procurement", "28/02/2025",
     "", "Implemented"],
    ["8", "Introduce a debt recovery policy for sundry debts with clear escalation stages", "Medium",
     "Agreed. The policy will be drafted and approved by the Section 151 Officer.", "Income Manager", "30/09/2025",
     "", "Not yet due"],
]

WWWD_COLS = ["What we will do", "Who", "By when", "How we will know"]
WWWD_GOLD = {"text": 0, "owner": 1, "date": 2}
_WWWD = [
    ("Our aim: more people live healthy and independent lives", [
        ["Open two new extra care housing schemes for older people", "Adult Social Care and Housing", "March 2026",
         "120 new extra care flats occupied"],
        ["Expand the falls prevention service to every GP practice", "Public Health", "December 2025",
         "Fewer emergency admissions for falls"],
        ["Offer a carers' assessment to every carer who contacts the council", "Adult Social Care", "Ongoing",
         "Carers say they feel supported"],
        ["Work with the NHS to reduce the time people wait to leave hospital", "Adult Social Care and ICB",
         "March 2026", "Delayed discharges fall by a quarter"],
    ]),
    ("Our aim: children get the best start in life", [
        ["Open family hubs in the four areas with the highest need", "Children's Services", "September 2025",
         "Four hubs open and used by families"],
        ["Increase the take-up of funded childcare for two year olds", "Early Years Team", "August 2025",
         "Take-up above the national average"],
        ["Recruit more foster carers who live in the county", "Fostering Service", "March 2027",
         "30 new fostering households approved"],
        ["Publish a new special educational needs and disabilities strategy with parents", "SEND Service",
         "January 2026", "Strategy co-produced and published"],
    ]),
]

TRACKER_COLS = ["Task", "Responsible", "Deadline", "Update", "Status"]
TRACKER_GOLD = {"text": 0, "owner": 1, "date": 2, "progress": 3, "status": 4}


def _tracker_rows():
    tasks = [
        ("Appoint a programme manager for the town centre regeneration scheme", "Director of Place", "31/05/2025",
         "Appointment made; started in May.", "Complete"),
        ("Complete the land assembly for the market square site", "Head of Property", "30/09/2025",
         "Two of three parcels acquired; negotiation continues on the third.", "In progress"),
        ("Submit the outline planning application for the mixed use scheme", "Regeneration Manager", "31/10/2025",
         "Pre-application discussions held with the planning authority.", "On track"),
        ("Agree the heads of terms with the preferred development partner", "Director of Place", "30/11/2025",
         "Delayed while valuation advice is updated.", "Overdue"),
        ("Run a public consultation on the public realm design", "Communications Manager", "31/07/2025",
         "Consultation ran for six weeks with 640 responses.", "Complete"),
        ("Secure match funding for the levelling up fund bid", "Head of Finance", "31/08/2025",
         "Capital programme report approved by Council.", "Complete"),
        ("Procure a contractor for the demolition of the former bus station", "Procurement Manager", "31/12/2025",
         "Tender documents being prepared.", "Not started"),
        ("Relocate the market traders during the construction works", "Markets Manager", "31/01/2026",
         "Temporary site identified; traders consulted.", "In progress"),
        ("Put in place a construction traffic management plan", "Highways Manager", "28/02/2026",
         "Not yet started; depends on the contractor appointment.", "Not started"),
        ("Agree a business support package for shops affected by the works", "Economic Development Manager",
         "30/11/2025", "Package agreed by Cabinet in October.", "Complete"),
        ("Report progress on the scheme to the Regeneration Board each quarter", "Regeneration Manager",
         "Quarterly", "Reports made in June and September.", "On track"),
        ("Install temporary wayfinding signage around the works", "Town Centre Manager", "31/03/2026",
         "Design agreed; order placed.", "In progress"),
        ("Review the car parking strategy for the town centre", "Parking Services Manager", "31/03/2026",
         "Data collection on occupancy has begun.", "In progress"),
        ("Carry out an equality impact assessment of the scheme", "Equalities Officer", "30/06/2025",
         "Assessment published with the Cabinet report.", "Complete"),
        ("Set up a residents' liaison group for the construction period", "Community Engagement Officer",
         "31/10/2025", "Terms of reference drafted; members invited.", "Overdue"),
        ("Agree the long term management arrangements for the new square", "Head of Property", "30/06/2026",
         "Options appraisal under way.", "On track"),
        ("Apply for listed building consent for the works to the old corn exchange", "Conservation Officer",
         "31/01/2026", "Heritage statement commissioned.", "In progress"),
        ("Commission an independent review of the scheme's cost plan", "Head of Finance", "31/12/2025",
         "Reviewer appointed.", "On track"),
        ("Prepare the full business case for the transport interchange", "Transport Planning Manager",
         "31/03/2026", "Outline case approved; full case being written.", "In progress"),
        ("Close out the programme and report lessons learned", "Programme Manager", "30/09/2026",
         "Not yet due.", "Not started"),
    ]
    return [list(t) for t in tasks]


SCORECARD_COLS = ["Indicator", "Target", "Actual", "Previous", "Direction", "RAG"]
SCORECARD_GOLD = {"text": 0, "rag": 5}
_SCORECARD = [
    ("Housing", [
        ["Average days to relet council homes", "25", "31", "34", "Improving", "A"],
        ["Percentage of rent collected", "97.5%", "98.1%", "97.9%", "Improving", "G"],
        ["Number of households in bed and breakfast", "10", "27", "22", "Worsening", "R"],
        ["Percentage of homelessness cases prevented", "60%", "63%", "58%", "Improving", "G"],
    ]),
    ("Environment", [
        ["Percentage of household waste recycled or composted", "50%", "46.2%", "47.0%", "Worsening", "A"],
        ["Missed bins per 100,000 collections", "40", "36", "52", "Improving", "G"],
        ["Fly-tipping incidents cleared within two working days", "95%", "81%", "88%", "Worsening", "R"],
    ]),
    ("Corporate", [
        ["Percentage of council tax collected", "96%", "96.4%", "96.1%", "Improving", "G"],
        ["Average working days lost to sickness per employee", "8.5", "9.8", "9.1", "Worsening", "R"],
        ["Percentage of FOI requests answered within 20 working days", "90%", "88%", "84%", "Improving", "A"],
        ["Percentage of invoices paid within 30 days", "95%", "97%", "96%", "Improving", "G"],
    ]),
]

BRAG_COLS = ["Ref", "Action", "Lead", "Deadline", "Progress", "BRAG"]
BRAG_GOLD = {"text": 1, "owner": 2, "date": 3, "rag": 5, "progress": 4}
_BRAG = [
    ("Outcome 1: Residents feel safe in their neighbourhoods", [
        ["CS1", "Extend the CCTV network to the three district centres", "Community Safety Manager", "Mar 2025",
         "Status: Complete. Cameras installed and monitored from the control room.", "Blue"],
        ["CS2", "Run a campaign on reporting hate crime with the police and partners", "Community Safety Partnership",
         "Q3 2024/25", "Status: On track. Campaign materials agreed; launch planned for Hate Crime Awareness Week.",
         "Green"],
        ["CS3", "Review the anti-social behaviour case management process", "Head of Neighbourhoods", "Jun 2025",
         "Status: Delayed. Review paused while the new case system is procured.", "Red"],
    ]),
    ("Outcome 2: Fewer young people are drawn into crime", [
        ["CS4", "Commission detached youth work in the areas of highest need", "Youth Services Manager", "Sep 2025",
         "Status: In progress. Provider selected; contract to start in July.", "Amber"],
        ["CS5", "Deliver knife crime awareness sessions in every secondary school", "Youth Offending Service",
         "Jul 2025", "Status: Complete. Sessions delivered in all 14 schools.", "Blue"],
        ["CS6", "Agree a serious violence strategy with the statutory partners", "Community Safety Partnership",
         "Jan 2025", "Status: Complete. Strategy agreed and published in January.", "Blue"],
        ["CS7", "Set up a mentoring scheme for young people excluded from school", "Head of Education Inclusion",
         "Dec 2025", "Status: At risk. Funding bid unsuccessful; other sources being explored.", "Red"],
    ]),
]

WORDS_LOG_COLS = ["Item", "Date of meeting", "Action agreed", "Action by", "Target", "Comments", "Progress / Status"]
WORDS_LOG_GOLD = {"text": 2, "owner": 3, "date": 4, "progress": 5, "status": 6}
_WORDS_LOG = [
    ["1", "14 March 2025", "Officers to circulate the updated treasury management indicators to all members",
     "Head of Finance", "End of March 2025", "Circulated by email on 27 March.", "Complete", "G"],
    ["2", "14 March 2025", "Seek the views of the external auditor on the timing of the accounts sign-off",
     "Section 151 Officer", "June 2025", "Meeting with the auditor arranged.", "Ongoing", "A"],
    ["3", "14 March 2025", "Add the cyber security audit to the internal audit plan for 2025/26",
     "Chief Internal Auditor", "April 2025", "Included in the plan approved in April.", "Complete", "G"],
    ["4", "20 June 2025", "Report the outcome of the review of the whistleblowing policy",
     "Monitoring Officer", "September 2025", "Review has not yet begun.", "Overdue", "R"],
    ["5", "20 June 2025", "Provide a training event on the statement of accounts before it is approved",
     "Head of Finance", "July 2025", "Event held on 10 July.", "Complete", "G"],
    ["6", "20 June 2025", "Bring the annual governance statement action plan back with revised dates",
     "Assistant Director Governance", "September 2025", "Dates being agreed with service leads.", "In progress", "A"],
    ["7", "20 June 2025", "Confirm whether the fraud risk assessment covers the new grants scheme",
     "Counter Fraud Manager", "September 2025", "", "Not started", "R"],
]

MEASURE_COLS = ["Measure", "Q1", "Q2", "Target", "Status", "Trend"]
MEASURE_GOLD = {"text": 0, "rag": 4}
_MEASURES = [
    ("Children and young people", [
        ["Percentage of child protection plans reviewed on time", "96%", "98%", "95%", "GREEN", "Up"],
        ["Percentage of care leavers in education, employment or training", "52%", "49%", "60%", "RED", "Down"],
        ["Number of children looked after per 10,000", "71", "73", "70", "AMBER", "Up"],
        ["Percentage of EHC plans issued within 20 weeks", "38%", "44%", "60%", "RED", "Up"],
    ]),
    ("Adults and health", [
        ["Permanent admissions to care homes of people aged 65 and over per 100,000", "142", "151", "160", "GREEN", "Down"],
        ["Percentage of safeguarding enquiries where risk was reduced or removed", "89%", "91%", "90%", "GREEN", "Up"],
        ["Number of people waiting for a care act assessment", "412", "388", "300", "AMBER", "Down"],
        ["Smoking quitters per 100,000 adults", "1,020", "980", "1,100", "AMBER", "Down"],
    ]),
]

ZEBRA_COLS = ["Ref", "Description", "Assigned to", "Completion date", "Status", "RAG"]
ZEBRA_GOLD = {"text": 1, "owner": 2, "date": 3, "status": 4, "rag": 5}
_ZEBRA = [
    ["D1", "Complete the data protection impact assessment for the new housing system", "Information Governance Lead",
     "30/04/2025", "Complete", "G"],
    ["D2", "Migrate tenancy records from the legacy system and reconcile the totals", "Housing Systems Manager",
     "31/07/2025", "In progress", "A"],
    ["D3", "Train front line staff on the new repairs booking screens", "Learning and Development Lead",
     "30/09/2025", "Not started", "A"],
    ["D4", "Switch off the legacy system and archive its data", "Head of ICT", "31/12/2025", "Not started", "G"],
    ["D5", "Publish the new online rent account for tenants", "Digital Services Manager", "31/10/2025",
     "Delayed", "R"],
    ["D6", "Agree the service level agreement with the software supplier", "Contracts Manager", "31/05/2025",
     "Complete", "G"],
    ["D7", "Test the interfaces with the finance and payments systems", "Finance Systems Manager", "31/08/2025",
     "At risk", "R"],
    ["D8", "Review the housing system user access roles every quarter", "Housing Systems Manager", "Quarterly",
     "On track", "G"],
]

OBJECTIVE_COLS = ["Objective", "Actions", "Owner", "Deadline", "RAG"]
OBJECTIVE_GOLD = {"text": 1, "owner": 2, "date": 3, "rag": 4}
_OBJECTIVES = [
    ["Reduce carbon emissions from council buildings", "Install solar panels on the civic centre and two depots",
     "Energy Manager", "Mar-26", "G"],
    ["Reduce carbon emissions from council buildings", "Replace gas boilers in leisure centres with heat pumps",
     "Head of Property", "Mar-27", "A"],
    ["Reduce carbon emissions from council buildings", "Switch all council buildings to a renewable electricity tariff",
     "Procurement Manager", "Apr-25", "G"],
    ["Decarbonise the council fleet", "Replace pool cars with electric vehicles as leases end",
     "Fleet Manager", "Dec-26", "G"],
    ["Decarbonise the council fleet", "Trial hydrotreated vegetable oil in refuse collection vehicles",
     "Waste Services Manager", "Sep-25", "R"],
    ["Support residents to cut their emissions", "Launch a home energy advice service with the energy agency",
     "Climate Change Officer", "Jun-25", "A"],
    ["Support residents to cut their emissions", "Expand the network of public electric vehicle charge points",
     "Transport Planning Manager", "Mar-26", "A"],
]

TEMPLATES: dict[str, Template] = {
    # a committee action log, landscape, rated by fill colour only
    "action_log_fill": Template(
        title="Health and Social Care Scrutiny Committee - Action Log",
        intro="This log records the actions agreed at meetings of the committee and their status. "
              "Ratings: red - overdue or at risk; amber - in progress; green - complete or on track.",
        columns=ACTION_LOG_COLS, widths=[14, 24, 16, 90, 50, 22, 24, 14], gold=ACTION_LOG_GOLD,
        sections=[(None, _LOG_ROWS)], pagesize=landscape(A4), rag_as_fill=True),
    # an action log continuing over pages with its header repeated, RAG in words
    "action_log_text": Template(
        title="Overview and Scrutiny Committee Action Tracker 2025",
        intro="Actions arising from meetings of the Overview and Scrutiny Committee.",
        columns=ACTION_LOG_COLS, widths=[10, 22, 14, 66, 34, 16, 18, 14], gold=ACTION_LOG_GOLD,
        sections=[(None, _LOG_ROWS_TEXT)]),
    # an improvement plan by priority: headings above tables, unnumbered actions
    "improvement_plan": Template(
        title="Corporate Improvement Plan 2025/26 - Progress at Quarter 1",
        intro="The plan responds to the recommendations of the corporate peer challenge. Each priority "
              "lists the actions we will take, who leads them and how we will measure success.",
        columns=IMPROVEMENT_COLS, widths=[70, 36, 24, 40, 80, 16], gold=IMPROVEMENT_GOLD,
        sections=_IMPROVEMENT, pagesize=landscape(A4)),
    # an internal audit recommendations tracker
    "audit_tracker": Template(
        title="Internal Audit - Follow Up of Agreed Recommendations",
        intro="Audit and Governance Committee, 24 July 2025. The table sets out the recommendations made "
              "in the Creditors and Procurement audit and the management response to each.",
        columns=AUDIT_COLS, widths=[10, 70, 16, 70, 34, 22, 22, 28], gold=AUDIT_GOLD,
        sections=[(None, _AUDIT)], pagesize=landscape(A4)),
    # "What we will do | Who | By when | How we will know", no rules at all
    "what_we_will_do": Template(
        title="Health and Wellbeing Strategy Delivery Plan 2025-2027",
        intro="This plan shows what the partners of the Health and Wellbeing Board will do to deliver "
              "the strategy, who will do it and when.",
        columns=WWWD_COLS, widths=[72, 40, 26, 48], gold=WWWD_GOLD, sections=_WWWD, rules="none"),
    # a landscape tracker whose one table runs over pages with no header repeated,
    # ruled only under its header
    "tracker_continued": Template(
        title="Town Centre Regeneration Programme - Delivery Tracker",
        intro="Regeneration Board, September 2025. Progress against each task in the programme delivery plan.",
        columns=TRACKER_COLS, widths=[90, 50, 24, 86, 22], gold=TRACKER_GOLD,
        sections=[(None, _tracker_rows())], rules="header", pagesize=landscape(A4), repeat_header=False),
    # a KPI scorecard rated by fill colour
    "kpi_scorecard": Template(
        title="Quarterly Performance Scorecard - Quarter 2 2025/26",
        intro="Performance against the council's key performance indicators at the end of September 2025.",
        columns=SCORECARD_COLS, widths=[80, 18, 18, 18, 22, 14], gold=SCORECARD_GOLD,
        sections=_SCORECARD, rag_as_fill=True, kind="scorecard"),
    # a progress report with a BRAG column (Blue for complete) and the status inside the progress cell
    "brag_progress": Template(
        title="Community Safety Plan 2024-2026 - Progress Update",
        intro="Progress against the actions of the Community Safety Plan. BRAG: Blue - complete; "
              "Green - on track; Amber - some slippage; Red - off track.",
        columns=BRAG_COLS, widths=[12, 70, 40, 20, 90, 16], gold=BRAG_GOLD, sections=_BRAG,
        pagesize=landscape(A4), notes={"status_in_progress": True}),
    # a committee action log worded otherwise, its status words in cells coloured by the rating
    "action_log_words": Template(
        title="Audit and Governance Committee - Outstanding Actions",
        intro="The table lists actions agreed by the committee that remain open or were completed since "
              "the last meeting.",
        columns=WORDS_LOG_COLS, widths=[12, 26, 80, 40, 28, 54, 28], gold=WORDS_LOG_GOLD,
        sections=[(None, _WORDS_LOG)], pagesize=landscape(A4), fill_col=6),
    # an unruled scorecard: measures by quarter, the status a rating word
    "measures_unruled": Template(
        title="Performance Report - Quarter 2",
        intro="Key measures for the People directorate. Status compares the latest quarter with the target.",
        columns=MEASURE_COLS, widths=[90, 16, 16, 18, 20, 16], gold=MEASURE_GOLD, sections=_MEASURES,
        rules="none", kind="scorecard"),
    # a tracker drawn as alternate row fills with no rules, white header text on a dark fill
    "zebra_tracker": Template(
        title="Housing System Replacement Project - Action Tracker",
        intro="Project Board, August 2025.",
        columns=ZEBRA_COLS, widths=[12, 96, 50, 28, 26, 14], gold=ZEBRA_GOLD, sections=[(None, _ZEBRA)],
        rules="none", zebra=True, pagesize=landscape(A4)),
    # objectives merged down over the actions that serve them, rated by fill
    "objective_merged": Template(
        title="Climate Action Plan - Delivery Update",
        intro="Progress with the actions under each objective of the climate action plan.",
        columns=OBJECTIVE_COLS, widths=[50, 80, 40, 18, 14], gold=OBJECTIVE_GOLD,
        sections=[(None, _OBJECTIVES)], span_first=True, rag_as_fill=True),
}
# the same documents drawn without their rules: ratings by fill in tables read from word positions
TEMPLATES["action_log_fill_unruled"] = replace(TEMPLATES["action_log_fill"], rules="none")
TEMPLATES["kpi_scorecard_header_rule"] = replace(TEMPLATES["kpi_scorecard"], rules="header", repeat_header=False)


def build_all(folder: Path) -> dict[str, tuple[Path, dict]]:
    """Every template written to ``folder``: name -> (pdf, gold)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, t in TEMPLATES.items():
        path = folder / f"{name}.pdf"
        out[name] = (path, build(t, path))
    return out


if __name__ == "__main__":  # python -m tests.plan_templates FOLDER: write the PDFs and their gold
    import json
    import sys

    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "plan-templates")
    for name, (path, gold) in build_all(folder).items():
        (folder / f"{name}.plan.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False), encoding="utf-8")
        print(path)
