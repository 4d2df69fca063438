"""The hall board against a live server: a call shows on the very event that carries it, a
recall is announced again, and a board that lost its connection misses no call."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QFontMetrics

from kiosk.voice import Announcer
from tests.ui.display.conftest import WAIT_MS, clerk, issue
from ui.display.board import HallBoard
from ui.display.source import BoardSource
from ui.display.voice import BoardVoice

pytestmark = pytest.mark.gui


@pytest.fixture
def board(qtbot: Any, live: Any, display_qt: None, announcer: Announcer) -> Iterator[HallBoard]:
    source = BoardSource(live.url, live.tokens["display"])
    board = HallBoard(source, BoardVoice(source.model, announcer))
    source.setParent(board)  # as `kiosk display` builds it
    qtbot.addWidget(board)
    board.resize(1920, 1080)
    board.show()
    qtbot.waitExposed(board)
    with qtbot.waitSignal(board.ready, timeout=WAIT_MS):
        source.start()
    qtbot.waitUntil(lambda: source.live, timeout=WAIT_MS)
    yield board
    board.close()  # stops the feed and the voice
    qtbot.wait(50)


def test_a_call_shows_on_the_event_that_carries_it(qtbot: Any, live: Any, board: HallBoard) -> None:
    first, _ = issue(live, "SB", 2)
    qtbot.waitUntil(lambda: board.model.queues["SB"].waiting == 2, timeout=WAIT_MS)
    assert board.queues.rows["SB"][1].text() == "2人"
    seen: list[tuple[str, str, str]] = []

    def on_event(ev: dict[str, Any]) -> None:  # runs right after the board's own handler
        if ev["type"] == "ticket.called":
            tile = board.windows.tiles[1]
            seen.append((board.now.number.text(), tile.ticket.text(), board.now.line.text()))

    board.source.follow.received.connect(on_event)
    clerk(live, 1).post("call-next")
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=WAIT_MS)
    number, tile_text, line = seen[0]
    assert (number, tile_text) == (first["number"], first["number"])
    assert "请到" in line and "1</span> 号窗口办理" in line
    assert board.now.blinker.active  # blinking for a few seconds
    assert board.recent.rows[0][0].text() == first["number"]
    assert board.queues.rows["SB"][1].text() == "1人"
    # readable from 5 m: the number's capital letters are at least 120 px high at 1080p
    assert QFontMetrics(board.now.number.font()).capHeight() >= 120
    assert board.windows.tiles[2].ticket.text() == "暂无人员"  # nobody signed in at window 2


def test_a_recall_is_announced_again(
    qtbot: Any, live: Any, board: HallBoard, announcer: Announcer
) -> None:
    (ticket,) = issue(live)
    at_1 = clerk(live, 1)
    at_1.post("call-next")
    qtbot.waitUntil(lambda: len(announcer.log) == 1, timeout=WAIT_MS)
    at_1.post("recall")
    qtbot.waitUntil(lambda: len(announcer.log) == 2, timeout=WAIT_MS)
    said = [record.text for record in announcer.log]
    assert said == [f"请{ticket['number']}号到1号窗口办理"] * 2
    assert [r.announcement.repeat for r in announcer.log] == [2, 2]  # each spoken twice
    first, second = announcer.log
    assert second.start >= first.end  # queued, never overlapping
    assert board.now.caption.text() == "重复呼叫"


def test_a_dropped_connection_resumes_without_missing_a_call(
    qtbot: Any, live: Any, board: HallBoard, announcer: Announcer
) -> None:
    tickets = issue(live, "SB", 3)
    at_1, at_4 = clerk(live, 1), clerk(live, 4)
    at_1.post("call-next")
    qtbot.waitUntil(lambda: board.now.number.text() == tickets[0]["number"], timeout=WAIT_MS)
    feed = board.source.follow.feed
    assert feed is not None
    with qtbot.waitSignal(feed.connected, timeout=WAIT_MS):
        feed._socket.abort()  # the network drops; the feed retries on its own
    assert not board.source.live
    assert board.status.text() == "连接中断，正在重连…"
    at_1.post("finish", {"outcome": "completed"})  # all while the board is away
    at_1.post("call-next")
    at_4.post("call-next")
    at_4.post("finish", {"outcome": "completed"})
    qtbot.waitUntil(lambda: board.source.live, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: board.windows.tiles[1].ticket.text() == tickets[1]["number"])
    assert [c.number for c in board.model.recent[:3]] == [t["number"] for t in reversed(tickets)]
    assert board.windows.tiles[4].ticket.text() == "—"  # called and finished while away
    assert board.model.queues["SB"].waiting == 0
    assert board.source.model.last_seq == live.hall.last_seq
    # what was missed is shown; only the call still waiting for its citizen is read out
    qtbot.waitUntil(lambda: len(announcer.log) == 2, timeout=WAIT_MS)
    assert [r.text for r in announcer.log] == [
        f"请{tickets[0]['number']}号到1号窗口办理",
        f"请{tickets[1]['number']}号到1号窗口办理",
    ]
    assert board.status.text() == "语音播报不可用"  # connected again; no speech engine here


def test_the_board_retranslates_when_the_language_changes(
    qtbot: Any, qapp: Any, board: HallBoard
) -> None:
    from ui.common import i18n

    assert board.queues.title.text() == "等候人数"
    assert board.queues.rows["SB"][0].text() == "A  社保"
    i18n.install(qapp, "en", ("display",))
    qtbot.waitUntil(lambda: board.queues.title.text() == "Waiting", timeout=WAIT_MS)
    assert board.queues.rows["SB"][0].text() == "A  Social insurance"
    assert board.windows.tiles[2].ticket.text() == "No staff"
    assert board.hall.text() == "Test Service Center"
