"""The items a plan or progress report tracks, one flat record each.

A progress report often rates its recommendations themselves (a RAG, a lead
officer, a progress note) and lists no actions under them; an analyst asking
"what is tracked, by whom, how is it rated" then finds nothing among the
actions. ``tracked_items`` gives every recommendation that has no actions of
its own as one record with the fields an action's first update carries
(owner, date, status, rating, progress), beside the nested recommendations
rather than instead of them. Recommendations with actions are tracked through
their actions and are not repeated here.
"""
from __future__ import annotations


def tracked_items(plan: dict) -> list[dict]:
    """One record per recommendation without actions that carries something to track."""
    out = []
    for rec in plan.get("recommendations") or []:
        if rec.get("actions") or not rec.get("text"):
            continue
        item = {
            "text": rec["text"],
            "recommendation": rec.get("number"),
            "owner": rec.get("accountability_text") or rec.get("lead_officer_text") or rec.get("lead_text"),
            "target_date": rec.get("target_date"),
            "status_text": rec.get("status_text"),
            "rag": rec.get("rag"),
            "progress": rec.get("progress") or None,
            "page": rec.get("page"),
        }
        if any(item[k] for k in ("owner", "target_date", "status_text", "rag", "progress")):
            out.append(item)
    return out
