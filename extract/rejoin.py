"""Mend words that a narrow table column broke across two lines.

Word processors wrap a word that does not fit a narrow column mid-word with no
hyphen ("Performan" / "ce"). Fragments are joined when the joined form is a
word, printed whole elsewhere in the same document or common in English
(wordfreq), and the first piece is not a word there on its own (a word ending
such as "s" or "ment" may follow a whole word). A surname
prefix left at a line end ("O'" / "Hara") is joined too. The cell then reads
as the words were printed, which is what people and date parsing need.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.lang.en.stop_words import STOP_WORDS

from .model import DocumentModel

_WORD = re.compile(r"[A-Za-z][A-Za-z']+")
_TAIL = re.compile(r"([A-Za-z]{2,})$")
_HEAD = re.compile(r"^([a-z]{1,})\b")
_HEAD_UPPER = re.compile(r"^([A-Z]{1,})\b")
_NAME_PREFIX = re.compile(r"\b[A-Z]['\u2019]$")  # O' / D' wrapped away from the rest of a surname


def _vocabulary(doc: DocumentModel) -> Counter:
    """Words as printed whole: prose lines, and cell words away from a cell's line breaks
    (or, at a line start, capitalised)."""
    words: Counter = Counter()
    for page in doc.pages:
        for line in page.lines:
            words.update(w.lower() for w in _WORD.findall(line.text))
        for table in page.tables:
            for row in table.rows:
                for cell in row:
                    lines = cell.text.split("\n")
                    for i, line in enumerate(lines):
                        tokens = _WORD.findall(line)
                        # A line's first word may be a fragment's tail, but a
                        # tail never starts with a capital; a capitalised first
                        # word is whole unless it also ends a cut-off cell.
                        whole_head = len(tokens) > 1 and tokens[0][0].isupper()
                        lo = 1 if i > 0 and not whole_head else 0
                        hi = len(tokens) - 1 if i < len(lines) - 1 else len(tokens)
                        words.update(w.lower() for w in tokens[lo:hi])
    return words


# Endings that are never words, so a whole word before one on the next line
# ("report" / "s", "recruit" / "ment") is still that word cut short.
_ENDINGS = {"s", "es", "d", "ed", "ing", "ings", "ment", "ments", "tion", "tions", "sion", "ly", "er", "ers",
            "al", "ness", "ity", "ies", "ive", "ised", "ized"}


# spaCy lists "ca" (from "can't") among its stop words; it is no word in running text.
_STOP = STOP_WORDS - {"ca"}


ENGLISH_ZIPF = 2.5  # wordfreq's Zipf scale: 2.5 is a word met about once in three million


def _english(word: str) -> bool:
    """A word of English, for wholes the document never prints unbroken ("administration"
    cut in the only cell that uses it)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= ENGLISH_ZIPF


def _english_join(first: str, whole: str) -> bool:
    """A whole the document never prints unbroken joins when it is common English and the
    first piece is no word in English either ("Syste" / "m"; not "the" / "s")."""
    first = first.lower()
    return first not in _STOP and not _english(first) and _english(whole.lower())


def _is_word(piece: str, vocab: Counter) -> bool:
    p = piece.lower()
    if len(p) == 1:
        return p in ("a", "i")
    return bool(vocab[p]) or p in _STOP


def _joins(pieces: list[str], vocab: Counter) -> bool:
    """Pieces make one word when the document prints the whole and the first piece is
    no word of its own, or the last is a word ending: "Commissio" / "ning",
    "implementati" / "on" and "report" / "s" join; "in" / "to" and "up" / "grade" do
    not, though "into" and "upgrade" are printed. A whole common in English but not
    printed here joins only after a first piece that is no word at all ("Syste" / "m";
    not "the" / "s")."""
    whole = "".join(pieces).lower()
    first, last = pieces[0], pieces[-1]
    if vocab[whole]:
        return not _is_word(first, vocab) or last.lower() in _ENDINGS
    return not _is_word(first, vocab) and _english_join(first, whole)


_NEXT = re.compile(r" ([a-z]+)\b")  # a further fragment on the same line, set apart by letter spacing


def _chain(lines: list[str], prev: str, start: int, vocab: Counter) -> tuple[int, int] | None:
    """Where the longest run of fragments from ``prev``'s last word on ends, as (line
    index, offset in it), when the run joins into a printed word. A very narrow
    column cuts one word over several lines and letter-spaces what is left
    ("Nove" / "mb er" / "18"): a run goes on along its line, and past a line that
    holds nothing else."""
    tail = _TAIL.search(prev)
    if not tail:
        return None
    # a word set in capitals is cut into capitals ("PREVE" / "NTION")
    head = _HEAD_UPPER if tail.group(1).isupper() else _HEAD
    pieces, best = [tail.group(1)], None
    for j in range(start, len(lines)):
        line = lines[j].rstrip()
        m, end = head.match(line), 0
        while m:
            pieces.append(m.group(1))
            end = m.end()
            if _joins(pieces, vocab):
                best = (j, end)
            m = _NEXT.match(line, end)
        if not end or end != len(line):
            break  # the line goes on past its fragments: the word ends on it
    return best


def _mend(text: str, vocab: Counter) -> str:
    lines = text.split("\n")
    if len(lines) < 2:
        return text
    out = [lines[0]]
    i = 1
    while i < len(lines):
        nxt = lines[i]
        if _NAME_PREFIX.search(out[-1]) and nxt[:1].isupper():
            out[-1] = out[-1] + nxt
            i += 1
            continue
        stop = _chain(lines, out[-1], i, vocab)
        if stop is not None:
            j, offset = stop
            run = "".join(x.replace(" ", "") for x in lines[i:j]) + lines[j][:offset].replace(" ", "")
            out[-1] = out[-1] + run + lines[j][offset:]
            i = j + 1
            continue
        out.append(nxt)
        i += 1
    return "\n".join(out)


_BREAK = re.compile(r"([A-Za-z]{2,})[ \t]*\n[ \t]*([a-z]+)\b")


def mend_english(text: str) -> str:
    """Mend words cut at line breaks that only came together after the page model was
    built (a cell cut by a page break, its halves joined by the extractor): the whole
    must be common English and the first piece no word at all."""
    if "\n" not in text:
        return text

    def join(m: re.Match) -> str:
        tail, head = m.group(1), m.group(2)
        return tail + head if _english_join(tail, tail + head) else m.group(0)

    return _BREAK.sub(join, text)


def rejoin_split_words(doc: DocumentModel) -> DocumentModel:
    vocab = _vocabulary(doc)
    for page in doc.pages:
        for table in page.tables:
            for row in table.rows:
                for cell in row:
                    if "\n" in cell.text:
                        cell.text = _mend(cell.text, vocab)
    return doc
