"""Render a Markdown rendering of a pack as HTML and typeset it with WeasyPrint.

``tests/render_pdf.py`` draws every table cell itself with reportlab. A browser
-style engine lays a document out differently, in ways a council's own
export (a web CMS page, a word processor saving to PDF) may share: merged
cells are real ``rowspan`` cells whose text continues on the next page, the
header row comes from ``<thead>`` on every page, a list inside a cell is an
HTML list with its own markers, borders are collapsed cell edges drawn as
filled rectangles, the font is a TrueType one (DejaVu) embedded in subsets,
and rows break across pages wherever the page ends.

    render_html(md_path, pdf_path, ruled=True, serif=False, landscape=False)

WeasyPrint needs Pango at run time; ``available()`` says whether it loads.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from plantrace.extract.text import _MATH, _tex
from tests.render_pdf import _LI_GLYPH, _blocks, table_cells


def available() -> str | None:
    """None when WeasyPrint can typeset here, else why it cannot."""
    try:
        import weasyprint  # noqa: F401
    except Exception as exc:  # ImportError, or OSError when Pango is missing
        return f"WeasyPrint cannot load: {str(exc).splitlines()[0]}"
    return None


# Characters DejaVu has no glyph for (stray script letters and private-use
# bullets in the renderings) make WeasyPrint embed a font pdfminer cannot
# decode at all, so they are left out of the typeset text.
_UNSET = re.compile(r"[^\u0000-\u024f\u2000-\u27bf]")


def _inline(text: str) -> str:
    out = html.escape(_UNSET.sub("", text), quote=False)
    parts = out.split("**")
    return "".join(p if i % 2 == 0 else f"<strong>{p}</strong>" for i, p in enumerate(parts))


def _cell_html(text: str) -> str:
    """A cell's lines; runs of bulleted lines become one HTML list."""
    out, items = [], []
    for line in text.splitlines():
        if _LI_GLYPH.match(line):
            items.append(f"<li>{_inline(_LI_GLYPH.sub('', line))}</li>")
            continue
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
            items = []
        out.append(f"<p>{_inline(line)}</p>")
    if items:
        out.append("<ul>" + "".join(items) + "</ul>")
    return "".join(out)


def _table(rows: list[list[str]], ruled: bool) -> str:
    rows, cells, width, titled = table_cells(rows)
    head = "".join(f"<th>{_inline(c.text)}</th>" for c in cells[0]) if titled else ""
    body = []
    for row in (cells[1:] if titled else cells):
        if titled and [c.text for c in row] == [c.text for c in cells[0]]:
            continue
        tds = []
        for c, cl in enumerate(row):
            if c == 0 and cl.continued:
                continue  # covered by the rowspan above
            span = f' rowspan="{cl.rowspan}"' if c == 0 and cl.rowspan > 1 else ""
            tds.append(f"<td{span}>{_cell_html(cl.text)}</td>")
        body.append("<tr>" + "".join(tds) + "</tr>")
    cls = "ruled" if ruled and width >= 3 else "plain"
    thead = f"<thead><tr>{head}</tr></thead>" if titled else ""
    return f'<table class="{cls}">{thead}<tbody>{"".join(body)}</tbody></table>'


CSS = """
@page { size: A4 %(orient)s; margin: 16mm 14mm; }
body { font-family: %(family)s; font-size: 10pt; line-height: 1.25; }
h1 { font-size: 15pt; } h2 { font-size: 13pt; } h3, h4, h5, h6 { font-size: 11pt; }
table { border-collapse: collapse; width: 100%%; margin: 6pt 0; }
table.ruled td, table.ruled th { border: 0.75pt solid #000; }
td, th { vertical-align: top; padding: 2pt 3pt; font-size: 8.5pt; text-align: left; }
th { font-weight: bold; background: #d9d9d9; }
td p, th p { margin: 0; }
td ul { margin: 0; padding-left: 11pt; }
ul { padding-left: 16pt; }
"""


def render_html(md_path, pdf_path, *, ruled: bool = True, serif: bool = False, landscape: bool = False) -> Path:
    """Typeset ``md_path`` into ``pdf_path`` through HTML; see the module docstring."""
    import weasyprint

    parts = []
    bullets: list[str] = []
    for block in _blocks(Path(md_path).read_text(encoding="utf-8")):
        if block[0] == "table":
            if bullets:
                parts.append("<ul>" + "".join(bullets) + "</ul>")
                bullets = []
            parts.append(_table(block[1], ruled))
            continue
        _, level, line = block
        line = _MATH.sub(_tex, line)
        m = re.match(r"^\s*[-•➤➢>]\s+(?=\S)", line)
        if m and not level:
            bullets.append(f"<li>{_inline(line[m.end():])}</li>")
            continue
        if bullets:
            parts.append("<ul>" + "".join(bullets) + "</ul>")
            bullets = []
        inner = "<br>".join(_inline(t) for t in line.splitlines())
        parts.append(f"<h{level}>{inner}</h{level}>" if level else f"<p>{inner}</p>")
    if bullets:
        parts.append("<ul>" + "".join(bullets) + "</ul>")
    css = CSS % {"orient": "landscape" if landscape else "portrait",
                 "family": "'DejaVu Serif', serif" if serif else "'DejaVu Sans', sans-serif"}
    doc = f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>{''.join(parts)}</body></html>"
    weasyprint.HTML(string=doc).write_pdf(str(pdf_path))
    return Path(pdf_path)
