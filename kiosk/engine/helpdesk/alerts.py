"""Help-desk alerts for supervisors, run with the hall's periodic duties (watch.run_duties).

Two situations: a question left unclaimed longer than the configured time (default 5 minutes,
`unclaimed_consultation`), and questions waiting while nobody is on duty (`helpdesk_unstaffed`).
Each is raised once per occurrence, so running the check every 30 s is safe; it reads the hall
clock, so tests drive it with a FakeClock.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from kiosk.clock import iso, parse_iso
from kiosk.engine.base import SYSTEM, HallBase, Tx
from kiosk.engine.helpdesk.views import on_duty
from kiosk.events import EventType

DEFAULT_UNCLAIMED_MINUTES = 5
SETTING = "helpdesk_unclaimed_minutes"  # meta key; configuration, not an event
UNSTAFFED_REPEAT = timedelta(minutes=30)


def unclaimed_minutes(hall: HallBase) -> float:
    """From the hall config if it has the field, else the meta setting, else 5 minutes."""
    configured = getattr(hall.config, "helpdesk_unclaimed_minutes", None)
    if configured is None:
        configured = hall.meta(SETTING)
    return float(configured) if configured is not None else DEFAULT_UNCLAIMED_MINUTES


def set_unclaimed_minutes(hall: HallBase, minutes: float) -> None:
    hall.set_meta(SETTING, str(minutes))


def _alerted(tx: Tx, kind: str, key: str, since: str) -> bool:
    row = tx.one(
        "SELECT 1 FROM alerts WHERE kind = ? AND json_extract(details, '$.key') = ? AND at >= ?",
        kind,
        key,
        since,
    )
    return row is not None


def _raise(tx: Tx, kind: str, details: dict[str, Any]) -> None:
    tx.emit(EventType.ALERT_RAISED, {"kind": kind, "details": details}, SYSTEM)


def check_helpdesk(hall: HallBase) -> list[str]:
    """Raises what is due; returns the alert keys raised (for run_duties' report)."""
    now = hall.clock.now()
    waiting_sql = (
        # the open questions in waiting order straight from their index, not a sort of the day
        "SELECT id, number, topic, COALESCE(updated_at, created_at) AS since"
        " FROM consultations INDEXED BY consultations_open WHERE status = 'open' ORDER BY since"
    )
    if not hall.reader().execute(waiting_sql).fetchall():
        return []  # the common case: no write transaction at all
    raised: list[str] = []
    limit = iso(now - timedelta(minutes=unclaimed_minutes(hall)))
    with hall.transaction() as tx:
        waiting = tx.all(waiting_sql)
        for c in waiting:
            key = f"consultation:{c['id']}"
            if c["since"] < limit and not _alerted(tx, "unclaimed_consultation", key, c["since"]):
                waited = (now - parse_iso(c["since"])).total_seconds()
                details = {"key": key, "consultation_id": c["id"], "number": c["number"]}
                details.update(topic=c["topic"], waited_s=round(waited))
                _raise(tx, "unclaimed_consultation", details)
                raised.append(key)
        if waiting and not on_duty(hall, tx.conn, now):
            last = tx.one("SELECT MAX(since) AS at FROM helpdesk_presence")
            since = max(
                waiting[0]["since"], (last and last["at"]) or "", iso(now - UNSTAFFED_REPEAT)
            )
            if not _alerted(tx, "helpdesk_unstaffed", "helpdesk", since):
                _raise(tx, "helpdesk_unstaffed", {"key": "helpdesk", "waiting": len(waiting)})
                raised.append("helpdesk")
    return raised
