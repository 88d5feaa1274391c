"""Owner-cell splitting and person resolution, scored on the gold and on invented names."""
from __future__ import annotations

import html

import pytest

from plantrace.normalise.people import split_owner_cell
from plantrace.normalise.person_resolver import council_key, resolve_people


def _mention_index(people_gold: dict) -> dict:
    index = {}
    for person in people_gold["persons"]:
        for m in person["mentions"]:
            index[(m["doc"], html.unescape(m["text"]))] = person["id"]
    return index


def _cell_ok(cell: dict, result: dict, index: dict) -> tuple[bool, list, list]:
    got = [index.get((cell["doc"], p["name"]), "?" + p["name"]) for p in result["persons"]]
    ok = sorted(got) == sorted(cell["persons"]) and sorted(result["groups"]) == sorted(cell["groups"])
    return ok, got, result["groups"]


def _score(gold, use_lines: bool) -> tuple[int, int, list]:
    people = gold("people.json")
    index = _mention_index(people)
    n_ok, wrong = 0, []
    for cell in people["cells"]:
        lines = cell["text"].split(" | ") if use_lines else None
        ok, got_p, got_g = _cell_ok(cell, split_owner_cell(cell["text_contract"], lines), index)
        n_ok += ok
        if not ok:
            wrong.append((cell["text"], (cell["persons"], cell["groups"]), (got_p, got_g)))
    return n_ok, len(people["cells"]), wrong


@pytest.mark.parametrize("use_lines", [True, False], ids=["lines", "contract"])
def test_gold_owner_cells(gold, use_lines):
    n_ok, n, wrong = _score(gold, use_lines)
    form = "lines" if use_lines else "contract text"
    print(f"\nowner cells ({form}): {n_ok}/{n} exact ({100 * n_ok / n:.1f}%)")
    for text, expected, got in wrong:
        print(f"  WRONG {text!r}\n    expected {expected}\n    got      {got}")
    assert n_ok / n >= 0.98


def test_gold_roles_given_with_lines(gold):
    people = gold("people.json")
    index = _mention_index(people)
    n_ok = 0
    for cell in people["cells"]:
        result = split_owner_cell(cell["text_contract"], cell["text"].split(" | "))
        roles = {index.get((cell["doc"], p["name"])): p["role"] for p in result["persons"] if p["role"]}
        n_ok += roles == {k: html.unescape(v) for k, v in cell.get("roles_given", {}).items()}
    print(f"\nroles given (lines): {n_ok}/{len(people['cells'])}")
    assert n_ok / len(people["cells"]) >= 0.98


def _bcubed(gold_ids: list[str], pred_ids: list[str]) -> float:
    n = len(gold_ids)
    p = r = 0.0
    for i in range(n):
        same_pred = {j for j in range(n) if pred_ids[j] == pred_ids[i]}
        same_gold = {j for j in range(n) if gold_ids[j] == gold_ids[i]}
        inter = len(same_pred & same_gold)
        p += inter / len(same_pred)
        r += inter / len(same_gold)
    p, r = p / n, r / n
    return 2 * p * r / (p + r)


def test_gold_person_clusters_bcubed(gold):
    people = gold("people.json")
    mentions, gold_ids = [], []
    for person in people["persons"]:
        for m in person["mentions"]:
            # alternate council spellings: both must land on one key
            council = person["council"] + (" County Council" if len(mentions) % 2 else "")
            mentions.append({"council": council, "name": m["text"], "role": m.get("role"),
                             "doc": m["doc"], "page": None, "k": len(mentions)})
            gold_ids.append(person["id"])
    pred = {m["k"]: p["id"] for p in resolve_people(mentions) for m in p["mentions"]}
    pred_ids = [pred.get(i, f"unresolved-{i}") for i in range(len(mentions))]
    f1 = _bcubed(gold_ids, pred_ids)
    print(f"\nperson clusters B-cubed F1: {f1:.4f} over {len(mentions)} mentions")
    assert f1 >= 0.95


# --- invented names -------------------------------------------------------------------

def test_name_dash_role():
    r = split_owner_cell("Harriet Quillfeather – Head of Family Support")
    assert r == {"persons": [{"name": "Harriet Quillfeather", "role": "Head of Family Support"}],
                 "groups": []}


def test_role_dash_name():
    r = split_owner_cell("Performance Manager – Osric Penhallow")
    assert r["persons"] == [{"name": "Osric Penhallow", "role": "Performance Manager"}]
    assert r["groups"] == []


def test_name_comma_role():
    r = split_owner_cell("Mrs Ottoline Brackwater, Virtual School Headteacher")
    assert r["persons"] == [{"name": "Mrs Ottoline Brackwater", "role": "Virtual School Headteacher"}]


def test_two_names_on_separate_lines_and_jammed():
    lines = ["• Tobias Fennimore", "Delphine Oakshott – Quality Lead"]
    r = split_owner_cell(" ".join(lines), lines)
    assert r["persons"] == [{"name": "Tobias Fennimore", "role": None},
                            {"name": "Delphine Oakshott", "role": "Quality Lead"}]
    jammed = split_owner_cell("Tobias Fennimore Delphine Oakshott")
    assert [p["name"] for p in jammed["persons"]] == ["Tobias Fennimore", "Delphine Oakshott"]


def test_pure_groups_and_wrapped_post():
    assert split_owner_cell("Residential Services - Team Managers") == {
        "persons": [], "groups": ["Residential Services - Team Managers"]}
    wrapped = split_owner_cell("Placements and Commissioning Team Manager",
                               ["Placements and Commissioning", "Team Manager"])
    assert wrapped["groups"] == ["Placements and Commissioning Team Manager"]
    assert split_owner_cell("TBC") == {"persons": [], "groups": []}


def test_a_plural_post_is_every_listed_name_s_post():
    r = split_owner_cell("Heads of Service – Osric Penhallow, Tobias Fennimore and Delphine Oakshott")
    assert [p["role"] for p in r["persons"]] == ["Heads of Service"] * 3
    after = split_owner_cell("Osric Penhallow and Tobias Fennimore – Team Managers")
    assert [p["role"] for p in after["persons"]] == ["Team Managers"] * 2
    # a singular post after a list is the last name's only (its own words say so)
    single = split_owner_cell("Osric Penhallow and Tobias Fennimore – Head of Family Support")
    assert [p["role"] for p in single["persons"]] == [None, "Head of Family Support"]
    # the list ends where another separator starts
    mixed = split_owner_cell("Heads of Service – Osric Penhallow; Tobias Fennimore")
    assert [p["role"] for p in mixed["persons"]] == ["Heads of Service", None]


def test_same_name_twice_in_cell_is_one_person():
    r = split_owner_cell("Osric Penhallow – Data Officer Osric Penhallow")
    assert r["persons"] == [{"name": "Osric Penhallow", "role": "Data Officer"}]


def _by_name(persons, text):
    return next(p for p in persons if any(m["name"] == text for m in p["mentions"]))


def _m(name, council="Westmarch Borough Council", doc="d1", page=1, role=None):
    return {"council": council, "name": name, "role": role, "doc": doc, "page": page}


def test_honorific_initial_merges_with_full_name():
    persons = resolve_people([_m("Harriet Quillfeather", doc="plan"), _m("Dr H Quillfeather", doc="min"),
                              _m("Dr Quillfeather", doc="min", page=4), _m("Miss Quillfeather", doc="min")])
    assert len(persons) == 1
    p = persons[0]
    assert (p["id"], p["given"], p["family"]) == ("westmarch:harriet-quillfeather", "Harriet", "Quillfeather")
    assert p["honorifics"] == ["Dr", "Miss"]
    assert {(m["doc"], m["page"]) for m in p["mentions"]} == {("plan", 1), ("min", 1), ("min", 4)}


def test_no_merge_across_councils():
    persons = resolve_people([_m("Osric Penhallow"), _m("Osric Penhallow", council="Eastvale"),
                              _m("Mr O Penhallow", council="Westmarch")])
    assert len(persons) == 2
    assert council_key("Westmarch Borough Council") == council_key("Westmarch") == "westmarch"
    west = _by_name(persons, "Mr O Penhallow")
    assert len(west["mentions"]) == 2 and west["id"].startswith("westmarch:")


def test_near_spelling_given_name_merges():
    persons = resolve_people([_m("Rosalyn Dunmere"), _m("Rosalin Dunmere")])
    assert len(persons) == 1


def test_different_given_names_same_family_stay_apart():
    persons = resolve_people([_m("Edmund Hartwell"), _m("Edith Hartwell"), _m("Mr E Hartwell"),
                              _m("Al Hartwell"), _m("Ali Hartwell")])
    assert len(_by_name(persons, "Edmund Hartwell")["mentions"]) == 1  # "Mr E" could be either
    assert _by_name(persons, "Edmund Hartwell") is not _by_name(persons, "Edith Hartwell")
    assert _by_name(persons, "Al Hartwell") is not _by_name(persons, "Ali Hartwell")


def test_surname_only_needs_a_compatible_initial_and_gender():
    persons = resolve_people([_m("Mrs G Thistlewood"), _m("Mr Thistlewood"), _m("Mrs Thistlewood"),
                              _m("Mr K Thistlewood")])
    mrs = _by_name(persons, "Mrs G Thistlewood")
    assert {m["name"] for m in mrs["mentions"]} == {"Mrs G Thistlewood", "Mrs Thistlewood"}
    assert {m["name"] for m in _by_name(persons, "Mr K Thistlewood")["mentions"]} == {
        "Mr K Thistlewood", "Mr Thistlewood"}


def test_progress_report_lead_officers_pair_names_with_posts():
    """002's narrow Lead Officer column: each row's cell is one entry, so a name
    printed before its post ("Nicci Collins Head of Service ...") keeps it."""
    from plantrace.ingest.batch import extract_file

    from .conftest import pdf_path

    record, _ = extract_file(pdf_path("002"))
    recs = {r["number"]: r for r in record["plan"]["recommendations"]}

    def owners(number):
        return {(p["name"], p["role"]) for p in recs[number]["accountable"] if not p.get("group")}

    assert owners("16") == {("Nicci Collins", "Head of Service Children in Care"),
                            ("Anita Gurry", "Head of Fieldwork Service")}
    assert ("Nicci Collins", "Head of Service CIC") in owners("1")
    # "Head of Practic Excellence Moira O'Hagar": a column of "Post – Name" entries gives
    # the post before her name to her, and the post's lost letter comes back
    assert ("Moira O'Hagar", "Head of Practice Excellence") in owners("2")
    assert owners("9") == {("Anita Gurry", "Head of Service Field Social Work"),
                           ("Donna Smalley", "Service Manager Child Sexual Exploitation")}
    assert not any(p.get("group") for n in ("1", "9", "16") for p in recs[n]["accountable"])
    # "Heads of Service – Chris Thomas, Anita Gurry and Nicci Collins": the post is each one's;
    # Nicci Collins keeps the post a line above names her by
    five = dict(owners("5"))
    assert five["Chris Thomas"] == five["Anita Gurry"] == "Heads of Service"
    assert five["Nicci Collins"] == "Head of Service Children in Care"


def test_post_before_name_without_dash_follows_the_column_rule():
    """A column that writes "Post – Name" gives a post printed right before a name
    to that person; a column of bare names keeps such a post as its own owner."""
    from plantrace.normalise.people import role_first_column

    column = ["Head of Service Field Social Work – Ann Example", "Service Manager – Bo Sample",
              "Assistant Director Children's Social Care – Cy Person"]
    assert role_first_column(column)
    assert not role_first_column(["Ann Example", "Bo Sample – Service Manager", "IHWB Programme Manager Cy Person"])
    cell = "Head of Practice Excellence Dee Person"
    assert split_owner_cell(cell, [cell], role_first=True)["persons"] == [
        {"name": "Dee Person", "role": "Head of Practice Excellence"}]
    assert split_owner_cell(cell, [cell])["groups"] == ["Head of Practice Excellence"]


def test_a_post_missing_its_last_letter_is_mended_from_the_document():
    from plantrace.normalise.repair import Mender

    mend = Mender(["The Practice Excellence Team", "Practice Standards", "practice notes", "Plans and the Plan",
                   "Head of Practic Excellence Moira O'Hagar", "Plans", "Plans"])
    assert mend.text("Head of Practic Excellence") == "Head of Practice Excellence"
    assert mend.text("Plan") == "Plan"  # a plural is another word, not damage
    assert mend.text("Practice Manager") == "Practice Manager"


def test_a_surname_wrapped_onto_its_own_line_stays_with_its_name():
    # a narrow monitor column prints "Tim O'Neill Rebecca" / "Wilshire": two people, not
    # "Tim O'Neill Rebecca" and a group called "Wilshire"
    r = split_owner_cell("Tim O'Neill Rebecca Wilshire", ["Tim O'Neill Rebecca", "Wilshire"])
    assert [p["name"] for p in r["persons"]] == ["Tim O'Neill", "Rebecca Wilshire"] and r["groups"] == []
    # a body's initials on their own line are still their own owner
    r = split_owner_cell("Kate Dexter DMT", ["Kate Dexter", "DMT"])
    assert [p["name"] for p in r["persons"]] == ["Kate Dexter"] and r["groups"] == ["DMT"]
