"""The live views as data: what each screen keeps of an event, and what it never gets."""

from __future__ import annotations

from kiosk.server.live_views import DISPLAY, KIOSK, PAD, project, view_for


def event(type_: str, **payload: object) -> dict:
    return {"seq": 7, "id": "E", "hall": "H", "ts": "T", "device": "kiosk-1", "actor": "1001",
            "type": type_, "payload": payload}  # fmt: skip


def test_staff_get_events_whole_and_other_roles_a_view() -> None:
    ev = event("consultation.created", question="电话138", phone_masked="138****5678")
    for role in ("clerk", "helpdesk", "supervisor", "admin"):
        assert project(view_for(role), ev, None) is ev
    for role in ("display", "rating_pad", "kiosk", "center_sync", "some_new_screen"):
        assert project(view_for(role), ev, 1) is None


def test_a_display_keeps_the_number_and_window_but_not_the_ticket_id_or_staff() -> None:
    ev = event("ticket.called", ticket_id="T1", number="A001", category="SB", window_no=2,
               clerk="1001", wait_s=3.0)  # fmt: skip
    assert project(DISPLAY, ev, None) == {
        "seq": 7,
        "ts": "T",
        "type": "ticket.called",
        "payload": {"number": "A001", "category": "SB", "window_no": 2},
    }
    issued = event("ticket.issued", ticket_id="T1", number="A001", category="SB",
                   service_day="2026-11-27", appointment_code="X7", request_id="r")  # fmt: skip
    assert project(DISPLAY, issued, None)["payload"] == {  # type: ignore[index]
        "number": "A001", "category": "SB", "service_day": "2026-11-27"}  # fmt: skip
    assert project(KIOSK, issued, None)["payload"] == {  # type: ignore[index]
        "category": "SB", "service_day": "2026-11-27"}  # fmt: skip


def test_a_pad_sees_only_its_own_window_and_a_pad_without_one_sees_nothing() -> None:
    here = event("ticket.finished", ticket_id="T1", number="A001", window_no=1, note="x")
    there = event("ticket.finished", ticket_id="T2", number="A002", window_no=2)
    moved = event("ticket.transferred", ticket_id="T3", number="A003", from_window=1)
    assert project(PAD, here, 1)["payload"] == {  # type: ignore[index]
        "ticket_id": "T1", "number": "A001", "window_no": 1}  # fmt: skip
    assert project(PAD, there, 1) is None
    assert project(PAD, moved, 1) is not None and project(PAD, moved, 2) is None
    assert project(PAD, here, None) is None


def test_boards_see_a_pause_s_expected_return_and_a_tidal_window_but_no_staff() -> None:
    paused = event("window.paused", window_no=3, clerk="1003", absence_id="A1", reason="meal",
                   note="去食堂", expected_back="2026-11-27T04:30:00.000Z",
                   by_supervisor=True)  # fmt: skip
    assert project(DISPLAY, paused, None)["payload"] == {  # type: ignore[index]
        "window_no": 3, "reason": "meal", "expected_back": "2026-11-27T04:30:00.000Z"}  # fmt: skip
    tidal = event("window.categories_changed", window_no=2, categories=["SB"],
                  until="2026-11-27T04:00:00.000Z", by="9001", note="社保排队",
                  expired=False)  # fmt: skip
    assert project(DISPLAY, tidal, None)["payload"] == {  # type: ignore[index]
        "window_no": 2, "categories": ["SB"], "until": "2026-11-27T04:00:00.000Z"}  # fmt: skip
    assert project(KIOSK, tidal, None)["payload"] == {  # type: ignore[index]
        "window_no": 2, "categories": ["SB"]}  # fmt: skip
    assert project(PAD, tidal, 2) is None
    for private in ("case.updated", "alert.raised", "alert.acknowledged",
                    "consultation.phone_revealed"):  # fmt: skip
        ev = event(private, case_id="C", note="市民电话138", by="9001")
        assert all(project(v, ev, 1) is None for v in (DISPLAY, KIOSK, PAD))
