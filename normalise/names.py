"""Name shapes in owner cells and attendance lists, found without a trained model.

Council documents write people in a handful of shapes ("Given Family", "Mrs G Family",
"Dr Family") next to job titles built from a small public-sector vocabulary. No NER
model can be downloaded here, so a blank spaCy pipeline with a Matcher over token
*kinds* finds the shapes, and the role vocabulary tells title words apart from
name-shaped words.
"""
from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field

import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from plantrace.extract.textform import BULLET_CHARS

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "rev", "revd", "cllr", "councillor", "father", "canon",
}
# Honorifics that say something about gender, so "Mr X" never absorbs "Mrs X".
_MALE = {"mr", "sir", "lord", "father"}
_FEMALE = {"mrs", "ms", "miss", "dame", "lady"}

# Words that head a post or a body: their presence makes a phrase a role or a group.
ROLE_HEADS = {
    "manager", "head", "director", "officer", "lead", "leader", "team", "service", "services",
    "board", "panel", "coordinator", "co-ordinator", "chair", "chairman", "chairperson", "vice",
    "deputy", "assistant", "advisor", "adviser", "administrator", "analyst", "worker",
    "practitioner", "consultant", "commissioner", "partnership", "group", "committee", "forum",
    "unit", "hub", "network", "representative", "member", "members", "holder", "executive",
    "chief", "principal", "senior", "supervisor", "specialist", "nurse", "doctor", "teacher",
    "headteacher", "governor", "clerk", "secretary", "treasurer", "champion", "mentor",
    "reviewer", "auditor", "inspector", "designated", "named", "agency", "department",
    "directorate", "council", "cabinet", "portfolio", "trust", "school", "college", "academy",
    "provider", "providers", "staff", "colleagues", "partners", "partner", "leads", "managers",
    "officers", "heads", "directors", "teams", "boards", "coordinators", "practitioners",
    "workers", "advisors", "advisers", "chairs", "owner", "owners", "sponsor", "maker",
    "makers", "programme", "project"
}
# Descriptive words that qualify a post in children's, education and care services.
ROLE_WORDS = {
    "early", "help", "social", "care", "children", "child", "childrens", "young", "people",
    "youth", "community", "communities", "development", "health", "wellbeing", "well-being",
    "quality", "assurance", "business", "intelligence", "virtual", "long", "term", "short",
    "fostering", "foster", "adoption", "duty", "departmental", "management", "transformation",
    "inclusion", "intervention", "send", "safeguarding", "education", "educational", "adult",
    "adults", "strategic", "strategy", "interim", "acting", "commissioning", "performance",
    "finance", "financial", "workforce", "training", "learning", "skills", "residential",
    "placement", "placements", "looked", "after", "leaving", "leavers", "independent",
    "reviewing", "practice", "excellence", "improvement", "policy", "data", "operations",
    "operational", "family", "families", "support", "corporate", "parenting", "disabled",
    "disability", "disabilities", "offending", "justice", "public", "housing", "mental",
    "emotional", "protection", "front", "door", "multi", "contact", "referral", "assessment",
    "assessments", "locality", "localities", "north", "south", "east", "west", "central",
    "area", "district", "county", "city", "borough", "clinical", "legal", "human", "resources",
    "systems", "communications", "admin", "administration", "integrated", "integration",
    "programmes", "projects", "standards", "schools", "planning", "permanence", "permanency",
    "court", "courts", "edge", "targeted", "universal", "prevention", "preventative",
    "troubled", "special", "needs", "psychology", "therapy", "therapeutic", "participation",
    "engagement", "voice", "rights", "advocacy", "complaints", "information", "digital",
    "technology", "audit", "risk", "governance", "compliance", "registration", "registered",
    "vacant", "recruitment", "retention", "marketing", "sufficiency", "market", "provision",
    "commissioned", "contracts", "contract", "procurement", "accommodation", "supported",
    "living", "transition", "transitions", "preparation", "adulthood", "pathway", "pathways",
    "liaison", "relationship", "relationships", "relations", "response", "recovery",
    "exploitation", "missing", "domestic", "abuse", "violence", "substance", "misuse", "drugs",
    "alcohol", "hospital", "medical", "primary", "secondary", "nursery", "years", "post", "pre",
    "sixteen", "attendance", "exclusions", "admissions", "transport", "library", "libraries",
    "leisure", "culture", "sport", "environment", "place", "economy", "regeneration",
    "customer", "customers", "all", "new", "general", "national", "regional", "local", "joint",
    "shared", "children's", "people's", "agencies", "scrutiny", "office", "ict", "it", "hr",
    "cross", "whole", "high", "level", "first", "second", "third", "temporary", "additional",
    "service's"
}
PLACEHOLDERS = {"tbc", "tba", "tbd", "n/a", "na", "none", "vacant", "to be confirmed",
                "to be agreed", "to be determined", "not applicable", "-", "–"}
NAME_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "la", "le",
                  "st", "bin", "al", "ap"}
CONNECTORS = {"and", "&", "&amp;", "or", "/", "plus", "with"}
DASHES = {"-", "–", "—", "‒", "―"}
SEPARATORS = DASHES | {",", ";", ":", "(", ")", "[", "]", "|"}

# Given names do not end like abstract nouns; such words in a name slot are title words.
_NOUN_SUFFIX = re.compile(r"(tion|sion|ment|ness|ship|ism|ogy|ical|ional|ities)$")
_NAME_SHAPE = re.compile(
    r"^(?:[A-Z][a-z]?['’] ?)?(?:Ma?c)?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’][A-Z][a-z]+(?:[A-Z][a-z]+)?)*$"
)
_INITIALS = re.compile(r"^[A-Z]\.?$|^(?:[A-Z]\.){2,3}$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]+s?$")
# "O' Hagar": a surname prefix a typist or a line wrap left apart from the rest.
_TOKEN = re.compile(r"[OD]['’] [A-Z][a-z]+|[A-Za-z][A-Za-z'’.\-]*[A-Za-z.]|[A-Za-z]|\d+|[–—‒―]|-|&|[^\sA-Za-z\d]")
_BULLET = re.compile(rf"^[\s*>{BULLET_CHARS}]+")
_INNER_BULLET = re.compile(rf"\s[{BULLET_CHARS}]\s")

if not Token.has_extension("kind"):
    Token.set_extension("kind", default="OTHER")


def clean_text(text: str) -> str:
    """Entities and list glyphs are rendering artefacts, not part of names or titles."""
    text = html.unescape(html.unescape(text or ""))
    text = _BULLET.sub("", text.strip())
    text = _INNER_BULLET.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def _bare(word: str) -> str:
    word = word.lower().replace("’", "'").rstrip(".")
    return word[:-2] if word.endswith("'s") else word


def is_role_word(word: str) -> bool:
    """Vocabulary, stop words and abstract-noun endings all mark words that are not names."""
    bare = _bare(word)
    return (bare in ROLE_HEADS or bare in ROLE_WORDS or word.lower() in ROLE_WORDS
            or bare in _stop_words() or bool(_NOUN_SUFFIX.search(bare)))


def is_head(word: str) -> bool:
    return _bare(word) in ROLE_HEADS


def honorific_gender(hon: str) -> str | None:
    bare = _bare(hon)
    return "m" if bare in _MALE else "f" if bare in _FEMALE else None


def token_kind(word: str) -> str:
    """One label per token so Matcher patterns can describe name shapes."""
    bare = _bare(word)
    if bare in HONORIFICS and (word[0].isupper()):
        return "HON"
    if word in DASHES:
        return "DASH"
    if word in SEPARATORS:
        return "SEP"
    if word.lower() in CONNECTORS:
        return "CONJ"
    if _INITIALS.match(word):
        return "INIT"
    if word.lower() in NAME_PARTICLES and word[0].islower():
        return "PART"
    if word[0].islower():
        return "LOWER"
    if _ACRONYM.match(word):
        return "ACRO"
    if is_role_word(word):
        return "HEAD" if is_head(word) else "ROLE"
    if _NAME_SHAPE.match(word.rstrip(".")):
        return "NAME"
    return "OTHER"


@functools.lru_cache(maxsize=1)
def _nlp():
    return spacy.blank("en")


@functools.lru_cache(maxsize=1)
def _stop_words() -> frozenset:
    return frozenset(_nlp().Defaults.stop_words)


@functools.lru_cache(maxsize=1)
def _matcher() -> Matcher:
    matcher = Matcher(_nlp().vocab)
    name = {"_": {"kind": "NAME"}}
    names = {"_": {"kind": {"IN": ["NAME", "PART"]}}, "OP": "*"}
    role = {"_": {"kind": "ROLE"}}
    # After an honorific any capitalised word is a surname, even one that is also a
    # title word ("Mr Warden"); elsewhere such a word needs a clear edge after it.
    matcher.add("HONORIFIC", [[{"_": {"kind": "HON"}}, {"_": {"kind": "INIT"}, "OP": "*"}, name, names],
                              [{"_": {"kind": "HON"}}, {"_": {"kind": "INIT"}, "OP": "*"}, role]])
    matcher.add("EDGED", [[name, role]])
    matcher.add("INITIALS", [[{"_": {"kind": "INIT"}, "OP": "+"}, names, name]])
    matcher.add("FULL", [[name, names, name]])
    return matcher


@dataclass
class Tok:
    text: str
    start: int
    end: int
    kind: str


def tokenize(text: str) -> list[Tok]:
    toks = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        end = m.end()
        if word.endswith(".") and len(word) > 2 and not _INITIALS.match(word) and _bare(word) not in HONORIFICS:
            word, end = word[:-1], end - 1
        toks.append(Tok(word, m.start(), end, token_kind(word)))
    return toks


def _doc(toks: list[Tok]) -> Doc:
    doc = Doc(_nlp().vocab, words=[t.text for t in toks] or [""])
    for tok, t in zip(doc, toks):
        tok._.kind = t.kind
    return doc


def _split_run(toks: list[Tok], i: int, j: int, jammed_tail: bool) -> list[tuple[int, int]]:
    """Names in a run of name-shaped words: jammed cells put people side by side, so
    even runs are pairs; three words make one name unless title text follows unseparated."""
    n = j - i
    if any(t.kind == "PART" for t in toks[i:j]):
        return [(i, j)]  # "van der" binds the words around it into one name
    if n <= 3 and not (n == 3 and jammed_tail):
        return [(i, j)]
    if n == 3:
        return [(i, i + 2)]
    spans, k = [], i
    while j - k >= 2:
        size = 3 if j - k == 3 and not jammed_tail else 2
        spans.append((k, k + size))
        k += size
    return spans


def person_spans(toks: list[Tok]) -> list[tuple[int, int]]:
    """Token ranges that name people, left to right, not overlapping."""
    if not toks:
        return []
    doc = _doc(toks)
    found = sorted(((s, e, doc.vocab.strings[mid]) for mid, s, e in _matcher()(doc)),
                   key=lambda x: (x[0], -(x[1] - x[0])))
    spans, last = [], 0
    for s, e, label in found:
        if s < last:
            continue
        after = toks[e].kind if e < len(toks) else None
        jammed = after in {"ROLE", "HEAD", "LOWER", "ACRO", "OTHER"}
        if label == "EDGED":
            before = toks[s - 1].kind if s else None
            if before in {None, "SEP", "DASH", "CONJ"} and after in {None, "SEP", "DASH", "CONJ"}:
                spans.append((s, e))
                last = e
            continue
        if label == "FULL":
            spans.extend(_split_run(toks, s, e, jammed))
        else:
            head = s
            while toks[head].kind in {"HON", "INIT"}:
                head += 1
            run = toks[head:e]
            # "Ms T Family" takes one word, "Mrs Given Family" two; what an odd or long run
            # leaves over is further people jammed on.
            if any(t.kind == "PART" for t in run):
                own = len(run)
            elif any(t.kind == "INIT" for t in toks[s:head]):
                own = 1
            else:
                own = 1 if len(run) % 2 else 2
            spans.append((s, head + own))
            if head + own < e:
                spans.extend(_split_run(toks, head + own, e, jammed))
        last = e
    return spans


@dataclass
class ParsedName:
    surface: str
    honorifics: list[str] = field(default_factory=list)
    initials: str = ""
    given: str | None = None
    family: str = ""

    @property
    def first_initial(self) -> str | None:
        if self.given:
            return self.given[0].upper()
        return self.initials[0] if self.initials else None


def parse_name(text: str) -> ParsedName | None:
    """The first person named in ``text`` split into honorific, initials, given and family."""
    text = clean_text(text)
    toks = tokenize(text)
    spans = person_spans(toks)
    if not spans:
        return None
    s, e = spans[0]
    words = toks[s:e]
    parsed = ParsedName(surface=text[words[0].start:words[-1].end])
    rest = []
    for t in words:
        if t.kind == "HON":
            parsed.honorifics.append(t.text.rstrip(".").capitalize() if t.text.isupper() else t.text.rstrip("."))
        elif t.kind == "INIT" and not rest:
            parsed.initials += t.text.replace(".", "")
        else:
            rest.append(t.text)
    if not rest:
        return None
    # Family names keep their particles ("van Dyke"); the given name is the first word.
    if len(rest) >= 2:
        parsed.given, parsed.family = rest[0], " ".join(rest[1:])
        if rest[1].lower() not in NAME_PARTICLES and len(rest) == 3:
            parsed.family = rest[-1]
    else:
        parsed.family = rest[0]
    return parsed
