"""How service quality's events change its tables: ratings, the cases bad ratings open, and
the alerts supervisors read (a failed print is one). Registered with the projector through
HANDLERS.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from kiosk.events import Event, EventType, dumps

Handler = Callable[[sqlite3.Connection, Event], None]


def _rating(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    conn.execute(
        "INSERT INTO ratings(id, ticket_id, level, tags, comment, channel, window_no, clerk,"
        " category, item, rated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            p["rating_id"],
            p["ticket_id"],
            p["level"],
            dumps(p.get("tags") or []),
            p.get("comment"),
            p["channel"],
            p.get("window_no"),
            p.get("clerk"),
            p.get("category"),
            p.get("item"),
            ev.ts,
        ),
    )
    conn.execute("UPDATE tickets SET rated = ? WHERE id = ?", (1, p["ticket_id"]))


def _case_opened(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    conn.execute(
        "INSERT INTO cases(id, rating_id, ticket_id, window_no, clerk, level, deadline, status,"
        " opened_at, updated_at, history) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, '[]')",
        (
            p["case_id"],
            p["rating_id"],
            p["ticket_id"],
            p.get("window_no"),
            p.get("clerk"),
            p["level"],
            p["deadline"],
            ev.ts,
            ev.ts,
        ),
    )


def _case_updated(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    row = conn.execute("SELECT history FROM cases WHERE id = ?", (p["case_id"],)).fetchone()
    history = json.loads(row[0]) if row else []
    history.append({"status": p["status"], "note": p.get("note"), "by": p.get("by"), "at": ev.ts})
    conn.execute(
        "UPDATE cases SET status = ?, updated_at = ?, history = ? WHERE id = ?",
        (p["status"], ev.ts, dumps(history), p["case_id"]),
    )


def _alert(conn: sqlite3.Connection, ev: Event) -> None:
    conn.execute(
        "INSERT INTO alerts(seq, kind, details, at) VALUES (?, ?, ?, ?)",
        (ev.seq, ev.payload["kind"], dumps(ev.payload.get("details", {})), ev.ts),
    )


def _print_failed(conn: sqlite3.Connection, ev: Event) -> None:
    details = {k: v for k, v in ev.payload.items()}
    conn.execute(
        "INSERT INTO alerts(seq, kind, details, at) VALUES (?, 'print_failed', ?, ?)",
        (ev.seq, dumps(details), ev.ts),
    )


HANDLERS: dict[EventType, Handler] = {
    EventType.RATING_RECORDED: _rating,
    EventType.CASE_OPENED: _case_opened,
    EventType.CASE_UPDATED: _case_updated,
    EventType.ALERT_RAISED: _alert,
    EventType.PRINT_FAILED: _print_failed,
}
