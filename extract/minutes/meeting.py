"""Assembling the meeting object from the header, attendance and item readers."""
from __future__ import annotations

from . import items as items_mod
from .attendance import extract_attendance
from .body import parse_body
from .header import closing_time, extract_header
from .infer import attachment_titles, infer_title
from .text import entries, line_pitch, union_bbox


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
    }


def extract_meeting(doc) -> dict:
    lines = entries(doc)
    raw_items, preamble, after = items_mod.split_headings(lines)
    raw_items = items_mod.split_lost_headings(raw_items)
    meeting = extract_header(preamble or lines[:30])
    meeting["end_time"] = None
    meeting["attendance"] = extract_attendance(preamble)
    titles = attachment_titles(after)
    shouted = sum(1 for it in raw_items if it["title"] and it["title"].isupper()) > len(raw_items) / 2
    pitch = line_pitch(lines)
    out = []
    for item in raw_items:
        margin = min((e.x0 for e in [*item["heads"], *item["body"]] if e.x0 is not None), default=None)
        parsed = parse_body(item["body"], margin, pitch, item.get("number"))
        row = _item_output(item, parsed)
        if row["title"] is None:
            context = " ".join([row["text"], *(p["text"] for p in row["points"])])
            row["title"] = infer_title(context, titles, shouted) or (row["report_refs"] or [None])[0]
        out.append(row)
        for ev in row["events"]:
            if ev["kind"] == "closed" and not meeting["end_time"]:
                meeting["end_time"] = closing_time(ev["text"])
    if not meeting["end_time"]:
        meeting["end_time"] = next((closing_time(e.clean) for e in lines if closing_time(e.clean)), None)
    meeting["items"] = out
    return {k: meeting[k] for k in ("council", "body", "date", "start_time", "end_time", "venue",
                                     "attendance", "items")}
