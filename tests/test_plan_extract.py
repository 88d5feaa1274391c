"""Action plans and progress reports: scored against gold, plus page-break debris built on purpose."""
from __future__ import annotations

import pytest

from plantrace.extract.pdf import load_pdf
from plantrace.extract.plan import extract_plan
from tests.plan_pdf_builders import draw_ruled, new_canvas, text_line
from tests.plan_score import report, score_plan

HEADER = ["ACTION", "PROGRESS", "TARGET DATE", "ACCOUNTABILITY", "MONITOR/\nEVALUATER"]
WIDTHS = [150, 220, 90, 130, 130]


@pytest.mark.parametrize("doc,n_actions", [("000", 82), ("003", 48)])
def test_plan_matches_gold(pdf_model, gold, doc, n_actions):
    out = extract_plan(pdf_model(doc))
    s = score_plan(out, gold(f"{doc}.plan.json"))
    print()
    print(report(doc, s))
    for miss in s["misses"][:10]:
        print("    MISS", miss)
    assert s["actions_gold"] == n_actions
    assert s["actions_found"] == n_actions
    assert s["ratio"] >= 0.98


def test_every_update_has_contract_fields(pdf_model):
    out = extract_plan(pdf_model("000"))
    ups = [u for r in out["recommendations"] for a in r["actions"] for u in a["updates"]]
    assert ups
    for u in ups:
        assert set(u) >= {"progress", "page", "bbox", "raw", "target_date", "accountability_text",
                          "monitor_text", "accountability_lines", "monitor_lines"}
        assert "text" in u["target_date"] and "dates" not in u["target_date"]
        assert not any(g in u["progress"] for g in "•▪➤✓")
    assert all(isinstance(r["number"], str) for r in out["recommendations"])


def test_two_names_on_separate_lines_split(pdf_model):
    out = extract_plan(pdf_model("000"))
    multi = [u for r in out["recommendations"] for a in r["actions"] for u in a["updates"]
             if "\n" in u["raw"].get("monitor", "") and len(u["monitor_lines"]) >= 2]
    assert multi, "some monitor cell lists two people on two lines"
    for u in multi:
        assert " ".join(u["monitor_lines"]) == u["monitor_text"]


def _page_break_plan(path):
    """A recommendation whose first action's merged cell and one row break across a page."""
    c = new_canvas(path)
    text_line(c, 40, 40, "RECOMMENDATION:", bold=True)
    text_line(c, 40, 56, "1. Make the plan robust", bold=True)
    text_line(c, 40, 76, "OUTCOMES:", bold=True)
    text_line(c, 48, 92, "• Better things happen for people")
    text_line(c, 60, 104, "across the whole service.")
    text_line(c, 48, 118, "• Fewer things go wrong")
    text_line(c, 40, 138, "OBJECTIVES: Deliver the strategy", bold=True)
    text_line(c, 48, 154, "- One clear objective")
    draw_ruled(c, 40, 180, WIDTHS, [
        HEADER,
        ["1.1 Write a policy that is", "• First draft written\n• Consulted staff", "Completed\nMay 2017",
         "• Ann Example –\nPolicy Lead\n• Bo Sample", "Cy Person"],
        [None, "Second review booked and the", "June 2017", "Ann Example", "Cy Person"],
    ])
    c.showPage()
    draw_ruled(c, 40, 40, WIDTHS, [
        HEADER,
        ["clear to everyone", "panel will meet bi-", "", "", ""],
        [None, "Final version agreed", "July 2017", "Ann Example\nBo Sample", "Cy Person and"],
        ["1.2Tracker kept of all cases", "In progress", "TBC", "Bo Sample", "Cy Person"],
    ])
    c.showPage()
    c.save()


def test_page_break_debris_is_stitched(tmp_path):
    path = tmp_path / "plan.pdf"
    _page_break_plan(path)
    out = extract_plan(load_pdf(path))
    (rec,) = out["recommendations"]
    assert rec["number"] == "1" and rec["text"] == "Make the plan robust"
    assert rec["outcomes"] == ["Better things happen for people across the whole service.", "Fewer things go wrong"]
    assert rec["objectives_heading"] == "Deliver the strategy" and rec["objectives"] == ["One clear objective"]
    a1, a2 = rec["actions"]
    assert a1["id"] == "1.1" and a1["text"] == "Write a policy that is clear to everyone"
    assert [u["progress"] for u in a1["updates"]] == [
        "First draft written Consulted staff",
        "Second review booked and the panel will meet bi-",
        "Final version agreed",
    ]
    assert a1["updates"][0]["target_date"]["text"] == "Completed May 2017"
    assert a1["updates"][0]["accountability_lines"] == ["Ann Example – Policy Lead", "Bo Sample"]
    assert a1["updates"][2]["accountability_lines"] == ["Ann Example", "Bo Sample"]
    assert a1["updates"][1]["page"] == 1 and a1["updates"][2]["page"] == 2
    assert "\n" in a1["raw"]
    assert a2["id"] == "1.2" and a2["text"] == "Tracker kept of all cases"
    assert a2["updates"][0]["target_date"]["text"] == "TBC"


# --- progress report (002): no gold; expectations read from the document itself ---

@pytest.fixture(scope="module")
def report_002(pdf_model):
    return extract_plan(pdf_model("002"))


def test_progress_report_recommendations(report_002):
    recs = report_002["recommendations"]
    numbers = [r["number"] for r in recs]
    print(f"\n[002] recommendations {len(recs)}: {numbers}; "
          f"RAG set on {sum(r['rag'] is not None for r in recs)}, lead officer on "
          f"{sum(bool(r['lead_officer_text']) for r in recs)}")
    # Recommendation 4 has no row in the report's text layer; every other number is found.
    assert set(numbers) >= {str(n) for n in range(1, 18) if n != 4}
    assert numbers == sorted(numbers, key=int)
    assert all(r["lead_officer_text"] for r in recs)
    assert all(r["text"] for r in recs)


@pytest.mark.parametrize("number,rag,text_start,lead_has", [
    ("1", "A", "Ensure that performance management information is based on accurate data", "Business Intelligence"),
    ("3", "A", "Ensure that when a child is allocated to a social worker", "Assistant Director"),
    ("5", "G", "Ensure that practitioners and managers understand and apply thresholds", "Quality"),
    ("9", "G", "Ensure that all children looked after who go missing", "Field Social Work"),
    ("12", "A", "Improve the quality and management oversight of pathway planning", "Children in Care"),
    ("14", "A", "Improve assessment and care planning for children on the edge of care", "Field Social Work"),
    ("17", "G", "Ensure that appropriate developmental programmes are in place", "Practice Excellence"),
])
def test_progress_report_rows(report_002, number, rag, text_start, lead_has):
    rec = next(r for r in report_002["recommendations"] if r["number"] == number)
    assert rec["rag"] == rag
    assert rec["text"].startswith(text_start)
    assert lead_has in rec["accountability_text"]


@pytest.mark.parametrize("number,rag,text_start,lead_has", [
    ("1", "A", "Ensure that performance management information is based on accurate data", "Business Intelligence"),
    ("5", "G", "Ensure that practitioners and managers understand and apply thresholds", "Quality"),
    ("17", "G", "Ensure that appropriate developmental programmes are in place", "Practice Excellence"),
])
def test_progress_report_rows_are_tracked_items_too(report_002, number, rag, text_start, lead_has):
    """A report that rates its recommendations and lists no actions under them gives each as a
    flat tracked item with its rating and lead, so "what is tracked, by whom, how rated" has rows;
    the shared scorer counts them as the report's records."""
    from tests.eval_score import _records

    tracked = report_002["tracked_items"]
    assert len(tracked) == len(report_002["recommendations"]) == 16
    item = next(t for t in tracked if t["recommendation"] == number)
    assert (item["rag"], item["text"].startswith(text_start), lead_has in item["owner"]) == (rag, True, True)
    scored = [r for r in _records({"plan": report_002}) if r["text"] == item["text"]]
    assert [(r["rag"], r["owner"]) for r in scored] == [(rag, item["owner"])]


def test_a_plan_tracked_through_its_actions_has_no_tracked_items(pdf_model):
    assert "tracked_items" not in extract_plan(pdf_model("000"))


def test_progress_report_keeps_figures_with_periods(report_002):
    rec5 = next(r for r in report_002["recommendations"] if r["number"] == "5")
    repeat = next(t for t in rec5["targets"] if t["text"].startswith("Repeat CP plans"))
    assert any("2016/17" in k for k in repeat["figures"])
    assert "18.8%" in repeat["figures"].values()
    assert any(k.startswith("Target March") and "2020" in k for k in repeat["figures"])


def _rec(report, number):
    return next(r for r in report["recommendations"] if r["number"] == number)


def test_progress_report_text_continues_over_the_page(report_002):
    # 002 page 5 merges "Ref." and "Ofsted Recommendation" into one heading; the
    # recommendation's last words open page 6 in that column.
    assert _rec(report_002, "2")["text"].endswith("supports effective case progression and decisionmaking.")


def test_progress_report_target_cut_by_a_page_is_one_target(report_002):
    targets = [t["text"] for t in _rec(report_002, "8")["targets"]]
    assert any("have their needs identified and a plan put in place" in t for t in targets)
    assert not any(t.startswith("needs identified") for t in targets)
    # a row that fills every figure cell again is a measure of its own, cut or not
    rec5 = [t["text"] for t in _rec(report_002, "5")["targets"]]
    assert "Repeat CP plans" in rec5


def test_page_holding_one_tall_row_is_read_as_that_row(report_002):
    # 11's row fills a page alone: a one-row ruled table, not a header band over unruled rows
    rec = _rec(report_002, "11")
    assert rec["text"].endswith("when, and for however long, it is needed.")
    assert rec["lead_officer_text"] == "Head of Service Children in Care – Nicci Collins"
    assert rec["further_actions"].endswith("information for previously LAC.")


def test_progress_report_lead_lines_are_entries_not_wraps(report_002):
    # each row's lead cell is one entry; a cell cut by a page break is rejoined
    assert _rec(report_002, "3")["accountability_lines"] == ["Assistant Director Children's Social Care – Sharon Cooke"]
    assert _rec(report_002, "5")["accountability_lines"][-1] == "Heads of Service – Chris Thomas, Anita Gurry and Nicci Collins"
    assert len(_rec(report_002, "16")["accountability_lines"]) == 1


def test_a_progress_report_in_another_template(tmp_path):
    """Another council's board update: "Status" holds the ratings (words, one two-tone),
    progress is a column of its own, and the table runs onto a second page."""
    from plantrace.ingest.batch import extract_file

    path = tmp_path / "board-update.pdf"
    c = new_canvas(path)
    text_line(c, 40, 40, "Exampleshire Borough Council", bold=True)
    text_line(c, 40, 60, "Improvement Board - Progress Update, March 2019", bold=True)
    widths = [40, 210, 60, 260, 150]
    header = ["No.", "Recommendation", "Status", "Update on progress", "Responsible Officer"]
    draw_ruled(c, 40, 90, widths, [
        header,
        ["1.", "Improve the timeliness of\nassessments for children in need.", "Amber", "Timeliness rose to 78% in\nFebruary 2019.",
         "Head of Service – Ann Example"],
        ["2.", "Strengthen management\noversight of casework.", "Green", "Audits show oversight on\nall files sampled.",
         "Bo Sample, Service\nManager"],
    ])
    c.showPage()
    draw_ruled(c, 40, 40, widths, [
        header,
        ["3.", "Review the sufficiency\nstrategy for placements.", "Red/Amber", "Strategy goes to Cabinet\nin May.",
         "Cy Person – Commissioning\nManager"],
    ])
    c.showPage()
    c.save()
    record, _ = extract_file(path)
    assert record["kind"] == "progress_report"
    recs = record["plan"]["recommendations"]
    assert [(r["number"], r["rag"]) for r in recs] == [("1", "A"), ("2", "G"), ("3", "R")]
    assert recs[0]["text"] == "Improve the timeliness of assessments for children in need."
    assert recs[1]["progress"] == "Audits show oversight on all files sampled."
    assert [(p["name"], p["role"]) for r in recs for p in r["accountable"]] == [
        ("Ann Example", "Head of Service"), ("Bo Sample", "Service Manager"), ("Cy Person", "Commissioning Manager")]


def test_ratings_given_by_cell_colour_alone(tmp_path):
    """A report that colours its rating cells and prints nothing in them; the grey
    header fill is no rating."""
    from plantrace.ingest.batch import extract_file

    path = tmp_path / "coloured.pdf"
    c = new_canvas(path)
    text_line(c, 40, 40, "Exampleshire Borough Council", bold=True)
    text_line(c, 40, 60, "Improvement Board - Progress Update, March 2019", bold=True)
    widths = [40, 210, 60, 260, 150]
    page_h = c._pagesize[1]
    for (r, g, b), top, height in zip([(0.85, 0.85, 0.85), (1, 0, 0), (1, 0.75, 0), (0, 0.69, 0.31)],
                                      [90, 107, 135, 163], [17, 28, 28, 28]):
        c.setFillColorRGB(r, g, b)
        c.rect(40 + widths[0] + widths[1], page_h - top - height, widths[2], height, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    draw_ruled(c, 40, 90, widths, [
        ["No.", "Recommendation", "Status", "Update on progress", "Responsible Officer"],
        ["1.", "Improve the timeliness of\nassessments.", "", "Timeliness rose to 78%.", "Ann Example"],
        ["2.", "Strengthen management\noversight.", "", "Audits show oversight.", "Bo Sample"],
        ["3.", "Ensure that care leavers\nhave a pathway plan.", "", "Plans in place for all.", "Cy Person"],
    ])
    c.showPage()
    c.save()
    record, _ = extract_file(path)
    assert record["kind"] == "progress_report"
    assert [(r["number"], r["rag"]) for r in record["plan"]["recommendations"]] == [("1", "R"), ("2", "A"), ("3", "G")]



def test_line_broken_after_a_slash_or_a_hyphen_joins_without_a_space():
    from plantrace.extract.plan.text import cell_lines, clean
    from plantrace.extract.textform import join_words

    assert clean("Writing training/\nworkshops to be delivered") == "Writing training/workshops to be delivered"
    assert clean("Rebecca Wilshire /\nBernadette Caffrey") == "Rebecca Wilshire / Bernadette Caffrey"
    assert cell_lines("ARC/\nCLA Panel") == ["ARC/CLA Panel"]
    # a full stop or comma wrapped alone onto the next line of a narrow column
    assert clean("framework implemented\n.") == "framework implemented."
    assert clean("performance\n, and CSC") == "performance, and CSC"
    assert join_words("the programme has been re-", "written") == "the programme has been re-written"
    assert join_words("Care -", "Team Managers") == "Care - Team Managers"


def test_inline_list_heading_wrapped_onto_the_next_line():
    from plantrace.extract.plan.sections import ListCollector

    lst = ListCollector()
    for line in ["Framework", "✓ Understand what data is needed", "and by whom.", "✓ Drive commissioning."]:
        lst.add(line)
    assert lst.heading_tail("Deliver against the QA and Performance") == "Framework"
    assert lst.items == ["Understand what data is needed and by whom.", "Drive commissioning."]
    # a list without glyphs, or a heading that ended its sentence, keeps its first item
    plain = ListCollector()
    for line in ["Framework agreed.", "Data understood."]:
        plain.add(line)
    assert plain.heading_tail("Deliver against the plan") is None and len(plain.items) == 2
    done = ListCollector()
    for line in ["Framework", "✓ Understand data"]:
        done.add(line)
    assert done.heading_tail("Deliver the plan:") is None
