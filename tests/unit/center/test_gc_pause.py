"""The collector is paused while a report is built, nested or from two threads, and comes back
as it was when the last build ends (still off if it was off before)."""

from __future__ import annotations

import gc
import threading

from kiosk.center.gc_pause import no_cyclic_gc


def test_nested_and_concurrent_builds_restore_the_collector() -> None:
    assert gc.isenabled()
    inside = threading.Event()
    leave = threading.Event()

    def other() -> None:
        with no_cyclic_gc():
            inside.set()
            leave.wait(5)

    with no_cyclic_gc():
        thread = threading.Thread(target=other)
        thread.start()
        assert inside.wait(5)
        with no_cyclic_gc():
            assert not gc.isenabled()
    assert not gc.isenabled()  # the other thread's build still runs
    leave.set()
    thread.join(5)
    assert gc.isenabled()


def test_a_collector_switched_off_stays_off() -> None:
    gc.disable()
    try:
        with no_cyclic_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
