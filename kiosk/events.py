"""The event envelope (docs/events.md): the one record every room of the product agrees on."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any


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
