"""Named bodies and people: the words a careful reader will not confuse.

"Adoption Panel" and "Fostering Panel" share the word "panel" but are
different bodies, so a body is kept as (modifier, head) and two bodies only
match when both agree; a minute about one panel is evidence *against* an
action that only ever names the other. People are matched on family names,
because minutes say "Ms Smith" where a plan says "Jane Smith".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from .terms import PERSON_RE, stem

HEADS = {"board", "panel", "team", "group", "committee", "forum", "unit", "partnership", "council", "network"}
DETERMINERS = {"the", "a", "an", "our", "their", "its", "this", "that", "each", "every", "all", "any"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’&/-]*|[.;:,()–]")


@dataclass(frozen=True)
class Body:
    modifier: str
    head: str
    shown: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.modifier, self.head)


def _clean(word: str) -> str:
    word = word.split("/")[-1]
    return re.sub(r"['’]s$", "", word).strip("'’-")


def bodies(text: str | None) -> list[Body]:
    """Bodies named as "[Modifier...] Head": capitalised, or lower case after an article."""
    if not text:
        return []
    words = _WORD.findall(text)
    out = []
    for i, word in enumerate(words):
        head = stem(word.lower())
        if head not in HEADS or i == 0:
            continue
        j, run = i - 1, []
        while j >= 0 and len(run) < 4:
            w = _clean(words[j])
            if not w or not w[0].isalpha() or w.lower() in STOP_WORDS:
                break
            if not w[0].isupper() and not words[i][0].isupper():
                # lower case "corporate parenting board" counts only when an article introduces it
                k = j
                while k >= 0 and _clean(words[k]) and _clean(words[k])[0].isalpha() \
                        and _clean(words[k]).lower() not in STOP_WORDS:
                    k -= 1
                if k < 0 or words[k].lower() not in DETERMINERS:
                    break
            elif not w[0].isupper():
                break
            run.insert(0, w)
            j -= 1
        if run:
            out.append(Body(stem(run[-1].lower()), head, " ".join(run + [word])))
    return out


def people(text: str | None, known_families: set[str] = frozenset()) -> dict[str, str]:
    """Family name (lower case) -> how the text wrote it."""
    found: dict[str, str] = {}
    if not text:
        return found
    for m in PERSON_RE.finditer(text):
        found.setdefault(m.group(1).lower(), m.group(0))
    for family in known_families:
        m = re.search(rf"\b[A-Z][a-z]+\s+{re.escape(family)}\b", text, re.I)
        if m and m.group(0)[0].isupper():
            found.setdefault(family, m.group(0))
    return found


def family_name(name: str | None) -> str | None:
    """"Jane Smith – Head of Service" -> "smith"."""
    if not name:
        return None
    name = re.split(r"\s[–-]\s|,|\(", name)[0]
    words = [w for w in re.findall(r"[A-Za-z'’-]+", name) if w[0].isupper()]
    if len(words) < 2:
        return None
    return words[-1].lower()
