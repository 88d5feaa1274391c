"""Write a record's indicators and risks (see ``plans_models``)."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from .plans_models import Indicator, Risk

_INDICATOR_COLUMNS = ("name", "short_name", "service", "section", "period", "value", "target", "floor",
                      "previous_value", "rag", "previous_rag", "direction", "commentary")
_RISK_COLUMNS = ("text", "owner", "likelihood", "impact", "score", "likelihood_value", "impact_value", "score_value",
                 "rating", "rag", "cause", "event", "consequence", "controls")


def _date(value):
    try:
        return date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _text(value):
    if value is None or isinstance(value, (int, float)):
        return value
    return value if isinstance(value, str) else str(value)


def _letter(value):
    return value if isinstance(value, str) and len(value) == 1 else None


def store_measures(session: Session, doc_id: int, record: dict) -> None:
    for seq, ind in enumerate(record.get("indicators") or []):
        when = ind.get("target_date") if isinstance(ind.get("target_date"), dict) else {}
        spans = when.get("dates") or []
        starts = [d for d in (_date(s.get("start")) for s in spans) if d]
        ends = [d for d in (_date(s.get("end")) for s in spans) if d]
        cols = {k: _text(ind.get(k)) for k in _INDICATOR_COLUMNS}
        cols["rag"], cols["previous_rag"] = _letter(ind.get("rag")), _letter(ind.get("previous_rag"))
        session.add(Indicator(
            document_id=doc_id, page=ind.get("page"), seq=seq, **{**cols, "name": cols["name"] or ""},
            target_text=when.get("text"), target_start=min(starts) if starts else None,
            target_end=max(ends) if ends else None,
            extra={k: v for k, v in ind.items() if k not in _INDICATOR_COLUMNS and k not in ("page", "target_date")}
            or None))
    for seq, risk in enumerate(record.get("risks") or []):
        cols = {k: _text(risk.get(k)) for k in _RISK_COLUMNS}
        cols["rag"] = _letter(risk.get("rag"))
        session.add(Risk(document_id=doc_id, page=risk.get("page"), seq=seq, **{**cols, "text": cols["text"] or ""},
                         extra={k: v for k, v in risk.items() if k not in _RISK_COLUMNS and k != "page"} or None))
