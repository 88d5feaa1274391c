"""Hostile inputs and helpers for the reliability tests, built at test time.

Each test that can hang runs under ``deadline``: a SIGALRM that fails the test
instead of letting the suite wait for ever.
"""
from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
import zlib
from pathlib import Path

import pytest


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF from object bodies (object 1 the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


PAGE = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>"]


def reference_loop_pdf(dest: Path) -> Path:
    """A page whose content stream's /Length is a reference that refers back to itself
    through another object: a parser that resolves references until it meets a value never ends."""
    content = b"BT /F1 12 Tf 72 720 Td (Action plan) Tj ET"
    dest.write_bytes(raw_pdf(PAGE + [b"<< /Length 5 0 R >>\nstream\n" + content + b"\nendstream",
                                     b"6 0 R", b"5 0 R"]))
    return dest


def decompression_bomb_pdf(dest: Path, megabytes: int = 64) -> Path:
    """A few kilobytes of twice-Flate-compressed page content that expand to ``megabytes``."""
    squeeze = zlib.compressobj(9)
    block = b"0 0 m\n" * (1 << 17)  # 768 KiB of a trivial operator
    once = b"".join([squeeze.compress(block) for _ in range(megabytes * 4 // 3)] + [squeeze.flush()])
    twice = zlib.compress(once, 9)
    stream = b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n" % len(twice) + twice + b"\nendstream"
    dest.write_bytes(raw_pdf(PAGE + [stream]))
    return dest


def object_flood_pdf(dest: Path, objects: int = 200_000) -> Path:
    """A one-page PDF whose content array names ``objects`` tiny content streams: a few MB of
    file that makes a parser build and hold every object."""
    first = len(PAGE) + 1
    refs = b" ".join(b"%d 0 R" % n for n in range(first, first + objects))
    page = PAGE[:2] + [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [" + refs
                       + b"] /Resources << >> >>"]
    dest.write_bytes(raw_pdf(page + [b"<< /Length 1 >>\nstream\n \nendstream"] * objects))
    return dest


@contextlib.contextmanager
def deadline(seconds: int):
    """Fail the test (not hang the suite) when the block runs past ``seconds``."""
    def expired(_signum, _frame):
        raise TimeoutError(f"test ran past its {seconds} s deadline")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    except TimeoutError as exc:
        pytest.fail(str(exc))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def plantrace(*args, timeout: float, **kw) -> subprocess.CompletedProcess:
    """The CLI in a subprocess, failed (not waited for) past ``timeout`` seconds."""
    try:
        return subprocess.run([sys.executable, "-m", "plantrace", *map(str, args)], capture_output=True, text=True,
                              timeout=timeout, **kw)
    except subprocess.TimeoutExpired:
        pytest.fail(f"plantrace {' '.join(map(str, args))} ran past {timeout} s")
