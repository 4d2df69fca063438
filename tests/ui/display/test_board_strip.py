"""The strip above one window against a live server: its number, the ticket called there, and
暂停服务 while the window is paused, 暂无人员 while nobody is signed in there."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from kiosk.voice import Announcer
from tests.ui.display.conftest import WAIT_MS, clerk, issue
from ui.display.source import BoardSource
from ui.display.strip import WindowStrip
from ui.display.voice import BoardVoice

pytestmark = pytest.mark.gui


@pytest.fixture
def strip(qtbot: Any, live: Any, display_qt: None, announcer: Announcer) -> Iterator[WindowStrip]:
    source = BoardSource(live.url, live.tokens["display"])
    strip = WindowStrip(source, 1, BoardVoice(source.model, announcer))
    source.setParent(strip)
    qtbot.addWidget(strip)
    strip.resize(1280, 360)
    strip.show()
    with qtbot.waitSignal(strip.ready, timeout=WAIT_MS):
        source.start()
    qtbot.waitUntil(lambda: source.live, timeout=WAIT_MS)
    yield strip
    strip.close()
    qtbot.wait(50)


def shows(strip: WindowStrip, caption: str, main: str) -> bool:
    return (strip.caption.text(), strip.main.text()) == (caption, main)


def test_the_strip_follows_its_window_through_a_day(
    qtbot: Any, live: Any, strip: WindowStrip, announcer: Announcer
) -> None:
    assert strip.no.text() == "1号窗口"
    assert shows(strip, "本窗口暂未开放", "暂无人员")  # nobody signed in yet
    first, second = issue(live, "SB", 2)
    at_1 = clerk(live, 1)
    qtbot.waitUntil(lambda: shows(strip, "欢迎光临", "请留意叫号"), timeout=WAIT_MS)

    clerk(live, 4).post("call-next")  # another window's call: not this strip's business
    at_1.post("call-next")
    qtbot.waitUntil(lambda: shows(strip, "请到本窗口办理", second["number"]), timeout=WAIT_MS)
    assert strip.blinker.active and strip.main.property("state") == "called"
    at_1.post("start")
    qtbot.waitUntil(lambda: shows(strip, "正在办理", second["number"]), timeout=WAIT_MS)
    at_1.post("finish", {"outcome": "completed"})
    qtbot.waitUntil(lambda: shows(strip, "欢迎光临", "请留意叫号"), timeout=WAIT_MS)

    at_1.post("pause", {"reason": "meal"})
    qtbot.waitUntil(lambda: shows(strip, "暂停原因：用餐", "暂停服务"), timeout=WAIT_MS)
    assert strip.panel.property("state") == "paused"
    at_1.post("resume")
    qtbot.waitUntil(lambda: shows(strip, "欢迎光临", "请留意叫号"), timeout=WAIT_MS)
    r = httpx.delete(
        f"{live.url}/api/v1/sessions/current", headers={"Authorization": f"Bearer {at_1.token}"}
    )
    assert r.status_code == 204
    qtbot.waitUntil(lambda: shows(strip, "本窗口暂未开放", "暂无人员"), timeout=WAIT_MS)
    # the strip speaks only its own window's call (the board speaks for the hall)
    qtbot.waitUntil(lambda: len(announcer.log) == 1, timeout=WAIT_MS)
    assert announcer.log[0].text == f"请{second['number']}号到1号窗口办理"
    assert first["number"] not in strip.main.text()


@pytest.fixture
def strips(qtbot: Any, live: Any, display_qt: None) -> Iterator[Callable[[int], WindowStrip]]:
    """Opens strips that live until the test is over, then stops and closes each in turn."""
    opened: list[WindowStrip] = []

    def open_strip(window: int) -> WindowStrip:
        source = BoardSource(live.url, live.tokens["display"])
        strip = WindowStrip(source, window)
        source.setParent(strip)
        qtbot.addWidget(strip)
        strip.resize(1280, 360)
        strip.show()
        with qtbot.waitSignal(strip.ready, timeout=WAIT_MS):
            source.start()
        opened.append(strip)
        return strip

    yield open_strip
    for strip in opened:
        strip.close()  # stops its source
    qtbot.wait(50)  # let replies and deferred deletes settle before the widgets go


def test_a_strip_started_mid_call_asks_whether_service_has_begun(
    qtbot: Any, live: Any, strips: Callable[[int], WindowStrip]
) -> None:
    first, second = issue(live, "SB", 2)
    at_1, at_4 = clerk(live, 1), clerk(live, 4)
    at_1.post("call-next")  # called, citizen on the way
    at_4.post("call-next")
    at_4.post("start")  # already being served
    one, four = strips(1), strips(4)
    qtbot.waitUntil(lambda: shows(one, "请到本窗口办理", first["number"]), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: shows(four, "正在办理", second["number"]), timeout=WAIT_MS)
