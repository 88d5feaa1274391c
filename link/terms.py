"""Distinctive terms of a text, comparable across a plan and its minutes.

A minute says "fostering", "carers" and "CPB" where the plan says "foster",
"carer" and "Corporate Parenting Board": both sides are reduced to the same
stems, abbreviations are spelled out (learned from "Long Form (LF)" in the
documents themselves, plus a few abbreviations every council uses), and
adjacent content words are kept as pairs so "adoption panel" outweighs the
loose words "adoption" and "panel". spaCy's blank English tokenizer and stop
words are used; lemmas come from a small suffix stripper because blank English
has no lemma tables unless spacy-lookups-data is installed, and a stemmer that
behaves the same everywhere keeps scores reproducible.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import spacy
from spacy.lang.en.stop_words import STOP_WORDS

# Abbreviations used across English local government papers, whether or not a
# document spells them out. Document-defined ones are learned and win.
COMMON_ABBREVIATIONS = {
    "TOR": "terms of reference",
    "PFH": "portfolio holder",
    "CSC": "children's social care",
    "CLA": "children looked after",
    "LAC": "looked after children",
    "CIC": "children in care",
    "ADM": "agency decision maker",
    "IRO": "independent reviewing officer",
    "PEP": "personal education plan",
    "SLA": "service level agreement",
    "HOS": "head of service",
    "DCS": "director of children's services",
    "QA": "quality assurance",
    "SW": "social worker",
    "F&A": "fostering and adoption",
}

# Words that carry the minute's grammar, not its subject.
MINUTE_WORDS = {
    "advise", "advised", "note", "noted", "notes", "ask", "asked", "query", "queried", "agree", "agreed",
    "state", "stated", "confirm", "confirmed", "suggest", "suggested", "explain", "explained", "thank",
    "thanked", "welcome", "welcomed", "said", "point", "points", "discussion", "also", "would", "could",
    "mr", "mrs", "ms", "miss", "dr", "cllr", "councillor", "chair", "chairman", "le", "etc", "eg", "e.g.", "i.e.",
    "whether", "therefore", "however", "within", "around", "going", "forward",
}
# Words so common in committee papers that sharing them says nothing about the subject.
GENERIC_WORDS = {
    "new", "work", "worked", "working", "take", "took", "look", "looking", "need", "needed", "member", "members",
    "year", "years", "level", "levels", "role", "provide", "provided", "include", "included", "allow", "allowing",
    "able", "good", "better", "county", "council", "area", "areas", "way", "case", "cases", "number", "time",
    "make", "made", "give", "given", "use", "used", "good", "well", "great", "key", "order", "specific",
    "future", "previous", "current", "currently", "recent", "recently", "regular", "regularly", "continue",
    "continued", "place", "areas", "service", "services", "people", "person", "local", "enable", "change",
    "changes", "changed", "progress", "progressed", "ensure", "ensuring", "improve", "improvement", "report",
    "reports", "meeting", "meetings", "officer", "officers", "month", "months", "week", "weeks",
    "action", "actions", "plan", "plans", "rag", "complete", "completed", "embed", "embedded", "process",
    "processes", "team", "teams", "receive", "received", "receiving",
}
HONORIFICS = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Prof|Sir|Dame|Lady|Lord)"
PERSON_RE = re.compile(rf"\b{HONORIFICS}\.?\s+(?:[A-Z]\.?\s+)?([A-Z][a-zA-Z'’-]+(?:-[A-Z][a-zA-Z'’-]+)?)")

NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "first": "1",
                "second": "2", "third": "3", "fourth": "4"}
# Generic plan-speak: different words for the same step, as minutes and plans use them.
SYNONYMS = {
    "commenc": "introduc", "commence": "introduc", "launch": "introduc", "implement": "introduc", "start": "introduc",
    "begin": "introduc", "revis": "updat", "refresh": "updat", "rewritten": "updat",
    "re-written": "updat", "advertis": "promot", "advertisement": "promot", "publicis": "promot",
    "cours": "programm",
}
IRREGULAR = {"children": "child", "men": "man", "women": "woman", "people": "people", "data": "data",
             "bi-monthly": "bimonth", "minutes": "minute", "staff": "staff", "process": "process"}
CONCEPT_WORD_WEIGHT = 0.3
CONNECTORS = {"of", "and", "for", "the", "&", "in", "on", "to"}


def stem(word: str) -> str:
    """Reduce an inflected word to a stem shared with its relatives (carers/carer, fostering/foster)."""
    w = word.lower().replace("’", "'")
    if w in IRREGULAR:
        return IRREGULAR[w]
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    if not w.isalpha() or len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w in SYNONYMS:
        return SYNONYMS[w]
    for suffix in ("ingly", "ings", "ing", "edly", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]
            break
    if w in SYNONYMS or w + "e" in SYNONYMS:
        return SYNONYMS.get(w) or SYNONYMS[w + "e"]
    for suffix in ("ance", "ence", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return SYNONYMS.get(w, w)


@lru_cache(maxsize=1)
def _nlp():
    return spacy.blank("en")


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in CONNECTORS and w[:1].isalpha()).upper()


def learn_abbreviations(texts) -> dict[str, str]:
    """Abbreviations the documents define themselves: "Long Form (LF)" and "LF (Long Form)"."""
    found: dict[str, str] = {}
    for text in texts:
        if not text:
            continue
        for m in re.finditer(r"\(([A-Z][A-Za-z&]{1,7})'?s?\)", text):
            abbr = m.group(1)
            before = re.findall(r"[A-Za-z'’&-]+", text[max(0, m.start() - 120): m.start()])
            letters = abbr.replace("&", "").upper()
            for n in range(len(letters), len(letters) + 4):
                words = before[-n:]
                if len(words) >= 2 and _initials(words) == letters and words[0][:1].isupper():
                    found.setdefault(abbr.upper(), " ".join(words))
                    break
        for m in re.finditer(r"\b([A-Z]{2,7})s?\s+\(([^()]{4,80})\)", text):
            words = re.findall(r"[A-Za-z'’&-]+", m.group(2))
            if _initials(words) == m.group(1):
                found.setdefault(m.group(1), " ".join(words))
    return found


def _bare(text: str) -> str:
    """A long form without possessives, case or spacing: "Children's Social Care" = "children social care"."""
    return " ".join(re.sub(r"['’]s$", "", w).rstrip("'’") for w in text.lower().split())


def _loose(long_form: str) -> str:
    """A pattern for a long form that tolerates a missing or added possessive on any word."""
    words = [re.sub(r"['’]s$", "", w) for w in long_form.split()]
    return r"\s+".join(re.escape(w) + r"(?:['’]s|s['’]|['’])?" for w in words)


_REPREFIX = re.compile(r"\b([Rr]e)-([a-z]{3,})")


def _unprefix(m: re.Match) -> str:
    """"re-written" is one word to a reader, but the tokenizer splits it; keep it whole when it is a known
    synonym (rewritten = updated) and otherwise keep the stem word ("re-structure" ~ "structure")."""
    joined = m.group(1) + m.group(2)
    return joined if joined.lower() in SYNONYMS else m.group(2)


@dataclass
class Terms:
    """Weighted stems of one text, with the words they came from for evidence."""

    counts: dict[str, float] = field(default_factory=dict)
    surface: dict[str, str] = field(default_factory=dict)

    def add(self, term: str, weight: float = 1.0, shown: str | None = None) -> None:
        self.counts[term] = self.counts.get(term, 0.0) + weight
        if shown and term not in self.surface:
            self.surface[term] = shown

    def merge(self, other: "Terms", weight: float = 1.0) -> "Terms":
        for term, n in other.counts.items():
            self.add(term, n * weight, other.surface.get(term))
        return self

    @property
    def length(self) -> float:
        return sum(self.counts.values())


class Analyzer:
    """Turns texts into Terms with one shared set of abbreviations."""

    def __init__(self, abbreviations: dict[str, str] | None = None, ignore: set[str] = frozenset()):
        self.ignore = {w.lower() for w in ignore}
        self.abbreviations = {**COMMON_ABBREVIATIONS, **(abbreviations or {})}
        keys = sorted(self.abbreviations, key=len, reverse=True)
        self._abbr_re = re.compile(r"(?<![A-Za-z])(" + "|".join(re.escape(k) for k in keys) + r")(?:'?s)?(?![A-Za-z])")

    def expand(self, text: str) -> str:
        """Spell out abbreviations (for reading); scoring uses concept() instead."""
        return self._abbr_re.sub(lambda m: " " + self.abbreviations[m.group(1)] + " ", text)

    def _concepts(self, text: str) -> str:
        """Mark "CPB" and "Corporate Parenting Board" alike as one concept, so a long name is not
        counted as three matches; its words still count a little on their own."""
        if not hasattr(self, "_long_re"):
            forms = sorted(self.abbreviations.items(), key=lambda kv: -len(kv[1]))
            self._long = {_bare(v): k for k, v in forms}
            self._long_re = re.compile(r"\b(" + "|".join(_loose(v) for _, v in forms) + r")(?:'?s)?\b", re.I)
        keys = list(self.abbreviations)

        def long_form(m):
            abbr = self._long.get(_bare(m.group(1)))
            return m.group(0) if abbr is None else " zzconcept%d " % keys.index(abbr)

        text = self._long_re.sub(long_form, text)
        return self._abbr_re.sub(lambda m: f" zzconcept{keys.index(m.group(1))} ", text)

    def terms(self, text: str | None, weight: float = 1.0) -> Terms:
        out = Terms()
        if not text:
            return out
        text = _REPREFIX.sub(_unprefix, text)
        text = PERSON_RE.sub(" , ", text)  # names are matched as people, not as words (a surname can also be an ordinary word)
        text = self._concepts(text)
        keys = list(self.abbreviations)
        previous = None
        for token in _nlp()(text):
            raw = token.text.strip()
            low = raw.lower()
            if low.startswith("zzconcept") and low[9:].isdigit():
                abbr = keys[int(low[9:])]
                term = "#" + abbr.lower()
                out.add(term, weight, abbr)
                inner = None
                for word in re.findall(r"[A-Za-z]{2,}", self.abbreviations[abbr]):
                    if word.lower() not in STOP_WORDS and word.lower() not in GENERIC_WORDS:
                        out.add(stem(word), weight * CONCEPT_WORD_WEIGHT, word.lower())
                        if inner is not None:  # "CPB" also says "corporate parenting", weakly
                            out.add(inner[0] + "_" + stem(word), weight * CONCEPT_WORD_WEIGHT,
                                    inner[1] + " " + word.lower())
                        inner = (stem(word), word.lower())
                    else:
                        inner = None
                if previous is not None:
                    out.add(previous[0] + "_" + term, weight, previous[1] + " " + abbr)
                previous = (term, abbr)
                continue
            if not raw or token.is_punct or token.is_space or low in ("'s", "’s", "s"):
                previous = None
                continue
            if low in STOP_WORDS or low in MINUTE_WORDS or low in GENERIC_WORDS or low in self.ignore \
                    or not any(c.isalnum() for c in low):
                previous = None
                continue
            if low.replace("/", "").replace(".", "").isdigit() or "%" in low or low.startswith("£"):
                previous = None  # dates, counts and percentages say nothing about the subject
                continue
            term = stem(low.strip("'’-"))
            if len(term) < 2 or term.isdigit():
                previous = None
                continue
            out.add(term, weight, low)
            if previous is not None:
                out.add(previous[0] + "_" + term, weight, previous[1] + " " + low)
            previous = (term, low)
        return out


@lru_cache(maxsize=8192)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def common_word(term: str, surface: str | None, zipf: float) -> bool:
    """A single word at least this common in English (wordfreq's Zipf scale), which names no
    subject of its own; phrases, abbreviations and people never are."""
    if "_" in term or term.startswith(("#", "@")):
        return False
    return _zipf((surface or term).lower()) >= zipf
