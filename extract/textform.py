"""The contract's text form, shared by every extractor.

The output contract fixes one rule for all text fields (whitespace collapsed,
list glyphs removed); keeping the whitespace rule and the set of list glyphs
here means plans, minutes, reports and renderings cannot drift apart.
"""
from __future__ import annotations

import re

# Characters that only mark a list item. The private-use code points are
# Word's Symbol/Wingdings bullets drawn from a font without a Unicode map.
BULLET_CHARS = "•▪▫◆◇➤➢►▶▸✓✔■□●○◦∙·‣⁃⇒\uf0b7\uf0a7\uf0d8\uf0fc\uf076"
# A bullet glyph, or pdfminer's "(cid:127)" spelling of an unmapped one.
BULLET = rf"(?:[{BULLET_CHARS}]|\(cid:\d+\))"

_WS = re.compile(r"\s+")


def ends_sentence(text: str | None) -> bool:
    """Whether text closes its sentence (a full stop, colon, closing quote ...)."""
    return bool(re.search(r"[.!?:;\"”’)]\s*$", text or ""))


def collapse(text: str | None) -> str:
    """Whitespace-collapsed text: the form every comparison and output uses."""
    return _WS.sub(" ", text or "").strip()


def join_words(left: str, right: str) -> str:
    """Join two wrapped lines; a word hyphenated at the break ("re-" / "written") stays one word."""
    if re.search(r"[A-Za-z]-$", left) and right[:1].islower():
        return left + right
    return f"{left} {right}".strip()


SMALL = {"of", "and", "the", "for", "in", "on", "to", "at", "a", "an", "with"}


def title_case(text: str) -> str:
    """Shouted body names ("HEALTH (ADULTS) SELECT COMMITTEE") in the case people write them."""
    if text != text.upper():
        return text
    words = []
    for i, w in enumerate(text.lower().split()):
        if i and w in SMALL:
            words.append(w)
        else:
            words.append(re.sub(r"^([(\[\"']*)(\w)", lambda m: m.group(1) + m.group(2).upper(), w))
    return " ".join(words)
