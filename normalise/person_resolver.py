"""Mentions of people across one council's documents clustered into persons.

Plans write "Given Family", minutes write "Mrs G Family" and then "Mrs Family", and
spellings drift between documents. Full names anchor the clusters; initial and
surname-only forms join a cluster only when exactly one compatible cluster exists, so
an ambiguous "Mr Family" never glues two different people together.
"""
from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Levenshtein

from plantrace.normalise.names import ParsedName, honorific_gender, parse_name

_COUNCIL_WORDS = re.compile(
    r"\b(the|metropolitan|royal|london|borough|county|city|district|unitary|council|of|mbc|cc|bc|dc)\b"
)


def council_key(council: str) -> str:
    """"X County Council", "X Council" and "X" are the same authority."""
    text = _ascii(council).lower().replace("&", " and ")
    stripped = _COUNCIL_WORDS.sub(" ", text)
    return _slug(stripped) or _slug(text)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _slug(text: str) -> str:
    text = _ascii(text).lower().replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _family_key(family: str) -> str:
    return re.sub(r"[^a-z]", "", _ascii(family).lower())


def _given_close(a: str, b: str) -> bool:
    """Katy/Kati-style spelling drift: at most one edit, only on names of four letters or
    more that start alike, because on short names one edit is a different name (Al/Ali)."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    return (min(len(a), len(b)) >= 4 and a[:2] == b[:2] and Levenshtein.distance(a, b) <= 1)


def _family_close(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 6 and a[0] == b[0] and Levenshtein.distance(a, b) <= 1)


class _Cluster:
    def __init__(self, parsed: ParsedName):
        self.parsed: list[ParsedName] = [parsed]
        self.members: list[int] = []

    @property
    def givens(self) -> list[str]:
        return [p.given for p in self.parsed if p.given]

    @property
    def initials(self) -> set[str]:
        return {p.first_initial for p in self.parsed if p.first_initial}

    @property
    def families(self) -> set[str]:
        return {_family_key(p.family) for p in self.parsed}

    @property
    def genders(self) -> set[str]:
        return {g for p in self.parsed for h in p.honorifics if (g := honorific_gender(h))}

    def accepts_full(self, p: ParsedName) -> bool:
        fam = _family_key(p.family)
        if not any(_family_close(fam, f) for f in self.families):
            return False
        if not self.givens:
            return False
        exact_family = fam in self.families
        return any(_given_close(p.given, g) if exact_family else p.given.lower() == g.lower()
                   for g in self.givens) and self._gender_ok(p)

    def compatible(self, p: ParsedName) -> bool:
        """Initial or surname-only forms: same surname, no clash of initial or gender."""
        if _family_key(p.family) not in self.families or not self._gender_ok(p):
            return False
        return p.first_initial is None or p.first_initial in self.initials or not self.initials

    def _gender_ok(self, p: ParsedName) -> bool:
        mine = {g for h in p.honorifics if (g := honorific_gender(h))}
        return not (mine and self.genders and not mine & self.genders)


def resolve_people(mentions: list[dict]) -> list[dict]:
    """Persons with every mention kept (document and page included), per council.

    Each mention is ``{"council", "name", "role", "doc", "page"}``; ``name`` may carry the
    title too ("Name – Title"), the first name in it is the person. A mention naming
    nobody ("Chair", "TBC") cannot belong to a person and is left out.
    """
    by_council: dict[str, list[int]] = {}
    parsed: dict[int, ParsedName] = {}
    for i, m in enumerate(mentions):
        p = parse_name(m.get("name") or "")
        if p is None:
            continue
        parsed[i] = p
        by_council.setdefault(council_key(m.get("council") or ""), []).append(i)
    persons, ids = [], set()
    for key, idxs in by_council.items():
        for cluster in _cluster(idxs, parsed):
            person = _person(key, cluster, mentions)
            base, n = person["id"], 1
            while person["id"] in ids:  # "Mr Family" and "Mrs Family" left apart
                n += 1
                person["id"] = f"{base}-{n}"
            ids.add(person["id"])
            persons.append(person)
    return persons


def _cluster(idxs: list[int], parsed: dict[int, ParsedName]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    full = [i for i in idxs if parsed[i].given]
    initial = [i for i in idxs if not parsed[i].given and parsed[i].first_initial]
    bare = [i for i in idxs if not parsed[i].given and not parsed[i].first_initial]
    for i in full:
        home = next((c for c in clusters if c.accepts_full(parsed[i])), None)
        _add(clusters, home, i, parsed[i])
    for group in (initial, bare):
        for i in group:
            fits = [c for c in clusters if c.compatible(parsed[i])]
            if len(fits) > 1:  # prefer the clusters that share the honorific's gender
                same = [c for c in fits if c.genders & {honorific_gender(h) for h in parsed[i].honorifics}]
                fits = same or fits
            _add(clusters, fits[0] if len(fits) == 1 else None, i, parsed[i])
    return clusters


def _add(clusters: list[_Cluster], home: _Cluster | None, i: int, p: ParsedName) -> None:
    if home is None:
        home = _Cluster(p)
        clusters.append(home)
    else:
        home.parsed.append(p)
    home.members.append(i)


def _most_common(values: list[str]) -> str | None:
    if not values:
        return None
    return max(values, key=lambda v: (values.count(v), -values.index(v)))


def _person(council: str, cluster: _Cluster, mentions: list[dict]) -> dict:
    given = _most_common(cluster.givens) or _most_common([p.first_initial for p in cluster.parsed
                                                          if p.first_initial])
    family = _most_common([p.family for p in cluster.parsed])
    canonical = f"{given} {family}" if given else family
    honorifics, roles = [], []
    for p in cluster.parsed:
        honorifics.extend(h for h in p.honorifics if h not in honorifics)
    members = sorted(cluster.members)
    for i in members:
        role = mentions[i].get("role")
        if role and role not in roles:
            roles.append(role)
    return {
        "id": f"{council}:{_slug(canonical)}",
        "council": mentions[members[0]].get("council"),
        "canonical": canonical,
        "given": given,
        "family": family,
        "honorifics": honorifics,
        "roles": roles,
        "mentions": [dict(mentions[i]) for i in members],
    }
