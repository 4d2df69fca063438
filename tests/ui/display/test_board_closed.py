"""The board of a closed hall shows its opening hours, and stops when it opens."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.clock import FakeClock
from tests.helpers.hallfactory import make_hall
from tests.helpers.server import LiveHall, running
from tests.ui.display.conftest import WAIT_MS
from tests.unit.issuing.conftest import RULES, local
from ui.display.board import HallBoard
from ui.display.source import BoardSource

pytestmark = pytest.mark.gui


@pytest.fixture
def saturday(tmp_path: Path) -> Iterator[LiveHall]:
    hall = make_hall(tmp_path / "h.db", FakeClock(local(2026, 11, 28, 16, 45)), issuing=RULES)
    with running(hall) as live:
        yield live
    hall.close()


def test_a_closed_hall_s_board_shows_its_hours(
    qtbot: Any, saturday: LiveHall, display_qt: None, tmp_path: Path
) -> None:
    source = BoardSource(saturday.url, saturday.tokens["display"])
    board = HallBoard(source)
    source.setParent(board)
    qtbot.addWidget(board)
    board.resize(1920, 1080)
    board.show()
    with qtbot.waitSignal(board.ready, timeout=WAIT_MS):
        source.start()
    qtbot.waitUntil(lambda: source.closed and source.live, timeout=WAIT_MS)
    board.refresh()
    assert "办公时间：周一至周五 09:00-12:00 13:30-17:30" in board.ticker.text
    assert "暂停取号" in board.status.text()
    pictures = Path(os.environ.get("KIOSK_SCREENSHOTS") or tmp_path)  # `make screenshots`
    assert board.grab().save(str(pictures / "board-closed.png"))
    saturday.hall.clock.set(local(2026, 11, 30, 9, 30))  # type: ignore[attr-defined]
    source._load_issuing()  # what the minute timer does
    qtbot.waitUntil(lambda: not source.closed, timeout=WAIT_MS)
    assert "办公时间" not in board.ticker.text
    board.close()
