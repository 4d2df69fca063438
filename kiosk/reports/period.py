"""The days a report covers, and their bounds as the store's UTC timestamps.

Tickets carry their local service day; everything else (absences, alerts, consultations) only
UTC times, so a local day range becomes the UTC instants of its first midnight and of the
midnight after its last day, in the hall's own time zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from kiosk.clock import iso
from kiosk.errors import Invalid

MAX_DAYS = 366


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise Invalid(
                f"结束日期 {self.end} 早于开始日期 {self.start}",
                f"the end date {self.end} is before the start date {self.start}",
            )
        if (self.end - self.start).days >= MAX_DAYS:
            raise Invalid(f"报表期间最长 {MAX_DAYS} 天", f"a report covers at most {MAX_DAYS} days")

    @property
    def days(self) -> tuple[str, str]:
        return self.start.isoformat(), self.end.isoformat()

    def utc_bounds(self, tz: ZoneInfo) -> tuple[str, str]:
        """[first local midnight, the local midnight after the last day) as UTC ISO text."""
        lo = datetime.combine(self.start, time(0), tz)
        hi = datetime.combine(self.end + timedelta(days=1), time(0), tz)
        return iso(lo), iso(hi)

    @classmethod
    def day(cls, d: date) -> Period:
        return cls(d, d)

    @classmethod
    def week(cls, d: date) -> Period:
        """Monday to Sunday, the week of `d`."""
        monday = d - timedelta(days=d.weekday())
        return cls(monday, monday + timedelta(days=6))

    @classmethod
    def month(cls, d: date) -> Period:
        first = d.replace(day=1)
        nxt = (first + timedelta(days=32)).replace(day=1)
        return cls(first, nxt - timedelta(days=1))

    def previous_month(self) -> Period:
        return Period.month(self.start.replace(day=1) - timedelta(days=1))


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Invalid(
            f"日期格式应为 YYYY-MM-DD：{text!r}", f"a date must be YYYY-MM-DD, got {text!r}"
        ) from None
