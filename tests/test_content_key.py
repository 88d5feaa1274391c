"""The same document bound in a pack and published alone has one content key.

A binder prints a page number up the margin of every page of the pack ("Page
39" set a letter a line); the document's own words are the same as in the
separately published file. The pack's page is cut out here (one page, so the
test reads one page, not the 48 of the pack).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from plantrace.extract.content_key import content_key
from plantrace.extract.layout import page_words
from plantrace.extract.model import Line, Page, Word
from plantrace.extract.pdf import load_pdf

from .conftest import CORPUS
from .scans import text_pages

SHARED_REAL = Path("/work/shared/corpora/real")

# the pack is not bundled (48 pages); the shared corpus it was downloaded into holds it
MEETING = next((root / "kent" / "full_council" / "2025-02-13" for root in (CORPUS / "real", SHARED_REAL)
                if (root / "kent" / "full_council" / "2025-02-13" / "public_packs").is_dir()), CORPUS / "real")
PACK = MEETING / "public_packs" / "Budget Amendments 13th-Feb-2025 09.30 County Council.pdf"
ORIGINALS = MEETING / "originals"


def _char(text, x0, top, matrix):
    return {"text": text, "x0": x0, "x1": x0 + 12.0, "top": top, "bottom": top + 7.0, "upright": True,
            "matrix": matrix, "size": 7.0, "fontname": "Helvetica", "doctop": top, "width": 12.0, "height": 7.0}


def test_a_glyph_turned_a_quarter_is_not_glued_to_the_line_it_crosses():
    turned = (-1.8e-16, -1.0, 1.0, -1.8e-16, 38.5, 300.0)  # a quarter turn, rounding noise on the diagonal
    upright = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    chars = [_char("a", 36.0, 256.0, turned)]
    chars += [{**_char(ch, 49.0 + 6 * i, 256.0, upright), "x1": 55.0 + 6 * i} for i, ch in enumerate("With")]
    assert sorted(w["text"] for w, _ in page_words(chars)) == ["With", "a"]


def test_words_set_up_the_page_stay_out_of_the_key():
    body = Line("Proposed Purpose: top up the grant", (72, 100, 300, 110),
                [Word("Proposed", (72, 100, 120, 110), size=10.0)])
    stamp = Line("Page", (36, 249, 48, 277), [Word("Page", (36, 249, 48, 277), size=8.0)])
    number = Line("39", (36, 280, 48, 293), [Word("39", (36, 280, 48, 293), size=6.7)])
    alone = Page(1, 595, 842, lines=[body], text=body.text)
    bound = Page(39, 595, 842, lines=[body, stamp, number], text=f"{body.text}\nPage\n39")
    assert content_key([bound]) == content_key([alone])


@pytest.mark.skipif(not PACK.is_file(), reason="the Kent packs are not in this checkout")
def test_a_one_page_amendment_in_the_pack_keys_as_its_original(tmp_path):
    page = load_pdf(text_pages(PACK, [41], tmp_path / "p41.pdf"))
    own = load_pdf(ORIGINALS / "3 - Amendment - Liberal Democrats - LEVI capital funding.pdf")
    other = load_pdf(ORIGINALS / "4 - Amendment - Liberal Democrats - Highway Asset Maintenance.pdf")
    assert content_key(page.pages) == content_key(own.pages)
    assert content_key(page.pages) != content_key(other.pages)  # same form, another amendment
