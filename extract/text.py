"""Build the page model from a Markdown/text rendering of a PDF.

Renderings are how some packs are published (and how a PDF that defeated the
table finder can be fixed by hand), so they feed the same extractors. They
carry no geometry: boxes are None, a form feed starts a new page, a run of
tab-separated lines is a table, ``<ul><li>`` and ``<br>`` inside a cell become
bulleted lines, and Markdown headings or ``**bold**`` spans mark bold words.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from .errors import EmptyFile, UnsupportedFile
from .model import Cell, DocumentModel, Line, Page, Table, Word

_LI = re.compile(r"<li>\s*(.*?)\s*</li>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_SPLIT_ROW = re.compile(r"\t+")


def _cell_text(raw: str) -> str:
    if _LI.search(raw):
        items = [_TAG.sub("", m).strip() for m in _LI.findall(raw)]
        before = _TAG.sub("", raw.split("<", 1)[0]).strip()
        lines = ([before] if before else []) + [f"• {i}" for i in items if i]
        text = "\n".join(lines)
    else:
        text = _TAG.sub("", re.sub(r"<br\s*/?>", "\n", raw, flags=re.I))
    text = html.unescape(text)
    return "\n".join(re.sub(r"[ \u00a0]+", " ", ln).strip() for ln in text.splitlines()).strip()


def _line(raw: str) -> Line | None:
    bold_all = bool(_HEADING.match(raw))
    text = _HEADING.sub("", raw)
    bold_spans = {w for span in _BOLD.findall(text) for w in span.split()}
    text = _cell_text(text.replace("**", ""))
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return None
    words = [Word(w, None, "Bold" if bold_all or w in bold_spans else "", 0.0) for w in text.split()]
    return Line(text=text, bbox=None, words=words)


def _page(number: int, raw_lines: list[str]) -> Page:
    blocks: list = []
    rows: list[list[Cell]] = []

    def flush():
        if rows:
            width = max(len(r) for r in rows)
            for r in rows:
                r.extend(Cell("", None, r[0].row, c) for c in range(len(r), width))
            blocks.append(Table(page=number, bbox=None, rows=list(rows), ruled=False))
            rows.clear()

    for raw in raw_lines:
        if "\t" in raw.strip(" ") and raw.strip():
            parts = raw.rstrip("\n").split("\t")
            rows.append([Cell(_cell_text(p), None, len(rows), c) for c, p in enumerate(parts)])
            continue
        flush()
        line = _line(raw)
        if line:
            blocks.append(line)
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
