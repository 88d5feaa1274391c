"""Render a Markdown rendering of a pack back into a PDF, in another house style.

The bundled PDFs all come from one kind of generator (ruled Word tables, bold
headings). Packs from other councils differ in ways that break extractors
tuned on them: no ruling lines, other header words, other fonts and page
sizes, plain headings, other bullet glyphs, header rows not repeated, rows cut
across pages at other places, paragraphs set with no space between them. Re-typesetting the same words with reportlab
lets the tests score the extractors on those variations against the same gold.

The input is the format ``extract.text`` reads: ``#`` headings, ``**bold**``,
tab-separated table rows, ``<ul><li>``/``<br>`` inside cells, ``- `` bullets.

    render(md_path, pdf_path, ruled=False, header_map=RENAMED, bullet="▪")
"""
from __future__ import annotations

import html
import os
import re
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from plantrace.extract.model import Cell
from plantrace.extract.text import _KEY, _MATH, _bold_runs, _cell_text, _glued_parts, _merge_leading_cells, _tex

PORTRAIT, LANDSCAPE = A4, landscape(A4)
FONTS = {"Helvetica": ("Helvetica", "Helvetica-Bold"), "Times": ("Times-Roman", "Times-Bold")}
# Header words another template might use for the same columns.
RENAMED = {"ACTION": "Actions", "PROGRESS": "Update", "TARGET DATE": "Timescale",
           "ACCOUNTABILITY": "Lead Officer", "MONITOR/EVALUATER": "Monitored by",
           "MONITOR/ EVALUATER": "Monitored by"}
# Glyphs the standard PDF fonts cannot encode; drawn from an embedded font so
# they extract as themselves, as they do from a Word PDF with a ToUnicode map.
_GLYPHS = "▪✓✔➤➢►▶◆◇■□●○◦"
_GLYPH_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
_LI_GLYPH = re.compile(rf"^[•{_GLYPHS}]\s*")


def _glyph_face() -> str | None:
    if "Glyphs" in pdfmetrics.getRegisteredFontNames():
        return "Glyphs"
    if os.path.exists(_GLYPH_FONT):
        pdfmetrics.registerFont(TTFont("Glyphs", _GLYPH_FONT))
        return "Glyphs"
    return None


def _markup(text: str, bold: bool) -> str:
    """Paragraph XML for one line: ``**`` pairs become <b> (or vanish), glyphs get a font."""
    out = html.escape(text, quote=False)
    marks = out.count("**")
    if marks % 2:
        out = out.replace("**", "", 1) if out.startswith("**") else out[::-1].replace("**", "", 1)[::-1]
    parts = out.split("**")
    out = "".join(p if i % 2 == 0 or not bold else f"<b>{p}</b>" for i, p in enumerate(parts))
    face = _glyph_face()
    if face:
        out = re.sub(f"[{_GLYPHS}]", lambda m: f'<font face="{face}">{m.group(0)}</font>', out)
    return out


def _cell_lines(raw: str, bullet: str) -> list[str]:
    """A cell's lines, its list items marked with this style's bullet."""
    lines = []
    for ln in _cell_text(raw).splitlines():
        lines.append(_LI_GLYPH.sub(f"{bullet} ", ln) if _LI_GLYPH.match(ln) else ln)
    return lines


def _blocks(md: str):
    """("text", level, line) and ("table", rows) in order; adjacent tables with one header are one."""
    blocks: list = []
    rows: list[list[str]] = []
    pending = ""
    for raw in md.replace("\f", "\n").splitlines():
        if "\t" in raw.strip(" "):
            rows.append(raw.split("\t"))
            continue
        if rows:
            prev = blocks[-1] if blocks else None
            if prev and prev[0] == "table" and prev[1][0] == rows[0] and blocks[-1] is prev:
                prev[1].extend(rows[1:])
            else:
                blocks.append(("table", rows))
            rows = []
        if raw.endswith("  ") and raw.strip():  # a hard line break inside one paragraph
            pending += raw.strip() + "\n"
            continue
        line = pending + raw
        pending = ""
        if not line.strip():
            continue
        m = re.match(r"^\s{0,3}(#{1,6})\s+", line)
        level, line = (len(m.group(1)), line[m.end():]) if m else (0, line)
        # Bold runs glued onto the text before them were separate lines in the PDF.
        for part in _glued_parts(_bold_runs(line)):
            blocks.append(("text", level, "".join(f"**{t}**" if b else t for t, b in part)))
    if rows:
        blocks.append(("table", rows))
    return blocks


def _join_split_tails(rows):
    """Rows that only carry on some cells of the row above are that row, as the PDF had it.

    A Markdown renderer writes a tall row as several, lining up each cell's
    extra lines; the tail has an empty leading cell and fills only some of
    the columns the row above filled (see ``ActionTableReader._split_tail``).
    """
    out: list[list[str]] = []
    for row in rows:
        filled = {c for c, t in enumerate(row) if c and t.strip()}
        above = {c for c, t in enumerate(out[-1]) if c and t.strip()} if len(out) > 1 else set()
        if not _KEY.match(row[0]) and filled and filled < above:
            if row[0].strip():
                out[-1][0] = f"{out[-1][0]}<br>{row[0]}"
            for c in filled:
                out[-1][c] = f"{out[-1][c]}<br>{row[c]}"
            continue
        out.append(list(row))
    return out


def table_cells(rows: list[list[str]]):
    """(rows, cells, width, titled) of one Markdown table as the PDF had it: split tails
    joined, merged leading cells put back together. ``titled``: it has a header row;
    fewer than three columns are text set in columns (names beside names), and a table
    the Markdown split at a page break opens with an action row, not a header."""
    rows = _join_split_tails([r for i, r in enumerate(rows) if i == 0 or r != rows[0]])
    width = max(len(r) for r in rows)
    cells = [[Cell(_cell_text(t), None, r, c) for c, t in enumerate(row + [""] * (width - len(row)))]
             for r, row in enumerate(rows)]
    _merge_leading_cells(cells)
    return rows, cells, width, width >= 3 and not _KEY.match(rows[0][0])


def _widths(rows, total: float, font: str, size: float) -> list[float]:
    """Column widths from how much each column holds, each wide enough for its longest word.

    A word wider than its column is broken between letters ("Complete" / "d"),
    which no template does on purpose.
    """
    n = max(len(r) for r in rows)
    least, weight = [], []
    for c in range(n):
        texts = [_cell_text(r[c]) if c < len(r) else "" for r in rows]
        longest = max((w for t in texts for w in t.split()), key=len, default="")
        least.append(min(pdfmetrics.stringWidth(longest, font, size) * 1.15 + 14, total / n))
        sizes = sorted(len(t) for t in texts)
        weight.append(max(8.0, sizes[len(sizes) // 2]) ** 0.5)
    spare = total - sum(least)
    return [m + spare * w / sum(weight) for m, w in zip(least, weight)]


def _rename(text: str, header_map: dict) -> str:
    key = re.sub(r"\s+", " ", text).strip().upper()
    return header_map.get(key, text)


def render(md_path, pdf_path, *, ruled=True, repeat_header=True, pagesize=PORTRAIT, font="Helvetica",
           header_map=None, bold_headings=True, bullet="•", split_rows=False, para_space=4.0) -> Path:
    """Typeset ``md_path`` into ``pdf_path``; see the module docstring for the options."""
    regular, bold_font = FONTS[font]
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=12.5, spaceAfter=para_space)
    cell = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0)
    heads = {lvl: ParagraphStyle(f"h{lvl}", parent=body, fontSize=size, leading=size * 1.25,
                                 fontName=bold_font if bold_headings else regular, spaceBefore=6)
             for lvl, size in {1: 14, 2: 13, 3: 12, 4: 11, 5: 10, 6: 10}.items()}
    header_map = {k.upper(): v for k, v in (header_map or {}).items()}
    doc = SimpleDocTemplate(str(pdf_path), pagesize=pagesize, leftMargin=40, rightMargin=40,
                            topMargin=40, bottomMargin=40)
    flow: list = []
    for block in _blocks(Path(md_path).read_text(encoding="utf-8")):
        if block[0] == "text":
            _, level, line = block
            line = re.sub(r"^(\s*)- (?=\S)", lambda m: f"{m.group(1)}{bullet} ", _MATH.sub(_tex, line))
            style = heads[level] if level else body
            flow.append(Paragraph(_markup(line, bold_headings).replace("\n", "<br/>"), style))
            continue
        rows = _join_split_tails([r for i, r in enumerate(block[1]) if i == 0 or r != block[1][0]])
        width = max(len(r) for r in rows)
        header = rows[0]
        cells = [[Cell(_cell_text(t), None, r, c) for c, t in enumerate(row + [""] * (width - len(row)))]
                 for r, row in enumerate(rows)]
        _merge_leading_cells(cells)  # where the Markdown spread one merged cell over rows
        data, spans = [], []
        for r, (raw_row, row) in enumerate(zip(rows, cells)):
            is_head = raw_row == header and width >= 3
            out = []
            for c, cl in enumerate(row):
                raw = raw_row[c] if c < len(raw_row) else ""
                lines = [cl.text] if is_head else (
                    cl.text.splitlines() if (c == 0 and cl.rowspan > 1) else _cell_lines(raw, bullet))
                if c == 0 and (cl.continued or cl.rowspan > 1):
                    lines = [] if cl.continued else cl.text.splitlines()
                text = _rename(cl.text, header_map) if is_head else "\n".join(lines)
                xml = "<br/>".join(_markup(t, bold_headings) for t in text.splitlines())
                out.append(Paragraph(f"<b>{xml}</b>" if is_head and bold_headings else xml, cell))
            if row[0].rowspan > 1:
                spans.append(("SPAN", (0, r), (0, r + row[0].rowspan - 1)))
            data.append(out)
        style = [("VALIGN", (0, 0), (-1, -1), "TOP"), *spans]
        if ruled and width >= 3:  # fewer columns are text set in columns (see extract.text)
            style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        table = Table(data, colWidths=_widths(rows, pagesize[0] - 80, bold_font, cell.fontSize), repeatRows=1 if repeat_header else 0,
                      splitInRow=1 if split_rows else 0, hAlign="LEFT")
        table.setStyle(TableStyle(style))
        flow += [table, Spacer(1, 8)]
    doc.build(flow)
    return Path(pdf_path)


if __name__ == "__main__":  # python -m tests.render_pdf IN.md OUT.pdf [unruled] [renamed] ...
    import sys

    flags = set(sys.argv[3:])
    render(sys.argv[1], sys.argv[2], ruled="unruled" not in flags, repeat_header="norepeat" not in flags,
           pagesize=LANDSCAPE if "landscape" in flags else PORTRAIT, font="Times" if "times" in flags else "Helvetica",
           header_map=RENAMED if "renamed" in flags else None, bold_headings="plain" not in flags,
           bullet="▪" if "square" in flags else ("-" if "dash" in flags else "•"), split_rows="split" in flags)
