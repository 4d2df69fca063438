"""The hall at a glance for a supervisor: the queue snapshot every board starts from, plus what
only a supervisor sees: each window's count and satisfaction today, how long a pause has lasted,
the help desk's staffing, and how many alerts and cases wait. A console loads it once and then
follows the live stream from its `last_seq`.
"""

from __future__ import annotations

from typing import Any

from kiosk.clock import iso, parse_iso
from kiosk.engine.base import HallBase
from kiosk.engine.supervision.cases import NOT_CLOSED


class SupervisionQueries(HallBase):
    def supervision_overview(self) -> dict[str, Any]:
        snapshot: dict[str, Any] = self.queue_snapshot()  # type: ignore[attr-defined]
        now = self.clock.now()
        today = snapshot["service_day"]
        conn = self.reader()
        served = dict(
            conn.execute(
                "SELECT window_no, COUNT(*) FROM tickets WHERE service_day = ?"
                " AND window_no IS NOT NULL AND status = 'done' GROUP BY window_no",
                (today,),
            ).fetchall()
        )
        rated: dict[int, list[int]] = {}
        for r in conn.execute(
            "SELECT t.window_no, r.level FROM tickets t JOIN ratings r ON r.ticket_id = t.id"
            " WHERE t.service_day = ? AND t.window_no IS NOT NULL AND t.status = 'done'",
            (today,),
        ):
            rated.setdefault(r[0], []).append(r[1])
        for w in snapshot["windows"]:
            levels = rated.get(w["no"], [])
            w["served_today"] = served.get(w["no"], 0)
            w["ratings_today"] = len(levels)
            w["satisfaction_today"] = (
                round(sum(1 for lv in levels if lv >= 4) / len(levels), 4) if levels else None
            )
            w["paused_s"] = (
                round((now - parse_iso(w["paused_at"])).total_seconds()) if w["paused_at"] else None
            )
        open_alerts = conn.execute("SELECT COUNT(*) FROM alerts WHERE state = 'open'").fetchone()
        open_cases, overdue = conn.execute(
            f"SELECT COUNT(*), COALESCE(SUM(deadline < ?), 0) FROM cases c WHERE {NOT_CLOSED}",
            (today,),
        ).fetchone()
        snapshot.update(
            now=iso(now),  # the hall's clock: a supervisor's form offers times from it
            helpdesk=self.helpdesk_status(),  # type: ignore[attr-defined]
            open_alerts=int(open_alerts[0]),
            open_cases=int(open_cases),
            overdue_cases=int(overdue),
        )
        return snapshot
