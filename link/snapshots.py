"""Page images for a trace: both sides of a link outlined where they were printed.

A trace names pages and boxes; an auditor wants to see them. Each page that
holds evidence becomes one PNG with every box on it drawn (the minute point in
red, actions in blue, their progress rows in green). The source file is read
from where it was ingested, and only if its content is still what was stored,
so an image never shows a page of some other version.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from sqlalchemy.orm import Session

from plantrace.extract.errors import ExtractError
from plantrace.extract.page_image import Box, render_page
from plantrace.ingest.filetype import detect_filetype, sha256_of
from plantrace.store import models as m

POINT, ACTION, UPDATE = "red", "blue", "green"
_ON_TOP = {UPDATE: 0, ACTION: 1, POINT: 2}  # a progress row's box holds its action's cell: draw the action over it


def _point_box(p: dict) -> tuple:
    label = f"{p['item']}({p['point']})" if p.get("point") else str(p["item"])
    return p["document_id"], p.get("page"), p.get("bbox"), POINT, label


def _action_boxes(a: dict) -> list[tuple]:
    boxes = [(a["document_id"], a.get("page"), a.get("bbox"), ACTION, a["action"])]
    boxes += [(a["document_id"], u.get("page"), u.get("bbox"), UPDATE, "") for u in a.get("updates", [])]
    return boxes


def evidence_boxes(result: dict) -> list[tuple]:
    """(document id, page, bbox, colour, label) for everything a trace shows."""
    if "point" in result:
        return [_point_box(result["point"])] + [b for link in result["links"] for b in _action_boxes(link)]
    return _action_boxes(result["action"]) + [_point_box(p) for p in result["points"]]


def _source_problem(doc: m.Document) -> str | None:
    path = Path(doc.path)
    if not path.is_file():
        return f"{doc.path}: not found (moved since it was ingested); no page images"
    try:
        if detect_filetype(path) != "pdf":
            return f"{doc.path}: a text rendering has no pages to show"
    except ExtractError as exc:
        return f"{doc.path}: {exc.reason}; no page images"
    if sha256_of(path) != doc.sha256:
        return f"{doc.path}: changed since it was ingested (re-ingest it); no page images"
    return None


def write_snapshots(session: Session, result: dict, out_dir: str | Path, prefix: str) -> tuple[list[str], list[str]]:
    """Write one PNG per evidence page into ``out_dir``; returns (files written, problems)."""
    pages: dict[tuple[int, int], list[Box]] = defaultdict(list)
    for doc_id, page, bbox, colour, label in evidence_boxes(result):
        if page and bbox:
            pages[(doc_id, page)].append(Box(tuple(bbox), colour, label))
    written, problems, checked = [], [], {}
    for (doc_id, page), boxes in sorted(pages.items()):
        boxes.sort(key=lambda b: _ON_TOP[b.colour])
        doc = session.get(m.Document, doc_id)
        if doc_id not in checked:
            checked[doc_id] = _source_problem(doc)
            if checked[doc_id]:
                problems.append(checked[doc_id])
        if checked[doc_id]:
            continue
        out = Path(out_dir) / f"{prefix}-{Path(doc.path).stem}-p{page}.png"
        written.append(str(render_page(doc.path, page, boxes, out)))
    return written, problems
