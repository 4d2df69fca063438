"""Appointment check-in (typed or scanned) from 30 minutes early to 15 late, and rejoining after a
missed call, where the engine decides."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kiosk.engine.base import Actor

pytestmark = pytest.mark.gui
WAIT_MS = 5000


def book(hall: Any, minutes_from_now: int) -> str:
    slot = datetime.now(UTC) + timedelta(minutes=minutes_from_now)
    return str(hall.book_appointment("HUJI", slot.isoformat(), "HJ-004")["code"])


def scan(kiosk: Any, qtbot: Any, code: str) -> Any:
    """A barcode scanner types the code and presses Enter."""
    kiosk.go("checkin")
    screen = kiosk.screens["checkin"]
    qtbot.keyClicks(screen.field, code.lower())
    qtbot.keyClick(screen.field, Qt.Key.Key_Return)
    return screen


def test_on_time_check_in_gets_priority(kiosk: Any, sample_live: Any, qtbot: Any) -> None:
    code = book(sample_live.hall, 10)
    scan(kiosk, qtbot, code)
    qtbot.waitUntil(lambda: kiosk.current[0] == "ticket", timeout=WAIT_MS)
    ticket = kiosk.screens["ticket"].issued.ticket
    assert ticket["source"] == "appointment" and ticket["category"] == "HUJI"
    assert "优先办理" in kiosk.screens["ticket"].note.text()


def test_late_check_in_gets_a_normal_ticket(kiosk: Any, sample_live: Any, qtbot: Any) -> None:
    code = book(sample_live.hall, -20)
    scan(kiosk, qtbot, code)
    qtbot.waitUntil(lambda: kiosk.current[0] == "ticket", timeout=WAIT_MS)
    assert kiosk.screens["ticket"].issued.ticket["source"] == "walk_in"
    assert "普通号" in kiosk.screens["ticket"].note.text()


def test_early_or_unknown_codes_are_refused(kiosk: Any, sample_live: Any, qtbot: Any) -> None:
    screen = scan(kiosk, qtbot, book(sample_live.hall, 120))
    qtbot.waitUntil(screen.error.isVisible, timeout=WAIT_MS)
    assert "签到时间未到" in screen.error.text() and kiosk.current[0] == "checkin"
    screen.field.clear()
    qtbot.keyClicks(screen.field, "NOPE1234")
    qtbot.mouseClick(screen.go, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "未找到该预约" in screen.error.text(), timeout=WAIT_MS)


def missed_ticket(hall: Any) -> str:
    """A SHEBAO ticket called at window 1 and marked a no-show."""
    ticket, _ = hall.issue_ticket("SHEBAO", actor=Actor(device="kiosk-1"))
    hall.login("1001", "1234", 1)
    clerk = Actor(device="window-1", clerk="1001")
    hall.call_next(1, clerk)
    hall.no_show(1, clerk)
    return str(ticket["number"])


def test_rejoin_after_a_missed_call(kiosk: Any, sample_live: Any, qtbot: Any) -> None:
    number = missed_ticket(sample_live.hall)
    qtbot.mouseClick(kiosk.screens["home"].rejoin, Qt.MouseButton.LeftButton)
    screen = kiosk.screens["rejoin"]
    for key in number:
        button = next(b for b in screen.keypad.findChildren(type(screen.go)) if b.text() == key)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert screen.display.text() == number
    qtbot.mouseClick(screen.go, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.current[0] == "ticket", timeout=WAIT_MS)
    assert kiosk.screens["ticket"].number.text() == number
    assert "重新排队" in kiosk.screens["ticket"].note.text()
    assert sample_live.hall.ticket(number)["status"] == "waiting"


def test_rejoin_is_refused_for_a_waiting_ticket(kiosk: Any, sample_live: Any, qtbot: Any) -> None:
    ticket, _ = sample_live.hall.issue_ticket("YIBAO", actor=Actor(device="kiosk-1"))
    kiosk.go("rejoin")
    screen = kiosk.screens["rejoin"]
    for key in ticket["number"]:
        screen.keypad.key.emit(key)
    qtbot.mouseClick(screen.go, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.error.isVisible, timeout=WAIT_MS)
    assert "过号" in screen.error.text() and kiosk.current[0] == "rejoin"
