"""Thresholds of the table layer, in one place.

Lengths are PDF points or multiples of the font size ("em"), so they hold for
any page size and typeface.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TableSettings:
    # -- ruled tables ----------------------------------------------------------
    snap: float = 2.5            # rule positions this close are one grid line
    min_filled_share: float = 0.2  # a "table" of chart gridlines has almost no text in its cells
    # -- unruled tables --------------------------------------------------------
    cell_gap_em: float = 0.9     # white space wider than this (x font size) separates two cells on a line
    cell_gap_min: float = 4.5    # ... and never less than this many points
    gutter_em: float = 0.38      # a column gutter is at least this wide (x font size), over a word space
    narrow_gutter_em: float = 0.3  # ... or this wide where it parts text on many lines (figures set flush right)
    narrow_gutter_lines: int = 6
    sliver_min_lines: int = 4    # from this many lines up, every column needs text of its own on two of them
    edge_slack: float = 1.0      # points: words ending (or starting) this close to a gutter are aligned on its edge
    outlier_share: float = 0.12  # share of a block's lines allowed across a gutter (spanning rows, totals)
    block_gap: float = 2.6       # a vertical gap over this many line heights ends a block
    min_rows: int = 2            # lines with two or more cells a table needs ...
    min_rows_two_cols: int = 3   # ... and a table of only two columns
    prose_words: float = 6.0     # median words per line in a column of running text
    column_prose_words: int = 7  # a line of running text in a page column holds at least this many words ...
    column_prose_lines: int = 6  # ... and a page column of running text has at least this many such lines ...
    column_prose_share: float = 0.6  # ... making up at least this share of its lines
    group_head_share: float = 0.5  # a header line filling at most this share of the columns below heads groups of them
    max_header_rows: int = 3     # rows above the rule under a header; more than this and the rule is not a header's
    centre_tol_em: float = 1.0   # a group heading's centre lies this close (x font size) to its columns' centre
    carry_share: float = 0.5     # lines carried across a gutter (or paragraphs opening rows): a table column
    paragraph_gap: float = 1.3   # a pitch this many times a text column's usual one starts a paragraph (or a row)
    baseline_tol: float = 1.5    # points: rows this close in height stand on one baseline
    rejoin_share: float = 0.8    # side-by-side tables sharing this share of row baselines are halves of one
    row_gap_em: float = 0.25     # a pitch this much (x line height) over the table's own pitch starts a row
    row_gap_min: float = 1.5
    spaced_share: float = 0.25   # rows starting without a gap, at most this share of the gaps: a spaced table
    band_share: float = 0.4      # rules drawn under every row leave no band with more of the lines than this
    strip_aligned: float = 0.6   # a ruled box whose lines mostly have text beside them is a strip of a wider table
    title_gap: float = 2.5       # a title sits within this many line heights above its table
    page_margin: float = 0.12    # share of the page height at top/bottom for running heads and feet


SETTINGS = TableSettings()
