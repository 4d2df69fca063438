"""Calling a number, recall limits, no-show, start, finish, pause, sessions and day close."""

from __future__ import annotations

import pytest

from kiosk.domain import Outcome, PauseReason
from kiosk.engine.base import Actor
from kiosk.errors import Conflict, Forbidden, Invalid
from tests.helpers.hallfactory import at_window, issue


def test_a_window_with_an_active_ticket_cannot_call_another(hall) -> None:
    issue(hall)
    issue(hall)
    w1 = at_window(hall, 1)
    hall.call_next(1, w1)
    with pytest.raises(Conflict):
        hall.call_next(1, w1)
    with pytest.raises(Conflict):
        hall.call_number(1, "A002", w1)


def test_call_a_specific_number(hall) -> None:
    issue(hall)
    issue(hall)
    w1 = at_window(hall, 1)
    assert hall.call_number(1, "a002", w1)["number"] == "A002"
    hall.finish(1, Outcome.COMPLETED, w1)
    with pytest.raises(Conflict):
        hall.call_number(1, "A002", w1)  # no longer waiting


def test_recall_up_to_the_maximum_then_no_show(hall) -> None:
    issue(hall)
    w1 = at_window(hall, 1)
    hall.call_next(1, w1)
    counts = [hall.recall(1, w1)["recall_count"] for _ in range(3)]
    assert counts == [1, 2, 3]
    with pytest.raises(Conflict) as err:
        hall.recall(1, w1)
    assert "过号" in err.value.message_zh
    assert hall.no_show(1, w1)["status"] == "no_show"
    assert hall.call_next(1, w1) is None


def test_requeue_only_a_same_day_no_show(hall, clock) -> None:
    t = issue(hall)
    with pytest.raises(Conflict):
        hall.requeue(t["id"])
    w1 = at_window(hall, 1)
    hall.call_next(1, w1)
    hall.no_show(1, w1)
    clock.advance(hours=24)
    with pytest.raises(Conflict):
        hall.requeue(t["id"])


def test_start_and_finish_measure_times(hall, clock) -> None:
    issue(hall)
    clock.advance(120)
    w1 = at_window(hall, 1)
    called = hall.call_next(1, w1)
    assert called["wait_s"] == 120
    clock.advance(30)
    hall.start(1, w1)
    with pytest.raises(Conflict):
        hall.no_show(1, w1)
    clock.advance(300)
    done = hall.finish(1, Outcome.ACCEPTED, w1, note="已受理")
    assert done["status"] == "done" and done["handle_s"] == 300 and done["outcome"] == "accepted"


def test_correction_needs_missing_materials_and_rejection_a_reason(hall) -> None:
    issue(hall)
    w1 = at_window(hall, 1)
    hall.call_next(1, w1)
    with pytest.raises(Invalid):
        hall.finish(1, Outcome.CORRECTION, w1)
    with pytest.raises(Invalid):
        hall.finish(1, Outcome.REJECTED, w1)
    done = hall.finish(1, Outcome.CORRECTION, w1, missing_materials=["户口簿"])
    assert done["missing_materials"] == ["户口簿"]


def test_transfer_needs_exactly_one_target(hall) -> None:
    issue(hall)
    w1 = at_window(hall, 1)
    hall.call_next(1, w1)
    with pytest.raises(Invalid):
        hall.transfer(1, w1)
    with pytest.raises(Invalid):
        hall.transfer(1, w1, to_category="GJJ", to_window=2)
    with pytest.raises(Invalid):
        hall.transfer(1, w1, to_window=1)


def test_pause_with_reason_records_an_absence(hall, clock) -> None:
    w1 = at_window(hall, 1)
    with pytest.raises(Invalid):
        hall.pause(1, PauseReason.OTHER, w1)
    hall.pause(1, PauseReason.MEAL, w1)
    issue(hall)
    with pytest.raises(Conflict):
        hall.call_next(1, w1)
    clock.advance(minutes=25)
    resumed = hall.resume(1, w1)
    assert resumed["duration_s"] == 25 * 60
    row = hall.reader().execute("SELECT * FROM absences").fetchone()
    assert row["reason"] == "meal" and row["ended_at"] is not None
    assert hall.call_next(1, w1)["number"] == "A001"


def test_cannot_pause_while_serving(hall) -> None:
    issue(hall)
    w1 = at_window(hall, 1)
    hall.call_next(1, w1)
    with pytest.raises(Conflict):
        hall.pause(1, PauseReason.MEETING, w1)


def test_one_clerk_per_window(hall) -> None:
    at_window(hall, 1)
    with pytest.raises(Conflict):
        hall.login("1002", "1234", 1)


def test_clerk_moving_window_leaves_the_old_one(hall) -> None:
    at_window(hall, 1)
    hall.login("1001", "1234", 2)
    windows = {w["no"]: w for w in hall.queue_snapshot()["windows"]}
    assert windows[1]["status"] == "closed" and windows[2]["clerk"] == "1001"


def test_only_the_signed_in_clerk_acts(hall) -> None:
    issue(hall)
    at_window(hall, 1)
    with pytest.raises(Forbidden):
        hall.call_next(1, Actor(clerk="1002"))


def test_day_close_cancels_open_tickets_and_closes_windows(hall, clock) -> None:
    issue(hall)
    issue(hall)
    w1 = at_window(hall, 1)
    hall.call_next(1, w1)
    at_window(hall, 2)
    hall.pause(2, PauseReason.TRAINING, Actor(clerk="1002"))
    result = hall.close_day()
    assert result["cancelled"] == 2 and result["closed_windows"] == [1, 2]
    statuses = {r[0] for r in hall.reader().execute("SELECT status FROM tickets")}
    assert statuses == {"cancelled"}
    assert all(w["status"] == "closed" for w in hall.queue_snapshot()["windows"])
    assert hall.reader().execute("SELECT ended_at FROM absences").fetchone()[0] is not None
    with pytest.raises(Conflict):
        issue(hall)
    clock.advance(hours=24)
    assert issue(hall)["number"] == "A001"


def test_day_closes_by_itself_at_the_configured_time(hall, clock) -> None:
    issue(hall)
    assert hall.close_day_if_due() is False
    clock.advance(hours=8, minutes=30)  # 17:30 Shanghai
    assert hall.close_day_if_due() is True
    assert hall.close_day_if_due() is False
