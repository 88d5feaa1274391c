"""Markdown/text renderings read as accurately as the PDFs they render.

The bundled renderings are scored against the same gold as the PDFs (the
figures are printed so a regression shows as a number), and small snippets
written here pin each thing a renderer loses and ``load_text`` puts back.
"""
from __future__ import annotations

import re

import pytest

from plantrace.extract.minutes import extract_meeting, extract_slide_tables
from plantrace.extract.model import Line, Table
from plantrace.extract.plan import extract_plan
from plantrace.extract.plan.sections import is_page_furniture
from plantrace.extract.text import load_text
from tests.conftest import RENDERINGS
from tests.plan_score import report, score_plan


def _c(text):
    return re.sub(r"\s+", " ", text or "").strip()


def _load(tmp_path, text, name="r.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_text(path)


def _blocks(doc):
    return [b for _, b in doc.iter_blocks()]


# --- the bundled renderings against the gold --------------------------------

@pytest.mark.parametrize("doc, floor", [("000", 0.99), ("003", 0.99)])
def test_plan_rendering_matches_gold(doc, floor, gold):
    got = extract_plan(load_text(RENDERINGS / f"{doc}.md"))
    s = score_plan(got, gold(f"{doc}.plan.json"))
    print("\n" + report(f"{doc}.md", s))
    assert s["actions_found"] == s["actions_gold"]
    assert s["ratio"] >= floor, s["misses"][:10]


@pytest.fixture(scope="module")
def rendered_minutes():
    return load_text(RENDERINGS / "001.md")


def test_minutes_rendering_matches_gold(rendered_minutes, gold):
    m, want = extract_meeting(rendered_minutes), gold("001.minutes.json")
    for key in ("council", "body", "date", "start_time", "end_time", "venue"):
        assert m[key] == want[key], key
    for key, people in want["attendance"].items():
        assert m["attendance"][key] == people, key
    got = {str(it["number"]): it for it in m["items"]}
    gold_items = {str(it["number"]): it for it in want["items"]}
    assert list(got) == list(gold_items)
    total = equal = 0
    for n, it in gold_items.items():
        assert got[n]["title_inferred"] == it["title_inferred"], n
        assert got[n]["report_refs"] == it["report_refs"], n
        assert len(got[n]["resolutions"]) == len(it["resolutions"]), n
        assert len(got[n]["events"]) == len(it["events"]), n
        mine = {p["label"]: _c(p["text"]) for p in got[n]["points"]}
        for p in it["points"]:
            total += 1
            equal += mine.get(p["label"]) == _c(p["text"])
    surplus = sum(len(it["points"]) for it in m["items"]) - total
    print(f"\n[minutes 001.md] items {len(got)}/{len(gold_items)}; points equal {equal}/{total}; surplus {surplus}")
    assert (equal, surplus) == (total, 0)


def test_slide_tables_rendering(rendered_minutes, gold):
    want = gold("001.minutes.json")["slides"]["kpi_tables"]
    by_title = {t["title"]: t for t in extract_slide_tables(rendered_minutes)}
    equal = sum(1 for w in want if w["title"] in by_title
                and (by_title[w["title"]]["header"], by_title[w["title"]]["rows"]) == (w["columns"], w["rows"]))
    print(f"\n[minutes 001.md] slide tables equal to gold: {equal}/{len(want)}")
    assert equal == len(want)


# --- what load_text puts back -------------------------------------------------

HEAD = "ACTION\tPROGRESS\tTARGET DATE\tACCOUNTABILITY\tMONITOR\n"


def test_merged_action_cell_text_returns_to_one_cell(tmp_path):
    doc = _load(tmp_path, HEAD +
                "1.1 Run a review of the\tStarted\tMay 2020\tA Lead\tA Chief\n"
                "whole service\tSecond step\tJune 2020\tA Lead\tA Chief\n"
                "\tThird step\tJuly 2020\tB Lead\tA Chief\n"
                "1.2 Report on counts in the last 12 month\tDone\tMay 2020\tA Lead\tA Chief\n"
                "counts in the last 12 month\tNext\tJune 2020\tA Lead\tA Chief\n")
    (table,) = [b for b in _blocks(doc) if isinstance(b, Table)]
    lead = [r[0] for r in table.rows]
    assert lead[1].text == "1.1 Run a review of the\nwhole service" and lead[1].rowspan == 3
    assert [c.continued for c in lead] == [False, False, True, True, False, True]
    assert lead[4].text == "1.2 Report on counts in the last 12 month"  # the repeated tail is not doubled
    actions = extract_plan(doc)["recommendations"][0]["actions"]
    assert [(a["id"], a["text"], len(a["updates"])) for a in actions] == [
        ("1.1", "Run a review of the whole service", 3), ("1.2", "Report on counts in the last 12 month", 2)]


def test_leading_column_without_keys_is_left_alone(tmp_path):
    doc = _load(tmp_path, "Indicator\tTarget\tActual\nCP plans lasting 2 years\t2%\t0%\nCP reviews on time\t100%\t99%\n")
    (table,) = [b for b in _blocks(doc) if isinstance(b, Table)]
    assert [r[0].text for r in table.rows] == ["Indicator", "CP plans lasting 2 years", "CP reviews on time"]
    assert not any(c.continued for r in table.rows for c in r)


def test_split_tail_row_joins_the_update_above(tmp_path):
    doc = _load(tmp_path, HEAD +
                "2.1 Attend every panel\tWe will attend more than this to take ownership of our own\t"
                "Completed March 2017\tA Lead\tA Chief\n"
                "\tcases\tTo be embedded by June 2017\t\t\n"
                "\tA full second row\tJune 2017\tB Lead\tA Chief\n")
    (action,) = extract_plan(doc)["recommendations"][0]["actions"]
    first, second = action["updates"]
    assert first["progress"].endswith("our own cases")
    assert first["target_date"]["text"] == "Completed March 2017 To be embedded by June 2017"
    assert (second["progress"], second["accountability_text"]) == ("A full second row", "B Lead")


def test_inline_list_glyphs_become_lines(tmp_path):
    doc = _load(tmp_path, HEAD + '3.1 Agree the plan\t<ul style="list-style-type: none"> ▪ Plan agreed; and '
                                 "▪ Plan implemented. </ul>\tMay 2015\tA Lead\tA Chief\n")
    (table,) = [b for b in _blocks(doc) if isinstance(b, Table)]
    assert table.rows[1][1].text == "▪ Plan agreed; and\n▪ Plan implemented."
    update = extract_plan(doc)["recommendations"][0]["actions"][0]["updates"][0]
    assert update["progress"] == "Plan agreed; and Plan implemented."


def test_glued_bold_headings_start_new_lines(tmp_path):
    doc = _load(tmp_path, "PLAN TITLE**AREA FOR IMPROVEMENT II: Cut workloads****OBJECTIVES:**\n"
                          "Minutes of the **MEETING of the PANEL** held on 4th May\n")
    lines = [b for b in _blocks(doc) if isinstance(b, Line)]
    assert [ln.text for ln in lines] == ["PLAN TITLE", "AREA FOR IMPROVEMENT II: Cut workloads", "OBJECTIVES:",
                                         "Minutes of the MEETING of the PANEL held on 4th May"]
    assert [ln.bold for ln in lines] == [False, True, True, False]
    assert [w.bold for w in lines[3].words[:4]] == [False, False, False, True]


def test_tex_glyphs_and_escapes_are_unwrapped(tmp_path):
    doc = _load(tmp_path, "- $\\checkmark$  Themes are learned from\n- $1. \\ Monthly\\ monitoring$\nFees of $5 and $10\n")
    assert [b.text for b in _blocks(doc)] == ["- ✓ Themes are learned from", "- 1. Monthly monitoring",
                                              "Fees of $5 and $10"]


def test_two_column_runs_are_lines_and_wider_runs_tables(tmp_path):
    doc = _load(tmp_path, "**PRESENT:**\n\nMr J Dale\tMr N Begy\nMs S Smith\t\n\nA\tB\tC\n1\t2\t3\n")
    blocks = _blocks(doc)
    assert [type(b).__name__ for b in blocks] == ["Line", "Line", "Line", "Table"]
    assert [blocks[1].text, blocks[2].text] == ["Mr J Dale\tMr N Begy", "Ms S Smith"]
    assert extract_meeting(doc)["attendance"]["present"] == [
        {"name": "Mr J Dale", "role": None}, {"name": "Mr N Begy", "role": None}, {"name": "Ms S Smith", "role": None}]


def test_garbled_page_footer_is_furniture():
    assert is_page_furniture("a a e 1 **30**")
    assert is_page_furniture("Page 3 of 12")
    assert not is_page_furniture("Q4 2017 to be agreed")
    assert not is_page_furniture("by 30 June")
