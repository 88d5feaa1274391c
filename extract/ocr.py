"""Scanned pages read by OCR into the objects the born-digital path reads.

A page that is a picture of text is rendered, turned upright and deskewed,
its rules and rating fills found on the image (``image_rules``), and its words
read by Tesseract. The words become characters, the rules lines and the fills
rectangles of the pdfplumber page, in the same PDF points, so the page model,
the table finder and every extractor read a scan exactly as they read a
born-digital page; nothing downstream knows the difference.

Tesseract (through pytesseract) is the engine: a Debian package whose models
come with it (``tesseract-ocr``), so nothing is downloaded when a file is read,
and it reports a box and a confidence for every word. Words under a confidence floor are kept but listed, so a
reader can check them against the image.
"""
from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from typing import Optional

import cv2
import numpy as np

from .image_rules import Fill, Rule, find_fills, find_rules, ink_mask, rule_mask
from .ocr_words import fix_list_labels, fix_ordinals, number_hanging_labels, split_run_together


@dataclass(frozen=True)
class OcrSettings:
    """How pages are read: what a caller may tune. Geometric constants that follow
    from how pages are printed are named beside the code that uses them."""

    dpi: int = 300  # Tesseract is most accurate with capital letters about 30 px high
    lang: str = "eng"
    confidence_floor: float = 60.0  # words Tesseract is less sure of (0..100) are flagged
    max_skew: float = 5.0  # degrees either way searched for a page scanned off level
    skew_step: float = 0.1  # degrees: the search's finest step
    probe_dpi: int = 150  # a band read at this resolution tells a sideways page's way up
    min_words: int = 3  # fewer readable words than this and the page is unreadable
    bold_ratio: float = 1.3  # a word whose strokes are this much thicker than the page's usual is bold


SETTINGS = OcrSettings()
BLANK_INK = 0.0005  # a page with less of its area inked than this is a blank sheet: not worth reading
MODES = ("auto", "off", "force")


def available() -> Optional[str]:
    """None when OCR can run here, else why not (one phrase).

    Asked for every PDF, so it finds pytesseract without importing it (which
    imports pandas): the import is paid only by a page that is read by OCR."""
    from importlib.util import find_spec

    if find_spec("pytesseract") is None:
        return "pytesseract is not installed"
    if not shutil.which("tesseract"):
        return "the tesseract program is not installed (Debian: apt-get install tesseract-ocr)"
    return None


@dataclass
class OcrWord:
    text: str
    x0: float  # points, upright page frame
    top: float
    x1: float
    bottom: float
    conf: float
    line: tuple  # Tesseract's (block, paragraph, line): words of one printed line
    bold: bool = False


@dataclass
class OcrPage:
    number: int
    width: float  # points, after turning upright
    height: float
    words: list[OcrWord] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)  # points
    fills: list[Fill] = field(default_factory=list)  # points
    rotation: int = 0  # degrees the scan was turned clockwise to stand upright
    skew: float = 0.0  # degrees it was then turned to level its lines
    seconds: float = 0.0

    @property
    def confidence(self) -> Optional[float]:
        return round(sum(w.conf for w in self.words) / len(self.words), 1) if self.words else None

    def low_confidence(self, floor: float = SETTINGS.confidence_floor) -> list[OcrWord]:
        return [w for w in self.words if w.conf < floor]

    def summary(self, floor: float = SETTINGS.confidence_floor) -> dict:
        return {"page": self.number, "confidence": self.confidence, "words": len(self.words),
                "low_confidence_words": len(self.low_confidence(floor)), "rotation": self.rotation,
                "skew": round(self.skew, 2), "seconds": round(self.seconds, 2)}


# --- the image -----------------------------------------------------------------

def render(pdf_path, page_number: int, dpi: int) -> tuple[np.ndarray, float, float]:
    """Page ``page_number`` (1-based) as an RGB array, with its size in points."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        page = pdf[page_number - 1]
        width, height = page.get_size()
        image = page.render(scale=dpi / 72.0).to_numpy()
    finally:
        pdf.close()
    if image.ndim == 2:
        image = cv2.cvtColor(image, cv2.COLOR_GRAY2RGB)
    elif image.shape[2] == 4:
        image = cv2.cvtColor(image, cv2.COLOR_BGRA2RGB)
    else:
        image = cv2.cvtColor(image, cv2.COLOR_BGR2RGB)  # pdfium renders BGR(x)
    return image, float(width), float(height)


SIDEWAYS = 2.0  # rows of ink this much sharper across the page than along it: the text runs up the page
PROBE_BAND = 0.3  # share of the page's height read to tell which way up a sideways page goes


def _rotation(gray: np.ndarray, settings: OcrSettings) -> tuple[int, float]:
    """(degrees to turn the image clockwise so its text stands upright, skew once upright).

    Lines of text make the ink's profile across them sharp, so the profile is
    compared along both axes, each at its own best angle (a skewed page blurs
    both). A page whose text runs up or down is turned the way in which OCR
    reads a band of it with more confidence: Tesseract's orientation detection
    (OSD) guessed wrong on pages that are mostly table rules.
    """
    ink = ink_mask(gray)
    angle, level = _skew(ink, settings)
    _, across = _skew(np.ascontiguousarray(ink.T), settings)
    if across <= SIDEWAYS * level:
        return 0, angle
    scale = settings.probe_dpi / settings.dpi
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    rotate = max((90, 270), key=lambda r: _legibility(_turn(small, r), settings))
    return rotate, _skew(ink_mask(_turn(gray, rotate)), settings)[0]


def _legibility(gray: np.ndarray, settings: OcrSettings) -> float:
    """How much OCR reads with confidence in the middle band of an upright image."""
    import pytesseract

    h = gray.shape[0]
    band = gray[int(h * (0.5 - PROBE_BAND / 2)):int(h * (0.5 + PROBE_BAND / 2))]
    data = pytesseract.image_to_data(band, lang=settings.lang, config="--psm 3 -c tessedit_do_invert=0",
                                     output_type=pytesseract.Output.DICT)
    return sum(float(c) for t, c in zip(data["text"], data["conf"])
               if len((t or "").strip()) >= 3 and float(c) >= settings.confidence_floor)


def _turn(image: np.ndarray, degrees: int) -> np.ndarray:
    codes = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return cv2.rotate(image, codes[degrees]) if degrees in codes else image


def _skew(ink: np.ndarray, settings: OcrSettings) -> tuple[float, float]:
    """(angle that makes the page's rows of ink sharpest, that sharpness).

    Lines of text and rules project to tall narrow peaks only when level; the
    sharpness is the mean squared step between neighbouring row sums, largest
    at the angle that levels them. Searched coarse to fine on a reduced image,
    so it costs a few tens of milliseconds.
    """
    scale = min(1.0, 1000.0 / max(ink.shape))
    small = cv2.resize(ink, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA).astype(np.float32)
    h, w = small.shape
    centre = (w / 2, h / 2)
    seen: dict[float, float] = {}

    def sharpness(angle: float) -> float:
        key = round(angle, 4)
        if key not in seen:
            m = cv2.getRotationMatrix2D(centre, angle, 1.0)
            rows = cv2.warpAffine(small, m, (w, h), flags=cv2.INTER_NEAREST).sum(axis=1)
            seen[key] = float(np.mean(np.diff(rows) ** 2))
        return seen[key]

    best, span, step = 0.0, settings.max_skew, 0.5
    while step >= settings.skew_step - 1e-9:
        angles = np.arange(best - span, best + span + 1e-9, step)
        best = float(max(angles, key=sharpness))
        span, step = step, step / 5
    return (best if abs(best) >= settings.skew_step else 0.0), sharpness(best)


def _level(image: np.ndarray, angle: float) -> np.ndarray:
    if not angle:
        return image
    h, w = image.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    border = (255, 255, 255) if image.ndim == 3 else 255
    return cv2.warpAffine(image, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=border)


# --- the words -----------------------------------------------------------------

def _stroke(ink: np.ndarray) -> float:
    """Mean stroke width of the ink in a word's box: twice its area over its outline.

    A stroke of width w and length L has area wL and an outline about 2L
    long, so the ratio holds for any letters; it is taken over every inked
    pixel, so a noisy scan's speckled edges move it far less than a reading
    of the strokes' middles would.
    """
    if ink.size == 0 or not ink.any():
        return 0.0
    inked = (ink > 0).astype(np.uint8)
    outline = int(inked.sum()) - int(cv2.erode(inked, np.ones((3, 3), np.uint8)).sum())
    return 2.0 * float(inked.sum()) / max(outline, 1)


def _read_words(gray: np.ndarray, ink: np.ndarray, settings: OcrSettings) -> list[dict]:
    """Tesseract's words with pixel boxes, confidence, line and stroke width."""
    import pytesseract

    data = pytesseract.image_to_data(gray, lang=settings.lang, config="--psm 3 -c tessedit_do_invert=0",
                                     output_type=pytesseract.Output.DICT)
    words = []
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        x, y, w, h = data["left"][i], data["top"][i], data["width"][i], data["height"][i]
        words.append({"text": text, "x0": x, "top": y, "x1": x + w, "bottom": y + h, "conf": conf,
                      "line": (data["block_num"][i], data["par_num"][i], data["line_num"][i]),
                      "stroke": _stroke(ink[y:y + h, x:x + w])})
    return words


BULLET_GAP = 0.8  # a letter-like mark opening a line, then a gap this many line heights wide, is a bullet
BULLET_HEIGHT = 0.75  # ... if it is no taller than this share of the line
_GLUED = re.compile(r"^([^\w\s(\[\"'‘“-])(\(?(?:[a-z]|[0-9]{1,2}|[ivx]{1,4})[.)])$")
_DASHES = set("-–—")


def _is_mark(text: str) -> bool:
    """A token of signs only ("»", ">»", "¢", "*"): not a word, a number, a bracket or a dash."""
    return (len(text) <= 3 and not any(ch.isalnum() for ch in text) and text[0] not in "([\"'‘“"
            and not set(text) <= _DASHES)


def _segments(words: list[dict], rules: list[Rule]) -> list[list[dict]]:
    """Tesseract's lines cut where a column rule or a gutter parts them: one cell's line each.

    With the rules erased, OCR may run one line across the cells of a table
    row; a bullet opens the line of its own cell.
    """
    lines: dict[tuple, list[dict]] = {}
    for w in words:
        lines.setdefault(w["line"], []).append(w)
    columns = [r for r in rules if not r.horizontal]
    out = []
    for line in lines.values():
        line.sort(key=lambda w: w["x0"])
        height = max(w["bottom"] for w in line) - min(w["top"] for w in line)
        top, bottom = min(w["top"] for w in line), max(w["bottom"] for w in line)
        current = [line[0]]
        for prev, w in zip(line, line[1:]):
            ruled = any(prev["x1"] <= r.x0 <= w["x0"] and r.top <= bottom and r.bottom >= top for r in columns)
            if ruled or w["x0"] - prev["x1"] > SPACE_MAX * height:
                out.append(current)
                current = []
            current.append(w)
        out.append(current)
    return out


_NOISY_LABEL = re.compile(r"^(?:[^\w\s(]+|([a-hj-uwyz])(?=\1))(\(?(?:[a-z]|[0-9]{1,2}|[ivx]{1,4})[.)])$")


def _label(text: str) -> str:
    """A list label after a bullet with OCR's noise taken off: "¢c)" and "cc)" are "c)".

    A sign before a label is a speck or the bullet's tail; a doubled letter
    is not a label (roman "ii)" and "xx)" are, and stay).
    """
    m = _NOISY_LABEL.match(text)
    return m.group(2) if m else text


def _bullets(words: list[dict], rules: list[Rule]) -> None:
    """A list's bullet glyph read as a sign or letters ("»", "¢", "e", "Vv") becomes "•".

    Known by layout: a token of signs only opening a cell's line is a bullet
    (prose does not open with one); one or two letters opening it are one only
    when an indent wider than a space sets them off from the text. A bullet
    read into the list label after it ("¢c)") is split from the label.
    """
    for line in _segments(words, rules):
        first = line[0]
        glued = _GLUED.match(first["text"])
        if glued:
            cut = first["x0"] + (first["x1"] - first["x0"]) * len(glued.group(1)) / len(first["text"])
            words.append({**first, "text": glued.group(2), "x0": cut + 1})
            first.update(text="•", x1=cut - 1)
        elif _is_mark(first["text"]):
            first["text"] = "•"
            if len(line) >= 2:
                line[1]["text"] = _label(line[1]["text"])
        elif len(line) >= 2 and len(first["text"]) <= 2 and first["text"].isalpha():
            height = max(w["bottom"] for w in line) - min(w["top"] for w in line)
            if line[1]["x0"] - first["x1"] >= BULLET_GAP * height:
                first["text"] = "•"


BOLD_LINE = 0.7  # a line with this share of its letters in bold words is a bold line
SHORT = 3  # words of this many characters or fewer give too little ink to judge alone
_TALL = set("bdfhklt0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LOW = set("gjpqy,;()[]{}|/")


def _bold(words: list[dict], ratio: float) -> None:
    """Bold words: strokes thicker, for their type's size, than the page's usual.

    OCR reports no font, and headings are known by weight. A stroke's width
    grows with the type size, so it is taken relative to the height of the
    line's capitals and ascenders; a short word ("of", "IN") is judged with
    the longer words of its line. Weight is set for a run of text, so a line
    read bold in most of its letters is bold throughout: a word of it read
    regular is a misreading of a noisy scan.
    """
    lines: dict[tuple, list[dict]] = {}
    for w in words:
        lines.setdefault(w["line"], []).append(w)
    for line in lines.values():
        tall = [w["bottom"] - w["top"] for w in line if _TALL & set(w["text"]) and not _LOW & set(w["text"])]
        height = float(np.median(tall)) if tall else float(np.median([w["bottom"] - w["top"] for w in line]))
        for w in line:
            w["weight"] = w["stroke"] / max(height, 1.0)
    weights = sorted(w["weight"] for w in words if len(w["text"]) > SHORT)
    if len(weights) < 10:
        return
    usual = weights[len(weights) // 2]
    for line in lines.values():
        long_ = [w["weight"] >= ratio * usual for w in line if len(w["text"]) > SHORT]
        for w in line:
            if len(w["text"]) > SHORT or not long_:
                w["bold"] = w["weight"] >= ratio * usual
            else:
                w["bold"] = sum(long_) * 2 > len(long_)
        letters = sum(len(w["text"]) for w in line)
        if sum(len(w["text"]) for w in line if w["bold"]) >= BOLD_LINE * letters:
            for w in line:
                w["bold"] = True


def _read_page(rgb: np.ndarray, gray: np.ndarray, width_pt: float, settings: OcrSettings):
    """(words, rules, fills, pixels per point) of an upright, level page image."""
    px_per_pt = gray.shape[1] / width_pt
    fills, colour = find_fills(rgb, px_per_pt)
    gray = gray.copy()
    gray[colour > 0] = 255  # the fill's colour goes; the dark text printed on it stays (it is not saturated)
    ink = ink_mask(gray)
    rules, rule_pixels = find_rules(rule_mask(gray, ink), px_per_pt)
    gray[rule_pixels > 0] = 255  # rules read as "|" and "_" by OCR; they are the table's, not text
    ink[rule_pixels > 0] = 0
    words = split_run_together(_read_words(gray, ink, settings), ink)
    fix_ordinals(words)
    number_hanging_labels(words)
    _bullets(words, rules)
    fix_list_labels(_segments(words, rules))
    _bold(words, settings.bold_ratio)
    return words, rules, fills, px_per_pt


UPSIDE_DOUBT = 0.5  # under this share of a page's words read with confidence, it may be upside down


def _doubtful(words: list[dict], settings: OcrSettings) -> bool:
    """Did OCR read the page poorly enough that it may lie upside down?

    Text turned half round reads as confident nonsense nowhere: most of its
    words fall under the confidence floor. A page read well pays nothing more.
    """
    long_ = [w for w in words if len(w["text"]) >= SHORT]
    if not long_:
        return bool(words)
    return sum(w["conf"] >= settings.confidence_floor for w in long_) < UPSIDE_DOUBT * len(long_)


def _upside_down(gray: np.ndarray, settings: OcrSettings) -> bool:
    """Does a band of the page read with more confidence turned half round?"""
    scale = settings.probe_dpi / settings.dpi
    small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return _legibility(_turn(small, 180), settings) > _legibility(small, settings)


def ocr_page(pdf_path, page_number: int, settings: OcrSettings = SETTINGS) -> OcrPage:
    """Read one page of ``pdf_path`` by OCR, in the upright page's points."""
    import time

    started = time.perf_counter()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one page, one core: --jobs runs pages side by side
    rgb, width_pt, height_pt = render(pdf_path, page_number, settings.dpi)
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    if np.count_nonzero(ink_mask(gray)) < BLANK_INK * gray.size:
        return OcrPage(page_number, width_pt, height_pt, seconds=time.perf_counter() - started)  # a blank sheet
    rotation, angle = _rotation(gray, settings)
    if rotation:
        rgb, gray = _turn(rgb, rotation), _turn(gray, rotation)
        if rotation in (90, 270):
            width_pt, height_pt = height_pt, width_pt
    rgb, gray = _level(rgb, angle), _level(gray, angle)
    words, rules, fills, px_per_pt = _read_page(rgb, gray, width_pt, settings)
    if _doubtful(words, settings) and _upside_down(gray, settings):
        rotation = (rotation + 180) % 360
        rgb, gray = _turn(rgb, 180), _turn(gray, 180)
        words, rules, fills, px_per_pt = _read_page(rgb, gray, width_pt, settings)
    k = 1.0 / px_per_pt
    page = OcrPage(page_number, width_pt, height_pt, rotation=rotation, skew=angle)
    page.words = [OcrWord(w["text"], w["x0"] * k, w["top"] * k, w["x1"] * k, w["bottom"] * k, w["conf"], w["line"],
                          w.get("bold", False)) for w in words]
    page.rules = [Rule(r.x0 * k, r.top * k, r.x1 * k, r.bottom * k) for r in rules]
    page.fills = [Fill(f.x0 * k, f.top * k, f.x1 * k, f.bottom * k, f.rgb) for f in fills]
    if sum(1 for w in page.words if w.conf >= settings.confidence_floor) < settings.min_words:
        page.words = []  # specks and noise: nothing on this page can be read
    page.seconds = time.perf_counter() - started
    return page


# --- into the pdfplumber page ----------------------------------------------------

DESCENDERS = set("gjpqy,;()[]{}|/")  # letters that reach below the baseline
ASCENDERS = set("bdfhklt0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
ASCENT = 0.79  # of the font size above the baseline, as a PDF font's box puts it
SPACE_MAX = 1.5  # a gap wider than this many font sizes is a column gutter, not a space


def _line_metrics(words: list[OcrWord]) -> tuple[float, float]:
    """(baseline, font size) of one printed line.

    Word boxes are ink boxes, ragged by ascenders and descenders; a PDF's
    characters all share the line's baseline and font box. The baseline is
    where words without descenders end; the size follows from the height of
    words that reach cap height.
    """
    plain = [w.bottom for w in words if not DESCENDERS & set(w.text)]
    tall = [w.bottom - w.top for w in words if ASCENDERS & set(w.text) and not DESCENDERS & set(w.text)]
    box = max(w.bottom for w in words) - min(w.top for w in words)
    baseline = float(np.median(plain)) if plain else max(w.bottom for w in words) - 0.2 * box
    size = float(np.median(tall)) / 0.72 if tall else box
    return baseline, max(size, 1.0)


def _char(text, x0, x1, top, bottom, size, bold, height, doctop) -> dict:
    return {"object_type": "char", "text": text, "fontname": "OCR-Bold" if bold else "OCR", "size": size,
            "x0": x0, "x1": x1, "top": top, "bottom": bottom, "y0": height - bottom, "y1": height - top,
            "width": x1 - x0, "height": bottom - top, "doctop": doctop + top, "upright": True, "adv": x1 - x0,
            "matrix": (size, 0, 0, size, x0, height - bottom), "stroking_color": None,
            "non_stroking_color": (0,), "ncs": "DeviceGray", "scs": "DeviceGray"}


def _chars(page: OcrPage, doctop: float) -> list[dict]:
    lines: dict[tuple, list[OcrWord]] = {}
    for w in page.words:
        lines.setdefault(w.line, []).append(w)
    out = []
    for words in lines.values():
        words.sort(key=lambda w: w.x0)
        baseline, size = _line_metrics(words)
        top, bottom = baseline - ASCENT * size, baseline + (1 - ASCENT) * size
        for j, w in enumerate(words):
            step = (w.x1 - w.x0) / len(w.text)
            for k, ch in enumerate(w.text):
                out.append(_char(ch, w.x0 + k * step, w.x0 + (k + 1) * step, top, bottom, size, w.bold,
                                 page.height, doctop))
            if j + 1 < len(words) and words[j + 1].x0 - w.x1 <= SPACE_MAX * size:
                out.append(_char(" ", w.x1, words[j + 1].x0, top, bottom, size, w.bold, page.height, doctop))
    return out


def _line(rule: Rule, height: float, doctop: float) -> dict:
    x0, top, x1, bottom = rule.x0, rule.top, rule.x1, rule.bottom
    return {"object_type": "line", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "y0": height - bottom,
            "y1": height - top, "width": x1 - x0, "height": bottom - top, "doctop": doctop + top,
            "linewidth": 1.0, "stroke": True, "fill": False, "pts": [(x0, top), (x1, bottom)],
            "stroking_color": (0,), "non_stroking_color": (0,)}


def _rect(fill: Fill, height: float, doctop: float) -> dict:
    x0, top, x1, bottom = fill.x0, fill.top, fill.x1, fill.bottom
    return {"object_type": "rect", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "y0": height - bottom,
            "y1": height - top, "width": x1 - x0, "height": bottom - top, "doctop": doctop + top,
            "linewidth": 0.0, "stroke": False, "fill": True, "stroking_color": None,
            "non_stroking_color": fill.rgb}


def apply_to(plumber_page, page: OcrPage) -> None:
    """Make a pdfplumber page hold the OCR'd words, rules and fills as its own objects.

    pdfplumber keeps a page's objects in ``_objects`` and derives chars,
    edges, rects, words and tables from it, so everything that reads the page
    (``pdf.page_model``, the unruled-table readers) reads the scan unchanged.
    A page turned upright takes the upright size.
    """
    doctop = getattr(plumber_page, "initial_doctop", 0)
    objects = {"char": _chars(page, doctop),
               "line": [_line(r, page.height, doctop) for r in page.rules],
               "rect": [_rect(f, page.height, doctop) for f in page.fills],
               "image": list(plumber_page.objects.get("image", []))}
    plumber_page._objects = objects
    if (round(page.width), round(page.height)) != (round(plumber_page.width), round(plumber_page.height)):
        plumber_page.bbox = plumber_page.mediabox = plumber_page.cropbox = (0, 0, page.width, page.height)
    plumber_page.ocr = page
