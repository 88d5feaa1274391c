"""Bad inputs made at test time, so no broken binaries live in the repository."""
from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def truncated_pdf(source: Path, dest: Path) -> Path:
    data = source.read_bytes()
    dest.write_bytes(data[: len(data) // 3])
    return dest


def encrypted_pdf(dest: Path) -> Path:
    c = canvas.Canvas(str(dest), pagesize=A4, encrypt="secret-password")
    c.drawString(72, 720, "Action plan: this text is behind a password")
    c.showPage()
    c.save()
    return dest


def image_only_pdf(dest: Path) -> Path:
    """A page that is only a picture, and a picture of no text: OCR reads nothing on it."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    img = Image.new("RGB", (600, 200), "white")
    draw = ImageDraw.Draw(img)
    draw.ellipse((40, 40, 160, 160), outline="black", width=6)
    draw.rectangle((240, 60, 420, 140), fill="grey")
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    buf.seek(0)
    c = canvas.Canvas(str(dest), pagesize=A4)
    c.drawImage(ImageReader(buf), 72, 500, width=450, height=150)
    c.showPage()
    c.save()
    return dest


def html_named_pdf(dest: Path) -> Path:
    dest.write_text("<!DOCTYPE html><html><body>404 Not Found</body></html>", encoding="utf-8")
    return dest


def partly_scanned_pdf(dest: Path) -> Path:
    """A text page, then two pages that are only pictures of text, then text again."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    img = Image.new("RGB", (600, 200), "white")
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    c = canvas.Canvas(str(dest), pagesize=A4)
    for page in range(4):
        if page in (1, 2):
            buf.seek(0)
            c.drawImage(ImageReader(buf), 72, 500, width=450, height=150)
        else:
            c.drawString(72, 720, f"Report page {page + 1}: the printed text of this page")
        c.showPage()
    c.save()
    return dest


def undecodable_pdf(dest: Path, *, title: bool = True) -> Path:
    """Text a viewer shows but pdfminer cannot decode: WeasyPrint gives a face that lacks one
    of its characters an embedded encoding CMap, and pdfminer then reads none of that face.
    With ``title`` a bold heading in another face stays readable."""
    import weasyprint

    body = "".join(f"<p>Paragraph {i} of ordinary text in the regular face \u1000.</p>" for i in range(30))
    head = "<h1>Bold title</h1>" if title else ""
    weasyprint.HTML(string=f'<body style="font-family: DejaVu Sans">{head}{body}</body>').write_pdf(str(dest))
    return dest
