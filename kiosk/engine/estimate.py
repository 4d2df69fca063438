"""Estimated waits: position under the routing rules times recent service time per open window.

Position counts the waiting tickets of the same category that call-next would pick first (held
requeues last, then tier, then issue time). Service time is the mean of the category's last 20
handled tickets, so it follows the day as it goes; before any, the catalog's standard figure.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.engine.base import HallBase

RECENT = 20
ORDER_KEY = "(CASE WHEN hold_calls > 0 THEN 1 ELSE 0 END), tier, sort_at, id"


def ahead_of(conn: sqlite3.Connection, ticket: sqlite3.Row) -> int:
    row = conn.execute(
        f"SELECT COUNT(*) FROM tickets WHERE status = 'waiting' AND service_day = ?"
        f" AND category = ? AND id != ? AND ({ORDER_KEY}) < (?, ?, ?, ?)",
        (
            ticket["service_day"],
            ticket["category"],
            ticket["id"],
            1 if ticket["hold_calls"] > 0 else 0,
            ticket["tier"],
            ticket["sort_at"],
            ticket["id"],
        ),
    ).fetchone()
    return int(row[0])


def service_time(hall: HallBase, conn: sqlite3.Connection, category: str) -> float:
    rows = conn.execute(
        "SELECT handle_s FROM tickets WHERE category = ? AND status = 'done'"
        " AND handle_s IS NOT NULL ORDER BY finished_at DESC LIMIT ?",
        (category, RECENT),
    ).fetchall()
    if rows:
        return sum(r[0] for r in rows) / len(rows)
    return float(hall.catalog.category(category).service_time_s)


def windows_for(hall: HallBase, conn: sqlite3.Connection, category: str) -> int:
    serving = hall.serving.get(category, [])
    if not serving:
        return 1
    marks = ",".join("?" * len(serving))
    row = conn.execute(
        f"SELECT COUNT(*) FROM window_state WHERE status = 'open' AND no IN ({marks})", serving
    ).fetchone()
    return max(1, int(row[0]))


def estimate(hall: HallBase, conn: sqlite3.Connection, ticket: sqlite3.Row) -> tuple[int, int]:
    """(people ahead, estimated wait in seconds) for a waiting ticket."""
    if ticket["status"] != "waiting":
        return 0, 0
    ahead = ahead_of(conn, ticket)
    per = service_time(hall, conn, ticket["category"])
    return ahead, round(ahead * per / windows_for(hall, conn, ticket["category"]))
