"""Diagnostics that name what is wrong with an input file, for one-line reports.

Like spaCy's ``E``/``W`` codes, every error class and every warning has a stable
code, so a batch operator can count or filter them (``code`` in the per-file
JSON report) while the message stays a readable phrase.
"""
from __future__ import annotations


class ExtractError(Exception):
    """A file that cannot be read as a document; ``reason`` is one short phrase."""

    code = "E000"

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class CorruptFile(ExtractError):
    """Damaged or truncated: the PDF's structure cannot be parsed."""
    code = "E001"


class EncryptedFile(ExtractError):
    """A password is needed to read the file."""
    code = "E002"


class EmptyFile(ExtractError):
    """No bytes, no pages, or no text at all."""
    code = "E003"


class NoTextLayer(ExtractError):
    """Image-only pages that nothing could read."""
    code = "E004"


class UnsupportedFile(ExtractError):
    """Not a PDF, Markdown or text file, whatever its name says."""
    code = "E005"


# Warnings: the file was stored, but part of it could not be read.
W_UNDECODED_FONT = "W001"   # text in a font encoding the PDF reader cannot decode
W_SCANNED_PAGES = "W002"    # pages with no text layer (scanned images)

WARNING_CODES = {
    W_UNDECODED_FONT: "text in a font encoding the PDF reader cannot decode",
    W_SCANNED_PAGES: "pages with no text layer (scanned images)",
}


def warning_code(message: str) -> str | None:
    """The code of a warning message as ``extract/pdf.py`` words it (None if unknown)."""
    if "font encoding" in message:
        return W_UNDECODED_FONT
    if "no text layer" in message:
        return W_SCANNED_PAGES
    return None
