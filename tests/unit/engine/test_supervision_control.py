"""Alerts raised by the duties on a fake clock (a long wait, a pause over its reason's limit,
acknowledgement, one alert per subject) and a supervisor's window control: remote pause with an
expected return, sign-out, and 潮汐窗口 routing at once and ending by itself."""

from __future__ import annotations

import json
from typing import Any

import pytest

from kiosk.clock import FakeClock
from kiosk.domain import Outcome, PauseReason
from kiosk.engine.base import Actor
from kiosk.engine.hall import Hall, projection_dump, rebuild
from kiosk.errors import Conflict, Invalid, NotFound
from kiosk.staffing import windows_needed
from tests.helpers.hallfactory import at_window, issue, make_hall

BOSS = Actor(clerk="9001")


def alert_rows(hall: Hall, kind: str) -> list[dict[str, Any]]:
    rows = hall.reader().execute("SELECT * FROM alerts WHERE kind = ? ORDER BY seq", (kind,))
    return [{**dict(r), "details": json.loads(r["details"])} for r in rows]


def test_a_long_wait_is_raised_once_and_resolved_when_served(hall: Hall, clock: FakeClock) -> None:
    w1 = at_window(hall, 1)
    issue(hall, "SB")
    clock.advance(minutes=15)
    assert hall.check_waits() == []  # 15 minutes is the threshold, not over it
    clock.advance(seconds=1)
    assert hall.check_waits() == ["SB"]
    clock.advance(minutes=10)
    assert hall.check_waits() == []
    (raised,) = alert_rows(hall, "long_wait")
    assert raised["subject"] == "category:SB:wait" and raised["state"] == "open"
    assert raised["details"]["longest_wait_s"] == 901 and raised["details"]["threshold_min"] == 15
    hall.call_next(1, w1)
    assert hall.check_waits() == []
    assert alert_rows(hall, "long_wait")[0]["state"] == "resolved"


def test_the_threshold_comes_from_the_hall_config(tmp_path: Any, clock: FakeClock) -> None:
    hall = make_hall(tmp_path / "h.db", clock, supervision={"wait_alert_minutes": 5})
    try:
        issue(hall, "GJJ")
        clock.advance(minutes=6)
        assert hall.check_waits() == ["GJJ"]
    finally:
        hall.close()


def test_a_pause_over_its_reason_limit_is_flagged_until_the_window_resumes(
    hall: Hall, clock: FakeClock
) -> None:
    w1 = at_window(hall, 1)
    hall.pause(1, PauseReason.SHORT_LEAVE, w1, expected_back="09:10")
    clock.advance(minutes=15)
    assert hall.check_pauses() == []
    clock.advance(minutes=1)
    assert hall.check_pauses() == [1]
    assert hall.check_pauses() == []
    (raised,) = alert_rows(hall, "pause_overrun")
    assert raised["details"]["reason"] == "short_leave" and raised["details"]["limit_min"] == 15
    assert raised["details"]["expected_back"] == "2026-11-27T01:10:00.000Z"
    hall.resume(1, w1)
    assert hall.check_pauses() == []
    assert alert_rows(hall, "pause_overrun")[0]["state"] == "resolved"
    # a meal may last 45 minutes
    hall.pause(1, PauseReason.MEAL, w1)
    clock.advance(minutes=40)
    assert hall.check_pauses() == []


def test_acknowledging_takes_a_note_once(hall: Hall, clock: FakeClock) -> None:
    issue(hall, "SB")
    clock.advance(minutes=20)
    hall.check_waits()
    (raised,) = alert_rows(hall, "long_wait")
    with pytest.raises(Invalid):
        hall.acknowledge_alert(raised["seq"], "  ", BOSS)
    seen = hall.acknowledge_alert(raised["seq"], "已安排3号窗口支援", BOSS)
    assert seen["state"] == "acknowledged" and seen["acknowledged_by"] == "9001"
    assert seen["note"] == "已安排3号窗口支援"
    with pytest.raises(Conflict):
        hall.acknowledge_alert(raised["seq"], "again", BOSS)
    with pytest.raises(NotFound):
        hall.acknowledge_alert(999_999, "x", BOSS)
    # acknowledged, the situation goes on: nothing new is raised about it
    clock.advance(minutes=30)
    assert hall.check_waits() == []
    listed = hall.alerts("all")["alerts"]
    assert [a["kind"] for a in listed] == ["long_wait"]
    assert hall.alerts()["alerts"] == []  # none open


def test_a_printer_failing_again_counts_on_its_open_alert(hall: Hall) -> None:
    kiosk = Actor(device="kiosk-1")
    for _ in range(3):
        t = issue(hall, "SB")
        hall.report_print_failure(t["number"], "kiosk-1", "paper out", kiosk)
    (raised,) = alert_rows(hall, "print_failed")
    assert raised["count"] == 3 and raised["subject"] == "printer:kiosk-1"
    hall.acknowledge_alert(raised["seq"], "已换纸", BOSS)
    t = issue(hall, "SB")
    hall.report_print_failure(t["number"], "kiosk-1", "paper out", kiosk)
    assert [a["count"] for a in alert_rows(hall, "print_failed")] == [3, 1]


def test_the_idle_alert_is_resolved_when_the_window_acts(hall: Hall, clock: FakeClock) -> None:
    w2 = at_window(hall, 2)
    issue(hall, "GJJ")
    clock.advance(minutes=11)
    assert hall.check_idle_windows() == [2]
    hall.call_next(2, w2)
    assert hall.check_idle_windows() == []
    assert alert_rows(hall, "idle_window")[0]["state"] == "resolved"


def test_the_tidal_alert_suggests_a_closed_window_and_a_qualified_clerk(
    hall: Hall, clock: FakeClock
) -> None:
    w1, w2 = at_window(hall, 1), at_window(hall, 2)
    issue(hall, "GJJ")
    hall.call_next(1, w1)  # clerk 1001 has served GJJ lately: qualified
    hall.finish(1, Outcome.COMPLETED, w1)
    for _ in range(11):
        issue(hall, "GJJ")
    hall.login("1003", "1234", None)  # signed in at no window, never served GJJ
    # window 1 and 2 serve GJJ: 11 waiting for 2 open windows is not over 10 per window
    assert hall.check_tidal() == []
    hall.serve(1, ["SB"], BOSS)  # window 1 now serves SB only: GJJ has one open window
    assert hall.check_tidal() == ["GJJ"]
    (raised,) = alert_rows(hall, "tidal_window")
    assert raised["details"]["open_windows"] == 1
    suggestion = raised["details"]["suggestion"]
    assert suggestion["window_no"] == 3  # closed and configured for GJJ
    assert (suggestion["clerk"], suggestion["clerk_name"]) == ("1001", "职员1")
    assert (suggestion["clerk_window"], suggestion["clerk_window_waiting"]) == (1, 0)
    assert suggestion["qualified"] is True
    # the staffing adviser's figure on the morning's arrivals: the windows GJJ needs this hour
    # for 90 % of waits under 15 minutes, next to the one serving it now
    assert suggestion["serving_windows"] == 1
    assert suggestion["arrivals_per_hour"] > 0 and suggestion["service_s"] > 0
    assert suggestion["needed_windows"] == windows_needed(
        suggestion["arrivals_per_hour"], suggestion["service_s"], 15 * 60
    )
    assert suggestion["needed_windows"] >= 2
    del w2


def test_the_tidal_alert_names_the_window_and_clerk_the_staffing_adviser_picks(
    hall: Hall, clock: FakeClock
) -> None:
    w1 = at_window(hall, 1)
    for _ in range(3):  # clerk 1001 serves GJJ: qualified, and the service time is learned
        issue(hall, "GJJ")
        hall.call_next(1, w1)
        clock.advance(minutes=10)
        hall.finish(1, Outcome.COMPLETED, w1)
    hall.close_window(1, w1)
    hall.login("1001", "1234", None)  # signed in again, at no window: free to open one
    for _ in range(25):
        issue(hall, "GJJ")
        clock.advance(seconds=20)  # 180 an hour
    assert hall.check_tidal() == ["GJJ"]
    (raised,) = alert_rows(hall, "tidal_window")
    suggestion = raised["details"]["suggestion"]
    assert suggestion["serving_windows"] == 0
    assert suggestion["needed_windows"] == windows_needed(
        suggestion["arrivals_per_hour"], suggestion["service_s"], 15 * 60
    )
    assert suggestion["advised_clerk"] == "1001" and suggestion["clerk"] == "1001"
    assert suggestion["advised_window"] == suggestion["window_no"]
    assert "GJJ" in hall.settings.window_ranks[suggestion["window_no"]]


def test_a_tidal_window_routes_at_once_and_ends_by_itself(hall: Hall, clock: FakeClock) -> None:
    w2 = at_window(hall, 2)  # configured for GJJ only
    sb = issue(hall, "SB")
    assert hall.call_next(2, w2) is None
    changed = hall.serve(2, ["SB", "GJJ"], BOSS, until="10:00", note="社保排队")
    assert changed["categories"] == ["SB", "GJJ"] and changed["configured_categories"] == ["GJJ"]
    assert changed["tidal"]["until"] == "2026-11-27T02:00:00.000Z"
    called = hall.call_next(2, w2)
    assert called is not None and called["id"] == sb["id"]
    hall.finish(2, Outcome.COMPLETED, w2)
    snap = {w["no"]: w for w in hall.queue_snapshot()["windows"]}
    assert snap[2]["categories"] == ["SB", "GJJ"] and snap[2]["tidal"]["by"] == "9001"
    assert hall.expire_tidal() == []
    clock.advance(hours=1)  # 10:00: over, even before the duty logs it
    issue(hall, "SB")
    assert hall.call_next(2, w2) is None
    assert hall.expire_tidal() == [2]
    last = hall.events_after(0)[-1]
    assert last.type == "window.categories_changed" and last.payload["expired"] is True
    assert hall.queue_snapshot()["windows"][1]["tidal"] is None
    before = projection_dump(hall)
    rebuild(hall)
    assert projection_dump(hall) == before


def test_serve_refuses_unknown_categories_a_past_time_and_an_undo_of_nothing(
    hall: Hall,
) -> None:
    with pytest.raises(Invalid):
        hall.serve(2, ["XX"], BOSS)
    with pytest.raises(Invalid):
        hall.serve(2, [], BOSS)
    with pytest.raises(Invalid):
        hall.serve(2, ["SB"], BOSS, until="08:00")  # it is 09:00
    with pytest.raises(Invalid):
        hall.serve(2, ["SB"], BOSS, until="noon")
    with pytest.raises(NotFound):
        hall.serve(99, ["SB"], BOSS)
    with pytest.raises(Conflict):
        hall.unserve(2, BOSS)
    hall.serve(2, ["SB"], BOSS)
    assert hall.unserve(2, BOSS)["categories"] == ["GJJ"]


def test_a_remote_pause_carries_its_expected_return(hall: Hall, clock: FakeClock) -> None:
    with pytest.raises(Conflict):
        hall.remote_pause(1, PauseReason.MEETING, BOSS)  # nobody signed in
    at_window(hall, 1)
    paused = hall.remote_pause(1, PauseReason.MEETING, BOSS, "主任召集", "14:30")
    assert paused["expected_back"] == "2026-11-27T06:30:00.000Z"
    ev = hall.events_after(0)[-1]
    assert ev.type == "window.paused" and ev.actor == "9001"
    assert ev.payload["by_supervisor"] is True and ev.payload["clerk"] == "1001"
    (w1,) = [w for w in hall.queue_snapshot()["windows"] if w["no"] == 1]
    assert w1["status"] == "paused" and w1["expected_back_local"] == "14:30"
    with pytest.raises(Conflict):
        hall.remote_pause(1, PauseReason.MEETING, BOSS)
    clock.advance(minutes=5)
    assert hall.remote_resume(1, BOSS)["duration_s"] == 300
    with pytest.raises(Conflict):
        hall.remote_resume(1, BOSS)


def test_signing_a_clerk_out_closes_the_window_and_ends_the_session(hall: Hall) -> None:
    session = hall.login("1001", "1234", 1)
    w1 = Actor(device="window-1", clerk="1001")
    issue(hall, "SB")
    hall.call_next(1, w1)
    with pytest.raises(Conflict):
        hall.sign_out(1, BOSS)  # a citizen is at the window
    hall.finish(1, Outcome.COMPLETED, w1)
    hall.pause(1, PauseReason.OTHER, w1, "去哪了")
    assert hall.sign_out(1, BOSS, "离岗未归") == {"window_no": 1, "clerk": "1001"}
    types = [e.type for e in hall.events_after(0)[-2:]]
    assert types == ["window.resumed", "window.closed"]
    assert hall.events_after(0)[-1].payload["reason"] == "signed_out"
    assert hall.principal(session["token"]) is None
    with pytest.raises(Conflict):
        hall.sign_out(1, BOSS)


def test_an_acknowledged_situation_that_ends_and_comes_back_is_raised_again(
    hall: Hall, clock: FakeClock
) -> None:
    w1 = at_window(hall, 1)
    issue(hall, "SB")
    clock.advance(minutes=20)
    assert hall.check_waits() == ["SB"]
    (raised,) = alert_rows(hall, "long_wait")
    hall.acknowledge_alert(raised["seq"], "知道了", BOSS)
    hall.call_next(1, w1)  # the wait is over
    assert hall.check_waits() == []
    first = alert_rows(hall, "long_wait")[0]
    assert first["state"] == "resolved" and first["acknowledged_by"] == "9001"
    assert first["resolved_at"] is not None
    issue(hall, "SB")
    clock.advance(minutes=16)
    assert hall.check_waits() == ["SB"]  # a new situation, a new alert


def test_a_tidal_window_counts_in_the_wait_estimate(hall: Hall) -> None:
    at_window(hall, 1)  # SB and GJJ
    at_window(hall, 2)  # GJJ only
    for _ in range(4):
        issue(hall, "SB")
    before = hall.queue_snapshot()["categories"][0]
    hall.serve(2, ["SB"], BOSS)
    after = hall.queue_snapshot()["categories"][0]
    assert before["code"] == "SB" and after["estimated_wait_s"] * 2 == before["estimated_wait_s"]
    hall.serve(1, ["GJJ"], BOSS)  # window 1 leaves SB: one window again
    assert hall.queue_snapshot()["categories"][0]["estimated_wait_s"] == before["estimated_wait_s"]
