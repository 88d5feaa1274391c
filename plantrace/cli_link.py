"""`plantrace links` and `plantrace trace` (registered on the main app)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from .cli import (EXIT_NOT_FOUND, EXIT_NOTHING_DONE, DbOption, JsonOption, _print_json, app, console, err, error,
                  example, open_read)
from .safe_text import shown


@app.command(epilog=example("plantrace links --db council.db", "plantrace links --json | jq '.[0]'",
                            "plantrace links --scope --json"))
def links(db: Optional[str] = DbOption, json_out: bool = typer.Option(False, "--json", help="Print the links as JSON"),
          scope: bool = typer.Option(False, "--scope", help="Also the links to a whole recommendation or priority, "
                                                           "an indicator or a plan (each with its level)")):
    """Stored links from minute points to plan actions, best first for each point."""
    from plantrace.link.trace import all_links

    _, Session_ = open_read(db)
    with Session_() as session:
        rows = all_links(session, scope=scope)
    if json_out:
        _print_json(rows)
        return
    table = Table(title=f"plantrace links · {len(rows)}")
    for col in ("minutes", "item", "point", "plan", "action", "score", "evidence"):
        table.add_column(col, overflow="fold")
    for r in rows:
        plan = r["plan"]
        target = plan.get("action") or (f"{r['level']} {plan.get('recommendation') or plan.get('indicator') or ''}"
                                        if r.get("level") else "")
        table.add_row(shown(r["minutes"]["source"]), escape(str(r["minutes"]["item"])), escape(r["minutes"]["point"] or ""),
                      shown(plan.get("source") or ""), escape(target.strip()), f"{r['score']:.2f}",
                      escape(r["evidence"]))
    console.print(table)


def _updates_table(updates: list[dict]) -> Table:
    table = Table(show_edge=False, expand=True)
    for col in ("progress", "target", "accountable", "monitor", "status"):
        table.add_column(col, overflow="fold")
    for u in updates:
        target = u.get("target") or ""
        if u.get("target_start") or u.get("target_end"):
            target += f"\n({u.get('target_start') or '?'} .. {u.get('target_end') or '?'})"
        table.add_row(escape(u.get("progress") or ""), escape(target), escape(", ".join(u["accountable"])),
                      escape(", ".join(u["monitor"])), u.get("status") or "")
    return table


def _action_panel(a: dict, extra: str = "") -> Panel:
    rec = a.get("recommendation") or {}
    body = Table.grid(padding=(0, 1))
    body.add_row(f"[bold]{escape(a['text'] or '')}[/bold]")
    if rec:
        body.add_row(f"[dim]Recommendation {rec.get('number')}: {escape(rec.get('text') or '')}[/dim]")
    if extra:
        body.add_row(extra)
    body.add_row(_updates_table(a["updates"]))
    title = f"action {escape(a['action'] or '')} · {shown(a['source'])} p.{a.get('page') or '?'}"
    if a.get("council"):
        title += f" · {escape(a['council'])}"
    return Panel(body, title=title, title_align="left")


@app.command(epilog=example('plantrace trace "12(b)" --db council.db',
                            'plantrace trace --action 7.4 --council "Northshire County Council" --snapshots evidence/',
                            'plantrace trace "12(b)" --json'))
def trace(point: Optional[str] = typer.Argument(None, metavar="POINT", help='A minute point, e.g. "12(b)"'),
          action: Optional[str] = typer.Option(None, "--action", metavar="CODE",
                                               help='Trace an action the other way, e.g. 7.4'),
          minutes: Optional[str] = typer.Option(None, "--minutes", metavar="FILE|ID",
                                                help="Minutes file path or document id (default: latest)"),
          plan: Optional[str] = typer.Option(None, "--plan", metavar="FILE|ID",
                                             help="Plan file path or document id (default: latest)"),
          council: Optional[str] = typer.Option(None, "--council", metavar="NAME",
                                                help="Only this council's documents (any part of its name)"),
          db: Optional[str] = DbOption, json_out: bool = JsonOption,
          snapshots: Optional[Path] = typer.Option(None, "--snapshots", metavar="DIR",
                                                   help="Also write each evidence page as a PNG with the boxes "
                                                        "outlined and a caption")):
    """Follow a minute point to the plan actions it concerns, or an action to the minutes that discussed it."""
    from plantrace.link.snapshots import SnapshotError
    from plantrace.link.trace import Ambiguous, NoSuchDocument, trace_action, trace_point

    if bool(point) == bool(action):
        error("give either a minute point (e.g. 12(b)) or --action CODE")
        raise typer.Exit(EXIT_NOTHING_DONE)
    _, Session_ = open_read(db)
    with Session_() as session:
        try:
            result = (trace_point(session, point, minutes, council) if point
                      else trace_action(session, action, plan, council))
        except Ambiguous as exc:
            _print_candidates(exc, json_out)
            raise typer.Exit(EXIT_NOTHING_DONE)
        except NoSuchDocument as exc:
            error(shown(exc))
            raise typer.Exit(EXIT_NOT_FOUND)
        except ValueError as exc:
            error(shown(exc))
            raise typer.Exit(EXIT_NOTHING_DONE)
        if result is not None and snapshots is not None:
            from plantrace.link.snapshots import write_snapshots

            safe_name = re.sub(r"[^\w.]+", "", point or action)
            prefix = safe_name if point else f"action-{safe_name}"
            try:
                result["snapshots"], problems = write_snapshots(session, result, snapshots, prefix)
            except SnapshotError as exc:
                error(shown(exc))
                raise typer.Exit(EXIT_NOTHING_DONE)
            for problem in problems:
                err.print(f"[yellow]warning[/yellow] {shown(problem)}", soft_wrap=True, highlight=False)
    if result is None:
        error(f"{shown(point or action)}: not found in the current documents")
        raise typer.Exit(EXIT_NOT_FOUND)
    if json_out:
        _print_json(result)
        return
    if point:
        p = result["point"]
        console.print(Panel(escape(p["raw"] or ""), title=f"{shown(p['source'])} · item "
                            f"{escape(str(p.get('ref') or p['item']))} · p.{p.get('page') or '?'}",
                            subtitle=escape(p.get("item_title") or ""), title_align="left"))
        for vote in result.get("votes") or []:
            console.print(_vote_line(vote), highlight=False)
        for step in result.get("path") or []:
            console.print(f"[dim]item {escape(str(p['item']))} considered report {escape(step['report'])} → "
                          f"{shown(step['source'])} ({escape(step['kind'] or '')})[/dim]", highlight=False)
        if not result["links"]:
            console.print("[dim]no plan action linked to this point[/dim]")
        for link in result["links"]:
            console.print(_action_panel(link, f"[green]score {link['score']:.2f}[/green] · "
                                              f"evidence: {escape(link['evidence'] or '')}"))
        for link in result.get("scope_links") or []:
            target = link["plan"]
            name = target.get("recommendation_text") or target.get("indicator") or target.get("plan_title") or ""
            console.print(f"[bold]{escape(link['level'])}[/bold] {escape(name[:100])} · "
                          f"[green]score {link['score']:.2f}[/green] · evidence: {escape(link['evidence'])}",
                          highlight=False)
        _print_snapshots(result)
        return
    a = result["action"]
    console.print(_action_panel(a, f"[dim]{escape(a.get('raw') or '')}[/dim]" if a.get("raw") and a["raw"] != a["text"] else ""))
    if not result["points"]:
        console.print("[dim]no minute point linked to this action[/dim]")
    for p in result["points"]:
        # the evidence goes in the body, not the subtitle, which Rich cuts to one line
        body = Table.grid()
        body.add_row(escape(p["raw"] or ""))
        body.add_row(f"[green]score {p['score']:.2f}[/green] · evidence: {escape(p['evidence'] or '')}")
        console.print(Panel(body, title_align="left",
                            title=f"{shown(p['source'])} · {p.get('meeting_date') or ''} · item "
                                  f"{escape(str(p['item']))}({escape(p['point'] or '')}) · p.{p.get('page') or '?'}"))
    _print_snapshots(result)


def _print_candidates(exc, json_out: bool) -> None:
    """The documents an ambiguous reference could mean, and how to pick one."""
    if json_out:
        _print_json({"error": "ambiguous", "ref": exc.ref, "candidates": exc.candidates,
                     "hint": f"give {exc.option} FILE|ID or --council NAME"})
    error(f"{shown(exc.ref)} is in {len(exc.candidates)} documents of different councils; "
          f"give {exc.option} FILE|ID or --council NAME:")
    table = Table(show_edge=False)
    for col in ("council", "plan / meeting", "document", "id", "date"):
        table.add_column(col, overflow="fold")
    for c in exc.candidates:
        table.add_row(escape(c["council"] or "?"), escape(c["title"] or c["kind"] or ""), shown(c["source"]),
                      str(c["document_id"]), str(c["date"] or ""))
    err.print(table)


def _vote_line(vote: dict) -> str:
    """"vote: to postpone … · moved Allen Fisk, seconded Mendez · FAILED [4-2-1-1] · for 4, against 2, abstain 1"."""
    parts = [f"vote: {escape(vote.get('motion') or '(motion not stated)')}"]
    if vote.get("mover") or vote.get("seconder"):
        parts.append(f"moved {escape(vote.get('mover') or '?')}, seconded {escape(vote.get('seconder') or '?')}")
    if vote.get("result"):
        parts.append(f"[bold]{escape(vote['result'])}[/bold]")
    counts = [f"{k} {len(vote.get(k) or [])}" for k in ("for", "against", "abstain") if vote.get(k)]
    if counts:
        parts.append(", ".join(counts))
    return " · ".join(parts)


def _print_snapshots(result: dict) -> None:
    for path in result.get("snapshots") or []:
        console.print(f"page image: {escape(path)}", soft_wrap=True, highlight=False)
