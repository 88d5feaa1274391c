"""Progress reports: a table whose row groups are the recommendations.

Each recommendation opens a group of rows (it follows a header row, or carries
its own number); the rows under it hold targets with their performance figures,
evidence or a progress update, further actions and the lead officer, and
somewhere a RAG rating.
Pages repeat the header, sometimes cut in two across a page break, and some
reports lose a recommendation's number in the text layer: such a group still
follows a header, and takes the next number (flagged ``number_inferred``).
"""
from __future__ import annotations

import re

from plantrace.extract.textform import ends_sentence

from .headers import column_roles, is_header_row
from .sections import split_number
from .text import clean, join_raw

# A rating cell: a colour or its letter, or two of them ("Amber/Green", "R-A");
# normalise turns it into one letter.
RAG_CELL = re.compile(r"^\s*(?:green|amber|red|blue|yellow|[garb])(?:\s*[/\-–]?\s*(?:green|amber|red|[gar]))?\s*$", re.I)
_REF = re.compile(r"^\s*(\d{1,3})\.?\s*(?=\S|$)")
FIGURE_ROLES = ("performance", "targets")


def _report_header(row) -> bool:
    roles = set(column_roles(row, status_as_rating=True).values())
    return is_header_row(row) and bool(roles & {"recommendation", "ref"}) and bool(
        roles & {"rag", "accountability"}) and "action" not in roles


def is_progress_report(doc) -> bool:
    return any(t.rows and _report_header(t.rows[0]) for p in doc.pages for t in p.tables)


def _label(text: str) -> str:
    """A figure column's heading in readable form ("Target March 2020")."""
    parts = [p.strip() for p in (text or "").splitlines() if p.strip()]
    out = ""
    for p in parts:
        prev = out.split(" ")[-1] if out else ""
        glue = bool(prev) and (
            (p[0].islower() and prev[-1:].isalpha() and (len(prev) >= 4 or len(p) <= 2))
            or (p.isdigit() and len(p) <= 2 and "/" in prev and prev[-1:].isdigit())  # "2016/1" "7"
        )
        out += p if glue else (" " if out else "") + p
    return clean(out)


class _Group:
    def __init__(self, number, inferred, page):
        self.number, self.inferred, self.page = number, inferred, page
        self.text: list[str] = []
        self.rag = None
        self.lead: list[str] = []
        self.evidence: list[str] = []
        self.progress: list[str] = []  # a progress-update column, where the report has one
        self.further: list[str] = []
        self.targets: list[dict] = []


class _Reader:
    """Feeds the report's tables, page by page, into recommendation groups."""

    def __init__(self):
        self.groups: list[_Group] = []
        self.roles: dict[int, str] | None = None
        self.labels: dict[int, str] = {}
        self.after_header = False
        self.header_cut = False  # a header left alone at a page foot may end on the next page
        self.last_page = None
        self.pending = None  # a recommendation number printed on a line of its own

    def table(self, page, table) -> None:
        rows = table.rows
        if rows and _report_header(rows[0]):
            new_roles = column_roles(rows[0], status_as_rating=True)
            if self.roles is not None and max(self.roles) + 1 == table.n_cols:
                # A header cut by the page foot loses words; the full one
                # seen before with the same columns still applies.
                self.roles = {**self.roles, **new_roles}
            else:
                self.roles = new_roles
                self.labels = {i: _label(c.text) for i, c in enumerate(rows[0])}
            rows = rows[1:]
            self.after_header, self.header_cut = True, not rows
        elif self.roles is None or table.n_cols != max(self.roles) + 1:
            return
        page_top = page.number != self.last_page
        for row in rows:
            if self.row(page, row, page_top):
                page_top = False

    def row(self, page, row, first_row: bool) -> bool:
        """Read one row; False when it held nothing (so the page's first row is still to come)."""
        roles = self.roles
        cells = {i: (row[i].text if i < len(row) and not row[i].continued else "") for i in roles}
        by_role: dict[str, str] = {}
        for i, role in roles.items():
            if cells[i].strip():
                by_role[role] = join_raw([by_role.get(role, ""), cells[i]])
            elif role == "rag" and i < len(row) and row[i].shade:
                by_role[role] = row[i].shade  # rated by the cell's colour alone
        if not by_role:
            return False
        self.last_page = page.number
        if self.header_cut and all(len(clean(t)) <= 20 for t in cells.values()) and not RAG_CELL.match(
                by_role.get("rag", "")):
            self.header_cut = False  # the rest of the header row
            return True
        self.header_cut = False
        if _report_header(row):
            self.after_header, self.pending = True, None  # a header repeated inside the table
            return True
        number, rec_text, ref = _row_number(by_role, self.after_header)
        if number is not None and not rec_text.strip() and set(by_role) <= {"ref"}:
            self.pending = number  # a number alone on its line: the text follows
            return True
        if number is None and self.pending is not None and rec_text.strip():
            number = self.pending
        self.pending = None
        groups = self.groups
        # Past a repeated header a row without a number opens a recommendation
        # only if the one before has finished its sentence; else it goes on.
        starts = number is not None or (self.after_header and bool((rec_text or ref).strip())
                                        and not (groups and _open_sentence(groups[-1].text)))
        if starts:
            inferred = number is None
            if inferred:
                prev = next((g.number for g in reversed(groups) if g.number and g.number.isdigit()), "0")
                number = str(int(prev) + 1)
            groups.append(_Group(number, inferred, page.number))
        self.after_header = False
        if groups:
            self._fill(groups[-1], page, cells, by_role, rec_text, cut=first_row and not starts)
        return True

    def _fill(self, g: _Group, page, cells, by_role, rec_text: str, cut: bool) -> None:
        """Add a row's cells to its group; ``cut``: the row opens a page inside the group,
        so it may be the bottom half of the row the page before ended on."""
        roles, labels = self.roles, self.labels
        if rec_text.strip():
            g.text.append(_drop_label(rec_text, labels, roles, "recommendation"))
        rating = by_role.get("rag", "")
        if g.rag is None and RAG_CELL.match(rating):
            g.rag = clean(rating)
        if by_role.get("accountability"):
            if cut and g.lead:
                g.lead[-1] = join_raw([g.lead[-1], by_role["accountability"]])
            else:
                g.lead.append(by_role["accountability"])
        if by_role.get("evidence"):
            g.evidence.append(by_role["evidence"])
        if by_role.get("progress"):
            g.progress.append(by_role["progress"])
        if by_role.get("further_actions"):
            g.further.append(by_role["further_actions"])
        figures = {labels.get(i) or str(i): clean(cells[i]) for i, r in roles.items()
                   if r in FIGURE_ROLES and r != "targets" or (r == "targets" and _is_figure_col(labels.get(i, "")))
                   if cells[i].strip()}
        target_text = clean(join_raw([cells[i] for i, r in roles.items()
                                      if r == "targets" and not _is_figure_col(labels.get(i, ""))]))
        if cut and g.targets and _continues(g.targets[-1], target_text, figures):
            _carry_on(g.targets[-1], target_text, figures)
        elif target_text or figures:
            g.targets.append({"text": target_text, "figures": figures, "page": page.number})


def extract_progress_report(doc) -> dict:
    reader = _Reader()
    for page in doc.pages:
        for table in page.tables:
            reader.table(page, table)
    return {"recommendations": [_finish(g) for g in reader.groups]}


def _row_number(by_role: dict, after_header: bool) -> tuple[str | None, str, str]:
    """(number, recommendation text, ref text) of a row: the number comes from
    the Ref column, or opens the recommendation text ("2. Ensure ...")."""
    ref = by_role.get("ref", "")
    rec_text = by_role.get("recommendation", "")
    number = None
    m = _REF.match(ref)
    if m and (len(ref.strip()) <= 4 or not rec_text):
        number = m.group(1)
        if not rec_text:
            rec_text = ref[m.end():]
    elif not rec_text and ref and after_header:
        rec_text = ref
    if number is None and rec_text:
        n, rest = split_number(rec_text)
        if n is not None and n.isdigit():
            number, rec_text = n, rest
    return number, rec_text, ref


def _open_sentence(parts: list[str]) -> bool:
    text = clean(join_raw(parts))
    return bool(text) and not ends_sentence(text)


def _continues(before: dict, text: str, figures: dict) -> bool:
    """Whether the first target row on a page is the bottom half of the last row
    of the page before: its sentence was left open there or resumes in lower
    case, or it has no text and only adds to figure cells already begun. A row
    that fills again every figure cell the one before filled is a row of its own."""
    if not text:
        return bool(figures) and set(figures) <= set(before["figures"])
    if before["figures"] and set(figures) >= set(before["figures"]):
        return False
    return bool(before["text"]) and (not ends_sentence(before["text"]) or text[0].islower())


def _carry_on(target: dict, text: str, figures: dict) -> None:
    """The bottom half of a target row cut by a page break."""
    target["text"] = clean(f"{target['text']} {text}")
    for label, value in figures.items():
        old = target["figures"].get(label)
        target["figures"][label] = f"{old} {value}" if old else value


def _is_figure_col(label: str) -> bool:
    """A "Target March 2020" column holds figures; a "Targets" column holds prose."""
    return bool(re.search(r"\d", label))


def _drop_label(text: str, labels, roles, role) -> str:
    """A recommendation cell sometimes repeats its column heading first."""
    for i, r in roles.items():
        label = labels.get(i, "")
        if r == role and label and clean(text).lower().startswith(label.lower() + " "):
            return clean(text)[len(label) + 1:]
    return text


def _finish(g: _Group) -> dict:
    lead_raw = join_raw(g.lead)
    return {
        "number": g.number,
        "number_inferred": g.inferred,
        "text": clean(join_raw(g.text)),
        "rag": g.rag,
        "page": g.page,
        "outcomes": [],
        "measured_by": [],
        "objectives_heading": None,
        "objectives": [],
        "accountability_text": clean(lead_raw),
        "lead_officer_text": clean(lead_raw),
        # The lead-officer column is narrow, so a cell's printed lines are wraps
        # of one entry; each row's cell is the entry someone typed.
        "accountability_lines": [clean(part) for part in g.lead if clean(part)],
        "targets": g.targets,
        "performance": [t for t in g.targets if t["figures"]],
        "evidence": clean(join_raw(g.evidence)),
        "progress": clean(join_raw(g.progress)),
        "further_actions": clean(join_raw(g.further)),
        "actions": [],
    }
