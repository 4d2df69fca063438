"""The hall at a glance: what GET /api/v1/queue returns and every board starts from."""

from __future__ import annotations

import json
from typing import Any

from kiosk.clock import parse_iso
from kiosk.engine.base import HallBase
from kiosk.engine.queue.estimate import category_estimate, waiting_counts
from kiosk.engine.queue.tidal import serving_now, tidal_active

RECENT_CALLS = 10
# The oldest waiting ticket of a queue: the first of each (held, tier) bucket of the queue
# index, and of the tickets transferred to a window (a few), whichever is oldest.
_BUCKET = (
    "SELECT MIN(sort_at) AS at FROM tickets WHERE status = 'waiting' AND service_day = :day"
    " AND category = :cat AND target_window IS NULL AND held = {held} AND tier = {tier}"
)
OLDEST = (
    "SELECT MIN(at) FROM ("
    + " UNION ALL ".join(
        _BUCKET.format(held=held, tier=tier) for held in (0, 1) for tier in (0, 1, 2)
    )
    + " UNION ALL SELECT MIN(sort_at) FROM tickets WHERE status = 'waiting'"
    " AND service_day = :day AND target_window IS NOT NULL AND category = :cat)"
)


class SnapshotQueries(HallBase):
    def queue_snapshot(self) -> dict[str, Any]:
        conn = self.reader()
        conn.execute("BEGIN")  # one consistent read of several tables
        try:
            now = self.clock.now()
            today = self.today(now).isoformat()
            counts = waiting_counts(conn, today)
            categories = []
            for cat in self.catalog.categories:
                waiting = counts.get(cat.code, 0)
                args = {"day": today, "cat": cat.code}
                oldest = conn.execute(OLDEST, args).fetchone()[0] if waiting else None
                longest = (now - parse_iso(oldest)).total_seconds() if oldest else 0.0
                est = category_estimate(self.settings, conn, now, cat.code, waiting)
                categories.append(
                    {
                        "code": cat.code,
                        "prefix": cat.prefix,
                        "name_zh": cat.name_zh,
                        "name_en": cat.name_en,
                        "waiting": waiting,
                        "longest_wait_s": round(max(0.0, longest)),
                        "estimated_wait_s": est.wait_s,
                        "estimated_wait_range_s": (
                            None if est.low_s is None else [est.low_s, est.high_s]
                        ),
                        "estimate_reason": est.reason,
                    }
                )
            windows = []
            names = dict(conn.execute("SELECT employee_no, name FROM clerks").fetchall())
            for st in conn.execute(
                "SELECT w.*, t.number AS number FROM window_state w"
                " LEFT JOIN tickets t ON t.id = w.ticket_id ORDER BY w.no"
            ):
                cfg = self.windows[st["no"]]
                tidal = tidal_active(st, now)
                back = st["expected_back"]
                windows.append(
                    {
                        "no": st["no"],
                        "name_zh": cfg.name_zh,
                        "name_en": cfg.name_en,
                        "kind": cfg.kind.value,
                        "categories": list(serving_now(self.settings, st, now)),
                        "configured_categories": list(self.window_ranks[st["no"]]),
                        "tidal": (
                            {
                                "categories": json.loads(st["serves"]),
                                "until": st["serves_until"],
                                "by": st["serves_by"],
                            }
                            if tidal
                            else None
                        ),
                        "status": st["status"],
                        "ticket": st["number"],
                        "clerk": st["clerk"],
                        "clerk_name": names.get(st["clerk"]),
                        "pause_reason": st["pause_reason"],
                        "paused_at": st["paused_at"],
                        "expected_back": back,
                        "expected_back_local": (
                            parse_iso(back).astimezone(self.tz).strftime("%H:%M") if back else None
                        ),
                    }
                )
            recent = [
                dict(r)
                for r in conn.execute(
                    "SELECT seq, number, window_no, at, recall FROM calls"
                    " ORDER BY seq DESC LIMIT ?",
                    (RECENT_CALLS,),
                )
            ]
            seq = int(conn.execute("SELECT COALESCE(MAX(seq), 0) FROM events").fetchone()[0])
        finally:
            conn.execute("COMMIT")
        return {
            "hall": {
                "code": self.code,
                "name_zh": self.config.name_zh,
                "name_en": self.config.name_en,
                "timezone": self.config.timezone,
            },
            "service_day": today,
            "categories": categories,
            "windows": windows,
            "recent_calls": recent,
            "last_seq": seq,
        }
