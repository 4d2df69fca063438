"""Ticket numbers: per prefix, per local service day, never repeated within a day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kiosk.clock import FakeClock
from kiosk.engine.hall import Hall
from kiosk.engine.queue.tickets import format_number
from kiosk.errors import Invalid
from tests.helpers.hallfactory import issue, make_hall


def test_numbers_count_per_prefix(hall: Hall) -> None:
    assert [issue(hall, "SB")["number"] for _ in range(3)] == ["A001", "A002", "A003"]
    assert issue(hall, "GJJ")["number"] == "B001"
    assert issue(hall, "SB")["number"] == "A004"


def test_past_999_numbers_grow_instead_of_wrapping() -> None:
    assert format_number("A", 999) == "A999"
    assert format_number("A", 1000) == "A1000"
    assert format_number("A", 12) == "A012"


def test_thousand_and_first_ticket_is_a1001(hall: Hall) -> None:
    with hall.transaction() as tx:
        tx.conn.execute(
            "INSERT INTO counters(service_day, prefix, last) VALUES ('2026-11-27', 'A', 999)"
        )
    assert issue(hall)["number"] == "A1000"
    assert issue(hall)["number"] == "A1001"


@pytest.mark.parametrize(
    "zone, local_midnight_utc",
    [
        ("Asia/Shanghai", datetime(2026, 11, 27, 16, 0, tzinfo=UTC)),
        ("Asia/Urumqi", datetime(2026, 11, 27, 18, 0, tzinfo=UTC)),
        ("America/New_York", datetime(2026, 11, 28, 5, 0, tzinfo=UTC)),
        ("Pacific/Kiritimati", datetime(2026, 11, 27, 10, 0, tzinfo=UTC)),
    ],
)
def test_day_boundary_is_local_midnight_in_any_zone(tmp_path, zone, local_midnight_utc) -> None:
    clock = FakeClock(local_midnight_utc - timedelta(seconds=1))
    hall = make_hall(tmp_path / "h.db", clock, timezone=zone)
    before = issue(hall)
    issue(hall)
    clock.advance(seconds=1)
    after = issue(hall)
    assert before["number"] == "A001"
    assert after["number"] == "A001", "a new local day starts a new series"
    assert after["service_day"] > before["service_day"]
    hall.close()


def test_unknown_category_is_invalid(hall: Hall) -> None:
    with pytest.raises(Invalid) as err:
        issue(hall, "NOPE")
    assert "未知" in err.value.message_zh


def test_item_must_belong_to_category(hall: Hall) -> None:
    with pytest.raises(Invalid):
        issue(hall, "SB", item="GJJ-1")
    assert issue(hall, "SB", item="SB-1")["item"] == "SB-1"


def test_same_request_id_returns_the_same_ticket(hall: Hall) -> None:
    first = issue(hall, request_id="tap-1")
    again = issue(hall, request_id="tap-1")
    assert again["id"] == first["id"]
    assert issue(hall, request_id="tap-2")["number"] == "A002"
