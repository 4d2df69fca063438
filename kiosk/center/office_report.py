"""The report book for one office user: the period, the compared period, only the halls it may see.

The compared period defaults to the one just before, of the same length (a month against the
month before when both are whole months), as an office compares "this month against last".
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Engine

from kiosk.center.errors import invalid
from kiosk.center.governance import build_governance
from kiosk.center.office_users import Scope, visible_halls
from kiosk.center.report_book import book_from_governance
from kiosk.center.reports import FIRST_DAY, LAST_DAY
from kiosk.center.timeutil import is_day


def previous_period(day_from: str, day_to: str) -> tuple[str, str]:
    """The period just before: the previous whole month for a whole month, else as many days."""
    if not (is_day(day_from) and is_day(day_to)):
        raise invalid("from and to must be dates YYYY-MM-DD", "起止日期须为 YYYY-MM-DD")
    if not FIRST_DAY <= day_from <= day_to <= LAST_DAY:  # also: there is a period before
        raise invalid(
            f"report days must lie between {FIRST_DAY} and {LAST_DAY}, from <= to",
            f"报表日期须在 {FIRST_DAY} 至 {LAST_DAY} 之间，且起始日期不晚于结束日期",
        )
    start, end = date.fromisoformat(day_from), date.fromisoformat(day_to)
    month_end = calendar.monthrange(end.year, end.month)[1]
    if start.day == 1 and end.day == month_end and start <= end:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        prev_end = start - timedelta(days=1)
        y, m = prev_end.year, prev_end.month - months + 1
        while m <= 0:
            y, m = y - 1, m + 12
        return date(y, m, 1).isoformat(), prev_end.isoformat()
    span = end - start
    prev_end = start - timedelta(days=1)
    return (prev_end - span).isoformat(), prev_end.isoformat()


def office_book(
    engine: Engine,
    scope: Scope,
    day_from: str,
    day_to: str,
    compare_from: str | None = None,
    compare_to: str | None = None,
    pairs: bool = True,
) -> dict[str, Any]:
    """The book the office page and the workbook show, computed over the halls `scope` may see
    only (a level or a total of a district user never includes another district's halls)."""
    if (compare_from is None) != (compare_to is None):
        raise invalid(
            "give both compare_from and compare_to, or neither",
            "对比期间须同时给出起止日期，或都不给",
        )
    if compare_from is None or compare_to is None:
        compare_from, compare_to = previous_period(day_from, day_to)
    allowed = visible_halls(engine, scope)
    gov = build_governance(
        engine, day_from, day_to, compare_from, compare_to, halls=allowed, pairs=pairs
    )
    return book_from_governance(gov, scope.as_json())
