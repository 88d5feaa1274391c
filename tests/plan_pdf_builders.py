"""Small ruled and unruled plan tables drawn with reportlab for the plan tests.

Tables are drawn cell by cell on a canvas (not with platypus) so a test can
say exactly where the page breaks, which cells are merged and which rows are
cut in two -- the page-break debris the extractor must stitch back.
"""
from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

LINE = 11  # leading in points


def draw_ruled(c, x0, top, widths, rows, *, header_bold=True):
    """Draw rows of cell texts as a ruled grid starting at ``top`` (from page top).

    A cell given as None is covered by the cell above (no rule between them).
    Cell text may contain "\\n". Returns the y (from page top) of the bottom rule.
    """
    h = c._pagesize[1]
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    y = top
    heights = [max(len((t or "").split("\n")) for t in row) * LINE + 6 for row in rows]
    for r, row in enumerate(rows):
        rh = heights[r]
        for ci, text in enumerate(row):
            left, right = xs[ci], xs[ci + 1]
            if text is not None or r == 0:
                c.line(left, h - y, right, h - y)  # top rule of this cell
            c.line(left, h - y, left, h - y - rh)
            c.line(right, h - y, right, h - y - rh)
            if text:
                c.setFont("Helvetica-Bold" if (header_bold and r == 0) else "Helvetica", 8)
                for k, part in enumerate(text.split("\n")):
                    c.drawString(left + 3, h - y - 9 - k * LINE, part)
        y += rh
    c.line(xs[0], h - y, xs[-1], h - y)
    return y


def text_line(c, x, top, text, bold=False, size=10):
    c.setFont("Helvetica-Bold" if bold else "Helvetica", size)
    c.drawString(x, c._pagesize[1] - top, text)


def new_canvas(path):
    return canvas.Canvas(str(path), pagesize=landscape(A4))
