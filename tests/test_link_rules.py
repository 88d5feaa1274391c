"""The linker's rules on small hand-made plans, so each rule is shown to hold on its own.

The end-to-end figures (tests/test_link.py) say whether the rules work together on
a real plan; these say which rule is responsible, and stop a change that breaks
one rule from hiding behind the others.
"""
from __future__ import annotations

from plantrace.link.score import ActionDoc, Linker, PointDoc, Scored, SentenceEvidence, keep_links, squash
from plantrace.link.terms import Analyzer, learn_abbreviations

# A small plan whose words are spread the way a real one's are: a handful of
# recommendations, each with a few actions, sharing general vocabulary.
RECS = {
    "1": "Ensure foster carers are recruited and supported so children are placed with foster carers locally.",
    "2": "Ensure supervision of social workers is regular and builds reflective practice for children.",
    "3": "Ensure the corporate parenting board drives improvement for children looked after.",
    "4": "Improve the recording of visits to children by social workers through reflective practice.",
    "5": "Ensure personal education plans are completed for all children looked after, with reflective practice.",
    "6": "Ensure children who go missing have return home interviews.",
}
ACTIONS = [
    ("1.1", "1", "Foster carer recruitment campaign to be developed", ["Leaflets delivered to coffee shops",
                                                                        "Radio advertisement is set up"]),
    ("1.2", "1", "Address current issues with some foster carers where complaints are present",
     ["Offer to meet with all foster carers in question"]),
    ("1.3", "1", "Review the fostering model to support foster carers", ["Review foster carer fees"]),
    ("1.4", "1", "Sufficiency strategy for the recruitment of foster carers", ["Statement in progress"]),
    ("2.1", "2", "Supervision policy to be revised to include group supervision", ["In progress"]),
    ("2.2", "2", "Group supervision to commence", ["Completed, needs embedding"]),
    ("2.3", "2", "Managers receive training on group supervision", ["Workshop on delivering supervision"]),
    ("2.4", "2", "Group supervision to oversee casework", ["Group supervision reviews drift"]),
    ("2.5", "2", "Reflective practice sessions to be booked", ["Sessions booked"]),
    ("3.1", "3", "Update the CPB strategy", ["In progress"]),
    ("3.2", "3", "Update the terms of reference of the CPB", ["In progress"]),
    ("3.3", "3", "Deliver CPB training to members", ["Training took place in March"]),
    ("4.1", "4", "Recording guidance to be issued to social workers", ["Guidance written and given to staff"]),
    ("4.2", "4", "Audit visits monthly", ["Monthly audit tool introduced", "Group supervision to check visits"]),
    ("5.1", "5", "New process for Personal Education Plans (PEP) to be introduced", ["Flowchart circulated"]),
    ("5.2", "5", "PEP timescales to be reduced", ["Timescales agreed with schools"]),
    ("6.1", "6", "Missing tracker to track absent episodes", ["Tracker introduced in March"]),
    ("6.2", "6", "Return home interviews shared with the duty manager", ["Interviews logged weekly"]),
    ("6.3", "6", "Specialist provision commissioned for children at risk", ["Contract signed"]),
    ("6.4", "6", "Risk tool to be launched", ["Tool launched and in use"]),
]


def _linker() -> Linker:
    actions = [ActionDoc(i, code, rec, text, updates, RECS[rec]) for i, (code, rec, text, updates) in enumerate(ACTIONS)]
    texts = [a.text for a in actions] + [u for a in actions for u in a.updates] + list(RECS.values())
    return Linker(actions, Analyzer(learn_abbreviations(texts)), plan_title="Improvement Plan for Children")


LINKER = _linker()


def _links(text: str, title: str = "Improvement plan progress") -> list:
    return keep_links(LINKER.rank(PointDoc(1, text, title)))


def _codes(text: str, title: str = "Improvement plan progress") -> list[str]:
    return [s.action.code for s in _links(text, title)]


def test_a_specific_word_with_support_links_and_the_evidence_names_it():
    links = _links("New leaflets and posters were prepared to raise the profile for foster carers.")
    assert [s.action.code for s in links] == ["1.1"]
    assert "anchor: leaflets" in links[0].evidence and "Leaflets delivered" in links[0].evidence


def test_words_every_fostering_action_shares_do_not_link_in_a_fostering_item():
    assert _codes("Audits were expanded to include foster carers in the process.",
                  title="Fostering service: internal audit") == []


def test_one_rare_word_alone_is_a_coincidence():
    # "specialist" is in one action only, but nothing else of the statement is
    scored = LINKER.rank(PointDoc(1, "More specialist courses can now be offered to volunteers.", "Volunteering"))
    assert _codes("More specialist courses can now be offered to volunteers.", "Volunteering") == []
    specialist = next(s for s in scored if s.action.code == "6.3")
    assert "one rare word" in specialist.evidence


def test_words_split_over_two_sentences_do_not_add_up():
    # the same two words tie the point to 6.2 when said together, not when said apart
    assert "6.2" in _codes("Return home interviews were now shared with the manager.")
    assert "6.2" not in _codes("Several carers were returning to the service. Interviews for a new post were held.")


def test_ordinary_words_said_together_can_stand_in_for_a_rare_one():
    # "group supervision" and "introduced" are each in several actions, together only in 2.2
    assert LINKER.df["group_supervision"] > LINKER.rare_df and LINKER.df["introduc"] > LINKER.rare_df
    links = _links("Group supervision had been introduced within the team.")
    assert [s.action.code for s in links] == ["2.2"]
    assert "together in 1 of" in links[0].evidence


def test_an_abbreviation_matches_its_spelled_out_form_both_ways():
    assert "3.2" in _codes("The Terms of Reference (TOR) of the board were due to be updated.")
    assert "5.1" in _codes("A new PEP process had been introduced.")


def test_a_point_naming_two_things_links_to_both_actions():
    # strategy and terms of reference are two things the point says, one per action
    assert set(_codes("The Corporate Parenting Strategy and Terms of Reference were due to be updated.")) == \
        {"3.1", "3.2"}


def _scored(code: str, raw: float, words: set[str]) -> Scored:
    action = ActionDoc(int(code.replace(".", "")), code, code.split(".")[0], code)
    return Scored(action, raw, squash(raw), code, {0: SentenceEvidence(raw, True, code, frozenset(words))}, 3.0)


def test_a_further_link_must_match_something_the_best_one_does_not():
    best = _scored("1.5", 10.0, {"monthly", "director", "holder"})
    echo = _scored("3.1", 9.0, {"monthly"})            # nearly as strong, but only a part of the best's words
    other = _scored("7.1", 9.0, {"strategy"})          # as strong and says something the best does not
    tie = _scored("1.6", 10.0, {"monthly", "director", "holder"})
    assert [s.action.code for s in keep_links([best, echo, other, tie])] == ["1.5", "1.6", "7.1"]
    weak = _scored("9.9", 5.0, {"strategy"})           # new words, but far weaker than the best
    assert [s.action.code for s in keep_links([best, weak])] == ["1.5"]


def test_the_plans_general_vocabulary_does_not_tie_a_point_to_one_action():
    # "reflective practice" is in one action's wording but in half the recommendations: it is how the
    # plan talks, not what one action is about
    (phrase,) = [t for t in LINKER.analyzer.terms("reflective practice").counts if "_" in t]
    assert LINKER.plan_wide(phrase) and LINKER.distinctive(phrase)
    assert _codes("Reflective practice was discussed with members.") == []
    assert _codes("Reflective practice sessions had been booked.") == ["2.5"]


def test_a_point_outside_the_plan_gets_no_link():
    assert _codes("Members thanked the students for their presentations on religious studies.",
                  title="Standing Advisory Council on Religious Education annual report") == []
