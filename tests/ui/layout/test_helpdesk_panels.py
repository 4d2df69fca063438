"""The help desk's console on its desk panels, in Chinese and English, with its morning of
questions (kiosk.sample.helpdesk) listed."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.layout import PIN, check_front_end, report
from ui.common.panels import HELP_DESK

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("mode", HELP_DESK.modes, ids=lambda m: m.label)
def test_help_desk_fits_every_panel(layout_hall: Any, xdg: Any, qapp: Any, mode: Any) -> None:
    base = ["--server", layout_hall.url, "--employee-no", "2001", "--pin", PIN]
    lines = check_front_end("helpdesk", base, mode, {})
    assert not lines, report(lines)
