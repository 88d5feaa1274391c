"""Mend words that a narrow table column broke across two lines.

Word processors wrap a word that does not fit a narrow column mid-word with no
hyphen ("Performan" / "ce"). The document itself says which joins are words:
a fragment pair is joined only when the joined form is printed whole elsewhere
in the same document and neither piece is a word there on its own. A surname
prefix left at a line end ("O'" / "Hara") is joined too. The cell then reads
as the words were printed, which is what people and date parsing need.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.lang.en.stop_words import STOP_WORDS

from .model import DocumentModel

_WORD = re.compile(r"[A-Za-z][A-Za-z']+")
_TAIL = re.compile(r"([A-Za-z]{2,})$")
_HEAD = re.compile(r"^([a-z]{1,})\b")
_NAME_PREFIX = re.compile(r"\b[A-Z]['\u2019]$")  # O' / D' wrapped away from the rest of a surname


def _vocabulary(doc: DocumentModel) -> Counter:
    """Words as printed whole: prose lines, and cell words away from a cell's line breaks
    (or, at a line start, capitalised)."""
    words: Counter = Counter()
    for page in doc.pages:
        for line in page.lines:
            words.update(w.lower() for w in _WORD.findall(line.text))
        for table in page.tables:
            for row in table.rows:
                for cell in row:
                    lines = cell.text.split("\n")
                    for i, line in enumerate(lines):
                        tokens = _WORD.findall(line)
                        # A line's first word may be a fragment's tail, but a
                        # tail never starts with a capital; a capitalised first
                        # word is whole unless it also ends a cut-off cell.
                        whole_head = len(tokens) > 1 and tokens[0][0].isupper()
                        lo = 1 if i > 0 and not whole_head else 0
                        hi = len(tokens) - 1 if i < len(lines) - 1 else len(tokens)
                        words.update(w.lower() for w in tokens[lo:hi])
    return words


def _mend(text: str, vocab: Counter) -> str:
    lines = text.split("\n")
    if len(lines) < 2:
        return text
    out = [lines[0]]
    for nxt in lines[1:]:
        if _NAME_PREFIX.search(out[-1]) and nxt[:1].isupper():
            out[-1] = out[-1] + nxt
            continue
        tail, head = _TAIL.search(out[-1]), _HEAD.match(nxt)
        if tail and head:
            left, right = tail.group(1), head.group(1)
            joined = (left + right).lower()
            pieces = (left.lower(), right.lower())
            if vocab[joined] and not any(vocab[p] or p in STOP_WORDS for p in pieces):
                out[-1] = out[-1] + nxt
                continue
        out.append(nxt)
    return "\n".join(out)


def rejoin_split_words(doc: DocumentModel) -> DocumentModel:
    vocab = _vocabulary(doc)
    for page in doc.pages:
        for table in page.tables:
            for row in table.rows:
                for cell in row:
                    if "\n" in cell.text:
                        cell.text = _mend(cell.text, vocab)
    return doc
