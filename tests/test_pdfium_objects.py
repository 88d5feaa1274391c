"""The pdfium page model reads the same objects as pdfminer, many times faster.

``extract.pdfium_objects`` fills pdfplumber's objects dictionary from pdfium so
that every reader runs unchanged; these tests compare the two readings of the
same pages (a bundled PDF, and pages drawn here with what trips a reader up:
a page turned by /Rotate, shaded cells, a word space set as its own text
object, words hyphenated at a line's end) and the page models built from each.
"""
from __future__ import annotations

import pytest

from tests.conftest import pdf_path

TOLERANCE = 0.01  # points: pdfium's 32-bit floats, rounded back, against pdfminer's doubles


def _readings(path):
    """[(pdfminer's objects, pdfium's objects)] for every page of ``path``."""
    import pdfplumber
    import pypdfium2 as pdfium

    from plantrace.extract.pdfium_objects import page_objects

    out = []
    doc = pdfium.PdfDocument(str(path))
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            out.append((page.objects, page_objects(doc, page)))
    doc.close()
    return out


def _same_boxes(old, new, keys=("x0", "x1", "top", "bottom")):
    assert len(old) == len(new)
    for a, b in zip(old, new):
        for k in keys:
            assert abs(a[k] - b[k]) <= TOLERANCE, (k, a, b)


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    """A two-page PDF: an upright page, and a page turned by /Rotate 90."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path_factory.mktemp("pdfium") / "drawn.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for rotate in (0, 90):
        c.setPageRotation(rotate)
        c.setFont("Helvetica-Bold", 14)
        c.drawString(72, 760, "Action plan 2024")
        c.setFont("Helvetica", 10)
        text = c.beginText(72, 730)
        text.textOut("Numbers")
        text.textOut(" ")  # a word space set on its own
        text.textOut("trained in well-")
        text.textLine("")
        text.textLine("being and safety")
        c.drawText(text)
        c.setFillColorRGB(0.9, 0.1, 0.1)
        c.rect(72, 600, 120, 40, stroke=1, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.line(72, 580, 400, 580)
        c.drawString(80, 615, "Red")
        c.showPage()
    c.save()
    return _readings(path)


def test_drawn_pages_give_the_same_characters(drawn):
    for old, new in drawn:
        assert [c["text"] for c in old["char"]] == [c["text"] for c in new["char"]]
        _same_boxes(old["char"], new["char"], ("x0", "x1", "top", "bottom", "size"))
        assert [c["fontname"] for c in old["char"]] == [c["fontname"] for c in new["char"]]
        assert [c["upright"] for c in old["char"]] == [c["upright"] for c in new["char"]]


def test_drawn_pages_give_the_same_rules_and_fills(drawn):
    from plantrace.extract.shading import rating_of

    for old, new in drawn:
        for kind in ("rect", "line"):
            _same_boxes(old.get(kind, []), new.get(kind, []))
        assert [rating_of(r["non_stroking_color"]) for r in new["rect"]] == ["Red"]
        assert [r["fill"] for r in old["rect"]] == [r["fill"] for r in new["rect"]]


@pytest.fixture(scope="module")
def bundled():
    return _readings(pdf_path("004"))


def test_a_bundled_plan_gives_the_same_objects(bundled):
    for old, new in bundled:
        assert "".join(c["text"] for c in old["char"]) == "".join(c["text"] for c in new["char"])
        _same_boxes(old["char"], new["char"])
        for kind in ("rect", "line", "curve"):
            _same_boxes(old.get(kind, []), new.get(kind, []))


def test_both_page_models_read_a_bundled_plan_alike():
    from plantrace.extract.pdf import load_pdf

    slow, fast = (load_pdf(pdf_path("004"), page_model_of=m) for m in ("pdfplumber", "pdfium"))
    assert [p.text for p in slow.pages] == [p.text for p in fast.pages]
    assert [[t.texts() for t in p.tables] for p in slow.pages] == [[t.texts() for t in p.tables] for p in fast.pages]
    assert slow.warnings == fast.warnings


def test_the_page_model_setting(monkeypatch):
    from plantrace.extract.pdf import DEFAULT_PAGE_MODEL, page_model_name

    monkeypatch.delenv("PLANTRACE_PAGE_MODEL", raising=False)
    assert page_model_name() == DEFAULT_PAGE_MODEL
    monkeypatch.setenv("PLANTRACE_PAGE_MODEL", "PDFium")
    assert page_model_name() == "pdfium"
    assert page_model_name("pdfplumber") == "pdfplumber"
    with pytest.raises(ValueError):
        page_model_name("mupdf")


def test_pdfium_reads_a_face_pdfminer_cannot_decode(tmp_path):
    """A face with an embedded encoding CMap: pdfminer decodes none of it (its pages are
    reported as undecodable in the pdfplumber page model); pdfium reads the words."""
    from tests.badfiles import undecodable_pdf
    from tests.render_html import available

    if available() is not None:
        pytest.skip(available())
    from plantrace.extract.pdf import load_pdf

    model = load_pdf(undecodable_pdf(tmp_path / "u.pdf", title=False), page_model_of="pdfium")
    assert "Paragraph 0 of ordinary text in the regular face" in model.text
    assert model.warnings == []
