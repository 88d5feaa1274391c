"""Split a bound committee pack into the documents bound in it.

A council's "public document pack" binds a covering letter or agenda, minutes,
reports and their appendices into one PDF. Reading it as one document of one
kind loses all but the first, so the pack is cut where a reader sees a new
document begin, and each part is read by its own kind.

How a boundary is decided: every page gets a score from the marks it shows
(``pack_pages.page_signs``), weighted by how surely each mark means "a new
document starts here" (``BoundaryWeights``); a page whose score reaches
``START`` opens a part. Blank padding pages end the part before them and
belong to no part. A file is only cut when it shows the marks of binding at
all (an agenda-item stamp, page references of an agenda that land on its
pages, or padding pages behind a covering letter): a single report whose
appendix changes typeface, a padded agenda sheet, or minutes followed by the
slides they discuss, stay one document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import DocumentModel
from .pack_pages import PageSigns, page_signs


@dataclass(frozen=True)
class BoundaryWeights:
    after_blank: float = 3.0      # padding pages separate bound documents
    item_stamp: float = 3.0       # the binder stamps a report's first page with its agenda item
    agenda_page: float = 3.0      # the agenda says an item's papers start on this page
    letter: float = 2.0           # a salutation under an address block opens a letter
    letterhead: float = 1.0       # a logo across the page top
    appendix: float = 2.0         # "Appendix B" heading (not a running header repeated from the page before)
    size: float = 1.0             # a new page size or orientation
    typeface: float = 1.0         # the body set in another typeface
    type_size: float = 0.5        # the body set in another size
    restart: float = 2.0          # the document's own page numbers start again at 1


WEIGHTS = BoundaryWeights()
START = 2.0  # a page scoring this much opens a new part

# "(Pages 11 - 84)" after an agenda item's title: where its papers sit in the pack
_PAGE_REF = re.compile(r"\(\s*pages?\s+(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?\s*\)", re.I)


def _agenda_starts(model: DocumentModel, signs: list[PageSigns]) -> set[int]:
    """Pack pages on which an item's papers start, by the agenda's "(Pages a - b)" read
    against the "Page N" stamps the binder printed."""
    firsts = set()
    for page in model.pages[:3]:
        firsts |= {int(m.group(1)) for m in _PAGE_REF.finditer(page.text)}
    by_stamp = {s.stamp: s.number for s in signs if s.stamp is not None}
    return {by_stamp[f] for f in firsts if f in by_stamp}


def _score(sign: PageSigns, prev: PageSigns | None, after_blank: bool, agenda_pages: set[int],
           w: BoundaryWeights = WEIGHTS) -> float:
    if prev is None:
        return START
    score = 0.0
    if after_blank:
        score += w.after_blank
    if sign.item_stamp is not None:
        score += w.item_stamp
    if sign.number in agenda_pages:
        score += w.agenda_page
    if sign.letter:
        score += w.letter
    if sign.letterhead:
        score += w.letterhead
    if sign.appendix and sign.appendix != prev.appendix:
        score += w.appendix
    if _size_changed(sign, prev):
        score += w.size
    if sign.font and prev.font and sign.font != prev.font:
        score += w.typeface
    if sign.font_size and prev.font_size and abs(sign.font_size - prev.font_size) >= 1:
        score += w.type_size
    if sign.own_number == 1 and prev.own_number not in (None, 0):
        score += w.restart
    return score


def _size_changed(a: PageSigns, b: PageSigns, tol: float = 2.0) -> bool:
    return abs(a.size[0] - b.size[0]) > tol or abs(a.size[1] - b.size[1]) > tol


def _bound(signs: list[PageSigns], agenda_pages: set[int]) -> bool:
    """Does the file show the marks of several documents bound together?

    A binder's stamp or the agenda's page references do; padding pages only behind
    a covering letter, since a single sheet may be padded too.
    """
    inner_blank = any(s.blank for s in signs[1:])
    return any(s.item_stamp for s in signs) or bool(agenda_pages) or inner_blank and signs[0].letter


def split_ranges(model: DocumentModel) -> list[tuple[int, int]]:
    """The (first, last) pack pages of each document bound in ``model``, 1-based.

    One range covering the file when it is not a pack.
    """
    pages = model.pages
    if not pages:
        return []
    whole = [(pages[0].number, pages[-1].number)]
    if len(pages) < 3:
        return whole
    signs = [page_signs(p) for p in pages]
    agenda_pages = _agenda_starts(model, signs)
    if not _bound(signs, agenda_pages):
        return whole
    ranges: list[list[int]] = []
    prev, after_blank = None, False
    for sign in signs:
        if sign.blank:
            after_blank = prev is not None
            continue
        if prev is None or _score(sign, prev, after_blank, agenda_pages) >= START:
            ranges.append([sign.number, sign.number])
        else:
            ranges[-1][1] = sign.number
        prev, after_blank = sign, False
    return [(a, b) for a, b in ranges] if len(ranges) > 1 else whole


def sub_model(model: DocumentModel, first: int, last: int) -> DocumentModel:
    """The pages ``first``..``last`` of ``model`` as a document of their own; pages keep
    their numbers in the pack, so evidence points at the pack's pages."""
    pages = [p for p in model.pages if first <= p.number <= last]
    return DocumentModel(path=model.path, sha256=model.sha256, pages=pages, metadata=dict(model.metadata))
