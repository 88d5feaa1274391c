"""Minutes extraction on the bundled 001 pack, scored against its gold.

The gold is only loaded to score; the figures are printed so a regression
shows as a number, and the assertions hold the targets from issue 4.
"""
from __future__ import annotations

import re

import pytest

from plantrace.extract.minutes import extract_meeting, extract_slide_tables
from plantrace.extract.model import DocumentModel, Line, Page, Word


def _c(text):
    return re.sub(r"\s+", " ", text or "").strip()


@pytest.fixture(scope="module")
def meeting(pdf_model):
    return extract_meeting(pdf_model("001"))


@pytest.fixture(scope="module")
def gold_meeting(gold):
    return gold("001.minutes.json")


def _by_number(items):
    return {str(it["number"]): it for it in items}


def test_header_matches_gold(meeting, gold_meeting):
    for key in ("council", "body", "date", "start_time", "end_time", "venue"):
        assert meeting[key] == gold_meeting[key], key


def test_attendance_equals_gold(meeting, gold_meeting):
    for key, people in gold_meeting["attendance"].items():
        assert meeting["attendance"][key] == people, key


def test_items_numbers_and_titles(meeting, gold_meeting):
    got, want = _by_number(meeting["items"]), _by_number(gold_meeting["items"])
    hits = sum(1 for n, it in want.items() if n in got and _c(got[n]["title"]) == _c(it["title"]))
    print(f"\n[minutes 001] items: {len(got)} found / {len(want)} gold; titles equal: {hits}/{len(want)}")
    assert list(got) == list(want)
    for n, it in want.items():
        assert got[n]["title_inferred"] == it["title_inferred"], n
        if not it["title_inferred"]:
            assert _c(got[n]["title"]) == _c(it["title"]), n
        else:  # an inferred title need only name the same subject
            words = lambda s: set(re.findall(r"[a-z]{3,}", s.lower())) - {"and", "the"}
            assert words(got[n]["title"]) & words(it["title"]), n


def test_points_match_gold(meeting, gold_meeting):
    got = _by_number(meeting["items"])
    total = equal = 0
    for n, it in _by_number(gold_meeting["items"]).items():
        mine = {p["label"]: _c(p["text"]) for p in got.get(n, {}).get("points", [])}
        for p in it["points"]:
            total += 1
            equal += mine.get(p["label"]) == _c(p["text"])
    extra = sum(len(it["points"]) for it in meeting["items"]) - total
    print(f"\n[minutes 001] points equal to gold: {equal}/{total} ({equal / total:.1%}); surplus points: {extra}")
    assert equal / total >= 0.98
    assert extra == 0


def test_text_resolutions_events_declarations_per_item(meeting, gold_meeting):
    got = _by_number(meeting["items"])
    res = ev = dec = text = 0
    want_res = want_ev = want_dec = 0
    for n, it in _by_number(gold_meeting["items"]).items():
        mine = got[n]
        want_res += len(it["resolutions"])
        res += sum(1 for a, b in zip(mine["resolutions"], it["resolutions"])
                   if a["verb"] == b["verb"] and _c(a["text"]) == _c(b["text"]))
        want_ev += len(it["events"])
        ev += sum(1 for a, b in zip(mine["events"], it["events"])
                  if a["kind"] == b["kind"] and _c(a["text"]) == _c(b["text"]) and a["who"] == b.get("who"))
        want_dec += len(it["declarations"])
        dec += sum(1 for a, b in zip(mine["declarations"], it["declarations"])
                   if (a["who"], a["interest"], _c(a["text"])) == (b["who"], b["interest"], _c(b["text"])))
        text += _c(mine["text"]) == _c(it["text"])
        assert len(mine["resolutions"]) == len(it["resolutions"]), n
        assert len(mine["events"]) == len(it["events"]), n
    print(f"\n[minutes 001] resolutions {res}/{want_res}, events {ev}/{want_ev}, "
          f"declarations {dec}/{want_dec}, item texts equal {text}/{len(got)}")
    assert (res, ev, dec) == (want_res, want_ev, want_dec)


def test_report_refs(meeting, gold_meeting):
    got = _by_number(meeting["items"])
    for n, it in _by_number(gold_meeting["items"]).items():
        assert got[n]["report_refs"] == it["report_refs"], n


def test_raw_keeps_printed_lines(meeting):
    multi = [p for it in meeting["items"] for p in it["points"] if "\n" in p["raw"]]
    assert multi and all(p["page"] and p["bbox"] for p in multi)


def test_slide_tables_match_gold(pdf_model, gold_meeting):
    tables = extract_slide_tables(pdf_model("001"))
    want = gold_meeting["slides"]["kpi_tables"]
    by_title = {t["title"]: t for t in tables}
    equal = sum(1 for w in want if w["title"] in by_title
                and by_title[w["title"]]["header"] == w["columns"] and by_title[w["title"]]["rows"] == w["rows"])
    print(f"\n[minutes 001] slide tables: {len(tables)} found; equal to gold: {equal}/{len(want)}")
    assert all(w["title"] in by_title for w in want)
    assert equal >= len(want) - 1


def _rendered(lines_by_page):
    """A tiny model as the text-rendering path builds it: no boxes, bold from **."""
    pages = []
    for n, lines in enumerate(lines_by_page, start=1):
        model_lines = []
        for text in lines:
            bold = text.startswith("**")
            plain = text.replace("**", "")
            words = [Word(w, None, "Bold" if bold else "Regular") for w in plain.split()]
            model_lines.append(Line(plain, None, words))
        pages.append(Page(number=n, width=0, height=0, lines=model_lines))
    return DocumentModel(path="x.md", sha256="", pages=pages)


def test_generic_template_without_geometry():
    doc = _rendered([[
        "**Borsetshire District Council**",
        "Minutes of a meeting of the LICENSING COMMITTEE held at Town Hall, High Street on 3rd March 2021 at 10.00 am",
        "**Present:**",
        "Councillor A Smith\tChair",
        "Councillor B Jones\tVice-Chair",
        "**Apologies:**",
        "Cllr C Brown",
        "**12. Minutes**",
        "RESOLVED that the minutes be APPROVED.",
        "**13. Fees Review**",
        "Report No. LC/7 was considered.",
        "(a) Fees would rise by",
        "two per cent.",
        "(b) A review would follow.",
        "Cllr C Brown arrived at 10.20 am.",
        "Report No. LC/8 was then considered.",
        "(a) Noted.",
        "**14. Close**",
        "The meeting ended at 11.05 am.",
    ]])
    m = extract_meeting(doc)
    assert (m["council"], m["body"], m["date"], m["start_time"], m["end_time"]) == (
        "Borsetshire District Council", "Licensing Committee", "2021-03-03", "10:00", "11:05")
    assert m["attendance"]["present"] == [{"name": "Councillor A Smith", "role": "Chair"},
                                          {"name": "Councillor B Jones", "role": "Vice-Chair"}]
    assert [it["number"] for it in m["items"]] == ["12", "13", None, "14"]
    assert m["items"][0]["resolutions"][0]["verb"] == "APPROVED"
    fees = m["items"][1]
    assert [p["text"] for p in fees["points"]] == ["Fees would rise by two per cent.", "A review would follow."]
    assert fees["events"][0]["kind"] == "arrived" and fees["events"][0]["who"] == "Cllr C Brown"
    assert m["items"][2]["title_inferred"] and m["items"][2]["report_refs"] == ["Report No. LC/8"]


def test_attendance_written_as_prose():
    doc = _rendered([[
        "**Borsetshire District Council**",
        "Minutes of a meeting of the LICENSING COMMITTEE held at Town Hall on 3rd March 2021 at 10.00 am",
        "**PRESENT:**",
        "Councillor A Smith (Chairman), Councillors B Jones, C Brown and D White",
        "Officers: Ms E Green (Head of Licensing), Mr F Black",
        "Apologies for absence were received from Councillor G Grey and Mrs H Blue.",
        "**12. Minutes**",
        "RESOLVED that the minutes be APPROVED.",
    ]])
    attendance = extract_meeting(doc)["attendance"]
    assert attendance["present"] == [
        {"name": "Councillor A Smith", "role": "Chairman"}, {"name": "Councillor B Jones", "role": None},
        {"name": "Councillor C Brown", "role": None}, {"name": "Councillor D White", "role": None}]
    assert attendance["officers"] == [{"name": "Ms E Green", "role": "Head of Licensing"},
                                      {"name": "Mr F Black", "role": None}]
    assert attendance["apologies"] == [{"name": "Councillor G Grey", "role": None}, {"name": "Mrs H Blue", "role": None}]


def test_minute_numbered_items_and_numbered_paragraphs():
    doc = _rendered([[
        "**Borsetshire District Council**",
        "Minutes of the meeting of the Corporate Parenting Board held on 5 June 2019 at 2.00 pm",
        "Present: Councillor A Smith (Chair), Councillor B Jones",
        "Minute 31/19 Improvement Plan Update",
        "The Board considered the update.",
        "31.1 The Chair thanked officers for the report.",
        "31.2 Members asked for a further update in September.",
        "Item 32: Any Other Business",
        "None.",
    ]])
    items = extract_meeting(doc)["items"]
    assert [(it["number"], it["title"]) for it in items] == [("31", "Improvement Plan Update"),
                                                           ("32", "Any Other Business")]
    assert [(p["label"], p["text"]) for p in items[0]["points"]] == [
        ("1", "The Chair thanked officers for the report."), ("2", "Members asked for a further update in September.")]
