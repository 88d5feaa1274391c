"""Document kind, council and date are read from content, never from the file name."""
from __future__ import annotations

import shutil

import pytest

from plantrace.extract.kind import detect_kind
from plantrace.extract.metadata import council_name, document_date
from plantrace.extract.text import load_text

from .conftest import RENDERINGS

EXPECTED = {
    "000": ("action_plan", "Rutland County Council", None),
    "001": ("minutes", "Rutland County Council", "2017-05-04"),
    "002": ("progress_report", "Leicestershire County Council", "2018-11-05"),
    "003": ("action_plan", "Plymouth City Council", "2015-01-06"),
    "004": ("report", "Rotherham Borough Council", "2014-07-02"),
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_pdf_kind_council_date(prefix, pdf_model):
    kind, council, when = EXPECTED[prefix]
    doc = pdf_model(prefix)
    assert detect_kind(doc) == kind
    assert council_name(doc) == council
    if when:
        assert document_date(doc).isoformat() == when


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_rendering_kind_matches_pdf(prefix, tmp_path):
    # a neutral file name: nothing may be learnt from it
    path = tmp_path / "upload.md"
    shutil.copy(RENDERINGS / f"{prefix}.md", path)
    assert detect_kind(load_text(path)) == EXPECTED[prefix][0]


def test_minutes_of_an_unseen_body_are_minutes(tmp_path):
    path = tmp_path / "x.md"
    path.write_text(
        "# Anytown District Council\n\nMinutes of the meeting of the LICENSING COMMITTEE held on 3rd March 2021\n\n"
        "**PRESENT:**\n\nCllr A Able\tCllr B Baker\n\n**APOLOGIES:**\n\nCllr C Cole\n\n1 MINUTES\n\nThe minutes were approved.\n",
        encoding="utf-8",
    )
    doc = load_text(path)
    assert detect_kind(doc) == "minutes"
    assert council_name(doc) == "Anytown District Council"
    assert document_date(doc).isoformat() == "2021-03-03"


def test_council_from_its_area_when_only_the_kind_is_printed(tmp_path):
    path = tmp_path / "report.md"
    path.write_text(
        "# Cabinet - 4th March 2020\n\nThe County Council agreed the plan. Children in Norfolk are safer; "
        "Norfolk schools took part. Reading the report, members noted Reading is elsewhere.\n",
        encoding="utf-8",
    )
    assert council_name(load_text(path)) == "Norfolk County Council"


def test_no_council_guessed_from_a_single_mention(tmp_path):
    path = tmp_path / "report.md"
    path.write_text("# Report\n\nThe County Council met in Kent.\n", encoding="utf-8")
    assert council_name(load_text(path)) is None


def test_report_title_skips_the_meeting_line_and_joins_its_wrap(pdf_model):
    from plantrace.extract.metadata import document_title

    title = document_title(pdf_model("002"))
    assert title.startswith("PROGRESS REPORT: OFSTED RECOMMENDATIONS")
    assert title.endswith("THE ROAD TO EXCELLENCE")


def test_title_of_a_rendering_skips_meeting_line(tmp_path):
    from plantrace.extract.metadata import document_title

    path = tmp_path / "r.md"
    path.write_text("SAFEGUARDING PANEL - 2nd June 2021\n\nREVIEW OF THE PLAN FOR\n\nCHILDREN IN CARE\n\n"
                    "REPORT OF THE DIRECTOR\n\nBody text.\n", encoding="utf-8")
    assert document_title(load_text(path)) == "REVIEW OF THE PLAN FOR CHILDREN IN CARE"
