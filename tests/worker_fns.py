"""Functions the supervised-worker tests run in the child: importable without pytest."""
import os
import time


def die():
    os._exit(7)


def nap(seconds):
    time.sleep(seconds)
    return "woke"
