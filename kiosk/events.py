"""The event envelope (docs/events.md): the one record every room of the product agrees on."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class EventType(StrEnum):
    """Every type of event a hall logs, each spelled out once: its emitter, its projection
    and every reader name the member (grep FAQ_PUBLISHED finds them all). docs/events.md lists
    the same types with their payloads, and a test holds the two equal."""

    # the queue
    TICKET_ISSUED = "ticket.issued"
    TICKET_CALLED = "ticket.called"
    TICKET_RECALLED = "ticket.recalled"
    TICKET_NO_SHOW = "ticket.no_show"
    TICKET_REQUEUED = "ticket.requeued"
    TICKET_STARTED = "ticket.started"
    TICKET_FINISHED = "ticket.finished"
    TICKET_TRANSFERRED = "ticket.transferred"
    TICKET_CANCELLED = "ticket.cancelled"
    WINDOW_OPENED = "window.opened"
    WINDOW_CLOSED = "window.closed"
    WINDOW_PAUSED = "window.paused"
    WINDOW_RESUMED = "window.resumed"
    WINDOW_CATEGORIES_CHANGED = "window.categories_changed"
    APPOINTMENT_BOOKED = "appointment.booked"
    DAY_CLOSED = "day.closed"
    QUOTA_CHANGED = "quota.changed"
    # service quality
    RATING_RECORDED = "rating.recorded"
    CASE_OPENED = "case.opened"
    CASE_UPDATED = "case.updated"
    ALERT_RAISED = "alert.raised"
    ALERT_ACKNOWLEDGED = "alert.acknowledged"
    ALERT_RESOLVED = "alert.resolved"
    PRINT_FAILED = "print.failed"
    # the help desk and its knowledge base
    CONSULTATION_CREATED = "consultation.created"
    CONSULTATION_CLAIMED = "consultation.claimed"
    CONSULTATION_RELEASED = "consultation.released"
    CONSULTATION_ANSWERED = "consultation.answered"
    CONSULTATION_RESOLVED = "consultation.resolved"
    CONSULTATION_CONVERTED = "consultation.converted"
    CONSULTATION_REFERRED = "consultation.referred"
    CONSULTATION_PHONE_REVEALED = "consultation.phone_revealed"
    CONSULTATION_PHONE_ERASED = "consultation.phone_erased"
    HELPDESK_PRESENCE = "helpdesk.presence"
    FAQ_DRAFTED = "faq.drafted"
    FAQ_EDITED = "faq.edited"
    FAQ_PUBLISHED = "faq.published"
    FAQ_RETIRED = "faq.retired"
    NOTICE_DRAFTED = "notice.drafted"
    NOTICE_EDITED = "notice.edited"
    NOTICE_PUBLISHED = "notice.published"
    NOTICE_RETIRED = "notice.retired"
    # the hall's configuration
    CATALOG_APPLIED = "catalog.applied"


@dataclass(frozen=True)
class Event:
    seq: int
    id: str
    hall: str
    ts: str
    device: str | None
    actor: str | None
    type: str
    payload: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        # by hand: dataclasses.asdict deep-copies the payload, measurably slow on the hot path
        return {
            "seq": self.seq,
            "id": self.id,
            "hall": self.hall,
            "ts": self.ts,
            "device": self.device,
            "actor": self.actor,
            "type": self.type,
            "payload": self.payload,
        }

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Event:
        return cls(
            seq=row["seq"],
            id=row["id"],
            hall=row["hall"],
            ts=row["ts"],
            device=row["device"],
            actor=row["actor"],
            type=row["type"],
            payload=json.loads(row["payload"]),
        )


def dumps(payload: Any) -> str:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def insert(conn: sqlite3.Connection, ev: Event) -> None:
    conn.execute(
        "INSERT INTO events(seq, id, hall, ts, device, actor, type, payload)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (ev.seq, ev.id, ev.hall, ev.ts, ev.device, ev.actor, ev.type, dumps(ev.payload)),
    )


def read_after(conn: sqlite3.Connection, after_seq: int, limit: int = 1000) -> list[Event]:
    rows = conn.execute(
        "SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?", (after_seq, limit)
    ).fetchall()
    return [Event.from_row(r) for r in rows]


def last_seq(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COALESCE(MAX(seq), 0) FROM events").fetchone()[0])
