"""Indicators: what a plan or a scorecard measures, one record per indicator.

Two layouts carry them, and both are recognised by meaning, not by wording:

* a table whose header names an indicator column ("Objectively Verifiable
  Indicators", "Customer Services KPIs", "Measure") beside a timescale, a
  rating, a target or a value; a sub-header row may split a rating into the
  latest and the previous period ("RAG rating" over "Latest | Previous");
* a small box per indicator in which each cell is a label and a value
  ("Latest: 97%", "Target: 97%, Floor: 90%", "Previous: 97% (Green)") and one
  cell gives the rating in a word or in its fill colour, the indicator's name
  set above or beside them.

A scorecard usually gives both for the same indicator (a summary table, then a
page per indicator); ``merge_indicators`` makes them one record.
"""
from __future__ import annotations

import re
from typing import Optional

from .model import Table
from .plan.headers import column_roles, header_role, normalise_header
from .plan.progress_report import RAG_CELL
from .plan.text import clean

# Sub-header words that split a rating column into periods.
_LATEST = re.compile(r"^(latest|current|this (quarter|month|period|year)|now|q[1-4]\b.*)$", re.I)
_PREVIOUS = re.compile(r"^(previous|last|prior|prev\.?)\b", re.I)
_DIRECTION = re.compile(r"^(dot|direction( of travel)?|trend)$", re.I)
# "Label: value" inside a box cell; the label's meaning picks the field.
_LABELS = r"latest|current|actual|value|outturn|target|floor|tolerance|threshold|previous|last|baseline"
# a value may hold thousands separators ("10,797") but a comma and a space end it
_LABELLED = re.compile(rf"\b(?P<label>{_LABELS})\b\s*:?\s*(?P<value>(?:[^,:]|,(?=\d{{3}}\b))*?)"
                       rf"(?=\s*(?:,\s|\b(?:{_LABELS})\b\s*:?|$))", re.I)
# a labelled cell opens with its label and a colon ("Latest: 97%"); prose that only
# mentions a target is no figure
_LABEL_CELL = re.compile(rf"^\s*(?:{_LABELS})\b(?:\s*:|\s+[\d£$€(-])", re.I)
_FIELD_OF_LABEL = {"latest": "value", "current": "value", "actual": "value", "value": "value", "outturn": "value",
                   "target": "target", "floor": "floor", "tolerance": "floor", "threshold": "floor",
                   "previous": "previous_value", "last": "previous_value", "baseline": "baseline"}
_RATING_IN_BRACKETS = re.compile(r"\(\s*(green|amber|red|blue|[gar])\s*\)\s*$", re.I)
# the words of a header that name the kind of indicator, not the service it belongs to
_KPI_WORDS = re.compile(r"\b(kpis?|key performance indicators?|indicators?|performance measures?)\b", re.I)
MIN_NAME_CHARS = 8  # a box's name is a phrase, not a figure or a label


def _rating(cell) -> Optional[str]:
    text = clean(cell.text) if cell is not None else ""
    if text and RAG_CELL.match(text):
        return text
    if cell is not None and cell.shade and not text:
        return cell.shade
    if cell is not None and cell.shade and RAG_CELL.match(text or ""):
        return text
    return None


def _service(header_text: str) -> Optional[str]:
    """ "Customer Services KPIs" -> "Customer Services"; a bare "KPI" names no service."""
    rest = clean(_KPI_WORDS.sub(" ", clean(header_text))).strip(" -–:")
    if not rest or header_role(rest) is not None:
        return None
    return rest


_NOT_INDICATOR = {"action", "recommendation", "ref"}


def _indicator_roles(head) -> Optional[dict[int, str]]:
    """Column roles when ``head`` heads a table of indicators, else None.

    Either a column is named for indicators ("KPIs", "Indicators", "Measure"),
    or rating columns sit beside a first column that no plan role claims: its
    heading then names the service ("Integrated Children's Services | RAG rating").
    """
    roles = column_roles(head, status_as_rating=True)
    kinds = set(roles.values())
    if kinds & _NOT_INDICATOR:
        return None
    if "indicator" not in kinds and "measure" in kinds and "rag" in kinds:
        # "Measure | Q1 | Q2 | Target | Status": rated measures are the indicators
        first_measure = min(i for i, r in roles.items() if r == "measure")
        roles = {**roles, first_measure: "indicator"}
        kinds = set(roles.values())
    if "indicator" not in kinds:
        first = head[0] if head else None
        if "rag" not in kinds or first is None or 0 in roles or not clean(first.text):
            return None
        roles = {0: "indicator", **roles}
    return roles if len(roles) >= 2 else None


def _sub_roles(row, roles) -> dict[int, str]:
    """A sub-header row under a merged rating heading: which column is which period."""
    out = {}
    for i, cell in enumerate(row):
        text = clean(cell.text) if not cell.continued else ""
        if not text:
            continue
        if _LATEST.match(text):
            out[i] = "rag"
        elif _PREVIOUS.match(text):
            out[i] = "previous_rag"
    return out


class IndicatorTableReader:
    """Tables of indicators, keeping a header's columns for its continuation on the next page."""

    def __init__(self):
        self.roles: Optional[dict[int, str]] = None
        self.service: Optional[str] = None
        self.n_cols = 0
        self.page = -1

    def read(self, table: Table, heading: Optional[str] = None) -> list[dict]:
        rows = table.rows
        if not rows:
            return []
        box = _box(table)
        if box is not None:
            return [box]
        head = rows[0]
        roles = _indicator_roles(head)
        if roles is not None:
            roles = {i: r for i, r in roles.items()}
            # a direction-of-travel column has no plan role of its own
            for i, cell in enumerate(head):
                if not cell.continued and _DIRECTION.match(normalise_header(cell.text)):
                    roles[i] = "direction"
            start = 1
            if len(rows) > 1:
                sub = _sub_roles(rows[1], roles)
                if sub:
                    roles.update(sub)
                    start = 2
            ind_col = min(i for i, r in roles.items() if r == "indicator")
            self.roles, self.n_cols = roles, table.n_cols
            # a scorecard heads each service's rated indicators with the service's name
            rated = {"rag", "previous_rag"} & set(roles.values())
            self.service = _service(head[ind_col].text) if rated else None
        elif self.roles is not None and table.n_cols == self.n_cols and table.page == self.page + 1 and not any(
                header_role(c.text) for c in head if c.text.strip()):
            roles, start = self.roles, 0  # the same table carried on at the top of the next page
        else:
            self.roles = None
            return []
        self.page = table.page
        out = []
        for row in rows[start:]:
            rec = self._row(row, roles, table.page, heading)
            if rec:
                out.append(rec)
        return out

    def _row(self, row, roles, page, heading) -> Optional[dict]:
        fields: dict[str, str] = {}
        for i, role in roles.items():
            if i >= len(row) or row[i].continued:
                continue
            if role in ("rag", "previous_rag"):
                value = _rating(row[i])
            else:
                value = clean(row[i].text) or None
            if value and not fields.get(role):
                fields[role] = value
        name = fields.get("indicator")
        if not name:
            return None
        return {
            "name": name,
            "service": self.service,
            "period": None,
            "value": fields.get("performance"),
            "target": fields.get("targets") or fields.get("measure"),
            "rag": fields.get("rag"),
            "previous_rag": fields.get("previous_rag"),
            "direction": fields.get("direction"),
            "commentary": fields.get("progress"),
            "progress": fields.get("progress"),
            "target_date": fields.get("target_date"),
            "section": heading,
            "page": page,
        }


def _box(table: Table) -> Optional[dict]:
    """One indicator set out as a box of labelled cells (see the module docstring)."""
    cells = [c for r in table.rows for c in r if not c.continued]
    labelled = {}
    for c in cells:
        text = clean(c.text)
        if not text or not _LABEL_CELL.match(text):
            continue
        for m in _LABELLED.finditer(text):
            field = _FIELD_OF_LABEL[m.group("label").lower()]
            value = m.group("value").strip()
            bracket = _RATING_IN_BRACKETS.search(value)
            if bracket:
                labelled.setdefault("previous_rag" if field == "previous_value" else "rag", bracket.group(1))
                value = value[:bracket.start()].strip()
            if value and field not in labelled:
                labelled[field] = value
    if "value" not in labelled or not ({"target", "previous_value", "floor"} & set(labelled)):
        return None
    names = [clean(c.text) for c in cells if clean(c.text) and not _LABEL_CELL.match(clean(c.text))
             and not RAG_CELL.match(clean(c.text)) and len(clean(c.text)) >= MIN_NAME_CHARS]
    if not names:
        return None
    rating = next((r for c in cells if (r := _rating(c))), None)
    return {
        "name": names[0],
        "service": None,
        "period": None,
        "value": labelled.get("value"),
        "target": labelled.get("target"),
        "floor": labelled.get("floor"),
        "previous_value": labelled.get("previous_value"),
        "rag": rating,
        "previous_rag": labelled.get("previous_rag"),
        "direction": None,
        "commentary": None,
        "page": table.page,
    }


# ---- one record per indicator -------------------------------------------------

MATCH_SHARE = 80  # token-set similarity (0-100) at which a summary row and a box name one indicator
_PERCENT = re.compile(r"%|\bper ?cent(age)?\b|\bproportion\b", re.I)


def _key(name: str) -> str:
    s = _PERCENT.sub(" percentage ", name or "").lower()
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", s)).strip()


def merge_indicators(records: list[dict]) -> list[dict]:
    """A summary row and the box that details the same indicator become one record.

    The box keeps its full name and figures; the summary row adds what only it
    gives (service, previous rating, direction) and its wording as ``short_name``.
    Pairs are taken in order, best first, so two indicators with similar names
    each keep their own box.
    """
    from rapidfuzz import fuzz

    boxes = [r for r in records if "floor" in r]
    rows = [r for r in records if "floor" not in r]
    if not boxes or not rows:
        return records
    pairs = []
    for i, row in enumerate(rows):
        for j, box in enumerate(boxes):
            score = fuzz.token_set_ratio(_key(row["name"]), _key(box["name"]))
            if score >= MATCH_SHARE:
                # order in the document breaks ties: the n-th summary row details the n-th box
                pairs.append((-score, abs(i / len(rows) - j / len(boxes)), i, j))
    pairs.sort()
    used_rows, used_boxes = set(), set()
    for _, _, i, j in pairs:
        if i in used_rows or j in used_boxes:
            continue
        used_rows.add(i)
        used_boxes.add(j)
        row, box = rows[i], boxes[j]
        box["short_name"] = row["name"]
        box["summary_page"] = row["page"]
        for key in ("service", "previous_rag", "direction", "rag", "commentary", "section"):
            if not box.get(key) and row.get(key):
                box[key] = row[key]
    out = [r for k, r in enumerate(rows) if k not in used_rows]
    out.extend(boxes)
    return sorted(out, key=lambda r: (r.get("summary_page") or r["page"], r["page"]))


def extract_indicators(doc, period: Optional[str] = None) -> list[dict]:
    """Every indicator of a scorecard, one record each, in the document's order."""
    reader = IndicatorTableReader()
    found: list[dict] = []
    for page in doc.pages:
        for table in page.tables:
            found.extend(reader.read(table))
    merged = merge_indicators(found)
    for r in merged:
        r["period"] = r.get("period") or period
    return merged


_PERIOD = re.compile(r"\b(?:quarter|q)\s*([1-4])\b[\s,]*(?:of\s+)?((?:19|20)\d{2}\s*[/-]\s*\d{2,4})", re.I)


def reported_period(doc) -> Optional[str]:
    """The period a scorecard reports on, as its first pages state it ("Quarter 3 2024/25")."""
    text = " ".join(p.text for p in doc.pages[:2])
    m = _PERIOD.search(re.sub(r"\s+", " ", text))
    if not m:
        return None
    years = re.sub(r"\s+", "", m.group(2))
    return f"Q{m.group(1)} {years}"
