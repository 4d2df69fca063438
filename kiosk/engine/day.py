"""Closing the service day: whatever is still open is cancelled with a reason, windows close."""

from __future__ import annotations

from typing import Any

from kiosk.engine.base import SYSTEM, Actor, HallBase
from kiosk.errors import Conflict


class DayCommands(HallBase):
    def close_day(self, actor: Actor = SYSTEM) -> dict[str, Any]:
        with self._tx() as tx:
            today = self.today(tx.now).isoformat()
            if self.day_closed(tx.conn, today):
                raise Conflict("今日已结束营业", "the day is already closed")
            open_tickets = tx.all(
                "SELECT id, number FROM tickets"
                " WHERE status IN ('waiting', 'called', 'serving') ORDER BY sort_at"  # tickets_open
            )
            for t in open_tickets:
                tx.emit(
                    "ticket.cancelled",
                    {"ticket_id": t["id"], "number": t["number"], "reason": "day_close"},
                    actor,
                )
            windows = tx.all("SELECT * FROM window_state WHERE clerk IS NOT NULL ORDER BY no")
            for w in windows:
                if w["absence_id"] is not None:
                    self._emit_resume(tx, w, actor)
                tx.emit(
                    "window.closed",
                    {"window_no": w["no"], "clerk": w["clerk"], "reason": "day_close"},
                    actor,
                )
            closed = [w["no"] for w in windows]
            tx.emit(
                "day.closed",
                {"service_day": today, "cancelled": len(open_tickets), "closed_windows": closed},
                actor,
            )
            return {"service_day": today, "cancelled": len(open_tickets), "closed_windows": closed}
