"""The window client at the clerk's desk, in Chinese and English, on its panels: the longest
item name called, five-digit numbers, every step open in turn."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.layout import PIN, WINDOW, check_front_end, report
from ui.common.panels import WINDOW_CLIENT

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("mode", WINDOW_CLIENT.modes, ids=lambda m: m.label)
def test_window_client_fits_every_panel(layout_hall: Any, xdg: Any, qapp: Any, mode: Any) -> None:
    base = ["--server", layout_hall.url, "--window", str(WINDOW)]
    base += ["--employee-no", f"10{WINDOW}", "--pin", PIN, "--call-next"]
    lines = check_front_end("window", base, mode, {})
    assert not lines, report(lines)
