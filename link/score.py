"""Weigh the evidence that a minute point concerns a plan action.

A reader links a minute to an action when one statement of the minute and one
statement of the action (its headline, or one of its progress notes) say the
same specific thing. Words scattered over different sentences, or pooled from
every progress note an action ever had, coincide by chance far more often, so
each sentence of a point is compared with the action's headline plus its single
best-matching progress note, and a word counts once, at the weight of the
strongest place it appears (headline > progress note > recommendation).

Sharing words is not enough. Words the plan uses throughout (they recur in the
wording of many recommendations) and words of the agenda item's own title (in
an item about fostering every point says "foster carers") say nothing about
which action a point concerns. A link therefore needs an anchor: a word or
phrase found in few actions, a named body, an explicit reference, or ordinary
words that, said together, pick out few actions. One rare word alone turns up
by chance, so it must be backed by a second specific word or by the item's
topic in the action's wording.

The bar for a first link is derived from the plan's own word statistics (the
weakest evidence the anchor rule admits), not set per corpus. A further link
for the same sentence must be nearly as strong and must match something the
best one does not; otherwise it only echoes the best link. Every rule shows up
in the evidence string, so an auditor can see why a link was, or was not, made.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .entities import bodies, people
from .references import References, find_references
from .report_path import report_numbers
from .terms import HONORIFICS, Analyzer, Terms, common_word
from .weights import LINK_WEIGHTS

W = LINK_WEIGHTS  # every weight and bar is named and explained in link/weights.py
ACTION_WEIGHT, UPDATE_WEIGHT, REC_WEIGHT, PEOPLE_WEIGHT, TITLE_WEIGHT = W.action, W.update, W.recommendation, W.people, W.title
K1, B = W.k1, W.b
BODY_ACTION_BONUS, BODY_REC_BONUS, BODY_CONFLICT = W.body_action_bonus, W.body_rec_bonus, W.body_conflict
ACTION_REF_BONUS, REC_REF_BONUS = W.action_ref_bonus, W.rec_ref_bonus
SCALE = W.scale
RARE_SHARE, RARE_DF, PLAN_WIDE_SHARE = W.rare_share, W.rare_df, W.plan_wide_share
COMBINED_UNITS, MIN_UNITS = W.combined_units, W.min_units
RELATIVE, OFF_TOPIC, TITLE_SHARE = W.relative, W.off_topic, W.title_share
PLAN_NAME_RE = re.compile(r"\b(?:[A-Z][a-z]+\s+){1,3}(?:Plan|Strategy)\b")
# "Dr Smith (Director of Public Health) introduced the report": the role in brackets after a
# speaker's name says who spoke, not what about; it would tie the point to every action of that service
SPEAKER_ROLE_RE = re.compile(rf"(\b{HONORIFICS}\.?\s+(?:[A-Z]\.?\s+)?[A-Z][\w'’-]+)\s*\([^()]{{3,120}}\)")
# a sentence about the plan as a whole ("the action plan", "the strategy", "these priorities";
# a named "Corporate Parenting Strategy" is a subject of its own) shares the plan's general words
# with every action and names its priorities: only a phrase no priority heading uses, a named
# body or a reference ties such a sentence to one action
WHOLE_PLAN_RE = re.compile(r"(?i)\b(?:the|this)\s+(?:(?:action|delivery|improvement)\s+)?plan\b|\b(?:the|this)\s+strategy\b"
                           r"|\b(?:these|its|the\s+plan's)\s+priorities\b|\bindicators\s+in\s+the\s+plan\b")
# how item_on_topic says why an item is about the plan, read again by the rules that depend on it
ON_TOPIC_BY_REPORT = "item's report is the plan's"
ON_TOPIC_BY_NAME = "item names the"
SENTENCE_RE = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(‘'\"“])")


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
class SentenceEvidence:
    raw: float
    anchored: bool
    evidence: str
    words: frozenset = frozenset()   # the specific words it matched, the plan's general vocabulary left out


@dataclass
class Scored:
    action: ActionDoc
    raw: float                      # evidence of the action's best sentence
    score: float
    evidence: str
    sentences: dict[int, SentenceEvidence] = field(default_factory=dict)
    threshold: float = 0.0          # the plan's lowest acceptable evidence for a first link
    distinctive: bool = False


def squash(raw: float) -> float:
    return round(1.0 - math.exp(-max(raw, 0.0) / SCALE), 3)


def sentences(text: str) -> list[str]:
    """A point's statements; a clerk's point often reports on two things in two sentences."""
    parts = [s.strip() for s in SENTENCE_RE.split(text or "") if s.strip()]
    return parts or [text or ""]


def _short(text: str, n: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _words_of(term: str) -> list[str]:
    return term.split("_")


class Linker:
    """Everything about one plan that scoring a point against it needs, computed once."""

    def __init__(self, actions: list[ActionDoc], analyzer: Analyzer, plan_reports: set[str] = frozenset(),
                 plan_title: str | None = None):
        self.actions, self.analyzer, self.plan_reports = actions, analyzer, set(plan_reports)
        self.families = {f for a in actions for f in a.owners}
        self.heads = [analyzer.terms(a.text) for a in actions]
        self.updates = [[analyzer.terms(u) for u in a.updates if u and u.strip()] for a in actions]
        rec_terms: dict[str, Terms] = {}
        self.rec_key = []
        for a in actions:
            key = str(a.rec_number) if a.rec_number is not None else f"#{a.id}"
            if key not in rec_terms:
                rec_terms[key] = analyzer.terms(" . ".join([a.rec_text or "", *a.rec_context]))
            self.rec_key.append(key)
        self.recs = rec_terms
        n = len(actions)
        self.n = n
        df: dict[str, int] = {}
        self.own = [set(head.counts).union(*(set(u.counts) for u in ups)) for head, ups in zip(self.heads, self.updates)]
        for own in self.own:
            for t in own:
                df[t] = df.get(t, 0) + 1
        self.df = df
        rec_df: dict[str, int] = {}
        for t in rec_terms.values():
            for term in t.counts:
                rec_df[term] = rec_df.get(term, 0) + 1
        self.rec_df, self.n_recs = rec_df, len(rec_terms)
        self.statements = [[set(head.counts) | set(u.counts) for u in ups] or [set(head.counts)]
                           for head, ups in zip(self.heads, self.updates)]
        owner_df: dict[str, int] = {}
        for a in actions:
            for f in set(a.owners):
                owner_df[f] = owner_df.get(f, 0) + 1
        self.owner_df = owner_df
        self.avg_head = (sum(h.length for h in self.heads) / n) if n else 1.0
        all_updates = [u for ups in self.updates for u in ups]
        self.avg_update = (sum(u.length for u in all_updates) / len(all_updates)) if all_updates else 1.0
        self.rare_df = max(RARE_DF, n // RARE_SHARE)
        self.action_bodies = [{b.key: b for b in bodies(" . ".join([a.text, *a.updates]))} for a in actions]
        self.rec_bodies = [{b.key: b for b in bodies(" . ".join([a.rec_text, *a.rec_context]))} for a in actions]
        self.plan_title = plan_title
        self.vocabulary = set(df) | set(rec_df)
        self.plan_title_terms = analyzer.terms(plan_title)
        self.threshold = self._weakest_acceptable()

    # -- statistics ----------------------------------------------------------------------------
    def idf(self, term: str) -> float:
        d = self.df.get(term, 0)
        return math.log((self.n - d + 0.5) / (d + 0.5) + 1.0)

    def rec_idf(self, term: str) -> float:
        d = self.rec_df.get(term, 0)
        return math.log((self.n_recs - d + 0.5) / (d + 0.5) + 1.0)

    def distinctive(self, term: str) -> bool:
        return 0 < self.df.get(term, 0) <= self.rare_df

    def cooccurring(self, terms) -> int:
        """How many actions say all these words in one statement (headline or one progress note): two
        ordinary words written together can be as telling as one rare word."""
        terms = set(terms)
        return sum(1 for statements in self.statements if any(terms <= st for st in statements))

    def plan_wide(self, term: str) -> bool:
        """Words used in the wording of many recommendations are the plan's general vocabulary."""
        return self.n_recs >= 4 and self.rec_df.get(term, 0) > self.n_recs * PLAN_WIDE_SHARE

    @staticmethod
    def _saturation(length: float, avg: float) -> float:
        return (K1 + 1) / (1 + K1 * (1 - B + B * (length / (avg or 1.0))))

    def _weakest_acceptable(self) -> float:
        """The least evidence the anchor rule admits, as this plan weighs words: one distinctive word
        and one ordinary word, both in a typical progress note. A first link needs at least that."""
        if not self.df:
            return float("inf")
        dfs = sorted(self.df.values())
        ordinary = dfs[len(dfs) // 2]
        rare = self.rare_df
        sat = self._saturation(self.avg_update, self.avg_update)
        return UPDATE_WEIGHT * sat * (self.idf_for_df(rare) + self.idf_for_df(ordinary))

    def idf_for_df(self, d: int) -> float:
        return math.log((self.n - d + 0.5) / (d + 0.5) + 1.0)

    # -- the item the point sits in -------------------------------------------------------------
    def item_on_topic(self, point: PointDoc) -> tuple[bool, str]:
        """Is the item about this plan? Its report, its naming of the plan, or its title's words say so."""
        if self.plan_reports & (set(_report_numbers(point.report_refs)) | report_numbers(*point.report_refs)):
            return True, ON_TOPIC_BY_REPORT
        plan_title = (self.plan_title or "").lower()
        for m in PLAN_NAME_RE.finditer(" . ".join(filter(None, [point.item_title, point.item_text]))):
            if m.group(0).lower() in plan_title:
                return True, f"{ON_TOPIC_BY_NAME} {m.group(0)}"
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
        title = self.analyzer.terms(point.item_title)
        background = {t for t in title.counts if "_" not in t and not t.startswith("@")}
        on_topic, reason = self.item_on_topic(point)
        # an item that considered the report carrying the plan is about the whole plan: its title's
        # words are the plan's name, shared by every action, and corroborate none of them
        whole_item = reason == ON_TOPIC_BY_REPORT
        refs = find_references(point.text)
        statements = sentences(SPEAKER_ROLE_RE.sub(r"\1", point.text or ""))
        queries = []
        # in an item that considered the plan's own report, a sentence naming "the strategy" or "the
        # action plan" speaks of the whole plan (elsewhere it may be a remark on one action's wording)
        whole = [whole_item and bool(WHOLE_PLAN_RE.search(s)) for s in statements]
        for s in statements:
            q = Terms().merge(self.analyzer.terms(s))
            q.merge(title, TITLE_WEIGHT)
            for family, shown in people(s, self.families).items():
                q.add("@" + family, 1.0, shown)
            queries.append((q, {b.key: b for b in bodies(s)}))
        out = []
        for i, action in enumerate(self.actions):
            per: dict[int, SentenceEvidence] = {}
            for k, (query, point_bodies) in enumerate(queries):
                raw, anchored, evidence, words = self._evidence(i, action, query, point_bodies, refs, background,
                                                                whole[k], whole_item)
                if not on_topic:
                    raw *= OFF_TOPIC
                if raw > 0:
                    if len(statements) > 1:
                        evidence = f"sentence {k + 1} “{_short(statements[k], 60)}”; " + evidence
                    per[k] = SentenceEvidence(raw, anchored, evidence, words)
            if per:
                best = max(per.values(), key=lambda e: e.raw)
                out.append(Scored(action, best.raw, squash(best.raw), best.evidence, per, self.threshold,
                                  any(e.anchored for e in per.values())))
        out.sort(key=lambda s: (-s.raw, s.action.id))
        return out

    def _field_values(self, query: Terms, terms: Terms, weight: float, avg: float) -> dict[str, float]:
        sat = self._saturation(terms.length, avg)
        return {t: weight * min(qw, 1.0) * self.idf(t) * sat
                for t, qw in query.counts.items() if not t.startswith("@") and t in terms.counts}

    def _evidence(self, i: int, action: ActionDoc, query: Terms, point_bodies: dict, refs: References,
                  background: set[str], whole_plan: bool = False, whole_item: bool = False):
        head = self._field_values(query, self.heads[i], ACTION_WEIGHT, self.avg_head)
        best_total, best_values, best_update = -1.0, head, None
        for u, update in enumerate(self.updates[i]):
            values = dict(head)
            for t, v in self._field_values(query, update, UPDATE_WEIGHT, self.avg_update).items():
                if v > values.get(t, 0.0):
                    values[t] = v
            total = sum(values.values())
            if total > best_total:
                best_total, best_values, best_update = total, values, u
        own = best_values
        rec = self.recs[self.rec_key[i]]
        values = dict(own)
        for t, qw in query.counts.items():
            if t in rec.counts and not t.startswith("@") and t not in values:
                values[t] = REC_WEIGHT * min(qw, 1.0) * self.rec_idf(t)
        for t, qw in query.counts.items():
            if t.startswith("@") and t[1:] in action.owners:
                d = self.owner_df.get(t[1:], 0)
                values[t] = PEOPLE_WEIGHT * math.log((self.n - d + 0.5) / (d + 0.5) + 1.0)
        raw = sum(values.values())

        # the words that tie this statement to this action: written out in full on both sides (not merely
        # implied by an abbreviation), not the item's own topic and not the plan's general vocabulary
        chosen = [self.heads[i]] + ([self.updates[i][best_update]] if best_update is not None else [])

        def written(t: str) -> bool:
            q, p = query.counts.get(t, 0), max(f.counts.get(t, 0) for f in chosen)
            # a phrase spelled out on one side may be abbreviated on the other ("corporate parenting" ~ CPB)
            return (q >= 1.0 and p >= 1.0) or ("_" in t and max(q, p) >= 1.0 and min(q, p) > 0)

        specific = [t for t in own if written(t) and not all(w in background for w in _words_of(t.lstrip("#")))]
        if whole_plan:  # the plan's priorities named in a sentence about the plan: not one action's subject
            specific = [t for t in specific if t not in self.rec_df or t.startswith("#")]
        general = {t for t in specific if self.plan_wide(t)}
        clean = [t for t in specific if t not in general and not any(w in background for w in _words_of(t.lstrip("#")))]
        # a bigram is two words coinciding in order, an abbreviation or a word one; the plan's
        # general vocabulary coincides too easily to count
        units = sum(2 if "_" in t else 1 for t in specific if t not in general)
        # the item's own topic cannot anchor: in an item about fostering every point says "foster carers"
        anchors = [t for t in clean if self.distinctive(t)
                   and not common_word(t, query.surface.get(t), W.common_zipf)
                   and not (whole_plan and "_" not in t and not t.startswith("#"))]
        combined = False
        if not anchors and clean and sum(2 if "_" in t else 1 for t in specific) >= COMBINED_UNITS:
            # no single rare word, but the shared words, said together in the action's headline and one
            # progress note, may still pick out few actions
            together = self.cooccurring(specific)
            if 0 < together <= self.rare_df:
                anchors, combined = ["+".join(sorted(specific, key=lambda t: self.df.get(t, 0)))], True
        parts = []
        if anchors:
            if "+" in anchors[0]:
                combo = anchors[0].split("+")
                parts.append("anchor: " + " + ".join(query.surface.get(t, t) for t in combo) +
                             f" (together in {self.cooccurring(combo)} of {self.n} actions)")
            else:
                parts.append("anchor: " + ", ".join(f"{query.surface.get(t, t)} ({self.df[t]} of {self.n} actions)"
                                                    for t in sorted(anchors, key=lambda t: -own[t])[:3]))
        strongest = sorted(values.items(), key=lambda kv: -kv[1])
        words = [query.surface.get(t, t) for t, v in strongest if not t.startswith("@") and v >= 0.3
                 and t not in anchors][:6]
        if words:
            parts.append("terms: " + ", ".join(words))
        names = [query.surface.get(t, t) for t, _ in strongest if t.startswith("@")]
        if names:
            parts.append("people: " + ", ".join(names))
        topic = [query.surface.get(t, t) for t in values if t in background and query.counts.get(t, 0) < 1.0]
        if topic:
            parts.append("item topic: " + ", ".join(topic))
        if best_update is not None and any(t in self.updates[i][best_update].counts and
                                           t not in self.heads[i].counts for t in own):
            parts.append(f"progress note “{_short(action.updates[best_update])}”")

        matched, conflicts = [], []
        for key, body in point_bodies.items():
            if key in self.action_bodies[i]:
                raw += BODY_ACTION_BONUS
                matched.append(body.shown)
                units += 2
                anchors.append(body.shown)
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
            units, anchors = units + 2, anchors + ["reference"]
            parts.insert(0, f"reference: action {action.code}")
        elif action.rec_number and str(action.rec_number) in refs.recommendations:
            raw += REC_REF_BONUS
            units, anchors = units + 2, anchors + ["reference"]
            parts.insert(0, f"reference: recommendation {action.rec_number}")
        # one rare word alone turns up by chance: it needs a second specific word, or the item's own
        # topic in the action's wording (a point in an item about fostering, an action about fostering)
        topic = not whole_item and any(t in background for t in own)
        corroborated = combined or units >= MIN_UNITS or topic
        anchored = bool(anchors) and corroborated
        if not anchored:
            parts.append("not linked: one rare word, nothing else specific" if anchors else
                         "not linked: only words many actions share" if specific else "not linked: no specific words")
        return raw, anchored, "; ".join(parts), frozenset(w for w in _words(specific) if not self.plan_wide(w))


def _report_numbers(refs) -> list[str]:
    out = []
    for r in refs or []:
        out.extend(find_references(r if "report" in r.lower() else f"Report No. {r}").reports)
    return out


def _words(terms) -> set[str]:
    """The single words behind matched terms: "monthly data" is the words monthly and data."""
    return {w for t in terms for w in t.split("_")}


def keep_links(scored: list[Scored]) -> list[Scored]:
    """The links a reader would draw: for each statement of the point, the best-evidenced action if it
    has an anchor and clears the plan's threshold, and any other anchored action nearly as good."""
    if not scored:
        return []
    keep: dict[int, Scored] = {}
    statements = sorted({k for s in scored for k in s.sentences})
    for k in statements:
        here = sorted((s for s in scored if k in s.sentences and s.sentences[k].anchored),
                      key=lambda s: (-s.sentences[k].raw, s.action.id))
        if not here or here[0].sentences[k].raw < here[0].threshold:
            continue
        best, explained = here[0].sentences[k].raw, here[0].sentences[k].words
        for n, s in enumerate(here):
            ev = s.sentences[k]
            # a further action must match some specific word of the statement the best one does not:
            # if its words are among the best one's, it only echoes the best link
            echo = n > 0 and ev.words <= explained and ev.words != explained
            if not echo and ev.raw >= RELATIVE * best and ev.raw >= s.threshold:
                if s.action.id not in keep or keep[s.action.id].raw < ev.raw:
                    keep[s.action.id] = Scored(s.action, ev.raw, squash(ev.raw), ev.evidence, s.sentences,
                                               s.threshold, True)
    return sorted(keep.values(), key=lambda s: (-s.raw, s.action.id))
