"""Links from a minute point to a recommendation or priority as a whole, an indicator, or the plan.

A member who says a strategy covers "early years, family hubs, adult social
care and workplace well-being" speaks of four of the plan's priorities, not
of any one action in them; "the indicators in the plan" or "the action plan"
speak of the plan itself; "children's mental health services" is the subject
of one of its indicators. Such points are linked at the level they speak at,
beside the action links, under the same discipline: a target needs shared
words that pick it out among its kind (a phrase, or a word few of the plan's
recommendations or indicators use that is not common English), and every link
says why.

Only points of items about the plan are read this way (the item considered
the report that carries the plan, or its title or the plan's vocabulary says
so; see ``Linker.item_on_topic``): a priority's words in an unrelated item are
coincidence.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .score import WHOLE_PLAN_RE, PointDoc, sentences
from .terms import Analyzer, Terms, common_word
from .weights import LINK_WEIGHTS, SCOPE_WEIGHTS

S = SCOPE_WEIGHTS


@dataclass
class Target:
    level: str              # recommendation or indicator
    id: int
    label: str              # how the plan names it: its number, or its opening words
    terms: Terms


@dataclass
class ScopeScored:
    level: str
    target_id: int | None
    score: float
    evidence: str
    via: str | None = None


def _short(text: str, n: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


class ScopeLinker:
    """One plan's recommendations and indicators, ready to be matched against points."""

    def __init__(self, analyzer: Analyzer, recommendations: list[tuple[int, str, str]],
                 indicators: list[tuple[int, str]]):
        self.analyzer = analyzer
        self.recs = [Target("recommendation", rid, label, analyzer.terms(text)) for rid, label, text in recommendations]
        self.indicators = [Target("indicator", iid, _short(name), analyzer.terms(name)) for iid, name in indicators]

    @staticmethod
    def _df(targets: list[Target]) -> dict[str, int]:
        df: dict[str, int] = {}
        for t in targets:
            for term in t.terms.counts:
                df[term] = df.get(term, 0) + 1
        return df

    def _match(self, query: Terms, targets: list[Target], background: set[str]) -> list[tuple[float, Target, list[str]]]:
        if not targets:
            return []
        df = self._df(targets)
        n = len(targets)
        rare = max(1, min(S.rare_targets, int(n * S.rare_share)))
        out = []
        for target in targets:
            shared = [t for t in query.counts if t in target.terms.counts and not t.startswith("@")
                      and query.counts[t] >= 1.0 and not all(w in background for w in t.split("_"))]
            specific = [t for t in shared if df.get(t, 0) <= rare
                        and not common_word(t, query.surface.get(t), LINK_WEIGHTS.common_zipf)]
            units = sum(2 if "_" in t else 1 for t in specific)
            # single words coincide across a long plan too easily: a whole target needs a phrase of its own
            if units < S.min_units or not any("_" in t for t in specific):
                continue
            raw = sum((2 if "_" in t else 1) * math.log(n / df[t] + 1.0) for t in specific)
            out.append((raw, target, specific))
        out.sort(key=lambda x: -x[0])
        if not out:
            return []
        best = out[0][0]
        return [o for o in out if o[0] >= S.relative * best]

    def rank(self, point: PointDoc, on_topic: bool, via: str | None, topic_reason: str) -> list[ScopeScored]:
        """The recommendations, indicators and the plan this point speaks of as wholes."""
        if not on_topic:
            return []
        title = self.analyzer.terms(point.item_title)
        background = {t for t in title.counts if "_" not in t}
        found: dict[tuple[str, int | None], ScopeScored] = {}
        statements = sentences(point.text)
        for k, s in enumerate(statements):
            query = self.analyzer.terms(s)
            where = f"sentence {k + 1} “{_short(s)}”; " if len(statements) > 1 else ""
            for targets in (self.recs, self.indicators):
                for raw, target, words in self._match(query, targets, background):
                    score = round(1.0 - math.exp(-raw / S.scale), 3)
                    key = (target.level, target.id)
                    if key in found and found[key].score >= score:
                        continue
                    shown = ", ".join(query.surface.get(t, t) for t in words[:5])
                    found[key] = ScopeScored(target.level, target.id, score,
                                             f"{where}{target.level} “{target.label}”: {shown}", via)
            whole = WHOLE_PLAN_RE.search(s)
            if whole and ("plan", None) not in found:
                score = S.plan_score if via else S.plan_named_score
                reason = f"item considered report {via}, which carries this plan" if via else topic_reason
                found[("plan", None)] = ScopeScored("plan", None, score,
                                                    f"{where}speaks of “{whole.group(0)}”; {reason}", via)
        return sorted(found.values(), key=lambda x: (-x.score, x.level))
