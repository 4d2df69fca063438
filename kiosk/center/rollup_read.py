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
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from kiosk.center import rollups as rollup_mod
from kiosk.center.report_metrics import hist_percentile, ratio, secs
from kiosk.center.schema import COUNTS, rollup_cases, rollups

GroupKey = tuple[str, str]  # (hall, key)


@dataclass
class Group:
    """The sums of one report row: counts, the merged histogram, pauses, missing materials."""

    counts: Counter[str] = field(default_factory=Counter)
    waits: Counter[int] = field(default_factory=Counter)
    pauses: dict[str, list[int]] = field(default_factory=dict)
    missing: Counter[str] = field(default_factory=Counter)
    cases: int = 0
    cases_closed: int = 0
    cases_on_time: int = 0
    days: set[str] = field(default_factory=set)

    def merge(self, other: Group) -> None:
        self.counts.update(other.counts)
        self.waits.update(other.waits)
        for reason, (count, ms) in other.pauses.items():
            slot = self.pauses.setdefault(reason, [0, 0])
            slot[0] += count
            slot[1] += ms
        self.missing.update(other.missing)
        self.cases += other.cases
        self.cases_closed += other.cases_closed
        self.cases_on_time += other.cases_on_time
        self.days |= other.days

    def report_metrics(self) -> dict[str, Any]:
        """The figures of the center report (definitions in report_metrics' docstring)."""
        c = self.counts
        handle = c["handle_ms"] / c["handles"] / 1000 if c["handles"] else None
        return {
            "tickets": c["tickets"],
            "wait_p50_s": secs(hist_percentile(self.waits, 0.5)),
            "wait_p90_s": secs(hist_percentile(self.waits, 0.9)),
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


def read_groups(
    conn: Connection,
    scope: str,
    day_from: str,
    day_to: str,
    halls: Collection[str] | None = None,
    by_day: bool = False,
) -> dict[GroupKey, Group]:
    """Sums per (hall, key) of one scope over the period (per (hall, key) and day: by_day)."""
    r = rollups.c
    keys = [r.hall, r.key] + ([r.day] if by_day else [])
    sums = [func.sum(getattr(r, name)).label(name) for name in COUNTS]
    query = select(*keys, func.count().label("days"), *sums).where(
        r.scope == scope, r.day >= day_from, r.day <= day_to
    )
    query = _halls_filter(query, r.hall, halls).group_by(*keys)
    out: dict[GroupKey, Group] = {}
    for row in conn.execute(query).mappings():
        group = out.setdefault((row["hall"], row["key"]), Group())
        group.counts.update({name: int(row[name] or 0) for name in COUNTS})
    blobs = select(r.hall, r.key, r.day, r.wait_hist, r.pauses, r.missing).where(
        r.scope == scope, r.day >= day_from, r.day <= day_to
    )
    for hall, key, day, hist, pauses, missing in conn.execute(_halls_filter(blobs, r.hall, halls)):
        group = out.setdefault((hall, key), Group())
        group.days.add(day)
        if hist != "{}":
            group.waits.update({int(k): v for k, v in json.loads(hist).items()})
        if pauses != "{}":
            for reason, (count, ms) in json.loads(pauses).items():
                slot = group.pauses.setdefault(reason, [0, 0])
                slot[0] += count
                slot[1] += ms
        if missing != "{}":
            group.missing.update(json.loads(missing))
    return out


def read_cases(
    conn: Connection, day_from: str, day_to: str, halls: Collection[str] | None = None
) -> list[tuple[str, str | None, bool, bool]]:
    """(hall, item, closed, closed on time) of each case opened in the period."""
    c = rollup_cases.c
    query = select(c.hall, c.item, c.deadline, c.closed_day).where(
        c.day >= day_from, c.day <= day_to
    )
    out = []
    for hall, item, deadline, closed in conn.execute(_halls_filter(query, c.hall, halls)):
        on_time = closed is not None and deadline is not None and closed <= deadline
        out.append((hall, item, closed is not None, on_time))
    return out


def add_cases(group: Group, closed: bool, on_time: bool) -> None:
    group.cases += 1
    group.cases_closed += closed
    group.cases_on_time += on_time


def fresh(engine: Engine, day_from: str, day_to: str) -> None:
    """Recompute the period's dirty hall-days before reading it."""
    rollup_mod.refresh(engine, day_from, day_to)
