"""Minutes in the house styles of bodies absent from the corpus, typeset with reportlab.

Each template is written the way such a body lays out its minutes (an English
district council's "PRESENT: Councillors ..." paragraph and "PL.45" minute
numbers, an NHS board's attendance table and "The Board NOTED ...", a Scottish
committee's unnumbered titles and "Decision" paragraphs, a US commission's roll
call and motions, a Canadian council's "Moved by / Seconded by / THAT ... CARRIED",
a parish council's "24/101" items and "a)" sub-points). The same calls that typeset
a line record what it says, so the gold is what the document says: it is never
taken from the extractor.

    build(name, folder) -> (pdf_path, gold)     TEMPLATES lists the names
"""
from __future__ import annotations

import html
import os
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

_DEJAVU = "/usr/share/fonts/truetype/dejavu/"


def _faces(family: str) -> tuple[str, str]:
    """(regular, bold) font names; DejaVu is embedded as TrueType like a word processor's font."""
    if family == "DejaVu":
        for name, file in (("DejaVu", "DejaVuSans.ttf"), ("DejaVu-Bold", "DejaVuSans-Bold.ttf")):
            if name not in pdfmetrics.getRegisteredFontNames() and os.path.exists(_DEJAVU + file):
                pdfmetrics.registerFont(TTFont(name, _DEJAVU + file))
        if "DejaVu" in pdfmetrics.getRegisteredFontNames():
            return "DejaVu", "DejaVu-Bold"
        family = "Helvetica"
    return {"Helvetica": ("Helvetica", "Helvetica-Bold"), "Times": ("Times-Roman", "Times-Bold")}[family]


class Minutes:
    """A minutes document being typeset, and its gold written from the same calls."""

    def __init__(self, *, source, council, body, date, family="Helvetica", size=10.5, pagesize=A4,
                 start_time=None, end_time=None, footer=None, header=None):
        self.regular, self.bold = _faces(family)
        self.size, self.pagesize = size, pagesize
        self.footer, self.header = footer, header
        self.flow: list = []
        self.gold = {"source": source, "council": council, "body": body, "date": date,
                     "start_time": start_time, "end_time": end_time,
                     "attendance": {"present": [], "apologies": [], "officers": [], "in_attendance": [],
                                    "virtual": [], "absent": []},
                     "items": []}

    # ---- typesetting
    def style(self, bold=False, size=None, indent=0.0, hang=0.0, align=None, before=3, after=5):
        kw = {} if align is None else {"alignment": align}
        s = size or self.size
        return ParagraphStyle("s", fontName=self.bold if bold else self.regular, fontSize=s, leading=s * 1.25,
                              leftIndent=indent + hang, firstLineIndent=-hang, spaceBefore=before,
                              spaceAfter=after, **kw)

    def line(self, text, *, bold=False, size=None, indent=0.0, hang=0.0, center=False, before=3, after=5,
             markup=False):
        body = text if markup else html.escape(text, quote=False)
        self.flow.append(Paragraph(body, self.style(bold, size, indent, hang, TA_CENTER if center else None,
                                                    before, after)))

    def space(self, h=6):
        self.flow.append(Spacer(1, h))

    def table(self, rows, widths, *, bold_rows=(), grid=True, span_rows=()):
        cells = [[Paragraph(html.escape(c, quote=False), self.style(bold=r in bold_rows, before=0, after=0))
                  for c in row] for r, row in enumerate(rows)]
        t = Table(cells, colWidths=widths, hAlign="LEFT")
        cmds = [("VALIGN", (0, 0), (-1, -1), "TOP")]
        if grid:
            cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        for r in span_rows:
            cmds += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), colors.lightgrey)]
        t.setStyle(TableStyle(cmds))
        self.flow.append(t)

    # ---- gold
    def attend(self, section, name, role=None):
        self.gold["attendance"][section].append({"name": name, "role": role})

    def item(self, number, title, printed=None, *, bold=True, size=None, indent=0.0, before=10):
        """An item heading, printed as given (default "NUMBER TITLE")."""
        if printed is None:
            printed = f"{number}  {title}" if number else title
        self.line(printed, bold=bold, size=size, indent=indent, before=before)
        self.gold["items"].append({"number": number, "title": title, "points": [], "resolutions": [], "votes": []})

    def point(self, label, text, *, printed_label=None, parent=None, indent=0.0, hang=24.0, bold_label=False,
              decision=False, declaration=False):
        """A labelled paragraph: the label hangs at ``indent``, its text to the right. A part of a
        decision ("RESOLVED: (1) ...") is a resolution of its own, not a discussion point; a
        paragraph declaring an interest is a declaration, as the project's gold records them."""
        shown = printed_label or label
        lab = f"<b>{html.escape(shown)}</b>" if bold_label else html.escape(shown)
        self.line(f"{lab}&nbsp;&nbsp;{html.escape(text, quote=False)}", indent=indent, hang=hang, markup=True)
        if decision:
            self.resolution(text)
        elif declaration:
            self.gold["items"][-1].setdefault("declarations", []).append({"text": text})
        else:
            self.gold["items"][-1]["points"].append({"label": label, "parent": parent, "text": text})

    def resolution(self, text):
        self.gold["items"][-1]["resolutions"].append({"text": text})

    def vote(self, **vote):
        self.gold["items"][-1]["votes"].append(vote)

    # ---- output
    def save(self, path: Path) -> tuple[Path, dict]:
        footer, header, regular = self.footer, self.header, self.regular

        def decorate(canvas, doc):
            canvas.saveState()
            canvas.setFont(regular, 8)
            w, h = self.pagesize
            if header:
                canvas.drawString(50, h - 30, header)
            if footer:
                canvas.drawCentredString(w / 2, 25, footer.format(page=doc.page))
            canvas.restoreState()

        doc = SimpleDocTemplate(str(path), pagesize=self.pagesize, leftMargin=60, rightMargin=60,
                                topMargin=55, bottomMargin=50)
        doc.build(self.flow, onFirstPage=decorate, onLaterPages=decorate)
        return path, self.gold


# ---------------------------------------------------------------------------------------------
def district_council() -> Minutes:
    """An English district council's planning committee: PRESENT paragraph, "PL.45" minute numbers,
    "RESOLVED – That ..." and "RESOLVED: (1) ... (2) ...", officers present in a sentence."""
    m = Minutes(source="district-council-planning.pdf", council="Ashcombe District Council",
                body="Planning Committee", date="2024-03-12", start_time="19:00", end_time="21:05",
                family="Times", size=11, footer="Planning Committee – 12 March 2024        Page {page}")
    m.line("ASHCOMBE DISTRICT COUNCIL", bold=True, size=14, center=True)
    m.line("PLANNING COMMITTEE", bold=True, size=12, center=True)
    m.line("Minutes of the meeting of the Planning Committee held in the Council Chamber, Market Street, "
           "Ashcombe on Tuesday 12 March 2024 at 7.00 pm.", before=8)
    m.line("PRESENT: Councillors J Fletcher (Chairman), P Singh (Vice-Chairman), R Allen, M Brooks, "
           "C Dunmore and T Okafor.", before=8)
    for name, role in (("J Fletcher", "Chairman"), ("P Singh", "Vice-Chairman"), ("R Allen", None),
                       ("M Brooks", None), ("C Dunmore", None), ("T Okafor", None)):
        m.attend("present", name, role)
    m.line("Officers present: S Patel (Head of Planning), K Ross (Legal Adviser) and L Gray "
           "(Democratic Services Officer).")
    for name, role in (("S Patel", "Head of Planning"), ("K Ross", "Legal Adviser"),
                       ("L Gray", "Democratic Services Officer")):
        m.attend("officers", name, role)

    m.item("PL.45", "APOLOGIES FOR ABSENCE")
    m.line("Apologies for absence were received from Councillors D Hughes and F Ward.")
    m.attend("apologies", "D Hughes")
    m.attend("apologies", "F Ward")
    m.item("PL.46", "DECLARATIONS OF INTEREST")
    m.line("There were no declarations of interest.")
    m.item("PL.47", "MINUTES")
    m.line("RESOLVED – That the minutes of the meeting held on 13 February 2024 be approved as a correct "
           "record and signed by the Chairman.")
    m.resolution("That the minutes of the meeting held on 13 February 2024 be approved as a correct record "
                 "and signed by the Chairman.")
    m.item("PL.48", "APPLICATION 23/01452/FUL – LAND NORTH OF MILL LANE, OVERTON")
    m.line("The Committee considered the report of the Head of Planning on an application for the erection "
           "of 24 dwellings with associated access, parking and landscaping.")
    m.point("1", "The Head of Planning reported that two further letters of objection had been received "
            "since the agenda was published, raising highway safety and drainage.", printed_label="(1)")
    m.point("2", "Mr G Lowe addressed the Committee in objection to the application and the agent, "
            "Ms H Carter, spoke in support.", printed_label="(2)")
    m.point("3", "Members discussed the width of Mill Lane, the capacity of the junction with the B2140 "
            "and the provision of affordable housing on the site.", printed_label="(3)")
    m.line("RESOLVED:", bold=True)
    m.point("1", "That planning permission be granted subject to the conditions set out in the report.",
            printed_label="(1)", indent=18, decision=True)
    m.point("2", "That the Head of Planning be authorised to agree the final wording of the conditions with "
            "the Chairman.", printed_label="(2)", indent=18, decision=True)
    m.item("PL.49", "APPEALS DECISIONS")
    m.line("The Committee received a schedule of appeal decisions issued since the last meeting.")
    m.line("RESOLVED – That the report be noted.")
    m.resolution("That the report be noted.")
    m.item("PL.50", "ENFORCEMENT UPDATE")
    m.line("The Head of Planning gave a verbal update on enforcement cases. Councillor Brooks asked that a "
           "written summary of open cases be circulated to Members.")
    m.line("RESOLVED – That the update be noted and a written summary of open cases be circulated to all "
           "Members of the Committee.")
    m.resolution("That the update be noted and a written summary of open cases be circulated to all Members "
                 "of the Committee.")
    m.line("The meeting closed at 9.05 pm.", before=12)
    m.line("Chairman ........................................", before=18)
    return m


def nhs_board() -> Minutes:
    """An NHS trust board: attendance in a Name | Role table with Present / In attendance / Apologies
    rows, items "1." with paragraphs "1.1", "1.2", "The Board NOTED / APPROVED ..." decisions."""
    m = Minutes(source="nhs-trust-board.pdf", council="Northfield Community Health NHS Foundation Trust",
                body="Board of Directors", date="2024-01-25", start_time="10:00", end_time="12:30",
                family="DejaVu", size=9.5, header="Northfield Community Health NHS Foundation Trust",
                footer="Board of Directors (Public) minutes – 25.01.24 – Page {page} of 3")
    m.line("Minutes of the Board of Directors Meeting held in Public", bold=True, size=13)
    m.line("Thursday 25 January 2024, 10:00 – 12:30, Boardroom, Trust Headquarters, Northfield", after=8)
    rows = [["Name", "Role"], ["Present:", ""]]
    present = [("Dr Helen Marsh", "Chair"), ("Mark Osei", "Chief Executive"),
               ("Priya Nair", "Director of Finance"), ("Dr Tom Whitfield", "Medical Director"),
               ("Angela Burns", "Non-Executive Director"), ("Colin Reyes", "Non-Executive Director")]
    attending = [("Sarah Lin", "Company Secretary (minutes)"), ("Dev Chandra", "Head of Communications")]
    apologies = [("Ruth Ellison", "Director of Nursing"), ("James Tull", "Non-Executive Director")]
    for name, role in present:
        rows.append([name, role])
        m.attend("present", name, role)
    rows.append(["In attendance:", ""])
    for name, role in attending:
        rows.append([name, role])
        m.attend("in_attendance", name, role)
    rows.append(["Apologies:", ""])
    for name, role in apologies:
        rows.append([name, role])
        m.attend("apologies", name, role)
    m.table(rows, [170, 250], bold_rows={0}, span_rows=(1, len(present) + 2, len(present) + len(attending) + 3))
    m.space(10)

    m.item("1", "Welcome and apologies", "1.  Welcome and apologies")
    m.point("1", "The Chair welcomed members of the Board and the public to the meeting.", printed_label="1.1")
    m.point("2", "Apologies were noted as recorded above. The meeting was quorate.", printed_label="1.2")
    m.item("2", "Declarations of interest", "2.  Declarations of interest")
    m.point("1", "No new declarations of interest were made.", printed_label="2.1")
    m.item("3", "Minutes of the previous meeting and action log", "3.  Minutes of the previous meeting and action log")
    m.point("1", "The minutes of the meeting held on 30 November 2023 were approved as an accurate record.",
            printed_label="3.1")
    m.point("2", "The Board reviewed the action log and agreed to close actions 23/41 and 23/44.",
            printed_label="3.2")
    m.line("The Board APPROVED the minutes of the meeting held on 30 November 2023.", bold=True)
    m.resolution("The Board APPROVED the minutes of the meeting held on 30 November 2023.")
    m.item("4", "Chief Executive’s report", "4.  Chief Executive’s report")
    m.point("1", "The Chief Executive presented his report, highlighting winter pressures on community beds "
            "and the progress of the virtual ward programme.", printed_label="4.1")
    m.point("2", "Angela Burns asked how discharge delays were being tracked; the Chief Executive said a weekly "
            "report now went to the executive team.", printed_label="4.2")
    m.line("The Board NOTED the Chief Executive’s report.", bold=True)
    m.resolution("The Board NOTED the Chief Executive’s report.")
    m.item("5", "Finance report – month 9", "5.  Finance report – month 9")
    m.point("1", "The Director of Finance reported a year-to-date deficit of £1.2m, £0.3m adverse to plan, "
            "driven by agency staffing.", printed_label="5.1")
    m.point("2", "The Board discussed the recovery actions and the forecast outturn.", printed_label="5.2")
    m.line("The Board NOTED the month 9 position and APPROVED the revised capital programme.", bold=True)
    m.resolution("The Board NOTED the month 9 position and APPROVED the revised capital programme.")
    m.line("ACTION: Director of Finance to bring an agency reduction plan to the March meeting.")
    m.item("6", "Any other business", "6.  Any other business")
    m.point("1", "There was no other business. The meeting closed at 12:30.", printed_label="6.1")
    return m


def scottish_committee() -> Minutes:
    """A Scottish council committee: unnumbered bold item titles, "Decision" paragraphs with
    "The Committee agreed:- (a) ... (b) ...", a Present / In Attendance / Apologies paragraph each."""
    m = Minutes(source="scottish-council-committee.pdf", council="Glenmore Council",
                body="Education and Children's Services Committee", date="2024-05-16",
                start_time="10:00", end_time=None, family="Helvetica", size=10,
                footer="{page}")
    m.line("GLENMORE COUNCIL", bold=True, size=13)
    m.line("MINUTE of MEETING of the EDUCATION AND CHILDREN'S SERVICES COMMITTEE held in the Council "
           "Chambers, Riverside House, Glenmore, on Thursday, 16 May 2024 at 10.00 am.", after=8)
    m.line("Present: Councillor Fiona MacLeod (Convener); Councillors Euan Baird, Kirsty Drummond, "
           "Alasdair Gunn and Morag Rennie.")
    m.attend("present", "Fiona MacLeod", "Convener")
    for name in ("Euan Baird", "Kirsty Drummond", "Alasdair Gunn", "Morag Rennie"):
        m.attend("present", name)
    m.line("In Attendance: Neil Ferguson, Chief Education Officer; Claire Boyd, Committee Officer.")
    m.attend("in_attendance", "Neil Ferguson", "Chief Education Officer")
    m.attend("in_attendance", "Claire Boyd", "Committee Officer")
    m.line("Apologies: Councillor Iain Stewart.")
    m.attend("apologies", "Iain Stewart")

    m.item(None, "Declarations of Interest")
    m.line("No declarations of interest were made.")
    m.item(None, "Minute of Previous Meeting")
    m.line("There was submitted the minute of the meeting of the Committee held on 7 March 2024.")
    m.line("Decision", bold=True)
    m.line("The Committee approved the minute as a correct record.")
    m.resolution("The Committee approved the minute as a correct record.")
    m.item(None, "School Estate Strategy 2024–2034")
    m.line("There was submitted a report by the Chief Education Officer seeking approval of a draft school "
           "estate strategy for consultation. The Chief Education Officer explained that the condition "
           "surveys showed four primary schools in category C.")
    m.line("Decision", bold=True)
    m.line("The Committee agreed:-")
    parts = [("(a)", "to approve the draft strategy for public consultation;"),
             ("(b)", "to note the condition survey results; and"),
             ("(c)", "to request a further report on the outcome of the consultation.")]
    for label, text in parts:  # one decision in three parts, as its introduction says
        m.line(f"{label}&nbsp;&nbsp;{text}", indent=18, hang=24, markup=True)
    m.resolution("The Committee agreed:- " + " ".join(f"{label} {text}" for label, text in parts))
    m.item(None, "Attainment Report")
    m.line("There was submitted a report on attainment in the senior phase. Members asked about the gap "
           "between the most and least deprived pupils and the support offered to care-experienced young "
           "people.")
    m.line("Decision", bold=True)
    m.line("The Committee noted the report.")
    m.resolution("The Committee noted the report.")
    m.item(None, "Exclusion of the Public")
    m.line("The Committee resolved to exclude the public for the following item of business on the grounds "
           "that it involved the likely disclosure of exempt information.")
    m.resolution("resolved to exclude the public for the following item of business on the grounds that it "
                 "involved the likely disclosure of exempt information.")
    return m


def us_commission() -> Minutes:
    """A US city planning commission: CALL TO ORDER, ROLL CALL with Present / Absent, lettered agenda
    sections with numbered items, "Motion by ..., seconded by ..." and AYES / NOES / ABSENT."""
    m = Minutes(source="us-city-commission.pdf", council="City of Riverton", body="Planning Commission",
                date="2024-02-13", start_time="18:30", end_time="20:15", family="Times", size=11,
                pagesize=LETTER, footer="Planning Commission Minutes   February 13, 2024   Page {page}")
    m.line("CITY OF RIVERTON", bold=True, size=14, center=True)
    m.line("PLANNING COMMISSION", bold=True, size=12, center=True)
    m.line("REGULAR MEETING MINUTES", bold=True, center=True)
    m.line("Tuesday, February 13, 2024", center=True)
    m.line("City Hall Council Chambers, 200 Main Street", center=True, after=10)

    m.item("A", "CALL TO ORDER", "A.  CALL TO ORDER")
    m.line("Chair Evans called the meeting to order at 6:30 p.m.")
    m.item("B", "ROLL CALL", "B.  ROLL CALL")
    m.line("Present: Commissioners Maria Adams, Ben Baker, Lily Chen, Rafael Diaz and Chair Karen Evans.")
    for name, role in (("Maria Adams", "Commissioner"), ("Ben Baker", "Commissioner"),
                       ("Lily Chen", "Commissioner"), ("Rafael Diaz", "Commissioner"), ("Karen Evans", "Chair")):
        m.attend("present", name, role)
    m.line("Absent: Commissioner Paul Foster.")
    m.attend("absent", "Paul Foster", "Commissioner")
    m.line("Staff: Dana Whitlock, Planning Director; Omar Haddad, Senior Planner.")
    m.attend("officers", "Dana Whitlock", "Planning Director")
    m.attend("officers", "Omar Haddad", "Senior Planner")
    m.item("C", "APPROVAL OF MINUTES", "C.  APPROVAL OF MINUTES")
    m.point("1", "Minutes of the regular meeting of January 23, 2024.", printed_label="1.")
    m.line("Motion by Commissioner Adams, seconded by Commissioner Chen, to approve the minutes as "
           "presented. Motion carried 5-0 (Foster absent).")
    m.vote(mover="Adams", seconder="Chen", result="carried 5-0")
    m.item("D", "PUBLIC COMMENT", "D.  PUBLIC COMMENT")
    m.line("Jim Porter, resident, spoke about parking on Elm Street. No other members of the public spoke.")
    m.item("E", "PUBLIC HEARINGS", "E.  PUBLIC HEARINGS")
    m.point("1", "Conditional Use Permit CUP-24-03, 415 Oak Avenue: request to operate a child care center "
            "in an existing commercial building.", printed_label="1.")
    m.point("2", "Zoning Text Amendment ZTA-24-01: accessory dwelling unit standards.", printed_label="2.")
    m.line("Senior Planner Haddad presented the staff reports. The Chair opened the public hearings; two "
           "speakers supported the child care center. The Chair closed the public hearings.")
    m.line("Motion by Commissioner Diaz, seconded by Commissioner Baker, to approve CUP-24-03 subject to "
           "the conditions of approval.")
    m.line("AYES: Adams, Baker, Chen, Diaz, Evans")
    m.line("NOES: None")
    m.line("ABSENT: Foster")
    m.line("Motion carried.")
    m.vote(mover="Diaz", seconder="Baker", result="carried", **{"for": ["Adams", "Baker", "Chen", "Diaz", "Evans"]},
           against=[], absent=["Foster"])
    m.item("F", "COMMISSION AND STAFF REPORTS", "F.  COMMISSION AND STAFF REPORTS")
    m.line("Planning Director Whitlock reported that the general plan update workshop will be held on "
           "March 5, 2024.")
    m.item("G", "ADJOURNMENT", "G.  ADJOURNMENT")
    m.line("There being no further business, the meeting was adjourned at 8:15 p.m.")
    return m


def canadian_council() -> Minutes:
    """A Canadian town council: Present / Regrets / Staff Present, items "1." with "5.1" sub-items,
    "Resolution R-2024-045 Moved by ... Seconded by ... THAT ... CARRIED"."""
    m = Minutes(source="canadian-town-council.pdf", council="Town of Brackenridge",
                body="Regular Council", date="2024-04-09", start_time="19:00", end_time="20:40",
                family="Helvetica", size=10, pagesize=LETTER, footer="Page {page}")
    m.line("Town of Brackenridge", bold=True, size=15)
    m.line("Regular Council Meeting Minutes", bold=True, size=12)
    m.line("Date: Tuesday, April 9, 2024", before=6, after=1)
    m.line("Time: 7:00 p.m.", before=0, after=1)
    m.line("Location: Council Chambers, Brackenridge Municipal Office", before=0, after=8)
    m.line("Present: Mayor Linda Gauthier, Deputy Mayor Raj Sandhu, Councillor Pierre Lavoie, "
           "Councillor Emma Stroud, Councillor Noah Beaulieu")
    for name, role in (("Linda Gauthier", "Mayor"), ("Raj Sandhu", "Deputy Mayor"),
                       ("Pierre Lavoie", "Councillor"), ("Emma Stroud", "Councillor"),
                       ("Noah Beaulieu", "Councillor")):
        m.attend("present", name, role)
    m.line("Regrets: Councillor Janet Koenig")
    m.attend("apologies", "Janet Koenig", "Councillor")
    m.line("Staff Present: Greg Holm, Chief Administrative Officer; Anita Roy, Clerk; "
           "Sam Ortiz, Director of Public Works")
    for name, role in (("Greg Holm", "Chief Administrative Officer"), ("Anita Roy", "Clerk"),
                       ("Sam Ortiz", "Director of Public Works")):
        m.attend("officers", name, role)

    m.item("1", "Call to Order", "1.  Call to Order")
    m.line("Mayor Gauthier called the meeting to order at 7:00 p.m.")
    m.item("2", "Adoption of Agenda", "2.  Adoption of Agenda")
    m.line("Resolution R-2024-045")
    m.line("Moved by: Councillor Lavoie", before=0, after=0)
    m.line("Seconded by: Councillor Stroud", before=0, after=3)
    m.line("THAT the agenda for the April 9, 2024 Regular Council Meeting be adopted as presented.")
    m.line("CARRIED", bold=True)
    m.resolution("THAT the agenda for the April 9, 2024 Regular Council Meeting be adopted as presented.")
    m.vote(mover="Lavoie", seconder="Stroud", result="CARRIED")
    m.item("3", "Disclosure of Pecuniary Interest", "3.  Disclosure of Pecuniary Interest")
    m.line("None.")
    m.item("4", "Adoption of Minutes", "4.  Adoption of Minutes")
    m.line("Resolution R-2024-046")
    m.line("Moved by: Deputy Mayor Sandhu", before=0, after=0)
    m.line("Seconded by: Councillor Beaulieu", before=0, after=3)
    m.line("THAT the minutes of the Regular Council Meeting held March 26, 2024 be adopted as circulated.")
    m.line("CARRIED", bold=True)
    m.resolution("THAT the minutes of the Regular Council Meeting held March 26, 2024 be adopted as circulated.")
    m.vote(mover="Sandhu", seconder="Beaulieu", result="CARRIED")
    m.item("5", "Staff Reports", "5.  Staff Reports")
    m.point("1", "Report PW-2024-07, 2024 Road Resurfacing Tender. The Director of Public Works reviewed the "
            "three bids received.", printed_label="5.1")
    m.point("2", "Report CAO-2024-03, Community Grant Program Intake. The Chief Administrative Officer "
            "outlined the proposed intake dates.", printed_label="5.2")
    m.line("Resolution R-2024-047")
    m.line("Moved by: Councillor Stroud", before=0, after=0)
    m.line("Seconded by: Councillor Lavoie", before=0, after=3)
    m.line("THAT Council award the 2024 Road Resurfacing Tender to Northline Paving Ltd. in the amount of "
           "$684,250 plus HST.")
    m.line("CARRIED", bold=True)
    m.resolution("THAT Council award the 2024 Road Resurfacing Tender to Northline Paving Ltd. in the amount "
                 "of $684,250 plus HST.")
    m.vote(mover="Stroud", seconder="Lavoie", result="CARRIED")
    m.item("6", "Adjournment", "6.  Adjournment")
    m.line("Resolution R-2024-048")
    m.line("Moved by: Councillor Beaulieu", before=0, after=0)
    m.line("Seconded by: Deputy Mayor Sandhu", before=0, after=3)
    m.line("THAT the meeting be adjourned at 8:40 p.m.")
    m.line("CARRIED", bold=True)
    m.resolution("THAT the meeting be adjourned at 8:40 p.m.")
    m.vote(mover="Beaulieu", seconder="Sandhu", result="CARRIED")
    return m


def parish_council() -> Minutes:
    """A parish council: "24/101" item numbers in a left column, "a)" sub-points, apologies and
    the Clerk in the text, "Resolved: that ..." in mixed case."""
    m = Minutes(source="parish-council.pdf", council="Little Hadley Parish Council",
                body="Little Hadley Parish Council", date="2024-04-08", start_time="19:30", end_time="21:10",
                family="DejaVu", size=10, footer="Signed ......................... Chair      Page {page}")
    m.line("LITTLE HADLEY PARISH COUNCIL", bold=True, size=13, center=True)
    m.line("Minutes of the Meeting of the Parish Council held on Monday 8th April 2024 at 7.30pm in the "
           "Village Hall", center=True, after=8)
    m.line("Present: Cllrs R Whitaker (Chair), S Greaves, A Mistry, J Holloway and P Yeung.")
    m.attend("present", "R Whitaker", "Chair")
    for name in ("S Greaves", "A Mistry", "J Holloway", "P Yeung"):
        m.attend("present", name)
    m.line("In attendance: Mrs E Tanner (Clerk), District Cllr M Fox and 3 members of the public.")
    m.attend("in_attendance", "E Tanner", "Clerk")
    m.attend("in_attendance", "M Fox", "District Cllr")

    m.item("24/101", "Apologies for absence", "24/101  Apologies for absence")
    m.line("Apologies were received and accepted from Cllr D Barker (work commitments).", indent=48)
    m.attend("apologies", "D Barker")
    m.item("24/102", "Declarations of interest", "24/102  Declarations of interest")
    m.line("None.", indent=48)
    m.item("24/103", "Minutes", "24/103  Minutes")
    m.line("Resolved: that the minutes of the meeting held on 11th March 2024 be approved and signed as a "
           "true record.", indent=48)
    m.resolution("that the minutes of the meeting held on 11th March 2024 be approved and signed as a true record.")
    m.item("24/104", "Finance", "24/104  Finance")
    m.point("a", "The bank reconciliation to 31st March 2024 was noted.", printed_label="a)", indent=48, hang=18)
    m.point("b", "Payments of £1,482.60 as listed on the schedule were approved.", printed_label="b)",
            indent=48, hang=18)
    m.point("c", "The Clerk reported that the precept of £18,500 would be received in April.",
            printed_label="c)", indent=48, hang=18)
    m.item("24/105", "Highways and footpaths", "24/105  Highways and footpaths")
    m.point("a", "The pothole on Church Lane has been reported again to the County Council.",
            printed_label="a)", indent=48, hang=18)
    m.point("b", "Footpath 7 stile is broken; Cllr Holloway will contact the landowner.", printed_label="b)",
            indent=48, hang=18)
    m.item("24/106", "Playing field", "24/106  Playing field")
    m.line("Two quotations for the replacement of the swing seats were considered.", indent=48)
    m.line("Resolved: to accept the quotation from Greenplay Ltd for £640.", indent=48)
    m.resolution("to accept the quotation from Greenplay Ltd for £640.")
    m.item("24/107", "Date of next meeting", "24/107  Date of next meeting")
    m.line("Monday 13th May 2024 (Annual Meeting). The meeting closed at 9.10pm.", indent=48)
    return m


TEMPLATES = {
    "district_council": district_council,
    "nhs_board": nhs_board,
    "scottish_committee": scottish_committee,
    "us_commission": us_commission,
    "canadian_council": canadian_council,
    "parish_council": parish_council,
}


def build(name: str, folder: Path) -> tuple[Path, dict]:
    """Typeset one template into ``folder``; (its PDF, its gold)."""
    minutes = TEMPLATES[name]()
    return minutes.save(Path(folder) / minutes.gold["source"])


def national_board() -> Minutes:
    """A national body's board: "BM/24/045" minute numbers, members and attendees each in a
    borderless Name | Role table under a bold heading, "DECISION:" lines and "ACTION:" owners."""
    m = Minutes(source="national-board.pdf", council="National Heritage Lottery Board",
                body="Board", date="2024-06-19", start_time="09:30", end_time="13:00",
                family="Helvetica", size=10, header="OFFICIAL",
                footer="Board minutes 19 June 2024 | {page}")
    m.line("National Heritage Lottery Board", bold=True, size=14)
    m.line("Minutes of the 112th meeting of the Board", bold=True, size=12)
    m.line("Date: 19 June 2024", before=6, after=1)
    m.line("Time: 09:30 – 13:00", before=0, after=1)
    m.line("Venue: Board Room, 7 Holbein Place, London, and by video link", before=0, after=8)
    m.line("Board members present", bold=True)
    members = [("Sir Alan Crowe", "Chair"), ("Professor Nadia Islam", "Deputy Chair"),
               ("Gareth Lewis", "Board Member for Wales"), ("Fiona Campbell", "Board Member for Scotland"),
               ("Peter O’Neill", "Board Member for Northern Ireland")]
    m.table([list(r) for r in members], [170, 250], grid=False)
    for name, role in members:
        m.attend("present", name, role)
    m.line("In attendance", bold=True, before=8)
    staff = [("Ruth Kemp", "Chief Executive"), ("Daniel Obi", "Director of Finance and Corporate Services"),
             ("Hannah Wood", "Board Secretary")]
    m.table([list(r) for r in staff], [170, 250], grid=False)
    for name, role in staff:
        m.attend("in_attendance", name, role)
    m.line("Apologies: Lord Michael Hart (Board Member)", before=8)
    m.attend("apologies", "Michael Hart", "Board Member")

    m.item("BM/24/045", "Welcome, apologies and declarations of interest",
           "BM/24/045  Welcome, apologies and declarations of interest")
    m.point("1", "The Chair welcomed members. Apologies were received from Lord Hart.", printed_label="1.")
    m.point("2", "Gareth Lewis declared an interest in the Cardiff Castle grant and left the meeting for that item.",
            printed_label="2.", declaration=True)
    m.item("BM/24/046", "Minutes of the previous meeting and matters arising",
           "BM/24/046  Minutes of the previous meeting and matters arising")
    m.point("1", "The minutes of the meeting held on 17 April 2024 were agreed as a correct record.",
            printed_label="1.")
    m.line("DECISION: The Board approved the minutes of 17 April 2024.")
    m.resolution("The Board approved the minutes of 17 April 2024.")
    m.item("BM/24/047", "Chief Executive’s report", "BM/24/047  Chief Executive’s report")
    m.point("1", "The Chief Executive introduced her report, covering the opening of the new funding round and "
            "staff engagement survey results.", printed_label="1.")
    m.point("2", "Members asked for more detail on regional take-up of the funding round.", printed_label="2.")
    m.line("ACTION: Chief Executive to circulate regional take-up figures by 31 July 2024.")
    m.item("BM/24/048", "Annual Report and Accounts 2023–24", "BM/24/048  Annual Report and Accounts 2023–24")
    m.point("1", "The Director of Finance presented the draft Annual Report and Accounts, which had been reviewed "
            "by the Audit and Risk Assurance Committee.", printed_label="1.")
    m.line("DECISION: The Board approved the Annual Report and Accounts 2023–24 for laying before Parliament, "
           "subject to the Comptroller and Auditor General’s certificate.")
    m.resolution("The Board approved the Annual Report and Accounts 2023–24 for laying before Parliament, subject "
                 "to the Comptroller and Auditor General’s certificate.")
    m.item("BM/24/049", "Grant decisions over £5 million", "BM/24/049  Grant decisions over £5 million")
    m.point("1", "The Board considered two applications recommended by the Investment Committee.",
            printed_label="1.")
    m.line("DECISION: The Board awarded £6.2m to the Cardiff Castle Conservation Project and £5.4m to the "
           "Tyne Waterfront Heritage Trail.")
    m.resolution("The Board awarded £6.2m to the Cardiff Castle Conservation Project and £5.4m to the Tyne "
                 "Waterfront Heritage Trail.")
    m.item("BM/24/050", "Any other business", "BM/24/050  Any other business")
    m.point("1", "There was no other business. The meeting closed at 13:00.", printed_label="1.")
    return m


def welsh_council() -> Minutes:
    """A Welsh county council committee: "45/24" minute numbers in capitals, "County Councillors"
    listed under PRESENT, officers with dashes, "RESOLVED that the Committee: (a) ... (b) ...",
    and a member arriving late noted in the text."""
    m = Minutes(source="welsh-county-council.pdf", council="Cyngor Sir Penfro Fach County Council",
                body="Cabinet", date="2024-07-02", start_time="10:00", end_time="11:45",
                family="Times", size=11, footer="{page}")
    m.line("CYNGOR SIR PENFRO FACH COUNTY COUNCIL", bold=True, size=13, center=True)
    m.line("MINUTES of a meeting of the CABINET held at County Hall, Llanfair on Tuesday, 2 July 2024 at "
           "10.00 am", center=True, after=8)
    m.line("PRESENT:", bold=True, after=1)
    m.line("County Councillor Rhian Morgan (Leader) (Chair)", indent=36, before=0, after=1)
    m.line("County Councillors Owain Jenkins, Sian Pritchard, Huw Rees and Bethan Williams", indent=36, before=0)
    m.attend("present", "Rhian Morgan", "Leader")
    for name in ("Owain Jenkins", "Sian Pritchard", "Huw Rees", "Bethan Williams"):
        m.attend("present", name)
    m.line("Also present:", bold=True, after=1)
    m.line("County Councillor Gwyn Evans (Chair, Overview and Scrutiny Committee)", indent=36, before=0)
    m.attend("in_attendance", "Gwyn Evans", "Chair, Overview and Scrutiny Committee")
    m.line("Officers:", bold=True, after=1)
    m.line("Will Bowen – Chief Executive; Catrin Lloyd – Head of Legal Services; Aled Thomas – Democratic "
           "Services Officer", indent=36, before=0)
    for name, role in (("Will Bowen", "Chief Executive"), ("Catrin Lloyd", "Head of Legal Services"),
                       ("Aled Thomas", "Democratic Services Officer")):
        m.attend("officers", name, role)

    m.item("31/24", "APOLOGIES", "31/24  APOLOGIES")
    m.line("Apologies for absence were received from County Councillor Dafydd Hughes.", indent=48)
    m.attend("apologies", "Dafydd Hughes")
    m.item("32/24", "DECLARATIONS OF INTEREST", "32/24  DECLARATIONS OF INTEREST")
    m.line("No declarations of interest were made.", indent=48)
    m.item("33/24", "MINUTES", "33/24  MINUTES")
    m.line("RESOLVED that the minutes of the meeting held on 4 June 2024 be confirmed as a correct record.",
           indent=48)
    m.resolution("that the minutes of the meeting held on 4 June 2024 be confirmed as a correct record.")
    m.item("34/24", "WELSH LANGUAGE STRATEGY 2024–2029", "34/24  WELSH LANGUAGE STRATEGY 2024–2029")
    m.line("The Cabinet Member for Education and the Welsh Language presented the report. She highlighted:",
           indent=48)
    m.point("a", "the target of 40% of pupils in Welsh-medium education by 2032;", printed_label="a)", indent=66,
            hang=18)
    m.point("b", "the new immersion centre opening in September; and", printed_label="b)", indent=66, hang=18)
    m.point("c", "work with town and community councils on signage.", printed_label="c)", indent=66, hang=18)
    m.line("RESOLVED that the Cabinet:", indent=48)
    parts = [("(a)", "approves the Welsh Language Strategy 2024–2029; and"),
             ("(b)", "delegates minor amendments to the Head of Legal Services.")]
    for label, text in parts:
        m.line(f"{label}&nbsp;&nbsp;{text}", indent=66, hang=24, markup=True)
    m.resolution("that the Cabinet: " + " ".join(f"{label} {text}" for label, text in parts))
    m.item("35/24", "REVENUE BUDGET MONITORING – QUARTER 1", "35/24  REVENUE BUDGET MONITORING – QUARTER 1")
    m.line("The Leader presented the report, which forecast an overspend of £2.1m, mainly in social care.",
           indent=48)
    m.line("RESOLVED that the report be noted.", indent=48)
    m.resolution("that the report be noted.")
    m.line("The meeting ended at 11.45 am.", before=12)
    return m


def us_city_council() -> Minutes:
    """A US city council: numbered sections with "6.1" consent items, "Councilmembers" on the roll,
    a motion passed "by the following vote" with AYES / NOES / ABSTAIN / ABSENT, and an ordinance."""
    m = Minutes(source="us-city-council.pdf", council="City of Lakewood Springs", body="City Council",
                date="2024-10-15", start_time="19:00", end_time="21:32", family="DejaVu", size=10,
                pagesize=LETTER, footer="City Council Minutes – October 15, 2024 – Page {page} of 2")
    m.line("MINUTES", bold=True, size=13, center=True)
    m.line("CITY OF LAKEWOOD SPRINGS", bold=True, center=True)
    m.line("CITY COUNCIL REGULAR MEETING", bold=True, center=True)
    m.line("October 15, 2024 – 7:00 PM", center=True, after=10)
    m.item("1", "CALL TO ORDER", "1.  CALL TO ORDER")
    m.line("Mayor Hollis called the meeting to order at 7:00 p.m.")
    m.item("2", "ROLL CALL", "2.  ROLL CALL")
    m.line("Present: Mayor Grace Hollis, Mayor Pro Tem Luis Ortega, Councilmembers Ann Whitley, Derek Foy "
           "and Sunita Rao")
    for name, role in (("Grace Hollis", "Mayor"), ("Luis Ortega", "Mayor Pro Tem"), ("Ann Whitley", "Councilmember"),
                       ("Derek Foy", "Councilmember"), ("Sunita Rao", "Councilmember")):
        m.attend("present", name, role)
    m.line("Absent: None")
    m.line("Staff Present: City Manager Tom Brandt, City Attorney Lena Park, City Clerk Rosa Diaz")
    for name, role in (("Tom Brandt", "City Manager"), ("Lena Park", "City Attorney"), ("Rosa Diaz", "City Clerk")):
        m.attend("officers", name, role)
    m.item("3", "PLEDGE OF ALLEGIANCE", "3.  PLEDGE OF ALLEGIANCE")
    m.line("Councilmember Rao led the Pledge of Allegiance.")
    m.item("4", "PUBLIC COMMENTS", "4.  PUBLIC COMMENTS")
    m.line("Three speakers addressed the Council on traffic calming on Birch Road.")
    m.item("5", "CONSENT CALENDAR", "5.  CONSENT CALENDAR")
    m.point("1", "Approve the minutes of the October 1, 2024 regular meeting.", printed_label="5.1")
    m.point("2", "Receive and file the investment report for September 2024.", printed_label="5.2")
    m.point("3", "Award a contract to Summit Paving Inc. for the 2024 slurry seal project in the amount of "
            "$412,600.", printed_label="5.3")
    m.line("Motion by Councilmember Whitley, seconded by Mayor Pro Tem Ortega, to approve the Consent Calendar. "
           "The motion passed by the following vote:")
    m.line("AYES: Hollis, Ortega, Whitley, Foy, Rao", before=0, after=0)
    m.line("NOES: None", before=0, after=0)
    m.line("ABSTAIN: None", before=0, after=0)
    m.line("ABSENT: None", before=0)
    m.vote(mover="Whitley", seconder="Ortega", result="passed", **{"for": ["Hollis", "Ortega", "Whitley", "Foy", "Rao"]},
           against=[], abstain=[], absent=[])
    m.item("6", "PUBLIC HEARINGS", "6.  PUBLIC HEARINGS")
    m.point("1", "Ordinance No. 2024-11 amending Chapter 17.40 of the Municipal Code regarding short-term rentals "
            "(first reading).", printed_label="6.1")
    m.line("City Attorney Park presented the staff report. Mayor Hollis opened the public hearing; four speakers "
           "addressed the Council. Mayor Hollis closed the public hearing.")
    m.line("Motion by Councilmember Foy, seconded by Councilmember Rao, to introduce Ordinance No. 2024-11 and "
           "waive further reading. The motion passed by the following vote:")
    m.line("AYES: Hollis, Ortega, Foy, Rao", before=0, after=0)
    m.line("NOES: Whitley", before=0, after=0)
    m.line("ABSTAIN: None", before=0, after=0)
    m.line("ABSENT: None", before=0)
    m.vote(mover="Foy", seconder="Rao", result="passed", **{"for": ["Hollis", "Ortega", "Foy", "Rao"]},
           against=["Whitley"], abstain=[], absent=[])
    m.item("7", "ADJOURNMENT", "7.  ADJOURNMENT")
    m.line("Mayor Hollis adjourned the meeting at 9:32 p.m.")
    return m


TEMPLATES.update({
    "national_board": national_board,
    "welsh_council": welsh_council,
    "us_city_council": us_city_council,
})


def trust_board_grid() -> Minutes:
    """An NHS trust board minuted in a ruled grid, as many trusts do: a Minute | Item | Action
    table whose rows carry the minute number ("TB24/031"), the item's bold title with its
    paragraphs, and the action owner; the attendance above it as a paragraph per list."""
    m = Minutes(source="trust-board-grid.pdf", council="Eastmoor Hospitals NHS Trust", body="Trust Board",
                date="2024-09-05", start_time="13:30", end_time=None, family="Helvetica", size=9.5,
                footer="Trust Board 5 September 2024 – Page {page}")
    m.line("Eastmoor Hospitals NHS Trust", bold=True, size=13)
    m.line("Minutes of the Trust Board meeting held in public on 5 September 2024 at 1.30pm, Education Centre",
           bold=True, after=8)
    m.line("Present: Julia Frost (Chair), Aidan Moore (Chief Executive), Kemi Adeyemi (Chief Nurse), "
           "Stephen Hall (Non-Executive Director), Lucy Grant (Non-Executive Director)")
    for name, role in (("Julia Frost", "Chair"), ("Aidan Moore", "Chief Executive"), ("Kemi Adeyemi", "Chief Nurse"),
                       ("Stephen Hall", "Non-Executive Director"), ("Lucy Grant", "Non-Executive Director")):
        m.attend("present", name, role)
    m.line("In attendance: Paula Reid (Trust Secretary), Imran Shah (Deputy Director of Strategy)")
    m.attend("in_attendance", "Paula Reid", "Trust Secretary")
    m.attend("in_attendance", "Imran Shah", "Deputy Director of Strategy")
    m.line("Apologies: Martin Cole (Chief Operating Officer)", after=10)
    m.attend("apologies", "Martin Cole", "Chief Operating Officer")

    rows = [[Paragraph("<b>Minute</b>", m.style(before=0, after=0)),
             Paragraph("<b>Item</b>", m.style(before=0, after=0)),
             Paragraph("<b>Action</b>", m.style(before=0, after=0))]]

    def row(number, title, paras, action="", decisions=()):
        m.gold["items"].append({"number": number, "title": title, "points": [], "resolutions": [], "votes": []})
        cell = [Paragraph(f"<b>{html.escape(title)}</b>", m.style(before=0, after=3))]
        for label, text in paras:
            if label:
                cell.append(Paragraph(f"{html.escape(label)}&nbsp;&nbsp;{html.escape(text)}",
                                      m.style(hang=18, before=0, after=3)))
                m.gold["items"][-1]["points"].append({"label": label.split(".")[-1], "parent": None, "text": text})
            else:
                cell.append(Paragraph(html.escape(text), m.style(before=0, after=3)))
        for text in decisions:
            cell.append(Paragraph(html.escape(text), m.style(bold=True, before=0, after=3)))
            m.resolution(text)
        rows.append([Paragraph(html.escape(number), m.style(before=0, after=0)), cell,
                     Paragraph(html.escape(action), m.style(before=0, after=0))])

    row("TB24/031", "Welcome and apologies", [("", "The Chair welcomed everyone. Apologies were noted as above.")])
    row("TB24/032", "Declarations of interest", [("", "There were no declarations of interest.")])
    row("TB24/033", "Minutes of the meeting held on 4 July 2024",
        [("", "The minutes were agreed as an accurate record.")],
        decisions=["The Board APPROVED the minutes of 4 July 2024."])
    row("TB24/034", "Patient safety and quality report",
        [("34.1", "The Chief Nurse presented the report, noting two serious incidents declared in July."),
         ("34.2", "Lucy Grant asked about nurse staffing on the surgical wards; the Chief Nurse said a review "
                  "would report in October."),
         ("34.3", "The Board discussed the rise in pressure ulcers and the actions being taken.")],
        action="KA", decisions=["The Board NOTED the report."])
    row("TB24/035", "Finance report – month 4",
        [("", "The Chief Executive presented the month 4 position on behalf of the Director of Finance: a deficit "
              "of £3.4m against a planned £2.9m.")],
        action="AM", decisions=["The Board NOTED the month 4 financial position."])
    row("TB24/036", "Any other business", [("", "There was no other business.")])
    t = Table(rows, colWidths=[62, 340, 58], repeatRows=1, hAlign="LEFT")
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey)]))
    m.flow.append(t)
    return m


TEMPLATES["trust_board_grid"] = trust_board_grid


def town_council() -> Minutes:
    """An English town council whose item headings are set larger, not bolder: "123. Apologies"
    in 12.5 point plain type over 10 point text, "123.1" paragraphs, "RESOLVED that ..."."""
    m = Minutes(source="town-council.pdf", council="Ashworth Town Council", body="Ashworth Town Council",
                date="2024-11-20", start_time="19:00", end_time="20:30", family="Times", size=10,
                footer="Ashworth Town Council – Full Council 20.11.2024 – {page}")
    m.line("Ashworth Town Council", size=16, center=True)
    m.line("Minutes of the Meeting of Ashworth Town Council held on Wednesday 20 November 2024 at 7.00pm "
           "in the Council Chamber, Town Hall", center=True, after=8)
    m.line("Present: Cllr H Baxter (Town Mayor), Cllr G Collins (Deputy Mayor), Cllr N Ahmed, Cllr S Duffy, "
           "Cllr W Price")
    for name, role in (("H Baxter", "Town Mayor"), ("G Collins", "Deputy Mayor"), ("N Ahmed", None),
                       ("S Duffy", None), ("W Price", None)):
        m.attend("present", name, role)
    m.line("Officers: Mrs J Palmer (Town Clerk), Mr K Osei (Deputy Town Clerk)")
    m.attend("officers", "J Palmer", "Town Clerk")
    m.attend("officers", "K Osei", "Deputy Town Clerk")

    def head(number, title):
        m.item(number, title, f"{number}. {title}", bold=False, size=12.5, before=12)

    head("123", "Apologies for Absence")
    m.line("Apologies were received from Cllr L Turner and Cllr R Webb.")
    m.attend("apologies", "L Turner")
    m.attend("apologies", "R Webb")
    head("124", "Minutes of the Previous Meeting")
    m.line("RESOLVED that the minutes of the meeting held on 23 October 2024 be approved as a correct record.")
    m.resolution("that the minutes of the meeting held on 23 October 2024 be approved as a correct record.")
    head("125", "Town Centre Christmas Lights")
    m.point("1", "The Town Clerk reported that the lights would be switched on by the Town Mayor on 30 November.",
            printed_label="125.1")
    m.point("2", "Members thanked the volunteers who had tested the displays.", printed_label="125.2")
    head("126", "Budget and Precept 2025/26")
    m.point("1", "The Deputy Town Clerk presented the draft budget, with a precept increase of 3.5%.",
            printed_label="126.1")
    m.point("2", "Cllr Duffy asked about the reserve for the Town Hall roof.", printed_label="126.2")
    m.line("RESOLVED that the draft budget be recommended to the January meeting with a precept of £412,000.")
    m.resolution("that the draft budget be recommended to the January meeting with a precept of £412,000.")
    head("127", "Date of Next Meeting")
    m.line("Wednesday 22 January 2025 at 7.00pm. The meeting closed at 8.30pm.")
    return m


TEMPLATES["town_council"] = town_council
