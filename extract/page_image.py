"""A source page as an image with evidence boxes drawn on it.

An auditor checks a link against the printed page, not against extracted text.
Stored rows keep their page and bounding box in PDF points from the page's
top-left corner (pdfplumber's frame); PDFium renders the crop box from its
top-left too, so a box is shifted by the crop box's offset and scaled.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import ImageDraw, ImageFont

SCALE = 2.0  # 144 dpi: small print stays legible
# An image never exceeds this many pixels whatever the page size: a 14,400 pt page at
# SCALE would need 6.4 GB; capped, a huge page is drawn smaller instead.
MAX_PIXELS = 40_000_000
MAX_SIDE_PX = 16_000
ROUNDING_MARGIN = 0.999  # PDFium rounds pixel sizes up; stay just inside the caps


def bounded_scale(width_pt: float, height_pt: float, scale: float = SCALE) -> float:
    """``scale``, reduced so the rendered page stays within MAX_PIXELS and MAX_SIDE_PX."""
    width_pt, height_pt = max(width_pt, 1.0), max(height_pt, 1.0)
    by_area = (MAX_PIXELS / (width_pt * height_pt)) ** 0.5
    by_side = MAX_SIDE_PX / max(width_pt, height_pt)
    return min(scale, by_area * ROUNDING_MARGIN, by_side * ROUNDING_MARGIN)


@dataclass
class Box:
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom in points
    colour: str = "red"
    label: str = ""


def render_page(pdf_path: str | Path, page_number: int, boxes: list[Box], out: str | Path,
                scale: float = SCALE) -> Path:
    """Write page ``page_number`` (1-based) of ``pdf_path`` as a PNG with ``boxes`` outlined,
    later boxes drawn over earlier ones."""
    out = Path(out)
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        if not 1 <= page_number <= len(pdf):
            raise ValueError(f"{pdf_path}: no page {page_number} (the file has {len(pdf)})")
        page = pdf[page_number - 1]
        media, crop = page.get_mediabox(), page.get_cropbox()
        dx, dy = crop[0] - media[0], media[3] - crop[3]
        width_pt, height_pt = page.get_size()
        scale = bounded_scale(width_pt, height_pt, scale)
        image = page.render(scale=scale).to_pil().convert("RGB")
        draw = ImageDraw.Draw(image)
        font = ImageFont.load_default(size=max(6, round(8 * scale)))
        width = max(2, round(scale * 1.5))
        for box in boxes:
            x0, top, x1, bottom = box.bbox
            rect = [(x0 - dx - 2) * scale, (top - dy - 2) * scale, (x1 - dx + 2) * scale, (bottom - dy + 2) * scale]
            draw.rectangle(rect, outline=box.colour, width=width)
            if box.label:  # in the margin beside the box when it fits, else just above it
                left, _, right, bottom_ = draw.textbbox((0, 0), box.label, font=font)
                at = ((rect[0] - (right - left) - 3 * width, rect[1]) if rect[0] > (right - left) + 3 * width
                      else (rect[0], max(0, rect[1] - (bottom_ + width))))
                draw.text(at, box.label, fill=box.colour, font=font)
        out.parent.mkdir(parents=True, exist_ok=True)
        image.save(out, format="PNG")
        return out
    finally:
        pdf.close()
