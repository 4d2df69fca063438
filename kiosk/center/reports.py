"""The center report: halls compared per hall, per level (city / district / township) and per item.

It reads the daily rollups (kiosk/center/rollups.py), never raw events: a province's month is
tens of thousands of rollup rows instead of hundreds of millions of events. Every sum is an
integer and waits are 1-second histograms, so PostgreSQL and SQLite give identical numbers, equal
to a computation over the raw events (tests/helpers/raw_report.py holds that computation as the
test oracle). `by=item` counts only what can be tied to a service item (tickets through their
item, ratings, cases through their rating); absences and consultations have no item.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Engine

from kiosk.center.catalogs import latest_version, load_catalog
from kiosk.center.errors import invalid
from kiosk.center.halls import LEVEL_ZH, list_halls
from kiosk.center.rollup_read import Group, fresh, read_all_halls, read_groups
from kiosk.center.rollups import HALL, ITEM_ALL, LEVEL_ALL
from kiosk.center.timeutil import is_day, iso_utc, utc_now
from kiosk.domain import HallLevel

REPORT_BY = ("level", "hall", "item")
# The days a report may ask about: this system's era, not the calendar's (0001-01-01 has no day
# before it, and nothing is ever stored outside these years), and at most a leap year at once.
FIRST_DAY, LAST_DAY = "2000-01-01", "2099-12-31"
MAX_REPORT_DAYS = 366


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
    """The report for service days day_from..day_to inclusive, one row per group, from the
    daily rollups (the period's dirty hall-days are recomputed first)."""
    _check_period(day_from, day_to, by)
    fresh(engine, day_from, day_to)
    with engine.connect() as conn:
        halls = {h.code: h for h in list_halls(conn)}
        found = read_groups(conn, HALL, day_from, day_to, merging=False) if by == "hall" else {}

    def level_of(hall: str) -> str | None:
        return halls[hall].level if hall in halls else None

    if by == "hall":
        groups = {hall: group for (hall, _k), group in found.items() if hall in halls}
    else:
        kind = LEVEL_ALL if by == "level" else ITEM_ALL
        groups = read_all_halls(engine, kind, day_from, day_to, level_of)
        groups.pop("", None)  # tickets without an item
    labels = _labels(engine, by, halls, groups)
    out = [{**label, **groups.get(key, Group()).report_metrics()} for key, label in labels]
    stamp = iso_utc(utc_now())
    return {"from": day_from, "to": day_to, "by": by, "generated_at": stamp, "rows": out}


def _labels(
    engine: Engine, by: str, halls: dict[str, Any], groups: dict[str, Group]
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
