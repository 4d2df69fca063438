"""The rating pad on the small panels pads have, in Chinese and English: faces, reasons and
comment all reachable, none covering another."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.layout import WINDOW, check_front_end, report
from ui.common.panels import RATING_PAD

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("mode", RATING_PAD.modes, ids=lambda m: m.label)
def test_rating_pad_fits_every_panel(layout_hall: Any, xdg: Any, qapp: Any, mode: Any) -> None:
    base = ["--server", layout_hall.url, f"--token={layout_hall.tokens['pad']}"]
    base += ["--window", str(WINDOW)]
    lines = check_front_end("pad", base, mode, {})
    assert not lines, report(lines)
