"""A key for what a document says, the same wherever it was met.

The same report arrives as its own file and bound in a pack; the pack adds
only the binder's marks (an "Agenda Item 7" stamp at the top of its first
page, a running "Page 12" at each foot). With those marks taken away, the
words of both are the same, so their key is too, whatever the file's bytes.
The words are counted rather than read in order, because a table is read in
a slightly different order when a stamp sits in or beside it. Words set up
the page (a binder's "Page 37" printed up the margin) are left out by their
shape: the document's own text runs across the page.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter

from .model import Page

# a stamp set on a rotated page reads as scattered letters and digits ("a p g e 3 7"): single
# characters are left out of the key on every page, which costs it nothing in telling documents apart
MIN_WORD = 2
_STAMP = re.compile(r"^\s*(?:a\s?genda\s+)?item(?:\s+no\.?)?\s*:?\s*\d+[a-z]?(?:\.\d+)?\s*$", re.I | re.M)
_PAGE_NUMBER = re.compile(r"\bpage\s+\d{1,4}\b", re.I)
_TOKEN = re.compile(r"[^\W_]+", re.U)
# a word whose box is this many times taller than its type size runs up the page, not across it
VERTICAL = 1.5


def _tokens(text: str) -> list[str]:
    return [w for w in _TOKEN.findall(_PAGE_NUMBER.sub(" ", text).lower()) if len(w) >= MIN_WORD]


def _vertical_words(page: Page) -> Counter:
    """Tokens of the words on the page's lines that are set up the page."""
    out: Counter = Counter()
    for line in page.lines:
        for w in line.words:
            if w.bbox and w.size and w.bbox[3] - w.bbox[1] > VERTICAL * w.size:
                out.update(_tokens(w.text))
    return out


def _page_words(page: Page) -> list[str]:
    lines = page.text.splitlines()
    head = "\n".join(lines[:3])
    rest = "\n".join(lines[3:])
    text = _STAMP.sub(" ", head) + "\n" + rest
    return list((Counter(_tokens(text)) - _vertical_words(page)).elements())


def content_key(pages: list[Page]) -> str:
    """sha256 of the document's words (counted), without the binder's stamps."""
    counts = Counter(w for page in pages for w in _page_words(page))
    digest = hashlib.sha256()
    for word, n in sorted(counts.items()):
        digest.update(f"{word}\t{n}\n".encode("utf-8"))
    return digest.hexdigest()
