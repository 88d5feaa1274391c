"""A PDF page's characters, paths and images read by pdfium, as pdfplumber objects.

Interpreting a page's content stream in pdfminer is most of the cost of reading
a PDF; pdfium does the same work in C many times faster. The readers consume
pdfplumber's page (``page.chars``, ``page.edges``, ``page.rects``,
``page.find_tables``...), which derives all of that from one dictionary of
objects, so filling that dictionary from pdfium (as ``extract.ocr`` does from a
scan) leaves every reader unchanged.

The objects follow pdfminer's conventions, not pdfium's, so the two page
models lay out the same text:

* a character's box runs from the font's descent to descent + font size, and
  from its origin to its advance (pdfium's loose box, not the ink box);
* spaces and hyphens pdfium *generates* between words are not glyphs of the
  page and are left out, and a line-end hyphen it marks as U+0002 is a hyphen;
* a path is split into subpaths at each move; a two-point one is a line, a
  closed axis-aligned four-point one a rectangle, anything else a curve;
* coordinates pass through pdfminer's page rotation and pdfplumber's flip to a
  top-left origin, so boxes equal pdfplumber's on rotated pages too;
* font names and descents are the ones the PDF declares (pdfium strips the
  subset prefix and measures the font program), and the standard 14 fonts
  are measured by pdfminer's own metrics, as pdfminer does;
* glyphs come in content-stream order (pdfium's text page sorts a line's
  objects by position), and a text object pdfium skips for having no ink (a
  word space set on its own) gives back its space;
* colours are RGB components in 0..1 (pdfium resolves every colour space).

What still differs: pdfium keeps coordinates as 32-bit floats, so a box can
differ from pdfminer's in the fifth significant digit (rounded to 0.1 pt, a
tenth either way), and pdfium collapses a run of space glyphs into one (the
words are the same). pdfminer still reads the file's structure: the page tree,
page boxes, metadata and font dictionaries, none of which interprets content.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

# pdfium reports a hyphen it judges to break a word at a line's end as U+0002; the
# glyph on the page (what pdfminer reads) is a hyphen-minus.
HYPHEN_MARK = 0x02
# pdfium's page object types (fpdf_edit.h)
_TEXT, _PATH, _IMAGE, _FORM = 1, 2, 3, 5
# pdfium's path segment types (anything else is a line to its point)
_BEZIERTO, _MOVETO = 1, 2


@dataclass(frozen=True)
class PdfiumSettings:
    """How pdfium's reading is mapped onto pdfminer's conventions."""

    # A point equal to the subpath's start within this many points closes it (pdfium
    # stores float coordinates where pdfminer keeps the content stream's decimals).
    same_point: float = 1e-3
    # Fonts with no usable descent: pdfminer places such glyphs on the baseline.
    default_descent: float = 0.0
    # pdfium keeps coordinates as 32-bit floats (342.98 comes back as 342.9800049); rounded to
    # this many decimals they are the content stream's numbers again, as pdfminer reads them.
    decimals: int = 4


SETTINGS = PdfiumSettings()


def _mul(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF's row-vector convention)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def rotation_ctm(mediabox, rotate: int) -> Matrix:
    """pdfminer's device matrix for a page (``PDFPageInterpreter.process_page``)."""
    x0, y0, x1, y1 = mediabox
    if rotate == 90:
        return (0, -1, 1, 0, -y0, x1)
    if rotate == 180:
        return (-1, 0, 0, -1, x1, y1)
    if rotate == 270:
        return (0, 1, -1, 0, y1, -x0)
    return (1, 0, 0, 1, -x0, -y0)


class _Frame:
    """From pdfium's user space to the pdfplumber page's top-left frame."""

    def __init__(self, plumber_page, raw_mediabox):
        self.ctm = rotation_ctm(raw_mediabox, plumber_page.rotation)
        self.mb_x0, self.mb_top = float(plumber_page.mediabox[0]), float(plumber_page.mediabox[1])
        self.height = float(plumber_page.height)
        self.doctop = float(getattr(plumber_page, "initial_doctop", 0) or 0)
        self.page_number = plumber_page.page_number

    def device(self, x: float, y: float) -> tuple[float, float]:
        """pdfminer's coordinates of a user-space point."""
        return _apply(self.ctm, x, y)

    def box(self, pts) -> dict:
        """pdfplumber's geometry keys for the device-space points ``pts``."""
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        top = self.height - y1 + self.mb_top
        bottom = self.height - y0 + self.mb_top
        return {"x0": x0 + self.mb_x0, "y0": y0, "x1": x1 + self.mb_x0, "y1": y1, "width": x1 - x0,
                "height": y1 - y0, "top": top, "bottom": bottom, "doctop": self.doctop + top}

    def coord(self, pt) -> tuple[float, float]:
        """pdfplumber's ``point2coord``: a device point in the top-left frame."""
        return (self.mb_x0 + pt[0], self.mb_top + self.height - pt[1])


def _rgb(getter, handle, *args) -> tuple | None:
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not getter(handle, *args, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):
        return None
    return (r.value / 255, g.value / 255, b.value / 255)


def _matrix(getter, handle, *args) -> Matrix:
    m = raw.FS_MATRIX()
    if not getter(handle, *args, ctypes.byref(m)):
        return IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _declared_fonts(plumber_page) -> dict[str, tuple[str, float]]:
    """{font name less subset prefix: (BaseFont as written, /Descent per unit of size)}.

    pdfium names a font without its subset prefix ("ABCDEF+") and measures its
    descent from the font program; pdfminer uses the name and the /Descent the
    PDF declares (0 when absent), so boxes are placed as pdfminer places them.
    Only the font dictionaries are resolved, never a content stream.
    """
    from pdfminer.fontmetrics import FONT_METRICS
    from pdfminer.pdftypes import resolve1

    out: dict[str, tuple[str, float]] = {}

    def visit(resources, depth=0):
        resources = resolve1(resources) or {}
        for spec in (resolve1(resources.get("Font")) or {}).values():
            spec = resolve1(spec) or {}
            base = resolve1(spec.get("BaseFont"))
            name = getattr(base, "name", base)
            if isinstance(name, bytes):
                name = name.decode("latin-1")
            if not isinstance(name, str):
                continue
            subtype = getattr(resolve1(spec.get("Subtype")), "name", "")
            if subtype in ("Type1", "TrueType", "MMType1") and name in FONT_METRICS:
                # pdfminer measures the standard 14 fonts by its own metrics, whatever the PDF declares
                out.setdefault(name, (name, float(FONT_METRICS[name][0].get("Descent", 0)) / 1000))
                continue
            descriptor = resolve1(spec.get("FontDescriptor"))
            if descriptor is None and spec.get("DescendantFonts"):
                kids = resolve1(spec["DescendantFonts"]) or []
                descriptor = resolve1(resolve1(kids[0]).get("FontDescriptor")) if kids else None
            descent = resolve1((descriptor or {}).get("Descent", 0)) or 0
            try:
                descent = -abs(float(descent)) / 1000
            except (TypeError, ValueError):
                descent = 0.0
            out.setdefault(name.split("+", 1)[-1], (name, descent))
        if depth < 2:
            for xobj in (resolve1(resources.get("XObject")) or {}).values():
                xobj = resolve1(xobj)
                attrs = getattr(xobj, "attrs", {})
                if getattr(attrs.get("Subtype"), "name", None) == "Form" and attrs.get("Resources"):
                    visit(attrs["Resources"], depth + 1)

    try:
        visit(plumber_page.page_obj.resources)
    except Exception:  # a damaged resource dictionary: pdfium's own names and metrics stand
        pass
    return out


class _Fonts:
    """Name and descent of each font, read once per page."""

    def __init__(self, declared=None):
        self.declared = declared or {}
        self.names: dict[int, str] = {}
        self.descents: dict[tuple[int, float], float] = {}
        self.advances: dict[tuple[int, int, float], float] = {}

    def name(self, font) -> str:
        key = _address(font)
        if key not in self.names:
            n = raw.FPDFFont_GetBaseFontName(font, None, 0)
            if n > 1:
                buf = ctypes.create_string_buffer(n)
                raw.FPDFFont_GetBaseFontName(font, buf, n)
                short = buf.value.decode("utf-8", "replace")
                self.names[key] = self.declared.get(short, (short, 0.0))[0]
            else:
                self.names[key] = ""
        return self.names[key]

    def advance(self, font, code: int, size: float) -> float:
        """The glyph's advance from the font's widths (pdfminer's), not its ink."""
        key = (_address(font), code, size)
        if key not in self.advances:
            w = ctypes.c_float()
            ok = raw.FPDFFont_GetGlyphWidth(font, code, ctypes.c_float(size), ctypes.byref(w))
            self.advances[key] = w.value if ok else 0.0
        return self.advances[key]

    def descent(self, font, size: float) -> float:
        key = (_address(font), size)
        if key not in self.descents:
            declared = self.declared.get(self.name(font).split("+", 1)[-1])
            if declared is not None:
                self.descents[key] = declared[1] * size
            else:
                d = ctypes.c_float()
                ok = raw.FPDFFont_GetDescent(font, ctypes.c_float(size), ctypes.byref(d))
                self.descents[key] = d.value if ok else SETTINGS.default_descent * size
        return self.descents[key]


def _address(handle) -> int:
    """A pdfium handle's address, to recognise the same object again (cheaper than ctypes.cast)."""
    return ctypes.c_void_p.from_buffer(handle).value or 0 if handle else 0


# FPDFText_GetTextObject returning the object's address as a plain int: it is asked for every
# glyph, and turning pypdfium2's pointer into a number costs more than the call.
_OBJECT_ADDRESS = ctypes.CFUNCTYPE(ctypes.c_void_p, raw.FPDF_TEXTPAGE, ctypes.c_int)(
    ctypes.cast(raw.FPDFText_GetTextObject, ctypes.c_void_p).value)


def _text_object(textpage, i: int, obj, frame: _Frame, fonts: _Fonts) -> tuple:
    """What every glyph of one text object shares: font, size, colours and matrix."""
    font = raw.FPDFTextObj_GetFont(obj) if obj else None
    size = ctypes.c_float()
    if obj:
        raw.FPDFTextObj_GetFontSize(obj, ctypes.byref(size))
    a, b, c, d, _, _ = _matrix(raw.FPDFText_GetMatrix, textpage, i)
    ma, mb, mc, md, _, _ = _mul((a, b, c, d, 0.0, 0.0), frame.ctm)
    simple = b == 0 and c == 0 and font is not None and size.value > 0
    return (fonts.name(font) if font else "", font, size.value,
            _rgb(raw.FPDFText_GetStrokeColor, textpage, i), _rgb(raw.FPDFText_GetFillColor, textpage, i),
            (a, d), (ma, mb, mc, md), ma * md > 0 and mb * mc <= 0, simple,
            fonts.descent(font, size.value) if simple else 0.0)


def _blank_objects(emit, seen: dict, blanks: list, frame: _Frame, fonts: _Fonts) -> None:
    """The space glyphs of text objects pdfium's text page leaves out.

    pdfium skips a text object whose glyphs have no ink (a word space set on its
    own, as some producers do between words) and generates a space of its own
    instead, where pdfminer reads the glyph. Each such object gives one space,
    from its origin across the font's space advance.
    """
    for handle, m in blanks:
        key = _address(handle)
        if key in seen:
            continue
        font = raw.FPDFTextObj_GetFont(handle)
        size = ctypes.c_float()
        raw.FPDFTextObj_GetFontSize(handle, ctypes.byref(size))
        a, b, c, d, e, f = m
        if font is None or size.value <= 0 or b or c:
            continue
        x0, y0 = round(e, SETTINGS.decimals), round(f, SETTINGS.decimals)
        advance = round(fonts.advance(font, 0x20, size.value), SETTINGS.decimals) * a
        bottom = y0 + fonts.descent(font, size.value) * d
        ma, mb, mc, md, _, _ = _mul((a, 0.0, 0.0, d, 0.0, 0.0), frame.ctm)
        info = (fonts.name(font), font, size.value, None, _rgb(raw.FPDFPageObj_GetFillColor, handle), (a, d),
                (ma, mb, mc, md), ma * md > 0 and mb * mc <= 0, True, 0.0)
        emit(x0, x0 + advance, bottom, bottom + size.value * d, " ", info, (x0, y0), key)


def _widen_to_glyph(char: dict, textpage, i: int, box) -> None:
    """A ligature ("ff", "fi") reaches us as its first letter with that letter's advance: its box
    is widened to the whole glyph's advance, which pdfium's loose box of the glyph gives, so the
    word is not cut where the ligature ends ("Offi cers")."""
    raw.FPDFText_GetLooseCharBox(textpage, i, ctypes.byref(box))
    width = abs(box.right - box.left)
    if char["upright"] and width > char["width"]:
        char["x1"] = char["x0"] + width
        char["width"] = char["adv"] = width
        char["ligature"] = True  # the loose box may run a little past the advance: see _fit_ligatures


def _fit_ligatures(chars: list[dict]) -> None:
    """A widened ligature ends where the next glyph of its line starts, when that is inside it."""
    for k, char in enumerate(chars[:-1]):
        if char.pop("ligature", False):
            nxt = chars[k + 1]
            if abs(nxt["top"] - char["top"]) < 0.5 and char["x0"] < nxt["x0"] < char["x1"]:
                char["x1"] = nxt["x0"]
                char["width"] = char["adv"] = char["x1"] - char["x0"]
    if chars:
        chars[-1].pop("ligature", None)


def _chars(textpage, frame: _Frame, fonts: _Fonts, unmapped: list[int], blanks: list) -> list[dict]:
    """Every glyph of the page as a pdfplumber char (generated spaces left out).

    ``unmapped[0]`` counts the glyphs whose font gives no Unicode for them;
    ``blanks`` are the page's text objects in content order, with their matrices."""
    out = []
    orders: list[int] = []  # each glyph's text object's place in the content stream
    advances: dict[tuple[int, int], float] = {}  # (text object, character) -> advance across the page
    order = {_address(handle): k for k, (handle, _) in enumerate(blanks)}
    objects: dict[int, tuple] = {}  # text object -> what its glyphs share (``_text_object``)
    box = raw.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    pox, poy = ctypes.byref(ox), ctypes.byref(oy)
    n = raw.FPDFText_CountChars(textpage)
    is_generated, unicode_of, map_error = raw.FPDFText_IsGenerated, raw.FPDFText_GetUnicode, \
        raw.FPDFText_HasUnicodeMapError
    object_at, origin_of = _OBJECT_ADDRESS, raw.FPDFText_GetCharOrigin
    height, mb_x0, mb_top, doctop, page_number = frame.height, frame.mb_x0, frame.mb_top, frame.doctop, \
        frame.page_number
    plain = frame.ctm[:4] == (1, 0, 0, 1)
    places = SETTINGS.decimals
    ex, ey = frame.ctm[4], frame.ctm[5]
    last_origin = None  # a glyph whose Unicode is several characters (a ligature) arrives as several chars

    def emit(x0, x1, y0, y1, text, info, origin, key):
        orders.append(order.get(key, orders[-1] if orders else -1))
        fontname, _, _, stroke, fill, _, matrix, upright, _, _ = info
        if plain:
            x0, x1, y0, y1 = x0 + ex, x1 + ex, y0 + ey, y1 + ey
            dx, dy = origin[0] + ex, origin[1] + ey
        else:
            (x0, y0), (x1, y1) = frame.device(x0, y0), frame.device(x1, y1)
            dx, dy = frame.device(origin[0], origin[1])
        if x1 < x0:
            x0, x1 = x1, x0
        if y1 < y0:
            y0, y1 = y1, y0
        top, bottom = height - y1 + mb_top, height - y0 + mb_top
        w, h = x1 - x0, y1 - y0
        out.append({"matrix": (*matrix, dx, dy), "fontname": fontname, "adv": w if upright else h,
                    "upright": upright, "x0": x0 + mb_x0, "y0": y0, "x1": x1 + mb_x0, "y1": y1, "width": w,
                    "height": h, "size": h, "mcid": None, "tag": None, "object_type": "char",
                    "page_number": page_number, "ncs": "DeviceRGB", "text": text, "stroking_color": stroke,
                    "non_stroking_color": fill, "top": top, "bottom": bottom, "doctop": doctop + top})

    for i in range(n):
        if is_generated(textpage, i) == 1:
            continue
        code = unicode_of(textpage, i)
        if map_error(textpage, i) == 1:
            unmapped[0] += 1
        if code == HYPHEN_MARK:
            code = 0x2D
        try:
            text = chr(code)
        except (ValueError, OverflowError):
            continue
        key = object_at(textpage, i) or 0
        info = objects.get(key)
        if info is None:
            obj = raw.FPDFText_GetTextObject(textpage, i)
            info = objects[key] = _text_object(textpage, i, obj, frame, fonts)
        _, font, size, _, _, (a, d), _, _, simple, descent = info
        origin_of(textpage, i, pox, poy)
        origin = (round(ox.value, places), round(oy.value, places), key)
        if origin == last_origin:
            out[-1]["text"] += text  # the rest of a ligature's Unicode: the same glyph
            if simple:
                _widen_to_glyph(out[-1], textpage, i, box)
            continue
        last_origin = origin
        if simple:
            # pdfminer's box: origin to advance across, descent to descent + size up
            x0 = origin[0]
            advance = advances.get((key, code))
            if advance is None:
                advance = advances[(key, code)] = round(fonts.advance(font, code, size), places) * a
            x1 = x0 + advance
            y0 = origin[1] + descent * d
            y1 = y0 + size * d
        else:
            raw.FPDFText_GetLooseCharBox(textpage, i, ctypes.byref(box))
            x0, x1, y0, y1 = box.left, box.right, box.bottom, box.top
        emit(x0, x1, y0, y1, text, info, origin, key)
    _blank_objects(emit, objects, blanks, frame, fonts)
    # pdfium's text page sets objects in its own reading order; pdfminer's is the content stream's
    if not all(a <= b for a, b in zip(orders, orders[1:])):
        out = [out[k] for k in sorted(range(len(out)), key=orders.__getitem__)]  # a stable sort
    _fit_ligatures(out)
    return out


def _segments(path, m: Matrix) -> list[tuple[str, tuple[float, float]]]:
    """(operator, user-space point) of a path object, in pdfminer's letters (m, l, c, h)."""
    out: list[tuple[str, tuple[float, float]]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    bezier = 0
    for k in range(raw.FPDFPath_CountSegments(path)):
        seg = raw.FPDFPath_GetPathSegment(path, k)
        raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
        kind = raw.FPDFPathSegment_GetType(seg)
        px, py = _apply(m, x.value, y.value)
        pt = (round(px, SETTINGS.decimals), round(py, SETTINGS.decimals))
        if kind == _MOVETO:
            out.append(("m", pt))
        elif kind == _BEZIERTO:
            bezier += 1
            if bezier % 3:
                continue  # control points: pdfminer keeps a curve's end point
            out.append(("c", pt))
        else:
            out.append(("l", pt))
        if raw.FPDFPathSegment_GetClose(seg):
            out.append(("h", None))
    return out


def _paint(segments, frame: _Frame, props: dict) -> list[dict]:
    """pdfminer's ``paint_path``: lines, rectangles and curves of one painted path."""
    starts = [k for k, (op, _) in enumerate(segments) if op == "m"]
    if not starts or starts[0] != 0:
        return []
    out = []
    for s, e in zip(starts, starts[1:] + [len(segments)]):
        sub = segments[s:e]
        if len(sub) < 2:
            continue
        first = frame.device(*sub[0][1])
        pts = [first if op == "h" else frame.device(*pt) for op, pt in sub]
        shape = "".join(op for op, _ in sub)
        path = [(op, *( [frame.coord(p)] if op != "h" else [])) for op, p in zip(shape, pts)]
        same = lambda p, q: abs(p[0] - q[0]) <= SETTINGS.same_point and abs(p[1] - q[1]) <= SETTINGS.same_point  # noqa: E731
        if len(shape) > 3 and shape[-2:] == "lh" and same(pts[-2], pts[0]):
            shape = shape[:-2] + "h"
            pts.pop(-2)
        kind = "curve"
        if shape in {"mlh", "ml"}:
            kind, pts = "line", pts[:2]
        elif shape in {"mlllh", "mllll"}:
            (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
            square = (abs(x0 - x1) <= SETTINGS.same_point and abs(y1 - y2) <= SETTINGS.same_point
                      and abs(x2 - x3) <= SETTINGS.same_point and abs(y3 - y0) <= SETTINGS.same_point) or \
                     (abs(y0 - y1) <= SETTINGS.same_point and abs(x1 - x2) <= SETTINGS.same_point
                      and abs(y2 - y3) <= SETTINGS.same_point and abs(x3 - x0) <= SETTINGS.same_point)
            if same(pts[0], pts[4]) and square:
                kind = "rect"
        obj = {**frame.box(pts), **props, "object_type": kind, "page_number": frame.page_number,
               "mcid": None, "tag": None}
        if kind != "rect":
            obj["pts"] = [frame.coord(p) for p in pts]
        obj["path"] = path
        out.append(obj)
    return out


def _walk(handles, frame: _Frame, outer: Matrix, found: dict) -> None:
    """Paths and images of a list of page objects, descending into form XObjects."""
    for obj in handles:
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == _TEXT:
            found.setdefault("_text", []).append((obj, _mul(_matrix(raw.FPDFPageObj_GetMatrix, obj), outer)))
        elif kind == _FORM:
            inner = _mul(_matrix(raw.FPDFPageObj_GetMatrix, obj), outer)
            n = raw.FPDFFormObj_CountObjects(obj)
            _walk((raw.FPDFFormObj_GetObject(obj, k) for k in range(n)), frame, inner, found)
        elif kind == _PATH:
            fillmode, stroke = ctypes.c_int(), ctypes.c_int()
            raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fillmode), ctypes.byref(stroke))
            if not fillmode.value and not stroke.value:
                continue  # a path that paints nothing (pdfminer never sees it)
            width = ctypes.c_float()
            raw.FPDFPageObj_GetStrokeWidth(obj, ctypes.byref(width))
            m = _mul(_matrix(raw.FPDFPageObj_GetMatrix, obj), outer)
            props = {"linewidth": width.value, "stroke": bool(stroke.value), "fill": bool(fillmode.value),
                     "evenodd": fillmode.value == 1, "dash": None,
                     "stroking_color": _rgb(raw.FPDFPageObj_GetStrokeColor, obj),
                     "non_stroking_color": _rgb(raw.FPDFPageObj_GetFillColor, obj)}
            for shape in _paint(_segments(obj, m), frame, props):
                found.setdefault(shape["object_type"], []).append(shape)
        elif kind == _IMAGE:
            m = _mul(_matrix(raw.FPDFPageObj_GetMatrix, obj), outer)
            corners = [frame.device(*(round(v, SETTINGS.decimals) for v in _apply(m, x, y)))
                       for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
            w, h = ctypes.c_uint(), ctypes.c_uint()
            raw.FPDFImageObj_GetImagePixelSize(obj, ctypes.byref(w), ctypes.byref(h))
            found.setdefault("image", []).append({**frame.box(corners), "object_type": "image",
                                                  "page_number": frame.page_number, "srcsize": (w.value, h.value),
                                                  "mcid": None, "tag": None})


class PageObjects(dict):
    """pdfplumber's objects dictionary, and how many glyphs had no Unicode mapping."""

    unmapped: int = 0


def page_objects(doc: pdfium.PdfDocument, plumber_page) -> PageObjects:
    """The objects dictionary pdfplumber would parse for ``plumber_page``, read by pdfium."""
    page = doc[plumber_page.page_number - 1]
    try:
        mediabox = page.get_mediabox()
        frame = _Frame(plumber_page, mediabox)
        textpage = page.get_textpage()
        found: dict[str, list] = {}
        n = raw.FPDFPage_CountObjects(page.raw)
        _walk((raw.FPDFPage_GetObject(page.raw, k) for k in range(n)), frame, IDENTITY, found)
        blanks = found.pop("_text", [])
        try:
            unmapped = [0]
            found["char"] = _chars(textpage.raw, frame, _Fonts(_declared_fonts(plumber_page)), unmapped, blanks)
        finally:
            textpage.close()
        out = PageObjects((k, v) for k, v in found.items() if v)
        out.unmapped = unmapped[0]
        return out
    finally:
        page.close()
