"""Which categories a window calls from now: its configured ones, or the ones a supervisor gave
it until a time or until undone (潮汐窗口, `window.categories_changed`).

Why read from the window's row and not from the settings: the change is an event, so it is in
the store with everything else and a call-next, the duties and the snapshot read it in the same
transaction as the queue; an expired change counts as undone at once, before the duties log
its end.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from datetime import datetime

from kiosk.clock import iso
from kiosk.engine.settings import HallSettings


def tidal_active(state: sqlite3.Row, now: datetime) -> bool:
    """Whether the window's row holds a change of categories still in force at `now`."""
    if state["serves"] is None:
        return False
    until = state["serves_until"]
    return until is None or str(until) > iso(now)


def serving_now(settings: HallSettings, state: sqlite3.Row, now: datetime) -> Mapping[str, int]:
    """Category -> rank (0 first) the window calls from at `now`."""
    if tidal_active(state, now):
        return {code: rank for rank, code in enumerate(json.loads(state["serves"]))}
    return settings.window_ranks[int(state["no"])]
