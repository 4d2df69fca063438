"""Idle for a minute: back home, everything typed or chosen cleared, the kiosk's own settings."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from ui.ticket_kiosk.idle import IDLE_MS

pytestmark = pytest.mark.gui
WAIT_MS = 5000


def test_idle_reset_clears_everything(sample_live: Any, make_kiosk: Any, qtbot: Any) -> None:
    assert IDLE_MS == 60_000
    kiosk = make_kiosk(sample_live.url, sample_live.tokens["kiosk"], idle_ms=800)
    kiosk.go("search")
    qtbot.keyClicks(kiosk.screens["search"].field, "sfz")
    assert kiosk.screens["search"].model.rowCount() > 0
    kiosk.go("help")
    help_screen = kiosk.screens["help"]
    qtbot.mouseClick(help_screen.topic_buttons[0], Qt.MouseButton.LeftButton)
    for key in "139":
        help_screen.phone.keypad.key.emit(key)
    kiosk.go("rejoin")
    kiosk.screens["rejoin"].keypad.key.emit("A")
    qtbot.mouseClick(kiosk.header.lang, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.header.elder, Qt.MouseButton.LeftButton)
    assert kiosk.ctx.lang == "en" and kiosk.ctx.elder
    qtbot.waitUntil(lambda: kiosk.current[0] == "home", timeout=3000)
    assert kiosk.screens["search"].field.text() == ""
    assert help_screen.topic == "" and help_screen.phone.digits == ""
    assert not any(b.isChecked() for b in help_screen.topic_buttons)
    assert kiosk.screens["rejoin"].number == ""
    assert kiosk.ctx.lang == "zh" and not kiosk.ctx.elder
    qtbot.waitUntil(lambda: kiosk.header.title.full == "请选择您要办理的业务", timeout=WAIT_MS)


def test_input_keeps_the_kiosk_awake(sample_live: Any, make_kiosk: Any, qtbot: Any) -> None:
    kiosk = make_kiosk(sample_live.url, sample_live.tokens["kiosk"], idle_ms=700)
    kiosk.go("search")
    field = kiosk.screens["search"].field
    for _ in range(4):  # typing every 300 ms for 1.2 s: never idle
        qtbot.keyClicks(field, "s")
        qtbot.wait(300)
    assert kiosk.current[0] == "search" and field.text() == "ssss"
