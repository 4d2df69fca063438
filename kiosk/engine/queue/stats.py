"""Today's own figures for a window (and optionally one clerk at it): what the window client's
side panel shows so a clerk sees their pace and their ratings without asking a supervisor.

Read-only, on the caller thread's WAL reader, so it never waits for the writer.
"""

from __future__ import annotations

from typing import Any

from kiosk.engine.base import HallBase

GOOD_LEVEL = 3  # 好评: 基本满意 and better; 不满意 and 非常不满意 are 差评


def window_stats(hall: HallBase, window_no: int, clerk: str | None = None) -> dict[str, Any]:
    """Services finished (all of them, and those 办结: a correction or a refusal is a service
    but not a completed case), no-shows, handling and waiting times, and ratings of today's service
    day at `window_no`; with `clerk`, only that clerk's services."""
    conn = hall.reader()
    day = hall.today().isoformat()
    who = "" if clerk is None else " AND t.clerk = :clerk"
    args = {"day": day, "no": window_no, "clerk": clerk}
    conn.execute("BEGIN")  # one consistent read of tickets and ratings
    try:
        served = conn.execute(
            "SELECT COUNT(*) AS n, AVG(t.handle_s) AS handle, AVG(t.wait_s) AS wait"
            " FROM tickets t WHERE t.status = 'done' AND t.service_day = :day"
            f" AND t.window_no = :no{who}",
            args,
        ).fetchone()
        outcomes = dict(
            conn.execute(
                "SELECT t.outcome, COUNT(*) FROM tickets t WHERE t.status = 'done'"
                f" AND t.service_day = :day AND t.window_no = :no{who} GROUP BY t.outcome",
                args,
            ).fetchall()
        )
        no_shows = conn.execute(
            "SELECT COUNT(*) FROM tickets t WHERE t.status = 'no_show'"
            f" AND t.service_day = :day AND t.window_no = :no{who}",
            args,
        ).fetchone()[0]
        rated = conn.execute(
            "SELECT COUNT(*) AS n, AVG(r.level) AS avg,"
            f" SUM(CASE WHEN r.level >= {GOOD_LEVEL} THEN 1 ELSE 0 END) AS good"
            " FROM ratings r JOIN tickets t ON t.id = r.ticket_id"
            " WHERE t.service_day = :day AND t.window_no = :no AND r.window_no = :no"
            f"{who.replace('t.', 'r.')}",
            args,
        ).fetchone()
    finally:
        conn.execute("COMMIT")
    count = int(rated["n"])
    return {
        "window_no": window_no,
        "clerk": clerk,
        "service_day": day,
        "served": int(served["n"]),  # every finished service, corrections and refusals too
        "completed": int(outcomes.get("completed") or 0),  # 办结: finished with that outcome
        "outcomes": {k: int(v) for k, v in outcomes.items() if k is not None},
        "no_shows": int(no_shows),
        "avg_handle_s": _round(served["handle"]),
        "avg_wait_s": _round(served["wait"]),
        "ratings": {
            "count": count,
            "average": _round(rated["avg"], 2),
            "good": int(rated["good"] or 0),
            "good_rate": round(int(rated["good"] or 0) / count, 4) if count else None,
        },
    }


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(float(value), digits)
