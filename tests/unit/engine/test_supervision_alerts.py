"""Supervisors' alerts from the periodic duties: a tidal queue (more waiting than its open
windows should carry) and an idle window, each raised once per occurrence, and a failed print
reported by a kiosk."""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.clock import FakeClock
from kiosk.engine.base import Actor
from tests.helpers.hallfactory import at_window, issue, make_hall, morning


def alerts(hall, kind: str) -> list[dict]:
    rows = hall.reader().execute("SELECT details FROM alerts WHERE kind = ? ORDER BY seq", (kind,))
    return [json.loads(r[0]) for r in rows]


def test_a_grown_queue_suggests_another_window_once_until_it_shrinks(tmp_path: Path) -> None:
    clock = FakeClock(morning())
    hall = make_hall(tmp_path / "hall.db", clock)
    try:
        at_window(hall, 2)  # serves GJJ only
        for _ in range(11):
            issue(hall, "GJJ")
        for _ in range(20):
            issue(hall, "SB")
        # GJJ: 11 waiting for one open window (more than 10 per window); SB: 20 is not yet
        # more than 20 and no open window serves it
        assert hall.check_tidal() == ["GJJ"]
        issue(hall, "SB")
        assert hall.check_tidal() == ["SB"]  # 21 waiting; GJJ was suggested already
        assert hall.check_tidal() == []
        clock.advance(minutes=31)
        assert hall.check_tidal() == []  # one alert per situation, however long it lasts
        keys = ("key", "category", "waiting", "open_windows")
        assert [{k: a[k] for k in keys} for a in alerts(hall, "tidal_window")] == [
            {"key": "category:GJJ", "category": "GJJ", "waiting": 11, "open_windows": 1},
            {"key": "category:SB", "category": "SB", "waiting": 21, "open_windows": 0},
        ]
        # window 2 calls two GJJ tickets: 9 waiting, the GJJ alert is resolved; 2 more: again
        w2 = Actor(device="window-2", clerk="1002")
        for _ in range(2):
            hall.call_next(2, w2)
            hall.finish(2, "completed", w2)
        assert hall.check_tidal() == []
        states = (
            hall.reader()
            .execute("SELECT subject, state FROM alerts WHERE kind = 'tidal_window' ORDER BY seq")
            .fetchall()
        )
        assert [tuple(r) for r in states] == [("category:GJJ", "resolved"), ("category:SB", "open")]
        issue(hall, "GJJ")
        issue(hall, "GJJ")
        assert hall.check_tidal() == ["GJJ"]
    finally:
        hall.close()


def test_an_open_window_doing_nothing_while_people_wait_is_flagged_once(tmp_path: Path) -> None:
    clock = FakeClock(morning())
    hall = make_hall(tmp_path / "hall.db", clock)
    try:
        at_window(hall, 2)
        clock.advance(minutes=11)
        assert hall.check_idle_windows() == []  # nobody waits for it
        issue(hall, "GJJ")
        assert hall.check_idle_windows() == [2]
        assert hall.check_idle_windows() == []
        (found,) = alerts(hall, "idle_window")
        assert found == {
            "key": "window:2",
            "window_no": 2,
            "clerk": "1002",
            "idle_s": 660,
            "waiting": 1,
        }
    finally:
        hall.close()


def test_a_failed_print_keeps_the_ticket_and_tells_the_staff(tmp_path: Path) -> None:
    hall = make_hall(tmp_path / "hall.db", FakeClock(morning()))
    try:
        ticket = issue(hall, "SB")
        kiosk = Actor(device="kiosk-1")
        answer = hall.report_print_failure(ticket["number"], "kiosk-1", "paper out", kiosk)
        assert answer == {"ticket_id": ticket["id"], "alerted": True}
        assert alerts(hall, "print_failed") == [
            {
                "ticket_id": ticket["id"],
                "number": ticket["number"],
                "device": "kiosk-1",
                "error": "paper out",
            }
        ]
        assert hall.ticket(ticket["id"])["status"] == "waiting"
    finally:
        hall.close()
