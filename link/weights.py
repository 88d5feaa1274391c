"""The weights and bars of linking, in one place a reader can see and tune.

In the style of pdfplumber's ``table_settings``: each field is named for what it
does and explained once here; ``link/score.py`` reads them from ``LINK_WEIGHTS``.
None is fitted to a corpus: they say how much one kind of evidence is worth
against another, and the bar a link must clear is derived from each plan's own
word statistics (see ``link/score.py``).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LinkWeights:
    # where a shared word stands on the plan side (a word counts once, at its strongest place)
    action: float = 1.0          # the action's own headline
    update: float = 0.7          # its best-matching progress note
    recommendation: float = 0.3  # the recommendation the action sits under
    people: float = 0.3          # a person named on both sides
    title: float = 0.25          # a word of the agenda item's title (the topic, not the point)
    # BM25-style saturation of a word repeated within a sentence
    k1: float = 1.2
    b: float = 0.5
    # named bodies ("the Adoption Panel") and explicit references ("action 7.4")
    body_action_bonus: float = 2.5   # the body named in the action's headline
    body_rec_bonus: float = 0.75     # the body named only in its recommendation
    body_conflict: float = 0.35      # multiplier when the point names another body than the action
    action_ref_bonus: float = 12.0   # the point cites the action's number
    rec_ref_bonus: float = 4.0       # the point cites the action's recommendation number
    # the score shown to users: 1 - exp(-raw / scale)
    scale: float = 10.0          # raw evidence at which the score reaches 1 - 1/e
    # what makes a word an anchor
    rare_share: int = 20         # a word is distinctive when at most 1 action in this many uses it ...
    rare_df: int = 3             # ... or at most this many actions, in short plans
    plan_wide_share: float = 0.25  # a word in more than this share of recommendations is general vocabulary
    combined_units: int = 3      # words' worth a combination of ordinary words needs to stand in for a rare one
    min_units: int = 2           # words' worth of coincidence a link needs (a phrase counts as two)
    # further links and topic
    relative: float = 0.6        # a further link for the same sentence needs this share of the best one's evidence
    off_topic: float = 0.35      # evidence multiplier for points in items that are not about the plan
    title_share: float = 0.6     # share of an item title's words that must be plan vocabulary for an on-topic item
    # a single word this common in English (wordfreq's Zipf scale; 4.8 is about once in 16,000
    # words: "effort", "issues", "health") names no subject of its own, however rare in the plan:
    # it cannot be the anchor of a link (it still counts inside a phrase and as evidence).
    # Lower bars (4.0-4.4) lift precision on the real minute-to-plan gold from 0.25 to 0.29-0.33
    # but stop words such as "specialist" anchoring the rule cases of tests/test_link_rules.py.
    common_zipf: float = 4.8


LINK_WEIGHTS = LinkWeights()


@dataclass(frozen=True)
class ScopeWeights:
    """Links to something broader than one action: a recommendation or priority as a whole, a
    scorecard's indicator, the whole plan (``link/scope.py``)."""

    # a word names a recommendation or indicator when at most this share of the plan's
    # recommendations (or indicators) use it, and never more than ``rare_targets`` of them
    rare_share: float = 0.2
    rare_targets: int = 3
    min_units: int = 2           # words' worth a sentence must share with the target (a phrase counts as two)
    relative: float = 0.6        # a further target for the same sentence needs this share of the best one's evidence
    scale: float = 6.0           # raw evidence at which the shown score reaches 1 - 1/e
    plan_score: float = 0.9      # a point of an item that considered the plan's report and speaks of the plan
    plan_named_score: float = 0.7  # a point that speaks of the plan in an item whose title names it


SCOPE_WEIGHTS = ScopeWeights()
