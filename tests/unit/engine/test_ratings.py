"""Ratings: one per finished service, bad ones open a case with a working-day deadline."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk.clock import FakeClock
from kiosk.domain import Outcome, RatingChannel, RatingTag
from kiosk.errors import Conflict, Forbidden
from tests.helpers.hallfactory import at_window, issue, make_hall


def served(hall) -> dict:
    t = issue(hall)
    w1 = at_window(hall, 1)
    hall.call_next(1, w1)
    return {"ticket": t, "actor": w1}


def test_rating_only_after_finish_and_only_once(hall) -> None:
    s = served(hall)
    tid = s["ticket"]["id"]
    with pytest.raises(Conflict):
        hall.rate(tid, 5, RatingChannel.PAD, pad_window=1)
    hall.finish(1, Outcome.COMPLETED, s["actor"])
    hall.rate(tid, 5, RatingChannel.PAD, pad_window=1)
    with pytest.raises(Conflict):
        hall.rate(tid, 4, RatingChannel.PHONE)
    assert hall.ticket(tid)["rating"] == 5


def test_bad_rating_opens_a_case_due_in_working_days(hall) -> None:
    s = served(hall)
    hall.finish(1, Outcome.COMPLETED, s["actor"])
    hall.rate(
        s["ticket"]["id"], 2, RatingChannel.PAD, tags=[RatingTag.EXTRA_MATERIALS], pad_window=1
    )
    case = hall.reader().execute("SELECT * FROM cases").fetchone()
    assert case["level"] == 2 and case["window_no"] == 1 and case["clerk"] == "1001"
    assert case["deadline"] == "2026-12-04"  # Friday + 5 working days


def test_case_deadline_skips_the_national_day_holiday_and_counts_its_makeup_day(
    db_path, tmp_path
) -> None:
    # Tuesday 29 September 2026: 5 working days are 30 Sep, 8, 9, 10 (a Saturday worked
    # instead, 调休) and 12 October; Monday-Friday counting would say 6 October, mid-holiday.
    clock = FakeClock(datetime(2026, 9, 29, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    hall = make_hall(db_path, clock)
    try:
        s = served(hall)
        hall.finish(1, Outcome.COMPLETED, s["actor"])
        hall.rate(s["ticket"]["id"], 1, RatingChannel.PAD, pad_window=1)
        case = hall.reader().execute("SELECT deadline FROM cases").fetchone()
        assert case["deadline"] == "2026-10-12"
    finally:
        hall.close()


def test_no_rating_in_seven_days_counts_as_basically_satisfied(hall, clock) -> None:
    s = served(hall)
    hall.finish(1, Outcome.COMPLETED, s["actor"])
    clock.advance(days=6)
    assert hall.apply_default_ratings() == 0
    clock.advance(days=1, seconds=1)
    assert hall.apply_default_ratings() == 1
    row = hall.reader().execute("SELECT level, channel FROM ratings").fetchone()
    assert tuple(row) == (3, "default")


def test_a_pad_rates_only_its_windows_last_service_for_a_few_minutes(hall, clock) -> None:
    older = served(hall)
    hall.finish(1, Outcome.COMPLETED, older["actor"])
    newest = served(hall)
    hall.finish(1, Outcome.COMPLETED, newest["actor"])
    with pytest.raises(Forbidden):  # a pad registered nowhere
        hall.rate(newest["ticket"]["id"], 5, RatingChannel.PAD)
    with pytest.raises(Forbidden):  # another window's pad
        hall.rate(newest["ticket"]["id"], 1, RatingChannel.PAD, pad_window=2)
    with pytest.raises(Conflict):  # the next citizen has been served since
        hall.rate(older["ticket"]["id"], 1, RatingChannel.PAD, pad_window=1)
    clock.advance(minutes=hall.config.pad_rating_minutes, seconds=1)
    with pytest.raises(Conflict):  # too late for the pad; the link still may
        hall.rate(newest["ticket"]["id"], 1, RatingChannel.PAD, pad_window=1)
    assert hall.reader().execute("SELECT COUNT(*) FROM ratings").fetchone()[0] == 0
    hall.rate(newest["ticket"]["id"], 4, RatingChannel.PHONE)


def test_the_pads_minutes_come_from_the_hall_config(db_path, clock) -> None:
    from tests.helpers.hallfactory import make_hall

    hall = make_hall(db_path, clock, pad_rating_minutes=2)
    try:
        s = served(hall)
        hall.finish(1, Outcome.COMPLETED, s["actor"])
        clock.advance(minutes=2, seconds=1)
        with pytest.raises(Conflict, match="2 minutes"):
            hall.rate(s["ticket"]["id"], 5, RatingChannel.PAD, pad_window=1)
    finally:
        hall.close()
