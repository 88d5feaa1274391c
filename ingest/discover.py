"""Find the input files of a batch run.

Folders are walked recursively in sorted order so runs are repeatable; hidden
files and files of other types inside folders are passed over silently (a pack
folder often holds spreadsheets and images), but a file named explicitly on
the command line is always attempted, so the user hears why it was refused.
"""
from __future__ import annotations

from pathlib import Path

SUPPORTED_SUFFIXES = {".pdf", ".md", ".markdown", ".txt"}


def discover(paths: list[str | Path]) -> tuple[list[Path], list[Path]]:
    """Return (files to ingest, folders that held no supported file)."""
    files: list[Path] = []
    empty_dirs: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                empty_dirs.append(path)
            files.extend(found)
        else:
            files.append(path)
    seen, unique = set(), []
    for f in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, empty_dirs
