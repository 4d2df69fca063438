"""Reading the daily rollups for a period: sums per group, merged histograms, cases.

Counts are summed by the database (GROUP BY), the JSON columns (wait histogram, pauses by reason,
missing materials) are merged here, and the dirty hall-days of the period are recomputed first,
so a report never reads a stale rollup. No report reads raw events.

A group made of one stored row (a hall's or an item's whole month) takes the row's stored wait
percentiles; only a group of several rows parses and merges their histograms, so a reader that
knows each group is one row may leave the histograms unread (`hists=False`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, and_, select

from kiosk.center import rollups as rollup_mod
from kiosk.center.report_metrics import hist_percentile, ratio, secs
from kiosk.center.rollups import ALL, HALL, HALL_MONTH, ITEM, ITEM_MONTH, LEVEL_ALL
from kiosk.center.schema import COUNTS, rollups

MONTH_SCOPE = {HALL: HALL_MONTH, ITEM: ITEM_MONTH}

GroupKey = tuple[str, str]  # (hall, key)
_COLUMNS = ("hall", "key", *COUNTS, "pauses", "missing", "wait_p50", "wait_p90")
_PAUSES = 2 + len(COUNTS)  # where the pauses are in a row of _COLUMNS
# json.loads without its wrapper (whitespace checks): the rows hold what json.dumps wrote, and a
# province's hall x item view parses some 90,000 of them
_scan = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


@dataclass(slots=True)
class Group:
    """The sums of one report row: counts, the merged histogram, pauses, missing materials."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    # wait histograms as stored, merged lazily; None: not read (the group must stay one row)
    hists: list[str] | None = field(default_factory=list)
    pauses: dict[str, list[int]] = field(default_factory=dict)
    missing: dict[str, int] = field(default_factory=dict)
    rows: int = 0  # stored rows summed into this group
    stored: tuple[float | None, float | None] = (None, None)  # the percentiles of a single row

    @classmethod
    def of_row(cls, row: Sequence[Any], hist: str | None) -> Group:
        """The group of one stored row: a tuple in the order of _COLUMNS (hall, key, counts,
        pauses, missing, p50, p90), and its histogram if read."""
        pauses, missing = row[_PAUSES], row[_PAUSES + 1]
        return cls(
            dict(zip(COUNTS, row[2:_PAUSES], strict=True)),
            None if hist is None else ([] if hist == "{}" else [hist]),
            {} if pauses == "{}" else _scan(pauses, 0)[0],
            {} if missing == "{}" else _scan(missing, 0)[0],
            1,
            (row[_PAUSES + 2], row[_PAUSES + 3]),
        )

    def _add_hist(
        self, rows: int, stored: tuple[float | None, float | None], hists: list[str] | None
    ) -> None:
        if rows == 0:
            return
        self.stored = stored if self.rows == 0 else (None, None)
        self.rows += rows
        if self.hists is None or hists is None:
            self.hists = None
        else:
            self.hists.extend(h for h in hists if h != "{}")

    def _add_pauses(self, pauses: dict[str, list[int]]) -> None:
        for reason, (count, ms) in pauses.items():
            slot = self.pauses.setdefault(reason, [0, 0])
            slot[0] += count
            slot[1] += ms

    def merge(self, other: Group) -> None:
        counts = self.counts
        for name, value in other.counts.items():
            counts[name] += value
        self._add_hist(other.rows, other.stored, other.hists)
        self._add_pauses(other.pauses)
        mine = self.missing
        for name, n in other.missing.items():
            mine[name] = mine.get(name, 0) + n

    def percentiles(self) -> tuple[float | None, float | None]:
        """Wait p50 and p90 in seconds: a single row's stored figures; for several rows their
        histograms summed (each is exact, so both ways agree to the last digit)."""
        if self.rows <= 1:
            return self.stored
        if self.hists is None:
            raise RuntimeError("a group of several rollup rows needs their histograms read")
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
            "cases_opened": c["cases"],
            "cases_closed": c["cases_closed"],
            "case_closure_rate": ratio(c["cases_closed"], c["cases"]),
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
    conn: Connection, scope: str, where: Any, halls: Collection[str] | None, hists: bool = True
) -> dict[GroupKey, Group]:
    """The groups of one scope's rows. `hists=False` leaves the histograms unread: for readers
    whose every group is one row (their percentiles are the row's stored ones)."""
    r = rollups.c
    columns = [getattr(r, name) for name in _COLUMNS] + ([r.wait_hist] if hists else [])
    query = _halls_filter(select(*columns).where(r.scope == scope, where), r.hall, halls)
    out: dict[GroupKey, Group] = {}
    last = len(_COLUMNS)
    for row in conn.execute(query).all():
        key = (row[0], row[1])
        group = Group.of_row(row, row[last] if hists else None)
        if key in out:
            out[key].merge(group)
        else:
            out[key] = group
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
    merging: bool = True,
) -> dict[GroupKey, Group]:
    """Sums per (hall, key) of one scope (hall or item) over the period: whole months from the
    halls' month rows, the days at the ends from day rows. `merging=False`: the caller never
    merges two groups, so for a period of one whole month (one row per group) the histograms
    stay unread."""
    r = rollups.c
    months, ranges = split_period(day_from, day_to)
    hists = merging or len(months) + len(ranges) > 1 or bool(ranges)
    out: dict[GroupKey, Group] = {}
    if months:
        month_scope = MONTH_SCOPE[scope]
        _add(out, _read(conn, month_scope, r.day.in_(months), halls, hists))
    for start, end in ranges:
        _add(out, _read(conn, scope, and_(r.day >= start, r.day <= end), halls, hists))
    return out


def read_all_halls(
    engine: Engine, kind: str, day_from: str, day_to: str, key_of_hall: Any
) -> dict[str, Group]:
    """Groups of every hall together, per level (kind LEVEL_ALL; `key_of_hall` maps a hall code
    to its level for the days at the ends) or per item (ITEM_ALL): whole months come from the
    month's totals of all halls (built on first use, then shifted by each hall month that
    changes)."""
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


def fresh(engine: Engine, day_from: str, day_to: str) -> None:
    """Recompute the period's dirty hall-days before reading it."""
    rollup_mod.refresh(engine, day_from, day_to)
