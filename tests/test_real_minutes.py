"""Real councils' minutes, scored against hand-checked gold with the evaluation scorer.

The gold in corpora/gold/real/ was written by reading each document; it is only
loaded here to score. The scorer prints its figures (items, points, resolutions,
attendance, date/body/times) so a regression shows as a number; the floors sit a
little under what the extractor reaches today.
"""
from __future__ import annotations

import contextlib
import io
import json

import pytest

from tests.conftest import CORPUS
from tests.eval_score import _align, _name_key, _num_key, score_real_minutes

REAL = CORPUS / "real"
GOLD = CORPUS / "gold" / "real"

# (gold file, floor of the scorer's headline); the long Kent packs take tens of seconds to read
CASES = {
    "other/milburn-pc-minutes-2018-11-06.minutes.json": 0.95,
    "other/eastpaloalto-city-council-minutes-2020-01-27.minutes.json": 0.95,
    "kent/cabinet-2025-01-30.minutes.json": 0.95,
    "kent/cabinet-2025-01-09.minutes.json": 0.95,
    "kent/county-council-2024-12-19.minutes.json": 0.95,
}
SLOW = {"kent/cabinet-2025-01-30.minutes.json", "kent/cabinet-2025-01-09.minutes.json",
        "kent/county-council-2024-12-19.minutes.json"}
NAMES = [pytest.param(n, marks=pytest.mark.slow) if n in SLOW else n for n in sorted(CASES)]


def _gold(name: str) -> dict:
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


_OUT: dict[str, dict] = {}


def _extract(name: str) -> dict:
    if name not in _OUT:
        from plantrace.extract.document import build_contract
        from plantrace.extract.pdf import load_pdf

        _OUT[name] = build_contract(load_pdf(REAL / _gold(name)["source"]))
    return _OUT[name]


@pytest.mark.parametrize("name", NAMES)
def test_real_minutes_score(name):
    gold, out = _gold(name), _extract(name)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        score = score_real_minutes(out, gold)
    print(f"\n[real minutes] {name}\n{printed.getvalue()}")
    assert out["kind"] == "minutes"
    assert score >= CASES[name], printed.getvalue()


@pytest.mark.parametrize("name", NAMES)
def test_meeting_date_body_council(name):
    gold, meeting = _gold(name), _extract(name)["meeting"]
    assert meeting["date"] == gold["date"]
    assert meeting["body"] and meeting["body"].casefold() == gold["body"].casefold()
    assert meeting["council"] == gold["council"]


@pytest.mark.parametrize("name", NAMES)
def test_nested_points_carry_their_parent(name):
    """Points aligned with the gold sit under the same parent paragraph."""
    gold, meeting = _gold(name), _extract(name)["meeting"]
    items = {str(i["number"]): i for i in meeting["items"]}
    total = same = 0
    for g in gold["items"]:
        out = items.get(str(g["number"]), {}).get("points") or []
        for a, b in _align(g["points"], out, _num_key(g["number"])):
            total += 1
            same += (g["points"][a].get("parent") or None) == (out[b].get("parent") or None)
    print(f"\n[real minutes] {name}: parents equal {same}/{total}")
    assert same == total


def test_votes_of_a_us_commission():
    """MOTION BY / SECOND / AYES / NAYS / ABSTAIN / ABSENT / RESULT blocks, with the motion the text states."""
    name = "other/eastpaloalto-city-council-minutes-2020-01-27.minutes.json"
    gold, meeting = _gold(name), _extract(name)["meeting"]
    items = {str(i["number"]): i for i in meeting["items"]}
    want = [(g["number"], v) for g in gold["items"] for v in g["votes"]]
    got = [(n, v) for n, it in items.items() for v in it.get("votes") or []]
    assert len(got) == len(want)
    for (gn, gv), (on, ov) in zip(want, got):
        assert gn == on
        for key in ("mover", "seconder", "result", "for", "against", "abstain"):
            assert ov.get(key) == gv.get(key), (gn, key)
        if gv.get("motion"):
            assert ov["motion"] == gv["motion"]


@pytest.mark.slow
def test_recorded_votes_of_a_full_council():
    """"For (51)" / names / "Against (6)" / names / "Abstain (2)" / names / "Motion carried.",
    with the proposer and seconder the paragraph above names; every member counted once."""
    name = "kent/county-council-2024-12-19.minutes.json"
    gold, meeting = _gold(name), _extract(name)["meeting"]
    want = [v for g in gold["items"] for v in g["votes"]]
    got = [v for it in meeting["items"] for v in it.get("votes") or []]
    assert len(got) == len(want)
    for gv, ov in zip(want, got):
        for key in ("mover", "seconder", "result"):
            assert ov.get(key) == gv.get(key), key
        for position in ("for", "against", "abstain"):
            if f"{position}_count" in gv:
                assert len(ov[position]) == gv[f"{position}_count"], position
            if position in gv:
                assert ov[position] == gv[position], position


def test_roll_call_absent_kept_apart():
    name = "other/eastpaloalto-city-council-minutes-2020-01-27.minutes.json"
    gold, att = _gold(name), _extract(name)["meeting"]["attendance"]
    assert [_name_key(p["name"]) for p in att["absent"]] == [_name_key(p["name"]) for p in gold["attendance"]["absent"]]


def test_us_template_roman_items_roll_call_item_and_municipal_letterhead():
    """A template other councils use (built here, not a corpus file): items numbered I, II, III,
    the roll call as an item with "Commissioners Present:" / "Absent:" / "Staff Present:",
    the start from "called to order at", the council from a "CITY OF ..." letterhead."""
    from plantrace.extract.minutes import extract_meeting
    from plantrace.extract.model import DocumentModel, Line, Page, Word

    def line(text, y, bold=False, x=72):
        words, cx = [], x
        for w in text.split():
            words.append(Word(text=w, bbox=(cx, y, cx + 6 * len(w), y + 10),
                              fontname="Arial-Bold" if bold else "Arial", size=11.0))
            cx += 6 * len(w) + 3
        return Line(text=text, bbox=(x, y, cx, y + 10), words=words)

    lines = [line("CITY OF SPRINGFIELD", 40, True, 200), line("PARKS COMMISSION", 54, True, 200),
             line("MINUTES", 68, True, 220), line("March 3, 2021", 82, True, 220),
             line("I. CALL TO ORDER", 110, True), line("The meeting was called to order at 6:02 p.m.", 124, x=90),
             line("II. ROLL CALL", 150, True), line("Commissioners Present: Ann Lee, Bob Diaz and Carla Moss", 164, x=90),
             line("Commissioners Absent: Dan Fox", 188, x=90), line("Staff Present: Eve Park, Parks Director", 212, x=90),
             line("III. APPROVAL OF MINUTES", 240, True), line("IV. ADJOURNMENT", 280, True),
             line("The meeting adjourned at 7:15 p.m.", 294, x=90)]
    doc = DocumentModel(path="x.pdf", sha256="", pages=[Page(number=1, width=612, height=792, lines=lines)])
    m = extract_meeting(doc)
    assert [(i["number"], i["title"]) for i in m["items"]] == [
        ("I", "CALL TO ORDER"), ("II", "ROLL CALL"), ("III", "APPROVAL OF MINUTES"), ("IV", "ADJOURNMENT")]
    assert (m["council"], m["body"], m["date"], m["start_time"], m["end_time"]) == (
        "City of Springfield", "Parks Commission", "2021-03-03", "18:02", "19:15")
    att = m["attendance"]
    assert [p["name"] for p in att["present"]] == ["Ann Lee", "Bob Diaz", "Carla Moss"]
    assert [p["name"] for p in att["absent"]] == ["Dan Fox"]
    assert att["officers"] == [{"name": "Eve Park", "role": "Parks Director"}]
