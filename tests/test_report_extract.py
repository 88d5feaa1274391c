"""Officer report extraction on the bundled 004 report.

Expectations were set by reading the document: a numbered cover table,
sections 5-10 with a second "9" and "10" after the recommendations (printed
that way), recommendations numbered 6.1/6.2, and a contact block.
"""
from __future__ import annotations

import pytest

from plantrace.extract.model import DocumentModel, Line, Page, Word
from plantrace.extract.report import extract_report


@pytest.fixture(scope="module")
def report(pdf_model):
    return extract_report(pdf_model("004"))


def test_cover_table(report):
    assert report["council"] == "Rotherham Borough Council"
    m = report["meeting"]
    assert (m["body"], m["date"], m["directorate"]) == ("Corporate Parenting Panel", "2014-07-02", "CYPS")
    assert m["title"] == "Looked After Children Service – Improvement Plan 2014 -2015"


def test_sections_keep_printed_numbering(report):
    sections = report["report"]["sections"]
    numbers = [s["number"] for s in sections]
    print(f"\n[report 004] sections {numbers}; paragraphs "
          f"{sum(len(s['paragraphs']) for s in sections)}")
    assert numbers == ["5", "6", "7", "8", "9", "10", "9", "10"]
    assert sections[1]["title"] == "Background"
    assert [p["number"] for p in sections[0]["paragraphs"]] == ["5.1", "5.2", "5.3", "5.4", "5.5", "5.6"]


def test_paragraph_split_over_indent_and_page(report):
    progress = next(s for s in report["report"]["sections"] if s["title"] == "Progress to date")
    assert [p["number"] for p in progress["paragraphs"]] == [f"8.{i}" for i in range(1, 9)]
    p87 = progress["paragraphs"][6]
    assert p87["text"].endswith("clarify roles and responsibilities in improving outcomes for children.")
    p88 = progress["paragraphs"][7]
    assert p88["page"] == 2 and p88["text"].endswith("placed with in-house foster carers.")
    assert "\n" in p88["raw"]


def test_recommendations_and_contact(report):
    r = report["report"]
    assert r["recommendations_intro"] == "That Corporate Parenting Panel:"
    assert [(x["number"], x["text"]) for x in r["recommendations"]] == [
        ("6.1", "Note the information provided and the progress being made."),
        ("6.2", "Comment on and contribute to the Improvement Plan as summarised above."),
    ]
    c = r["contact"]
    assert c["name"] == "Joanne Rabbitte"
    assert c["role"].startswith("Interim Service Manager")
    assert c["email"].endswith("@rotherham.gov.uk") and c["tel"] == "36369"


def test_unnumbered_paragraphs_stay_separate(report):
    last = report["report"]["sections"][-1]
    assert [p["number"] for p in last["paragraphs"]] == [None, None]
    assert all(p["text"].endswith(".") for p in last["paragraphs"])


def test_rendering_without_geometry():
    texts = ["WESSEX CITY COUNCIL", "1 Meeting:- Cabinet", "2 Date:- 14 March 2022", "3 Title:- Budget",
             "1. Summary", "1.1 The budget is", "balanced.", "2. Recommendations", "2.1 Approve it.",
             "Contact Officer: A Person", "Tel: 01234 567890"]
    page = Page(number=1, width=0, height=0,
                lines=[Line(t, None, [Word(w, None) for w in t.split()]) for t in texts])
    r = extract_report(DocumentModel(path="r.md", sha256="", pages=[page]))
    assert (r["meeting"]["body"], r["meeting"]["date"]) == ("Cabinet", "2022-03-14")
    assert r["report"]["sections"][0]["paragraphs"][0]["text"] == "The budget is balanced."
    assert r["report"]["recommendations"] == [{"number": "2.1", "text": "Approve it.", "page": 1}]
    assert r["report"]["contact"]["name"] == "A Person" and r["report"]["contact"]["tel"] == "01234 567890"
