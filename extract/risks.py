"""Risk registers: one record per risk, with its owner and its scores.

A register is a table whose header names the risk (title, description, risk)
and scores it (likelihood or probability, impact or severity, a score or a
rating), whatever else it carries (cause, event, consequence, controls,
financial exposure). Its columns are mapped by meaning as a plan's are; a page
that repeats the header, and a second header row of units ("£m"), are no risks.
"""
from __future__ import annotations

import re
from typing import Optional

from .model import Table
from .plan.headers import normalise_header
from .plan.progress_report import RAG_CELL
from .plan.text import clean

# Role -> patterns on the normalised header text; the first role that matches wins.
RISK_SYNONYMS: list[tuple[str, tuple[str, ...]]] = [
    ("ref", (r"^(risk )?(ref(erence)?|no\.?|id|number)$",)),
    ("likelihood", (r"likelihood", r"probability")),
    ("impact", (r"^impact\b", r"severity", r"(current|residual|inherent)? ?impact( \(|$)")),
    ("score", (r"\bscore\b", r"risk (rating|level)$", r"^(current|residual|inherent) (risk|rating)")),
    ("rating", (r"^rating$", r"^rag\b", r"^status$")),
    ("owner", (r"owner", r"^directorate$", r"^service$", r"^lead\b", r"accountab", r"responsib")),
    ("cause", (r"cause", r"source")),
    ("event", (r"^risk event$", r"^event$")),
    ("consequence", (r"consequence", r"effect")),
    ("controls", (r"control", r"mitigat", r"action")),
    ("exposure", (r"exposure", r"financial (impact|value)", r"£")),
    ("text", (r"^risks?\b", r"risk (title|description|name)", r"^title$", r"^description$")),
]
_COMPILED = [(role, [re.compile(p) for p in pats]) for role, pats in RISK_SYNONYMS]
MIN_RISK_COLUMNS = 3  # a text column, a score column and one more make a register


def risk_role(text: str) -> Optional[str]:
    h = normalise_header(text)
    if not h or len(h) > 80:
        return None
    for role, pats in _COMPILED:
        if any(p.search(h) for p in pats):
            return role
    return None


def risk_columns(row) -> Optional[dict[int, str]]:
    """Column -> role when ``row`` is a risk register's header, else None."""
    roles = {}
    for i, cell in enumerate(row):
        if cell.continued or not (cell.text or "").strip():
            continue
        role = risk_role(cell.text)
        if role:
            roles[i] = role
    kinds = set(roles.values())
    if "text" not in kinds or not kinds & {"likelihood", "impact", "score"} or len(roles) < MIN_RISK_COLUMNS:
        return None
    return roles


def _header_at(rows) -> Optional[int]:
    return next((i for i, r in enumerate(rows[:3]) if risk_columns(r)), None)


def is_risk_table(table: Table) -> bool:
    return _header_at(table.rows) is not None


def _unit_row(row) -> bool:
    """A second header row of units or blanks ("", "£m", "(1-5)")."""
    texts = [clean(c.text) for c in row if not c.continued and clean(c.text)]
    return all(_UNIT.fullmatch(t) for t in texts)


_UNIT = re.compile(r"[£$€%]\s*[a-z]{0,3}|[a-z]{1,3}|\(?\d+\s*[-–]\s*\d+\)?|\(?[£$€%]?[a-z]{0,3}\)?")


_NUMBER = re.compile(r"^\s*\d+(\.\d+)?\s*$")


class RiskTableReader:
    def __init__(self):
        self.roles: Optional[dict[int, str]] = None
        self.n_cols = 0

    def read(self, table: Table) -> list[dict]:
        rows = table.rows
        head = _header_at(rows)
        if head is not None:
            self.roles, self.n_cols = risk_columns(rows[head]), table.n_cols
            body = rows[head + 1:]
        elif self.roles is not None and table.n_cols == self.n_cols:
            body = rows  # the register carried on over a page break without its header
        else:
            return []
        out = []
        open_owner = False  # the last risk's owner is being given by the rows below it
        for row in body:
            if _unit_row(row):
                continue
            rec = self._row(row, table.page)
            if rec:
                out.append(rec)
                open_owner = not rec["owner"]
            elif out and open_owner:
                # the owner's cell of a tall row, ruled off in pieces below the row's top
                owner = self._owner_only(row)
                if owner:
                    out[-1]["owner"] = clean(f"{out[-1]['owner'] or ''} {owner}")
        return out

    def _owner_only(self, row) -> Optional[str]:
        cols = [i for i, r in self.roles.items() if r == "owner"]
        filled = [c for c in row if not c.continued and clean(c.text)]
        if len(filled) == 1 and cols and filled[0] is row[cols[0]]:
            return clean(filled[0].text)
        return None

    def _row(self, row, page) -> Optional[dict]:
        fields: dict[str, list[str]] = {}
        exposures = []
        for i, role in self.roles.items():
            if i >= len(row) or row[i].continued:
                continue
            text = clean(row[i].text)
            if role == "rating" and not text and row[i].shade:
                text = row[i].shade
            if not text:
                continue
            if role == "exposure":
                exposures.append(text)
            fields.setdefault(role, []).append(text)
        text = " ".join(fields.get("text", []))
        # a row with a name but no score and no cause is a band's caption ("Other risks")
        if not text or not (set(fields) & {"likelihood", "impact", "score", "cause", "event"}):
            return None
        one = {k: " ".join(v) for k, v in fields.items()}
        rating = one.get("rating")
        return {
            "text": text,
            "owner": one.get("owner"),
            "likelihood": one.get("likelihood"),
            "impact": one.get("impact"),
            "score": one.get("score"),
            "rating": rating if rating and RAG_CELL.match(rating) else rating,
            "cause": one.get("cause"),
            "event": one.get("event"),
            "consequence": one.get("consequence"),
            "controls": one.get("controls"),
            "exposure": exposures or None,
            "page": page,
        }


def extract_risks(doc) -> list[dict]:
    reader = RiskTableReader()
    out: list[dict] = []
    for page in doc.pages:
        for table in page.tables:
            out.extend(reader.read(table))
    return out
