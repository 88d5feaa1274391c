"""OCR's words put right by the page image and the page's own lists (no OCR run here).

The ink is drawn as blocks, one per letter, so the spaces are exactly what
the test says: a word whose ink shows a gap as wide as the line's spaces is
two words; letters standing close stay one word.
"""
from __future__ import annotations

import numpy as np

from plantrace.extract.ocr_words import fix_list_labels, split_run_together

LETTER, KERN, SPACE, HEIGHT = 10, 3, 15, 30  # pixels


def _line(words: list[str], glued_after: dict[int, int] | None = None):
    """Ink and Tesseract-like word boxes for one line; ``glued_after`` {word index: letters}
    joins that word with the next as OCR does when it misses a space, the gap left on the ink."""
    ink = np.zeros((HEIGHT + 20, 2000), np.uint8)
    x, boxes = 10, []
    for text in words:
        x0 = x
        for _ in text:
            ink[10:10 + HEIGHT, x:x + LETTER] = 255
            x += LETTER + KERN
        boxes.append({"text": text, "x0": x0, "x1": x - KERN, "top": 10, "bottom": 10 + HEIGHT, "conf": 90.0,
                      "line": (1, 1, 1), "stroke": 2.0})
        x += SPACE - KERN
    out = []
    for i, box in enumerate(boxes):
        if out and (i - 1) in (glued_after or {}):
            prev = out[-1]
            prev.update(text=prev["text"] + box["text"], x1=box["x1"])
        else:
            out.append(dict(box))
    return ink, out


def test_a_missed_space_is_cut_where_the_ink_shows_it():
    ink, words = _line(["The", "stall", "was", "a", "stall", "in", "town"], {3: 1})
    assert [w["text"] for w in words] == ["The", "stall", "was", "astall", "in", "town"]
    got = split_run_together(words, ink)
    assert [w["text"] for w in got] == ["The", "stall", "was", "a", "stall", "in", "town"]
    a, stall = got[3], got[4]
    assert a["x1"] < stall["x0"] and a["line"] == stall["line"]


def test_letters_set_close_stay_one_word():
    ink, words = _line(["Anew", "plan", "was", "made", "today"])
    assert [w["text"] for w in split_run_together(words, ink)] == ["Anew", "plan", "was", "made", "today"]


def _labels(*texts, x0=50):
    segs = []
    for i, t in enumerate(texts):
        top = 100 + 40 * i
        segs.append([{"text": "•", "x0": 20, "x1": 30, "top": top, "bottom": top + 20},
                     {"text": t, "x0": x0, "x1": x0 + 15, "top": top, "bottom": top + 20},
                     {"text": "That", "x0": x0 + 30, "x1": x0 + 70, "top": top, "bottom": top + 20}])
    return segs


def test_a_one_stroke_label_takes_its_place_in_the_list():
    segs = _labels("j)", "k)", "1)", "m)")
    fix_list_labels(segs)
    assert [s[1]["text"] for s in segs] == ["j)", "k)", "l)", "m)"]
    segs = _labels("l)", "2)", "3)")
    fix_list_labels(segs)
    assert [s[1]["text"] for s in segs] == ["1)", "2)", "3)"]
    segs = _labels("g)", "h)", "I)", "j)")
    fix_list_labels(segs)
    assert [s[1]["text"] for s in segs] == ["g)", "h)", "i)", "j)"]


def test_a_label_alone_or_in_another_column_is_left_as_read():
    segs = _labels("1)")
    fix_list_labels(segs)
    assert segs[0][1]["text"] == "1)"
    segs = _labels("k)") + _labels("1)", x0=400)
    segs[1][1]["top"] = segs[1][0]["top"] = 140
    fix_list_labels(segs)
    assert segs[1][1]["text"] == "1)"
