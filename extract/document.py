"""From a file to the document JSON of the output contract.

This is the one place that chooses an extractor for a document's kind, so the
CLI's ``extract --json`` and the batch ingest always produce the same record.
"""
from __future__ import annotations

from pathlib import Path

from .kind import detect_kind
from .metadata import council_name, document_date, document_title
from .model import DocumentModel
from .pdf import load_pdf
from .text import load_text


def load_model(path: Path, filetype: str, sha256: str = "") -> DocumentModel:
    return load_pdf(path, sha256) if filetype == "pdf" else load_text(path, sha256)


def build_contract(model: DocumentModel, kind: str | None = None) -> dict:
    """The raw document record: extracted text, not yet normalised."""
    kind = kind or detect_kind(model)
    doc_date = document_date(model)
    council = council_name(model)
    record = {
        "source": {"path": model.path, "sha256": model.sha256, "pages": len(model.pages),
                   "warnings": list(model.warnings)},
        "kind": kind,
        "council": council,
        "title": document_title(model, council),
        "date": doc_date.isoformat() if doc_date else None,
        "plan": None,
        "meeting": None,
        "tables": [],
    }
    if kind in ("action_plan", "progress_report"):
        from .plan import extract_plan

        plan = extract_plan(model)
        if plan.get("indicators"):
            record["indicators"] = plan.pop("indicators")
        record["plan"] = plan
    elif kind == "performance_report":
        from .indicators import extract_indicators, reported_period

        record["indicators"] = extract_indicators(model, reported_period(model))
    elif kind == "risk_register":
        from .risks import extract_risks

        record["risks"] = extract_risks(model)
    elif kind == "minutes":
        from .minutes import extract_meeting, extract_slide_tables

        meeting = extract_meeting(model)
        record["meeting"] = meeting
        record["tables"] = extract_slide_tables(model)
        _prefer(record, meeting)
        if meeting.get("body"):
            # a pack's first lines are a cover and an address; the minutes are of a body on a day
            record["title"] = " ".join(filter(None, ["Minutes of the", meeting["body"], meeting.get("date")]))
    else:
        from .report import extract_report

        result = extract_report(model)
        record["meeting"] = result.get("meeting")
        record["report"] = result.get("report")
        if kind == "report":
            from .kind import has_action_tables

            if has_action_tables(model):
                # a report that sets out an action plan among its pages: its actions count too
                from .plan import extract_plan

                plan = extract_plan(model)
                if plan.get("indicators"):
                    record["indicators"] = plan.pop("indicators")
                record["plan"] = plan
        _prefer(record, result.get("meeting") or {})
    return record


def _prefer(record: dict, meeting: dict) -> None:
    """A meeting's own header beats the generic first-page guesses."""
    for key in ("council", "date", "title"):
        if meeting.get(key):
            record[key] = meeting[key]
