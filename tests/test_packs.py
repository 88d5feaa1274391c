"""Bound packs on real Kent packs: the split against the hand-read gold, each part read
by its kind with the extraction of the separately published file, and ingest of a pack
beside its originals storing each document once, twice over without change."""
from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plantrace.cli import app

from .conftest import CORPUS, GOLD_DIR

REAL = CORPUS / "real"
GOLD = json.loads((GOLD_DIR / "real" / "packs.json").read_text(encoding="utf-8"))
PROD_PACK = "kent/cabinet/2025-01-30/public_packs/24-00096 - PROD 30th-Jan-2025 10.00 Cabinet.pdf"
ITEM3_PACK = ("kent/full_council/2025-01-09/public_packs/Item 3 Supplement - English Devolution White Paper report "
              "09th-Jan-2025 10.00 County Council.pdf")
runner = CliRunner()


@functools.lru_cache(maxsize=None)
def _model(rel: str):
    from plantrace.extract.pdf import load_pdf

    return load_pdf(REAL / rel)


@functools.lru_cache(maxsize=None)
def _record(rel: str) -> dict:
    from plantrace.extract.document import build_contract

    return build_contract(_model(rel))


def _gold(rel: str) -> dict:
    return next(p for p in GOLD["packs"] if p["path"] == rel)


@pytest.mark.parametrize("rel", [PROD_PACK, ITEM3_PACK])
def test_pack_splits_into_the_documents_bound_in_it(rel):
    from plantrace.extract.pack import split_ranges

    gold = _gold(rel)
    assert split_ranges(_model(rel)) == [tuple(p["pages"]) for p in gold["parts"]]


@pytest.mark.parametrize("rel", [PROD_PACK, ITEM3_PACK])
def test_each_part_is_read_by_its_own_kind(rel):
    record = _record(rel)
    gold = _gold(rel)
    assert record["kind"] == "pack" and record["source"]["pages"] == gold["pages"]
    assert [(p["pages"], p["kind"]) for p in record["parts"]] == [(g["pages"], g["kind"]) for g in gold["parts"]]
    assert record["meeting"]["body"] == gold["meeting"]["body"]
    assert record["date"] == gold["meeting"]["date"]


def test_a_part_reads_as_the_published_file_does():
    """The ministerial letter bound as Appendix A: same kind, title, date and words as the
    letter published on its own; its pages are the pack's."""
    from plantrace.extract.content_key import content_key
    from plantrace.extract.document import build_contract
    from plantrace.extract.pack import sub_model

    part = next(p for p in _record(ITEM3_PACK)["parts"] if p["pages"] == [11, 14])
    original = _model("kent/full_council/2025-01-09/originals/Appendix A - 16.12.24 Ministerial Letter.pdf")
    alone = build_contract(original)
    assert (part["kind"], part["title"], part["date"]) == (alone["kind"], alone["title"], alone["date"])
    assert part["source"]["pages"] == len(original.pages) == 4
    assert content_key(sub_model(_model(ITEM3_PACK), 11, 14).pages) == content_key(original.pages)


def test_the_supplement_sheet_opening_a_pack_lists_its_item_and_pages():
    sheet = _record(ITEM3_PACK)["parts"][0]
    (item,) = sheet["meeting"]["items"]
    assert (item["number"], item["title"], item["pack_pages"]) == ("3", "English Devolution White Paper", [1, 18])


def test_a_single_document_stays_one(pdf_model):
    """Minutes followed by the slides they discuss, and an agenda sheet padded with a blank
    page, are one document each."""
    from plantrace.extract.pack import split_ranges

    for model in (pdf_model("001"), _model(GOLD["single"]["paths"][1])):
        assert split_ranges(model) == [(1, len(model.pages))], model.path


def test_extract_json_prints_parts_with_pages():
    out = runner.invoke(app, ["extract", str(REAL / PROD_PACK), "--json"])
    assert out.exit_code == 0, out.output
    record = json.loads(out.output)
    assert record["kind"] == "pack"
    assert [p["pages"] for p in record["parts"]] == [[1, 1], [3, 5]]
    assert record["parts"][1]["kind"] == "report" and record["parts"][1]["source"]["pages"] == 3


def _copy(rels: list[str], root: Path) -> Path:
    import shutil

    for rel in rels:
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REAL / rel, target)
    return root


def _dump(url: str) -> dict:
    """Every row of every content table, but for ingest and sighting times (run records
    are about the run, not the content: see tests/db_rows.py)."""
    from tests.db_rows import NOT_CONTENT
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url)
    out = {}
    with engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            if table in NOT_CONTENT:
                continue
            rows = conn.execute(text(f"SELECT * FROM {table}")).mappings().all()
            out[table] = sorted(str({k: v for k, v in r.items() if k not in ("ingested_at", "seen_at")}) for r in rows)
    engine.dispose()
    return out


def test_ingest_pack_with_its_original_and_agenda_twice(tmp_path):
    """The decision record is met as its own file and inside the pack: stored once, with both
    sources; the pack, its parts, the agenda and the record are one meeting; a second run
    changes nothing."""
    folder = _copy([PROD_PACK, "kent/cabinet/2025-01-30/originals/24-00096 - PRoD.pdf",
                    "kent/cabinet/2025-01-30/originals/Agenda frontsheet 30th-Jan-2025 10.00 Cabinet.pdf"],
                   tmp_path / "in")
    url = f"sqlite:///{tmp_path / 'packs.db'}"
    first = runner.invoke(app, ["ingest", str(folder), "--db", url])
    assert first.exit_code == 0, first.output
    before = _dump(url)
    assert sorted(r.split("'kind': ")[1].split(",")[0] for r in before["document"]) == \
        ["'agenda'", "'agenda'", "'pack'", "'report'"]  # the record is stored once
    sources = [r for r in before["document_source"] if "'pack_id': None" not in r]
    assert len(sources) == 2 and any("'first_page': 3" in r and "'last_page': 5" in r for r in sources)
    assert len(before["committee_meeting"]) == 1 and "'body': 'Cabinet'" in before["committee_meeting"][0]
    entries = before["agenda_entry"]
    assert len(entries) == 9 + 1
    assert any("'number': '9'" in r and "'report_document_id': None" not in r for r in entries)

    status = runner.invoke(app, ["status", "--db", url, "--json"])
    shown = json.loads(status.output)
    (pack,) = shown["packs"]
    assert [(p["pages"], p["kind"]) for p in pack["parts"]] == [([1, 1], "agenda"), ([3, 5], "report")]
    (meeting,) = shown["meetings"]
    assert (meeting["body"], meeting["date"]) == ("Cabinet", "2025-01-30")

    second = runner.invoke(app, ["ingest", str(folder), "--db", url])
    assert second.exit_code == 0 and "0 ingested" in second.output
    assert _dump(url) == before
