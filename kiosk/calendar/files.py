"""Reading a year's schedule from its TOML file (format: docs/calendar.md).

A wrong file must be refused whole with the line at fault named, never half applied: a holiday
read as a working day would open the hall to nobody, and a working day read as a holiday would
turn citizens away.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from kiosk.calendar.model import Holiday, WorkCalendar, YearCalendar
from kiosk.paths import ASSETS

BUNDLED = ASSETS / "calendar"


class CalendarFileError(ValueError):
    """A year file that cannot be used; the message says which entry and why (English and
    Chinese, for the CLI's one line)."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.message_en, self.message_zh = en, zh


def _day(value: Any, where: str, year: int) -> date:
    if isinstance(value, date):
        day = value
    else:
        try:
            day = date.fromisoformat(str(value))
        except ValueError:
            raise CalendarFileError(
                f"{where}: {value!r} is not a date (YYYY-MM-DD)",
                f"{where}：{value!r} 不是日期（应为 YYYY-MM-DD）",
            ) from None
    if day.year != year:
        raise CalendarFileError(
            f"{where}: {day} is not in {year}", f"{where}：{day} 不在 {year} 年内"
        )
    return day


def parse_year(data: dict[str, Any]) -> YearCalendar:
    """One year from the parsed TOML (also what a hall stores when a file is imported)."""
    year = data.get("year")
    if not isinstance(year, int) or not 2000 <= year <= 2099:
        raise CalendarFileError(
            "the file needs `year = YYYY` (2000-2099)", "文件需要 `year = YYYY`（2000-2099）"
        )
    holidays: list[Holiday] = []
    seen: dict[date, str] = {}
    for i, entry in enumerate(data.get("holiday", []), start=1):
        where = f"holiday {i}"
        name_zh = str(entry.get("name_zh", "")).strip()
        if not name_zh:
            raise CalendarFileError(f"{where}: name_zh is missing", f"{where}：缺少 name_zh")
        first = _day(entry.get("from"), where, year)
        last = _day(entry.get("to", entry.get("from")), where, year)
        if last < first:
            raise CalendarFileError(f"{where}: `to` is before `from`", f"{where}：结束早于开始")
        workdays = tuple(_day(d, where, year) for d in entry.get("workdays", []))
        holiday = Holiday(name_zh, str(entry.get("name_en", name_zh)), first, last, workdays)
        for day in (*holiday.days(), *workdays):
            if day in seen:
                raise CalendarFileError(
                    f"{where}: {day} is already listed under {seen[day]}",
                    f"{where}：{day} 已在「{seen[day]}」中列出",
                )
            seen[day] = name_zh
        for day in workdays:
            if day.weekday() < 5:
                raise CalendarFileError(
                    f"{where}: make-up working day {day} is not a weekend day",
                    f"{where}：调休上班日 {day} 不是周末",
                )
        holidays.append(holiday)
    return YearCalendar.build(year, str(data.get("source", "")), holidays)


def read_year_file(path: Path) -> tuple[YearCalendar, dict[str, Any]]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CalendarFileError(
            f"cannot read calendar {path}: {exc}", f"无法读取节假日文件 {path}：{exc}"
        ) from None
    return parse_year(data), data


@cache
def bundled_years() -> tuple[YearCalendar, ...]:
    """The years shipped in assets/calendar (read once per process)."""
    return tuple(read_year_file(p)[0] for p in sorted(BUNDLED.glob("*.toml")))


def load_calendar(overrides: Iterable[dict[str, Any]] = ()) -> WorkCalendar:
    """The bundled years, with each override (a parsed year file the hall imported) replacing
    its year."""
    base = WorkCalendar(years={y.year: y for y in bundled_years()})
    return base.with_years(parse_year(data) for data in overrides)
