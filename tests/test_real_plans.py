"""Real plans, scorecards and risk registers scored against hand-checked gold.

The gold in ``corpora/gold/real/`` was written by reading the PDFs copied under
``corpora/real/``; each document is extracted as ``plantrace extract`` does and
scored with the evaluation scorer's own ``real-plan`` measure, so the figures
printed here mean what the held-back documents' figures mean.
"""
from __future__ import annotations

import contextlib
import functools
import io
import json
import re
from pathlib import Path

import pytest

from plantrace.extract.document import build_contract, load_model
from plantrace.normalise.apply import normalise_record
from tests import eval_score

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "corpora" / "real"
GOLD = ROOT / "corpora" / "gold" / "real"

ICS = "kent/cabinet/2025-01-30/originals/24-00115 - Appendix B - KCC ICS priorities measures.pdf"
QPR = "kent/cabinet/2025-03-04/originals/QPR Q3 Cabinet appendix 1.pdf"
RISKS = "kent/cabinet/2025-01-30/originals/Appendix I Budget Risk Register 22.01.25.pdf"


@functools.lru_cache(maxsize=None)
def _record(rel: str) -> dict:
    record = normalise_record(build_contract(load_model(REAL / rel, "pdf", "")))
    return json.loads(json.dumps(record, default=str))


def _gold(name: str) -> dict:
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


def _score(record: dict, gold: dict) -> dict:
    """The scorer's printed figures as numbers: found, matched, and each field's share."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        headline = eval_score.score_real_plan(record, gold)
    text = out.getvalue()
    print(text)
    figures = {"score": headline}
    m = re.search(r"actions gold=(\d+) found=(\d+) matched=(\d+)", text)
    figures.update(gold=int(m.group(1)), found=int(m.group(2)), matched=int(m.group(3)))
    for field, num, den in re.findall(r"^(\w+) exact (\d+)/(\d+)", text, re.M):
        figures[field] = int(num) / int(den) if int(den) else 0.0
    return figures


def test_delivery_plan_actions_and_indicators():
    record = _record(ICS)
    assert record["kind"] == "action_plan"
    s = _score(record, _gold("kent-ics-delivery-plan.plan.json"))
    actions = [a for r in record["plan"]["recommendations"] for a in r["actions"]]
    assert len(actions) == 86  # the seven services listed under one action are part of it
    assert len(record["indicators"]) == 30
    assert s["matched"] == s["gold"] == s["found"] == 116
    assert s["owner"] >= 0.97 and s["date"] >= 0.99
    assert s["score"] >= 0.99


def test_delivery_plan_columns_by_meaning():
    record = _record(ICS)
    gold = {eval_score._text_key(g["text"]): g for g in _gold("kent-ics-delivery-plan.plan.json")["actions"]
            if g["kind"] == "action"}
    actions = [a for r in record["plan"]["recommendations"] for a in r["actions"]]
    measured = outcome = section = 0
    for a in actions:
        g = gold.get(eval_score._text_key(a["text"]))
        if g is None:
            continue
        u = a["updates"][0]
        measured += eval_score._val(u.get("measure")) == eval_score._val(g["measure"])
        outcome += eval_score._val(u.get("outcome")) == eval_score._val(g["outcome"])
        section += eval_score._val(a.get("section")) == eval_score._val(g["section"] or a.get("heading"))
    print(f"measure {measured}/86 outcome {outcome}/86 section {section}/86")
    assert measured >= 84 and outcome >= 84 and section >= 82
    # actions carry no numbers: none is invented
    assert all(a["id"] is None for a in actions)


@pytest.mark.slow
def test_scorecard_indicators_with_both_ratings():
    record = _record(QPR)
    assert record["kind"] == "performance_report"
    gold = _gold("kent-qpr-q3.plan.json")
    s = _score(record, gold)
    assert s["matched"] == s["gold"] == 38 and s["found"] == 38
    assert s["rag"] == 1.0
    inds = record["indicators"]
    assert [sum(i["rag"] == c for i in inds) for c in "GAR"] == [17, 12, 9]
    by_name = {i["name"]: i for i in inds}
    for g in gold["actions"]:
        i = by_name[g["text"]]
        assert (i["previous_rag"], i["value"], i["target"], i["floor"], i["service"]) == \
            (g["previous_rag"], g["value"], g["target"], g["floor"], g["service"]), g["text"]
    assert {i["period"] for i in inds} == {"Q3 2024/25"}


def test_risk_register_rows():
    record = _record(RISKS)
    assert record["kind"] == "risk_register"
    s = _score(record, _gold("kent-budget-risk-register.plan.json"))
    assert s["found"] == s["gold"] == s["matched"] == 42
    assert s["owner"] >= 0.97 and s["score"] >= 0.99
    assert all(r["likelihood"] in {"1", "2", "3", "4", "5"} for r in record["risks"])
