"""Reading one item's lines into narrative, points, decisions, events and declarations.

The lines are walked once with a small state machine because the same words
mean different things by position: a lettered line after "RESOLVED" is part of
the decision, a sentence between ---oOo--- rules is an interjection, and an
indented or unfinished line belongs to the point above it.
"""
from __future__ import annotations

import re
from typing import Optional

from plantrace.extract.textform import ends_sentence

from . import declarations, events, points, resolutions
from .header import CLOSING_RE
from .text import Entry, clean, collapse, is_separator, union_bbox


class _Item:
    def __init__(self, margin: Optional[float], pitch: Optional[float] = None, number: Optional[str] = None):
        self.margin = margin
        self.number = number  # the item's number, so "31.2" in item 31 is its point 2
        self.pitch = pitch  # the minutes' line pitch: lines closer than it are one paragraph
        self.text: list[str] = []
        self.points: list[dict] = []
        self.resolutions: list[dict] = []
        self.events: list[dict] = []
        self.declarations: list[dict] = []
        self.mode = "text"
        self.point: Optional[dict] = None
        self.decision: Optional[dict] = None  # {"lines": [...], "word": ...}
        self.decision_word: Optional[str] = None
        self.fence: Optional[list[Entry]] = None  # lines inside ---oOo--- rules
        self.nesting = points.Nesting()
        self.narrated: list[Entry] = []  # the narrative's lines, for decisions written as prose

    def close_decision(self):
        if self.decision and self.decision["lines"]:
            lines = self.decision["lines"]
            text = collapse(" ".join(clean(e.text) for e in lines))
            raw = "\n".join(e.text for e in lines)
            self.resolutions.append(resolutions.make(text, lines[0].page, self.decision_word, raw))
        self.decision = None

    def close_fence(self):
        if self.fence:
            text = collapse(" ".join(clean(e.text) for e in self.fence))
            self.events.append(events.make(text, self.fence[0].page, "\n".join(e.text for e in self.fence)))
        self.fence = None

    def reopen_fence(self):
        lines, self.fence = self.fence or [], None
        for e in lines:
            self.narrative(e)

    def narrative(self, e: Entry):
        text = clean(e.text)
        decl = declarations.parse(points.strip_label(text))
        if decl:
            self.declarations.append({**decl, "page": e.page})
        elif CLOSING_RE.search(text) or events.standalone(text):
            self.events.append(events.make(text, e.page, e.text))
        elif text:
            self.text.append(text)
            self.narrated.append(e)

    def feed(self, e: Entry):
        text = clean(e.text)
        if is_separator(e.text):
            self.point = None
            self.close_decision()
            if self.fence is None:
                self.fence = []
            else:
                self.close_fence()
            self.mode = "text"
            return
        if self.fence is not None and self.fence and (points.label_of(e) or resolutions.heading(e) is not None):
            self.reopen_fence()  # an unclosed rule: what followed it was ordinary minutes
        if self.fence is not None:
            if self.fence and ends_sentence(self.fence[-1].text) and events.kind_of(text) and \
                    events.kind_of(clean(self.fence[-1].text)):
                self.close_fence()
                self.fence = []
            self.fence.append(e)
            return
        rest = resolutions.heading(e)
        if rest is None and not (self.mode == "decision" and self.decision and self.decision["lines"]):
            rest = resolutions.opening(e)  # "THAT ..." or "The Board NOTED ...": the decision's own words
        if rest is None:
            labelled = points.label_of(e, self.number)
            if labelled and (after := resolutions.heading_text(labelled[1], e.bold)) is not None:
                rest = after
                self.nesting.place(labelled[0], e.x0, points.style_of(e.text))  # "8) RESOLVED": paragraph 8
        if rest is not None:
            self.point = None
            self.close_decision()
            self.decision_word = resolutions.heading_word(clean(e.text))
            self.decision = {"lines": []}
            self.mode = "decision"
            if rest:
                self.decision["lines"].append(e)
                self.decision["lines"][-1] = _Sliced(e, rest)
            return
        if self.mode == "decision":
            nxt = points.label_of(e, self.number)
            if nxt and self.nesting.is_next_paragraph(nxt[0], points.style_of(e.text)):
                self.close_decision()  # the next numbered paragraph ends the decision
                self.mode = "text"
        if self.mode == "decision":
            lines = self.decision["lines"]
            last = clean(lines[-1].text) if lines else ""
            # "RESOLVED that Cabinet agree to:" or "The Committee agreed:-" introduces its own parts
            introduced = bool(lines) and bool(re.search(r":\s*[-–]?$", clean(lines[0].text).rstrip()))
            if lines and ends_sentence(last) and resolutions.starts_new(text) and not introduced:
                self.close_decision()
                self.decision = {"lines": [e]}
                return
            if not lines or not ends_sentence(last) or (e.x0 is not None and self.margin is not None
                                                         and e.x0 > self.margin + 5):
                lines.append(e)
                return
            self.close_decision()
            self.mode = "text"
        labelled = points.label_of(e, self.number)
        if labelled and self.mode == "point" and self.point and points.quoting(self.point) and \
                not self.nesting.is_next_paragraph(labelled[0], points.style_of(e.text)):
            points.extend_point(self.point, e)  # a list inside a quoted motion is the motion's, not the minutes'
            return
        if labelled:
            label, rest = labelled
            self.point = points.new_point(label, e, rest, self.nesting.place(label, e.x0, points.style_of(e.text)))
            self.points.append(self.point)
            self.mode = "point"
            return
        if self.mode == "point" and self.point and (points.quoting(self.point) or
                                                    points.continues(self.point, e, self.margin, self.pitch)):
            points.extend_point(self.point, e)
            return
        self.point = None
        self.mode = "text"
        self.narrative(e)

    def finish(self):
        self.close_decision()
        if not self.resolutions:  # no decision block: the clerk wrote decisions into the text
            self.resolutions.extend(resolutions.inline(self.narrated))
        if self.fence and not any(events.kind_of(clean(e.text)) for e in self.fence):
            self.reopen_fence()
        self.close_fence()
        pts = []
        for p in self.points:
            decl = declarations.parse(p["text"])
            if decl:
                self.declarations.append({**decl, "page": p["page"]})
                continue
            lines = p.pop("_lines")
            p.pop("_listing", None)
            p["bbox"] = union_bbox(e.bbox for e in lines if e.page == p["page"])
            p["text"] = collapse(p["text"])
            pts.append(p)
        self.points = pts


class _Sliced:
    """A line whose leading heading word ("RESOLVED -") has been cut away."""

    def __init__(self, entry: Entry, text: str):
        self._entry = entry
        self.text = text
        self.page = entry.page
        self.x0 = entry.x0
        self.bbox = entry.bbox


def parse_body(lines: list[Entry], margin: Optional[float], pitch: Optional[float] = None,
               number: Optional[str] = None) -> dict:
    item = _Item(margin, pitch, number)
    for e in lines:
        item.feed(e)
    item.finish()
    return {
        "text": collapse(" ".join(item.text)),
        "points": item.points,
        "resolutions": item.resolutions,
        "events": item.events,
        "declarations": item.declarations,
    }
