"""The center report: halls compared per hall, per level (city / district / township) and per item.

Rows are fetched with one indexed SQL range on `events.day` (the hall's local service day, fixed
at ingest) and the math is done in Python (report_metrics), so PostgreSQL and SQLite give
identical numbers. `by=item` counts only what can be tied to a service item (tickets through
their item, ratings, cases through their rating); absences and consultations have no item.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, select

from kiosk.center.catalogs import latest_version, load_catalog
from kiosk.center.errors import invalid
from kiosk.center.halls import LEVEL_ZH, list_halls
from kiosk.center.report_metrics import GroupStats, Key
from kiosk.center.schema import events
from kiosk.center.timeutil import is_day, iso_utc, utc_now
from kiosk.domain import HallLevel
from kiosk.events import EventType

REPORT_BY = ("level", "hall", "item")
# The days a report may ask about: this system's era, not the calendar's (0001-01-01 has no day
# before it, and nothing is ever stored outside these years), and at most a leap year at once.
FIRST_DAY, LAST_DAY = "2000-01-01", "2099-12-31"
MAX_REPORT_DAYS = 366
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


def _check_period(day_from: str, day_to: str, by: str) -> None:
    if not (is_day(day_from) and is_day(day_to)) or day_from > day_to:
        raise invalid(
            "from and to must be dates YYYY-MM-DD with from <= to",
            "起止日期须为 YYYY-MM-DD 且起始日期不晚于结束日期",
        )
    if not FIRST_DAY <= day_from <= day_to <= LAST_DAY:
        raise invalid(
            f"report days must lie between {FIRST_DAY} and {LAST_DAY}",
            f"报表日期须在 {FIRST_DAY} 至 {LAST_DAY} 之间",
        )
    span = (date.fromisoformat(day_to) - date.fromisoformat(day_from)).days + 1
    if span > MAX_REPORT_DAYS:
        raise invalid(
            f"a report covers at most {MAX_REPORT_DAYS} days; ask for one year at a time",
            f"报表最多覆盖 {MAX_REPORT_DAYS} 天，请按年分段查询",
        )
    if by not in REPORT_BY:
        raise invalid("by must be level, hall or item", "by 须为 level、hall 或 item")


def build_report(engine: Engine, day_from: str, day_to: str, by: str = "level") -> dict[str, Any]:
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


def _labels(
    engine: Engine, by: str, halls: dict[str, Any], groups: dict[str, GroupStats]
) -> list[tuple[str, dict[str, Any]]]:
    """The row keys in display order with their leading columns."""
    if by == "level":
        return [(lv.value, {"level": lv.value, "name": LEVEL_ZH[lv]}) for lv in HallLevel]
    if by == "hall":
        return [
            (h.code, {"hall": h.code, "name": h.name, "level": h.level, "parent": h.parent})
            for h in halls.values()
        ]
    names: dict[str, str] = {}
    version = latest_version(engine)
    catalog = load_catalog(engine, version) if version else None
    for item in (catalog or {}).get("items", []):
        names[str(item.get("code"))] = str(item.get("name_zh", ""))
    return [(code, {"item": code, "name": names.get(code, "")}) for code in sorted(groups)]
