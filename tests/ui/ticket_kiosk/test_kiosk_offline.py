"""Hall server gone: within 3 s a clear out-of-service screen that sends people to the help
desk; no ticket shown that the server did not commit; back by itself when the server returns."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui
WAIT_MS = 5000


def test_out_of_service_within_3s_and_recovers(
    switchable: Any, make_kiosk: Any, qtbot: Any
) -> None:
    kiosk = make_kiosk(switchable.url, switchable.tokens["kiosk"])
    kiosk.go("item", "HJ-004")
    stopped_at = time.monotonic()
    switchable.stop_soon()
    qtbot.waitUntil(lambda: kiosk.current[0] == "offline", timeout=3000)
    assert time.monotonic() - stopped_at < 3.0
    offline = kiosk.screens["offline"]
    assert offline.isVisible() and "暂停服务" in offline.head.text()
    assert "咨询台" in offline.body.text() and "help desk" in offline.other.text()
    assert not kiosk.header.back.isVisible()
    qtbot.waitUntil(lambda: switchable.stopped, timeout=10000)
    kiosk.go("item", "HJ-004")  # nothing but the out-of-service screen while it lasts
    assert kiosk.current[0] == "offline"
    switchable.start()
    qtbot.waitUntil(lambda: kiosk.current[0] == "home", timeout=8000)
    qtbot.waitUntil(lambda: kiosk.ctx.hall.follow.is_connected, timeout=8000)
    # and it works again
    kiosk.go("item", "HJ-004")
    kiosk.screens["item"].take.click()
    qtbot.waitUntil(lambda: kiosk.current[0] == "ticket", timeout=WAIT_MS)


def test_no_ticket_when_the_request_cannot_reach_the_server(
    kiosk: Any, sample_live: Any, qtbot: Any
) -> None:
    from tests.helpers.server import free_port

    kiosk.go("item", "HJ-004")
    assert kiosk.ctx.monitor.up is True
    kiosk.ctx.api.base_url = f"http://127.0.0.1:{free_port()}"  # the tap's request is lost
    kiosk.screens["item"].take.click()
    qtbot.waitUntil(lambda: kiosk.current[0] == "offline", timeout=3000)
    assert kiosk.screens["ticket"].issued is None
    assert not kiosk.cover.isVisible() and not kiosk.flow.in_flight
    count = sample_live.hall.reader().execute("SELECT COUNT(*) FROM tickets").fetchone()[0]
    assert count == 0
    kiosk.ctx.api.base_url = sample_live.url  # the network is back
    qtbot.waitUntil(lambda: kiosk.current[0] == "home", timeout=WAIT_MS)


def test_starting_without_a_server_shows_out_of_service(make_kiosk: Any, qtbot: Any) -> None:
    from tests.helpers.server import free_port

    kiosk = make_kiosk(f"http://127.0.0.1:{free_port()}", "no-token", wait=False)
    with qtbot.waitSignal(kiosk.ready, timeout=3000):
        pass
    assert kiosk.current[0] == "offline"
    qtbot.mouseClick(kiosk.header.lang, Qt.MouseButton.LeftButton)
    offline = kiosk.screens["offline"]
    qtbot.waitUntil(lambda: offline.head.text() == "This kiosk is out of service", timeout=WAIT_MS)
    assert offline.other.text() == "本机暂停服务，请到咨询台人工取号。"


def test_a_silent_network_is_noticed_by_the_heartbeat(
    cable: Any, sample_live: Any, make_kiosk: Any, qtbot: Any
) -> None:
    """A pulled cable closes nothing: unanswered pings put the kiosk out of service."""
    kiosk = make_kiosk(cable.url, sample_live.tokens["kiosk"])
    cable.silent = True
    lost_at = time.monotonic()
    qtbot.waitUntil(lambda: kiosk.current[0] == "offline", timeout=4000)
    assert time.monotonic() - lost_at < 3.5
    qtbot.wait(1500)
    assert kiosk.current[0] == "offline"  # stays out while the line is dead: no flapping
    cable.silent = False  # plugged back in
    qtbot.waitUntil(lambda: kiosk.current[0] == "home", timeout=10000)
