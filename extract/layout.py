"""Words, lines and cell texts of a PDF page from one pass over its characters.

Laying out text is, after parsing, the costliest step of reading a page, and
pdfplumber lays out the page text, the text lines and every table cell
separately. Grouping the page's characters into words once (with pdfplumber's
own WordExtractor and tolerances) and reusing those words everywhere gives the
same text at a fraction of the cost.
"""
from __future__ import annotations

from pdfplumber.utils.clustering import cluster_objects
from pdfplumber.utils.text import WordExtractor

TOLERANCE = 3  # pdfplumber's default x/y tolerance, so texts equal its extract_text()

_EXTRACTOR = WordExtractor(x_tolerance=TOLERANCE, y_tolerance=TOLERANCE, expand_ligatures=True)


def page_words(chars) -> list[tuple[dict, list[dict]]]:
    """(word, its chars) pairs in pdfplumber's reading order."""
    return list(_EXTRACTOR.iter_extract_tuples(_without_hidden_spaces(_true_upright(chars))))


def _true_upright(chars) -> list:
    """The characters with ``upright`` false for a glyph drawn turned a quarter.

    pdfminer calls a glyph upright when the product of its matrix's diagonal is
    positive; a quarter turn written with rounding noise on the diagonal
    (-1.8e-16 squared) passes, so a page number printed up the margin is read
    as upright letters and glued to the words of the line it crosses ("aWith").
    The turn is in which pair of the matrix dominates.
    """
    out = []
    for c in chars:
        m = c.get("matrix")
        if c.get("upright") and m and abs(m[1]) + abs(m[2]) > abs(m[0]) + abs(m[3]):
            c = {**c, "upright": False}
        out.append(c)
    return out


def _without_hidden_spaces(chars) -> list:
    """The characters less any space glyph lying under a printed letter.

    Some producers draw a run of spaces and then set a heading's first capital
    over them, so pdfminer reads "A pologies" where the page (and pdfium) shows
    "Apologies": a space whose middle falls inside a visible glyph on the same
    line is not a gap anyone can see."""
    from bisect import bisect_right

    glyphs: dict[int, list[tuple[float, float]]] = {}
    for c in chars:
        if not c["text"].isspace():
            glyphs.setdefault(round(c["top"]), []).append((c["x0"], c["x1"]))
    if not glyphs:
        return list(chars)
    for spans in glyphs.values():
        spans.sort()
    starts = {k: [a for a, _ in v] for k, v in glyphs.items()}
    widest = {k: max(b - a for a, b in v) for k, v in glyphs.items()}

    def covered(c) -> bool:
        mid = (c["x0"] + c["x1"]) / 2
        for key in (round(c["top"]) - 1, round(c["top"]), round(c["top"]) + 1):
            spans = glyphs.get(key)
            if not spans:
                continue
            i = bisect_right(starts[key], mid)
            for a, b in spans[max(0, i - 4):i]:  # glyphs starting left of the space's middle
                if a + 0.5 < mid < b - 0.5 and b - a <= widest[key]:
                    return True
        return False

    return [c for c in chars if not (c["text"].isspace() and covered(c))]


def text_lines(words) -> list[tuple[str, list[tuple[dict, list[dict]]]]]:
    """Words clustered into lines top to bottom, each line left to right."""
    lines = []
    for cluster in cluster_objects(words, lambda pair: pair[0]["top"], TOLERANCE):
        ordered = sorted(cluster, key=lambda pair: pair[0]["x0"])
        lines.append((" ".join(w["text"] for w, _ in ordered), ordered))
    return lines


def _centre_in(word: dict, bbox) -> bool:
    x0, top, x1, bottom = bbox
    return x0 <= (word["x0"] + word["x1"]) / 2 < x1 and top <= (word["top"] + word["bottom"]) / 2 < bottom


def cell_texts(table, words) -> list[list[str | None]]:
    """Like pdfplumber's Table.extract(): None for a cell covered by a merged one."""
    inside = [pair for pair in words if _centre_in(pair[0], table.bbox)]
    out = []
    for row in table.rows:
        in_row = [pair for pair in inside if _centre_in(pair[0], row.bbox)]
        texts = []
        for cell in row.cells:
            if cell is None:
                texts.append(None)
                continue
            in_cell = [pair for pair in in_row if _centre_in(pair[0], cell)]
            texts.append("\n".join(text for text, _ in text_lines(in_cell)))
        out.append(texts)
    return out
