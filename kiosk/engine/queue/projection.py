"""How the queue's events change its tables: tickets, counters, calls, windows and their
absences, appointments. Registered with the projector (kiosk/engine/projector.py) through
HANDLERS, so live commands and `kiosk store rebuild` run the same code.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from kiosk.domain import Priority, TicketSource, TicketStatus, WindowStatus
from kiosk.engine.issuing.quota import count_issue
from kiosk.events import Event, EventType, dumps
from kiosk.store.keys import request_key

Handler = Callable[[sqlite3.Connection, Event], None]

TIER_GREEN, TIER_RETURNING, TIER_NORMAL = 0, 1, 2


def _touch_window(conn: sqlite3.Connection, no: int | None, ts: str, **cols: Any) -> None:
    if no is None:
        return
    sets = ", ".join(f"{k} = ?" for k in cols)
    sql = f"UPDATE window_state SET last_action_at = ?{', ' + sets if sets else ''} WHERE no = ?"
    conn.execute(sql, (ts, *cols.values(), no))


def _set_ticket(conn: sqlite3.Connection, ticket_id: str, **cols: Any) -> None:
    sets = ", ".join(f"{k} = ?" for k in cols)
    conn.execute(f"UPDATE tickets SET {sets} WHERE id = ?", (*cols.values(), ticket_id))


def _issued(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    if p["priority"] == Priority.GREEN:
        tier = TIER_GREEN
    elif p["source"] == TicketSource.APPOINTMENT:
        tier = TIER_RETURNING
    else:
        tier = TIER_NORMAL
    conn.execute(
        "INSERT INTO tickets(id, number, prefix, seq_no, service_day, category, item, priority,"
        " source, appointment_code, request_id, status, tier, sort_at, issued_at, realname,"
        " repeat_visit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            p["ticket_id"],
            p["number"],
            p["prefix"],
            p["seq_no"],
            p["service_day"],
            p["category"],
            p.get("item"),
            p["priority"],
            p["source"],
            p.get("appointment_code"),
            request_key(ev.device, ev.actor, p.get("request_id")),
            TicketStatus.WAITING,
            tier,
            p["issued_at"],
            p["issued_at"],
            int(bool(p.get("realname"))),
            int(bool(p.get("repeat_visit"))),
        ),
    )
    count_issue(conn, p)
    conn.execute(
        "INSERT INTO counters(service_day, prefix, last) VALUES (?, ?, ?)"
        " ON CONFLICT(service_day, prefix) DO UPDATE SET last = MAX(last, excluded.last)",
        (p["service_day"], p["prefix"], p["seq_no"]),
    )
    if p.get("appointment_code"):
        conn.execute(
            "UPDATE appointments SET status = 'checked_in', ticket_id = ? WHERE code = ?",
            (p["ticket_id"], p["appointment_code"]),
        )


def _called(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    conn.execute(
        # INDEXED BY: without statistics the planner prefers (category, status) and walks the
        # whole waiting queue of the category; the held-back few are in their own index
        "UPDATE tickets INDEXED BY tickets_holding SET hold_calls = hold_calls - 1,"
        " held = hold_calls > 1 WHERE status = 'waiting' AND category = ? AND hold_calls > 0",
        (p["category"],),
    )
    conn.execute(
        "UPDATE tickets SET status = 'called', window_no = ?, called_at = ?, clerk = ?,"
        " first_called_at = COALESCE(first_called_at, ?), recall_count = 0,"
        " target_window = NULL, wait_s = COALESCE(wait_s, ?) WHERE id = ?",
        (p["window_no"], ev.ts, p.get("clerk"), ev.ts, p.get("wait_s"), p["ticket_id"]),
    )
    _touch_window(conn, p["window_no"], ev.ts, ticket_id=p["ticket_id"])
    conn.execute(
        "INSERT INTO calls(seq, ticket_id, number, window_no, at, recall)"
        " VALUES (?, ?, ?, ?, ?, 0)",
        (ev.seq, p["ticket_id"], p["number"], p["window_no"], ev.ts),
    )


def _recalled(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    _set_ticket(conn, p["ticket_id"], recall_count=p["recall_count"], called_at=ev.ts)
    _touch_window(conn, p["window_no"], ev.ts)
    conn.execute(
        "INSERT INTO calls(seq, ticket_id, number, window_no, at, recall)"
        " VALUES (?, ?, ?, ?, ?, 1)",
        (ev.seq, p["ticket_id"], p["number"], p["window_no"], ev.ts),
    )


def _no_show(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    _set_ticket(conn, p["ticket_id"], status=TicketStatus.NO_SHOW, finished_at=ev.ts)
    _touch_window(conn, p["window_no"], ev.ts, ticket_id=None)


def _requeued(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    conn.execute(
        "UPDATE tickets SET status = 'waiting', tier = ?, hold_calls = ?, held = ?,"
        " window_no = NULL, finished_at = NULL, recall_count = 0,"
        " requeue_count = requeue_count + 1 WHERE id = ?",
        (TIER_RETURNING, p["hold_calls"], int(p["hold_calls"] > 0), p["ticket_id"]),
    )


def _started(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    _set_ticket(conn, p["ticket_id"], status=TicketStatus.SERVING, started_at=ev.ts)
    _touch_window(conn, p["window_no"], ev.ts)


def _finished(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    _set_ticket(
        conn,
        p["ticket_id"],
        status=TicketStatus.DONE,
        finished_at=ev.ts,
        outcome=p["outcome"],
        missing_materials=dumps(p.get("missing_materials") or []),
        note=p.get("note"),
        reason=p.get("reason"),
        handle_s=p.get("handle_s"),
        clerk=p.get("clerk"),
    )
    _touch_window(conn, p["window_no"], ev.ts, ticket_id=None, last_finished=p["ticket_id"])


def _transferred(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    conn.execute(
        "UPDATE tickets SET status = 'waiting', tier = ?, category = ?, item = ?,"
        " target_window = ?, window_no = NULL, transfer_note = ?, hold_calls = 0, held = 0,"
        " recall_count = 0, started_at = NULL, transfer_count = transfer_count + 1 WHERE id = ?",
        (
            TIER_RETURNING,
            p["to_category"],
            p.get("item"),
            p.get("to_window"),
            p.get("note"),
            p["ticket_id"],
        ),
    )
    _touch_window(conn, p["from_window"], ev.ts, ticket_id=None)


def _cancelled(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    _set_ticket(conn, p["ticket_id"], status=TicketStatus.CANCELLED, cancel_reason=p.get("reason"))
    conn.execute("UPDATE window_state SET ticket_id = NULL WHERE ticket_id = ?", (p["ticket_id"],))


def _window_opened(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    _touch_window(conn, p["window_no"], ev.ts, status=WindowStatus.OPEN, clerk=p["clerk"])


def _window_closed(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    _touch_window(
        conn,
        p["window_no"],
        ev.ts,
        status=WindowStatus.CLOSED,
        clerk=None,
        absence_id=None,
        pause_reason=None,
        pause_note=None,
        paused_at=None,
        expected_back=None,
    )


def _window_paused(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    conn.execute(
        "INSERT INTO absences(id, window_no, clerk, reason, note, started_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (p["absence_id"], p["window_no"], p.get("clerk"), p["reason"], p.get("note"), ev.ts),
    )
    _touch_window(
        conn,
        p["window_no"],
        ev.ts,
        status=WindowStatus.PAUSED,
        absence_id=p["absence_id"],
        pause_reason=p["reason"],
        pause_note=p.get("note"),
        paused_at=ev.ts,
        expected_back=p.get("expected_back"),
    )


def _window_resumed(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    conn.execute(
        "UPDATE absences SET ended_at = ?, duration_s = ? WHERE id = ?",
        (ev.ts, p.get("duration_s"), p["absence_id"]),
    )
    _touch_window(
        conn,
        p["window_no"],
        ev.ts,
        status=WindowStatus.OPEN,
        absence_id=None,
        pause_reason=None,
        pause_note=None,
        paused_at=None,
        expected_back=None,
    )


def _appointment(conn: sqlite3.Connection, ev: Event) -> None:
    p = ev.payload
    conn.execute(
        "INSERT INTO appointments(code, category, item, slot_start, status)"
        " VALUES (?, ?, ?, ?, 'booked')",
        (p["code"], p["category"], p.get("item"), p["slot_start"]),
    )


HANDLERS: dict[EventType, Handler] = {
    EventType.TICKET_ISSUED: _issued,
    EventType.TICKET_CALLED: _called,
    EventType.TICKET_RECALLED: _recalled,
    EventType.TICKET_NO_SHOW: _no_show,
    EventType.TICKET_REQUEUED: _requeued,
    EventType.TICKET_STARTED: _started,
    EventType.TICKET_FINISHED: _finished,
    EventType.TICKET_TRANSFERRED: _transferred,
    EventType.TICKET_CANCELLED: _cancelled,
    EventType.WINDOW_OPENED: _window_opened,
    EventType.WINDOW_CLOSED: _window_closed,
    EventType.WINDOW_PAUSED: _window_paused,
    EventType.WINDOW_RESUMED: _window_resumed,
    EventType.APPOINTMENT_BOOKED: _appointment,
}
