"""Periodic duties of the hall server: idle-window and tidal-window alerts, the day close at its
configured time, and the 7-day default rating. Each is idempotent, so running it often is safe."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from kiosk.clock import iso, parse_iso
from kiosk.engine.base import SYSTEM
from kiosk.engine.day import DayCommands
from kiosk.engine.estimate import waiting_in
from kiosk.engine.helpdesk_alerts import check_helpdesk
from kiosk.engine.idempotency import purge_old
from kiosk.engine.ratings import RatingCommands
from kiosk.engine.snapshot import SnapshotQueries

TIDAL_WAITING = 20  # more than this many waiting in one category ...
TIDAL_PER_WINDOW = 10  # ... or more than this many per open window suggests another window


class WatchDuties(SnapshotQueries, DayCommands, RatingCommands):
    def alerted_since(self, kind: str, key: str, since: str) -> bool:
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
            tx.emit("alert.raised", {"kind": kind, "details": details}, SYSTEM)

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
        snap = self.queue_snapshot()
        now = self.clock.now()
        since = iso(now - timedelta(minutes=30))
        open_by_cat: dict[str, int] = {}
        for w in snap["windows"]:
            if w["status"] == "open":
                for c in w["categories"]:
                    open_by_cat[c] = open_by_cat.get(c, 0) + 1
        suggested = []
        for c in snap["categories"]:
            n, windows = c["waiting"], open_by_cat.get(c["code"], 0)
            if n > TIDAL_WAITING or (windows and n > TIDAL_PER_WINDOW * windows):
                key = f"category:{c['code']}"
                if not self.alerted_since("tidal_window", key, since):
                    self.raise_alert(
                        "tidal_window",
                        {"key": key, "category": c["code"], "waiting": n, "open_windows": windows},
                    )
                    suggested.append(c["code"])
        return suggested

    def close_day_if_due(self) -> bool:
        now = self.clock.now()
        local = now.astimezone(self.tz)
        if local.time() < self.config.day_close:
            return False
        if self.day_closed(self.reader(), local.date().isoformat()):
            return False
        self.close_day()
        return True

    def run_duties(self, auto_close: bool = True) -> dict[str, Any]:
        return {
            "idle": self.check_idle_windows(),
            "tidal": self.check_tidal(),
            "helpdesk": check_helpdesk(self),
            "closed": self.close_day_if_due() if auto_close else False,
            "default_ratings": self.apply_default_ratings(),
            "purged": purge_old(self),
        }
