"""The analyst views of indicators and risks (``v_indicators``, ``v_risks``).

Kept beside ``store.views``, which lists them in ``VIEW_NAMES`` and builds
them with the others, so that every view still reads documents through
``v_documents`` (current versions only).
"""
from __future__ import annotations


def measure_views(has) -> dict[str, str]:
    """``{view: SELECT}``; a view whose table a migration has not made yet reads as empty."""
    if has("indicator"):
        indicators = """
            SELECT i.id AS indicator_id, i.name, i.short_name, i.service, i.section, i.period, i.value, i.target,
                   i.floor, i.previous_value, i.rag, i.previous_rag, i.direction, i.commentary,
                   i.target_text, i.target_start, i.target_end,
                   d.council, d.kind AS document_kind, d.title AS document_title, d.date AS document_date,
                   i.page, d.document_id, d.path AS document_path, i.seq AS indicator_seq
            FROM indicator i
            JOIN v_documents d ON d.document_id = i.document_id"""
    else:
        indicators = """
            SELECT CAST(NULL AS INTEGER) AS indicator_id, CAST(NULL AS TEXT) AS name, d.council, d.document_id
            FROM v_documents d WHERE 1 = 0"""
    if has("risk"):
        risks = """
            SELECT r.id AS risk_id, r.text, r.owner, r.likelihood, r.impact, r.score,
                   r.likelihood_value, r.impact_value, r.score_value, r.rating, r.rag,
                   r.cause, r.event, r.consequence, r.controls,
                   d.council, d.title AS document_title, d.date AS document_date,
                   r.page, d.document_id, d.path AS document_path, r.seq AS risk_seq
            FROM risk r
            JOIN v_documents d ON d.document_id = r.document_id"""
    else:
        risks = """
            SELECT CAST(NULL AS INTEGER) AS risk_id, CAST(NULL AS TEXT) AS text, d.council, d.document_id
            FROM v_documents d WHERE 1 = 0"""
    return {"v_indicators": indicators, "v_risks": risks}
