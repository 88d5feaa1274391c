"""Reading one document inside the supervised worker: the bytes read are the bytes hashed.

The file is read into memory once; its hash is taken from those bytes and the
parsers read a private copy of them, so a file that changes on disk while a
batch runs is either read whole as it was when hashed, or detected (its hash
differs from the one the batch decided on) and not stored under the old hash.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from plantrace.extract.errors import ExtractError

from .batch import extract_file  # noqa: F401 - imported here so the worker loads the extractors before its cap
from .limits import LimitExceeded, Limits, check_decompressed, check_objects, check_pages


# The supervisor gives each child a scratch folder and removes it when the child
# ends, so a child killed mid-read leaves no copy behind.
SCRATCH_ENV = "PLANTRACE_READ_SCRATCH"


@dataclass
class Extracted:
    """What a worker sends back: the record and page model, or why there are none."""
    record: Optional[dict]
    model: object
    failure: Optional[str]
    sha_read: str = ""
    pages: int = 0


def read_document(path: str, filetype: str, sha: str, limits: Limits, ocr: str = "auto") -> Extracted:
    """Runs in the supervised child; returns an Extracted, never raises for a bad document."""
    source = Path(path)
    try:
        data = source.read_bytes()
    except OSError as exc:
        return Extracted(None, None, f"cannot be read ({exc.strerror or type(exc).__name__})")
    sha_read = hashlib.sha256(data).hexdigest()
    if sha and sha_read != sha:
        return Extracted(None, None, "changed while the batch was reading it; not stored (ingest it again)",
                         sha_read)
    try:
        if filetype == "pdf":
            check_objects(data, limits)
            check_decompressed(data, limits)
        with tempfile.TemporaryDirectory(prefix="read-", dir=os.environ.get(SCRATCH_ENV)) as tmp:
            copy = Path(tmp) / source.name
            copy.write_bytes(data)
            del data
            pages = check_pages(copy, limits) if filetype == "pdf" else 0
            record, model = extract_file(copy, filetype, sha_read, ocr)
    except LimitExceeded as exc:
        return Extracted(None, None, str(exc), sha_read)
    except ExtractError as exc:
        return Extracted(None, None, exc.reason, sha_read)
    except MemoryError:
        raise
    except RecursionError:
        return Extracted(None, None, "extraction error (RecursionError: objects nested too deeply)", sha_read)
    except Exception as exc:  # an extractor bug must not stop the batch
        if _out_of_memory(exc):
            raise MemoryError from exc  # the worker reports the memory limit and is replaced
        text = str(exc).strip().splitlines()
        return Extracted(None, None, f"extraction error ({type(exc).__name__}: {text[0][:160] if text else ''})",
                         sha_read)
    # the parsers saw the private copy; the record names the file itself
    model.path = str(source)
    record["source"]["path"] = str(source)
    return Extracted(record, model, None, sha_read, pages or record["source"]["pages"])




def _out_of_memory(exc: BaseException) -> bool:
    """Parsers wrap a failed allocation in their own exception; look down the chain."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, MemoryError) or "unable to allocate" in str(exc).lower():
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False
