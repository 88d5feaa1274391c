"""The analyst view of every table found in the documents (``v_tables``).

One row per table, with where it was printed and its shape; the grid itself
(``cells``, ``header``, ``rows``) stays in ``extracted_table`` for the Python
API and SQL JSON functions. Listed in ``store.views.VIEW_NAMES``.
"""
from __future__ import annotations


def table_views(has) -> dict[str, str]:
    """``{view: SELECT}``; before the grids migration the view reads as empty."""
    if not has("extracted_table", "cells"):
        return {"v_tables": """
            SELECT CAST(NULL AS INTEGER) AS table_id, CAST(NULL AS TEXT) AS title, d.council, d.document_id
            FROM v_documents d WHERE 1 = 0"""}
    return {"v_tables": """
            SELECT t.id AS table_id, t.page, t.seq AS table_seq, t.title, t.reader,
                   CASE WHEN t.ruled THEN 1 ELSE 0 END AS is_ruled,
                   CASE WHEN t.continues THEN 1 ELSE 0 END AS is_continued,
                   t.header_rows AS n_header_rows, t.n_rows, t.n_cols, CAST(t.header AS TEXT) AS header,
                   d.council, d.kind AS document_kind, d.title AS document_title,
                   d.document_id, d.path AS document_path
            FROM extracted_table t
            JOIN v_documents d ON d.document_id = t.document_id"""}
