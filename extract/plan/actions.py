"""Plan table rows into actions and their updates.

One action is one record however many rows and pages its merged cell spans;
each row under it is one update. Page breaks leave two kinds of debris that
must be stitched back rather than read as new records: the header row repeated
on the next page (recognised by meaning, see ``headers``) and a row whose cells
were cut in two (its top half ends one page, its bottom half opens the next
page's table with no action number and usually some empty cells).
"""
from __future__ import annotations

import re
from dataclasses import replace

from plantrace.extract.textform import ends_sentence

from .headers import RATING_ROLES, column_roles, is_header_row
from .progress_report import RAG_CELL
from .sections import recommendation_heading
from .text import cell_lines, clean, join_raw

# "1.1 Develop", "16.2Tracker", "3.4a" -- a number with at least one dot.
ACTION_ID = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3}){1,3}[a-z]?)\.?(?=\s|[A-Z(\[\"'‘“]|$)\s*")
_REF_ONLY = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?)\.?\s*$")
UPDATE_ROLES = ("progress", "target_date", "accountability", "monitor")
EXTRA_ROLES = ("evidence", "further_actions", "rag", "status", "targets", "performance", "measure", "outcome", "priority",
               "theme", "budget")


def _union(boxes):
    boxes = [b for b in boxes if b]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _role_text(row, roles, role) -> tuple[str, list, bool]:
    """Text under one role, the boxes it came from, and whether it was all merged-from-above."""
    cols = [i for i, r in roles.items() if r == role and i < len(row)]
    cells = [row[i] for i in cols]
    texts = [c.text for c in cells if not c.continued and (c.text or "").strip()]
    if role in RATING_ROLES and not texts:
        texts = [c.shade for c in cells if c.shade]  # a rating given by the cell's colour alone
    covered = bool(cells) and all(c.continued for c in cells)
    return "\n".join(texts), [c.bbox for c in cells if not c.continued], covered


def _spans(header, roles) -> list[tuple[float, float, str]]:
    spans = []
    for i, cell in enumerate(header):
        if cell.bbox and i in roles:
            spans.append((cell.bbox[0], cell.bbox[2], roles[i]))
    return spans


def _roles_by_position(table, spans) -> dict[int, str]:
    """Roles for a header-less table from the x extent of the last header's cells."""
    roles = {}
    for col in range(table.n_cols):
        boxes = [r[col].bbox for r in table.rows if col < len(r) and r[col].bbox and not r[col].continued]
        if not boxes:
            continue
        cx = sum((b[0] + b[2]) / 2 for b in boxes) / len(boxes)
        for x0, x1, role in spans:
            if x0 <= cx <= x1:
                roles[col] = role
                break
    return roles


# a cell that is a date or a timescale: "31/03/2025", "Mar-25", "March 2025", "Q2 2025/26", "End of June"
_DATE_CELL = re.compile(
    r"^\s*(?:(?:by |end of |early |late |mid[- ])?(?:\d{1,2}(?:st|nd|rd|th)?[ /.-])?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:[ /-]\d{2,4})?"
    r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|q[1-4](?:\s+\d{4}(?:/\d{2,4})?)?|\d{4}/\d{2,4}"
    r"|ongoing|quarterly|monthly|annually|tbc)\s*$", re.I)
DATED_SHARE = 0.6  # share of a "Target" column's filled cells that must be dates for it to give the due date


def _dated_targets(roles: dict[int, str], rows) -> dict[int, str]:
    """A column headed only "Target" holds a figure in a scorecard but a date in an
    action log; where the table names no other date column and the cells are mostly
    dates, it is the date the action is due by."""
    if "target_date" in roles.values():
        return roles
    for i, role in roles.items():
        if role != "targets":
            continue
        cells = [clean(r[i].text) for r in rows if i < len(r) and not r[i].continued and (r[i].text or "").strip()]
        if cells and sum(bool(_DATE_CELL.match(c)) for c in cells) >= DATED_SHARE * len(cells):
            return {**roles, i: "target_date"}
    return roles


def split_action_id(text: str):
    """(id, rest) for an action cell that starts with its number."""
    m = ACTION_ID.match(text or "")
    if not m:
        return None, text
    return m.group(1), text[m.end():]


class ActionTableReader:
    """Feeds successive plan tables into actions, carrying state across pages.

    ``new_section()`` is called when a recommendation heading intervenes, so a
    table after it is never read as the continuation of the previous one.
    """

    def __init__(self):
        self.roles: dict[int, str] | None = None
        self.action: dict | None = None
        self.update: dict | None = None
        self._continues = False
        self._page = None  # page of the last table read
        self._spans: list[tuple[float, float, str]] = []
        self._foot = None  # (action, update) of a row whose own action cell was left empty
        self._bottom = False  # the last row read was the bottom half of a row cut by the page
        self._bare = None  # a header row that ended its page with no row under it
        self._in_list = False  # the rows read last were items of a list the action opened

    def new_section(self):
        self._continues = False

    @staticmethod
    def is_plan_header(row) -> bool:
        roles = set(column_roles(row).values())
        return is_header_row(row) and "action" in roles and bool(roles & set(UPDATE_ROLES))

    def read(self, table, sink, heading=None) -> bool:
        """Read one table; ``sink(action)`` receives each new action. False if not a plan table.

        ``heading(number, rest, page)`` receives a recommendation heading set as a
        row of the table itself ("Recommendation 2: ..." across all columns).
        """
        rows = table.rows
        start = 0
        # Unruled tables found by word position may carry a caption row or
        # two above the header, so the header is looked for near the top.
        head = next((i for i, r in enumerate(rows[:3]) if self.is_plan_header(r)), None)
        if head is not None:
            for row in rows[:head]:
                self._heading(row, table.page, heading)
            self.roles = _dated_targets(column_roles(rows[head]), rows[head + 1:])
            self._spans = _spans(rows[head], self.roles)
            start = head + 1
        elif self.roles is None or not self._continues:
            return False
        elif self._header_rest(table):
            start = 1
        elif is_header_row(rows[0]) and "action" not in column_roles(rows[0]).values():
            # a table of another kind under its own header (indicators, a key)
            self._continues = False
            return False
        elif table.n_cols != max(self.roles) + 1:
            # The header was left alone at the foot of the previous page and
            # this part was ruled with other columns: map them by position.
            roles = _roles_by_position(table, self._spans)
            if not roles:
                return False
            self.roles = roles
        # A table that repeats the header on the page where the last one ended is a
        # table of its own; at the top of a new page, or without a header, it may
        # carry on the action the last one ended with.
        first = head is None or table.page != self._page
        self._page = table.page
        self._bare = rows[head] if head is not None and start == len(rows) else None
        body = rows[start:]
        for k, row in enumerate(body):
            if is_header_row(row) and self.is_plan_header(row):
                continue
            over_header = k + 1 < len(body) and self.is_plan_header(body[k + 1])
            if self._heading(row, table.page, heading) or self._spanning_heading(row, table.page, heading) or (
                    over_header and self._caption(row, table.page, heading)):
                first = False  # the rows after it start the new recommendation's actions
                self.action = self.update = None
                continue
            self._row(table.page, row, first and self._continues, sink)
            first = False
        self._continues = True
        return True

    def _header_rest(self, table) -> bool:
        """The header row cut by the page break: its top half ended the last page alone
        ("TARGET", "ACCOUNTABIL"), and this page opens with the rest of its words
        ("DATE", "ITY") in capitals. The words are put together and the columns
        read again; the row is no data."""
        bare, self._bare = self._bare, None
        if bare is None or table.page == self._page or not table.rows or table.n_cols != len(bare):
            return False
        rest = [c.text.strip() for c in table.rows[0]]
        if not any(rest) or not all(re.fullmatch(r"[A-Z][A-Z/&() ]{0,20}", t) for t in rest if t):
            return False
        whole = [replace(h, text="\n".join(filter(None, [h.text, t]))) for h, t in zip(bare, rest)]
        if not self.is_plan_header(whole):
            return False
        self.roles = column_roles(whole)
        self._spans = _spans(whole, self.roles)
        return True

    def _pushed_down(self, foot, fields) -> bool:
        """The first row of a page finishes the row at the foot of the last one, whose
        action text was pushed down whole.

        Widow and orphan control moves a cell's paragraph to the next page when
        only a line of it would stay behind, so a row cut by the page break can
        leave its action cell empty above the break while its other cells start
        there. Above: an unmerged, empty action cell under the previous action.
        Below: the action's number and text, and cells that carry on what the
        row above left open (a sentence resuming in lower case, a list of names
        ending in "and") with some cells empty, or just the cells the row above
        left empty (a paragraph of several lines moved down whole).
        """
        if foot is None:
            return False
        _, update = foot
        resumed = False
        for role in (*UPDATE_ROLES, *EXTRA_ROLES):
            below = clean(fields[role][0])
            above = clean(join_raw(update["_raw"].get(role, [])))
            if below and above and not ends_sentence(above) and (
                    below[0].islower() or re.search(r"(?:\band|&|,|[–—-])$", above)):
                resumed = True
        roles = [r for r in UPDATE_ROLES if r in self.roles.values()]
        empty = any(not fields[r][0].strip() for r in roles)
        if resumed and empty:
            return True
        # or the two halves fill complementary cells: what stayed above the break
        # and what was pushed below it make one row between them
        above = {r for r in roles if update["_raw"].get(r)}
        below = {r for r in roles if fields[r][0].strip()}
        return not (above & below) and above | below == set(roles)

    @staticmethod
    def _heading(row, page, heading) -> bool:
        """A row whose one filled cell opens a recommendation is a heading, not an action."""
        if heading is None:
            return False
        filled = [c.text for c in row if c.text.strip()]
        if len(filled) != 1:
            return False
        hit = recommendation_heading(" ".join(filled[0].split()))
        if hit is None:
            return False
        heading(*hit, page)
        return True

    @staticmethod
    def _spanning_heading(row, page, heading) -> bool:
        """A row whose one cell is merged across the whole table names the priority the
        rows under it serve ("Public Health Service Transformation ..."): a heading for
        the actions below, unnumbered, never an action of its own."""
        if heading is None or len(row) < 3 or row[0].continued or not (row[0].text or "").strip():
            return False
        if not all(c.continued for c in row[1:]):
            return False
        heading(None, clean(row[0].text), page)
        return True

    @staticmethod
    def _caption(row, page, heading) -> bool:
        """A row with one filled cell set right above the header repeated: the heading of
        the table under it, read into the same grid where no rules part the tables."""
        filled = [c for c in row if not c.continued and (c.text or "").strip()]
        if heading is None or len(filled) != 1:
            return False
        heading(None, clean(filled[0].text), page)
        return True

    def _list_item(self, action_text: str, fields) -> bool:
        """A row that only names an item of a list the action above opened with a colon
        ("Services involved in this activity include:"), with no lead, date, measure
        or progress of its own: part of that action, not a new one."""
        if self.action is None or not action_text.strip() or not self.action["_raw"]:
            return False
        if not clean(join_raw(self.action["_raw"])).endswith(":") and not self._in_list:
            return False
        if any(fields[r][0].strip() for r in (*UPDATE_ROLES, "measure", "targets", "evidence", "further_actions")):
            return False
        self.action["_raw"].append(action_text)
        self._in_list = True
        return True

    def _split_tail(self, row, fields, covered) -> bool:
        """A rendering's row that only carries on the cells of the update above.

        A renderer writes a tall row as several rows, lining up each cell's
        extra lines (a note's last words, a second date); the cells that had
        no more lines stay empty. Such a row has no geometry, sits under the
        same merged action cell, and fills only cells the update above filled,
        not all of them. In a PDF the rules between rows are real, so a row
        there is always its own update.
        """
        if not covered or any(c.bbox for c in row):
            return False
        filled = {r for r in (*UPDATE_ROLES, *EXTRA_ROLES) if fields[r][0].strip()}
        return bool(filled) and filled < set(self.update["_raw"])

    def _runs_on(self, fields, covered) -> bool:
        """A row that finishes the sentence the update above left open.

        A rendering that cut a row at a page break and later lost the break
        (the two halves set one under the other) leaves a row under the same
        merged action whose progress resumes mid-sentence in lower case and
        which fills fewer cells than the update above.
        """
        progress = clean(fields["progress"][0])
        before = clean(join_raw(self.update["_raw"].get("progress", [])))
        if not covered or not progress or not before or not progress[0].islower():
            return False
        if ends_sentence(before):
            return False
        filled = {r for r in (*UPDATE_ROLES, *EXTRA_ROLES) if fields[r][0].strip()}
        return filled < set(self.update["_raw"])

    @staticmethod
    def _leftover(action_text: str, fields) -> bool:
        """More of a cut row's bottom half: without rules, the names left at the top of a
        page in one column can sit a line below the rest and read as a row of their own.
        A row with no action, no progress note and no date is no update of its own."""
        return not action_text.strip() and not fields["progress"][0].strip() and \
            not fields["target_date"][0].strip()

    def _text_runs_on(self, action_text: str, covered: bool) -> bool:
        """A row whose action cell holds more of the action above, not a new action.

        Without rules, a merged action cell's text that runs past its first
        row, or a paragraph break inside it, reads as the action cell of the
        next row: it has no number and carries on the action's sentence in
        lower case ("... critical challenge, direction" / "and support").
        """
        text = clean(action_text)
        return bool(text) and not covered and text[0].islower() and bool(self.action["_raw"])

    def _open_action(self, action_id, page, boxes, rest: str, sink) -> None:
        self.action = {"id": action_id, "page": page, "bbox": _union(boxes),
                       "_raw": [rest] if rest.strip() else [], "updates": []}
        sink(self.action)

    def _row(self, page, row, may_continue, sink):
        roles = self.roles
        action_text, action_boxes, covered = _role_text(row, roles, "action")
        ref_text, _, _ = _role_text(row, roles, "ref")
        fields = {r: _role_text(row, roles, r) for r in (*UPDATE_ROLES, *EXTRA_ROLES)}
        # a rating given by colour: the rating cell's fill, else the one filled cell of the row
        shades = [c.shade for i, c in enumerate(row) if c.shade and not c.continued and roles.get(i) in RATING_ROLES] or \
            [c.shade for c in row if c.shade and not c.continued]
        colour = shades[0] if shades and len(set(shades)) == 1 else None
        if not action_text.strip() and not any(t.strip() for t, _, _ in fields.values()) and not ref_text.strip():
            return
        action_id, rest = split_action_id(action_text)
        if action_id is None and not ref_text.strip() and self._list_item(action_text, fields):
            return
        self._in_list = False
        if action_id is None and ref_text and _REF_ONLY.match(ref_text):
            action_id, rest = _REF_ONLY.match(ref_text).group(1), action_text
        row_box = _union([c.bbox for c in row if not c.continued])
        foot, self._foot = self._foot, None

        if action_id is not None and may_continue and self._pushed_down(foot, fields):
            previous, update = foot
            previous["updates"].remove(update)
            self._open_action(action_id, page, action_boxes, rest, sink)
            self.action["updates"].append(update)
            _add_cells(update, fields)
            self.update = update
            return
        bottom, self._bottom = self._bottom, False
        if action_id is None and self.action is not None and self.update is not None and (
                may_continue or self._split_tail(row, fields, covered) or self._runs_on(fields, covered)
                or (bottom and self._leftover(action_text, fields))):
            # A cut row leaves some cells empty on one side of the break; a
            # full row is a new update even if the action text runs on.
            if any(not fields[r][0].strip() for r in UPDATE_ROLES if r in roles.values()):
                # The bottom half of a row cut by the page break.
                if action_text.strip():
                    self.action["_raw"].append(action_text)
                _add_cells(self.update, fields)
                self._bottom = True
                return
        runs_on = action_id is None and self.action is not None and self._text_runs_on(action_text, covered)
        if runs_on and not any(fields[r][0].strip() for r in (*UPDATE_ROLES, *EXTRA_ROLES)):
            self.action["_raw"].append(action_text)
            return
        # In a plan that numbers its actions a row without a number at a page top
        # carries on the action above; where actions have no numbers, a full row
        # (text and its own cells) is an action of its own.
        numbered = self.action is not None and self.action["id"] is not None
        if action_id is None and self.action is not None and ((may_continue and numbered) or runs_on) \
                and action_text.strip():
            self.action["_raw"].append(action_text)
        elif action_id is not None or (action_text.strip() and not covered) or self.action is None:
            self._open_action(action_id, page, action_boxes, rest, sink)
        self.update = {
            "page": page,
            "bbox": row_box,
            "colour": colour,
            "_raw": {role: [fields[role][0]] for role in (*UPDATE_ROLES, *EXTRA_ROLES) if fields[role][0].strip()},
        }
        self.action["updates"].append(self.update)
        if action_id is None and not action_text.strip() and not covered and len(self.action["updates"]) > 1:
            self._foot = (self.action, self.update)


def _add_cells(update: dict, fields) -> None:
    """A row's filled cells added to an update begun above (a row cut in two)."""
    for role in (*UPDATE_ROLES, *EXTRA_ROLES):
        if fields[role][0].strip():
            update["_raw"].setdefault(role, []).append(fields[role][0])


def finish_action(action: dict) -> dict:
    """Turn collected raw pieces into the contract's fields."""
    raw = join_raw(action.pop("_raw"))
    out = {"id": action["id"], "text": clean(raw), "page": action["page"], "bbox": action["bbox"], "raw": raw}
    if action.get("heading"):
        out["heading"] = action["heading"]
    out["updates"] = [finish_update(u) for u in action["updates"]]
    return out


def finish_update(update: dict) -> dict:
    parts = update.pop("_raw")
    raw = {role: join_raw(p) for role, p in parts.items()}
    out = {
        "progress": clean(raw.get("progress")),
        "page": update["page"],
        "bbox": update["bbox"],
        "raw": raw,
        "target_date": {"text": clean(raw.get("target_date"))},
        "accountability_text": clean(raw.get("accountability")),
        "monitor_text": clean(raw.get("monitor")),
        "accountability_lines": cell_lines(raw.get("accountability")),
        "monitor_lines": cell_lines(raw.get("monitor")),
    }
    for role in EXTRA_ROLES:
        if raw.get(role) and role != "status":
            out[role] = clean(_glue_codes(raw[role]) if role == "outcome" else raw[role])
    status = clean(raw.get("status"))
    if status and len(status.split()) > MAX_STATUS_WORDS:
        # a "Status / comments" column of prose is the progress note
        out["progress"] = clean(join_raw([raw.get("progress") or "", raw["status"]]))
        status = None
    status = status or _labelled_status(raw.get("progress")) or _labelled_status(raw.get("status"))
    if status and RAG_CELL.match(status) and not out.get("rag"):
        out["rag"] = status  # a "Status" column that rates the row
    elif status:
        out["status_text"] = status
    if update.get("colour"):
        out["rag_colour"] = update["colour"]
    return out


# "Status: Complete. Works finished in May." -- a status stated as a label inside a progress note
_STATUS_LABEL = re.compile(r"(?:^|\n)\s*status\s*[:\-–]\s*(?P<status>[A-Za-z][A-Za-z /-]{0,30}?)\s*(?:[.;\n(]|$)", re.I)
# a stated status is a few words, not the first clause of a sentence
MAX_STATUS_WORDS = 4


def _labelled_status(progress: str | None) -> str | None:
    m = _STATUS_LABEL.search(progress or "")
    if not m or len(m.group("status").split()) > MAX_STATUS_WORDS:
        return None
    return m.group("status").strip()


_CODE_LIST = re.compile(r"^[A-Za-z0-9]{1,6}(?:\s*[,;/&]?\s*[A-Za-z0-9]{1,6})*[,;]?$")


def _glue_codes(text: str) -> str:
    """A list of short codes wrapped by a narrow column ("SO1,SO2,SO" / "3,SO4") breaks
    inside a code; a line break that does not follow a separator is no space."""
    flat = " ".join(text.split())
    if not _CODE_LIST.match(flat):
        return text
    return re.sub(r"(?<=[A-Za-z0-9])\s*\n\s*(?=[A-Za-z0-9])", "", text)
