"""The board's window tiles tell a paused window (暂停服务) from one nobody signed into
(暂无人员): a citizen waits for the first, not for the second."""

from __future__ import annotations

import pytest

from tests.ui.display.test_board_model import loaded
from ui.display.panels import WindowGrid


@pytest.mark.gui
def test_paused_and_unstaffed_windows_read_differently(qtbot) -> None:
    model = loaded()
    model.apply({"seq": 10, "type": "window.opened", "payload": {"window_no": 3}})
    model.apply({"seq": 11, "type": "window.paused", "payload": {"window_no": 3, "reason": "meal"}})
    grid = WindowGrid()
    qtbot.addWidget(grid)
    grid.show_model(model)
    closed, paused, open_ = (grid.tiles[n].texts[1] for n in (2, 3, 1))
    assert closed and paused and closed != paused, (closed, paused)
    assert open_ not in (closed, paused)
