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
