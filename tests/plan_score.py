"""Scoring an extracted plan against a gold plan, field by field.

Kept apart from the tests so the same figures can be printed by hand.
"""
from __future__ import annotations

import re
from collections import defaultdict


def _norm(value) -> str:
    if isinstance(value, dict):
        value = value.get("text")
    if isinstance(value, list):
        value = " | ".join(_norm(v) for v in value)
    return re.sub(r"\s+", " ", str(value if value is not None else "")).strip()


def score_plan(out: dict, gold: dict) -> dict:
    """Per-field (equal, total) counts, actions found, and the first mismatches."""
    fields = defaultdict(lambda: [0, 0])
    misses = []

    def check(name, got, want, where):
        fields[name][1] += 1
        if _norm(got) == _norm(want):
            fields[name][0] += 1
        else:
            misses.append((where, name, _norm(got)[:160], _norm(want)[:160]))

    got_recs = {str(r.get("number")): r for r in out.get("recommendations", [])}
    got_actions = {a.get("id"): a for r in out.get("recommendations", []) for a in r.get("actions", [])}
    gold_actions = 0
    found = 0
    for grec in gold["recommendations"]:
        num = str(grec["number"])
        rec = got_recs.get(num, {})
        check("rec.text", rec.get("text"), grec.get("text"), num)
        for key in ("outcomes", "measured_by", "objectives"):
            check(f"rec.{key}", rec.get(key), grec.get(key), num)
        for gact in grec.get("actions", []):
            gold_actions += 1
            act = got_actions.get(gact["id"])
            if act is not None:
                found += 1
            act = act or {}
            check("action.text", act.get("text"), gact.get("text"), gact["id"])
            ups = act.get("updates", [])
            for i, gup in enumerate(gact.get("updates", [])):
                up = ups[i] if i < len(ups) else {}
                where = f"{gact['id']}#{i}"
                check("update.progress", up.get("progress"), gup.get("progress"), where)
                check("update.target_date", up.get("target_date"), gup.get("target_date"), where)
                check("update.accountability", up.get("accountability_text"), gup.get("accountability"), where)
                check("update.monitor", up.get("monitor_text"), gup.get("monitor"), where)
            if len(ups) != len(gact.get("updates", [])):
                misses.append((gact["id"], "update.count", str(len(ups)), str(len(gact.get("updates", [])))))
    equal = sum(v[0] for v in fields.values())
    total = sum(v[1] for v in fields.values())
    return {
        "actions_gold": gold_actions,
        "actions_found": found,
        "fields": {k: tuple(v) for k, v in fields.items()},
        "equal": equal,
        "total": total,
        "ratio": equal / total if total else 0.0,
        "misses": misses,
    }


def report(doc: str, s: dict) -> str:
    lines = [f"[{doc}] actions {s['actions_found']}/{s['actions_gold']}  fields exact "
             f"{s['equal']}/{s['total']} = {100 * s['ratio']:.1f}%"]
    for name, (eq, tot) in sorted(s["fields"].items()):
        lines.append(f"    {name:24s} {eq}/{tot} = {100 * eq / tot:.1f}%")
    return "\n".join(lines)


def assert_floor(record: dict, gold: dict, name: str, floor: tuple[int, float]) -> dict:
    """Score an extracted action plan, print the figures and first misses, and hold them to
    ``floor`` (actions found, share of gold fields exact)."""
    assert record["kind"] == "action_plan"
    s = score_plan(record["plan"], gold)
    print("\n" + report(name, s))
    for miss in s["misses"][:8]:
        print("    MISS", miss)
    actions, ratio = floor
    assert s["actions_found"] >= actions
    assert s["ratio"] >= ratio, s["misses"][:10]
    return s
