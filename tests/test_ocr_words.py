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


def _row(opener, top, conf=95.0, x0=72, text_x0=108, rest="HEADING"):
    return [{"text": opener, "x0": x0, "x1": x0 + 9, "top": top, "bottom": top + 9, "conf": conf, "line": (top, 1, 1)},
            {"text": rest, "x0": text_x0, "x1": text_x0 + 80, "top": top, "bottom": top + 9, "conf": 95.0,
             "line": (top, 1, 1)}]


def test_misread_numbers_of_a_hanging_list_take_their_place_between_those_read():
    from plantrace.extract.ocr_words import number_hanging_labels

    rows = [_row("1:", 200, 67.0), _row("m", 390, 0.0), _row("-", 500, 0.0), _row("4.", 550),
            _row("1.", 580, x0=109, text_x0=144)]  # a sub-list at another indent is another list
    words = [w for r in rows for w in r]
    number_hanging_labels(words)
    assert [r[0]["text"] for r in rows] == ["1.", "2.", "3.", "4.", "1."]


def test_a_count_that_does_not_fit_leaves_the_numbers_as_read():
    from plantrace.extract.ocr_words import number_hanging_labels

    rows = [_row("m", 390, 0.0), _row("4.", 550)]  # one row cannot hold 1 to 3
    number_hanging_labels([w for r in rows for w in r])
    assert rows[0][0]["text"] == "m"


def test_a_raised_ordinal_before_a_month_takes_its_number_s_suffix():
    from plantrace.extract.ocr_words import fix_ordinals

    def line(*texts):
        return [{"text": t, "x0": 50 * i, "x1": 50 * i + 40, "line": (1, 1, 1)} for i, t in enumerate(texts)]

    for read, month, want in (("6t*", "November", "6th"), ("22n", "May", "22nd"), ("1s", "June", "1st"),
                              ("1.", "June", "1."), ("6t*", "items", "6t*")):
        words = line("on", read, month, "2018")
        fix_ordinals(words)
        assert words[1]["text"] == want


def test_rows_after_the_last_number_read_go_on_counting():
    from plantrace.extract.ocr_words import number_hanging_labels

    rows = [_row("5.", 100), _row("6.", 300), _row("a:", 330, 40.0)]
    number_hanging_labels([w for r in rows for w in r])
    assert [r[0]["text"] for r in rows] == ["5.", "6.", "7."]


def test_a_sub_list_after_an_outer_heading_starts_again():
    from plantrace.extract.ocr_words import number_hanging_labels

    rows = [_row("5.", 100), _row("1.", 130, x0=109, text_x0=144), _row("6.", 300),
            _row("1:", 330, 40.0, x0=109, text_x0=144)]
    number_hanging_labels([w for r in rows for w in r])
    assert [r[0]["text"] for r in rows] == ["5.", "1.", "6.", "1:"]
