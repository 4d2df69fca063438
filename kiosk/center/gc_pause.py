"""Building a large report without the cyclic garbage collector running in the middle of it.

A province's governance report creates a few hundred thousand dicts and lists in one go, and
none of them form cycles. CPython's collector runs every few hundred allocations and, as the
heap grows, scans everything alive again and again: measured, that was a large share of the
report's time. The collector is paused while such a report is built (nested or concurrent
builds keep it paused until the last one ends) and runs normally afterwards; reference counting
frees everything as usual meanwhile.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
