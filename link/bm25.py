"""Okapi BM25 over one plan's actions.

Rarity is measured inside the plan being linked: "panel" is ordinary in a plan
about panels, "genogram" is decisive. Term counts are weighted (an action's own
text counts more than its progress notes), which rank_bm25 does not allow, so
this is the twenty lines of BM25 itself.
"""
from __future__ import annotations

import math

from .terms import Terms


class BM25:
    def __init__(self, docs: list[Terms], k1: float = 1.2, b: float = 0.5):
        self.docs, self.k1, self.b = docs, k1, b
        self.n = len(docs)
        self.avg_len = (sum(d.length for d in docs) / self.n) if self.n else 0.0
        df: dict[str, int] = {}
        for d in docs:
            for term in d.counts:
                df[term] = df.get(term, 0) + 1
        self.df = df

    def idf(self, term: str) -> float:
        n = self.df.get(term, 0)
        return math.log((self.n - n + 0.5) / (n + 0.5) + 1.0)

    def contributions(self, query: Terms, index: int) -> dict[str, float]:
        """Per-term scores, so the evidence can name what matched and how much it weighed."""
        doc = self.docs[index]
        norm = self.k1 * (1 - self.b + self.b * (doc.length / self.avg_len if self.avg_len else 1.0))
        out = {}
        for term, q_weight in query.counts.items():
            tf = doc.counts.get(term)
            if not tf:
                continue
            out[term] = min(q_weight, 2.0) * self.idf(term) * tf * (self.k1 + 1) / (tf + norm)
        return out


class FieldedBM25(BM25):
    """BM25 whose term frequency is saturated per field and weighted (a simple BM25F).

    A word in an action's own wording says more about it than the same word in
    a progress note, and more again than in the recommendation it shares with
    its siblings; summed raw counts would blur that.
    """

    def __init__(self, fields: list[list[Terms]], weights: list[float], k1: float = 1.2, b: float = 0.5):
        union = []
        for parts in fields:
            t = Terms()
            for part in parts:
                t.merge(part)
            union.append(t)
        super().__init__(union, k1, b)
        self.fields, self.weights = fields, weights
        n_fields = len(weights)
        self.avg = [(sum(d[f].length for d in fields) / len(fields)) if fields else 0.0 for f in range(n_fields)]

    def contributions(self, query: Terms, index: int) -> dict[str, float]:
        out: dict[str, float] = {}
        for f, (part, weight) in enumerate(zip(self.fields[index], self.weights)):
            avg = self.avg[f] or 1.0
            norm = self.k1 * (1 - self.b + self.b * part.length / avg)
            for term, q_weight in query.counts.items():
                tf = min(part.counts.get(term, 0.0), 1.0)
                if tf:
                    # presence, not count: five progress notes repeating a word are not five times the evidence
                    out[term] = out.get(term, 0.0) + weight * min(q_weight, 1.0) * self.idf(term) * \
                        tf * (self.k1 + 1) / (tf + norm)
        return out
