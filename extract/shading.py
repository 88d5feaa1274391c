"""A cell's fill colour read as a RAG rating.

Many progress reports rate a row by colouring its cell red, amber or green and
print no word in it; the colour is then the only record of the rating. Only
clearly saturated fills count: header greys, pale tints and white stay unread.
"""
from __future__ import annotations

from typing import Optional

from .model import BBox


def _rgb(colour) -> Optional[tuple[float, float, float]]:
    """pdfplumber's colour (grey, RGB or CMYK components in 0..1) as RGB."""
    if colour is None or isinstance(colour, str):
        return None
    values = tuple(float(v) for v in (colour if isinstance(colour, (list, tuple)) else (colour,)))
    if len(values) == 1:
        return (values[0],) * 3
    if len(values) == 3:
        return values  # type: ignore[return-value]
    if len(values) == 4:
        c, m, y, k = values
        return (1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)
    return None


# A BRAG blue is a pure blue (Office's 0070C0, 00B0F0); a blue with some red in it is
# the tint of a header or a banded row, no rating.
BLUE_MAX_RED = 0.1


def rating_of(colour) -> Optional[str]:
    """"Red", "Amber", "Green" or "Blue" for a saturated fill of that hue, else None."""
    rgb = _rgb(colour)
    if rgb is None:
        return None
    r, g, b = rgb
    if max(r, g, b) - min(r, g, b) < 0.35:
        return None  # grey, white, black or a pale tint
    if r >= 0.6 and g <= 0.45 and b <= 0.45:
        return "Red"
    if r >= 0.75 and g > 0.45 and b <= 0.45:
        return "Amber"  # orange to yellow: schemes that say yellow mean amber
    if g >= 0.45 and r <= 0.6 and b <= 0.6 and g > r and g > b:
        return "Green"
    if b >= 0.6 and r <= BLUE_MAX_RED and b > g:
        return "Blue"  # BRAG schemes: delivered
    return None


def cell_rating(bbox: Optional[BBox], fills: list[dict]) -> Optional[str]:
    """The rating colour of the filled rectangle that covers most of the cell."""
    if bbox is None:
        return None
    x0, top, x1, bottom = bbox
    area = max((x1 - x0) * (bottom - top), 1e-6)
    best, best_share = None, 0.6  # a fill must cover most of the cell
    for rect in fills:
        w = min(x1, rect["x1"]) - max(x0, rect["x0"])
        h = min(bottom, rect["bottom"]) - max(top, rect["top"])
        if w > 0 and h > 0 and w * h / area > best_share:
            best, best_share = rating_of(rect.get("non_stroking_color")), w * h / area
    return best
