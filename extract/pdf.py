"""Build the page model from a PDF with pdfplumber's page, its objects read by pdfium.

pdfplumber is used because it gives both ruled-table geometry (merged cells
come back as None, which is how a merged action cell is recognised) and words
with positions and fonts (bold headings, two-column attendance lists). It
derives all of that from one dictionary of page objects; pdfium fills that
dictionary many times faster than pdfminer interprets the page
(``extract.pdfium_objects``), so pdfminer only reads the file's structure
(page tree, boxes, metadata, font dictionaries). ``PLANTRACE_PAGE_MODEL=pdfplumber``
reads the pages with pdfminer as before.
"""
from __future__ import annotations

import os
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect, PDFEncryptionError
from pdfminer.psparser import PSException

from .errors import CorruptFile, EmptyFile, EncryptedFile, NoTextLayer
from .layout import cell_texts, page_words, text_lines
from .model import Cell, DocumentModel, Line, Page, Table, Word
from .overprint import drop_overprinted
from .rejoin import rejoin_split_words
from .shading import cell_rating, rating_of

TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}

# Which library interprets the pages' content: "pdfium" (the same objects as pdfminer's, see
# extract.pdfium_objects, read several times faster) or "pdfplumber" (pdfminer). $PLANTRACE_PAGE_MODEL sets it.
PAGE_MODELS = ("pdfplumber", "pdfium")
DEFAULT_PAGE_MODEL = "pdfium"


def page_model_name(asked: str | None = None) -> str:
    """The page model to read with: ``asked``, else $PLANTRACE_PAGE_MODEL, else the default."""
    name = (asked or os.environ.get("PLANTRACE_PAGE_MODEL") or DEFAULT_PAGE_MODEL).strip().lower()
    if name not in PAGE_MODELS:
        raise ValueError(f"page model must be one of {', '.join(PAGE_MODELS)}, not {name!r}")
    return name


def _inside(obj, bbox, slack=1.0) -> bool:
    x0, top, x1, bottom = bbox
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return x0 - slack <= cx <= x1 + slack and top - slack <= cy <= bottom + slack


def _table(page_number: int, found, words, fills=()) -> Table:
    rows: list[list[Cell]] = []
    texts = cell_texts(found, words)
    for r, (row, row_texts) in enumerate(zip(found.rows, texts)):
        cells = []
        for c, (bbox, text) in enumerate(zip(row.cells, row_texts)):
            cells.append(
                Cell(
                    text=text or "",
                    bbox=tuple(bbox) if bbox else None,
                    row=r,
                    col=c,
                    continued=bbox is None,
                    shade=cell_rating(bbox, fills) if fills else None,
                )
            )
        rows.append(cells)
    return Table(page=page_number, bbox=tuple(found.bbox), rows=rows, ruled=True)


def _lines(lines, table_bboxes) -> list[Line]:
    """Text lines outside tables, as Line objects with their words' fonts."""
    out = []
    for _, pairs in lines:
        kept = [(w, chars) for w, chars in pairs if not any(_inside(w, b) for b in table_bboxes)]
        if not kept:
            continue
        chars = [c for _, cs in kept for c in cs]
        bbox = (min(w["x0"] for w, _ in kept), min(w["top"] for w, _ in kept),
                max(w["x1"] for w, _ in kept), max(w["bottom"] for w, _ in kept))
        out.append(Line(text=" ".join(w["text"] for w, _ in kept), bbox=bbox, words=_words(chars)))
    return out


def _words(chars) -> list[Word]:
    """Group a line's chars into words, keeping the font of the first char.

    Finer than the layout's words (a 1.5 pt gap splits), so names and roles
    set in two columns a few points apart stay separate words with their own x.
    """
    words, current = [], []
    for ch in chars:
        if ch["text"].isspace():
            if current:
                words.append(current)
            current = []
            continue
        if current and ch["x0"] - current[-1]["x1"] > 1.5:
            words.append(current)
            current = []
        current.append(ch)
    if current:
        words.append(current)
    return [
        Word(
            text="".join(c["text"] for c in w),
            bbox=(w[0]["x0"], min(c["top"] for c in w), w[-1]["x1"], max(c["bottom"] for c in w)),
            fontname=w[0].get("fontname", ""),
            size=round(w[0].get("size", 0.0), 1),
        )
        for w in words
    ]


def _open_ends(edges, tol: float = 3.0) -> list[dict]:
    """Rules to close a grid whose column rules stop where no row rule is drawn.

    A ruled table cut by a page break often has no rule along the cut: the
    rows continued at the top of the next page (or left at the foot of this
    one) have column rules but nothing across their open end, so the "lines"
    strategy finds no cell corners there and drops those rows as loose text.
    Where three or more column rules end at one height and not all of them
    meet a drawn row rule, a rule is supplied across their span.

    Some generators draw each cell's borders on their own, so the rule beside
    a merged cell arrives as one segment per row it spans. Where a row rule is
    drawn under some columns and the column rules it misses simply carry on
    below, that height is the edge of a merged cell, not an open end.
    """
    vs = [e for e in edges if e["orientation"] == "v" and e["bottom"] - e["top"] > tol]
    hs = [e for e in edges if e["orientation"] == "h"]
    out = []
    for end in ("top", "bottom"):
        groups: list[list[dict]] = []
        for e in sorted(vs, key=lambda e: e[end]):
            if groups and e[end] - groups[-1][-1][end] <= 1:
                groups[-1].append(e)
            else:
                groups.append([e])
        for group in groups:
            if len(group) < 3:
                continue
            met = [any(abs(h["top"] - e[end]) <= tol and h["x0"] - tol <= e["x0"] <= h["x1"] + tol for h in hs)
                   for e in group]
            if all(met):
                continue
            other = "bottom" if end == "top" else "top"
            if any(met) and all(any(abs(v["x0"] - e["x0"]) <= tol and abs(v[other] - e[end]) <= tol for v in vs)
                                for e, ok in zip(group, met) if not ok):
                continue  # a merged cell's side, drawn in segments
            at = sum(e[end] for e in group) / len(group)
            x0, x1 = min(e["x0"] for e in group), max(e["x0"] for e in group)
            out.append({"object_type": "h_edge", "orientation": "h", "x0": x0, "x1": x1, "width": x1 - x0,
                        "top": at, "bottom": at, "height": 0.0})
    return out


BAND_SHARE = 0.15  # a header band is at most this share of the page's height


def _bands_only(tables: list[Table], words, page_height: float) -> bool:
    """Whether the only ruled "tables" are header rows set on shaded bands.

    A filled header row is a one-row table to the ruling strategy, while the
    rows under it carry no rules; text set below it, inside its width, is
    those rows. A tall one-row table is a real row (a page holding one row of
    a long table) and stays.
    """
    if any(len(t.rows) > 1 or t.bbox[3] - t.bbox[1] > BAND_SHARE * page_height for t in tables):
        return False
    below = [w for w, _ in words if any(w["top"] > t.bbox[3] and t.bbox[0] - 3 <= w["x0"] and w["x1"] <= t.bbox[2] + 3
                                        for t in tables)]
    return len(below) >= 10


def _shade_loose(tables: list[Table], fills: list[dict]) -> None:
    """Ratings given by fill colour in tables read from word positions.

    Such a table has no cell boxes of its own, and a cell rated by its colour alone
    holds no word to place it; its box is its column's span (from the cells above
    and below) across its row's height (from the cells beside it), and a rating fill
    under the box's centre is its rating.
    """
    if not fills:
        return
    for t in tables:
        spans: dict[int, tuple[float, float]] = {}
        for row in t.rows:
            for i, c in enumerate(row):
                if c.bbox:
                    x0, x1 = spans.get(i, (c.bbox[0], c.bbox[2]))
                    spans[i] = (min(x0, c.bbox[0]), max(x1, c.bbox[2]))
        for row in t.rows:
            boxes = [c.bbox for c in row if c.bbox]
            if not boxes:
                continue
            top, bottom = min(b[1] for b in boxes), max(b[3] for b in boxes)
            for i, c in enumerate(row):
                if c.shade or c.continued or i not in spans:
                    continue
                x0, x1 = (c.bbox[0], c.bbox[2]) if c.bbox else spans[i]
                cx, cy = (x0 + x1) / 2, (top + bottom) / 2
                hit = next((r for r in fills if r["x0"] <= cx <= r["x1"] and r["top"] <= cy <= r["bottom"]), None)
                if hit is not None:
                    c.shade = rating_of(hit.get("non_stroking_color"))


MIN_BANDED_COLS = 3  # a banded table read from its words shows at least this many columns


def _banded(tables: list[Table]) -> bool:
    """Whether every ruled "table" is a stack of full-width rows with no column rule.

    A table drawn as alternate row fills (a spreadsheet's banded style) gives the
    ruling strategy one wide cell per row; its columns show only in the words.
    """
    return bool(tables) and all(t.n_cols == 1 and len(t.rows) >= 2 for t in tables)


def page_model(page, page_number: int, unruled=None) -> Page:
    """The page's words, ruled tables and the lines outside them.

    ``unruled`` is asked for tables only when no ruled one is found, or only
    one-row ones (a header row set on a shaded band, its rows unruled), and
    the page is laid out once either way.
    """
    words = page_words(drop_overprinted(page.chars))
    closing = _open_ends(page.edges)
    found = page.find_tables({**TABLE_SETTINGS, "explicit_horizontal_lines": closing} if closing else TABLE_SETTINGS)
    fills = [r for r in page.rects if r.get("fill") and rating_of(r.get("non_stroking_color"))] if found else []
    tables = [_table(page_number, t, words, fills) for t in found if len(t.rows) >= 1]
    if unruled is not None and (not tables or _bands_only(tables, words, float(page.height))):
        loose = list(unruled())
        if loose or not tables:
            tables = loose
    elif unruled is not None and _banded(tables):
        loose = list(unruled())
        if any(t.n_cols >= MIN_BANDED_COLS for t in loose):
            tables = loose
    if any(not t.ruled for t in tables):
        _shade_loose([t for t in tables if not t.ruled],
                     [r for r in page.rects if r.get("fill") and rating_of(r.get("non_stroking_color"))])
    bboxes = [t.bbox for t in tables if t.bbox]
    lines = text_lines(words)
    return Page(
        number=page_number,
        width=float(page.width),
        height=float(page.height),
        lines=_lines(lines, bboxes),
        tables=tables,
        text="\n".join(text for text, _ in lines),
        images=[(float(im["x0"]), float(im["top"]), float(im["x1"]), float(im["bottom"])) for im in page.images],
    )


UNDECODED_SHARE = 0.5  # a page whose decoded characters fall below this share of pdfium's is flagged


def _undecoded_pages(path: Path, read: list[int]) -> list[int]:
    """Pages where pdfium finds far more text than pdfminer decoded.

    pdfminer silently yields nothing for some embedded font encodings (a CMap
    given as a stream, say) that viewers and pdfium read; such text must be
    reported missing, not taken for an empty or scanned page. pdfium's count
    is cheap (no layout), so every page is checked.
    """
    import pypdfium2 as pdfium

    out = []
    try:
        doc = pdfium.PdfDocument(str(path))
    except Exception:  # pdfium refuses what pdfminer read: nothing to compare against
        return out
    try:
        for i, decoded in enumerate(read):
            if i >= len(doc):
                break
            page = doc[i]
            text = page.get_textpage().get_text_range()
            visible = sum(1 for ch in text if not ch.isspace())
            if visible >= 100 and decoded < UNDECODED_SHARE * visible:
                out.append(i + 1)
    finally:
        doc.close()
    return out


def _pages(numbers: list[int]) -> str:
    """[3, 4, 5, 9] -> "pages 3-5, 9"."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    text = ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
    return ("pages " if len(numbers) > 1 else "page ") + text


def open_pdf(path: str | Path):
    """Open a PDF, turning pdfminer's many failure modes into named errors."""
    path = Path(path)
    if path.stat().st_size == 0:
        raise EmptyFile(path, "empty file (0 bytes)")
    try:
        pdf = pdfplumber.open(path)
        _ = pdf.pages  # forces the page tree to be read
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise EncryptedFile(path, "encrypted PDF (password required)") from exc
    except Exception as exc:  # pdfminer raises a zoo of types for damaged files
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise EncryptedFile(path, "encrypted PDF (password required)") from exc
        raise CorruptFile(path, f"corrupt or truncated PDF ({type(exc).__name__})") from exc
    if not pdf.pages:
        pdf.close()
        raise CorruptFile(path, "corrupt PDF (no pages)")
    return pdf


def _needs_ocr(page, mode: str) -> bool:
    """``force``: every page; ``auto``: a page that is a picture with no text layer."""
    if mode == "force":
        return True
    return mode == "auto" and not any(not c["text"].isspace() for c in page.chars) and bool(page.images)


class _Grids:
    """Every table of the document by the table layer (``tables.PageGrids``), read from the
    pages the page model has already parsed, so it costs the layer's own work and not a
    second parse. A page the layer cannot read loses its tables with a warning; the document
    is still read."""

    def __init__(self):
        from .tables import PageGrids

        self.grids = PageGrids()
        self.failed: list[tuple[int, str]] = []  # (page, the error's name)

    def read(self, page, number: int) -> None:
        try:
            self.grids.add(page, number)
        except MemoryError:
            raise
        except Exception as exc:  # a table-layer bug loses this page's grids, never the document
            self.failed.append((number, type(exc).__name__))

    def tables(self) -> list:
        return self.grids.tables()

    @property
    def warnings(self) -> list[str]:
        if not self.failed:
            return []
        return [f"tables on {_pages([n for n, _ in self.failed])} could not be read as grids "
                f"({self.failed[-1][1]})"]


def page_reader(path: Path, asked: str | None = None):
    """pdfium's document to read the pages of ``path`` with, or None to let pdfminer read them.

    None when the page model asked for (``page_model_name``) is pdfplumber, or
    where pdfium refuses a file pdfminer opened. Close it when done."""
    if page_model_name(asked) != "pdfium":
        return None
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except Exception:  # pdfminer's reading stands
        return None


def read_by_pdfium(doc, page) -> int:
    """Fill a pdfplumber page's objects from pdfium; the glyphs it could not map to Unicode.

    A page pdfium cannot read is left to pdfminer (its objects are parsed on first use)."""
    from .pdfium_objects import page_objects

    try:
        objects = page_objects(doc, page)
    except Exception:  # pdfium's errors on a damaged page: pdfminer reads it, or names the damage
        return 0
    page._objects = objects
    return objects.unmapped


def load_pdf(path: str | Path, sha256: str = "", ocr: str = "auto", page_model_of: str | None = None) -> DocumentModel:
    """The page model of a PDF; pages with no text layer are read by OCR (``ocr``: auto, off, force).

    ``page_model_of`` names the library that interprets the pages (``page_model_name``);
    pdfplumber still reads the page tree, metadata and page boxes either way."""
    from .borderless import borderless_tables  # fallback for tables without rules
    from .ocr import MODES, SETTINGS, available

    if ocr not in MODES:
        raise ValueError(f"ocr must be one of {', '.join(MODES)}, not {ocr!r}")
    path = Path(path)
    pdf = open_pdf(path)
    fast = page_reader(path, page_model_of)
    try:
        pages = []
        unmapped: list[int] = []  # glyphs pdfium found no Unicode for, on each page
        n_chars = 0
        read: list[int] = []  # characters decoded on each page
        scanned = []  # pages that are pictures of text, not read
        ocr_read = []  # OCR results of the pages read that way
        no_ocr = available() if ocr != "off" else "OCR is off"
        carried = None  # header of an unruled table running on from the previous page
        grids = _Grids()
        for i, page in enumerate(pdf.pages, start=1):
            try:
                if fast is not None:
                    unmapped.append(read_by_pdfium(fast, page))
                read.append(sum(1 for c in page.chars if not c["text"].isspace()))
                if _needs_ocr(page, ocr) and no_ocr is None:
                    from .ocr import apply_to, ocr_page

                    result = ocr_page(path, i)
                    if result.words:
                        apply_to(page, result)
                        ocr_read.append(result)
                if not page.chars and page.images:
                    scanned.append(i)
                n_chars += len(page.chars)
                runs_on = None

                def unruled(page=page, i=i):
                    nonlocal runs_on
                    tables, runs_on = borderless_tables(path, page, i, carried)
                    return tables

                model = page_model(page, i, unruled)
                carried = runs_on
                grids.read(page, i)
            except (PSException, ValueError, KeyError, TypeError) as exc:
                raise CorruptFile(path, f"corrupt PDF: page {i} unreadable ({type(exc).__name__})") from exc
            finally:
                page.close()  # drop pdfplumber's per-page object caches: memory stays flat in pages
            pages.append(model)
        if fast is not None:  # the same cross-check on pdfium's reading: glyphs it could not map
            read = [max(0, r - u) for r, u in zip(read, unmapped)]
        undecoded = _undecoded_pages(path, read)
        if n_chars == 0 and undecoded:
            raise NoTextLayer(path, f"text on all {len(pages)} pages is in a font encoding the PDF reader "
                                    "cannot decode")
        if n_chars == 0:
            raise NoTextLayer(path, f"no text layer on any of {len(pages)} pages (image-only PDF; "
                                    f"{_ocr_failed(ocr, no_ocr)})")
        model = DocumentModel(path=str(path), sha256=sha256, pages=pages, metadata=dict(pdf.metadata or {}),
                              grids=grids.tables())
        model.warnings.extend(grids.warnings)
        if undecoded:
            model.warnings.append(f"text on {_pages(undecoded)} of {len(pages)} is in a font encoding the PDF "
                                  "reader cannot decode: some or all of it is missing")
        if scanned:
            model.warnings.append(f"no text layer on {_pages(scanned)} of {len(pages)} (scanned images; "
                                  f"{_ocr_failed(ocr, no_ocr)}): their content is not extracted")
        if ocr_read:
            model.ocr = [r.summary(SETTINGS.confidence_floor) for r in ocr_read]
            model.ocr_low_confidence = [
                {"page": r.number, "text": w.text, "confidence": w.conf,
                 "bbox": [round(w.x0, 1), round(w.top, 1), round(w.x1, 1), round(w.bottom, 1)]}
                for r in ocr_read for w in r.low_confidence(SETTINGS.confidence_floor)]
        return rejoin_split_words(model)
    finally:
        pdf.close()
        if fast is not None:
            fast.close()


def _ocr_failed(mode: str, unavailable: str | None) -> str:
    """Why a picture of a page has no text: OCR off or missing, or nothing it could read."""
    if mode == "off":
        return "OCR needed; OCR is off"
    if unavailable:
        return f"OCR needed; {unavailable}"
    return "OCR read no text: blank or unreadable"

