"""The hall board (landscape, 4K and portrait) and the strips above the windows, in Chinese and
English, on a busy floor with five-digit numbers."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.layout import check_front_end, report
from ui.common.panels import BOARD, STRIP

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("key", ["board", "strip"])
@pytest.mark.parametrize("mode", BOARD.modes, ids=lambda m: m.label)
def test_display_fits_every_panel(
    layout_hall: Any, xdg: Any, qapp: Any, mode: Any, key: str
) -> None:
    assert BOARD.modes == STRIP.modes
    base = ["--server", layout_hall.url, f"--token={layout_hall.tokens['display']}", "--no-voice"]
    lines = check_front_end(key, base, mode, {})
    assert not lines, report(lines)


@pytest.mark.parametrize("mode", BOARD.modes, ids=lambda m: m.label)
def test_board_waiting_list_stays_big(layout_hall: Any, xdg: Any, qapp: Any, mode: Any) -> None:
    """The waiting list is read from the seats as the recent calls are: at 26 px or more per
    1080 lines (QUEUE_PX less its give) in English as in Chinese, on every board panel, and
    every queue on one of its pages."""
    from PySide6.QtWidgets import QLabel

    from ui.common.tour import at_sizes, close, open_window
    from ui.display.lists import GIVE, QUEUE_PX, QueueGrid

    base = ["--server", layout_hall.url, f"--token={layout_hall.tokens['display']}", "--no-voice"]
    window = open_window(BOARD, [*base, *mode.args])
    small, missing = [], []
    try:
        grid = window.findChild(QueueGrid)
        assert grid is not None and grid.model is not None
        queues = len(grid.model.queues)
        for panel in at_sizes(window, BOARD.panels):
            scale = min(panel.width, panel.height) / 1080
            least = QUEUE_PX * GIVE * scale - 1
            seen: set[str] = set()
            for _ in range(grid.pages):
                for label in grid.findChildren(QLabel):
                    if label.objectName() in ("queueName", "queueCount") and label.text():
                        if label.font().pixelSize() < least:
                            small.append(
                                f"{panel.label} {label.text()!r} {label.font().pixelSize()} px"
                            )
                        if label.objectName() == "queueName":
                            seen.add(label.text())
                grid._turn()
            if len(seen) != queues:
                missing.append(f"{panel.label}: {len(seen)} of {queues} queues on its pages")
    finally:
        close(window)
    assert not small, f"waiting list smaller than {QUEUE_PX * GIVE:.0f} px at 1080p: {small[:8]}"
    assert not missing, missing
