"""Ruling lines and coloured cell fills found on a page image.

A scanned ruled table has no drawing operators: its rules are rows and
columns of dark pixels. Opening the ink with a long thin kernel keeps only
strokes much longer than any letter, which are the rules; they are handed to
the same table finder as a born-digital PDF's lines, so a scanned ruled table
is read as a table. Rating colours (a red, amber or green cell) are the
saturated areas of the image, read with the same hue rules as a PDF's fills.
Sizes are in points so they hold at any scanning resolution.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from .shading import rating_of

H_RULE_MIN = 30.0  # points: a horizontal stroke this long is a rule; the longest letter stroke is far shorter
V_RULE_MIN = 18.0  # points: a vertical rule spans at least one table row; a letter's stem is under 12 pt
RULE_MAX_THICK = 4.0  # points: thicker dark bands are pictures or filled blocks, not rules
FILL_MIN_SIDE = 8.0  # points: a rating fill is at least a small cell
FILL_SATURATION = 90  # 0..255: paler tints and greys are not rating colours (see shading.rating_of)
FILL_VALUE = 80  # 0..255: darker "colour" is ink, not a fill


@dataclass
class Rule:
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.x1 - self.x0 >= self.bottom - self.top


@dataclass
class Fill:
    x0: float
    top: float
    x1: float
    bottom: float
    rgb: tuple[float, float, float]  # 0..1


INK_MAX = 160  # 0..255: nothing lighter is ink, whatever Otsu says of a page of paper and noise alone


def ink_mask(gray: np.ndarray) -> np.ndarray:
    """Dark pixels as 255: Otsu's threshold copes with a scan's grey paper and noise.

    On a blank sheet Otsu splits the paper's own noise in two; capping the
    threshold keeps that noise paper.
    """
    level, mask = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    if level > INK_MAX:
        _, mask = cv2.threshold(gray, INK_MAX, 255, cv2.THRESH_BINARY_INV)
    return mask


RULE_CONTRAST = 30  # 0..255: a line this much darker than the paper is drawn, however pale its grey


def rule_mask(gray: np.ndarray, ink: np.ndarray) -> np.ndarray:
    """The ink, and anything drawn darker than the paper, for finding rules.

    A table's grid is often printed in a pale grey that the text's ink threshold
    leaves out; it is still a long straight stroke, which no speck of paper
    noise makes, so rules are looked for against the paper's own tone (its
    median: most of a page is paper).
    """
    paper = float(np.median(gray[::4, ::4]))
    return ink | ((gray < paper - RULE_CONTRAST).astype(np.uint8) * 255)


def find_rules(ink: np.ndarray, px_per_pt: float) -> tuple[list[Rule], np.ndarray]:
    """Rules in pixel coordinates, and the mask of their pixels (to erase before OCR)."""
    out: list[Rule] = []
    erase = np.zeros_like(ink)
    max_thick = RULE_MAX_THICK * px_per_pt
    for horizontal, length in ((True, H_RULE_MIN), (False, V_RULE_MIN)):
        n = max(8, int(round(length * px_per_pt)))
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (n, 1) if horizontal else (1, n))
        opened = cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel)
        # a rule a degree off level breaks into steps one pixel apart: close them
        bridge = cv2.getStructuringElement(cv2.MORPH_RECT, (n // 4, 3) if horizontal else (3, n // 4))
        joined = cv2.morphologyEx(opened, cv2.MORPH_CLOSE, bridge)
        count, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
        for i in range(1, count):
            x, y, w, h, _ = stats[i]
            thick = h if horizontal else w
            if thick > max_thick or (w if horizontal else h) < n:
                continue
            if horizontal:
                out.append(Rule(float(x), y + h / 2, float(x + w), y + h / 2))
            else:
                out.append(Rule(x + w / 2, float(y), x + w / 2, float(y + h)))
        erase |= opened
    return out, cv2.dilate(erase, np.ones((3, 3), np.uint8))


def find_fills(rgb: np.ndarray, px_per_pt: float) -> tuple[list[Fill], np.ndarray]:
    """Saturated areas read as rating colours, and their mask (to whiten before OCR)."""
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
    mask = ((hsv[..., 1] >= FILL_SATURATION) & (hsv[..., 2] >= FILL_VALUE)).astype(np.uint8) * 255
    side = max(3, int(FILL_MIN_SIDE * px_per_pt))
    # close over the black text printed on the fill, then drop specks of colour
    solid = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((side // 2, side // 2), np.uint8))
    solid = cv2.morphologyEx(solid, cv2.MORPH_OPEN, np.ones((side, side), np.uint8))
    fills = []
    count, labels, stats, _ = cv2.connectedComponentsWithStats(solid, connectivity=4)
    for i in range(1, count):
        x, y, w, h, _ = stats[i]
        region = (labels[y:y + h, x:x + w] == i) & (mask[y:y + h, x:x + w] > 0)
        if not region.any():
            continue
        colour = rgb[y:y + h, x:x + w][region].mean(axis=0) / 255.0
        rgb_ = (float(colour[0]), float(colour[1]), float(colour[2]))
        if rating_of(rgb_):
            fills.append(Fill(float(x), float(y), float(x + w), float(y + h), rgb_))
    return fills, mask
