"""Daily quotas (放号量): whole-day and split, the share kept for bookings, a supervisor's change
for today, and the kept counts surviving a rebuild."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kiosk.engine.base import Actor
from kiosk.engine.hall import Hall, projection_dump, rebuild
from kiosk.errors import Conflict, Invalid
from tests.helpers.hallfactory import issue
from tests.unit.issuing.conftest import local, person

MakeHall = Callable[..., Hall]
SUPERVISOR = Actor(device="dashboard", clerk="9001")


def left(hall: Hall, category: str) -> int | None:
    status = hall.issuing_status()
    value: int | None = next(c for c in status["categories"] if c["category"] == category)["left"]
    return value


def test_a_daily_quota_counts_down_and_then_refuses(make_rules_hall: MakeHall) -> None:
    hall = make_rules_hall(local(2026, 11, 27, 9, 30))
    assert left(hall, "SB") == 3
    numbers = [issue(hall)["number"] for _ in range(3)]
    assert numbers == ["A001", "A002", "A003"] and left(hall, "SB") == 0
    with pytest.raises(Conflict) as err:
        issue(hall)
    assert err.value.extra["reason"] == "quota"
    assert err.value.message_zh == "今日号已取完，请明天再来或网上预约"
    hall.clock.set(local(2026, 11, 30, 9, 30))  # type: ignore[attr-defined]  # Monday
    assert issue(hall)["number"] == "A001" and left(hall, "SB") == 2


def test_a_split_quota_keeps_the_afternoon_and_a_booking_share(make_rules_hall: MakeHall) -> None:
    """GJJ: morning 2, afternoon 1, half kept for bookings: one walk-in in the morning."""
    hall = make_rules_hall(local(2026, 11, 27, 9, 0))
    assert issue(hall, "GJJ", id_number=person(1))["number"] == "B001"
    with pytest.raises(Conflict) as err:
        issue(hall, "GJJ", id_number=person(2))
    assert err.value.extra["reason"] == "quota_morning"
    assert "今天12:00起可取下午的号" in err.value.message_zh
    # a booking checks in even though walk-ins are spent: its place was kept
    appt = hall.book_appointment("GJJ", "2026-11-27T09:30:00+08:00", actor=SUPERVISOR)
    checked_in = issue(hall, appointment_code=appt["code"])
    assert checked_in["source"] == "appointment"
    hall.clock.set(local(2026, 11, 27, 13, 30))  # type: ignore[attr-defined]
    assert left(hall, "GJJ") == 1  # afternoon 1, round(0.5) kept = 0
    issue(hall, "GJJ", id_number=person(2))
    assert left(hall, "GJJ") == 0


def test_bookings_beyond_their_share_take_from_the_walk_ins(make_rules_hall: MakeHall) -> None:
    rules = {"categories": {"SB": {"daily": 4, "booking_share": 0.25}}}
    hall = make_rules_hall(local(2026, 11, 27, 9, 0), rules=rules)
    assert left(hall, "SB") == 3
    for hhmm in ("09:00", "09:15"):
        code = hall.book_appointment("SB", f"2026-11-27T{hhmm}:00+08:00", actor=SUPERVISOR)["code"]
        issue(hall, appointment_code=code)
    assert left(hall, "SB") == 2  # two bookings in, one of them beyond the kept share


def test_a_supervisor_changes_today_only_and_it_is_an_event(make_rules_hall: MakeHall) -> None:
    hall = make_rules_hall(local(2026, 11, 27, 10, 0))
    for _ in range(3):
        issue(hall)
    hall.change_quota_today("SB", daily=5, actor=SUPERVISOR)
    assert left(hall, "SB") == 2
    issue(hall)
    changed = [e for e in hall.events_after(0) if e.type == "quota.changed"]
    assert [(e.actor, e.payload["daily"], e.payload["service_day"]) for e in changed] == [
        ("9001", 5, "2026-11-27")
    ]
    hall.clock.set(local(2026, 11, 30, 10, 0))  # type: ignore[attr-defined]
    assert left(hall, "SB") == 3  # the config's figure again
    with pytest.raises(Invalid):
        hall.change_quota_today("SB", morning=3, actor=SUPERVISOR)
    with pytest.raises(Invalid):
        hall.change_quota_today("NOPE", daily=3, actor=SUPERVISOR)


def test_the_kept_counts_are_what_a_rebuild_makes(make_rules_hall: MakeHall) -> None:
    hall = make_rules_hall(local(2026, 11, 27, 9, 0))
    issue(hall)
    issue(hall, "GJJ", id_number=person(1))
    hall.clock.set(local(2026, 11, 27, 14, 0))  # type: ignore[attr-defined]
    issue(hall, "GJJ", id_number=person(2))
    hall.change_quota_today("SB", daily=10, actor=SUPERVISOR)
    before = projection_dump(hall)
    assert len(before["issue_counts"]) == 3 and len(before["quota_overrides"]) == 1
    rebuild(hall)
    assert projection_dump(hall) == before
