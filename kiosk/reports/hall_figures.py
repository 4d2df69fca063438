"""A hall's own figures for a period, from its projection tables.

They use the same definitions as the center's report (kiosk/center/report_metrics.py), but are
computed from a different source: the hall's state tables rather than the center's copy of the
event log. Equal numbers on both sides show that sync delivered every event exactly once.
"""

from __future__ import annotations

from typing import Any

from kiosk.center.report_metrics import mean_millis, percentile, ratio, secs, wait_second
from kiosk.engine.base import HallBase
from kiosk.events import EventType


def hall_figures(hall: HallBase, day_from: str, day_to: str) -> dict[str, Any]:
    conn = hall.reader()
    period = (day_from, day_to)
    tickets = conn.execute(
        "SELECT * FROM tickets WHERE service_day BETWEEN ? AND ?", period
    ).fetchall()
    ids = {t["id"] for t in tickets}
    waits = [wait_second(t["wait_s"]) for t in tickets if t["wait_s"] is not None]
    done = [t for t in tickets if t["status"] == "done"]
    handles = [t["handle_s"] for t in done if t["handle_s"] is not None]
    missed = {
        r[0]
        for r in conn.execute(
            "SELECT json_extract(payload, '$.ticket_id') FROM events"
            f" WHERE type = '{EventType.TICKET_NO_SHOW}'"
        )
    }
    no_shows = len(missed & ids)
    ratings = [r for r in conn.execute("SELECT * FROM ratings") if r["ticket_id"] in ids]
    satisfied = sum(1 for r in ratings if r["level"] >= 4)
    corrections = sum(1 for t in done if t["outcome"] == "correction")
    consultations = conn.execute(
        f"SELECT COUNT(*) FROM events WHERE type = '{EventType.CONSULTATION_CREATED}'"
        " AND json_extract(payload, '$.service_day') BETWEEN ? AND ?",
        period,
    ).fetchone()[0]
    return {
        "tickets": len(tickets),
        "wait_p50_s": secs(percentile(waits, 0.5)),
        "wait_p90_s": secs(percentile(waits, 0.9)),
        "handle_avg_s": secs(mean_millis(handles)),
        "no_shows": int(no_shows),
        "no_show_rate": ratio(int(no_shows), len(tickets)),
        "ratings": len(ratings),
        "satisfaction_rate": ratio(satisfied, len(ratings)),
        "finished": len(done),
        "corrections": corrections,
        "correction_rate": ratio(corrections, len(done)),
        "consultations": int(consultations),
    }
