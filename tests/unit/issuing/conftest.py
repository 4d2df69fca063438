"""A test hall with office hours, quotas and real-name rules, on the fake clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kiosk.clock import FakeClock
from kiosk.engine.hall import Hall
from kiosk.idcard import make_id_number
from tests.helpers.hallfactory import make_hall

SHANGHAI = ZoneInfo("Asia/Shanghai")
WORKDAY = [{"open": "09:00", "close": "12:00"}, {"open": "13:30", "close": "17:30"}]
RULES: dict[str, Any] = {
    "hours": {"week": {d: WORKDAY for d in ("mon", "tue", "wed", "thu", "fri")}},
    "stop_before_close_min": 30,
    "categories": {
        "SB": {"daily": 3},
        "GJJ": {"morning": 2, "afternoon": 1, "booking_share": 0.5},
        "ZX": {"stop_before_close_min": 0},
    },
    "realname": {"allowed": ["*"], "required": ["GJJ"]},
}


def local(y: int, m: int, d: int, hh: int, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=SHANGHAI).astimezone(UTC)


def person(n: int, born: date = date(1990, 1, 1)) -> str:
    """The n-th test citizen's ID number (well formed, Qingdao area code)."""
    return make_id_number("370202", born, n)


@pytest.fixture
def make_rules_hall(tmp_path: Path) -> Iterator[Callable[..., Hall]]:
    halls: list[Hall] = []

    def make(at: datetime, rules: dict[str, Any] | None = None, name: str = "h") -> Hall:
        hall = make_hall(
            tmp_path / f"{name}.db", FakeClock(at), issuing=RULES if rules is None else rules
        )
        halls.append(hall)
        return hall

    yield make
    for h in halls:
        h.close()
