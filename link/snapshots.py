"""Page images for a trace: both sides of a link outlined where they were printed.

A trace names pages and boxes; an auditor wants to see them. Each page that
holds evidence becomes one PNG with every box on it drawn (the minute point in
red, actions in blue, their progress rows in green). The source file is read
from where it was ingested, and only if its content is still what was stored,
so an image never shows a page of some other version.

Each image carries a caption band below the page: the document, the page,
what was traced, and the legend of the colours, so a picture passed on alone
still says what it shows. Images are written to a temporary name and renamed
into place: a symlink planted under an image's name is replaced, never
written through.
"""
from __future__ import annotations

import os
import tempfile
from collections import defaultdict
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from sqlalchemy.orm import Session

from plantrace.extract.errors import ExtractError
from plantrace.extract.page_image import Box, render_page
from plantrace.ingest.filetype import detect_filetype, sha256_of
from plantrace.store import models as m

POINT, ACTION, UPDATE = "red", "blue", "green"
LEGEND = "red: minute point · blue: plan action · green: progress row"
CAPTION_FONT_PX = 18


class SnapshotError(Exception):
    """The snapshot folder cannot take the images; the message is one line."""
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


def _check_folder(out_dir: Path, create: bool = True) -> None:
    from plantrace.store.export import check_folder

    check_folder(out_dir, SnapshotError, create)


def traced_ref(result: dict) -> str:
    """What a trace was of, as a caption names it."""
    if "point" in result:
        p = result["point"]
        return f"minute {p['item']}({p['point']})" if p.get("point") else f"minute {p['item']}"
    return f"action {result['action']['action']}"


def add_caption(png: Path, lines: list[str]) -> None:
    """Append a white band under the image with ``lines`` of text."""
    image = Image.open(png).convert("RGB")
    font = ImageFont.load_default(size=CAPTION_FONT_PX)
    line_h = CAPTION_FONT_PX + 6
    band = Image.new("RGB", (image.width, line_h * len(lines) + 12), "white")
    draw = ImageDraw.Draw(band)
    for i, line in enumerate(lines):
        draw.text((8, 6 + i * line_h), line, fill="black", font=font)
    out = Image.new("RGB", (image.width, image.height + band.height), "white")
    out.paste(image, (0, 0))
    out.paste(band, (0, image.height))
    out.save(png, format="PNG")


def write_snapshots(session: Session, result: dict, out_dir: str | Path, prefix: str) -> tuple[list[str], list[str]]:
    """Write one PNG per evidence page into ``out_dir``; returns (files written, problems).

    Raises :class:`SnapshotError` when the folder cannot be written to."""
    out_dir = Path(out_dir)
    _check_folder(out_dir, create=False)
    ref = traced_ref(result)
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
        _check_folder(out_dir)
        out = out_dir / f"{prefix}-{Path(doc.path).stem}-p{page}.png"
        if out.is_dir() and not out.is_symlink():
            problems.append(f"{out}: a folder is in the way; page {page} not written")
            continue
        fd, temp = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=".png", dir=out_dir)
        os.close(fd)
        try:
            render_page(doc.path, page, boxes, temp)
            add_caption(Path(temp), [f"{Path(doc.path).name} · page {page} · {ref}"
                                     + (f" · {doc.council}" if doc.council else ""), LEGEND])
            os.replace(temp, out)
        except (OSError, ValueError) as exc:
            problems.append(f"{out}: not written ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})")
            continue
        finally:
            if os.path.exists(temp):
                os.unlink(temp)
        written.append(str(out))
    return written, problems
