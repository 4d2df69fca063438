"""Wait estimates that hold: no figure when nobody can call the ticket, paused windows from their
expected return, a range around the figure, and nothing read from after the moment of the
estimate."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path
from typing import Any

from kiosk.clock import FakeClock, iso
from kiosk.domain import Outcome, PauseReason
from kiosk.engine.hall import Hall
from kiosk.engine.queue.estimate import NO_WINDOW, estimate
from tests.helpers.hallfactory import at_window, issue, make_hall, morning


def fill(hall: Hall, n: int, category: str = "SB") -> dict[str, Any]:
    for _ in range(n - 1):
        issue(hall, category)
    return issue(hall, category)


def test_no_open_window_no_figure(tmp_path: Path) -> None:
    hall = make_hall(tmp_path / "hall.db", FakeClock(morning()))
    t = issue(hall, "SB")
    assert t["estimated_wait_s"] is None and t["estimate_reason"] == NO_WINDOW
    assert t["estimated_wait_range_s"] is None
    at_window(hall, 2)  # serves GJJ only: SB still has nobody to call it
    assert hall.ticket(t["id"])["estimated_wait_s"] is None
    tile = {c["code"]: c for c in hall.queue_snapshot()["categories"]}
    assert tile["SB"]["estimated_wait_s"] is None and tile["SB"]["estimate_reason"] == NO_WINDOW
    assert tile["GJJ"]["estimated_wait_s"] == 0 and tile["GJJ"]["estimate_reason"] is None
    at_window(hall, 1)
    view = hall.ticket(t["id"])
    assert view["estimated_wait_s"] == 0 and view["estimate_reason"] is None
    hall.close()


def test_only_window_paused_no_figure(tmp_path: Path) -> None:
    hall = make_hall(tmp_path / "hall.db", FakeClock(morning()))
    w1 = at_window(hall, 1)
    hall.pause(1, PauseReason.MEAL, w1)
    t = fill(hall, 3)
    assert t["ahead"] == 2
    assert t["estimated_wait_s"] is None and t["estimate_reason"] == NO_WINDOW
    hall.close()


def wait_with_window_1(tmp: Path, how: str) -> int:
    """The wait of the 12th SB ticket with window 3 open and window 1 `how`."""
    hall = make_hall(tmp / f"hall-{how}.db", FakeClock(morning()))
    at_window(hall, 3)
    if how != "closed":
        w1 = at_window(hall, 1)
        if how != "open":
            hall.pause(1, PauseReason(how), w1)
    t = fill(hall, 12)
    hall.close()
    assert t["estimated_wait_s"] is not None
    return int(t["estimated_wait_s"])


def test_paused_window_counts_from_its_return(tmp_path: Path) -> None:
    waits = {
        how: wait_with_window_1(tmp_path, how)
        for how in ("open", "short_leave", "meal", "training", "closed")
    }
    # back in 10 minutes helps more than back in 45, more than back in 2 hours, than never
    assert (
        waits["open"] < waits["short_leave"] < waits["meal"] < waits["training"] <= waits["closed"]
    ), waits


def test_pause_lengths_come_from_the_hall_config(tmp_path: Path) -> None:
    def wait(minutes: int) -> int:
        hall = make_hall(
            tmp_path / f"hall-{minutes}.db",
            FakeClock(morning()),
            typical_pause_minutes={"meal": minutes},
        )
        at_window(hall, 3)
        hall.pause(1, PauseReason.MEAL, at_window(hall, 1))
        t = fill(hall, 12)
        hall.close()
        return int(t["estimated_wait_s"])

    assert wait(5) < wait(45)


def test_range_around_the_figure(tmp_path: Path) -> None:
    hall = make_hall(tmp_path / "hall.db", FakeClock(morning()))
    at_window(hall, 1)
    t = fill(hall, 15)
    low, high = t["estimated_wait_range_s"]
    assert 0 <= low < t["estimated_wait_s"] < high
    hall.close()


def test_estimate_never_reads_the_future(tmp_path: Path) -> None:
    """A store holding services that finished after the moment of the estimate gives the
    same estimate at that moment as the store that did not have them yet: the estimator reads
    the store as of `now` only."""
    clock = FakeClock(morning())
    hall = make_hall(tmp_path / "hall.db", clock)
    w1 = at_window(hall, 1)
    for _ in range(6):  # some history: six SB services of about four minutes
        issue(hall, "SB")
        hall.call_next(1, w1)
        clock.advance(240)
        hall.finish(1, Outcome.COMPLETED, w1)
    waiting = fill(hall, 8)
    now = clock.now()
    hall.close()
    later = tmp_path / "later.db"
    shutil.copyfile(tmp_path / "hall.db", later)
    before = Hall(tmp_path / "hall.db", FakeClock(now))
    after = Hall(later, FakeClock(now))
    with after.exclusive() as conn:  # what the next hours will add: long services
        future = now + timedelta(hours=2)
        for i in range(30):
            at = iso(future + timedelta(minutes=i))
            conn.execute(
                "INSERT INTO tickets (id, number, prefix, seq_no, service_day, category,"
                " priority, source, status, tier, sort_at, issued_at, called_at, started_at,"
                " finished_at, handle_s, window_no) VALUES (?, ?, 'A', ?, ?, 'SB', 'normal',"
                " 'walk_in', 'done', 2, ?, ?, ?, ?, ?, 3600, 2)",
                (f"future-{i}", f"A{900 + i}", 900 + i, waiting["service_day"], at, at, at, at, at),
            )

    def at_now(hall: Hall) -> tuple[Any, ...]:
        conn = hall.reader()
        row = conn.execute("SELECT * FROM tickets WHERE id = ?", (waiting["id"],)).fetchone()
        est = estimate(hall.settings, conn, row, now)
        return est.ahead, est.wait_s, est.low_s, est.high_s

    try:
        assert at_now(after) == at_now(before)
        assert at_now(before)[1] == waiting["estimated_wait_s"]
    finally:
        before.close()
        after.close()


def test_a_pause_with_its_own_expected_return_counts_from_it(tmp_path: Path) -> None:
    """A pause's own expected return (the clerk's or a supervisor's, 预计…恢复) wins over the
    reason's typical length."""
    clock = FakeClock(morning())
    hall = make_hall(tmp_path / "hall.db", clock)
    at_window(hall, 3)
    back = iso(clock.now() + timedelta(minutes=5))
    hall.pause(1, PauseReason.TRAINING, at_window(hall, 1), expected_back=back)
    t = fill(hall, 12)
    soon = hall.ticket(t["id"])["estimated_wait_s"]
    hall.close()
    typical = FakeClock(morning())
    other = make_hall(tmp_path / "typical.db", typical)
    at_window(other, 3)
    other.pause(1, PauseReason.TRAINING, at_window(other, 1))  # typically two hours
    late = other.ticket(fill(other, 12)["id"])["estimated_wait_s"]
    other.close()
    assert soon < late
    assert abs(soon - wait_with_window_1(tmp_path, "short_leave")) <= 300
