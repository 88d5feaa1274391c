"""Agenda front sheets on real Kent sheets, scored with the evaluation's measure against
the hand-read gold: the meeting announced and every numbered item with its papers."""
from __future__ import annotations

import contextlib
import io
import json

import pytest

from .conftest import CORPUS, GOLD_DIR
from .eval_score import score_real_minutes

REAL = CORPUS / "real"
GOLD = json.loads((GOLD_DIR / "real" / "agendas.json").read_text(encoding="utf-8"))
SHEETS = [a for a in GOLD["agendas"] if "pages" not in a]


@pytest.mark.parametrize("gold", SHEETS, ids=[a["path"].split("/")[-1][:40] for a in SHEETS])
def test_front_sheet_reads_meeting_and_every_item(gold):
    from plantrace.extract.document import build_contract
    from plantrace.extract.pdf import load_pdf

    record = build_contract(load_pdf(REAL / gold["path"]))
    assert record["kind"] == "agenda"
    meeting = record["meeting"]
    for key in ("body", "date", "start_time", "venue"):
        assert meeting[key] == gold[key], key
    with contextlib.redirect_stdout(io.StringIO()):
        score = score_real_minutes(record, gold)
    assert score == 1.0
    got = [(i["number"], i["title"], i["report_refs"], i["pack_pages"]) for i in meeting["items"]]
    assert got == [(i["number"], i["title"], i["report_refs"], i["pack_pages"]) for i in gold["items"]]
