"""The board survives the hall server going away altogether: it says so, keeps retrying, and
after the restart reads every call it missed from the durable log (`kiosk serve` in its own
process, stopped and started again on the same port)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from kiosk.domain import DeviceRole
from kiosk.store.db import store_path
from tests.helpers.hallfactory import make_hall
from tests.helpers.server import free_port, server_process
from tests.ui.display.conftest import Clerk
from ui.display.board import HallBoard
from ui.display.source import BoardSource

pytestmark = [pytest.mark.gui, pytest.mark.slow]
WAIT_MS = 15000


def test_calls_made_around_a_server_restart_all_reach_the_board(
    qtbot: Any, tmp_path: Path, display_qt: None
) -> None:
    hall = make_hall(store_path(tmp_path))
    token, kiosk = (
        hall.add_device("display-1", DeviceRole.DISPLAY),
        hall.add_device("kiosk-1", DeviceRole.KIOSK),
    )
    hall.close()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    source = BoardSource(url, token)
    board = HallBoard(source, None)
    source.setParent(board)
    qtbot.addWidget(board)
    board.resize(1920, 1080)
    board.show()

    def issue_and_call(window: int) -> str:
        number = httpx.post(
            f"{url}/api/v1/tickets",
            json={"category": "SB"},
            headers={"Authorization": f"Bearer {kiosk}"},
        ).json()["number"]
        r = httpx.post(
            f"{url}/api/v1/sessions",
            json={"employee_no": f"100{window}", "pin": "1234", "window": window},
        )
        Clerk(url, window, r.json()["token"]).post("call-next")
        return str(number)

    with server_process(tmp_path, port):
        with qtbot.waitSignal(board.ready, timeout=WAIT_MS):
            source.start()
        first = issue_and_call(1)
        qtbot.waitUntil(lambda: board.now.number.text() == first, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: board.status.text() == "连接中断，正在重连…", timeout=WAIT_MS)
    with server_process(tmp_path, port):
        second, third = issue_and_call(3), issue_and_call(4)
        qtbot.waitUntil(lambda: board.now.number.text() == third, timeout=WAIT_MS)
        assert [c.number for c in board.model.recent] == [third, second, first]
        tiles = board.windows.tiles
        assert [tiles[n].ticket.text() for n in (1, 3, 4)] == [first, second, third]
        assert board.status.text() == ""
        board.close()
        qtbot.wait(50)
