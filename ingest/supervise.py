"""A supervised worker process: documents are read where they cannot hurt the batch.

The process that runs the batch (or a Dask worker) never parses a document
itself. It hands the work to a child process it started, which caps its own
address space (``RLIMIT_AS``) once its imports are done, and waits for the
answer no longer than the wall-time limit; a child that runs over is killed,
and a child that dies (killed by the kernel, a crash in a C library) is one
failed file. The next document gets a fresh child.

The child is a plain ``python -m`` subprocess talking length-prefixed pickles
over its standard input and output, not a ``multiprocessing`` child, so it can
be started from a daemonic process (a Dask worker) as well as from the CLI.
"""
from __future__ import annotations

import atexit
import os
import pickle
import selectors
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict
from typing import Any, Callable

from .limits import MB, Limits, LimitExceeded

HEADER = struct.Struct("!Q")
READY = b"R"
# A child needs its imports before it is given a document; that start is not
# the document's time, but it is bounded too (a machine that cannot start one
# in this long cannot read anything).
START_SECONDS = 300.0
# A child is replaced after this many documents, so memory a parser's
# allocations left fragmented is not carried into the next hundred documents
# (the address-space cap is per process, not per document).
DOCUMENTS_PER_CHILD = 50


class WorkerFailed(Exception):
    """The child could not give an answer: over time, dead, or over memory. One line."""


class Supervisor:
    """One child at a time, restarted after any failure; not shared between threads."""

    # What a child imports before its address space is capped: the extractors
    # (an import under the cap could fail for want of memory no document asked for).
    PRELOAD = ("plantrace.ingest.read",)

    def __init__(self, limits: Limits, preload: tuple[str, ...] = PRELOAD):
        self.limits = limits
        self.preload = preload
        self.proc: subprocess.Popen | None = None
        self.errlog = None
        self.scratch: str | None = None
        self.calls = 0

    # -- the child ---------------------------------------------------------
    def _start(self) -> None:
        self.errlog = tempfile.TemporaryFile()
        self.scratch = tempfile.mkdtemp(prefix="plantrace-worker-")
        env = dict(os.environ, PLANTRACE_READ_SCRATCH=self.scratch, MALLOC_ARENA_MAX="2", OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1",
                   PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "plantrace.ingest.supervise", pickle.dumps(asdict(self.limits)).hex(),
             ",".join(self.preload)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errlog, env=env,
            start_new_session=True)  # Ctrl-C reaches the batch, which stops the child itself
        _CHILDREN.add(self.proc)
        if self._read(1, time.monotonic() + START_SECONDS) != READY:
            raise WorkerFailed("worker process could not start" + self._last_line(self._log()))

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        _CHILDREN.discard(proc)
        try:
            proc.kill()
        except OSError:
            pass
        proc.wait()
        for stream in (proc.stdin, proc.stdout):
            try:
                stream.close()
            except OSError:
                pass
        if self.errlog:
            self.errlog.close()
            self.errlog = None
        if self.scratch:
            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = None

    def _log(self) -> str:
        """What the child wrote to its error log (its last 4 KiB)."""
        if not self.errlog:
            return ""
        try:
            self.errlog.seek(0)
            return self.errlog.read()[-4096:].decode("utf-8", "replace")
        except OSError:
            return ""

    @staticmethod
    def _last_line(log: str) -> str:
        lines = [ln for ln in log.splitlines() if ln.strip()]
        return f" ({lines[-1].strip()[:160]})" if lines else ""

    # -- one call ----------------------------------------------------------
    def call(self, fn: Callable, *args) -> Any:
        """``fn(*args)`` in the child; raises LimitExceeded, WorkerFailed, or the child's own error
        as ``RuntimeError`` with a one-line message."""
        if self.proc is not None and self.calls >= DOCUMENTS_PER_CHILD:
            self.stop()
        if self.proc is None or self.proc.poll() is not None:
            self.stop()
            self._start()
            self.calls = 0
        self.calls += 1
        payload = pickle.dumps((fn, args), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.proc.stdin.write(HEADER.pack(len(payload)) + payload)
            self.proc.stdin.flush()
        except OSError:
            raise self._died()
        deadline = time.monotonic() + self.limits.seconds if self.limits.seconds else None
        try:
            size = HEADER.unpack(self._read(HEADER.size, deadline))[0]
            status, value = pickle.loads(self._read(size, deadline))
        except TimeoutError:
            self.stop()
            raise LimitExceeded(f"over the time limit ({self.limits.seconds:g} s); "
                                "set --max-seconds to allow longer") from None
        except EOFError:
            raise self._died() from None
        if status == "ok":
            return value
        if status == "limit":
            if value.startswith("over the memory limit"):
                self.stop()  # a process that ran out of memory is not trusted with the next document
            raise LimitExceeded(value)
        raise RuntimeError(value)

    def _reap(self) -> tuple[int | None, int]:
        """The dead child's exit code and its peak resident memory in bytes (0 if unknown)."""
        proc = self.proc
        if proc is None:
            return None, 0
        if proc.returncode is None:
            try:
                _, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = os.waitstatus_to_exitcode(status)
                return proc.returncode, usage.ru_maxrss * 1024
            except ChildProcessError:  # reaped already
                pass
        return proc.wait(), 0

    def _died(self) -> WorkerFailed | LimitExceeded:
        code, peak = self._reap()
        log = self._log()
        why = self._last_line(log)
        cap = self.limits.memory_mb * MB
        # an allocation that failed says so in the log (C++ std::bad_alloc, C's ENOMEM), or not at all
        out_of_memory = any(sign in log for sign in OUT_OF_MEMORY_SIGNS) or (
            code == -signal.SIGABRT and cap and peak >= OOM_PEAK_SHARE * cap)
        self.stop()
        if out_of_memory and self.limits.memory_mb:
            # native code (pdfium, OpenCV) that cannot allocate under the cap aborts the
            # process instead of raising MemoryError: the same limit, said the same way
            return LimitExceeded(f"over the memory limit ({self.limits.memory_mb} MB); "
                                 "set --max-memory to allow more")
        if code is not None and code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = str(-code)
            hint = ", likely over the memory limit" if name == "SIGKILL" else ""
            return WorkerFailed(f"worker process died ({name}{hint}){why}")
        return WorkerFailed(f"worker process died (exit {code}){why}")

    def _read(self, n: int, deadline: float | None) -> bytes:
        fd = self.proc.stdout.fileno()
        chunks, got = [], 0
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_READ)
            while got < n:
                wait = None if deadline is None else deadline - time.monotonic()
                if wait is not None and wait <= 0:
                    raise TimeoutError
                if not sel.select(wait):
                    raise TimeoutError
                chunk = os.read(fd, min(n - got, 1 << 20))
                if not chunk:
                    raise EOFError
                chunks.append(chunk)
                got += len(chunk)
        return b"".join(chunks)


_CHILDREN: set = set()
_LOCAL = threading.local()


def supervisor_for(limits: Limits) -> Supervisor:
    """This thread's supervisor (a worker thread reads one document at a time)."""
    sup = getattr(_LOCAL, "supervisor", None)
    if sup is None or sup.limits != limits:
        if sup is not None:
            sup.stop()
        sup = _LOCAL.supervisor = Supervisor(limits)
    return sup


@atexit.register
def _kill_children() -> None:
    for proc in list(_CHILDREN):
        try:
            proc.kill()
        except OSError:
            pass


# ---------------------------------------------------------------------------
# The child side.

def _child(limits_hex: str, preload: str) -> None:
    out = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(2, 1)  # anything a library prints goes to the error log, not into the answers
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import importlib

    from .limits import Limits, set_memory_limit

    for name in filter(None, preload.split(",")):
        importlib.import_module(name)

    limits = Limits(**pickle.loads(bytes.fromhex(limits_hex)))
    _exit_with_parent()
    set_memory_limit(limits)
    out.write(READY)
    stdin = sys.stdin.buffer
    while True:
        head = stdin.read(HEADER.size)
        if len(head) < HEADER.size:
            return
        fn, args = pickle.loads(stdin.read(HEADER.unpack(head)[0]))
        fatal = False
        try:
            answer = ("ok", fn(*args))
        except LimitExceeded as exc:
            answer = ("limit", str(exc))
        except MemoryError:
            answer, fatal = ("limit", f"over the memory limit ({limits.memory_mb} MB); "
                                      "set --max-memory to allow more"), True
        except Exception as exc:
            answer = ("error", f"{type(exc).__name__}: {_first_line(exc)}")
        try:
            data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            data, fatal = pickle.dumps(("limit", f"over the memory limit ({limits.memory_mb} MB); "
                                                 "set --max-memory to allow more")), True
        except Exception as exc:
            data = pickle.dumps(("error", f"result could not be returned ({type(exc).__name__})"))
        out.write(HEADER.pack(len(data)) + data)
        if fatal:
            return


ORPHAN_CHECK_SECONDS = 1.0
# A child that aborts (SIGABRT) after its resident memory reached this share of the
# address-space cap ran out of memory in native code: pdfium aborts silently when an
# allocation fails (a bomb under a 1200 MB cap peaked at 757 MB; a normal worker ~230 MB).
OOM_PEAK_SHARE = 0.5
# what native libraries print as they abort on a failed allocation
OUT_OF_MEMORY_SIGNS = ("std::bad_alloc", "Cannot allocate memory", "Out of memory", "out of memory", "MemoryError")


def _exit_with_parent() -> None:
    """A child whose batch was killed (kill -9 gives it no chance to stop us) ends within a second."""
    parent = os.getppid()

    def watch():
        while True:
            time.sleep(ORPHAN_CHECK_SECONDS)
            if os.getppid() != parent:
                os._exit(3)

    threading.Thread(target=watch, daemon=True, name="exit-with-parent").start()


def _first_line(exc: BaseException, limit: int = 160) -> str:
    text = str(exc).strip().splitlines()
    line = text[0] if text else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


if __name__ == "__main__":
    _child(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "")
