"""The hall server goes away while a clerk works: calling is switched off with a clear message,
pauses and resumes are kept in the outbox ("to send: N"), and after the server restarts they
arrive exactly once and in order."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt

from kiosk.domain import DeviceRole
from kiosk.store.db import store_path
from tests.helpers.hallfactory import make_sample_hall
from tests.helpers.server import free_port, server_process
from ui.window_client.commands import ClerkSession
from ui.window_client.main_window import WindowClient

WAIT = 20000


def key(qtbot, client: WindowClient, k: Qt.Key) -> None:
    client.activateWindow()
    qtbot.waitUntil(client.isActiveWindow, timeout=WAIT)
    qtbot.keyClick(client, k)


def pause(qtbot, client: WindowClient, option: Qt.Key, note: str = "") -> None:
    qtbot.waitUntil(client.action_bar.buttons["pause"].isEnabled, timeout=WAIT)
    key(qtbot, client, Qt.Key.Key_F8)
    page = client.pause_page
    assert client.main.currentWidget() is page
    qtbot.keyClick(page, option)
    page.note.setText(note)
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert client.main.currentWidget() is client.ticket


@pytest.mark.gui
@pytest.mark.slow
def test_pauses_while_offline_arrive_once_after_restart(qtbot, tmp_path: Path) -> None:
    data = tmp_path / "hall"
    data.mkdir()
    hall = make_sample_hall(store_path(data))
    sync = hall.add_device("center-sync", DeviceRole.CENTER_SYNC)
    hall.close()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    session = ClerkSession(url, 2, tmp_path / "outbox.sqlite", "zh")
    client = WindowClient(session, f"pdf://{tmp_path / 'notices'}")
    qtbot.addWidget(client)
    client.show()
    qtbot.waitExposed(client)
    with server_process(data, port):
        with qtbot.waitSignal(client.ready, timeout=WAIT):
            session.load()
        client.login.employee.setText("1002")
        client.login.pin.setText("1234")
        client.login.button.click()
        qtbot.waitUntil(lambda: session.follow.is_connected, timeout=WAIT)
        qtbot.waitUntil(client.action_bar.buttons["call"].isEnabled, timeout=WAIT)

    qtbot.waitUntil(lambda: not session.online, timeout=WAIT)
    assert not client.action_bar.buttons["call"].isEnabled()
    assert not client.action_bar.buttons["call_number"].isEnabled()
    assert client.header.banner.isVisibleTo(client)
    assert "calling is off" in client.header.banner.text()
    assert client.header.connection.text() == "Offline"

    pause(qtbot, client, Qt.Key.Key_3)  # meal
    assert session.status == "paused" and "Meal" in client.ticket.state.text()
    qtbot.waitUntil(client.action_bar.buttons["resume"].isEnabled, timeout=WAIT)
    key(qtbot, client, Qt.Key.Key_F9)
    assert session.status == "open"
    assert session.status == "open" and session.pending == 2
    key(qtbot, client, Qt.Key.Key_F8)
    qtbot.keyClick(client.pause_page, Qt.Key.Key_6)  # other: needs a note
    qtbot.keyClick(client.pause_page, Qt.Key.Key_Return)
    assert client.pause_page.hint.isVisibleTo(client)
    assert client.main.currentWidget() is client.pause_page
    client.pause_page.note.setText("协助大厅引导")
    qtbot.keyClick(client.pause_page, Qt.Key.Key_Return)
    assert session.status == "paused"
    qtbot.waitUntil(lambda: client.header.pending.text() == "To send: 3", timeout=WAIT)
    assert client.header.pending.isVisibleTo(client)

    with server_process(data, port):
        qtbot.waitUntil(lambda: session.online and session.pending == 0, timeout=WAIT)
        r = httpx.get(f"{url}/api/v1/events", headers={"Authorization": f"Bearer {sync}"})
        window = [e for e in r.json()["events"] if e["type"].startswith("window.")]
        assert [(e["type"], e["payload"].get("reason")) for e in window] == [
            ("window.opened", None),
            ("window.paused", "meal"),
            ("window.resumed", None),
            ("window.paused", "other"),
        ]
        assert window[-1]["payload"]["note"] == "协助大厅引导"
        qtbot.waitUntil(client.action_bar.buttons["resume"].isEnabled, timeout=WAIT)
        assert not client.action_bar.buttons["call"].isEnabled()  # paused: resume first
        assert not client.header.pending.isVisibleTo(client)
        client.close()
