"""Opening hours with the calendar: weekends, holidays, make-up days, the lunch break and the
issuing stop, through the engine on the fake clock; and trial mode (always open)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from kiosk.calendar import load_calendar
from kiosk.catalog.issuing import IssuingRules
from kiosk.engine.hall import Hall
from kiosk.engine.issuing.opening import hours_text, issuing_verdict
from kiosk.errors import Conflict
from tests.helpers.hallfactory import issue
from tests.unit.issuing.conftest import RULES, SHANGHAI, local

MakeHall = Callable[..., Hall]


def refused(hall: Hall, category: str = "SB") -> Conflict:
    with pytest.raises(Conflict) as err:
        issue(hall, category)
    return err.value


def test_saturday_afternoon_is_refused_with_when_it_opens(make_rules_hall: MakeHall) -> None:
    """What the issue found: a ticket at 16:45 on a Saturday. Now a 409 says why and when."""
    hall = make_rules_hall(local(2026, 11, 28, 16, 45))  # Saturday
    err = refused(hall)
    assert err.extra["reason"] == "closed_day"
    assert "今天大厅不办公" in err.message_zh
    assert "11月30日（周一）09:00起取号" in err.message_zh
    assert err.extra["reopens_at"] == "2026-11-30T01:00:00.000Z"
    assert not [e for e in hall.events_after(0, 1000) if e.type == "ticket.issued"]


def test_the_day_runs_from_opening_to_the_issuing_stop(make_rules_hall: MakeHall) -> None:
    hall = make_rules_hall(local(2026, 11, 27, 8, 59))  # Friday
    err = refused(hall)
    assert (err.extra["reason"], "今天09:00起取号" in err.message_zh) == ("before_open", True)
    hall.clock.set(local(2026, 11, 27, 9, 0))  # type: ignore[attr-defined]
    assert issue(hall)["number"] == "A001"
    hall.clock.set(local(2026, 11, 27, 11, 30))  # type: ignore[attr-defined]
    err = refused(hall)  # 30 minutes before the lunch break
    assert err.extra["reason"] == "break" and "今天13:30起取号" in err.message_zh
    hall.clock.set(local(2026, 11, 27, 16, 59))  # type: ignore[attr-defined]
    assert issue(hall)["number"] == "A002"
    hall.clock.set(local(2026, 11, 27, 17, 0))  # type: ignore[attr-defined]
    err = refused(hall)
    assert err.extra["reason"] == "stopped"
    assert "今日已停止取号（17:00停止）" in err.message_zh
    assert "11月30日（周一）09:00起取号" in err.message_zh  # Friday: next is Monday


def test_a_category_with_its_own_stop_issues_until_closing(make_rules_hall: MakeHall) -> None:
    hall = make_rules_hall(local(2026, 11, 27, 17, 15))
    refused(hall, "SB")
    assert issue(hall, "ZX")["number"] == "Z001"


def test_a_public_holiday_is_closed_and_names_itself(make_rules_hall: MakeHall) -> None:
    hall = make_rules_hall(local(2026, 10, 2, 10, 0))  # a Friday in the National Day week
    err = refused(hall)
    assert err.extra["reason"] == "holiday"
    assert "国庆节假期，大厅不办公" in err.message_zh
    assert "10月8日（周四）09:00起取号" in err.message_zh


def test_a_make_up_working_day_opens_with_monday_hours(make_rules_hall: MakeHall) -> None:
    hall = make_rules_hall(local(2026, 10, 10, 10, 0))  # Saturday, worked instead (调休)
    assert issue(hall)["number"] == "A001"
    hall.clock.set(local(2026, 10, 11, 10, 0))  # type: ignore[attr-defined]  # Sunday after
    assert refused(hall).extra["reason"] == "closed_day"


def test_the_day_before_a_make_up_day_points_to_it(make_rules_hall: MakeHall) -> None:
    hall = make_rules_hall(local(2026, 9, 18, 17, 20))  # Friday; Sunday 20 Sep is worked
    assert "9月20日（周日）09:00起取号" in refused(hall).message_zh


def test_trial_mode_lifts_the_hours_but_not_the_quota(make_rules_hall: MakeHall) -> None:
    hall = make_rules_hall(local(2026, 11, 28, 22, 0))  # Saturday night
    hall.always_open = True
    for _ in range(3):
        issue(hall)
    assert refused(hall).extra["reason"] == "quota"
    status = hall.issuing_status()
    assert status["always_open"] is True
    sb = next(c for c in status["categories"] if c["category"] == "SB")
    assert (sb["open"], sb["left"], sb["reason"]) == (False, 0, "quota")
    zx = next(c for c in status["categories"] if c["category"] == "ZX")
    assert (zx["open"], zx["left"]) == (True, None)
    hall.close_day()  # a supervisor's close by hand holds even in trial mode
    assert "今日已停止取号" in refused(hall, "ZX").message_zh


def test_a_hall_without_hours_issues_any_time(make_rules_hall: MakeHall) -> None:
    hall = make_rules_hall(local(2026, 11, 29, 3, 0), rules={})  # Sunday 03:00
    assert issue(hall)["number"] == "A001"
    assert hall.issuing_status()["open"] is True


def test_the_status_says_what_the_kiosk_shows(make_rules_hall: MakeHall) -> None:
    hall = make_rules_hall(local(2026, 11, 27, 10, 0))
    issue(hall)
    status = hall.issuing_status()
    assert status["hours_zh"] == "周一至周五 09:00-12:00 13:30-17:30（法定节假日除外）"
    sb = next(c for c in status["categories"] if c["category"] == "SB")
    assert (sb["open"], sb["left"], sb["quota"], sb["realname"]) == (True, 2, 3, "allowed")
    assert sb["message_zh"] == "今天11:30停止取号"
    gjj = next(c for c in status["categories"] if c["category"] == "GJJ")
    assert (gjj["left"], gjj["realname"]) == (1, "required")  # morning 2, half kept for bookings


def test_verdicts_over_a_whole_week_follow_the_calendar() -> None:
    rules = IssuingRules.model_validate(RULES)
    calendar = load_calendar([])
    opened = [
        issuing_verdict(rules, calendar, "SB", local(2026, 9, d, 10, 0), SHANGHAI).open
        for d in range(14, 21)  # Mon 14 Sep .. Sun 20 Sep (a make-up day)
    ]
    assert opened == [True, True, True, True, True, False, True]
    assert date(2026, 9, 20).weekday() == 6


def test_hours_text_groups_equal_days() -> None:
    rules = IssuingRules.model_validate(
        {
            "hours": {
                "week": {
                    "mon": [{"open": "09:00", "close": "17:00"}],
                    "tue": [{"open": "09:00", "close": "17:00"}],
                    "sat": [{"open": "09:00", "close": "12:00"}],
                }
            }
        }
    )
    assert hours_text(rules.hours) == (
        "周一至周二 09:00-17:00；周六 09:00-12:00（法定节假日除外）",
        "Mon-Tue 09:00-17:00; Sat 09:00-12:00 (except holidays)",
    )
