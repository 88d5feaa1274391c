"""Scans made from the bundled PDFs: the pages as a scanner would give them back.

Each page is rendered to an image, given sensor noise and a slight skew (and,
when asked, turned a quarter so it lies sideways), and the images are bound
as an image-only PDF. The same pages with their text layer are cut out too,
so a scan's extraction can be scored against what the text layer yields from
the same pages.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

SCAN_DPI = 200  # a common office-scanner setting, the low end of what OCR reads well
NOISE = 12.0  # grey levels of sensor noise (standard deviation)
SKEW = (0.8, -0.6)  # degrees, alternating page to page: a sheet fed a little crooked


def scan_image(pdf: Path, page_number: int, dpi: int = SCAN_DPI, skew: float = 0.0, turn: int = 0,
               seed: int = 0):
    """One page as a PIL image, as a scanner would return it, ``turn`` degrees anticlockwise."""
    import pypdfium2 as pdfium
    from PIL import Image

    doc = pdfium.PdfDocument(str(pdf))
    try:
        image = doc[page_number - 1].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        doc.close()
    if skew:
        image = image.rotate(skew, resample=Image.BICUBIC, fillcolor="white")
    pixels = np.asarray(image).astype(np.float32)
    pixels += np.random.default_rng(seed + page_number).normal(0, NOISE, pixels.shape[:2])[..., None]
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    return image.rotate(turn, expand=True) if turn else image


def scanned_pdf(pdf: Path, pages: list[int], dest: Path, sideways: tuple[int, ...] = (), dpi: int = SCAN_DPI,
                clockwise: bool = False, upside_down: tuple[int, ...] = ()) -> Path:
    """An image-only PDF of ``pages`` of ``pdf`` (1-based), ``sideways`` ones turned a quarter
    (anticlockwise, or ``clockwise``), ``upside_down`` ones half round."""
    turn = -90 if clockwise else 90

    def turned(n):
        return 180 if n in upside_down else turn if n in sideways else 0

    images = [scan_image(pdf, n, dpi, SKEW[i % len(SKEW)], turned(n)) for i, n in enumerate(pages)]
    images[0].save(dest, save_all=True, append_images=images[1:], resolution=dpi)
    return dest


def text_pages(pdf: Path, pages: list[int], dest: Path) -> Path:
    """The same pages with their text layer, as a PDF of their own."""
    import pypdfium2 as pdfium

    src, out = pdfium.PdfDocument(str(pdf)), pdfium.PdfDocument.new()
    try:
        out.import_pages(src, [n - 1 for n in pages])
        out.save(str(dest))
    finally:
        out.close()
        src.close()
    return dest


def mixed_pdf(pdf: Path, pages: list[int], scanned: set[int], dest: Path) -> Path:
    """``pages`` of ``pdf``, the ``scanned`` ones as page images, the rest with their text layer."""
    import pypdfium2 as pdfium

    src, out = pdfium.PdfDocument(str(pdf)), pdfium.PdfDocument.new()
    try:
        for i, n in enumerate(pages):
            if n not in scanned:
                out.import_pages(src, [n - 1])
                continue
            width, height = src[n - 1].get_size()
            image = scan_image(pdf, n, SCAN_DPI, SKEW[i % len(SKEW)])
            page = out.new_page(width, height)
            obj = pdfium.PdfImage.new(out)
            obj.set_bitmap(pdfium.PdfBitmap.from_pil(image))
            obj.set_matrix(pdfium.PdfMatrix().scale(width, height))
            page.insert_obj(obj)
            page.gen_content()
        out.save(str(dest))
    finally:
        out.close()
        src.close()
    return dest
