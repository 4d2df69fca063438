"""The monthly window ranking: ordered by satisfaction, bottom fifth flagged when it was there the
month before as well. Two months played through the engine, the order worked out by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime

from kiosk.clock import FakeClock
from kiosk.domain import Outcome, RatingChannel
from kiosk.engine.base import Actor
from kiosk.engine.hall import Hall
from kiosk.reports.kinds import build_report
from kiosk.reports.period import Period


def serve(hall: Hall, clock: FakeClock, when: datetime, window: int, level: int) -> None:
    clock.set(when)
    actor = Actor(clerk=f"100{window}")
    hall.login(f"100{window}", "1234", window)
    hall.issue_ticket("GJJ", "GJJ-1", actor=Actor(device="kiosk-1"))
    ticket = hall.call_next(window, actor)
    assert ticket is not None
    hall.start(window, actor)
    clock.advance(300)
    hall.finish(window, Outcome.COMPLETED, actor)
    hall.rate(ticket["id"], level, RatingChannel.PAD, pad_window=window)


def test_two_months_running_in_the_bottom_group(hall: Hall, clock: FakeClock) -> None:
    october = datetime(2026, 10, 14, 2, 0, tzinfo=UTC)
    november = datetime(2026, 11, 11, 2, 0, tzinfo=UTC)
    # October: window 1 rated 5, window 2 rated 4, window 3 rated 1 -> 3 is last
    for minute, (window, level) in enumerate(((1, 5), (2, 4), (3, 1))):
        serve(hall, clock, october.replace(minute=minute * 10), window, level)
    # November: 1 rated 5 and 4, 2 rated 2, 3 rated 1 -> 2 and 3 both unsatisfied; 3's
    # mean level (1) is below 2's (2): 3 is last again
    for minute, (window, level) in enumerate(((1, 5), (1, 4), (2, 2), (3, 1))):
        serve(hall, clock, november.replace(minute=minute * 10), window, level)
    report = build_report(
        hall.reader(),
        "ranking",
        Period(date(2026, 11, 1), date(2026, 11, 30)),
        "zh",
        date(2026, 12, 1),
    )
    rows = report.table("ranking").rows
    assert [
        (r["window_no"], r["rank"], r["prev_rank"], r["bottom"], r["flagged"]) for r in rows
    ] == [
        (1, 1, 1, False, False),
        (2, 2, 2, False, False),
        (3, 3, 3, True, True),
    ]
    assert rows[0]["satisfaction"] == 1.0 and rows[0]["mean"] == 4.5 and rows[0]["served"] == 2
    assert report.start == date(2026, 11, 1) and report.table("ranking").zh == "2026年11月窗口排名"


def test_first_month_flags_nobody(hall: Hall, clock: FakeClock) -> None:
    november = datetime(2026, 11, 11, 2, 0, tzinfo=UTC)
    for minute, (window, level) in enumerate(((1, 5), (3, 1))):
        serve(hall, clock, november.replace(minute=minute * 10), window, level)
    rows = (
        build_report(
            hall.reader(), "ranking", Period.day(date(2026, 11, 20)), "en", date(2026, 12, 1)
        )
        .table("ranking")
        .rows
    )
    assert [(r["window_no"], r["bottom"], r["flagged"], r["name"]) for r in rows] == [
        (1, False, False, "W1"),
        (3, True, False, "W3"),
    ]
