"""Build the page model from a Markdown/text rendering of a PDF.

Renderings are how some packs are published (and how a PDF that defeated the
table finder can be fixed by hand), so they feed the same extractors. They
carry no geometry: boxes are None, a form feed starts a new page, a run of
tab-separated lines is a table, ``<ul><li>`` and ``<br>`` inside a cell become
bulleted lines, and Markdown headings or ``**bold**`` spans mark bold words.

A renderer also loses structure the PDF path still sees, so it is put back
here rather than in every extractor (the model must read the same either way):

* a merged cell spanning several rows is written with its text spread over
  those rows' first cells; in the PDF it is one cell and the rows below are
  ``continued``;
* bold runs that were separate lines (a title, then a heading) are glued onto
  one line, and list items inside one cell are glued into one paragraph;
* text laid out in two columns (names in a grid, a name and a role) is written
  with a tab, like a table, though the PDF path sees lines;
* a list glyph may come out as inline TeX (``$\\checkmark$``).
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from .errors import EmptyFile, UnsupportedFile
from .model import Cell, DocumentModel, Line, Page, Table, Word
from .textform import BULLET_CHARS

_LI = re.compile(r"<li>\s*(.*?)\s*</li>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_STARS = re.compile(r"\*\*")
# List glyphs a renderer inlines into one cell paragraph; each one began a line.
_INLINE_GLYPH = re.compile(rf"(?<=\S)\s+(?=[{BULLET_CHARS}]\s)")
# Some renderers write a glyph as inline TeX ("$\checkmark$").
_MATH = re.compile(r"\$([^$\n]*\\[^$\n]*)\$")
_TEX_SYMBOLS = {"checkmark": "✓", "bullet": "•", "blacksquare": "■", "square": "□", "cdot": "·",
                "blacktriangleright": "▶", "triangleright": "▶", "rightarrow": "→", "circ": "○"}
_TEX_ESCAPE = re.compile(r"\\([ %&$#_])")
# An entry key opening a leading cell: "2.3 ...", "14", "7.1a", "16.2Tracker".
_KEY = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?\.?(?:\s|$)|\d{1,3}(?:\.\d{1,3}){1,3}(?=[A-Z]))")
# Fewer columns than this are text laid out in columns, not a table.
TABLE_MIN_COLS = 3


def _tex(match: re.Match) -> str:
    body = re.sub(r"\\([A-Za-z]+)", lambda m: _TEX_SYMBOLS.get(m.group(1), m.group(0)), match.group(1))
    body = _TEX_ESCAPE.sub(r"\1", body)
    return match.group(0) if "\\" in body else body.strip()


def _cell_text(raw: str) -> str:
    if _LI.search(raw):
        items = [_TAG.sub("", m).strip() for m in _LI.findall(raw)]
        before = _TAG.sub("", raw.split("<", 1)[0]).strip()
        lines = ([before] if before else []) + [f"• {i}" for i in items if i]
        text = "\n".join(lines)
    else:
        text = _TAG.sub("", re.sub(r"<br\s*/?>", "\n", raw, flags=re.I))
    text = _INLINE_GLYPH.sub("\n", html.unescape(_MATH.sub(_tex, text)))
    return "\n".join(re.sub(r"[ \u00a0]+", " ", ln).strip() for ln in text.splitlines()).strip()


def _bold_runs(text: str) -> list[tuple[str, bool]]:
    """``**`` toggles bold; an opening mark with no closing one is just dropped."""
    marks = [m.start() for m in _STARS.finditer(text)]
    if len(marks) % 2:
        marks = marks[:-1]
    runs, pos, bold = [], 0, False
    for at in marks:
        runs.append((text[pos:at], bold))
        pos, bold = at + 2, not bold
    runs.append((text[pos:], bold))
    return [(t.replace("**", ""), b) for t, b in runs if t]


def _glued_parts(runs) -> list[list[tuple[str, bool]]]:
    """Split where a bold run starts hard against the text before it.

    A renderer writes a bold run that opened a new line of the PDF straight
    after the previous line's last character ("...supervision**OBJECTIVES:**");
    a bold word inside a sentence keeps its space before it, and a heading
    starts with a capital.
    """
    parts: list[list[tuple[str, bool]]] = [[]]
    for text, bold in runs:
        prev = parts[-1][-1] if parts[-1] else None
        glued = prev is not None and prev[0].strip() and not prev[0][-1].isspace()
        if bold and glued and text.lstrip()[:1].isupper():
            parts.append([])
        parts[-1].append((text, bold))
    return parts


def _line_from_runs(runs, bold_all: bool) -> Line | None:
    """One line; a tab between columns is kept for the readers that split on it."""
    mask: list[bool] = []
    for text, bold in runs:
        mask.extend([bold] * len(text))
    joined = "".join(text for text, _ in runs)
    words = [Word(m.group(0), None, "Bold" if bold_all or mask[m.start()] else "", 0.0)
             for m in re.finditer(r"\S+", joined)]
    if not words:
        return None
    text = re.sub(r" *\t[\s]*", "\t", re.sub(r"[^\S\t]+", " ", joined)).strip()
    return Line(text=text, bbox=None, words=words)


def _lines(raw: str) -> list[Line]:
    bold_all = bool(_HEADING.match(raw))
    runs = _bold_runs(_cell_text(_HEADING.sub("", raw)))
    return [ln for part in _glued_parts(runs) if (ln := _line_from_runs(part, bold_all))]


def _column_line(cells: list[Cell]) -> Line | None:
    """A row of text set in columns, as one line with its columns tab-separated."""
    texts = [_flat(c.text) for c in cells]
    while texts and not texts[-1]:
        texts.pop()
    return _line_from_runs(_bold_runs("\t".join(texts)), False)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _merge_leading_cells(rows: list[list[Cell]]):
    """Put a merged leading cell's text back into one cell, as the PDF has it.

    Only a column whose entries open with a key (an action or item number)
    is read this way: below a keyed cell, a cell without a key is the same
    entry spilling onto the next row, and an empty one is covered by it. The
    renderer sometimes repeats the tail of the text on the next row; that is
    not added twice. A repeat of the first row is a header and ends the span.
    """
    leading = [r[0].text for r in rows]
    first = next((i for i, t in enumerate(leading) if _KEY.match(t)), None)
    if first is None:
        return
    keyed = sum(1 for t in leading[first:] if _KEY.match(t))
    if keyed < sum(1 for t in leading[first:] if t.strip() and not _KEY.match(t)):
        return  # numbers that merely start some entries, not a key column
    header = [c.text for c in rows[0]]
    top = None
    for row in rows:
        cell = row[0]
        if _KEY.match(cell.text):
            top = cell
            continue
        if top is None or [c.text for c in row] == header:
            top = None
            continue
        spill = cell.text.strip()
        if spill and not _flat(top.text).endswith(_flat(spill)):
            top.text = f"{top.text}\n{spill}"
        cell.text, cell.continued = "", True
        top.rowspan += 1


_PIPE_SPLIT = re.compile(r"(?<!\\)\|")
_PIPE_RULE = re.compile(r"^\s*\|?[\s:|-]*-[\s:|-]*\|?\s*$")


def _row_texts(raw: str) -> list[str] | None:
    """The raw cells of a table row, or None for a line that is not one.

    Renderings write tables either as tab-separated lines or as Markdown pipe
    tables; a pipe table's rule line (|---|:--|) yields an empty row to skip.
    """
    if not raw.strip():
        return None
    if "\t" in raw.strip(" "):
        return raw.rstrip("\n").split("\t")
    stripped = raw.strip()
    if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
        if _PIPE_RULE.match(stripped):
            return []
        return [c.strip().replace("\\|", "|") for c in _PIPE_SPLIT.split(stripped[1:-1])]
    return None


def _page(number: int, raw_lines: list[str]) -> Page:
    blocks: list = []
    rows: list[list[Cell]] = []

    def flush():
        if not rows:
            return
        width = max(len(r) for r in rows)
        if width < TABLE_MIN_COLS:
            blocks.extend(ln for r in rows if (ln := _column_line(r)))
        else:
            for r in rows:
                r.extend(Cell("", None, r[0].row, c) for c in range(len(r), width))
            _merge_leading_cells(rows)
            blocks.append(Table(page=number, bbox=None, rows=list(rows), ruled=False))
        rows.clear()

    for raw in raw_lines:
        parts = _row_texts(raw)
        if parts is not None:
            if parts:
                rows.append([Cell(_cell_text(p), None, len(rows), c) for c, p in enumerate(parts)])
            continue
        flush()
        blocks.extend(_lines(raw))
    flush()
    lines = [b for b in blocks if isinstance(b, Line)]
    tables = [b for b in blocks if isinstance(b, Table)]
    text = "\n".join(b.text if isinstance(b, Line) else "\n".join("\t".join(t) for t in b.texts()) for b in blocks)
    return Page(number=number, width=0.0, height=0.0, lines=lines, tables=tables, text=text, blocks=blocks)


def load_text(path: str | Path, sha256: str = "") -> DocumentModel:
    path = Path(path)
    data = path.read_bytes()
    if not data.strip():
        raise EmptyFile(path, "empty file")
    try:
        content = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnsupportedFile(path, "unsupported: not UTF-8 text") from exc
    pages = [_page(i, chunk.splitlines()) for i, chunk in enumerate(content.split("\f"), start=1)]
    return DocumentModel(path=str(path), sha256=sha256, pages=pages)
