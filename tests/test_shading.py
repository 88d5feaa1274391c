"""Fill colours read as ratings: saturated red, amber, green and a BRAG scheme's pure blue only."""
from __future__ import annotations

import pytest

from plantrace.extract.shading import cell_rating, rating_of


@pytest.mark.parametrize("colour, rating", [
    ((1, 0, 0), "Red"), ((0.75, 0.1, 0.1), "Red"), ((1, 0.75, 0), "Amber"), ((1, 0.6, 0.2), "Amber"),
    ((0, 0.69, 0.31), "Green"), ((0.57, 0.82, 0.31), "Green"), ((0, 1, 1, 0), "Red"), ((1, 1, 0), "Amber"), ((0, 0.3, 1, 0), "Amber"),
    ((0.85, 0.85, 0.85), None), ((0.85,), None), ((1, 1, 1), None), ((0, 0, 0), None),
    ((0.87, 0.92, 0.97), None), ((0.2, 0.4, 0.8), None), (None, None), ("pattern", None),
    ((0, 0.44, 0.75), "Blue"), ((0, 0.69, 0.94), "Blue"),
])
def test_rating_of(colour, rating):
    assert rating_of(colour) == rating


def test_a_fill_must_cover_most_of_the_cell():
    cell = (0, 0, 100, 20)
    assert cell_rating(cell, [{"x0": 0, "x1": 100, "top": 0, "bottom": 20, "non_stroking_color": (1, 0, 0)}]) == "Red"
    assert cell_rating(cell, [{"x0": 0, "x1": 30, "top": 0, "bottom": 20, "non_stroking_color": (1, 0, 0)}]) is None
    assert cell_rating(None, []) is None
