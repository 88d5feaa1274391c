"""Per-document limits, and the cheap checks made before a document is parsed.

A committee pack is untrusted input: a PDF whose objects refer to each other in
a loop can make a parser spin for ever, and a few kilobytes of compressed
stream can expand to gigabytes. Every document is therefore read in a
supervised worker process (``ingest.supervise``) that cannot exceed these
limits; a document over one ends as one line naming the limit and the batch
goes on.

Defaults are sized from real packs: they cost about 4.8 MB of memory per page
while being read, so the memory default covers a ~1,500-page pack, and the
page default is a ceiling well above the longest bound pack seen (about 620
pages). Each limit can be set on the command line or by environment variable
(``PLANTRACE_MAX_SECONDS``, ``PLANTRACE_MAX_MEMORY_MB``, ``PLANTRACE_MAX_PAGES``,
``PLANTRACE_MAX_DECOMPRESSED_MB``, ``PLANTRACE_MAX_OBJECTS``); 0 switches a limit off.
"""
from __future__ import annotations

import os
import re
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

MB = 1 << 20

DEFAULT_SECONDS = 1800          # wall time of one document, reading to contract record
DEFAULT_MEMORY_MB = 8192        # address space of the worker process reading it (RLIMIT_AS)
DEFAULT_PAGES = 5000            # pages of one document
DEFAULT_DECOMPRESSED_MB = 4096  # sum of the decompressed sizes of its Flate streams
# indirect objects of one document (plain and inside object streams): the largest real
# pack seen has about 13,000; a parser holds every object it resolves, so millions of
# tiny objects cost memory and time out of proportion to the file's size
DEFAULT_OBJECTS = 1_000_000

# A worker needs about this much address space before it reads anything
# (Python, pdfplumber, OpenCV, spaCy): used when capping --jobs by memory.
WORKER_BASE_MB = 600


class LimitExceeded(Exception):
    """A document over a limit; the message names the limit and is one line."""


@dataclass(frozen=True)
class Limits:
    seconds: float = DEFAULT_SECONDS
    memory_mb: int = DEFAULT_MEMORY_MB
    pages: int = DEFAULT_PAGES
    decompressed_mb: int = DEFAULT_DECOMPRESSED_MB
    objects: int = DEFAULT_OBJECTS

    @classmethod
    def from_env(cls, **given) -> "Limits":
        """Environment defaults, overridden by the options actually given (not None)."""
        env = {
            "seconds": os.environ.get("PLANTRACE_MAX_SECONDS"),
            "memory_mb": os.environ.get("PLANTRACE_MAX_MEMORY_MB"),
            "pages": os.environ.get("PLANTRACE_MAX_PAGES"),
            "decompressed_mb": os.environ.get("PLANTRACE_MAX_DECOMPRESSED_MB"),
            "objects": os.environ.get("PLANTRACE_MAX_OBJECTS"),
        }
        values = {k: (float(v) if k == "seconds" else int(v)) for k, v in env.items() if v not in (None, "")}
        values.update({k: v for k, v in given.items() if v is not None})
        return replace(cls(), **values)


def cap_jobs(requested: int, limits: Limits) -> int:
    """No more worker processes than CPUs, nor than the memory can hold at the per-document limit."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    jobs = min(requested, cpus)
    available = _available_mb()
    if available and limits.memory_mb:
        jobs = min(jobs, max(1, available // (limits.memory_mb + WORKER_BASE_MB)))
    return max(1, jobs)


def _available_mb() -> int | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) // 1024
    except OSError:
        return None
    return None


# ---------------------------------------------------------------------------
# Checks made in the worker before parsing. They read the file's bytes, not the
# parser's objects, so nothing here can loop on a malformed object graph.

_STREAM = re.compile(rb"stream\r?\n")
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")
CHUNK = 1 << 16


def check_decompressed(data: bytes, limits: Limits) -> None:
    """Raise LimitExceeded when the Flate streams of ``data`` expand past the limit.

    Each stream is inflated in bounded chunks and thrown away, so the check
    itself needs no more memory than a chunk; a filter chain of several
    FlateDecode stages is inflated through each stage.
    """
    if not limits.decompressed_mb:
        return
    budget = limits.decompressed_mb * MB
    total = 0
    for match in _STREAM.finditer(data):
        head = data[max(0, match.start() - 2000):match.start()]
        opened = head.rfind(b"obj")  # the stream's own dictionary, from its object's start
        stages = len(_FLATE.findall(head[opened:] if opened >= 0 else head))
        if not stages:
            continue
        end = data.find(b"endstream", match.end())
        raw = data[match.end(): end if end > 0 else len(data)]
        total += _inflated_size(raw, stages, budget - total)
        if total > budget:
            raise LimitExceeded(f"over the decompressed-size limit ({limits.decompressed_mb} MB of "
                                "decompressed streams); set --max-decompressed to read it")


def _inflated_size(raw: bytes, stages: int, budget: int) -> int:
    """Bytes the stream inflates to, counted up to just past ``budget``."""
    inflaters = [zlib.decompressobj() for _ in range(stages)]
    size = 0

    def feed(level: int, chunk: bytes) -> bool:
        nonlocal size
        d = inflaters[level]
        while chunk:
            try:
                out = d.decompress(chunk, CHUNK)
            except zlib.error:
                return True  # damaged stream: the parser reports it; it cannot expand further
            chunk = d.unconsumed_tail
            if level + 1 < len(inflaters):
                if not feed(level + 1, out):
                    return False
            else:
                size += len(out)
                if size > budget:
                    return False
            if d.eof or not out:  # the stream ended (what follows is not its data), or needs more input
                break
        return True

    for start in range(0, len(raw), CHUNK):
        if not feed(0, raw[start:start + CHUNK]):
            break
    return size


_OBJ_HEADER = re.compile(rb"(?<![0-9])[0-9]{1,10}\s+[0-9]{1,5}\s+obj\b")
_OBJ_STREAM = re.compile(rb"/Type\s*/ObjStm\b")
_OBJ_STREAM_N = re.compile(rb"/N\s+([0-9]{1,12})")


def count_objects(data: bytes) -> int:
    """Indirect objects in ``data``: plain ``N G obj`` headers plus the ``/N`` count of each
    object stream (whose dictionary is never compressed), read from the bytes alone."""
    total = len(_OBJ_HEADER.findall(data))
    for match in _OBJ_STREAM.finditer(data):
        start = data.rfind(b"obj", max(0, match.start() - 4000), match.start())
        end = data.find(b"stream", match.end(), match.end() + 4000)
        head = data[start if start >= 0 else match.start(): end if end > 0 else match.end() + 400]
        count = _OBJ_STREAM_N.search(head)
        if count:
            total += int(count.group(1))
    return total


def check_objects(data: bytes, limits: Limits) -> None:
    """Raise LimitExceeded when the document declares more indirect objects than the limit."""
    if not limits.objects:
        return
    n = count_objects(data)
    if n > limits.objects:
        raise LimitExceeded(f"over the object limit ({n} objects > {limits.objects}); "
                            "set --max-objects to read it")


def check_pages(path: Path, limits: Limits) -> int:
    """The page count, from PDFium (C, bounded); raise LimitExceeded over the limit."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except Exception:
        return 0  # the parser names what is wrong with it
    try:
        n = len(pdf)
    finally:
        pdf.close()
    if limits.pages and n > limits.pages:
        raise LimitExceeded(f"over the page limit ({n} pages > {limits.pages}); set --max-pages to read it")
    return n


def set_memory_limit(limits: Limits) -> None:
    """Cap this process's address space; called in the worker once it has imported what it needs."""
    import resource

    if not limits.memory_mb:
        return
    cap = limits.memory_mb * MB
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
