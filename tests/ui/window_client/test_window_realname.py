"""The window client marks a real-name ticket and a second trip for the same item, and shows
nothing of the number."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.clock import FakeClock
from kiosk.engine.base import Actor
from kiosk.idcard import make_id_number
from kiosk.privacy import mask_id
from tests.helpers.hallfactory import make_sample_hall
from tests.helpers.server import running
from tests.ui.window_client.test_window_cycle import WAIT, open_client, press, sign_in
from tests.unit.issuing.conftest import local

NUMBER = make_id_number("370202", date(1980, 7, 1), 5)


@pytest.mark.gui
def test_real_name_and_second_trip_are_marked(qtbot, tmp_path: Path) -> None:
    clock = FakeClock(local(2026, 11, 26, 10, 0))
    hall = make_sample_hall(tmp_path / "h.db", clock)
    kiosk = Actor(device="kiosk-1")
    hall.issue_ticket("SHEBAO", "SB-008", actor=kiosk, id_number=NUMBER)  # yesterday
    clock.advance(days=1)
    second, _ = hall.issue_ticket("SHEBAO", "SB-008", actor=kiosk, id_number=NUMBER)
    assert second["repeat_visit"] is True
    with running(hall) as live:
        client = open_client(qtbot, live.url, tmp_path)
        sign_in(qtbot, client)
        press(qtbot, client, Qt.Key.Key_F1)
        panel = client.ticket
        qtbot.waitUntil(lambda: panel.number.text() == second["number"], timeout=WAIT)
        # in the clerk's language (this test runs the client untranslated, in English)
        assert panel.realname.isVisible() and panel.realname.text() in ("实名", "Real name")
        assert panel.repeat.isVisible()
        assert panel.repeat.text() in ("同一事项再次来办", "Second trip for this item")
        shown = " ".join(w.text() for w in client.findChildren(type(panel.number)))
        for secret in (NUMBER, mask_id(NUMBER), NUMBER[6:14]):
            assert secret not in shown
        client.close()
    hall.close()
