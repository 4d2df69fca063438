"""Reading the daily rollups for a period: sums per group, merged histograms, cases.

Counts are summed by the database (GROUP BY), the JSON columns (wait histogram, pauses by reason,
missing materials) are merged here, and the dirty hall-days of the period are recomputed first,
so a report never reads a stale rollup. No report reads raw events.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, and_, case, func, select

from kiosk.center import rollups as rollup_mod
from kiosk.center.report_metrics import hist_percentile, ratio, secs
from kiosk.center.rollups import ALL, HALL, HALL_MONTH, ITEM, ITEM_MONTH, LEVEL_ALL
from kiosk.center.schema import COUNTS, rollup_cases, rollups

MONTH_SCOPE = {HALL: HALL_MONTH, ITEM: ITEM_MONTH}

GroupKey = tuple[str, str]  # (hall, key)


@dataclass
class Group:
    """The sums of one report row: counts, the merged histogram, pauses, missing materials."""

    counts: Counter[str] = field(default_factory=Counter)
    hists: list[str] = field(default_factory=list)  # wait histograms as stored, merged lazily
    pauses: dict[str, list[int]] = field(default_factory=dict)
    missing: Counter[str] = field(default_factory=Counter)
    cases: int = 0
    cases_closed: int = 0
    cases_on_time: int = 0

    def merge(self, other: Group) -> None:
        self.counts.update(other.counts)
        self.hists.extend(other.hists)
        for reason, (count, ms) in other.pauses.items():
            slot = self.pauses.setdefault(reason, [0, 0])
            slot[0] += count
            slot[1] += ms
        self.missing.update(other.missing)
        self.cases += other.cases
        self.cases_closed += other.cases_closed
        self.cases_on_time += other.cases_on_time

    def percentiles(self) -> tuple[float | None, float | None]:
        """Wait p50 and p90 in seconds. One stored histogram is already in ascending order, so
        it is walked as parsed; several are summed first."""
        if len(self.hists) == 1:
            single: dict[str, int] = json.loads(self.hists[0])
            return (
                hist_percentile(single, 0.5, ordered=True),
                hist_percentile(single, 0.9, ordered=True),
            )
        merged: Counter[str] = Counter()
        for hist in self.hists:
            merged.update(json.loads(hist))
        return hist_percentile(merged, 0.5), hist_percentile(merged, 0.9)

    def report_metrics(self) -> dict[str, Any]:
        """The figures of the center report (definitions in report_metrics' docstring)."""
        c = self.counts
        handle = c["handle_ms"] / c["handles"] / 1000 if c["handles"] else None
        p50, p90 = self.percentiles()
        return {
            "tickets": c["tickets"],
            "wait_p50_s": secs(p50),
            "wait_p90_s": secs(p90),
            "handle_avg_s": secs(handle),
            "no_shows": c["no_show_tickets"],
            "no_show_rate": ratio(c["no_show_tickets"], c["tickets"]),
            "ratings": c["ratings"],
            "satisfaction_rate": ratio(c["satisfied"], c["ratings"]),
            "extra_materials": c["extra_materials"],
            "extra_materials_rate": ratio(c["extra_materials"], c["ratings"]),
            "cases_opened": self.cases,
            "cases_closed": self.cases_closed,
            "case_closure_rate": ratio(self.cases_closed, self.cases),
            "finished": c["finished"],
            "corrections": c["corrections"],
            "correction_rate": ratio(c["corrections"], c["finished"]),
            "consultations": c["consultations"],
            "absences": {
                reason: {"count": count, "seconds": round(ms / 1000, 3)}
                for reason, (count, ms) in sorted(self.pauses.items())
            },
        }


def _halls_filter(query: Any, column: Any, halls: Collection[str] | None) -> Any:
    return query if halls is None else query.where(column.in_(sorted(halls)))


def split_period(day_from: str, day_to: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The whole calendar months inside the period, and the day ranges left at its ends."""
    start, end = date.fromisoformat(day_from), date.fromisoformat(day_to)
    months: list[str] = []
    ranges: list[tuple[str, str]] = []
    cursor = start
    while cursor <= end:
        first = cursor.replace(day=1)
        nxt = (first + timedelta(days=32)).replace(day=1)
        last = min(nxt - timedelta(days=1), end)
        if cursor == first and last == nxt - timedelta(days=1):
            months.append(first.isoformat()[:7])
        else:
            ranges.append((cursor.isoformat(), last.isoformat()))
        cursor = last + timedelta(days=1)
    return months, ranges


def _read(
    conn: Connection, scope: str, where: Any, halls: Collection[str] | None
) -> dict[GroupKey, Group]:
    r = rollups.c
    keys = [r.hall, r.key]
    sums = [func.sum(getattr(r, name)).label(name) for name in COUNTS]
    query = select(*keys, *sums).where(r.scope == scope, where)
    query = _halls_filter(query, r.hall, halls).group_by(*keys)
    out: dict[GroupKey, Group] = {}
    for row in conn.execute(query).mappings():
        group = out.setdefault((row["hall"], row["key"]), Group())
        group.counts.update({name: int(row[name] or 0) for name in COUNTS})
    blobs = select(r.hall, r.key, r.wait_hist, r.pauses, r.missing).where(r.scope == scope, where)
    for hall, key, hist, pauses, missing in conn.execute(_halls_filter(blobs, r.hall, halls)):
        group = out.setdefault((hall, key), Group())
        if hist != "{}":
            group.hists.append(hist)
        if pauses != "{}":
            for reason, (count, ms) in json.loads(pauses).items():
                slot = group.pauses.setdefault(reason, [0, 0])
                slot[0] += count
                slot[1] += ms
        if missing != "{}":
            group.missing.update(json.loads(missing))
    return out


def _add(into: dict[GroupKey, Group], found: dict[GroupKey, Group]) -> None:
    for key, group in found.items():
        if key in into:
            into[key].merge(group)
        else:
            into[key] = group


def read_groups(
    conn: Connection,
    scope: str,
    day_from: str,
    day_to: str,
    halls: Collection[str] | None = None,
) -> dict[GroupKey, Group]:
    """Sums per (hall, key) of one scope (hall or item) over the period: whole months from the
    halls' month rows, the days at the ends from day rows."""
    r = rollups.c
    months, ranges = split_period(day_from, day_to)
    out: dict[GroupKey, Group] = {}
    if months:
        month_scope = MONTH_SCOPE[scope]
        _add(out, _read(conn, month_scope, r.day.in_(months), halls))
    for start, end in ranges:
        _add(out, _read(conn, scope, and_(r.day >= start, r.day <= end), halls))
    return out


def read_all_halls(
    engine: Engine, kind: str, day_from: str, day_to: str, key_of_hall: Any
) -> dict[str, Group]:
    """Groups of every hall together, per level (kind LEVEL_ALL; `key_of_hall` maps a hall code
    to its level for the days at the ends) or per item (ITEM_ALL): whole months come from the
    month's totals of all halls (built once, kept until a hall-day of that month changes)."""
    r = rollups.c
    months, ranges = split_period(day_from, day_to)
    for month in months:
        rollup_mod.ensure_totals(engine, month)
    out: dict[str, Group] = {}
    with engine.connect() as conn:
        if months:
            found = _read(conn, kind, and_(r.hall == ALL, r.day.in_(months)), None)
            for (_all, key), group in found.items():
                out.setdefault(key, Group()).merge(group)
        scope = HALL if kind == LEVEL_ALL else ITEM
        for start, end in ranges:
            for (hall, key), group in _read(
                conn, scope, and_(r.day >= start, r.day <= end), None
            ).items():
                target = key_of_hall(hall) if kind == LEVEL_ALL else key
                if target:
                    out.setdefault(target, Group()).merge(group)
    return out


def read_cases(
    conn: Connection, day_from: str, day_to: str, halls: Collection[str] | None = None
) -> list[tuple[str, str | None, int, int, int]]:
    """(hall, item, opened, closed, closed on time) of the cases opened in the period, counted
    by the database per hall and item."""
    c = rollup_cases.c
    closed = func.count(c.closed_day)
    on_time = func.sum(case((c.closed_day <= c.deadline, 1), else_=0))
    query = select(c.hall, c.item, func.count(), closed, on_time).where(
        c.day >= day_from, c.day <= day_to
    )
    query = _halls_filter(query, c.hall, halls).group_by(c.hall, c.item)
    return [(h, i, int(n), int(k), int(t or 0)) for h, i, n, k, t in conn.execute(query)]


def add_cases(group: Group, opened: int, closed: int, on_time: int) -> None:
    group.cases += opened
    group.cases_closed += closed
    group.cases_on_time += on_time


def fresh(engine: Engine, day_from: str, day_to: str) -> None:
    """Recompute the period's dirty hall-days before reading it."""
    rollup_mod.refresh(engine, day_from, day_to)
