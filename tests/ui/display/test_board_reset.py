"""A board whose hall server comes back from a backup (its log now behind what the board saw) is
told `stream.reset`: it reloads the snapshot, shows the restored state and follows on from it,
instead of waiting forever for sequence numbers the server will not send again."""

from __future__ import annotations

import sqlite3
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


def backup(db: Path, to: Path) -> None:
    src, dst = sqlite3.connect(db), sqlite3.connect(to)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()


def restore(copy: Path, db: Path) -> None:
    for extra in (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        extra.unlink(missing_ok=True)
    backup(copy, db)


def test_a_board_behind_a_restored_server_reloads_and_follows_on(
    qtbot: Any, tmp_path: Path, display_qt: None
) -> None:
    db = store_path(tmp_path)
    hall = make_hall(db)
    token = hall.add_device("display-1", DeviceRole.DISPLAY)
    kiosk = hall.add_device("kiosk-1", DeviceRole.KIOSK)
    hall.close()
    saved = tmp_path / "backup.db"
    backup(db, saved)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    source = BoardSource(url, token)
    board = HallBoard(source, None)
    source.setParent(board)
    qtbot.addWidget(board)
    board.resize(1920, 1080)
    board.show()
    resets: list[int] = []
    source.follow.reset.connect(resets.append)

    def issue_and_call(window: int, n: int = 1) -> str:
        """Issues n tickets and calls the first at the window; returns its number."""
        auth = {"Authorization": f"Bearer {kiosk}"}
        issued = [
            httpx.post(f"{url}/api/v1/tickets", json={"category": "SB"}, headers=auth)
            for _ in range(n)
        ]
        r = httpx.post(
            f"{url}/api/v1/sessions",
            json={"employee_no": f"100{window}", "pin": "1234", "window": window},
        )
        Clerk(url, window, r.json()["token"]).post("call-next")
        return str(issued[0].json()["number"])

    with server_process(tmp_path, port):
        with qtbot.waitSignal(board.ready, timeout=WAIT_MS):
            source.start()
        lost = issue_and_call(1, n=3)
        qtbot.waitUntil(lambda: board.now.number.text() == lost, timeout=WAIT_MS)
        seen = source.model.last_seq
    qtbot.waitUntil(lambda: board.status.text() == "连接中断，正在重连…", timeout=WAIT_MS)
    restore(saved, db)  # the hall's store is back to before any of that
    with server_process(tmp_path, port):
        qtbot.waitUntil(lambda: resets == [0], timeout=WAIT_MS)
        qtbot.waitUntil(lambda: board.windows.tiles[1].ticket.text() == "暂无人员")
        assert board.model.recent == [] and board.model.queues["SB"].waiting == 0
        again = issue_and_call(3)
        qtbot.waitUntil(lambda: board.now.number.text() == again, timeout=WAIT_MS)
        assert again == "A001" and source.model.last_seq < seen
        assert board.windows.tiles[3].ticket.text() == again
        assert board.status.text() == "" and source.live
        board.close()
        qtbot.wait(50)
