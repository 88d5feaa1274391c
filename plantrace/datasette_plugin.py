"""The Datasette plugin: metadata for every plantrace database, and a trace page.

Installed with plantrace (entry point ``datasette: plantrace``), it gives any
plantrace database Datasette opens its descriptions, facets, search boxes and
foreign-key labels (``plantrace.datasette_meta``), links the id cells of
minute points and actions to a trace page, and serves that page:

* ``/-/plantrace/<db>/point/<id>``: a minute point as printed, each plan action
  linked to it with score and evidence, and the page images with both outlined;
* ``/-/plantrace/<db>/action/<id>``: an action with every minute that discussed it;
* ``/-/plantrace/<db>/page/<document id>/<page>.png?point=<id>`` (or ``action=``):
  that page with the trace's boxes outlined and a caption.

An auditor can follow a link in a browser the way ``plantrace trace`` does in
a terminal. The database is read through ``open_existing`` and never written.
"""
from __future__ import annotations

import html
import tempfile
from pathlib import Path

from datasette import hookimpl
from datasette.utils.asgi import Response

from .datasette_meta import database_metadata, is_plantrace_sqlite

PREFIX = "/-/plantrace"


def _plantrace_databases(datasette) -> dict[str, str]:
    """{name: file path} of the served databases that are plantrace's."""
    found = {}
    for name, db in datasette.databases.items():
        path = getattr(db, "path", None)
        if path and is_plantrace_sqlite(path):
            found[name] = path
    return found


@hookimpl
def get_metadata(datasette, key, database, table):
    return {"databases": {name: database_metadata() for name in _plantrace_databases(datasette)}}


@hookimpl
def render_cell(value, column, table, database, datasette):
    """Minute point and action ids in the views link to their trace page."""
    if not table or not table.startswith("v_") or value in (None, ""):
        return None
    kind = {"minute_point_id": "point", "action_id": "action"}.get(column)
    if kind is None:
        return None
    from markupsafe import Markup

    href = datasette.urls.path(f"{PREFIX}/{database}/{kind}/{int(value)}")
    return Markup(f'<a href="{html.escape(href)}">{int(value)}</a> '
                  f'<a href="{html.escape(href)}" title="trace">&#8594; trace</a>')


@hookimpl
def register_routes():
    return [
        (rf"^{PREFIX}/?$", _index),
        (rf"^{PREFIX}/(?P<database>[^/]+)/(?P<kind>point|action)/(?P<row_id>\d+)$", _trace_page),
        (rf"^{PREFIX}/(?P<database>[^/]+)/page/(?P<document_id>\d+)/(?P<page>\d+)\.png$", _page_image),
    ]


def _sessions(datasette, database: str):
    path = _plantrace_databases(datasette).get(database)
    if path is None:
        return None
    from plantrace.store.db import open_existing

    return open_existing(f"sqlite:///{Path(path).resolve()}")


def _trace(session, kind: str, row_id: int):
    from plantrace.link.trace import action_by_id, point_by_id

    return point_by_id(session, row_id) if kind == "point" else action_by_id(session, row_id)


def _html(title: str, body: str) -> Response:
    return Response.html(f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<link rel="stylesheet" href="/-/static/app.css"><style>
.pt-box {{border-left: 4px solid #888; padding: .3em .8em; margin: .6em 0}}
.pt-point {{border-color: red}} .pt-action {{border-color: blue}} .pt-update {{border-color: green}}
.pt-page img {{max-width: 100%; border: 1px solid #ccc}} .pt-meta {{color: #555; font-size: .9em}}
</style></head><body><section class="content"><p><a href="/">home</a> · <a href="{PREFIX}">plantrace</a></p>
<h1>{html.escape(title)}</h1>{body}</section></body></html>""")


async def _index(datasette, request):
    items = "".join(f'<li><a href="/{html.escape(n)}">{html.escape(n)}</a>: '
                    f'<a href="/{html.escape(n)}/v_links">links</a>, '
                    f'<a href="/{html.escape(n)}/v_minute_points">minute points</a>, '
                    f'<a href="/{html.escape(n)}/v_actions">actions</a></li>'
                    for n in _plantrace_databases(datasette))
    return _html("plantrace", f"<p>Pick a minute point or an action (its id links to its trace).</p><ul>{items}</ul>")


def _e(value) -> str:
    return html.escape("" if value is None else str(value))


def _joined(*parts: str) -> str:
    """Escaped parts joined by a middle dot, leaving out the empty ones (no dangling separators)."""
    return " · ".join(part for part in parts if part)


def _labelled(label: str, value) -> str:
    return f"{label} {_e(value)}" if value not in (None, "") else ""


def _where(row: dict) -> str:
    return f'{_e(row.get("source"))} p.{_e(row.get("page"))}' if row.get("source") else ""


def _target(update: dict) -> str:
    span = (f' ({update["target_start"]} .. {update["target_end"]})'
            if update.get("target_start") or update.get("target_end") else "")
    return f'{update.get("target") or ""}{span}'.strip()


def _action_html(a: dict, database: str, extra: str = "") -> str:
    rec = a.get("recommendation") or {}
    updates = "".join(
        f'<div class="pt-box pt-update"><div>{_e(u.get("progress"))}</div><div class="pt-meta">'
        + _joined(_labelled("target", _target(u)), _labelled("accountable", ", ".join(u.get("accountable") or [])),
                  _labelled("monitor", ", ".join(u.get("monitor") or [])), _labelled("status", u.get("status")))
        + '</div></div>' for u in a.get("updates", []))
    link = f'{PREFIX}/{database}/action/{a["action_id"]}' if a.get("action_id") else ""
    head = f'<a href="{_e(link)}">action {_e(a.get("action"))}</a>' if link else f'action {_e(a.get("action"))}'
    return (f'<div class="pt-box pt-action"><h3>{_joined(head, _where(a), _e(a.get("council")))}</h3>'
            f'<p><strong>{_e(a.get("text"))}</strong></p>'
            + (f'<p class="pt-meta">Recommendation {_e(rec.get("number"))}: {_e(rec.get("text"))}</p>' if rec else "")
            + extra + updates + "</div>")


def _point_html(p: dict, database: str, extra: str = "") -> str:
    link = f'{PREFIX}/{database}/point/{p["minute_point_id"]}' if p.get("minute_point_id") else ""
    ref = f'item {_e(p.get("item"))}({_e(p.get("point"))})'
    head = f'<a href="{_e(link)}">{ref}</a>' if link else ref
    return (f'<div class="pt-box pt-point"><h3>{_joined(head, _where(p), _e(p.get("meeting_date")))}</h3>'
            f'<p class="pt-meta">{_e(p.get("item_title"))}</p>'
            f'<p>{_e(p.get("raw"))}</p>{extra}</div>')


def _images_html(result: dict, database: str, kind: str, row_id: int) -> str:
    from plantrace.link.snapshots import LEGEND, evidence_boxes

    pages = sorted({(doc_id, page) for doc_id, page, bbox, _, _ in evidence_boxes(result) if page and bbox})
    figures = "".join(
        f'<figure class="pt-page"><img alt="page {page} with the evidence outlined" '
        f'src="{PREFIX}/{_e(database)}/page/{doc_id}/{page}.png?{kind}={row_id}">'
        f'<figcaption>document {doc_id}, page {page} · {_e(LEGEND)}</figcaption></figure>'
        for doc_id, page in pages)
    return f"<h2>Evidence pages</h2>{figures}" if figures else "<p>No page images (no boxes stored).</p>"


async def _trace_page(datasette, request):
    database, kind, row_id = (request.url_vars["database"], request.url_vars["kind"],
                              int(request.url_vars["row_id"]))
    opened = _sessions(datasette, database)
    if opened is None:
        return Response.html(f"<p>{_e(database)}: not a plantrace database</p>", status=404)
    engine, Session_ = opened
    try:
        with Session_() as session:
            result = _trace(session, kind, row_id)
    finally:
        engine.dispose()
    if result is None:
        return Response.html(f"<p>no {kind} {row_id} in {_e(database)}</p>", status=404)
    if kind == "point":
        p = result["point"]
        linked = "".join(_action_html(link, database, f'<p class="pt-meta">score {link["score"]:.2f} · evidence: '
                                                       f'{_e(link.get("evidence"))}</p>') for link in result["links"])
        body = (_point_html(p, database) + "<h2>Linked plan actions</h2>"
                + (linked or "<p>No plan action is linked to this point.</p>"))
        title = f"Minute {p['item']}({p['point']})" if p.get("point") else f"Minute {p['item']}"
    else:
        a = result["action"]
        linked = "".join(_point_html(pt, database, f'<p class="pt-meta">score {pt["score"]:.2f} · evidence: '
                                                   f'{_e(pt.get("evidence"))}</p>') for pt in result["points"])
        body = (_action_html(a, database) + "<h2>Minute points that discussed it</h2>"
                + (linked or "<p>No minute point is linked to this action.</p>"))
        title = f"Action {a['action']}"
    return _html(title, body + _images_html(result, database, kind, row_id))


async def _page_image(datasette, request):
    from plantrace.extract.page_image import Box, render_page
    from plantrace.link.snapshots import _ON_TOP, _source_problem, add_caption, evidence_boxes, traced_ref
    from plantrace.store import models as m

    database = request.url_vars["database"]
    document_id, page = int(request.url_vars["document_id"]), int(request.url_vars["page"])
    kind = "point" if request.args.get("point") else "action"
    raw_id = request.args.get(kind) or ""
    if not raw_id.isdigit():
        return Response.text("give ?point=ID or ?action=ID", status=400)
    opened = _sessions(datasette, database)
    if opened is None:
        return Response.text("not a plantrace database", status=404)
    engine, Session_ = opened
    try:
        with Session_() as session:
            result = _trace(session, kind, int(raw_id))
            doc = session.get(m.Document, document_id)
            if result is None or doc is None:
                return Response.text("not found", status=404)
            problem = _source_problem(doc)
            if problem:
                return Response.text(problem, status=404)
            boxes = [Box(tuple(bbox), colour, label) for doc_id, pg, bbox, colour, label in evidence_boxes(result)
                     if doc_id == document_id and pg == page and bbox]
            boxes.sort(key=lambda b: _ON_TOP[b.colour])
            with tempfile.TemporaryDirectory() as tmp:
                out = Path(tmp) / "page.png"
                render_page(doc.path, page, boxes, out)
                from plantrace.link.snapshots import LEGEND

                add_caption(out, [f"{Path(doc.path).name} · page {page} · {traced_ref(result)}", LEGEND])
                data = out.read_bytes()
    except ValueError as exc:
        return Response.text(str(exc), status=404)
    finally:
        engine.dispose()
    return Response(data, content_type="image/png")
