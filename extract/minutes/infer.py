"""Titles for items whose heading was lost.

A careful reader names such an item from what it is about: the paper it
received (an attached presentation or report in the same pack whose title
shares words with the item) and the document the discussion keeps returning
to ("the Action Plan"). The result is marked inferred, never passed off as
the clerk's words.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from .text import Entry, clean

DOC_NOUNS = r"(?:Plan|Strategy|Report|Review|Policy|Framework|Programme|Budget|Update|Audit|Assessment|Inspection|Proposals?|Consultation|Protocol|Charter)"
_DOC_PHRASE = re.compile(rf"\bthe\s+((?:[A-Z][\w&'-]*\s+){{0,4}}{DOC_NOUNS})\b")
_STOP = {"the", "of", "and", "for", "in", "on", "to", "a", "an", "with", "by", "at", "from", "was", "were"}
_BOILER = re.compile(r"intentionally\s+left\s+blank|\bcouncil\b$|^any questions", re.I)


def _emphasised(after: list[Entry]):
    """Bold lines, or lines set larger than the text around them (a title typeset
    without bold is still set large)."""
    sizes = sorted(e.size for e in after if e.size)
    body = sizes[len(sizes) // 2] if sizes else 0.0
    return lambda e: e.bold or (body > 0 and e.size >= 1.2 * body)


def attachment_titles(after: list[Entry]) -> list[str]:
    """Titles of papers appended to the minutes: the first substantial emphasised run of each."""
    titles, run, fresh = [], [], True
    emphasised = _emphasised(after)
    for e in after:
        text = clean(e.text)
        if _BOILER.search(text):
            if run:
                titles.append(" ".join(run))
                run = []
            fresh = True
            continue
        if emphasised(e) and fresh:
            run.append(text)
            continue
        if run:
            if len(" ".join(run).split()) >= 4:
                titles.append(" ".join(run))
                fresh = False
            run = []
    if run and len(" ".join(run).split()) >= 4:
        titles.append(" ".join(run))
    return titles


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in _STOP}


def _core(title: str) -> str:
    """The subject of a long title: the words before its first qualifier."""
    return re.split(r"\s+(?:of|for|in|on|to|at)\s+|[:–—-]\s", title, maxsplit=1)[0].strip()


def infer_title(item_text: str, titles: list[str], shouted: bool) -> Optional[str]:
    context = _words(item_text)
    scored = sorted(((len(_words(t) & context), t) for t in titles), reverse=True)
    paper = _core(scored[0][1]) if scored and scored[0][0] > 0 else None
    phrases = Counter(m.group(1) for m in _DOC_PHRASE.finditer(item_text))
    phrase = next((p for p, _ in phrases.most_common()
                   if not paper or not (_words(p) <= _words(paper))), None)
    parts = [p for p in (paper, phrase) if p]
    if not parts:
        return None
    title = " and ".join(parts)
    return title.upper() if shouted else title
