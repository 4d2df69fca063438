"""A category's quota for the day (放号量): how many walk-in tickets are left, counted from the
kept issue counts (issue_counts, one row per day, category, half and kind), so asking costs one
indexed read however many tickets the day has.

How a quota is spent: `booking_share` of it is kept for bookings. Check-ins with a booking are
never refused by a quota (their slot was given when booked); they use the kept share first and
then what walk-ins would have had. Walk-ins get the rest. A split quota (morning / afternoon)
counts each half apart and a morning's leftovers do not carry over, as halls announce them
("上午放号50个，下午放号50个"). A supervisor's change for today replaces the configured figures.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from kiosk.catalog.issuing import CategoryRule

HALVES = ("am", "pm")


@dataclass(frozen=True)
class Quota:
    """The figures in force for one category and day (None: no quota)."""

    daily: int | None = None
    morning: int | None = None
    afternoon: int | None = None
    booking_share: float = 0.0
    changed: bool = False  # a supervisor changed it for today

    @property
    def split(self) -> bool:
        return self.morning is not None

    def limit(self, half: str) -> int | None:
        """The quota of the half (split) or of the day."""
        if self.split:
            return self.morning if half == "am" else self.afternoon
        return self.daily


def quota_for(
    conn: sqlite3.Connection, rule: CategoryRule | None, day: str, category: str
) -> Quota:
    share = rule.booking_share if rule is not None else 0.0
    row = conn.execute(
        "SELECT daily, morning, afternoon FROM quota_overrides"
        " WHERE service_day = ? AND category = ?",
        (day, category),
    ).fetchone()
    if row is not None:
        return Quota(row["daily"], row["morning"], row["afternoon"], share, changed=True)
    if rule is None:
        return Quota()
    return Quota(rule.daily, rule.morning, rule.afternoon, share)


def used(conn: sqlite3.Connection, day: str, category: str, half: str | None) -> tuple[int, int]:
    """(walk-ins, bookings) issued in the half (or the whole day with None)."""
    walk = booked = 0
    for r in conn.execute(
        "SELECT half, booked, issued FROM issue_counts WHERE service_day = ? AND category = ?",
        (day, category),
    ):
        if half is None or r["half"] == half:
            if r["booked"]:
                booked += r["issued"]
            else:
                walk += r["issued"]
    return walk, booked


def walk_ins_left(
    conn: sqlite3.Connection, quota: Quota, day: str, category: str, half: str
) -> int | None:
    """Walk-in tickets still to give in the half (split) or the day; None without a quota."""
    limit = quota.limit(half)
    if limit is None:
        return None
    walk, booked = used(conn, day, category, half if quota.split else None)
    kept = round(limit * quota.booking_share)
    return max(0, limit - max(kept, booked) - walk)


def count_issue(conn: sqlite3.Connection, p: dict[str, Any]) -> None:
    """The projection's part: one more ticket in its day, category, half and kind."""
    conn.execute(
        "INSERT INTO issue_counts(service_day, category, half, booked, issued)"
        " VALUES (?, ?, ?, ?, 1) ON CONFLICT(service_day, category, half, booked)"
        " DO UPDATE SET issued = issued + 1",
        (p["service_day"], p["category"], p.get("half") or "am", int(p["source"] == "appointment")),
    )


def project_change(conn: sqlite3.Connection, p: dict[str, Any], actor: str | None, ts: str) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO quota_overrides(service_day, category, daily, morning, afternoon,"
        " changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            p["service_day"],
            p["category"],
            p.get("daily"),
            p.get("morning"),
            p.get("afternoon"),
            actor,
            ts,
        ),
    )
