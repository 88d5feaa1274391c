"""Text printed over other text: the hidden layer is dropped before layout.

Some exports leave a label set in a larger type under the cells it once
spanned ("Significant Risks (over £10m)" under every first row of a register's
pages): the viewer shows only the cells' own text, but the text layer holds
both, and their letters interleave ("ASSigCnHi /f icant"). Letters of real
text never sit on one another, so a run of larger letters most of which
overlap smaller letters of other lines is the hidden one.
"""
from __future__ import annotations

from collections import defaultdict

OVERLAP_SHARE = 0.4  # of the smaller letter's box covered by the other letter
RUN_SHARE = 0.4  # of a run's letters that overlap others for the run to be hidden
MIN_RUN = 4  # letters; shorter runs (a superscript, an accent) are left alone
_CELL = 20.0  # points: the grid used to find letters near each other


def _area(c) -> float:
    return max((c["x1"] - c["x0"]) * (c["bottom"] - c["top"]), 1e-6)


def _overlap(a, b) -> float:
    w = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
    h = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    if w <= 0 or h <= 0:
        return 0.0
    return w * h / min(_area(a), _area(b))


def drop_overprinted(chars: list[dict]) -> list[dict]:
    visible = [c for c in chars if not c["text"].isspace()]
    if len(visible) < MIN_RUN * 2:
        return chars
    runs: dict[tuple, list[int]] = defaultdict(list)  # (size, baseline) -> letters
    for i, c in enumerate(visible):
        runs[(round(c.get("size", 0.0), 1), round(c["bottom"]))].append(i)
    # only a run with letters smaller than its own somewhere on the page can be hidden (most
    # pages hold none: their body text is their smallest), so the rest need no search
    smallest = min(c.get("size", 0.0) for c in visible)
    suspect = {key for key, members in runs.items() if len(members) >= MIN_RUN
               and max(visible[i].get("size", 0.0) for i in members) - 0.5 > smallest}
    if not suspect:
        return chars
    run_of = {i: key for key, members in runs.items() for i in members}
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, c in enumerate(visible):
        for gx in range(int(c["x0"] // _CELL), int(c["x1"] // _CELL) + 1):
            for gy in range(int(c["top"] // _CELL), int(c["bottom"] // _CELL) + 1):
                grid[(gx, gy)].append(i)
    hidden_runs = set()
    for key, members in runs.items():
        if key not in suspect:
            continue
        covered = 0
        for i in members:
            c = visible[i]
            near = {j for gx in range(int(c["x0"] // _CELL), int(c["x1"] // _CELL) + 1)
                    for gy in range(int(c["top"] // _CELL), int(c["bottom"] // _CELL) + 1) for j in grid[(gx, gy)]}
            if any(run_of[j] != key and visible[j].get("size", 0.0) < c.get("size", 0.0) - 0.5
                   and _overlap(c, visible[j]) >= OVERLAP_SHARE for j in near):
                covered += 1
        if covered >= RUN_SHARE * len(members):
            hidden_runs.add(key)
    if not hidden_runs:
        return chars
    # the hidden run's spaces go with its letters, or they split the words they fall in
    return [c for c in chars if (round(c.get("size", 0.0), 1), round(c["bottom"])) not in hidden_runs]
