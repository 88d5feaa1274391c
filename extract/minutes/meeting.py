"""Assembling the meeting object from the header, attendance and item readers."""
from __future__ import annotations

import re

from . import grid
from . import items as items_mod
from . import votes as votes_mod
from .attendance import SECTIONS, extract_attendance, from_item, roll_call, sectioned_table
from .body import parse_body
from .header import called_to_order, closing_time, extract_header
from .infer import attachment_titles, infer_title
from .text import Entry, clean, entries_and_tables, line_pitch, union_bbox


def _item_output(item: dict, parsed: dict) -> dict:
    heads, body = item["heads"], item["body"]
    first = heads[0] if heads else (body[0] if body else None)
    text_all = " ".join([parsed["text"], *(p["text"] for p in parsed["points"])])
    return {
        "number": item["number"],
        "title": item["title"],
        "title_inferred": item["title_inferred"],
        "page": first.page if first else None,
        "bbox": union_bbox(e.bbox for e in [*heads, *body] if first and e.page == first.page),
        "report_refs": items_mod.report_refs(text_all),
        "text": parsed["text"],
        "raw": "\n".join(e.text for e in [*heads, *body]),
        "points": parsed["points"],
        "resolutions": parsed["resolutions"],
        "events": parsed["events"],
        "declarations": parsed["declarations"],
        "votes": [],
    }


def _owner(raw_items: list[dict], index: int):
    """The item a table printed before line ``index`` belongs to (None: the preamble)."""
    owner = None
    for item in raw_items:
        first = (item["heads"] or item["body"] or [None])[0]
        if first is not None and first.index < index:
            owner = item
    return owner


def _vote_lines(body: list[Entry]) -> tuple[list[Entry], list[list[str]], list[dict]]:
    """Vote lines lifted out of an item's body: labelled blocks ("MOTION BY: ..."), one
    per run, and recorded votes ("For (51)" / names / "Against (6)" / ... / "Motion
    carried."), each with the proposer and seconder the text before it names."""
    kept, blocks, run, recorded, tally = [], [], [], [], None
    names_x = None

    def close_tally():
        nonlocal tally
        if tally is not None:
            vote = votes_mod.recorded(tally["lines"], tally["before"])
            if vote:
                recorded.append(vote)
        tally = None

    for e in body:
        text = clean(e.text)
        m = votes_mod.LABEL_RE.match(text)
        if m and votes_mod.field_of(m.group(1)):
            run.append(text)
            continue
        if run:
            blocks.append(run)
            run = []
        if votes_mod.RECORDED_HEAD.match(text):
            if tally is None:
                tally = {"lines": [], "before": " ".join(clean(x.text) for x in kept)}
            tally["lines"].append(text)
            names_x = None
            continue
        if len(text.split()) <= 6 and votes_mod.RESULT_LINE.match(text):
            if tally is None:
                tally = {"lines": [], "before": " ".join(clean(x.text) for x in kept)}
            tally["lines"].append(text)
            close_tally()
            continue
        if tally is not None and tally["lines"] and votes_mod.RECORDED_HEAD.match(tally["lines"][-1] if names_x is None else tally["lines"][0]) is not None \
                and (names_x is None or (e.x0 is not None and abs(e.x0 - names_x) <= 3)):
            tally["lines"].append(text)  # the names under a "For (51)" heading
            names_x = e.x0 if names_x is None else names_x
            continue
        close_tally()
        kept.append(e)
    if run:
        blocks.append(run)
    close_tally()
    return kept, blocks, recorded


def _municipality(heads: list[Entry], lines: list[Entry]):
    """A letterhead that prints only a place ("EAST PALO ALTO"), named as the text
    names its government ("the City of Eastvale's Rules"): the council."""
    from plantrace.extract.textform import title_case

    first = next((e for e in heads[:3] if e.bold and re.fullmatch(r"[A-Za-z .'-]{3,40}", e.clean)), None)
    if first is None:
        return None
    place = re.escape(first.clean)
    text = " ".join(e.clean for e in lines)
    m = re.search(rf"\b(City|Town|Village|Borough|County|Township)\s+of\s+({place})\b", text, re.I)
    return f"{m.group(1).title()} of {title_case(m.group(2)) if m.group(2).isupper() else m.group(2)}" if m else None


def _merge(attendance: dict, more: dict) -> None:
    for section, people in (more or {}).items():
        have = {p["name"] for p in attendance.setdefault(section, [])}
        attendance[section].extend(p for p in people if p["name"] not in have)


def extract_meeting(doc) -> dict:
    lines, tables = grid.splice(*entries_and_tables(doc))  # minutes set as a table read as lines
    raw_items, preamble, after = items_mod.split_headings(lines)
    if not raw_items:  # minutes that number nothing: bold titles head the items
        raw_items, preamble, after = items_mod.split_unnumbered(lines)
    raw_items = items_mod.split_lost_headings(raw_items)
    pitch = line_pitch(lines)
    meeting = extract_header(preamble or lines[:30])
    meeting["end_time"] = None
    if not meeting["council"]:
        meeting["council"] = _municipality(preamble or lines[:12], lines)
    meeting["attendance"] = extract_attendance(preamble, pitch)
    titles = attachment_titles(after)
    shouted = sum(1 for it in raw_items if it["title"] and it["title"].isupper()) > len(raw_items) / 2
    owned: dict[int, list] = {}
    for index, table in tables:
        rows = [[c.text for c in r] for r in table.rows]
        called = roll_call(rows) or (sectioned_table(rows) if _owner(raw_items, index) is None else None)
        if called:
            _merge(meeting["attendance"], called)
            continue
        vote = votes_mod.from_table(rows)
        owner = _owner(raw_items, index)
        if vote and owner is not None:
            owned.setdefault(id(owner), []).append(vote)
    out = []
    for item in raw_items:
        body, blocks, recorded = _vote_lines(item["body"])
        margin = min((e.x0 for e in [*item["heads"], *body] if e.x0 is not None), default=None)
        parsed = parse_body(body, margin, pitch, item.get("number"))
        row = _item_output(item, parsed)
        row["votes"] = owned.get(id(item), []) + [v for v in map(votes_mod.block, blocks) if v] + recorded
        votes_mod.attach_motions(row["votes"], row["text"])
        if row["title"] is None:
            context = " ".join([row["text"], *(p["text"] for p in row["points"])])
            row["title"] = infer_title(context, titles, shouted) or (row["report_refs"] or [None])[0]
        _merge(meeting["attendance"], from_item(row["title"], body))
        if re.search(r"\broll\s+call\b|\battendance\b|\bmembers present\b", row["title"] or "", re.I):
            _merge(meeting["attendance"], extract_attendance(body, pitch))  # the roll call is an item of its own
        if not meeting["start_time"] and re.search(r"\bcall(?:ed)? to order\b", row["title"] or "", re.I):
            meeting["start_time"] = called_to_order(row["text"])
        out.append(row)
        for ev in row["events"]:
            if ev["kind"] == "closed" and not meeting["end_time"]:
                meeting["end_time"] = closing_time(ev["text"])
    if not meeting["end_time"]:
        meeting["end_time"] = next((closing_time(e.clean) for e in lines if closing_time(e.clean)), None)
    for section in SECTIONS:
        meeting["attendance"].setdefault(section, [])
    meeting["items"] = out
    return {k: meeting[k] for k in ("council", "body", "date", "start_time", "end_time", "venue",
                                     "attendance", "items")}
