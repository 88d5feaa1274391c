"""The analyst views of recorded votes (``v_votes``, ``v_vote_casts``).

"Who voted against the budget amendment?" is a question about rows, so each
vote is a row with its tallies and each member's vote is a row of its own.
Both read documents through ``v_documents`` (current versions only), like every
other view, and are listed in ``store.views.VIEW_NAMES``.
"""
from __future__ import annotations


def _tally(position: str) -> str:
    return (f"(SELECT COUNT(*) FROM minute_vote_cast c WHERE c.vote_id = v.id "
            f"AND c.position = '{position}') AS n_{position}")


def vote_views(has) -> dict[str, str]:
    """``{view: SELECT}``; before the votes migration both views read as empty."""
    if not has("minute_vote"):
        empty = """
            SELECT CAST(NULL AS INTEGER) AS vote_id, CAST(NULL AS TEXT) AS motion, d.council, d.document_id
            FROM v_documents d WHERE 1 = 0"""
        return {"v_votes": empty, "v_vote_casts": empty}
    votes = f"""
            SELECT v.id AS vote_id, m.id AS meeting_id, m.date AS meeting_date, m.body, m.council,
                   ai.number AS item_number, ai.title AS item_title, v.seq AS vote_seq,
                   v.motion, v.mover, v.seconder, v.result,
                   {_tally('for')}, {_tally('against')}, {_tally('abstain')}, {_tally('absent')},
                   v.page, d.document_id, d.path AS document_path
            FROM minute_vote v
            JOIN v_documents d ON d.document_id = v.document_id
            JOIN agenda_item ai ON ai.id = v.agenda_item_id
            JOIN meeting m ON m.id = ai.meeting_id"""
    casts = """
            SELECT c.id AS cast_id, v.id AS vote_id, m.date AS meeting_date, m.body, m.council,
                   ai.number AS item_number, v.motion, v.result, c.position, c.name, c.person_id,
                   v.page, d.document_id, d.path AS document_path
            FROM minute_vote_cast c
            JOIN minute_vote v ON v.id = c.vote_id
            JOIN v_documents d ON d.document_id = c.document_id
            JOIN agenda_item ai ON ai.id = v.agenda_item_id
            JOIN meeting m ON m.id = ai.meeting_id"""
    return {"v_votes": votes, "v_vote_casts": casts}
