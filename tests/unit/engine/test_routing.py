"""Call-next: green channel, then returning tickets, then category rank, then issue time."""

from __future__ import annotations

from kiosk.clock import FakeClock
from kiosk.domain import Outcome, Priority
from kiosk.engine.hall import Hall
from tests.helpers.hallfactory import at_window, issue


def call(hall: Hall, window: int, actor) -> str | None:
    t = hall.call_next(window, actor)
    return None if t is None else t["number"]


def serve_out(hall: Hall, window: int, actor) -> None:
    hall.finish(window, Outcome.COMPLETED, actor)


def test_rank_then_issue_time(hall: Hall, clock: FakeClock) -> None:
    issue(hall, "GJJ")  # B001 first in time, but window 1 ranks SB before GJJ
    clock.advance(1)
    issue(hall, "SB")
    clock.advance(1)
    issue(hall, "SB")
    w1 = at_window(hall, 1)
    order = []
    for _ in range(3):
        order.append(call(hall, 1, w1))
        serve_out(hall, 1, w1)
    assert order == ["A001", "A002", "B001"]
    assert call(hall, 1, w1) is None


def test_equal_rank_is_one_fifo(hall: Hall, clock: FakeClock) -> None:
    issue(hall, "GJJ")
    clock.advance(1)
    issue(hall, "SB")
    w3 = at_window(hall, 3)  # window 3 serves [["SB", "GJJ"]]: one shared rank
    assert call(hall, 3, w3) == "B001"


def test_green_channel_first(hall: Hall, clock: FakeClock) -> None:
    issue(hall, "SB")
    clock.advance(1)
    issue(hall, "GJJ", priority=Priority.GREEN)
    w1 = at_window(hall, 1)
    assert call(hall, 1, w1) == "B001"


def test_transfer_returns_ahead_of_new_tickets_keeping_issue_time(hall, clock) -> None:
    issue(hall, "SB")  # A001
    w1 = at_window(hall, 1)
    assert call(hall, 1, w1) == "A001"
    clock.advance(60)
    issue(hall, "GJJ")  # B001, newer
    transferred = hall.transfer(1, w1, to_category="GJJ", note="需办公积金")
    assert transferred["issued_at"] == "2026-11-27T01:00:00.000Z"
    assert transferred["status"] == "waiting" and transferred["category"] == "GJJ"
    w2 = at_window(hall, 2)
    got = hall.call_next(2, w2)
    assert got["number"] == "A001" and got["transfer_note"] == "需办公积金"


def test_transfer_to_a_window_only_that_window_calls_it(hall, clock) -> None:
    issue(hall, "SB")
    w1 = at_window(hall, 1)
    hall.call_next(1, w1)
    hall.transfer(1, w1, to_window=3)
    assert hall.call_next(1, w1) is None, "targeted at window 3, not back to window 1"
    w3 = at_window(hall, 3)
    assert call(hall, 3, w3) == "A001"


def test_requeue_goes_after_configured_number_of_waiting(hall, clock) -> None:
    issue(hall, "SB")  # A001 will miss its call
    w1 = at_window(hall, 1)
    assert call(hall, 1, w1) == "A001"
    for _ in range(5):
        clock.advance(1)
        issue(hall, "SB")  # A002..A006
    hall.no_show(1, w1)
    hall.requeue("A001")
    order = []
    for _ in range(6):
        order.append(call(hall, 1, w1))
        serve_out(hall, 1, w1)
    assert order == ["A002", "A003", "A004", "A001", "A005", "A006"]


def test_requeue_with_fewer_waiting_is_called_after_them(hall, clock) -> None:
    issue(hall, "SB")
    w1 = at_window(hall, 1)
    call(hall, 1, w1)
    clock.advance(1)
    issue(hall, "SB")
    hall.no_show(1, w1)
    hall.requeue("A001")
    assert call(hall, 1, w1) == "A002"
    serve_out(hall, 1, w1)
    assert call(hall, 1, w1) == "A001"


def test_checked_in_appointment_comes_before_walk_ins(hall, clock) -> None:
    issue(hall, "SB")
    appt = hall.book_appointment("SB", "2026-11-27T01:10:00Z")
    clock.advance(60)
    t, _ = hall.issue_ticket(appointment_code=appt["code"])
    assert t["source"] == "appointment"
    w1 = at_window(hall, 1)
    assert call(hall, 1, w1) == t["number"]


def test_call_next_ignores_other_days(hall, clock) -> None:
    issue(hall, "SB")
    clock.advance(hours=24)
    w1 = at_window(hall, 1)
    assert hall.call_next(1, w1) is None
