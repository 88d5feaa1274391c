"""Weigh the evidence that a minute point concerns a plan action.

Shared distinctive words (BM25 within the plan) are the bulk of the evidence;
a body named on both sides adds to it and a different body of the same kind
takes from it; an explicit reference settles it; a point in an item that is
not about the plan at all needs far more to be linked. The raw total is
squashed to 0..1 so one threshold serves plans of any length, and only the
actions close to the best one are kept, because a point usually concerns one
or two actions, not every action that shares a word with it.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .bm25 import FieldedBM25
from .entities import Body, bodies, people
from .references import References, find_references
from .terms import Analyzer, Terms

ACTION_WEIGHT, UPDATE_WEIGHT, REC_WEIGHT, PEOPLE_WEIGHT, TITLE_WEIGHT = 1.0, 0.9, 0.3, 0.6, 0.25
BODY_ACTION_BONUS, BODY_REC_BONUS, BODY_CONFLICT = 2.5, 0.75, 0.35
ACTION_REF_BONUS, REC_REF_BONUS = 12.0, 4.0
SCALE = 10.0         # raw evidence at which the score reaches 1 - 1/e
THRESHOLD = 0.55     # lowest score of a point's best link (raw evidence about 8)
RELATIVE = 0.85     # a further link must have at least this share of the point's best raw evidence
SECONDARY_MIN = 5.0  # ... and at least this much raw evidence
NOVEL_MIN = 1.0      # a shared term worth this much, found in few actions, makes a link "distinctive"
RARE_DF = 3          # "few actions" (at least; more for long plans); kept on Scored for tuning, not yet a rule
OFF_TOPIC = 0.35     # evidence multiplier for points in items that are not about the plan
TITLE_SHARE = 0.6    # share of an item title's words that must be plan vocabulary for the item to be on topic
PLAN_NAME_RE = re.compile(r"\b(?:[A-Z][a-z]+\s+){1,3}(?:Plan|Strategy)\b")


@dataclass
class ActionDoc:
    id: int
    code: str | None
    rec_number: str | None
    text: str
    updates: list[str] = field(default_factory=list)
    rec_text: str = ""
    rec_context: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)  # family names


@dataclass
class PointDoc:
    id: int
    text: str
    item_title: str | None = None
    item_text: str | None = None
    report_refs: list[str] = field(default_factory=list)


@dataclass
class Scored:
    action: ActionDoc
    raw: float
    score: float
    evidence: str
    coverage: float = 0.0
    terms: dict = field(default_factory=dict)
    distinctive: bool = False


def squash(raw: float) -> float:
    return round(1.0 - math.exp(-max(raw, 0.0) / SCALE), 3)


class Linker:
    """Everything about one plan that scoring a point against it needs, computed once."""

    def __init__(self, actions: list[ActionDoc], analyzer: Analyzer, plan_reports: set[str] = frozenset(),
                 plan_title: str | None = None):
        self.actions, self.analyzer, self.plan_reports = actions, analyzer, set(plan_reports)
        self.families = {f for a in actions for f in a.owners}
        fields = []
        for a in actions:
            updates = Terms()
            for u in a.updates:
                updates.merge(analyzer.terms(u))
            owners = Terms()
            for f in a.owners:
                owners.add("@" + f, 1.0, f.title())
            fields.append([analyzer.terms(a.text), updates, analyzer.terms(a.rec_text), owners])
        self.bm25 = FieldedBM25(fields, [ACTION_WEIGHT, UPDATE_WEIGHT, REC_WEIGHT, PEOPLE_WEIGHT])
        docs = self.bm25.docs
        self.action_bodies = [{b.key: b for b in bodies(" . ".join([a.text, *a.updates]))} for a in actions]
        self.rec_bodies = [{b.key: b for b in bodies(" . ".join([a.rec_text, *a.rec_context]))} for a in actions]
        self.plan_title = plan_title
        self.rare_df = max(RARE_DF, len(actions) // 20)
        self.vocabulary = set().union(*(d.counts for d in docs)) if docs else set()
        for a in actions:
            for text in a.rec_context:
                self.vocabulary |= set(analyzer.terms(text).counts)
        self.plan_title_terms = analyzer.terms(plan_title)

    # -- the item the point sits in -------------------------------------------------------------
    def item_on_topic(self, point: PointDoc) -> tuple[bool, str]:
        """Is the item about this plan? Its report, its naming of the plan, or its title's words say so."""
        if self.plan_reports & set(_report_numbers(point.report_refs)):
            return True, "item's report is the plan's"
        plan_title = (self.plan_title or "").lower()
        for m in PLAN_NAME_RE.finditer(" . ".join(filter(None, [point.item_title, point.item_text]))):
            if m.group(0).lower() in plan_title:
                return True, f"item names the {m.group(0)}"
        title = self.analyzer.terms(point.item_title)
        words = [t for t in title.counts if "_" not in t]
        if not words:
            return True, ""  # nothing to judge by: let the points speak
        shared = [t for t in words if t in self.plan_title_terms.counts]
        if shared:
            return True, "item title: " + ", ".join(title.surface[t] for t in shared)
        known = [t for t in words if t in self.vocabulary]
        if len(known) >= TITLE_SHARE * len(words):
            return True, "item title: " + ", ".join(title.surface[t] for t in known)
        return False, ""

    # -- one point against every action ---------------------------------------------------------
    def rank(self, point: PointDoc) -> list[Scored]:
        own = self.analyzer.terms(point.text)
        unigrams = [t for t in own.counts if "_" not in t]
        mass = sum(self.bm25.idf(t) for t in unigrams) or 1.0
        query = Terms().merge(own)
        query.merge(self.analyzer.terms(point.item_title), TITLE_WEIGHT)
        named = people(point.text, self.families)
        for family, shown in named.items():
            query.add("@" + family, 1.0, shown)
        point_bodies = {b.key: b for b in bodies(point.text)}
        refs = find_references(point.text)
        on_topic, _ = self.item_on_topic(point)
        out = []
        for i, action in enumerate(self.actions):
            raw, evidence, contrib = self._evidence(i, action, query, point_bodies, refs)
            if not on_topic:
                raw *= OFF_TOPIC
            if raw > 0:
                doc = self.bm25.docs[i].counts
                coverage = sum(self.bm25.idf(t) for t in unigrams if t in doc) / mass
                distinctive = any(v >= NOVEL_MIN and not t.startswith("@") and self.bm25.df.get(t, 0) <= self.rare_df
                                  for t, v in contrib.items()) or "named: " in evidence.replace("(recommendation)", "") \
                    or evidence.startswith("reference:")
                out.append(Scored(action, raw, squash(raw), evidence, round(coverage, 3), contrib, distinctive))
        out.sort(key=lambda s: (-s.raw, s.action.id))
        return out

    def _evidence(self, i: int, action: ActionDoc, query: Terms, point_bodies: dict, refs: References):
        parts = []
        contrib = self.bm25.contributions(query, i)
        raw = sum(contrib.values())
        strongest = sorted(contrib.items(), key=lambda kv: -kv[1])
        words = [query.surface.get(t, t) for t, v in strongest if not t.startswith("@") and v >= 0.3][:8]
        names = [query.surface.get(t, t) for t, _ in strongest if t.startswith("@")]
        if words:
            parts.append("terms: " + ", ".join(words))
        if names:
            parts.append("people: " + ", ".join(names))
        matched, conflicts = [], []
        for key, body in point_bodies.items():
            if key in self.action_bodies[i]:
                raw += BODY_ACTION_BONUS
                matched.append(body.shown)
            elif key in self.rec_bodies[i]:
                raw += BODY_REC_BONUS
                matched.append(body.shown + " (recommendation)")
            else:
                others = [b for k, b in {**self.rec_bodies[i], **self.action_bodies[i]}.items() if k[1] == key[1]]
                if others:
                    conflicts.append(f"{body.shown} ≠ {others[0].shown}")
        if matched:
            parts.append("named: " + "; ".join(matched))
        if conflicts and not matched:
            raw *= BODY_CONFLICT
            parts.append("different body: " + "; ".join(conflicts))
        if action.code and action.code in refs.actions:
            raw += ACTION_REF_BONUS
            parts.insert(0, f"reference: action {action.code}")
        elif action.rec_number and str(action.rec_number) in refs.recommendations:
            raw += REC_REF_BONUS
            parts.insert(0, f"reference: recommendation {action.rec_number}")
        return raw, "; ".join(parts), contrib


def _report_numbers(refs) -> list[str]:
    out = []
    for r in refs or []:
        out.extend(find_references(r if "report" in r.lower() else f"Report No. {r}").reports)
    return out


def keep_links(scored: list[Scored]) -> list[Scored]:
    """The links a reader would draw: the best action if its evidence clears the threshold, and any
    other action whose evidence comes close to the best one's."""
    if not scored or scored[0].score < THRESHOLD:
        return []
    best = scored[0].raw
    return [s for s in scored if s.raw >= RELATIVE * best and s.raw >= SECONDARY_MIN]
