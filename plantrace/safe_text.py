"""File names and other untrusted text made safe to print.

A file name is whatever bytes a folder holds: a ``[/…]`` in it would be read
as Rich markup, an escape sequence would drive the terminal, a newline would
split a report row, and a byte that is not UTF-8 cannot be encoded at all.
Every path the command line prints goes through :func:`shown`.
"""
from __future__ import annotations

import os
import re

from rich.markup import escape

# C0 and C1 control characters, DEL, and the Unicode line/paragraph separators
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: object) -> str:
    """``text`` with undecodable bytes as ``\\xNN`` and control characters escaped."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "backslashreplace")
    text = os.fspath(text) if isinstance(text, os.PathLike) else str(text)
    # a name read from the file system keeps bytes that are not UTF-8 as lone surrogates
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace") \
        if any("\udc80" <= ch <= "\udcff" for ch in text) else text
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def shown(text: object) -> str:
    """:func:`printable`, and escaped for Rich markup."""
    return escape(printable(text))


def is_utf8_name(path: object) -> bool:
    """Whether a path can be stored as text (no bytes the file system could not decode)."""
    try:
        os.fspath(path).encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False
