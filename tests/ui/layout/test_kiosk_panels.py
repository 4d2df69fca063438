"""The ticket kiosk on every panel halls buy, in Chinese and English, standard and elder mode:
nothing a citizen would see cut, covered, off screen, too small to tap or to read."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.layout import check_front_end, report
from ui.common.panels import KIOSK

pytestmark = [pytest.mark.gui, pytest.mark.slow]


@pytest.mark.parametrize("mode", KIOSK.modes, ids=lambda m: m.label)
def test_kiosk_fits_every_panel(layout_hall: Any, xdg: Any, qapp: Any, mode: Any) -> None:
    base = ["--server", layout_hall.url, f"--token={layout_hall.tokens['kiosk']}"]
    item = ["--item", layout_hall.longest[mode.lang].code]
    lines = check_front_end("kiosk", base, mode, {"item": item, "ticket": item})
    assert not lines, report(lines)
