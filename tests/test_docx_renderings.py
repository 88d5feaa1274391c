"""The same documents written as Word files and saved to PDF by LibreOffice, scored against the gold.

Most council packs are word-processor documents saved as PDF. Going through a
real .docx (python-docx) and LibreOffice's PDF export gives what that path
does: vertically merged action cells, a header row repeated by the table's own
setting, list paragraphs inside cells, and, in columns too narrow for a word,
words broken mid-word or a full stop wrapped onto a line of its own.

Needs LibreOffice (``soffice``); without it these tests skip and say why.
"""
from __future__ import annotations

import pytest

from plantrace.ingest.batch import extract_file
from tests.conftest import RENDERINGS
from tests.plan_score import assert_floor
from tests.render_docx import available, render_docx
from tests.test_other_renderings import assert_minutes_whole

pytestmark = pytest.mark.skipif(available() is not None, reason=available() or "")

STYLES = {"grid": {}, "borderless": {"ruled": False},
          # the header row not repeated: it can be cut in two by a page break ("ACCOUNTABIL" / "ITY")
          "grid-header-once": {"repeat_header": False}}
# (document, style) -> (actions found, share of gold fields read exactly)
FLOORS = {
    ("000", "grid"): (82, 0.993),  # 813/818: 11.5's loose row in the rendering, words cut where no whole is known
    ("003", "grid"): (48, 1.0),
    # a table without borders: rows found by word positions, merged text spilling into the next row band
    ("000", "borderless"): (82, 0.975),  # 798/818
    ("003", "borderless"): (48, 1.0),
    ("000", "grid-header-once"): (82, 0.993),  # 813/818
    ("003", "grid-header-once"): (48, 1.0),
}


@pytest.mark.parametrize("doc, style", sorted(FLOORS))
def test_plan_saved_from_a_word_processor_matches_gold(tmp_path, gold, doc, style):
    record, _ = extract_file(render_docx(RENDERINGS / f"{doc}.md", tmp_path / f"{doc}-{style}.pdf", **STYLES[style]))
    assert_floor(record, gold(f"{doc}.plan.json"), f"{doc} docx {style}", FLOORS[doc, style])


def test_minutes_saved_from_a_word_processor_match_gold(tmp_path, gold):
    record, model = extract_file(render_docx(RENDERINGS / "001.md", tmp_path / "001.pdf"))
    assert_minutes_whole(record, model, gold("001.minutes.json"), "docx")


def _report_text(record: dict) -> dict:
    rep = record["report"]
    return {"sections": [(s["number"], s["title"], [p["text"] for p in s["paragraphs"]]) for s in rep["sections"]],
            "recommendations": [(r["number"], r["text"]) for r in rep["recommendations"]],
            "contact": rep["contact"], "meeting": {k: v for k, v in record["meeting"].items() if k != "title"}}


def test_report_without_borders_reads_as_the_bundled_pdf_does(tmp_path):
    """004 saved from a Word file whose cover table has no borders: the column finder must not
    take the bulleted paragraphs under it (bullets hanging in a column of their own) for a table."""
    from tests.conftest import pdf_path

    want, _ = extract_file(pdf_path("004"))
    got, _ = extract_file(render_docx(RENDERINGS / "004.md", tmp_path / "004.pdf", ruled=False))
    assert got["kind"] == "report"
    mine, theirs = _report_text(got), _report_text(want)
    print(f"\n[004 docx borderless] sections {len(mine['sections'])}/{len(theirs['sections'])}, paragraphs "
          f"{sum(len(p) for *_, p in mine['sections'])}/{sum(len(p) for *_, p in theirs['sections'])}")
    assert mine == theirs


def test_progress_report_saved_from_a_word_processor(tmp_path):
    """002 in landscape, its rows cut across pages wherever LibreOffice breaks them: the same
    recommendations and ratings as the bundled PDF, each with its lead officers, and words
    cut across a page break mended ("understan" / "d")."""
    from tests.conftest import pdf_path

    want, _ = extract_file(pdf_path("002"))
    got, _ = extract_file(render_docx(RENDERINGS / "002.md", tmp_path / "002.pdf", landscape=True))
    recs = got["plan"]["recommendations"]
    print(f"\n[002 docx] {len(recs)} recommendations: {[(r['number'], r['rag']) for r in recs]}")
    assert [(r["number"], r["rag"]) for r in recs] == [(r["number"], r["rag"]) for r in want["plan"]["recommendations"]]
    assert all(r["lead_officer_text"] for r in recs)
    five = next(r for r in recs if r["number"] == "5")
    assert five["text"] == "Ensure that practitioners and managers understand and apply thresholds appropriately " \
                           "at every stage of the child's journey."
