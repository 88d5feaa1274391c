"""Owner cells of action plans split into named people (with the title given) and
unnamed posts or teams.

Extraction loses layout: list items are glued with spaces, several people are jammed
into one cell, titles wrap over several list items. The separators that survive
(dashes, commas, brackets, item boundaries when the extractor keeps them) decide whether
title text belongs to the person next to it or stands alone as a group.
"""
from __future__ import annotations

from plantrace.normalise.names import (
    PLACEHOLDERS,
    Tok,
    clean_text,
    parse_name,
    person_spans,
    tokenize,
)

_ROLE_SEPS = {",", ":", "–", "—", "-", "‒", "―"}
_TRIM = {"SEP", "CONJ", "DASH"}


def split_owner_cell(text: str, lines: list[str] | None = None, role_first: bool = False) -> dict:
    """``{"persons": [{"name", "role"}], "groups": [str]}`` for one owner cell.

    ``lines`` (the cell's list items or physical lines) is preferred when the extractor has
    it: an item boundary is the only evidence that title text right after a name without
    a dash is a separate post rather than that person's title.

    ``role_first``: the column writes "Post – Name" as its rule (see ``role_first_column``),
    so a post printed right before a name without the dash is still that person's post.
    """
    if lines:
        items, item_mode = _merge_items([clean_text(x) for x in lines if clean_text(x)]), True
    else:
        items, item_mode = [clean_text(text)], False
    persons: list[dict] = []
    groups: list[str] = []
    for item in items:
        if item.lower() in PLACEHOLDERS:
            continue
        found, grp = _analyse(item, title_follows_name=item_mode, role_first=role_first)
        persons.extend(found)
        groups.extend(g for g in grp if g.lower() not in PLACEHOLDERS and g not in groups)
    return {"persons": _dedupe(persons), "groups": groups}


def _merge_items(items: list[str]) -> list[str]:
    """Titles wrap over list items ("Fostering and Adoption" / "Team Manager"); an item
    that cannot stand alone is glued back onto the one before."""
    merged: list[str] = []
    prev_toks: list[Tok] = []
    prev_spans: list[tuple[int, int]] = []
    for item in items:
        toks = tokenize(item)
        spans = person_spans(toks)
        if merged and toks and not (spans and spans[0][0] == 0) and _continues(prev_toks, prev_spans, toks):
            merged[-1] = f"{merged[-1]} {item}"
            prev_toks = tokenize(merged[-1])
            prev_spans = person_spans(prev_toks)
            continue
        merged.append(item)
        prev_toks, prev_spans = toks, spans
    return merged


def _continues(prev: list[Tok], prev_spans: list[tuple[int, int]], cur: list[Tok]) -> bool:
    if not prev:
        return False
    if _half_name(prev) and cur[0].kind == "NAME" and (len(cur) == 1 or cur[1].kind != "NAME"):
        return True  # "Heads of Service – Ann" / "Example, Bo Sample": a name cut in two
    if len(cur) == 1 and cur[0].kind == "NAME" and prev[-1].kind == "NAME" and not person_spans(cur):
        return True  # "Ann Example Bo" / "Sample": a surname that cannot stand alone, wrapped
    if prev_spans and prev_spans[-1][1] == len(prev):
        return False  # the previous item ends on a name: a new item is a new owner
    if cur[0].kind in {"CONJ", "LOWER"} or len(cur) == 1:
        return True
    return prev[-1].kind in {"ROLE", "LOWER", "CONJ", "DASH"}


def _half_name(toks: list[Tok]) -> bool:
    """An item ending in one name word right after a dash or comma: a given name
    whose surname went to the next item."""
    return len(toks) >= 2 and toks[-1].kind == "NAME" and toks[-2].kind in {"DASH", "SEP"}


def _text(item: str, toks: list[Tok]) -> str:
    toks = _strip(toks)
    if not toks:
        return ""
    return item[toks[0].start:toks[-1].end].strip()


def _strip(toks: list[Tok]) -> list[Tok]:
    """Separators and "and"/"the" at the edges of a stretch belong to neither side."""
    i, j = 0, len(toks)
    while i < j and (toks[i].kind in _TRIM and toks[i].text != "(" or toks[i].text.lower() == "the"):
        i += 1
    while j > i and toks[j - 1].kind in _TRIM and toks[j - 1].text != ")":
        j -= 1
    return toks[i:j]


def _is_content(toks: list[Tok]) -> bool:
    return any(t.kind not in {"SEP", "CONJ", "DASH"} for t in toks)


def role_first_column(cells: list[str]) -> bool:
    """Whether a column's entries are written "Post – Name": most entries that pair a
    post with a name by a dash put the post first."""
    first = last = 0
    for cell in cells:
        toks = tokenize(clean_text(cell))
        spans = person_spans(toks)
        for s, e in spans:
            if s >= 2 and toks[s - 1].kind == "DASH" and toks[s - 2].kind in _POST:
                first += 1
            if e + 1 < len(toks) and toks[e].kind == "DASH" and toks[e + 1].kind in _POST:
                last += 1
    return first >= 2 and first > 2 * last


_POST = {"HEAD", "ROLE", "ACRO"}
# Plural nouns for people in posts: "Heads of Service – A, B and C" gives the post to all three.
_PLURAL_POSTS = {
    "heads", "managers", "directors", "officers", "leads", "leaders", "coordinators", "co-ordinators",
    "practitioners", "workers", "advisors", "advisers", "chairs", "owners", "members", "representatives",
    "supervisors", "specialists", "consultants", "commissioners", "sponsors",
}


def _plural_post(toks: list[Tok]) -> bool:
    """Whether a post's head noun (its last head word before any "of") names several people."""
    heads = []
    for t in toks:
        if t.text.lower() == "of":
            break
        if t.kind == "HEAD":
            heads.append(t.text.lower())
    return bool(heads) and heads[-1] in _PLURAL_POSTS


def _listed(gap: list[Tok]) -> bool:
    """Only list punctuation between two names: ", ", " and ", " & "."""
    return bool(gap) and all(t.kind in ("SEP", "CONJ") and t.text not in (";", "(", ")") for t in gap)


def _share_plural_post(persons: list[dict], toks: list[Tok], spans: list[tuple[int, int]],
                       post: list[Tok], first: int, step: int) -> None:
    """Give a plural post printed before (step 1) or after (step -1) a list of names to
    every name of the list that has no post of its own."""
    if not _plural_post(post):
        return
    role = persons[first]["role"]
    k = first
    while 0 <= k + step < len(spans):
        left, right = (spans[k], spans[k + step]) if step == 1 else (spans[k + step], spans[k])
        if not _listed(toks[left[1]:right[0]]):
            break
        k += step
        persons[k]["role"] = persons[k]["role"] or role


def _analyse(item: str, title_follows_name: bool, role_first: bool = False) -> tuple[list[dict], list[str]]:
    toks = tokenize(item)
    spans = person_spans(toks)
    persons = [{"name": item[toks[s].start:toks[e - 1].end], "role": None} for s, e in spans]
    groups: list[str] = []
    if not spans:
        return [], _groups(item, toks)
    lead = toks[:spans[0][0]]
    if _is_content(lead):
        if lead[-1].text in _ROLE_SEPS or lead[-1].text == "(":
            persons[0]["role"] = _role(item, lead)  # "Title – Name"
            _share_plural_post(persons, toks, spans, lead, 0, 1)
        elif role_first and any(t.kind in ("HEAD", "ROLE") for t in lead):
            persons[0]["role"] = _role(item, lead)  # "Title Name" where the column writes "Title – Name"
        else:
            groups.extend(_groups(item, lead))
    for k, (s, e) in enumerate(spans):
        nxt = spans[k + 1][0] if k + 1 < len(spans) else len(toks)
        gap = toks[e:nxt]
        if gap and gap[0].text == "(" and any(t.text == ")" for t in gap):
            close = next(i for i, t in enumerate(gap) if t.text == ")")
            inner = gap[1:close]
            if inner and all(t.kind == "ACRO" for t in inner):
                groups.extend(t.text for t in inner)  # "Name (ABC)": the body they sit on
            elif _is_content(inner):
                persons[k]["role"] = _role(item, inner)
            gap = gap[close + 1:]
        if not _is_content(gap):
            continue
        if gap[0].text in _ROLE_SEPS:
            persons[k]["role"] = persons[k]["role"] or _role(item, gap)
            if k + 1 == len(spans):
                _share_plural_post(persons, toks, spans, gap, k, -1)  # "A and B – Team Managers"
        elif k + 1 < len(spans) and gap[-1].kind == "DASH":
            persons[k + 1]["role"] = _role(item, gap)
        elif title_follows_name and persons[k]["role"] is None:
            persons[k]["role"] = _role(item, gap)
        else:
            groups.extend(_groups(item, gap))
    return persons, groups


def _role(item: str, toks: list[Tok]) -> str | None:
    return _text(item, toks) or None


def _groups(item: str, toks: list[Tok]) -> list[str]:
    """Unnamed posts in a stretch of title text. Semicolons separate them, and so does the
    end of an "X of ACRONYM" title when another complete title follows it jammed on."""
    out, part = [], []
    for tok in toks:
        if tok.text == ";":
            out.append(part)
            part = []
        else:
            part.append(tok)
    out.append(part)
    texts = []
    for part in out:
        for piece in _split_after_acronym(part):
            text = _text(item, piece)
            if text:
                texts.append(text)
    return texts


def _split_after_acronym(toks: list[Tok]) -> list[list[Tok]]:
    for k in range(2, len(toks) - 1):
        left, right = toks[:k], toks[k:]
        if (left[-1].kind == "ACRO" and any(t.text.lower() == "of" for t in left[:-1])
                and len(right) >= 2 and right[0].text[0].isupper() and right[-1].kind == "HEAD"):
            return [left] + _split_after_acronym(right)
    return [toks]


def _dedupe(persons: list[dict]) -> list[dict]:
    """The same name twice in one cell is one owner; the title given either time is kept."""
    out: list[dict] = []
    seen: dict[tuple, dict] = {}
    for p in persons:
        parsed = parse_name(p["name"])
        key = ((parsed.given or parsed.initials).lower(), parsed.family.lower()) if parsed else (p["name"].lower(),)
        if key in seen:
            seen[key]["role"] = seen[key]["role"] or p["role"]
            continue
        seen[key] = dict(p)
        out.append(seen[key])
    return out
