"""Page counts for the progress bar, read before a batch starts.

A batch's time goes by pages, not files (a 300-page pack next to a 2-page
agenda), so the bar advances by pages and its rate and ETA mean something.
PDFium reads only the page tree for a count; a file it cannot open counts as
one page and is left for the batch to report.
"""
from __future__ import annotations

from pathlib import Path

from plantrace.ingest.discover import looks_like_pdf


def page_count(path: Path) -> int:
    if not looks_like_pdf(path):
        return 1
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            return max(1, len(pdf))
        finally:
            pdf.close()
    except Exception:  # damaged or encrypted: the batch says why
        return 1


def page_counts(paths: list[Path]) -> list[int]:
    return [page_count(p) for p in paths]
