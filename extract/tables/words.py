"""A page's words with the font facts the table readers need, laid out once."""
from __future__ import annotations

from ..columns import Word
from ..layout import page_words


class TWord(Word):
    """The plan readers' word (``extract.columns.Word``), with both centres the grid needs."""

    @property
    def cx(self) -> float:
        return self.centre

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


def words_of(page) -> list[TWord]:
    out = []
    for w, chars in page_words(page.chars):
        if not w["text"].strip():
            continue
        font = chars[0].get("fontname", "") if chars else ""
        # The size as drawn (the box height), not the font's nominal size: a page
        # set at a scale draws 11 pt type a good deal smaller.
        size = float(w["bottom"]) - float(w["top"])
        out.append(TWord(w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]),
                         size, "bold" in font.lower()))
    return out


def lines_of(words: list[TWord], tol: float = 3.0) -> list[list[TWord]]:
    """Words clustered into visual lines top to bottom (as ``layout.text_lines``), each left to right."""
    out: list[list[TWord]] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        if out and abs(w.top - out[-1][0].top) <= tol and w.top - out[-1][-1].top <= tol:
            out[-1].append(w)
        else:
            out.append([w])
    return [sorted(line, key=lambda w: w.x0) for line in out]


def join_lines(words: list[TWord]) -> str:
    return "\n".join(" ".join(w.text for w in line) for line in lines_of(words))


def inside(w: TWord, bbox, slack: float = 0.5) -> bool:
    x0, top, x1, bottom = bbox
    return x0 - slack <= w.cx <= x1 + slack and top - slack <= w.cy <= bottom + slack
