"""Supervisor alerts from the periodic duties, driven by the fake hall clock."""

from __future__ import annotations

from kiosk.engine.helpdesk.alerts import check_helpdesk, set_unclaimed_minutes
from tests.unit.helpdesk.helpdesk_setup import KIOSK, desk


def alerts(hall, kind):
    rows = hall.reader().execute("SELECT details FROM alerts WHERE kind = ?", (kind,))
    return rows.fetchall()


def test_unclaimed_for_five_minutes_raises_once(hall, clock) -> None:
    a = desk(hall)
    c = hall.create_consultation("社保", actor=KIOSK)
    clock.advance(4 * 60)
    assert hall.run_duties(auto_close=False)["helpdesk"] == []
    clock.advance(61)
    assert hall.run_duties(auto_close=False)["helpdesk"] == [f"consultation:{c['id']}"]
    clock.advance(60)
    assert check_helpdesk(hall) == []  # raised once per wait
    ev = [e for e in hall.events_after(0) if e.type == "alert.raised"][-1]
    assert ev.payload["kind"] == "unclaimed_consultation"
    assert ev.payload["details"]["number"] == c["number"]
    assert ev.payload["details"]["waited_s"] == 5 * 60 + 1
    hall.claim(c["id"], a)
    hall.hand_over(c["id"], a, "放回列表")  # open again: the clock starts again
    clock.advance(5 * 60 + 1)
    assert check_helpdesk(hall) == [f"consultation:{c['id']}"]


def test_the_limit_is_configurable(hall, clock) -> None:
    desk(hall)
    set_unclaimed_minutes(hall, 1)
    hall.create_consultation("社保", actor=KIOSK)
    clock.advance(61)
    assert len(check_helpdesk(hall)) == 1


def test_questions_waiting_while_nobody_is_on_duty(hall, clock) -> None:
    a = desk(hall)
    hall.create_consultation("社保", actor=KIOSK)
    assert check_helpdesk(hall) == []
    hall.set_presence("away", a)
    assert check_helpdesk(hall) == ["helpdesk"]
    assert check_helpdesk(hall) == []
    clock.advance(31 * 60)  # still nobody: one alert per situation, however long it lasts
    assert "helpdesk" not in check_helpdesk(hall)
    assert len(alerts(hall, "helpdesk_unstaffed")) == 1
    hall.set_presence("on_duty", a)  # someone came: the situation is over
    assert check_helpdesk(hall) == []
    state = hall.reader().execute("SELECT state FROM alerts WHERE kind = 'helpdesk_unstaffed'")
    assert [r[0] for r in state] == ["resolved"]
    hall.set_presence("away", a)  # and left again with the question still waiting
    assert check_helpdesk(hall) == ["helpdesk"]
    assert len(alerts(hall, "helpdesk_unstaffed")) == 2


def test_the_limit_is_set_in_the_hall_config_too(tmp_path, clock) -> None:
    from tests.helpers.hallfactory import make_hall

    hall = make_hall(tmp_path / "h.db", clock, supervision={"unclaimed_question_minutes": 2})
    try:
        desk(hall)
        hall.create_consultation("社保", actor=KIOSK)
        clock.advance(2 * 60 + 1)
        assert len(check_helpdesk(hall)) == 1
    finally:
        hall.close()
