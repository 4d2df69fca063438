"""Which waiting ticket a window calls next, in time that does not grow with the queue.

The routing order is: tickets still held back after a requeue last, then tier (green channel,
then returning tickets, then the rest), then the window's rank of the category (tickets
transferred to this very window first), then the original issue time, then id. Within one
category the rank is the same for every ticket, so the first ticket of the whole order is the
first of a few heads: the head of each category the window serves, read by one index seek each
(`tickets_queue`, whose key is the routing order), and the head of the tickets transferred to
the window (`tickets_targeted`). The pick among those heads is made here, in Python, over a
handful of rows, instead of sorting every waiting ticket on each call.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

HEAD_OF_CATEGORY = (
    "SELECT * FROM tickets WHERE status = 'waiting' AND service_day = ? AND category = ?"
    " AND target_window IS NULL ORDER BY held, tier, sort_at, id LIMIT 1"
)
HEAD_OF_WINDOW = (
    "SELECT * FROM tickets WHERE status = 'waiting' AND service_day = ? AND target_window = ?"
    " ORDER BY held, tier, sort_at, id LIMIT 1"
)
TARGETED_RANK = -1  # a ticket transferred to this window comes before any category rank


def route_key(row: sqlite3.Row, rank: int) -> tuple[int, int, int, str, str]:
    return (int(row["held"]), int(row["tier"]), rank, str(row["sort_at"]), str(row["id"]))


def next_for(
    conn: sqlite3.Connection, day: str, window_no: int, ranks: Mapping[str, int]
) -> sqlite3.Row | None:
    """The ticket call-next gives `window_no` (serving `ranks`: category -> rank) on `day`,
    or None when nothing waits for it."""
    heads: list[tuple[tuple[int, int, int, str, str], sqlite3.Row]] = []
    for category, rank in ranks.items():
        row = conn.execute(HEAD_OF_CATEGORY, (day, category)).fetchone()
        if row is not None:
            heads.append((route_key(row, rank), row))
    row = conn.execute(HEAD_OF_WINDOW, (day, window_no)).fetchone()
    if row is not None:
        heads.append((route_key(row, TARGETED_RANK), row))
    return min(heads, key=lambda head: head[0])[1] if heads else None
