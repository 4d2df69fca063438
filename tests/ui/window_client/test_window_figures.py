"""The side panel's "completed" (办结件数) counts completed services only: a correction (补正)
is a service finished at the window, not a case completed."""

from __future__ import annotations

import pytest

from kiosk.clock import FakeClock
from tests.helpers.server import LiveHall
from tests.integration.api.test_stats import serve_one
from ui.window_client.side_panel import SidePanel


@pytest.mark.gui
def test_corrections_are_not_counted_as_completed(qtbot, live: LiveHall, clock: FakeClock) -> None:
    clerk = live.login("1001", "1234", 1)
    for outcome in ("completed", "correction", "correction"):
        serve_one(live, clerk, clock, 60, outcome)
    with live.client(clerk) as c:
        stats = c.get("/api/v1/windows/1/stats").json()
    panel = SidePanel()
    qtbot.addWidget(panel)
    panel.show_stats(stats)
    assert panel.figures["completed"].text() == "1"
