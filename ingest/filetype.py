"""What a file really is, from its bytes rather than its name.

A council site can serve an HTML error page under a .pdf name; trusting the
suffix would send it to the PDF parser and produce a confusing failure.
"""
from __future__ import annotations

import errno
import hashlib
from pathlib import Path

from plantrace.extract.errors import EmptyFile, UnsupportedFile

TEXT_SUFFIXES = {".md", ".markdown", ".txt"}


def _unreadable(path: Path, exc: OSError) -> UnsupportedFile:
    """An OS error as a one-line reason (permissions, a symlink loop, a folder named as a file)."""
    if exc.errno == errno.ELOOP:
        return UnsupportedFile(path, "symlink loop")
    if exc.errno == errno.ENOENT:
        return UnsupportedFile(path, "no such file")
    return UnsupportedFile(path, f"cannot read file: {(exc.strerror or type(exc).__name__).lower()}")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise _unreadable(path, exc) from None
    return digest.hexdigest()


def detect_filetype(path: Path) -> str:
    """'pdf' or 'text'; raises a named error for anything else."""
    try:
        if path.stat().st_size == 0:
            raise EmptyFile(path, "empty file (0 bytes)")
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if b"%PDF-" in head:
        return "pdf"
    if path.suffix.lower() == ".pdf":
        return _not_pdf(path, head)
    if path.suffix.lower() in TEXT_SUFFIXES:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError:
            if b"\x00" in head:
                raise UnsupportedFile(path, "unsupported: binary content in a text file")
        return "text"
    raise UnsupportedFile(path, f"unsupported file type '{path.suffix or 'no suffix'}' (expected .pdf, .md or .txt)")


def _not_pdf(path: Path, head: bytes):
    lowered = head.lstrip().lower()
    if lowered.startswith(b"<!doctype html") or lowered.startswith(b"<html"):
        what = "an HTML page"
    elif head.startswith(b"PK\x03\x04"):
        what = "a ZIP/Office file"
    elif head[:4] in (b"\x89PNG", b"\xff\xd8\xff\xe0", b"\xff\xd8\xff\xe1"):
        what = "an image"
    else:
        what = "not a PDF"
    raise UnsupportedFile(path, f"not a PDF despite its .pdf name ({what}; no %PDF header)")
