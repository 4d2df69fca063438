"""How service quality's events change its tables: ratings, the cases bad ratings open and
their steps, the alerts supervisors read (a failed print is one) and acknowledge, and the
categories a supervisor has a window serve for now (潮汐窗口). Registered with the projector
through HANDLERS.
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


# What each step of a case writes beside its status and history (payload field -> column).
_STEP_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "assign": (("assignee", "assignee"),),
    "verify": (("verdict", "verdict"), ("reason", "reason"), ("by", "requested_by")),
    "confirm_exclusion": (("confirmed_by", "confirmed_by"),),
}


def _case_updated(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    row = conn.execute("SELECT history FROM cases WHERE id = ?", (p["case_id"],)).fetchone()
    history = json.loads(row[0]) if row else []
    entry = {"status": p["status"], "note": p.get("note"), "by": p.get("by"), "at": ev.ts}
    entry.update({k: v for k, v in p.items() if k not in ("case_id", "ticket_id", *entry)})
    history.append(entry)
    cols: dict[str, object] = {
        "status": p["status"],
        "updated_at": ev.ts,
        "history": dumps(history),
    }
    step = p.get("step")
    for field, column in _STEP_COLUMNS.get(str(step), ()):
        cols[column] = p.get(field)
    if step == "confirm_exclusion":
        cols["confirmed_by"] = p.get("by") if p.get("approve") else None
        if not p.get("approve"):  # refused: verified again from the call-back on
            cols.update(verdict=None, reason=None, requested_by=None)
    if p["status"] == "closed":
        cols["closed_at"] = ev.ts
        cols["on_time"] = None if p.get("on_time") is None else int(bool(p["on_time"]))
    sets = ", ".join(f"{k} = ?" for k in cols)
    conn.execute(f"UPDATE cases SET {sets} WHERE id = ?", (*cols.values(), p["case_id"]))


def _alert(conn: sqlite3.Connection, ev: Event) -> None:
    details = ev.payload.get("details", {})
    subject = ev.payload.get("subject") or details.get("key") or f"alert:{ev.seq}"
    conn.execute(
        "INSERT INTO alerts(seq, kind, details, at, subject) VALUES (?, ?, ?, ?, ?)",
        (ev.seq, ev.payload["kind"], dumps(details), ev.ts, subject),
    )


def _print_failed(conn: sqlite3.Connection, ev: Event) -> None:
    """One open alert per printer: a printer failing again adds to its count."""
    details = {k: v for k, v in ev.payload.items()}
    subject = f"printer:{details.get('device')}"
    found = conn.execute(
        "SELECT seq FROM alerts WHERE subject = ? AND state = 'open'", (subject,)
    ).fetchone()
    if found is not None:
        conn.execute(
            "UPDATE alerts SET count = count + 1, details = ? WHERE seq = ?",
            (dumps(details), found[0]),
        )
        return
    conn.execute(
        "INSERT INTO alerts(seq, kind, details, at, subject) VALUES (?, 'print_failed', ?, ?, ?)",
        (ev.seq, dumps(details), ev.ts, subject),
    )


def _alert_acknowledged(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    conn.execute(
        "UPDATE alerts SET state = 'acknowledged', acknowledged_at = ?, acknowledged_by = ?,"
        " note = ? WHERE seq = ?",
        (ev.ts, p.get("by"), p.get("note"), p["alert_id"]),
    )


def _alert_resolved(conn: sqlite3.Connection, ev: Event) -> None:
    conn.execute(
        "UPDATE alerts SET state = 'resolved', resolved_at = ?"
        " WHERE seq = ? AND resolved_at IS NULL",
        (ev.ts, ev.payload["alert_id"]),
    )


def _categories_changed(conn: sqlite3.Connection, ev: Event) -> None:
    """潮汐窗口: the categories a window serves for now (null: its configured ones again)."""
    p = ev.payload
    serves = p.get("categories")
    conn.execute(
        "UPDATE window_state SET serves = ?, serves_until = ?, serves_by = ? WHERE no = ?",
        (
            None if serves is None else dumps(serves),
            None if serves is None else p.get("until"),
            None if serves is None else p.get("by"),
            p["window_no"],
        ),
    )


HANDLERS: dict[EventType, Handler] = {
    EventType.RATING_RECORDED: _rating,
    EventType.CASE_OPENED: _case_opened,
    EventType.CASE_UPDATED: _case_updated,
    EventType.ALERT_RAISED: _alert,
    EventType.PRINT_FAILED: _print_failed,
    EventType.ALERT_ACKNOWLEDGED: _alert_acknowledged,
    EventType.ALERT_RESOLVED: _alert_resolved,
    EventType.WINDOW_CATEGORIES_CHANGED: _categories_changed,
}
