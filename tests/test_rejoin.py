"""Words broken by a narrow column are mended where the document prints them whole, or
where the whole is a common English word and the first piece no word at all."""
from __future__ import annotations

from plantrace.extract.model import Cell, DocumentModel, Line, Page, Table
from plantrace.extract.rejoin import rejoin_split_words


def _doc(cell_text: str, prose: str) -> DocumentModel:
    table = Table(page=1, bbox=None, rows=[[Cell(cell_text)]])
    page = Page(number=1, width=0, height=0, lines=[Line(prose, None)], tables=[table])
    return DocumentModel(path="x.pdf", sha256="", pages=[page])


def _mended(cell_text: str, prose: str) -> str:
    """The cell's text after mending, in a document whose prose is ``prose``."""
    return rejoin_split_words(_doc(cell_text, prose)).pages[0].tables[0].rows[0][0].text


def test_fragments_join_when_the_whole_word_is_printed_elsewhere():
    assert _mended("Head of Commissio\nning – Ann Example", "Our commissioning plan") == \
        "Head of Commissioning – Ann Example"


def test_real_words_on_both_sides_of_a_break_stay_apart():
    assert _mended("Review work in\nto the autumn", "work into the year") == "Review work in\nto the autumn"


def test_a_short_word_and_a_rare_word_stay_apart():
    # "upgrade" is printed, "grade" is not; "up" is a word and "grade" no word ending
    assert _mended("the Care First up\ngrade", "the system upgrade") == "the Care First up\ngrade"


def test_unknown_joins_stay_as_printed():
    assert _mended("Service Kwaz\nulor", "nothing relevant here") == "Service Kwaz\nulor"


def test_a_common_english_word_the_document_never_prints_whole_rejoins():
    assert _mended("strengthen capacity for administratio\nn and configurati\non", "nothing here") == \
        "strengthen capacity for administration and configuration"
    # after a real word only the document's own words count: "the" / "s" is not "thes"
    assert _mended("reflect the\ns and identities", "nothing here") == "reflect the\ns and identities"


def test_a_word_cut_over_several_lines_and_letter_spaced_rejoins():
    assert _mended("Figures\nreleased\nNove\nmb er\n18", "Published in November") == "Figures\nreleased\nNovember\n18"


def test_a_lone_letter_after_a_word_is_its_ending():
    # "report" is a word, but "s" alone on a line is not: "reports" is printed whole
    assert _mended("permanence report\ns show 100%", "Monthly reports go to the board") == \
        "permanence reports show 100%"
    assert _mended("permanence report\ns show 100%", "Monthly report goes to the board") == \
        "permanence report\ns show 100%"


def test_surname_prefix_rejoins():
    assert _mended("Lead – Sam O'\nBrien", "text") == "Lead – Sam O'Brien"


def test_progress_report_lead_officers_read_whole(pdf_model):
    from plantrace.extract.plan import extract_plan

    recs = extract_plan(pdf_model("002"))["recommendations"]
    leads = " ".join(r["accountability_text"] for r in recs)
    assert "Performance Manager" in leads and "Safeguarding and Improvement" in leads
    assert "Performan ce" not in leads


def test_a_capitalised_word_opening_a_cell_line_counts_as_printed_whole():
    # "Exploitation" is printed whole only at the start of a cell line, where a
    # fragment's tail could stand; a tail is never capitalised.
    table = Table(page=1, bbox=None, rows=[[Cell("Led by the Child Sexual\nExploitation team")],
                                           [Cell("Manager Child Sexual Exploitatio\nn – Ann Example")]])
    doc = DocumentModel(path="x.pdf", sha256="", pages=[Page(number=1, width=0, height=0, tables=[table])])
    rejoin_split_words(doc)
    assert table.rows[1][0].text == "Manager Child Sexual Exploitation – Ann Example"


def test_a_word_in_capitals_cut_into_capitals_rejoins():
    assert _mended("at risk of exploitation (Trafficking/PREVE\nNT to ensure oversight", "the PREVENT duty") == \
        "at risk of exploitation (Trafficking/PREVENT to ensure oversight"
    assert _mended("the CSC\nDMT agreed", "nothing relevant here") == "the CSC\nDMT agreed"


def test_a_word_cut_across_a_page_break_is_mended_when_its_halves_meet():
    from plantrace.extract.plan.text import clean
    from plantrace.extract.rejoin import mend_english

    # the halves of a cut cell meet only in the extractor, after the page model's own mending
    assert clean("practitioners and managers understan\nd and apply thresholds") == \
        "practitioners and managers understand and apply thresholds"
    assert mend_english("reflect the\ns and identities") == "reflect the\ns and identities"
    assert mend_english("Kate Dexter\nand Rebecca") == "Kate Dexter\nand Rebecca"
