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


def load_model(path: Path, filetype: str, sha256: str = "", ocr: str = "auto") -> DocumentModel:
    """``ocr`` (auto, off, force) says which PDF pages are read by OCR; see ``pdf.load_pdf``."""
    return load_pdf(path, sha256, ocr) if filetype == "pdf" else load_text(path, sha256)


def build_contract(model: DocumentModel, kind: str | None = None, split: bool = True) -> dict:
    """The raw document record: extracted text, not yet normalised.

    A file binding several documents (a committee pack) becomes a ``pack`` record
    whose ``parts`` are each read by their own kind; ``split=False`` reads the
    pages as one document whatever they hold.
    """
    if split and kind is None:
        from .pack import split_ranges

        ranges = split_ranges(model)
        if len(ranges) > 1:
            return _pack_contract(model, ranges)
    kind = kind or detect_kind(model)
    doc_date = document_date(model)
    council = council_name(model)
    record = {
        "source": {"path": model.path, "sha256": model.sha256, "pages": len(model.pages),
                   "warnings": list(model.warnings), **_ocr_source(model)},
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
    elif kind == "agenda":
        from .agenda import extract_agenda

        meeting = extract_agenda(model)
        record["meeting"] = meeting
        _prefer(record, meeting)
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


def _ocr_source(model: DocumentModel) -> dict:
    """The pages read by OCR, how sure it was of their words, and the words it doubted."""
    words = sum(o["words"] for o in model.ocr)
    mean = sum((o["confidence"] or 0) * o["words"] for o in model.ocr) / words if words else None
    return {"ocr_pages": [o["page"] for o in model.ocr],
            "ocr_confidence": round(mean, 1) if mean is not None else None,
            "ocr": list(model.ocr), "ocr_low_confidence": list(model.ocr_low_confidence)}


def _prefer(record: dict, meeting: dict) -> None:
    """A meeting's own header beats the generic first-page guesses."""
    for key in ("council", "date", "title"):
        if meeting.get(key):
            record[key] = meeting[key]


def _pack_contract(model: DocumentModel, ranges: list[tuple[int, int]]) -> dict:
    """A pack: its own source, and each bound document as a whole record with its
    pages in the pack. The pack takes council, title and date from the first part
    that states them (its covering letter or agenda)."""
    from .agenda import subject_line
    from .pack import sub_model
    from .pack_pages import page_signs

    parts = []
    for first, last in ranges:
        sub = sub_model(model, first, last)
        part = build_contract(sub, split=False)
        if part["kind"] == "report" and page_signs(sub.pages[0]).letter and (subject := subject_line(sub)):
            part["title"] = subject  # a covering letter is titled by its subject line, not its letterhead
        part["source"]["pages"] = last - first + 1
        part["pages"] = [first, last]
        parts.append(part)
    stated = lambda key: next((p[key] for p in parts if p.get(key)), None)  # noqa: E731
    for part in parts:  # a paper bound into a council's pack is that council's unless it names its own
        part["council"] = part.get("council") or stated("council")
    from .agenda import announced_meeting

    meeting = announced_meeting(sub_model(model, *ranges[0]))
    return {
        "source": {"path": model.path, "sha256": model.sha256, "pages": len(model.pages),
                   "warnings": list(model.warnings)},
        "kind": "pack",
        "council": stated("council"),
        "title": stated("title"),
        "date": meeting.get("date") or stated("date"),
        "plan": None,
        "meeting": meeting if meeting.get("body") else None,
        "tables": [],
        "parts": parts,
    }
