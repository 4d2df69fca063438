"""The calendar itself: frozen, built once per hall settings load, asked many times per request.

Each question (is this a working day, the n-th working day after a date) is answered from two
sets per year, so a deadline or an opening-hours check costs a few set lookups, never a file
read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum


class DayKind(StrEnum):
    WORKDAY = "workday"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"  # a public holiday, or a weekday moved off by 调休
    MAKEUP = "makeup"  # a weekend day worked instead (调休上班)


@dataclass(frozen=True)
class Holiday:
    name_zh: str
    name_en: str
    first: date
    last: date
    workdays: tuple[date, ...] = ()

    def days(self) -> Iterable[date]:
        day = self.first
        while day <= self.last:
            yield day
            day += timedelta(days=1)


@dataclass(frozen=True)
class YearCalendar:
    year: int
    source: str
    holidays: tuple[Holiday, ...]
    # derived: day -> holiday, and the make-up working days
    off: Mapping[date, Holiday] = field(default_factory=dict)
    makeup: frozenset[date] = frozenset()

    @classmethod
    def build(cls, year: int, source: str, holidays: Iterable[Holiday]) -> YearCalendar:
        hols = tuple(holidays)
        off = {day: h for h in hols for day in h.days()}
        makeup = frozenset(d for h in hols for d in h.workdays)
        return cls(year=year, source=source, holidays=hols, off=off, makeup=makeup)


@dataclass(frozen=True)
class WorkCalendar:
    years: Mapping[int, YearCalendar]

    @property
    def known(self) -> frozenset[int]:
        """The years with a published schedule; others are counted Monday-Friday."""
        return frozenset(self.years)

    def kind(self, day: date) -> DayKind:
        year = self.years.get(day.year)
        if year is not None:
            if day in year.makeup:
                return DayKind.MAKEUP
            if day in year.off:
                return DayKind.HOLIDAY
        return DayKind.WORKDAY if day.weekday() < 5 else DayKind.WEEKEND

    def is_working_day(self, day: date) -> bool:
        return self.kind(day) in (DayKind.WORKDAY, DayKind.MAKEUP)

    def holiday(self, day: date) -> Holiday | None:
        year = self.years.get(day.year)
        return None if year is None else year.off.get(day)

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        return self.add_working_days(day, 1)

    def add_working_days(self, start: date, days: int) -> date:
        """The `days`-th working day after `start` (start itself never counts, so a case opened
        on a Saturday with 5 days is due the following Friday, as a citizen would count)."""
        if days < 0:
            raise ValueError("days must not be negative")
        current = start
        while days > 0:
            current += timedelta(days=1)
            if self.is_working_day(current):
                days -= 1
        return current

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]: 0 when end is not after start."""
        count, current = 0, start
        while current < end:
            current += timedelta(days=1)
            if self.is_working_day(current):
                count += 1
        return count

    def with_years(self, years: Iterable[YearCalendar]) -> WorkCalendar:
        """A calendar where these years replace the ones it had (the center's published file
        over the bundled one)."""
        merged = dict(self.years)
        merged.update({y.year: y for y in years})
        return WorkCalendar(years=merged)
