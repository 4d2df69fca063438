"""The service report and the assessment against one day worked out by hand (scripted_day)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.engine.hall import Hall
from kiosk.errors import Invalid
from kiosk.reports.hall_figures import hall_figures
from kiosk.reports.kinds import build_report
from kiosk.reports.period import Period
from tests.helpers.hallfactory import make_hall, morning
from tests.unit.reports.scripted_day import DAY, play

TODAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def played(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hall]:
    """Played once for the module: the tests only read it."""
    clock = FakeClock(morning())
    hall = make_hall(tmp_path_factory.mktemp("day") / "hall.db", clock)
    play(hall, clock)
    yield hall
    hall.close()


def report(hall: Hall, kind: str, lang: str = "zh", period: Period | None = None):  # type: ignore[no-untyped-def]
    period = period or Period.day(TODAY)
    return build_report(hall.reader(), kind, period, lang, TODAY)


def test_summary_by_hand(played: Hall) -> None:
    row = report(played, "day").table("summary").rows[0]
    assert row == {
        "tickets": 4,
        "finished": 3,
        "no_shows": 1,
        "no_show_rate": 0.25,
        "wait_avg_s": 315.0,  # (240 + 180 + 780 + 60) / 4
        "handle_avg_s": 700.0,  # (600 + 1200 + 300) / 3
        "ratings": 3,
        "satisfaction": 0.666667,
        "corrections": 2,
        "consultations": 1,
    }


def test_summary_agrees_with_the_figures_the_center_is_checked_by(played: Hall) -> None:
    row = report(played, "day").table("summary").rows[0]
    figures = hall_figures(played, DAY, DAY)
    assert row["tickets"] == figures["tickets"]
    assert row["no_shows"] == figures["no_shows"]
    assert row["handle_avg_s"] == figures["handle_avg_s"]
    assert row["satisfaction"] == figures["satisfaction_rate"]
    assert row["consultations"] == figures["consultations"]


def test_hours_waits_and_items_by_hand(played: Hall) -> None:
    r = report(played, "day")
    assert r.table("by_hour").rows == [
        {"hour": "09:00", "tickets": 3, "wait_avg_s": 400.0},  # (240 + 180 + 780) / 3
        {"hour": "10:00", "tickets": 1, "wait_avg_s": 60.0},
    ]
    assert [(x["bucket"], x["tickets"], x["share"]) for x in r.table("waits").rows] == [
        ("0-5分钟", 3, 0.75),
        ("5-10分钟", 0, 0.0),
        ("10-15分钟", 1, 0.25),
        ("15-30分钟", 0, 0.0),
        ("30-60分钟", 0, 0.0),
        ("60分钟以上", 0, 0.0),
    ]
    assert r.table("items").rows == [
        {
            "item": "SB-1",
            "name": "社保卡补换",
            "finished": 2,
            "handle_avg_s": 450.0,
            "handle_max_s": 600.0,
            "corrections": 1,
            "correction_rate": 0.5,
        },
        {
            "item": "GJJ-1",
            "name": "公积金提取",
            "finished": 1,
            "handle_avg_s": 1200.0,
            "handle_max_s": 1200.0,
            "corrections": 1,
            "correction_rate": 1.0,
        },
    ]


def test_satisfaction_absences_corrections_by_hand(played: Hall) -> None:
    r = report(played, "day")
    assert r.table("windows").rows == [
        {"key": 1, "name": "1号窗", "ratings": 2, "mean": 4.5, "satisfaction": 1.0, "bad": 0},
        {"key": 2, "name": "2号窗", "ratings": 1, "mean": 1.0, "satisfaction": 0.0, "bad": 1},
    ]
    assert [(x["key"], x["name"], x["ratings"]) for x in r.table("clerks").rows] == [
        ("1001", "职员1", 2),
        ("1002", "职员2", 1),
    ]
    assert r.table("absences").rows == [
        {
            "reason": "meal",
            "name": "用餐",
            "count": 1,
            "minutes_s": 2700.0,
            "mean_s": 2700.0,
            "ongoing": 0,
        },
        {
            "reason": "short_leave",
            "name": "临时离开",
            "count": 1,
            "minutes_s": 600.0,
            "mean_s": 600.0,
            "ongoing": 0,
        },
    ]
    assert [(x["item"], x["corrections"]) for x in r.table("corrections").rows] == [
        ("GJJ-1", 1),
        ("SB-1", 1),
    ]
    assert [(x["item"], x["material"], x["times"]) for x in r.table("missing").rows] == [
        ("GJJ-1", "户口簿", 1),
        ("GJJ-1", "照片", 1),
        ("SB-1", "户口簿", 1),
    ]
    assert r.table("consultations").rows == [
        {"topic": "社保卡", "asked": 1, "resolved": 0, "referred": 0, "converted": 0, "open": 1}
    ]


def test_english_names(played: Hall) -> None:
    r = report(played, "day", lang="en")
    assert r.table("absences").rows[0]["name"] == "Meal"
    assert r.table("waits").rows[0]["bucket"] == "0-5 min"
    assert r.table("windows").rows[0]["name"] == "W1"


def test_clerk_assessment_by_hand(played: Hall) -> None:
    rows = report(played, "clerks").table("clerks").rows
    assert rows == [
        {
            "clerk": "1001",
            "name": "职员1",
            "served": 2,
            "handle_avg_s": 450.0,
            "ratings": 2,
            "satisfaction": 1.0,
            "bad": 0,
            "cases_closed": 0,
            "cases_excluded": 0,
            "cases_open": 0,
            "cases_overdue": 0,
            "absences": 1,
            "absence_s": 600.0,
            "idle_alerts": 1,
        },
        {
            "clerk": "1002",
            "name": "职员2",
            "served": 1,
            "handle_avg_s": 1200.0,
            "ratings": 1,
            "satisfaction": 0.0,
            "bad": 1,
            "cases_closed": 0,
            "cases_excluded": 0,
            "cases_open": 1,
            "cases_overdue": 0,
            "absences": 1,
            "absence_s": 2700.0,
            "idle_alerts": 0,
        },
    ]


def test_cases_report_and_overdue_later(played: Hall) -> None:
    r = report(played, "cases")
    (case,) = r.table("cases").rows
    assert (case["number"], case["level"], case["status"], case["overdue"]) == (
        "B001",
        1,
        "已登记",
        False,
    )
    assert case["deadline"] == "2026-12-04"  # 5 working days after Friday 27 November
    later = build_report(played.reader(), "cases", Period.day(TODAY), "zh", date(2026, 12, 7))
    assert later.table("cases").rows[0]["overdue"] is True
    assert later.table("cases_summary").rows[0] == {
        "opened": 1,
        "closed": 0,
        "excluded": 0,
        "open": 1,
        "overdue": 1,
        "followed_up": 0.0,
    }


def test_other_days_are_empty(played: Hall) -> None:
    r = report(played, "day", period=Period.day(date(2026, 11, 26)))
    assert r.table("summary").rows[0]["tickets"] == 0
    assert r.table("absences").rows == []
    assert r.table("consultations").rows == []


def test_periods() -> None:
    assert Period.week(date(2026, 11, 27)) == Period(date(2026, 11, 23), date(2026, 11, 29))
    assert Period.month(date(2026, 12, 15)) == Period(date(2026, 12, 1), date(2026, 12, 31))
    assert Period.month(date(2026, 3, 1)).previous_month() == Period.month(date(2026, 2, 3))
    with pytest.raises(Invalid):
        Period(date(2026, 11, 27), date(2026, 11, 26))
    with pytest.raises(Invalid):
        build_report(None, "nope", Period.day(TODAY), "zh", TODAY)  # type: ignore[arg-type]


def test_case_outcomes_follow_the_steps(tmp_path: Path) -> None:
    """B001's case walked to its close (valid: closed), then a second bad rating excluded as
    malicious by one supervisor and confirmed by another (excluded, then closed)."""
    from kiosk.domain import Outcome, RatingChannel
    from kiosk.engine.base import Actor
    from tests.helpers.hallfactory import config_dict

    second_boss = {"employee_no": "9002", "name": "副主管", "pin": "9999", "role": "supervisor"}
    clock = FakeClock(morning())
    hall = make_hall(tmp_path / "hall.db", clock, clerks=[*config_dict()["clerks"], second_boss])
    ids = play(hall, clock)
    boss, other = Actor(clerk="9001"), Actor(clerk="9002")
    (case,) = hall.cases(status="all")["cases"]
    hall.assign_case(case["id"], "9001", boss)
    hall.call_back_case(case["id"], True, "已联系", boss)
    hall.verify_case(case["id"], "valid", None, boss)
    hall.rectify_case(case["id"], "已培训", boss)
    hall.revisit_case(case["id"], True, "满意", boss)
    hall.close_case(case["id"], boss)
    w2 = Actor(clerk="1002")
    hall.issue_ticket("GJJ", "GJJ-1", actor=Actor(device="kiosk-1"))
    ticket = hall.call_next(2, w2)
    assert ticket is not None
    hall.start(2, w2)
    clock.advance(120)
    hall.finish(2, Outcome.COMPLETED, w2)
    hall.rate(ticket["id"], 1, RatingChannel.PAD, pad_window=2)
    second = next(c for c in hall.cases(status="open")["cases"] if c["ticket_id"] == ticket["id"])
    hall.assign_case(second["id"], "9001", boss)
    hall.call_back_case(second["id"], True, "已联系", boss)
    hall.verify_case(second["id"], "malicious", "恶意差评", boss)
    hall.confirm_exclusion(second["id"], True, other)
    hall.close_case(second["id"], other)
    assert ids["B001"]
    r = build_report(hall.reader(), "cases", Period.day(TODAY), "zh", TODAY)
    assert [
        (c["number"], c["outcome"], c["status"], c["on_time"]) for c in r.table("cases").rows
    ] == [
        ("B001", "closed", "已办结", True),
        ("B002", "excluded", "已办结", True),
    ]
    assert r.table("cases_summary").rows[0]["followed_up"] == 1.0
    clerks = build_report(hall.reader(), "clerks", Period.day(TODAY), "zh", TODAY)
    row = clerks.table("clerks").rows[1]
    assert (row["clerk"], row["bad"], row["cases_closed"], row["cases_excluded"]) == (
        "1002",
        2,
        1,
        1,
    )
    hall.close()


@pytest.mark.parametrize("day", [date(9999, 12, 31), date(1, 1, 1)])
def test_dates_at_the_ends_of_the_calendar_are_refused(played: Hall, day: date) -> None:
    """Not a crash deep in a time-zone conversion (a 500 from the server): a clear refusal."""
    with pytest.raises(Invalid):
        build_report(played.reader(), "day", Period(day, day), "zh", TODAY)
