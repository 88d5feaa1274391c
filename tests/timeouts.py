"""A per-test time limit without a plugin: a hang fails the test instead of the run."""
from __future__ import annotations

import functools
import signal

import pytest


def timeout(seconds: int):
    """Fail the decorated test if it runs longer than ``seconds`` (main thread, POSIX)."""
    def wrap(test):
        @functools.wraps(test)
        def run(*args, **kwargs):
            def expired(_signum, _frame):
                pytest.fail(f"timed out after {seconds} s", pytrace=False)

            previous = signal.signal(signal.SIGALRM, expired)
            signal.alarm(seconds)
            try:
                return test(*args, **kwargs)
            finally:
                signal.alarm(0)
                signal.signal(signal.SIGALRM, previous)
        return run
    return wrap
