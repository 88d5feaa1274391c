"""Render a Markdown rendering of a pack as a Word document, then to PDF with LibreOffice.

Council packs are mostly word-processor documents saved as PDF. Writing the
renderings as .docx (python-docx) and converting them with LibreOffice gives
that path: merged action cells are vertically merged table cells, the header
row is marked to repeat on each page, list items inside cells are list
paragraphs with their own bullet glyphs, columns are as wide as their text
needs, and rows may break across pages.

    render_docx(md_path, pdf_path, landscape=False, font="Liberation Sans")

Needs python-docx and a ``soffice`` on the PATH; ``available()`` says why not.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from plantrace.extract.text import _MATH, _tex
from tests.render_pdf import _LI_GLYPH, _blocks, _widths, table_cells


def available() -> str | None:
    """None when a .docx can be written and converted here, else why not."""
    try:
        import docx  # noqa: F401
    except ImportError:
        return "python-docx is not installed"
    if not shutil.which("soffice"):
        return "LibreOffice (soffice) is not on the PATH"
    return None


def _runs(paragraph, text: str):
    for i, part in enumerate(text.split("**")):
        if part:
            paragraph.add_run(part).bold = bool(i % 2)


def _fill(cell, text: str, bold: bool = False):
    """A cell's lines as paragraphs; bulleted lines as list paragraphs."""
    lines = text.splitlines() or [""]
    first = True
    for line in lines:
        glyph = bool(_LI_GLYPH.match(line))
        body = _LI_GLYPH.sub("", line)
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if glyph:
            p.style = "List Bullet"
        _runs(p, f"**{body}**" if bold and body else body)


def _repeat_header(row):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    props = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    props.append(el)


def _table(document, rows: list[list[str]], ruled: bool, usable: float, repeat_header: bool = True):
    from docx.shared import Pt

    rows, cells, width, titled = table_cells(rows)
    table = document.add_table(rows=len(cells), cols=width)
    table.autofit = False
    if ruled and width >= 3:
        table.style = "Table Grid"
    for c, w in enumerate(_widths(rows, usable, "Helvetica-Bold", 8.5)):
        table.columns[c].width = Pt(w)  # the grid LibreOffice lays out by
        for cell in table.columns[c].cells:
            cell.width = Pt(w)
    for r, row in enumerate(cells):
        for c, cl in enumerate(row):
            if c == 0 and cl.continued:
                continue
            _fill(table.cell(r, c), cl.text, bold=titled and r == 0)
            if c == 0 and cl.rowspan > 1:
                table.cell(r, 0).merge(table.cell(r + cl.rowspan - 1, 0))
    if titled and repeat_header:
        _repeat_header(table.rows[0])


def render_docx(md_path, pdf_path, *, landscape: bool = False, font: str = "Liberation Sans",
                ruled: bool = True, repeat_header: bool = True) -> Path:
    """Write ``md_path`` as .docx and convert it to ``pdf_path`` with LibreOffice."""
    import re

    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = font, Pt(10)
    section = document.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for block in _blocks(Path(md_path).read_text(encoding="utf-8")):
        if block[0] == "table":
            _table(document, block[1], ruled, (section.page_width - section.left_margin - section.right_margin) / 12700,
                   repeat_header)
            document.add_paragraph()  # tables with nothing between them would run together as one
            continue
        _, level, line = block
        line = _MATH.sub(_tex, line)
        m = re.match(r"^\s*[-•➤➢>]\s+(?=\S)", line)
        if m and not level:
            _runs(document.add_paragraph(style="List Bullet"), line[m.end():])
        elif level:
            _runs(document.add_heading(level=min(level, 4)), line.replace("**", ""))
        else:
            _runs(document.add_paragraph(), line)
    pdf_path = Path(pdf_path)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (pdf_path.stem + ".docx")
        document.save(src)
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", "pdf", "--outdir", tmp, str(src)],
                       check=True, capture_output=True, timeout=300)
        shutil.move(str(Path(tmp) / (pdf_path.stem + ".pdf")), pdf_path)
    return pdf_path
