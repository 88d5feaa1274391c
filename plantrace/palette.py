"""Colours that mean what they say, shared by the notebooks' charts.

A chart that draws "not started" in green and "ongoing" in red tells a reader
the opposite of the data. Completed is green, on track (in progress, ongoing)
amber, overdue or red-rated red; not started and unknown are greys, which
claim nothing.
"""
from __future__ import annotations

GREEN, AMBER, RED, BLUE = "#2e8540", "#f0a30a", "#c0392b", "#1f5fa8"
GREY, LIGHT_GREY = "#7f7f7f", "#c8c8c8"

STATUS_COLOURS = {
    "completed": GREEN,
    "in_progress": AMBER,
    "ongoing": AMBER,
    "overdue": RED,
    "not_started": LIGHT_GREY,
    "unknown": GREY,
}
RAG_COLOURS = {"G": GREEN, "A": AMBER, "R": RED, "B": BLUE, "unrated": LIGHT_GREY}  # B: blue, complete (BRAG)
RAG_ORDER = ("R", "A", "G", "B")


def colours_for(columns, palette: dict) -> list[str]:
    """One colour per column label, grey for a label the palette does not know."""
    return [palette.get(str(c), GREY) for c in columns]


def rag_letter(value) -> str | None:
    """"GREEN", "Green", "G" -> "G" ("BLUE", "B": "B", the complete of a BRAG scale); anything else None."""
    if value is None:
        return None
    text = str(value).strip().upper()
    return text[0] if text[:1] in {"R", "A", "G", "B"} and (len(text) == 1 or text in {"RED", "AMBER", "GREEN", "BLUE"}) \
        else None
