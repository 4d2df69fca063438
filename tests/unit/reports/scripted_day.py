"""One scripted service day whose report figures were worked out by hand (below, in the tests
that use it), driven through the real engine with a fake clock.

2026-11-27 (a Friday) in Shanghai; windows 1 (clerk 1001) and 2 (clerk 1002):
  09:00 A001 SB-1 issued        09:04 w1 calls A001 (waited 4 min), serves 10 min, completed
  09:01 A002 SB-2 issued        09:05 w2 calls B001 (waited 3 min), serves 20 min, 补正
  09:02 B001 GJJ-1 issued             missing 户口簿 and 照片
  09:10 a question "社保卡"      09:14 w1 calls A002 (waited 13 min): no-show
  09:30-10:15 w2 away for a meal (45 min)
  10:30 A003 SB-1 issued; the idle check flags window 1 (idle since 09:14, one waiting)
  10:31 w1 calls A003 (waited 1 min), serves 5 min, 补正 missing 户口簿
  10:40-10:50 w1 short leave (10 min)
Ratings: A001 5, B001 1 (opens a case against 1002), A003 4.
"""

from __future__ import annotations

from datetime import UTC, datetime

from kiosk.clock import FakeClock
from kiosk.domain import Outcome, PauseReason, RatingChannel
from kiosk.engine.base import Actor
from kiosk.engine.hall import Hall

DAY = "2026-11-27"


def at(hh: int, mm: int) -> datetime:
    """Shanghai wall-clock time on DAY, as UTC."""
    return datetime(2026, 11, 27, hh - 8, mm, tzinfo=UTC)


def play(hall: Hall, clock: FakeClock) -> dict[str, str]:
    kiosk = Actor(device="kiosk-1")
    w1, w2 = Actor(clerk="1001"), Actor(clerk="1002")
    desk = Actor(clerk="8001")
    clock.set(at(8, 55))
    hall.login("1001", "1234", 1)
    hall.login("1002", "1234", 2)
    hall.login("8001", "8888", None)
    hall.set_presence("on_duty", desk)
    ids: dict[str, str] = {}

    def issue(when: datetime, category: str, item: str) -> None:
        clock.set(when)
        t, _ = hall.issue_ticket(category, item, actor=kiosk)
        ids[t["number"]] = t["id"]

    issue(at(9, 0), "SB", "SB-1")
    issue(at(9, 1), "SB", "SB-2")
    issue(at(9, 2), "GJJ", "GJJ-1")
    clock.set(at(9, 4))
    assert hall.call_next(1, w1)["number"] == "A001"  # type: ignore[index]
    hall.start(1, w1)
    clock.set(at(9, 5))
    assert hall.call_next(2, w2)["number"] == "B001"  # type: ignore[index]
    hall.start(2, w2)
    clock.set(at(9, 10))
    hall.create_consultation("社保卡", "补办要带什么？", actor=kiosk)
    clock.set(at(9, 14))
    hall.finish(1, Outcome.COMPLETED, w1)
    hall.rate(ids["A001"], 5, RatingChannel.PAD, pad_window=1)
    assert hall.call_next(1, w1)["number"] == "A002"  # type: ignore[index]
    hall.no_show(1, w1)
    clock.set(at(9, 25))
    hall.finish(2, Outcome.CORRECTION, w2, missing_materials=["户口簿", "照片"])
    hall.rate(ids["B001"], 1, RatingChannel.PAD, pad_window=2)
    clock.set(at(9, 30))
    hall.pause(2, PauseReason.MEAL, w2)
    clock.set(at(10, 15))
    hall.resume(2, w2)
    issue(at(10, 30), "SB", "SB-1")
    assert hall.check_idle_windows() == [1]
    clock.set(at(10, 31))
    assert hall.call_next(1, w1)["number"] == "A003"  # type: ignore[index]
    hall.start(1, w1)
    clock.set(at(10, 36))
    hall.finish(1, Outcome.CORRECTION, w1, missing_materials=["户口簿"])
    hall.rate(ids["A003"], 4, RatingChannel.PAD, pad_window=1)
    clock.set(at(10, 40))
    hall.pause(1, PauseReason.SHORT_LEAVE, w1)
    clock.set(at(10, 50))
    hall.resume(1, w1)
    return ids
