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
# Days a hall can have served on: outside them a period is a typo, and at the very ends of the
# calendar the conversion to UTC would overflow
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2199, 12, 31)


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    def __post_init__(self) -> None:
        for d in (self.start, self.end):
            if not FIRST_DAY <= d <= LAST_DAY:
                raise Invalid(
                    f"日期 {d} 超出范围（{FIRST_DAY} 至 {LAST_DAY}）",
                    f"the date {d} is out of range ({FIRST_DAY} to {LAST_DAY})",
                )
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
