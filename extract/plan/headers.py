"""What each column of a plan table means, recognised by meaning.

Councils name the same column differently (ACCOUNTABILITY, DELIVERY LEAD,
Lead Officer, Owner ...) and order columns as they like, so a column's role
comes from synonyms matched against its header text, never from its position.
The same test tells a header row repeated at the top of each page from data.
"""
from __future__ import annotations

import re

from .text import collapse

# Role -> patterns on the normalised header text (lower case, single spaces).
# Order matters: the first role whose pattern matches wins, so specific
# phrases ("target date") come before generic words ("target").
SYNONYMS: list[tuple[str, tuple[str, ...]]] = [
    ("ref", (r"^ref\.?$", r"^ref(erence)?\b", r"^no\.?$", r"^number$", r"^#$", r"^id$", r"^item$")),
    # a status column holds words ("Complete", "Overdue") or ratings; which, its cells tell
    ("status", (r"^(current |overall |action |delivery )?status$", r"^progress status$",
                r"(?:^|/)\s*status$", r"^status\s*/")),  # "Progress / Status": its cells tell words from prose
    # when the action was raised, not when it is due: a log's meeting date
    ("raised", (r"^(meeting|minute) date", r"^date (of (the )?meeting|raised|opened|logged|added|agreed|identified)",
                r"^(date )?raised\b", r"^meeting$")),
    ("rag", (r"\bb?rag\b", r"^rating$", r"progress rag", r"\bra ?g$", r"^r ?/ ?a ?/ ?g$")),
    # what is measured, not done: a scorecard's or a logframe's indicator column
    ("indicator", (r"indicators?\b", r"\bkpis?$", r"^kpis?\b", r"^performance measures?$", r"^metrics?$")),
    ("monitor", (r"monitor", r"evaluat", r"oversight by", r"scrutin", r"assured by", r"checked by")),
    ("target_date", (r"target date", r"timescale", r"time ?frame", r"by when", r"deadline", r"due date",
                     r"completion date", r"^date", r"^when\b", r"^due\b", r"target completion")),
    ("accountability", (r"^action(ed)? by$", r"^by whom$", r"assigned to", r"accountab", r"^led by\b", r"^lead by\b", r"^who leads\b", r"delivery lead", r"lead officer", r"responsib", r"owner",
                        r"^lead\b", r"^leads?$", r"who\b", r"^officer", r"lead (person|manager|member)")),
    ("evidence", (r"evidence",)),
    ("further_actions", (r"further action", r"next steps?", r"actions? in progress")),
    ("progress", (r"progress", r"update", r"milestone", r"comment", r"current position", r"position statement",
                  r"achieved")),
    ("recommendation", (r"recommendation", r"area for improvement", r"finding", r"^issue")),
    # a plan's own measure of success, worded as a question ("How will we know?")
    ("measure", (r"how (will we|we will|do we) (know|measure)",)),
    ("action", (r"^actions?\b", r"what (we|will)", r"committed to", r"^commitments?\b", r"^deliverables?\b", r"^task", r"^activit", r"^how\b", r"action required",
                r"^description( of (the )?action)?$", r"^action description$",
                r"^(key|agreed|planned|specific|proposed|required) actions?$",
                r"planned action")),
    ("performance", (r"outturn", r"perform", r"actual", r"baseline", r"^current")),
    # what is aimed at: the thing to be done only where no column says "action"
    ("objective", (r"^objectives?$", r"^aims?$", r"^goals?$")),
    ("priority", (r"^priority$", r"^priorities$", r"^strategic priority",)),
    ("theme", (r"^theme\b", r"^workstream\b", r"^strand\b")),
    ("budget", (r"^budget\b", r"^cost\b", r"^resources?( required)?$", r"^funding\b")),
    # a plan's own measure of success for an action, and the outcome it serves
    ("measure", (r"^measures?( of success)?$", r"^success (criteria|measures?)$", r"how (will we|we will) (know|measure)")),
    ("outcome", (r"^(shared |expected |intended )?outcomes?$",)),
    ("targets", (r"target", r"measure", r"success criteria", r"kpi", r"outcome")),
]
_COMPILED = [(role, [re.compile(p) for p in pats]) for role, pats in SYNONYMS]
# A data row often starts with an action number; a header never does.
_ID_START = re.compile(r"^\s*\d+(\.\d+)*\b")


def normalise_header(text: str) -> str:
    """Header text as one lower-case phrase.

    Narrow columns wrap header words mid-word ("Pro\\ngres\\ns"), so a line break
    next to a single short fragment is glued rather than spaced.
    """
    parts = [p.strip() for p in (text or "").splitlines() if p.strip()]
    out = ""
    for p in parts:
        if out and (len(p) <= 3 or len(out.split(" ")[-1]) <= 3) and p[0].islower():
            out += p
        else:
            out += (" " if out else "") + p
    return collapse(out).lower().rstrip(":")


# A heading that names the number and the text of one merged column
# ("Ref. Ofsted Recommendation", "No. Action"): the text role wins, because
# the number is read from the start of the cell's text anyway.
_REF_PREFIX = re.compile(r"^(?:ref(?:erence)?|no|number|id|#)\.?\s+(?=\S)")


def header_role(text: str) -> str | None:
    h = normalise_header(text)
    if not h or len(h) > 80:
        return None
    prefix = _REF_PREFIX.match(h)
    if prefix:
        rest = _role_of(h[prefix.end():])
        if rest not in (None, "ref"):
            return rest
    return _role_of(h)


def _role_of(h: str) -> str | None:
    for role, pats in _COMPILED:
        if any(p.search(h) for p in pats):
            return role
    return None


def is_header_row(cells) -> bool:
    """A row is a header when most of its filled cells name a known column."""
    texts = [c.text for c in cells if not getattr(c, "continued", False) and (c.text or "").strip()]
    if len(texts) < 2 or any(_ID_START.match(t) for t in texts):
        return False
    roles = [header_role(t) for t in texts]
    return sum(r is not None for r in roles) >= max(2, (len(texts) + 1) // 2)


def column_roles(cells, status_as_rating: bool = False) -> dict[int, str]:
    """Column index -> role for a header row.

    ``status_as_rating``: a "Status" column is read as the row's rating, for readers
    (progress reports, scorecards) that tell a rating from status words by the cell.

    A header cell merged across several columns (an id column and a text
    column both under ACTION) gives its role to every column it covers; the
    covered cells come through as ``continued``.
    """
    roles: dict[int, str] = {}
    last = None
    for i, cell in enumerate(cells):
        if getattr(cell, "continued", False) or not (cell.text or "").strip():
            # Covered by a merged header, or a blank heading over the text
            # column that sits next to an id column under the same header.
            if last is not None and (getattr(cell, "continued", False) or last in ("action", "ref")):
                roles[i] = last
            continue
        role = header_role(cell.text)
        if role is not None:
            roles[i] = role
        last = role
    kinds = set(roles.values())
    if "action" not in kinds:
        # "Objective | Lead | Timescale": the objective is what is to be done; so is a
        # recommendation tracked with a date it is to be done by ("Recommendation |
        # Responsible officer | Target date"); one rated without a date stays a finding
        # a progress report reads.
        to_do = {"objective"} | ({"recommendation"} if "target_date" in kinds and "objective" not in kinds else set())
        roles = {i: ("action" if r in to_do else r) for i, r in roles.items()}
    if status_as_rating:
        roles = {i: ("rag" if r == "status" else r) for i, r in roles.items()}
    return roles


RATING_ROLES = ("rag", "status")  # the columns a row's rating may be printed or coloured in
