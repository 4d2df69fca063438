"""Help-desk alerts for supervisors, run with the hall's periodic duties (watch.run_duties).

Two situations: a question left unclaimed longer than the configured time (default 5 minutes,
`unclaimed_consultation`), and questions waiting while nobody is on duty (`helpdesk_unstaffed`).
Each is raised once per situation and resolved when it ends (kiosk/engine/supervision/alerts.py),
so running the check every 30 s is safe; it reads the hall clock, so tests drive it with a
FakeClock.
"""

from __future__ import annotations

from datetime import timedelta

from kiosk.clock import iso, parse_iso
from kiosk.engine.base import HallBase
from kiosk.engine.helpdesk.views import on_duty
from kiosk.engine.supervision.alerts import raise_in, resolve_in

DEFAULT_UNCLAIMED_MINUTES = 5
SETTING = "helpdesk_unclaimed_minutes"  # meta key; configuration, not an event


def unclaimed_minutes(hall: HallBase) -> float:
    """From the hall config (`supervision.unclaimed_question_minutes`), else the meta
    setting, else 5 minutes."""
    configured = hall.config.supervision.unclaimed_question_minutes
    if configured is not None:
        return float(configured)
    stored = hall.meta(SETTING)
    return float(stored) if stored is not None else DEFAULT_UNCLAIMED_MINUTES


def set_unclaimed_minutes(hall: HallBase, minutes: float) -> None:
    hall.set_meta(SETTING, str(minutes))


def check_helpdesk(hall: HallBase) -> list[str]:
    """Raises what is due and resolves what is over; returns the alert keys raised (for
    run_duties' report). One alert per situation: a question's wait (until it is claimed or its
    wait starts again), the desk unstaffed while questions wait (until someone is on duty or
    nothing waits)."""
    now = hall.clock.now()
    waiting_sql = (
        # the open questions in waiting order straight from their index, not a sort of the day
        "SELECT id, number, topic, COALESCE(updated_at, created_at) AS since"
        " FROM consultations INDEXED BY consultations_open WHERE status = 'open' ORDER BY since"
    )
    live_sql = (
        "SELECT * FROM alerts WHERE kind = ? AND resolved_at IS NULL"  # few: one per situation
    )
    reader = hall.reader()
    if not (
        reader.execute(waiting_sql).fetchone()
        or reader.execute(live_sql, ("unclaimed_consultation",)).fetchone()
        or reader.execute(live_sql, ("helpdesk_unstaffed",)).fetchone()
    ):
        return []  # the common case: no write transaction at all
    raised: list[str] = []
    limit = iso(now - timedelta(minutes=unclaimed_minutes(hall)))
    with hall.transaction() as tx:
        waiting = tx.all(waiting_sql)
        since_of = {c["id"]: c["since"] for c in waiting}
        for alert in tx.all(live_sql, "unclaimed_consultation"):
            cid = alert["subject"].removeprefix("consultation:")
            if cid not in since_of or since_of[cid] > alert["at"]:  # claimed, or waiting anew
                resolve_in(tx, alert)
        for c in waiting:
            key = f"consultation:{c['id']}"
            if c["since"] < limit:
                waited = (now - parse_iso(c["since"])).total_seconds()
                details = {"consultation_id": c["id"], "number": c["number"]}
                details.update(topic=c["topic"], waited_s=round(waited))
                if raise_in(tx, "unclaimed_consultation", key, details):
                    raised.append(key)
        staffed = bool(on_duty(hall, tx.conn, now))
        if waiting and not staffed:
            if raise_in(tx, "helpdesk_unstaffed", "helpdesk", {"waiting": len(waiting)}):
                raised.append("helpdesk")
        else:
            for alert in tx.all(live_sql, "helpdesk_unstaffed"):
                resolve_in(tx, alert)
    return raised
