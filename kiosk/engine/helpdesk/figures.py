"""The help desk's figures for one service day (GET /api/v1/helpdesk/figures).

What the research asked of a help desk that "had nobody to answer": how many questions and on
what, how long until someone took each one (time to claim) and until it was answered (time to
resolve, both from the moment it was asked), and how often a question became a queue ticket
(the desk could not answer, or nobody was there) or a reusable FAQ.
"""

from __future__ import annotations

import json
import statistics
from datetime import date
from typing import Any

from kiosk.clock import parse_iso
from kiosk.engine.base import HallBase
from kiosk.engine.helpdesk.views import day_bounds


def _seconds(start: str, end: str | None) -> float | None:
    return None if end is None else (parse_iso(end) - parse_iso(start)).total_seconds()


def _summary(values: list[float]) -> dict[str, Any]:
    if not values:
        return {"count": 0, "avg_s": None, "median_s": None, "max_s": None}
    return {
        "count": len(values),
        "avg_s": round(statistics.fmean(values), 1),
        "median_s": round(statistics.median(values), 1),
        "max_s": round(max(values), 1),
    }


def _history(row: Any) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = json.loads(row["history"] or "[]")
    return steps


def _share(part: int, total: int) -> float:
    return round(part / total, 4) if total else 0.0


def helpdesk_figures(hall: HallBase, day: date) -> dict[str, Any]:
    start, end = day_bounds(hall, day)
    conn = hall.reader()
    rows = conn.execute(
        "SELECT * FROM consultations WHERE created_at >= ? AND created_at < ?", (start, end)
    ).fetchall()
    topics: dict[str, int] = {}
    sources: dict[str, int] = {}
    statuses: dict[str, int] = {}
    for r in rows:
        topics[r["topic"]] = topics.get(r["topic"], 0) + 1
        sources[r["source"]] = sources.get(r["source"], 0) + 1
        statuses[r["status"]] = statuses.get(r["status"], 0) + 1
    claim = [s for r in rows if (s := _seconds(r["created_at"], r["first_claimed_at"])) is not None]
    done = [r for r in rows if r["status"] == "resolved"]
    resolve = [s for r in done if (s := _seconds(r["created_at"], r["resolved_at"])) is not None]
    total = len(rows)
    converted = statuses.get("converted", 0)
    auto = sum(1 for r in rows if r["status"] == "converted" and r["first_claimed_at"] is None)
    faqs = sum(1 for r in rows if r["faq_id"])
    alerts = conn.execute(
        "SELECT COUNT(*) FROM alerts WHERE kind = 'unclaimed_consultation' AND at >= ? AND at < ?",
        (start, end),
    ).fetchone()[0]
    return {
        "day": day.isoformat(),
        "total": total,
        "by_topic": [
            {"topic": t, "count": n} for t, n in sorted(topics.items(), key=lambda x: (-x[1], x[0]))
        ],
        "by_source": sources,
        "by_status": statuses,
        "time_to_claim": _summary(claim),
        "time_to_resolve": _summary(resolve),
        "resolved": len(done),
        "converted": converted,
        "converted_unstaffed": auto,
        "converted_share": _share(converted, total),
        "faq": faqs,
        "faq_share": _share(faqs, total),
        "referred": sum(1 for r in rows if any(h["step"] == "referred" for h in _history(r))),
        "unclaimed_alerts": int(alerts),
    }
