"""Ask for help: a topic, an optional phone number (validated, masked on screen), whether the
help desk is staffed, and the consultation number or the 综合咨询 ticket it became."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui
WAIT_MS = 5000


def open_help(kiosk: Any, qtbot: Any) -> Any:
    qtbot.mouseClick(kiosk.screens["home"].help, Qt.MouseButton.LeftButton)
    assert kiosk.current[0] == "help"
    return kiosk.screens["help"]


def press(qtbot: Any, screen: Any, keys: str) -> None:
    for key in keys:
        keypad = screen.phone.keypad
        button = next(b for b in keypad.findChildren(type(screen.submit)) if b.text() == key)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_phone_is_masked_as_typed_and_validated(kiosk: Any, qtbot: Any) -> None:
    screen = open_help(kiosk, qtbot)
    press(qtbot, screen, "1381234")
    assert screen.phone.display.text() == "138****"
    press(qtbot, screen, "5678")
    assert screen.phone.display.text() == "138****5678"
    assert "1381234" not in screen.phone.display.text()
    assert screen.phone.valid
    qtbot.mouseClick(screen.phone.keypad.backspace, Qt.MouseButton.LeftButton)
    assert not screen.phone.valid and screen.phone.display.property("state") == "invalid"
    qtbot.mouseClick(screen.topic_buttons[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.submit, Qt.MouseButton.LeftButton)
    assert screen.error.isVisible() and "号码" in screen.error.text()


def test_a_topic_is_needed(kiosk: Any, qtbot: Any) -> None:
    screen = open_help(kiosk, qtbot)
    qtbot.mouseClick(screen.submit, Qt.MouseButton.LeftButton)
    assert "请选择咨询类型" in screen.error.text()


def test_consultation_reaches_the_help_desk(kiosk: Any, sample_live: Any, qtbot: Any) -> None:
    screen = open_help(kiosk, qtbot)
    qtbot.waitUntil(lambda: screen.banner.property("state") is not None, timeout=WAIT_MS)
    qtbot.mouseClick(screen.topic_buttons[1], Qt.MouseButton.LeftButton)
    assert screen.topic_buttons[1].isChecked() and not screen.topic_buttons[0].isChecked()
    screen.question.setText("换身份证要带什么？")
    press(qtbot, screen, "13812345678")
    qtbot.mouseClick(screen.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: kiosk.current[0] == "ticket" or screen.pages.currentIndex() == 1, timeout=WAIT_MS
    )
    row = sample_live.hall.reader().execute("SELECT * FROM consultations").fetchone()
    assert row["topic"] == "需要带什么材料" and row["question"] == "换身份证要带什么？"
    if kiosk.current[0] == "ticket":  # nobody on duty: the server made it a 综合咨询 ticket
        ticket = kiosk.screens["ticket"].issued.ticket
        assert ticket["category"] == "ZIXUN"
        assert "咨询台暂时无人值守" in kiosk.screens["ticket"].note.text()
    else:
        assert screen.result.number.text() == row["number"]
        assert "138****5678" in screen.result.message.text()


def test_staffing_banner_and_answers(kiosk: Any) -> None:
    """The presence endpoint's three answers, and both kinds of consultation answer."""
    screen = kiosk.screens["help"]
    banner = screen.banner
    banner._unknown(None)  # 404: the endpoint is not there yet
    assert banner.property("state") == "unknown" and "咨询台" in banner.text.text()
    banner._got({"staffed": True, "on_duty": 2})
    assert banner.property("state") == "staffed" and "2" in banner.text.text()
    banner._got({"staffed": False, "on_duty": 0})
    assert banner.property("state") == "unstaffed" and "综合咨询号" in banner.text.text()
    kiosk.go("help")
    screen._sent({"id": "c1", "number": "ZX007", "phone_masked": "139****0000", "staffed": True})
    assert screen.pages.currentIndex() == 1
    assert screen.result.number.text() == "ZX007"
    assert "139****0000" in screen.result.message.text()


def test_the_consultation_number_is_printed(sample_live: Any, make_kiosk: Any, qtbot: Any) -> None:
    """The ZX number staff call out goes home on paper too, with how the answer will come."""
    desk = sample_live.login("2001", "1234", None)
    with sample_live.client(desk) as c:
        assert c.post("/api/v1/helpdesk/presence", json={"status": "on_duty"}).status_code < 300
    kiosk = make_kiosk(sample_live.url, sample_live.tokens["kiosk"], printer="escpos+dummy://")
    screen = open_help(kiosk, qtbot)
    qtbot.waitUntil(lambda: screen.banner.property("state") is not None, timeout=WAIT_MS)
    qtbot.mouseClick(screen.topic_buttons[0], Qt.MouseButton.LeftButton)
    press(qtbot, screen, "13812345678")
    with qtbot.waitSignal(kiosk.ctx.printer.printed, timeout=WAIT_MS) as printed:
        qtbot.mouseClick(screen.submit, Qt.MouseButton.LeftButton)
    job, result = printed.args
    number = screen.result.number.text()
    assert number.startswith("ZX") and (job.kind, job.name) == ("consultation", number)
    assert result.ok and number.encode() in result.data
    assert "怎么办理".encode("gb18030") in result.data
    assert "138****5678".encode("gb18030") in result.data and b"13812345678" not in result.data
