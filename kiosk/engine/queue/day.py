"""Closing the service day: whatever is still open is cancelled with a reason, windows close."""

from __future__ import annotations

import sqlite3
from typing import Any

from kiosk.engine.base import SYSTEM, Actor, HallBase, Tx
from kiosk.engine.queue.windows import emit_resume
from kiosk.errors import Conflict
from kiosk.events import EventType

# A called or serving ticket is always the one its window holds.
ACTIVE = (
    "SELECT t.id, t.number FROM window_state w JOIN tickets t ON t.id = w.ticket_id ORDER BY w.no"
)
# Waiting tickets of one day in queue order, straight from the queue index.
WAITING = (
    "SELECT id, number FROM tickets WHERE status = 'waiting' AND service_day = ?"
    " ORDER BY category, target_window, held, tier, sort_at, id"
)
DAY_CLOSED = (
    f"SELECT 1 FROM events WHERE type = '{EventType.DAY_CLOSED}'"
    " AND json_extract(payload, '$.service_day') = ? LIMIT 1"
)


def day_closed(conn: sqlite3.Connection, day: str) -> bool:
    """Whether `day` was closed: after that no ticket is issued for it."""
    row = conn.execute(DAY_CLOSED, (day,)).fetchone()
    return row is not None


class DayCommands(HallBase):
    def _waiting_everywhere(self, tx: Tx) -> list[sqlite3.Row]:
        """Every waiting ticket, of today and of any day a close was missed (the kept counts
        say which days still have people waiting)."""
        days = tx.all(
            "SELECT DISTINCT service_day FROM queue_counts WHERE waiting > 0 ORDER BY service_day"
        )
        return [t for d in days for t in tx.all(WAITING, d[0])]

    def close_day(self, actor: Actor = SYSTEM) -> dict[str, Any]:
        with self.transaction() as tx:
            today = self.today(tx.now).isoformat()
            if day_closed(tx.conn, today):
                raise Conflict("今日已结束营业", "the day is already closed")
            open_tickets = [*self._waiting_everywhere(tx), *tx.all(ACTIVE)]
            for t in open_tickets:
                tx.emit(
                    EventType.TICKET_CANCELLED,
                    {"ticket_id": t["id"], "number": t["number"], "reason": "day_close"},
                    actor,
                )
            windows = tx.all("SELECT * FROM window_state WHERE clerk IS NOT NULL ORDER BY no")
            for w in windows:
                if w["absence_id"] is not None:
                    emit_resume(tx, w, actor)
                tx.emit(
                    EventType.WINDOW_CLOSED,
                    {"window_no": w["no"], "clerk": w["clerk"], "reason": "day_close"},
                    actor,
                )
            closed = [w["no"] for w in windows]
            tx.emit(
                EventType.DAY_CLOSED,
                {"service_day": today, "cancelled": len(open_tickets), "closed_windows": closed},
                actor,
            )
            return {"service_day": today, "cancelled": len(open_tickets), "closed_windows": closed}

    def close_day_if_due(self) -> bool:
        """The day close at the hall's configured time, once a day (a periodic duty)."""
        now = self.clock.now()
        local = now.astimezone(self.tz)
        if local.time() < self.config.day_close:
            return False
        if day_closed(self.reader(), local.date().isoformat()):
            return False
        self.close_day()
        return True
