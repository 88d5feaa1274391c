"""Where documents are read: in this process's supervised worker, or on Dask.

There is one parallel path. ``--jobs N`` and ``--workers N`` start a local Dask
cluster of N single-threaded worker processes; ``--scheduler tcp://HOST:8786``
uses a running cluster. Either way each document is one task, keyed by its
content hash, that reads it in a supervised child (``ingest.supervise``) and
returns the record and page model; the client stores them. With neither
option, the same task runs in this process, one document at a time.

A task is pure: it reads bytes named by its key's hash and returns what they
say, so a task retried after a lost worker, or the same file submitted by two
clients at once, yields one answer and (through the store's unique keys) one
document.
"""
from __future__ import annotations

import hashlib
import logging
from collections import deque
from typing import Iterable, Iterator

from .limits import Limits, LimitExceeded, cap_jobs

# How many tasks are kept in flight per worker thread: enough that a worker
# never waits for the client, few enough that a million-file list is not all
# on the scheduler (and its results in memory) at once.
TASKS_AHEAD_PER_THREAD = 2


# A worker killed from outside (by an operator, or the kernel for another
# process's sake) should not cost the document: it is read once more in a fresh
# worker, and only a document that kills its worker again is a failed file.
DEATH_RETRIES = 1


def read_task(path: str, filetype: str, sha: str, limits: Limits, ocr: str = "auto"):
    """One document, read in this process's supervised child; always returns an Extracted."""
    from .read import Extracted, read_document
    from .supervise import WorkerFailed, supervisor_for

    for attempt in range(1 + DEATH_RETRIES):
        try:
            return supervisor_for(limits).call(read_document, path, filetype, sha, limits, ocr)
        except WorkerFailed as exc:
            if attempt == DEATH_RETRIES:
                return Extracted(None, None, str(exc))
        except LimitExceeded as exc:
            return Extracted(None, None, str(exc))
        except RuntimeError as exc:
            return Extracted(None, None, f"extraction error ({exc})")
    raise AssertionError("unreachable")


class SerialExecutor:
    """Documents read one at a time, in a supervised child of this process."""

    name = "serial"

    def __init__(self, limits: Limits):
        self.limits = limits

    def map(self, tasks: Iterable[tuple[str, str, str, str]]) -> Iterator:
        for path, filetype, sha, ocr in tasks:
            yield read_task(path, filetype, sha, self.limits, ocr)

    def close(self) -> None:
        """The supervised child stays for the next batch of this process (it is ended at exit,
        and ends itself if this process dies)."""


class DaskExecutor:
    """Documents read as Dask tasks; answers come back in the order they were asked for."""

    def __init__(self, client, limits: Limits, name: str, cluster=None):
        self.client, self.cluster, self.limits, self.name = client, cluster, limits, name

    def _threads(self) -> int:
        try:
            return max(1, sum(self.client.nthreads().values()))
        except Exception:
            return 1

    def map(self, tasks: Iterable[tuple[str, str, str, str]]) -> Iterator:
        from .read import Extracted

        window = max(2, TASKS_AHEAD_PER_THREAD * self._threads())
        flight: deque = deque()
        todo = iter(tasks)

        def submit(task) -> None:
            path, filetype, sha, ocr = task
            # keyed by content: a retry or a second client asking for the same bytes shares one task
            which = hashlib.sha256(f"{path}\0{self.limits}\0{ocr}".encode("utf-8", "surrogateescape")).hexdigest()[:12]
            key = f"plantrace-read-{sha}-{which}"
            flight.append(self.client.submit(read_task, path, filetype, sha, self.limits, ocr, key=key, pure=False,
                                             retries=1))

        for task in todo:
            submit(task)
            if len(flight) >= window:
                break
        while flight:
            future = flight.popleft()
            try:
                answer = future.result()
            except Exception as exc:  # a worker lost twice (KilledWorker), a task that could not run
                answer = Extracted(None, None, f"worker lost while reading it ({type(exc).__name__})")
            finally:
                future.release()
            nxt = next(todo, None)
            if nxt is not None:
                submit(nxt)
            yield answer

    def close(self) -> None:
        try:
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()


def open_executor(limits: Limits, jobs: int = 1, workers: int | None = None, scheduler: str | None = None):
    """The executor for these options: a running cluster, a local one, or this process."""
    if scheduler:
        from distributed import Client

        return DaskExecutor(Client(scheduler), limits, scheduler)
    n = workers or jobs
    if n and n > 1:
        n = cap_jobs(n, limits)
    if not n or n <= 1:
        return SerialExecutor(limits)
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                           memory_limit=0, silence_logs=logging.ERROR)
    return DaskExecutor(Client(cluster), limits, f"local dask, {n} workers", cluster)
