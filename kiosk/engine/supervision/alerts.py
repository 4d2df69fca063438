"""Alerts for the hall's supervisors: a window open but idle while people wait (疑似空岗), a
queue grown enough to open another window (潮汐窗口), a ticket that did not print, and the
problems other parts of the hall report (the sync's refusals).

Each is an `alert.raised` event (or `print.failed`), projected into the alerts table that the
supervisor's screens read. The periodic checks are idempotent: an alert is raised once per
occurrence, so running them every 30 s is safe.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from kiosk.clock import iso, parse_iso
from kiosk.engine.base import SYSTEM, Actor, HallBase
from kiosk.engine.queue.estimate import waiting_counts, waiting_in
from kiosk.engine.queue.views import read_ticket
from kiosk.events import EventType

TIDAL_WAITING = 20  # more than this many waiting in one category ...
TIDAL_PER_WINDOW = 10  # ... or more than this many per open window suggests another window
TIDAL_REPEAT = timedelta(minutes=30)


class SupervisionAlerts(HallBase):
    def alerted_since(self, kind: str, key: str, since: str) -> bool:
        """Whether an alert of `kind` about `key` was raised at or after `since`."""
        row = (
            self.reader()
            .execute(
                "SELECT 1 FROM alerts WHERE kind = ? AND json_extract(details, '$.key') = ?"
                " AND at >= ? LIMIT 1",
                (kind, key, since),
            )
            .fetchone()
        )
        return row is not None

    def raise_alert(self, kind: str, details: dict[str, Any]) -> None:
        with self.transaction() as tx:
            tx.emit(EventType.ALERT_RAISED, {"kind": kind, "details": details}, SYSTEM)

    def check_idle_windows(self) -> list[int]:
        """疑似空岗: open, nothing done for N minutes while its categories have people waiting."""
        now = self.clock.now()
        limit = iso(now - timedelta(minutes=self.config.idle_window_minutes))
        today = self.today(now).isoformat()
        flagged = []
        conn = self.reader()
        for st in conn.execute(
            "SELECT * FROM window_state WHERE status = 'open' AND ticket_id IS NULL"
            " AND last_action_at < ?",
            (limit,),
        ).fetchall():
            waiting = waiting_in(conn, today, list(self.window_ranks[st["no"]]))
            key = f"window:{st['no']}"
            if waiting and not self.alerted_since("idle_window", key, st["last_action_at"]):
                idle = (now - parse_iso(st["last_action_at"])).total_seconds()
                self.raise_alert(
                    "idle_window",
                    {
                        "key": key,
                        "window_no": st["no"],
                        "clerk": st["clerk"],
                        "idle_s": round(idle),
                        "waiting": waiting,
                    },
                )
                flagged.append(st["no"])
        return flagged

    def check_tidal(self) -> list[str]:
        """潮汐窗口: suggest opening another window for a category whose queue has grown."""
        now = self.clock.now()
        conn = self.reader()
        conn.execute("BEGIN")  # one consistent read of the counts and the windows
        try:
            counts = waiting_counts(conn, self.today(now).isoformat())
            open_windows = [
                r[0] for r in conn.execute("SELECT no FROM window_state WHERE status = 'open'")
            ]
        finally:
            conn.execute("COMMIT")
        open_by_cat: dict[str, int] = {}
        for no in open_windows:
            for code in self.window_ranks[no]:
                open_by_cat[code] = open_by_cat.get(code, 0) + 1
        since = iso(now - TIDAL_REPEAT)
        suggested = []
        for cat in self.catalog.categories:
            n, windows = counts.get(cat.code, 0), open_by_cat.get(cat.code, 0)
            if n > TIDAL_WAITING or (windows and n > TIDAL_PER_WINDOW * windows):
                key = f"category:{cat.code}"
                if not self.alerted_since("tidal_window", key, since):
                    self.raise_alert(
                        "tidal_window",
                        {"key": key, "category": cat.code, "waiting": n, "open_windows": windows},
                    )
                    suggested.append(cat.code)
        return suggested

    def report_print_failure(
        self, ref: str, device: str, error: str, actor: Actor
    ) -> dict[str, Any]:
        """A kiosk could not print a ticket it issued: the ticket stays valid, staff are told."""
        with self.transaction() as tx:
            ticket = read_ticket(self, tx.conn, ref)
            tx.emit(
                EventType.PRINT_FAILED,
                {
                    "ticket_id": ticket["id"],
                    "number": ticket["number"],
                    "device": device,
                    "error": error,
                },
                actor,
            )
        return {"ticket_id": ticket["id"], "alerted": True}
