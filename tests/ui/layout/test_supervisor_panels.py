"""The supervisor's console on the desk panels a hall office has, in Chinese and English: the
live hall with the busy floor, the morning's alerts and cases, the day's report."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.layout import PIN, check_front_end, report
from ui.common.panels import SUPERVISOR

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("mode", SUPERVISOR.modes, ids=lambda m: m.label)
def test_supervisor_fits_every_panel(supervised_hall: Any, xdg: Any, qapp: Any, mode: Any) -> None:
    base = ["--server", supervised_hall.url, "--employee-no", "3001", "--pin", PIN]
    lines = check_front_end("supervisor", base, mode, {})
    assert not lines, report(lines)
