"""Declarations of interest ("Mr X declared a personal interest in that ...")."""
from __future__ import annotations

import re
from typing import Optional

DECLARED_RE = re.compile(
    r"^(?P<who>.+?)\s+(?:declared|declares|disclosed|registered)\s+(?:an?\s+)?(?P<kind>[\w\s,-]*?)\s*interests?\b",
    re.I,
)


def parse(text: str) -> Optional[dict]:
    m = DECLARED_RE.match(text)
    if not m or len(m.group("who").split()) > 8:
        return None
    kind = m.group("kind").strip(" ,").lower() or None
    return {"who": m.group("who").strip(), "interest": kind, "text": text}
