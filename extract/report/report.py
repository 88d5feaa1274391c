"""Sections, numbered paragraphs, recommendations and contact of an officer report.

Output shape::

    {"council": "...",
     "meeting": {"body", "date" (ISO), "date_text", "title", "directorate", ...},
     "report": {
        "sections": [{"number": "5", "title": "Introduction", "page": 1,
                      "paragraphs": [{"number": "5.1" | None, "text", "page", "raw"}]}],
        "recommendations": [{"number": "6.1", "text", "page"}],
        "recommendations_intro": "That the Committee:",
        "contact": {"name", "role", "tel", "email", "text"}}}

Numbers are kept exactly as printed (minus a trailing dot), duplicates
included, because reports are often renumbered carelessly and an auditor
needs to find the paragraph the reader saw.
"""
from __future__ import annotations

import re
from typing import Optional

from plantrace.extract.minutes.text import clean, collapse, entries, line_pitch, set_tight
from plantrace.extract.textform import ends_sentence

from ..metadata import council_heading
from .header import LABEL_RE, extract_header

SECTION_RE = re.compile(r"^(\d{1,2})\.?\s+([A-Z].*)$")
PARA_RE = re.compile(r"^(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?\s+(.*)$")
CONTACT_RE = re.compile(r"^(?:Contact(?:\s+(?:Name|Officer|Details))?|Background papers? and contact)\s*:?\s*(.*)$", re.I)
TEL_RE = re.compile(r"\b(?:Tel(?:ephone)?|Phone)\b\.?\s*[:–-]?\s*([\d ()+-]{4,})", re.I)
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _section(text: str) -> Optional[tuple[str, str]]:
    m = SECTION_RE.match(text)
    if not m or ":-" in text or LABEL_RE.match(text) and ":" in text:
        return None
    title = m.group(2).strip()
    if len(title.split()) > 12 or title.endswith(".") or re.match(r"^\d", title):
        return None
    return m.group(1), title


def _contact(lines) -> dict:
    texts = [clean(e.text) for e in lines]
    first = CONTACT_RE.match(texts[0]).group(1) if texts else ""
    rest = ([first] if first else []) + texts[1:]
    rest = [t for t in rest if t]
    tel = next((m.group(1).strip() for t in rest if (m := TEL_RE.search(t))), None)
    email = next((m.group(0) for t in rest if (m := EMAIL_RE.search(t))), None)
    plain = [t for t in rest if not TEL_RE.search(t) and not EMAIL_RE.search(t)]
    return {
        "name": plain[0] if plain else None,
        "role": collapse(" ".join(plain[1:])).rstrip(",") or None,
        "tel": tel,
        "email": email,
        "text": collapse(" ".join(rest)),
    }


def extract_report(doc) -> dict:
    lines = entries(doc)
    meeting = extract_header(doc, lines)
    sections: list[dict] = []
    para: Optional[dict] = None
    contact_lines = []
    margin = min((e.x0 for e in lines if e.x0 is not None), default=None)
    pitch = line_pitch(lines)
    for k, e in enumerate(lines):
        prev = lines[k - 1] if k else None
        text = clean(e.text)
        if contact_lines or CONTACT_RE.match(text) and not PARA_RE.match(text):
            contact_lines.append(e)
            continue
        sec = _section(text)
        if sec and not (para and not ends_sentence(para["text"]) and text[:1].islower()):
            sections.append({"number": sec[0], "title": sec[1], "page": e.page, "paragraphs": []})
            para = None
            continue
        if not sections:
            continue  # cover block and council name
        m = PARA_RE.match(text)
        if m:
            para = {"number": m.group(1), "text": m.group(2), "page": e.page, "raw": e.text}
            sections[-1]["paragraphs"].append(para)
            continue
        indented = e.x0 is not None and margin is not None and e.x0 > margin + 5
        if para and (indented or not ends_sentence(para["text"]) or set_tight(prev, e, pitch)):
            # an unfinished sentence runs on even when a page break loses the indent
            para["text"] = collapse(f"{para['text']} {text}")
            para["raw"] += "\n" + e.text
            continue
        para = {"number": None, "text": text, "page": e.page, "raw": e.text}
        sections[-1]["paragraphs"].append(para)
    recs, intro = [], None
    for sec in sections:
        if re.search(r"recommend", sec["title"], re.I):
            for p in sec["paragraphs"]:
                if p["number"] is None and not recs:
                    intro = p["text"]
                else:
                    recs.append({"number": p["number"], "text": p["text"], "page": p["page"]})
            break
    return {
        "council": council_heading(clean(e.text) for e in lines[:6]),
        "meeting": meeting,
        "report": {
            "sections": sections,
            "recommendations": recs,
            "recommendations_intro": intro,
            "contact": _contact(contact_lines) if contact_lines else None,
        },
    }
