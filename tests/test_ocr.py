"""Scanned pages read by OCR, scored against the same gold as the text layer.

The scans are made here from the bundled PDFs (``tests.scans``): pages
rendered at 200 dpi with sensor noise, a slight skew and one page sideways
(or upside down),
bound as image-only PDFs. Each is scored with the evaluation scorer against
the gold restricted to what the same pages' text layer yields, so the figure
is "the share of what the text layer gets that the scan gets too".
"""
from __future__ import annotations

import json

import pytest

from tests.ndjson import ingest_report
from typer.testing import CliRunner

from plantrace.api import extract_record
from plantrace.cli import app
from plantrace.extract.errors import NoTextLayer
from plantrace.extract.ocr import available

from .conftest import pdf_path
from .eval_score import score_minutes, score_plan, score_real_minutes
from .scans import mixed_pdf, scanned_pdf, text_pages

pytestmark = pytest.mark.skipif(available() is not None, reason=f"OCR unavailable: {available()}")
runner = CliRunner()

MINUTES_TARGET = 0.95  # scanned minutes keep this share of the fields the text layer gets
REAL_MINUTES_TARGET = 0.90  # a scanned real council's minutes keep this share of the text layer's score
PLAN_TARGET = 0.90  # scanned plan tables keep this share


def _gold(name):
    from .conftest import _gold as load

    return json.loads(json.dumps(load(name)))  # a copy to restrict


def _minutes_gold_for(record):
    gold = _gold("001.minutes.json")
    numbers = {str(i["number"]) for i in record["meeting"]["items"]}
    gold["items"] = [i for i in gold["items"] if str(i["number"]) in numbers]
    return gold


def _plan_gold_for(record):
    gold = _gold("000.plan.json")
    recs = record["plan"]["recommendations"]
    ids = {str(a["id"]) for r in recs for a in r["actions"]}
    numbers = {str(r["number"]) for r in recs}
    gold["recommendations"] = [dict(r, actions=[a for a in r["actions"] if a["id"] in ids])
                               for r in gold["recommendations"] if str(r["number"]) in numbers]
    return gold


def test_a_scan_of_nothing_keeps_the_one_line_error(tmp_path):
    from PIL import Image

    blank = tmp_path / "blank.pdf"
    Image.new("RGB", (1240, 1754), "white").save(blank, resolution=150)
    with pytest.raises(NoTextLayer) as exc:
        extract_record(blank)
    assert str(exc.value) == (f"{blank}: no text layer on any of 1 pages "
                              "(image-only PDF; OCR read no text: blank or unreadable)")
    out = runner.invoke(app, ["extract", str(blank)])
    assert out.exit_code == 2 and len(out.output.strip().splitlines()) == 1, out.output


def test_ocr_off_leaves_a_scan_unread(tmp_path):
    scan = scanned_pdf(pdf_path("001"), [1], tmp_path / "scan.pdf")
    with pytest.raises(NoTextLayer, match="OCR is off"):
        extract_record(scan, ocr="off")


def test_a_mixed_pack_reads_text_and_scanned_pages(tmp_path):
    """Page 1 (attendance) scanned, pages 2-3 with their text layer."""
    pack = mixed_pdf(pdf_path("001"), [1, 2, 3], {1}, tmp_path / "mixed.pdf")
    record = extract_record(pack)
    source = record["source"]
    assert source["ocr_pages"] == [1] and source["ocr"][0]["words"] > 150
    assert source["ocr_confidence"] > 80
    assert not any("no text layer" in w for w in source["warnings"])
    gold = _minutes_gold_for(extract_record(text_pages(pdf_path("001"), [1, 2, 3], tmp_path / "text.pdf")))
    present = {p["name"] for p in record["meeting"]["attendance"]["present"]}
    assert present == {p["name"] for p in gold["attendance"]["present"]}  # read from the scanned page
    assert [str(i["number"]) for i in record["meeting"]["items"]] == [str(i["number"]) for i in gold["items"]]


@pytest.mark.slow
def test_scanned_minutes_score_as_the_text_layer_does(tmp_path):
    pages = [1, 2, 3]
    scan = scanned_pdf(pdf_path("001"), pages, tmp_path / "scan.pdf", sideways=(2,), upside_down=(3,))
    text = extract_record(text_pages(pdf_path("001"), pages, tmp_path / "text.pdf"))
    record = extract_record(scan)
    assert [o["rotation"] for o in record["source"]["ocr"]] == [0, 90, 180]
    assert all(abs(o["skew"]) >= 0.4 for o in record["source"]["ocr"])
    gold = _minutes_gold_for(text)
    base, got = score_minutes(text, gold), score_minutes(record, gold)
    print(f"\n[ocr 001 pages 1-3] text layer {base:.4f}, scan {got:.4f}, share {got / base:.4f}")
    assert got >= MINUTES_TARGET * base


@pytest.mark.slow
def test_scanned_plan_tables_score_as_the_text_layer_does(tmp_path):
    pages = [2, 3, 4]
    scan = scanned_pdf(pdf_path("000"), pages, tmp_path / "scan.pdf", sideways=(3,), clockwise=True)
    text = extract_record(text_pages(pdf_path("000"), pages, tmp_path / "text.pdf"))
    record = extract_record(scan)
    assert record["source"]["ocr_pages"] == [1, 2, 3]
    assert [o["rotation"] for o in record["source"]["ocr"]] == [0, 270, 0]  # turned back the other way
    gold = _plan_gold_for(text)
    base, got = score_plan(text, gold), score_plan(record, gold)
    print(f"\n[ocr 000 pages 2-4] text layer {base:.4f}, scan {got:.4f}, share {got / base:.4f}")
    assert got >= PLAN_TARGET * base


@pytest.mark.slow
def test_ingest_ocrs_in_the_workers_and_stores_the_pages(tmp_path):
    from sqlalchemy import select

    from plantrace.store.db import open_db
    from plantrace.store.ocr_models import OcrPage

    pack = tmp_path / "pack"
    pack.mkdir()
    mixed_pdf(pdf_path("001"), [1, 2], {2}, pack / "mixed.pdf")
    scanned_pdf(pdf_path("000"), [2], pack / "scan.pdf")
    url = f"sqlite:///{tmp_path / 'ocr.db'}"
    out = runner.invoke(app, ["ingest", str(pack), "--db", url, "--jobs", "2", "--json"])
    assert out.exit_code == 0, out.output
    files = {f["path"].rsplit("/", 1)[-1]: f for f in ingest_report(out.stdout)["files"]}
    assert files["mixed.pdf"]["ocr"].startswith("OCR page 2 of 2, mean confidence ")
    assert files["scan.pdf"]["ocr"].startswith("OCR page 1 of 1")
    engine, Session_ = open_db(url)
    with Session_() as session:
        rows = session.scalars(select(OcrPage).order_by(OcrPage.document_id)).all()
        assert [r.page for r in rows] == [2, 1] and all(r.confidence > 80 for r in rows)
    engine.dispose()


@pytest.mark.slow
def test_a_scanned_parish_council_s_minutes_score_against_their_gold(tmp_path):
    """A real council's signed minutes as a paper copy scanned back (200 dpi, noise, a slight
    skew): a title with a raised ordinal ("6th November"), bold item headings, a signature
    line and a page count at the foot; scored with the real-minutes scorer against the gold
    read off the document."""
    from .conftest import CORPUS

    src = CORPUS / "real" / "other" / "milburn-pc-minutes-2018-11-06.pdf"
    gold = json.loads((CORPUS / "gold" / "real" / "other" / "milburn-pc-minutes-2018-11-06.minutes.json")
                      .read_text(encoding="utf-8"))
    base = score_real_minutes(extract_record(src), gold)
    record = extract_record(scanned_pdf(src, [1, 2], tmp_path / "scan.pdf"))
    assert record["source"]["ocr_pages"] == [1, 2]
    got = score_real_minutes(record, gold)
    print(f"\n[ocr real minutes] text layer {base:.4f}, scan {got:.4f}")
    assert got >= REAL_MINUTES_TARGET * base
    assert (record["date"], record["meeting"]["body"]) == (gold["date"], gold["body"])
