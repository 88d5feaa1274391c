"""The rules behind links to a whole priority, indicator or plan, and the report path, on small texts."""
from __future__ import annotations

from plantrace.link.report_path import carried_reports, item_reports, report_numbers
from plantrace.link.scope import ScopeLinker
from plantrace.link.score import SPEAKER_ROLE_RE, PointDoc
from plantrace.link.terms import Analyzer, common_word


def test_report_numbers_in_any_spelling_are_one_key():
    assert report_numbers("Decision 23-00042", "23/00042 - Budget") == {"23/00042"}
    assert report_numbers("Report No. 12/2019") == {"12/2019"}


def test_a_plan_carries_the_number_it_is_published_under():
    assert carried_reports("/papers/23-00042 - Appendix C - Housing plan.pdf", ["Housing plan"]) == {"23/00042"}
    assert carried_reports("/papers/plan.pdf", ["Report 23/00042 Appendix C"]) == {"23/00042"}
    assert item_reports("23/00042 - Housing Delivery Plan", [], "") == {"23/00042"}


def test_common_english_words_cannot_anchor_alone():
    assert common_word("issu", "issues", 4.8)
    assert not common_word("foster", "fostering", 4.8)
    assert not common_word("early_year", "early years", 4.8)  # a phrase is never common


def test_speaker_role_is_not_the_subject():
    text = "Ms Jones (Head of Housing Services) introduced the report."
    assert SPEAKER_ROLE_RE.sub(r"\1", text) == "Ms Jones introduced the report."


def _linker():
    analyzer = Analyzer()
    recs = [(1, "1", "Early years: give every child the best start. Expand family hubs in each district"),
            (2, "2", "Older people live well at home. Home adaptations and falls prevention"),
            (3, "3", "Workforce: staff wellbeing and workplace health checks"),
            (4, "4", "Housing: bring empty homes back into use")]
    indicators = [(10, "Access rates to children's mental health services"), (11, "Empty homes brought back into use")]
    return ScopeLinker(analyzer, recs, indicators)


def test_a_point_naming_a_priority_links_to_it_as_a_whole():
    point = PointDoc(1, "The plan covers early years and family hubs across the county.", "Health plan")
    found = _linker().rank(point, True, "23/00042", "")
    levels = {(f.level, f.target_id) for f in found}
    assert ("recommendation", 1) in levels and ("plan", None) in levels
    assert all(f.evidence for f in found)
    assert next(f for f in found if f.level == "plan").via == "23/00042"


def test_an_indicator_is_linked_by_its_subject():
    point = PointDoc(1, "Members asked about waiting times for children's mental health services.", "Health plan")
    assert ("indicator", 10) in {(f.level, f.target_id) for f in _linker().rank(point, True, None, "title")}


def test_single_common_words_link_no_priority():
    point = PointDoc(1, "Members noted the issues and the effort of staff across services.", "Health plan")
    assert [f for f in _linker().rank(point, True, None, "title") if f.level == "recommendation"] == []


def test_points_of_items_not_about_the_plan_get_no_scope_link():
    point = PointDoc(1, "The plan covers early years and family hubs.", "Car parking charges")
    assert _linker().rank(point, False, None, "") == []


def test_an_item_naming_a_scorecard_is_about_it():
    from plantrace.link.run import _names_document

    assert _names_document("Quarterly Performance Report, Quarter 3", "Quarterly Performance Report Q3")
    assert not _names_document("Car parking charges", "Quarterly Performance Report Q3")
