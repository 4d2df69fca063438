"""Call-next by heads equals call-next by a full sort, on random queues.

The reference below is the routing rule written as one ORDER BY over every waiting ticket (the
way the engine picked before it kept the queue in index order): the pick by per-category heads
must name the same ticket for every window, whatever the mix of tiers, held requeues,
transfers to a window, days and ties in time.
"""

from __future__ import annotations

import functools
import sqlite3
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.engine.queue.routing import next_for
from kiosk.store.db import connect
from kiosk.store.schema import migrate

DAY, OTHER_DAY = "2026-11-27", "2026-11-26"
CATEGORIES = ("SB", "GJJ", "ZX")
WINDOWS: dict[int, dict[str, int]] = {
    1: {"SB": 0, "GJJ": 1},
    2: {"GJJ": 0},
    3: {"SB": 0, "GJJ": 0},  # one shared rank: a single FIFO
    4: {"ZX": 0, "SB": 1},
}


def full_sort(conn: sqlite3.Connection, day: str, window_no: int) -> Any:
    ranks = WINDOWS[window_no]
    marks = ",".join("?" * len(ranks))
    rank_case = " ".join(f"WHEN ? THEN {r}" for r in ranks.values())
    return conn.execute(
        "SELECT id FROM tickets WHERE status = 'waiting' AND service_day = ?"
        f" AND (target_window = ? OR (target_window IS NULL AND category IN ({marks})))"
        " ORDER BY (CASE WHEN hold_calls > 0 THEN 1 ELSE 0 END), tier,"
        f" CASE WHEN target_window = ? THEN -1 ELSE (CASE category {rank_case} END) END,"
        " sort_at, id LIMIT 1",
        (day, window_no, *ranks, window_no, *ranks),
    ).fetchone()


tickets = st.lists(
    st.fixed_dictionaries(
        {
            "category": st.sampled_from(CATEGORIES),
            "status": st.sampled_from(["waiting"] * 4 + ["called", "done", "no_show"]),
            "day": st.sampled_from([DAY] * 5 + [OTHER_DAY]),
            "tier": st.integers(0, 2),
            "hold_calls": st.sampled_from([0, 0, 0, 1, 3]),
            "target_window": st.sampled_from([None] * 5 + [1, 2, 3, 4]),
            "minute": st.integers(0, 20),  # few distinct times: ties are decided by id
        }
    ),
    max_size=40,
)


@functools.cache
def _migrated() -> bytes:
    """The migrated empty store, built once: each example starts from a copy of it."""
    conn = connect(":memory:")
    migrate(conn)
    data = conn.serialize()
    conn.close()
    return data


@settings(max_examples=300, deadline=None)
@given(tickets)
def test_heads_pick_what_the_full_sort_picks(rows: list[dict[str, Any]]) -> None:
    conn = connect(":memory:")
    conn.deserialize(_migrated())
    for i, t in enumerate(rows):
        conn.execute(
            "INSERT INTO tickets(id, number, prefix, seq_no, service_day, category, priority,"
            " source, status, tier, sort_at, hold_calls, held, target_window, issued_at)"
            " VALUES (?, ?, 'A', ?, ?, ?, 'normal', 'walk_in', ?, ?, ?, ?, ?, ?, ?)",
            (
                f"T{(i * 7919) % 1000:04d}{i:03d}",  # ids not in insertion order
                f"A{i:03d}",
                i,
                t["day"],
                t["category"],
                t["status"],
                t["tier"],
                f"2026-11-27T01:{t['minute']:02d}:00.000Z",
                t["hold_calls"],
                int(t["hold_calls"] > 0),
                t["target_window"],
                f"2026-11-27T01:{t['minute']:02d}:00.000Z",
            ),
        )
    for window_no, ranks in WINDOWS.items():
        for day in (DAY, OTHER_DAY):
            expected = full_sort(conn, day, window_no)
            got = next_for(conn, day, window_no, ranks)
            assert (got and got["id"]) == (expected and expected["id"]), (window_no, day)
    conn.close()
