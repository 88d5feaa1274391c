"""Find the input files of a batch run.

Files are recognised by their bytes, not their names: a PDF saved without
``.pdf`` (or as ``.PDF.download``) is still a PDF. Text renderings are taken by
their suffix (``.md``, ``.txt``), since any file is "text" by its bytes, and a
``.pdf`` that is not one is attempted so that its report says so.
Folders are walked in sorted order so runs are repeatable; hidden files and
files of other types inside folders are passed over silently (a pack folder
often holds spreadsheets and images), but a file named explicitly on the
command line is always attempted, so the user hears why it was refused.

Whatever the file system throws (a subfolder that cannot be listed, a
symlink that loops, a name that is not UTF-8, a file that cannot be read) is
one problem naming the path; discovery itself never raises for one path.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from plantrace.safe_text import is_utf8_name

SUPPORTED_SUFFIXES = {".pdf", ".md", ".markdown", ".txt"}
TEXT_SUFFIXES = {".md", ".markdown", ".txt"}
PDF_MAGIC = b"%PDF-"
MAGIC_WINDOW = 1024  # the PDF header may follow a little junk; readers accept it within the first KB


@dataclass
class Discovery:
    files: list[Path] = field(default_factory=list)
    empty_dirs: list[Path] = field(default_factory=list)
    problems: list[tuple[Path, str]] = field(default_factory=list)  # (path, why it cannot be read)


def looks_like_pdf(path: Path) -> bool:
    """True when the file's first KB holds the PDF header; False when not or unreadable."""
    try:
        with open(path, "rb") as fh:
            return PDF_MAGIC in fh.read(MAGIC_WINDOW)
    except OSError:
        return False


def _wanted(path: Path) -> bool:
    """A PDF by its bytes whatever its name; a file named .pdf/.md/.txt is attempted too,
    so one that is not what its name says is reported rather than passed over."""
    return path.suffix.lower() in SUPPORTED_SUFFIXES or looks_like_pdf(path)


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def _walk(root: Path, found: Discovery) -> None:
    """Recurse through ``root``; unreadable subfolders and looping links become problems."""
    seen_dirs: set[tuple[int, int]] = set()

    def onerror(exc: OSError) -> None:
        found.problems.append((Path(exc.filename or root), f"cannot read folder: {_os_reason(exc)}"))

    files: list[Path] = []
    for folder, dirs, names in os.walk(root, onerror=onerror, followlinks=True):
        here = Path(folder)
        try:
            st = here.stat()
        except OSError as exc:
            found.problems.append((here, f"cannot read folder: {_os_reason(exc)}"))
            dirs[:] = []
            continue
        if (st.st_dev, st.st_ino) in seen_dirs:  # a symlink back up the tree: walk it once
            dirs[:] = []
            continue
        seen_dirs.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = here / name
            if path.is_symlink() and not path.exists():
                try:
                    os.stat(path)
                except OSError as exc:
                    if exc.errno == 40:  # ELOOP
                        found.problems.append((path, "symlink loop"))
                continue  # a dangling link inside a folder is nothing to read
            if not path.is_file():
                continue
            if not os.access(path, os.R_OK):
                if path.suffix.lower() in SUPPORTED_SUFFIXES:
                    found.problems.append((path, "cannot read file: permission denied"))
                continue
            if _wanted(path):
                files.append(path)
    if not files and not any(p for p, _ in found.problems if str(p).startswith(str(root))):
        found.empty_dirs.append(root)
    found.files.extend(files)


def discover_all(paths: list[str | Path]) -> Discovery:
    """Files to ingest, folders with nothing to read, and paths that cannot be read."""
    found = Discovery()
    for raw in paths:
        path = Path(raw)
        try:
            is_dir = path.is_dir()
        except OSError as exc:
            found.problems.append((path, _os_reason(exc)))
            continue
        if is_dir:
            _walk(path, found)
        else:
            found.files.append(path)
    seen, unique = set(), []
    for f in found.files:
        if not is_utf8_name(f):
            found.problems.append((f, "file name is not valid UTF-8 (rename the file to store it)"))
            continue
        try:
            key = f.resolve(strict=False)
        except (OSError, RuntimeError):  # a symlink loop named on the command line
            found.problems.append((f, "symlink loop"))
            continue
        if key not in seen:
            seen.add(key)
            unique.append(f)
    found.files = unique
    return found


def discover(paths: list[str | Path]) -> tuple[list[Path], list[Path]]:
    """Return (files to ingest, folders that held no supported file)."""
    found = discover_all(paths)
    return found.files, found.empty_dirs
