"""The estimators the new one is measured against, in the same run and at the same moments.

- `current`: the estimator the hall shipped before (people ahead times the mean of the
  category's last 20 services, over the open windows that serve it, at least one);
- `ibrahim_whitt`: the queue-length predictor of Ibrahim and Whitt (2009) for many-server
  queues, wait = (position + 1) / (servers x service rate), with the category's open, unpaused
  windows as servers and its mean service time so far as one over the rate.
Both read the store as the moment of the estimate left it; neither is used by the hall.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from kiosk.clock import iso
from kiosk.engine.settings import HallSettings

PREVIOUS_RECENT = 20


def _mean_handle(
    settings: HallSettings, conn: sqlite3.Connection, category: str, now: datetime | None
) -> float:
    sql = (
        "SELECT handle_s FROM tickets WHERE category = ? AND status = 'done'"
        " AND handle_s IS NOT NULL"
    )
    args: tuple[object, ...] = (category,)
    if now is not None:
        sql += " AND finished_at <= ?"
        args += (iso(now),)
    rows = conn.execute(
        sql + " ORDER BY finished_at DESC LIMIT ?", (*args, PREVIOUS_RECENT)
    ).fetchall()
    if rows:
        return sum(r[0] for r in rows) / len(rows)
    return float(settings.catalog.category(category).service_time_s)


def _open_windows(
    settings: HallSettings, conn: sqlite3.Connection, category: str, statuses: tuple[str, ...]
) -> int:
    serving = settings.serving.get(category, ())
    if not serving:
        return 0
    marks = ",".join("?" * len(serving))
    smarks = ",".join("?" * len(statuses))
    row = conn.execute(
        f"SELECT COUNT(*) FROM window_state WHERE status IN ({smarks}) AND no IN ({marks})",
        (*statuses, *serving),
    ).fetchone()
    return int(row[0])


def current(settings: HallSettings, conn: sqlite3.Connection, category: str, ahead: int) -> float:
    """The shipped estimator: ahead x recent mean / max(1, open windows): with none open (all
    closed or paused) it still divides by one and promises a number."""
    per = _mean_handle(settings, conn, category, None)
    windows = _open_windows(settings, conn, category, ("open",))
    return ahead * per / max(1, windows)


def ibrahim_whitt(
    settings: HallSettings, conn: sqlite3.Connection, category: str, ahead: int, now: datetime
) -> float:
    """(position + 1) / (s mu): s the open, unpaused windows serving the category."""
    per = _mean_handle(settings, conn, category, now)
    servers = _open_windows(settings, conn, category, ("open",))
    return (ahead + 1) * per / max(1, servers)
