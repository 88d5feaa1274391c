"""Column meaning by synonyms: other councils' words and column orders must map."""
from __future__ import annotations

import pytest

from plantrace.extract.model import Cell
from plantrace.extract.pdf import load_pdf
from plantrace.extract.plan import extract_plan
from plantrace.extract.plan.headers import column_roles, header_role, is_header_row
from tests.plan_pdf_builders import draw_ruled, new_canvas, text_line


@pytest.mark.parametrize("text,role", [
    ("ACCOUNTABILITY", "accountability"), ("DELIVERY LEAD", "accountability"), ("Lead\nOfficer", "accountability"),
    ("Responsible officer", "accountability"), ("Owner", "accountability"),
    ("TARGET DATE", "target_date"), ("Timescale", "target_date"), ("By when", "target_date"),
    ("Deadline", "target_date"),
    ("PROGRESS", "progress"), ("PROGRESS MILESTONES", "progress"), ("Update", "progress"),
    ("Progress to date", "progress"),
    ("MONITOR/\nEVALUATER", "monitor"), ("Monitored by", "monitor"),
    ("ACTION", "action"), ("Actions", "action"), ("What we will do", "action"),
    ("Ref", "ref"), ("No.", "ref"), ("Re\nf.", "ref"),
    ("Pro\ngres\ns\nRA\nG", "rag"), ("Ofsted\nRecommendation", "recommendation"),
    # one merged column for the number and the text: the text's role wins
    ("Ref. Ofsted\nRecommendation", "recommendation"), ("No. Action", "action"), ("Reference number", "ref"),
    ("Evidence of Completion or\nEvidence of Progress", "evidence"),
    ("Further Actions in\nprogress", "further_actions"),
])
def test_header_synonyms(text, role):
    assert header_role(text) == role


def test_data_row_is_not_a_header():
    header = [Cell("Actions"), Cell("Owner"), Cell("Deadline")]
    data = [Cell("1.1 Update the policy"), Cell("Progress lead"), Cell("May 2017")]
    assert is_header_row(header)
    assert not is_header_row(data)


def test_merged_header_covers_id_and_text_columns():
    row = [Cell("ACTION"), Cell("", continued=True), Cell("PROGRESS MILESTONES"), Cell("TARGET DATE")]
    assert column_roles(row) == {0: "action", 1: "action", 2: "progress", 3: "target_date"}


def test_renamed_and_reordered_columns_map(tmp_path):
    path = tmp_path / "other-template.pdf"
    c = new_canvas(path)
    text_line(c, 40, 40, "PRIORITY 2: Keep children safe at home", bold=True)
    text_line(c, 40, 60, "Measures of success:", bold=True)
    text_line(c, 48, 76, "• Fewer repeat referrals")
    draw_ruled(c, 40, 100, [70, 120, 150, 80, 200, 120], [
        ["No.", "Responsible officer", "What we will do", "By when", "Progress to date", "Monitored by"],
        ["2.1", "Dee Owner\nEd Helper", "Review the front door", "March\n2018", "• Review started\n• Draft ready",
         "Fay Checker"],
        [None, "Dee Owner", None, "June 2018", "Final report due", "Fay Checker"],
        ["2.2", "Ed Helper", "Train all staff", "TBC", "Not started", "Fay Checker"],
    ])
    c.showPage()
    c.save()
    (rec,) = extract_plan(load_pdf(path))["recommendations"]
    assert rec["number"] == "2" and rec["text"] == "Keep children safe at home"
    assert rec["measured_by"] == ["Fewer repeat referrals"]
    a1, a2 = rec["actions"]
    assert (a1["id"], a1["text"]) == ("2.1", "Review the front door")
    assert len(a1["updates"]) == 2
    u1, u2 = a1["updates"]
    assert u1["progress"] == "Review started Draft ready"
    assert u1["target_date"]["text"] == "March 2018"
    assert u1["accountability_lines"] == ["Dee Owner", "Ed Helper"]
    assert u1["monitor_text"] == "Fay Checker"
    assert (u2["progress"], u2["target_date"]["text"]) == ("Final report due", "June 2018")
    assert (a2["id"], a2["updates"][0]["accountability_text"]) == ("2.2", "Ed Helper")


def test_recommendation_headings_set_as_rows_of_the_table(tmp_path):
    """Some plans put "Recommendation n: ..." in a row across the whole table instead of
    above it: the row opens a recommendation and is no action."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    style = getSampleStyleSheet()["BodyText"]
    cell = lambda text: Paragraph(text, style)  # noqa: E731
    rows = [
        ["Ref", "Action", "Timescale", "Lead Officer", "Progress"],
        [cell("<b>Recommendation 1: Improve the quality of supervision</b>"), "", "", "", ""],
        ["1.1", cell("Introduce a supervision policy"), cell("March 2018"), cell("Ann Example – Head of Service"),
         cell("Policy drafted")],
        ["1.2", cell("Audit supervision quarterly"), cell("Q1 2018/19"), cell("Bo Sample"), cell("First audit booked")],
        [cell("<b>Recommendation 2: Reduce social work caseloads</b>"), "", "", "", ""],
        ["2.1", cell("Recruit permanent social workers"), cell("June 2018"), cell("Cy Person"), cell("Advert out")],
    ]
    table = Table(rows, colWidths=[40, 260, 90, 150, 200])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("SPAN", (0, 1), (-1, 1)),
                               ("SPAN", (0, 4), (-1, 4)), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    path = tmp_path / "headings-in-table.pdf"
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([table])
    recs = extract_plan(load_pdf(path))["recommendations"]
    assert [(r["number"], r["text"]) for r in recs] == [
        ("1", "Improve the quality of supervision"), ("2", "Reduce social work caseloads")]
    assert [[a["id"] for a in r["actions"]] for r in recs] == [["1.1", "1.2"], ["2.1"]]
    assert all(len(a["updates"]) == 1 for r in recs for a in r["actions"])
    assert recs[0]["actions"][0]["updates"][0]["progress"] == "Policy drafted"


def test_unlabelled_numbered_headings_and_unnumbered_actions(tmp_path):
    """A plan that heads its sections "1. ..." in bold or "Theme 2: ...", numbers no
    action, and repeats the header for each section's table on the same page."""
    path = tmp_path / "plain-plan.pdf"
    c = new_canvas(path)
    text_line(c, 40, 40, "Children's Services Improvement Plan", bold=True)
    text_line(c, 40, 70, "1. Improve the quality of supervision", bold=True)
    widths, header = [220, 200, 90, 130], ["Action", "Progress", "Deadline", "Owner"]
    draw_ruled(c, 40, 90, widths, [header,
                                   ["Introduce a supervision policy", "Drafted", "March 2018", "Ann Example"],
                                   ["Audit supervision quarterly", "First audit booked", "June 2018", "Bo Sample"]])
    text_line(c, 40, 180, "Theme 2: Reduce caseloads", bold=True)
    draw_ruled(c, 40, 200, widths, [header, ["Recruit permanent social workers", "Advert out", "June 2018", "Cy Person"]])
    text_line(c, 40, 260, "4. Not the next number, so prose in bold", bold=True)
    c.showPage()
    c.save()
    recs = extract_plan(load_pdf(path))["recommendations"]
    assert [(r["number"], r["text"]) for r in recs] == [
        ("1", "Improve the quality of supervision"), ("2", "Reduce caseloads")]
    assert [[a["text"] for a in r["actions"]] for r in recs] == [
        ["Introduce a supervision policy", "Audit supervision quarterly"], ["Recruit permanent social workers"]]
    assert recs[1]["actions"][0]["updates"][0]["target_date"]["text"] == "June 2018"



def test_a_status_column_of_words_decides_the_status(tmp_path):
    """"Status" holds ratings in some plans and status words in others; the words are
    kept as printed and, where they state a status, decide it."""
    from plantrace.ingest.batch import extract_file

    path = tmp_path / "status-words.pdf"
    c = new_canvas(path)
    text_line(c, 40, 40, "Recommendation 1: Improve supervision", bold=True)
    draw_ruled(c, 40, 60, [200, 200, 80, 90, 130], [
        ["Action", "Progress", "Status", "Target date", "Lead"],
        ["1.1 Introduce a supervision policy", "Policy launched", "Complete", "March 2018", "Ann Example"],
        ["1.2 Audit supervision quarterly", "First audit booked", "On track", "June 2018", "Bo Sample"],
        ["1.3 Train managers", "Trainer not yet found", "Not started", "July 2018", "Cy Person"],
        ["1.4 Review caseloads", "Review delayed by sickness", "Delayed", "May 2018", "Cy Person"],
        ["1.5 Publish the offer", "Drafted", "Amber", "May 2018", "Cy Person"],
    ])
    c.showPage()
    c.save()
    record, _ = extract_file(path)
    updates = [a["updates"][0] for a in record["plan"]["recommendations"][0]["actions"]]
    assert [(u["status"], u.get("status_text"), u["rag"]) for u in updates] == [
        ("completed", "Complete", None), ("in_progress", "On track", None), ("not_started", "Not started", None),
        ("unknown", "Delayed", None), ("unknown", None, "A")]
