"""The normalise stage: turn a raw document record's strings into values.

Extractors keep the document's own words; this stage adds, next to them, what
an analyst sorts, joins and counts (date intervals, people, statuses), so the
source text is never overwritten and can always be shown as evidence.
"""
from __future__ import annotations

import copy

from datetime import date

from .dates import normalise_date
from .people import role_first_column, split_owner_cell
from .repair import Mender, record_texts
from .person_resolver import resolve_people
from .status import action_status, rag, update_status


def _doc_date(record: dict) -> date | None:
    value = record.get("date")
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _owners(text: str | None, lines: list[str] | None, role_first: bool = False,
            mend: Mender | None = None) -> list[dict]:
    if not text:
        return []
    split = split_owner_cell(text, lines, role_first)
    fix = mend.text if mend else (lambda t: t)
    owners = [{"name": p["name"], "role": fix(p.get("role")), "person_id": None} for p in split["persons"]]
    owners += [{"name": fix(g), "role": None, "person_id": None, "group": True} for g in split["groups"]]
    return owners


def _rating_or_status(upd: dict) -> None:
    """A column headed "Status" holds either ratings (Red / Amber / Green) or status
    words ("Complete", "On track"): a rating becomes ``rag``; words are kept as the
    printed ``status_text`` and, where they state a status, decide it."""
    printed = upd.get("rag")
    colour = rag(upd.get("rag_colour"))
    if not printed:
        upd["rag"] = colour  # rated by a cell's fill alone, else unrated
        return
    upd["rag"] = rag(printed)
    if upd["rag"] is None:
        upd.setdefault("status_text", " ".join(printed.split()))
        upd["rag"] = colour  # status words in a cell coloured by its rating


def normalise_plan(record: dict) -> None:
    doc_date = _doc_date(record)
    recs = (record.get("plan") or {}).get("recommendations", [])
    updates = [u for rec in recs for a in rec.get("actions", []) for u in a.get("updates", [])]
    # Each owner column's own way of pairing posts with names, read over the whole document.
    lead_first = role_first_column([line for rec in recs for line in rec.get("accountability_lines") or []])
    acc_first = role_first_column([u.get("accountability_text") or "" for u in updates])
    mon_first = role_first_column([u.get("monitor_text") or "" for u in updates])
    mend = Mender(record_texts(record))
    for rec in recs:
        if rec.get("rag"):
            rec["rag"] = rag(rec["rag"])  # "Amber/Green" -> "A"; the printed rating stays in the raw cell
        for action in rec.get("actions", []):
            for upd in action.get("updates", []):
                target = upd.get("target_date") or {"text": ""}
                upd["target_date"] = {**target, **normalise_date(target.get("text") or "", doc_date)}
                upd["accountable"] = _owners(upd.get("accountability_text"), upd.get("accountability_lines"), acc_first, mend)
                upd["monitors"] = _owners(upd.get("monitor_text"), upd.get("monitor_lines"), mon_first, mend)
                _rating_or_status(upd)
                stated = update_status(upd["status_text"]) if upd.get("status_text") else "unknown"
                upd["status"] = stated if stated != "unknown" else update_status(
                    upd.get("progress") or "", target.get("text") or "")
            action["status"] = action_status([u["status"] for u in action.get("updates", [])])
        if rec.get("accountability_text") and "accountable" not in rec:
            rec["accountable"] = _owners(rec.get("accountability_text"), rec.get("accountability_lines"), lead_first, mend)


def person_mentions(record: dict) -> list[dict]:
    """Every person named in a record, with where it was named, for resolution."""
    council, doc = record.get("council"), record["source"].get("path")
    out = []

    def add(entry, page):
        if entry.get("group") or not entry.get("name"):
            return
        out.append({"council": council, "name": entry["name"], "role": entry.get("role"),
                    "doc": doc, "page": page, "ref": entry})

    for rec in (record.get("plan") or {}).get("recommendations", []):
        for entry in rec.get("accountable", []):
            add(entry, rec.get("page"))
        for action in rec.get("actions", []):
            for upd in action.get("updates", []):
                for entry in upd.get("accountable", []) + upd.get("monitors", []):
                    add(entry, upd.get("page"))
    meeting = record.get("meeting") or {}
    for entries in (meeting.get("attendance") or {}).values():
        for entry in entries:
            add(entry, entry.get("page"))
    return out


def assign_person_ids(mentions: list[dict]) -> list[dict]:
    """Resolve mentions into persons and write each person's id back onto its mention."""
    plain = [{k: v for k, v in m.items() if k != "ref"} for m in mentions]
    persons = resolve_people(plain)
    by_key = {}
    for person in persons:
        for m in person["mentions"]:
            by_key[(m.get("doc"), m.get("name"), m.get("page"), m.get("role"))] = person["id"]
    for m in mentions:
        m["ref"]["person_id"] = by_key.get((m["doc"], m["name"], m["page"], m.get("role")))
    return persons


def normalise_record(raw: dict) -> dict:
    """A new, normalised record of one document; the extractor's raw record is left as
    it was, so raw and normalised can be held side by side. People are resolved
    within the document."""
    record = copy.deepcopy(raw)
    normalise_plan(record)
    from .indicators import normalise_indicators, normalise_risks

    normalise_indicators(record, _doc_date(record))
    normalise_risks(record)
    assign_person_ids(person_mentions(record))
    return record
