"""Post titles that lost their last letter in the source ("Head of Practic Excellence").

A narrow cell or a careless edit can drop a word's final letter. Roles are
normalised values that people are grouped by, so such a word is mended when
the document itself settles it: the damaged form is printed once, and exactly
one word that is the same plus one more letter is printed several times. A
plural "s" is never added: "Plan" beside "Plans" is two words, not damage.
The source text fields are never touched; only the derived roles are.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

_WORD = re.compile(r"[A-Za-z][a-z]{3,}")
MIN_LENGTH = 5  # shorter words are too often whole words in their own right
MIN_SEEN = 3  # how often the whole word must be printed to be trusted


class Mender:
    def __init__(self, texts):
        self.counts: Counter = Counter()
        for text in texts:
            self.counts.update(w.lower() for w in _WORD.findall(text or ""))
        self._longer: dict[str, list[str]] = defaultdict(list)
        for word, n in self.counts.items():
            if n >= MIN_SEEN and len(word) > MIN_LENGTH and word[-1] != "s":
                self._longer[word[:-1]].append(word)

    def word(self, word: str) -> str:
        low = word.lower()
        if len(low) < MIN_LENGTH or self.counts[low] > 1:
            return word
        found = self._longer.get(low, [])
        if len(found) != 1:
            return word
        last = found[0][-1]
        return word + (last.upper() if word.isupper() else last)

    def text(self, text: str | None) -> str | None:
        if not text:
            return text
        return _WORD.sub(lambda m: self.word(m.group()), text)


def record_texts(record: dict):
    """The document's prose once each: plan and meeting text fields, not the derived copies."""
    for rec in (record.get("plan") or {}).get("recommendations", []):
        yield from (rec.get("text"), rec.get("evidence"), rec.get("further_actions"), rec.get("accountability_text"))
        yield from (t.get("text") for t in rec.get("targets", []))
        yield from (rec.get("outcomes") or []) + (rec.get("measured_by") or []) + (rec.get("objectives") or [])
        for action in rec.get("actions", []):
            yield action.get("text")
            for upd in action.get("updates", []):
                yield from (upd.get("progress"), upd.get("accountability_text"), upd.get("monitor_text"))
    for item in (record.get("meeting") or {}).get("items", []):
        yield from (item.get("title"), item.get("text"))
        yield from (p.get("text") for p in item.get("points", []))
