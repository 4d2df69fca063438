"""Estimated waits: position under the routing rules times recent service time per open window.

Position counts the waiting tickets of the same category that call-next would pick first (held
requeues last, then tier, then issue time). Service time is the mean of the category's last 20
handled tickets, so it follows the day as it goes; before any, the catalog's standard figure.

Why counts come from `queue_counts`: the people ahead of a ticket that has just joined the back
of its tier is a sum of a few kept counts (triggers on the tickets table keep them), so issuing a
ticket costs the same with 10 or 50,000 people waiting. Only a ticket in the middle of a queue
(a status page read later) counts its own tier's range, through the queue index.
"""

from __future__ import annotations

import sqlite3

from kiosk.engine.settings import HallSettings

RECENT = 20


def waiting_counts(conn: sqlite3.Connection, day: str) -> dict[str, int]:
    """Waiting tickets per category on `day`."""
    rows = conn.execute(
        "SELECT category, SUM(waiting) FROM queue_counts WHERE service_day = ? GROUP BY category",
        (day,),
    )
    return {r[0]: int(r[1]) for r in rows}


def waiting_in(conn: sqlite3.Connection, day: str, categories: list[str]) -> int:
    marks = ",".join("?" * len(categories))
    row = conn.execute(
        "SELECT COALESCE(SUM(waiting), 0) FROM queue_counts"
        f" WHERE service_day = ? AND category IN ({marks})",
        (day, *categories),
    ).fetchone()
    return int(row[0])


def ahead_of(conn: sqlite3.Connection, ticket: sqlite3.Row) -> int:
    """Waiting tickets of the ticket's category that routing puts before it."""
    held, tier = int(ticket["held"]), int(ticket["tier"])
    before = conn.execute(
        "SELECT COALESCE(SUM(waiting), 0) FROM queue_counts"
        " WHERE service_day = ? AND category = ? AND (held < ? OR (held = ? AND tier < ?))",
        (ticket["service_day"], ticket["category"], held, held, tier),
    ).fetchone()[0]
    key = (ticket["service_day"], ticket["category"], held, tier, ticket["sort_at"], ticket["id"])
    same_tier = conn.execute(
        "SELECT (SELECT COUNT(*) FROM tickets WHERE status = 'waiting' AND service_day = ?"
        "  AND category = ? AND target_window IS NULL AND held = ? AND tier = ?"
        "  AND (sort_at, id) < (?, ?))"
        " + (SELECT COUNT(*) FROM tickets WHERE status = 'waiting' AND service_day = ?"
        "  AND target_window IS NOT NULL AND category = ? AND held = ? AND tier = ?"
        "  AND (sort_at, id) < (?, ?))",
        (*key, *key),
    ).fetchone()[0]
    return int(before) + int(same_tier)


def service_time(settings: HallSettings, conn: sqlite3.Connection, category: str) -> float:
    rows = conn.execute(
        "SELECT handle_s FROM tickets WHERE category = ? AND status = 'done'"
        " AND handle_s IS NOT NULL ORDER BY finished_at DESC LIMIT ?",
        (category, RECENT),
    ).fetchall()
    if rows:
        return sum(r[0] for r in rows) / len(rows)
    return float(settings.catalog.category(category).service_time_s)


def windows_for(settings: HallSettings, conn: sqlite3.Connection, category: str) -> int:
    """Open windows calling from `category`: by their configuration, or by the categories a
    supervisor gave them for now (潮汐窗口; one whose time is over counts as given until the
    duties end it, within 30 s)."""
    serving = settings.serving.get(category, ())
    marks = ",".join("?" * len(serving)) or "NULL"
    row = conn.execute(
        "SELECT COUNT(*) FROM window_state WHERE status = 'open' AND CASE WHEN serves IS NULL"
        f" THEN no IN ({marks}) ELSE EXISTS (SELECT 1 FROM json_each(serves) WHERE value = ?)"
        " END",
        (*serving, category),
    ).fetchone()
    return max(1, int(row[0]))


def estimate(
    settings: HallSettings,
    conn: sqlite3.Connection,
    ticket: sqlite3.Row,
    last_in_tier: bool = False,
) -> tuple[int, int]:
    """(people ahead, estimated wait in seconds) for a waiting ticket. `last_in_tier`: the
    ticket has just joined the back of its tier (a new ticket), so only kept counts are read."""
    if ticket["status"] != "waiting":
        return 0, 0
    ahead = tail_position(conn, ticket) if last_in_tier else ahead_of(conn, ticket)
    per = service_time(settings, conn, ticket["category"])
    return ahead, round(ahead * per / windows_for(settings, conn, ticket["category"]))


def tail_position(conn: sqlite3.Connection, ticket: sqlite3.Row) -> int:
    """People ahead of a ticket at the back of its tier: every waiting ticket of its category
    in the tiers before it and in its own tier, but itself."""
    held, tier = int(ticket["held"]), int(ticket["tier"])
    row = conn.execute(
        "SELECT COALESCE(SUM(waiting), 0) FROM queue_counts"
        " WHERE service_day = ? AND category = ? AND (held < ? OR (held = ? AND tier <= ?))",
        (ticket["service_day"], ticket["category"], held, held, tier),
    ).fetchone()
    return int(row[0]) - 1
