"""The center report computed straight from raw events: the test oracle for the rollups.

This was the product's report until the daily rollups replaced it (kiosk/center/reports.py).
It stays here, outside the product, because it is an independent computation of the same
definitions: tests hold the rollup-based report equal to it, row for row.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, select

from kiosk.center.halls import list_halls
from kiosk.center.report_metrics import (
    mean_millis,
    millis,
    number,
    percentile,
    ratio,
    secs,
    wait_second,
)  # fmt: skip
from kiosk.center.reports import _check_period, _labels
from kiosk.center.schema import events
from kiosk.center.timeutil import iso_utc, utc_now
from kiosk.domain import Outcome, RatingTag
from kiosk.events import EventType

Key = tuple[str, str]


@dataclass
class GroupStats:
    """Everything counted for one row (a level, a hall or a service item)."""

    tickets: int = 0
    waits: list[float] = field(default_factory=list)
    handles: list[float] = field(default_factory=list)
    no_show_tickets: set[Key] = field(default_factory=set)
    ratings: int = 0
    satisfied: int = 0
    extra_materials: int = 0
    cases: set[Key] = field(default_factory=set)
    finished: int = 0
    corrections: int = 0
    consultations: int = 0
    absences: dict[str, list[int]] = field(default_factory=dict)

    def add(self, hall: str, etype: str, p: dict[str, Any], pause_reasons: dict[Key, str]) -> None:
        if etype == EventType.TICKET_ISSUED:
            self.tickets += 1
        elif etype == EventType.TICKET_CALLED:
            wait = number(p.get("wait_s"))
            if wait is not None:
                self.waits.append(wait_second(wait))
        elif etype == EventType.TICKET_NO_SHOW:
            self.no_show_tickets.add((hall, str(p.get("ticket_id"))))
        elif etype == EventType.TICKET_FINISHED:
            self.finished += 1
            self.corrections += p.get("outcome") == Outcome.CORRECTION
            handle = number(p.get("handle_s"))
            if handle is not None:
                self.handles.append(handle)
        elif etype == EventType.RATING_RECORDED:
            self.ratings += 1
            level = number(p.get("level"))
            self.satisfied += level is not None and level >= 4
            tags = p.get("tags")
            self.extra_materials += isinstance(tags, list) and RatingTag.EXTRA_MATERIALS in tags
        elif etype == EventType.CASE_OPENED:
            self.cases.add((hall, str(p.get("case_id"))))
        elif etype == EventType.CONSULTATION_CREATED:
            self.consultations += 1
        elif etype == EventType.WINDOW_RESUMED:
            reason = pause_reasons.get((hall, str(p.get("absence_id"))), "unknown")
            slot = self.absences.setdefault(reason, [0, 0])
            slot[0] += 1
            slot[1] += millis(number(p.get("duration_s")) or 0.0)

    def metrics(self, closed_cases: set[Key]) -> dict[str, Any]:
        closed = len(self.cases & closed_cases)
        handle_avg = mean_millis(self.handles)
        return {
            "tickets": self.tickets,
            "wait_p50_s": secs(percentile(self.waits, 0.5)),
            "wait_p90_s": secs(percentile(self.waits, 0.9)),
            "handle_avg_s": secs(handle_avg),
            "no_shows": len(self.no_show_tickets),
            "no_show_rate": ratio(len(self.no_show_tickets), self.tickets),
            "ratings": self.ratings,
            "satisfaction_rate": ratio(self.satisfied, self.ratings),
            "extra_materials": self.extra_materials,
            "extra_materials_rate": ratio(self.extra_materials, self.ratings),
            "cases_opened": len(self.cases),
            "cases_closed": closed,
            "case_closure_rate": ratio(closed, len(self.cases)),
            "finished": self.finished,
            "corrections": self.corrections,
            "correction_rate": ratio(self.corrections, self.finished),
            "consultations": self.consultations,
            "absences": {
                reason: {"count": int(count), "seconds": round(seconds / 1000, 3)}
                for reason, (count, seconds) in sorted(self.absences.items())
            },
        }


MAIN_TYPES = (
    EventType.TICKET_ISSUED,
    EventType.TICKET_CALLED,
    EventType.TICKET_NO_SHOW,
    EventType.TICKET_FINISHED,
    EventType.RATING_RECORDED,
    EventType.CASE_OPENED,
    EventType.WINDOW_RESUMED,
    EventType.CONSULTATION_CREATED,
)
Row = tuple[str, str, dict[str, Any]]


def _fetch(
    conn: Connection, types: tuple[str, ...], day_from: str, day_to: str | None
) -> Iterator[Row]:
    query = select(events.c.hall, events.c.type, events.c.payload).where(
        events.c.type.in_(types), events.c.day >= day_from
    )
    if day_to is not None:
        query = query.where(events.c.day <= day_to)
    for hall, etype, payload in conn.execute(query.order_by(events.c.hall, events.c.seq)):
        yield hall, etype, json.loads(payload)


def _item_keyer(rows: list[Row]) -> Callable[[str, str, dict[str, Any]], str | None]:
    """Tie events to a service item: the finish's item wins over the issue's (set at the window)."""
    ticket_item: dict[Key, str] = {}
    for want in (EventType.TICKET_ISSUED, EventType.TICKET_FINISHED):
        for hall, etype, p in rows:
            if etype == want and p.get("item"):
                ticket_item[(hall, str(p.get("ticket_id")))] = str(p["item"])
    rating_item: dict[Key, str] = {}
    for hall, etype, p in rows:
        if etype == EventType.RATING_RECORDED:
            item = p.get("item") or ticket_item.get((hall, str(p.get("ticket_id"))))
            if item:
                rating_item[(hall, str(p.get("rating_id")))] = str(item)

    def key(hall: str, etype: str, p: dict[str, Any]) -> str | None:
        if etype == EventType.RATING_RECORDED:
            return rating_item.get((hall, str(p.get("rating_id"))))
        if etype == EventType.CASE_OPENED:
            found = rating_item.get((hall, str(p.get("rating_id"))))
            return found or ticket_item.get((hall, str(p.get("ticket_id"))))
        if etype.startswith("ticket."):
            return ticket_item.get((hall, str(p.get("ticket_id"))))
        return None

    return key


def raw_report(engine: Engine, day_from: str, day_to: str, by: str = "level") -> dict[str, Any]:
    """The report for service days day_from..day_to inclusive, one row per group."""
    _check_period(day_from, day_to, by)
    before = (date.fromisoformat(day_from) - timedelta(days=1)).isoformat()
    with engine.connect() as conn:
        halls = {h.code: h for h in list_halls(conn)}
        rows = list(_fetch(conn, MAIN_TYPES, day_from, day_to))
        updates = _fetch(conn, (EventType.CASE_UPDATED,), day_from, None)
        closed = {(h, str(p.get("case_id"))) for h, _, p in updates if p.get("status") == "closed"}
        pauses = _fetch(conn, (EventType.WINDOW_PAUSED,), before, day_to)
        reasons = {(h, str(p.get("absence_id"))): str(p.get("reason")) for h, _, p in pauses}
    if by == "item":
        keyer = _item_keyer(rows)
    elif by == "hall":
        keyer = lambda hall, _t, _p: hall if hall in halls else None  # noqa: E731
    else:
        keyer = lambda hall, _t, _p: halls[hall].level if hall in halls else None  # noqa: E731
    groups: dict[str, GroupStats] = {}
    first_calls: set[Key] = set()
    for hall, etype, p in rows:
        if etype == EventType.TICKET_CALLED:
            ticket = (hall, str(p.get("ticket_id")))
            if ticket in first_calls:
                continue
            first_calls.add(ticket)
        key = keyer(hall, etype, p)
        if key is not None:
            groups.setdefault(key, GroupStats()).add(hall, etype, p, reasons)
    labels = _labels(engine, by, halls, groups)
    out = [{**label, **groups.get(key, GroupStats()).metrics(closed)} for key, label in labels]
    stamp = iso_utc(utc_now())
    return {"from": day_from, "to": day_to, "by": by, "generated_at": stamp, "rows": out}
