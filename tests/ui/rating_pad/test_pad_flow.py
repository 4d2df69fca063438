"""The rating pad against a live sample hall: idle shows who serves, a finished service brings
the faces, good ratings go straight through, bad ones ask for reasons, walking away records
nothing, and one rating per service holds across channels."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ui.rating_pad.pad import RatingPad

WAIT = 10000


def open_pad(qtbot, live, tmp_path: Path, **options) -> RatingPad:
    pad = RatingPad(live.url, live.tokens["pad"], 1, tmp_path / "pad.sqlite", **options)
    qtbot.addWidget(pad)
    with qtbot.waitSignal(pad.ready, timeout=WAIT):
        pad.load()
    qtbot.waitUntil(lambda: pad.follow.is_connected, timeout=WAIT)
    return pad


def serve_one(live) -> dict:
    """Clerk 1001 at window 1 calls and finishes one ticket; returns the ticket."""
    kiosk = live.client(live.tokens["kiosk"])
    ticket = kiosk.post("/api/v1/tickets", json={"category": "SHEBAO"}).json()
    with live.client(live.login("1001", "1234", 1)) as clerk:
        assert clerk.post("/api/v1/windows/1/call-next").status_code == 200
        assert clerk.post("/api/v1/windows/1/finish", json={"outcome": "completed"}).is_success
    return ticket


def face(pad: RatingPad, level: int):
    return next(f for f in pad.rate.faces if f.level == level)


@pytest.mark.gui
def test_idle_shows_the_clerk_and_a_good_rating_goes_straight_through(
    qtbot, sample_live, tmp_path: Path
) -> None:
    pad = open_pad(qtbot, sample_live, tmp_path)
    assert pad.stack.currentWidget() is pad.idle
    assert "closed" in pad.idle.clerk.text()
    ticket = serve_one(sample_live)
    qtbot.waitUntil(lambda: pad.stack.currentWidget() is pad.rate, timeout=WAIT)
    assert ticket["number"] in pad.rate.subtitle.text()
    qtbot.waitUntil(lambda: "张敏 (1001)" in pad.rate.subtitle.text(), timeout=WAIT)
    assert "张敏" in pad.idle.clerk.text() and "1001" in pad.idle.clerk.text()
    qtbot.mouseClick(face(pad, 5), Qt.MouseButton.LeftButton)
    assert pad.stack.currentWidget() is pad.thanks
    qtbot.waitUntil(lambda: sample_live.hall.ticket(ticket["id"])["rating"] == 5, timeout=WAIT)
    tags = sample_live.hall.reader().execute("SELECT tags FROM ratings").fetchone()[0]
    assert tags == "[]"
    pad.thanks_timer.setInterval(50)
    pad.thanks_timer.start()
    qtbot.waitUntil(lambda: pad.stack.currentWidget() is pad.idle, timeout=WAIT)
    pad.close()


@pytest.mark.gui
def test_walking_away_records_nothing(qtbot, sample_live, tmp_path: Path) -> None:
    pad = open_pad(qtbot, sample_live, tmp_path, walk_away_s=0.4)
    ticket = serve_one(sample_live)
    qtbot.waitUntil(lambda: pad.stack.currentWidget() is pad.rate, timeout=WAIT)
    qtbot.mouseClick(face(pad, 1), Qt.MouseButton.LeftButton)  # a bad face, then gone
    assert pad.stack.currentWidget() is pad.reasons
    qtbot.waitUntil(lambda: pad.stack.currentWidget() is pad.idle, timeout=WAIT)
    assert pad.outbox.pending == 0 and pad.service is None
    assert sample_live.hall.ticket(ticket["id"])["rating"] is None
    pad.close()


@pytest.mark.gui
def test_one_rating_per_service_across_channels(qtbot, sample_live, tmp_path: Path) -> None:
    pad = open_pad(qtbot, sample_live, tmp_path)
    ticket = serve_one(sample_live)
    qtbot.waitUntil(lambda: pad.stack.currentWidget() is pad.rate, timeout=WAIT)
    phone = sample_live.client(ticket["status_url"].rsplit("/", 1)[1])  # the citizen's link
    body = {"ticket_id": ticket["id"], "level": 4, "channel": "phone"}
    assert phone.post("/api/v1/ratings", json=body).status_code == 201
    qtbot.mouseClick(face(pad, 2), Qt.MouseButton.LeftButton)
    pad.reasons.submit_button.click()  # no reason ticked: still allowed
    assert pad.stack.currentWidget() is pad.thanks
    qtbot.waitUntil(lambda: "已评价" in pad.thanks.detail.text(), timeout=WAIT)
    assert sample_live.hall.ticket(ticket["id"])["rating"] == 4
    pad.close()
