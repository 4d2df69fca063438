"""The pause step as a clerk meets it: no empty ticket badge when no ticket is open, and the
"write a note" warning goes as soon as the clerk picks another reason or writes the note."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.domain import PauseReason
from tests.ui.window_client.test_window_cycle import WAIT, open_client, press, sign_in
from ui.window_client.pages import REASONS


@pytest.mark.gui
def test_pause_page_badge_and_warning(qtbot, sample_live, tmp_path: Path) -> None:
    client = open_client(qtbot, sample_live.url, tmp_path)
    sign_in(qtbot, client)
    press(qtbot, client, Qt.Key.Key_F8)  # pause, with no ticket open
    page = client.pause_page
    qtbot.waitUntil(lambda: client.main.currentWidget() is page, timeout=WAIT)
    assert not page.subject.isVisibleTo(client), "an empty ticket badge is shown"

    page.options.button(REASONS.index(PauseReason.OTHER)).click()
    qtbot.keyClick(page, Qt.Key.Key_Return)  # "Other" without a note: refused, with a warning
    assert page.hint.isVisibleTo(client) and page.hint.text()
    page.options.button(REASONS.index(PauseReason.MEAL)).click()
    assert not page.hint.isVisibleTo(client), "the warning outlived the reason it was about"

    page.options.button(REASONS.index(PauseReason.OTHER)).click()
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert page.hint.isVisibleTo(client)
    page.note.setText("设备检修")
    assert not page.hint.isVisibleTo(client), "the warning stayed after the note was written"
    qtbot.keyClick(page, Qt.Key.Key_Escape)


@pytest.mark.gui
def test_online_actions_never_say_sending_saved_actions(qtbot, sample_live, tmp_path) -> None:
    """Online, every record passes through the outbox for a moment: that is not "saved here
    while the server was away", and the banner must not flash it."""
    client = open_client(qtbot, sample_live.url, tmp_path)
    sign_in(qtbot, client)
    session = client.session
    said: list[str] = []
    session.changed.connect(lambda: said.append(session.calling_blocked()))
    for _ in range(2):
        press(qtbot, client, Qt.Key.Key_F8)
        client.pause_page.options.button(REASONS.index(PauseReason.MEAL)).click()
        qtbot.keyClick(client.pause_page, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: session.status == "paused" and session.pending == 0, timeout=WAIT)
        press(qtbot, client, Qt.Key.Key_F9)
        qtbot.waitUntil(lambda: session.status == "open" and session.pending == 0, timeout=WAIT)
    assert said and session.online
    assert not any(said), f"the banner said {set(said)} while online"
