"""The clerk's full cycle at window 1 against a live sample hall, driven by the keys a USB caller
sends: sign in, call, recall, no-show, (the citizen requeues at the kiosk), call that number,
start, finish with a correction that prints the one-time notice, and the rating on the pad."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.domain import RatingTag
from ui.rating_pad.pad import RatingPad
from ui.window_client.actions import ACTIONS
from ui.window_client.commands import ClerkSession
from ui.window_client.main_window import WindowClient

WAIT = 10000


def open_client(qtbot, url: str, tmp_path: Path, window_no: int = 1) -> WindowClient:
    session = ClerkSession(url, window_no, tmp_path / f"outbox-{window_no}.sqlite", "zh")
    client = WindowClient(session, f"pdf://{tmp_path / 'notices'}")
    qtbot.addWidget(client)
    client.show()
    qtbot.waitExposed(client)
    client.activateWindow()
    with qtbot.waitSignal(client.ready, timeout=WAIT):
        session.load()
    return client


def sign_in(qtbot, client: WindowClient, employee_no: str = "1001") -> None:
    client.login.employee.setText(employee_no)
    client.login.pin.setText("1234")
    qtbot.keyClick(client.login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: client.screens.currentIndex() == 1, timeout=WAIT)
    qtbot.waitUntil(client.isActiveWindow, timeout=WAIT)


def press(qtbot, client: WindowClient, key: Qt.Key) -> None:
    """A key as the USB caller sends it; waits for the button first (its state follows the
    session by queued signals)."""
    action = next((a.name for a in ACTIONS if a.key == key), None)
    if action is not None:
        qtbot.waitUntil(client.action_bar.buttons[action].isEnabled, timeout=WAIT)
    client.activateWindow()
    qtbot.waitUntil(client.isActiveWindow, timeout=WAIT)
    qtbot.keyClick(client, key)


@pytest.mark.gui
def test_full_cycle_with_correction_and_rating(qtbot, sample_live, tmp_path: Path) -> None:
    live, hall = sample_live, sample_live.hall
    kiosk = live.client(live.tokens["kiosk"])
    first = kiosk.post("/api/v1/tickets", json={"category": "SHEBAO", "item": "SB-008"}).json()
    kiosk.post("/api/v1/tickets", json={"category": "SHEBAO"})
    client = open_client(qtbot, live.url, tmp_path)
    session = client.session
    pad = RatingPad(live.url, live.tokens["pad"], 1, tmp_path / "pad.sqlite")
    qtbot.addWidget(pad)
    with qtbot.waitSignal(pad.ready, timeout=WAIT):
        pad.load()
    assert "张敏" not in pad.idle.clerk.text()

    sign_in(qtbot, client)
    assert client.header.clerk.text() == "张敏 (1001)"
    qtbot.waitUntil(lambda: "张敏" in pad.idle.clerk.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: client.side.model.rowCount() == 2, timeout=WAIT)  # SHEBAO, YIBAO
    assert client.side.model.rows[0]["waiting"] == 2

    press(qtbot, client, Qt.Key.Key_F1)  # call next
    qtbot.waitUntil(lambda: client.ticket.number.text() == first["number"], timeout=WAIT)
    assert "工伤认定申请" in client.ticket.item.text()
    qtbot.waitUntil(lambda: pad.idle.ticket.text() == first["number"], timeout=WAIT)

    press(qtbot, client, Qt.Key.Key_F2)  # recall
    qtbot.waitUntil(lambda: client.ticket.recalls.isVisibleTo(client), timeout=WAIT)
    assert "1" in client.ticket.recalls.text()

    press(qtbot, client, Qt.Key.Key_F3)  # no-show (a record: through the outbox)
    assert session.ticket is None
    qtbot.waitUntil(lambda: hall.ticket(first["id"])["status"] == "no_show", timeout=WAIT)

    assert kiosk.post(f"/api/v1/tickets/{first['number']}/requeue").status_code == 200
    qtbot.waitUntil(client.action_bar.buttons["call_number"].isEnabled, timeout=WAIT)
    press(qtbot, client, Qt.Key.Key_F6)  # call a specific number
    assert client.main.currentWidget() is client.call_page
    qtbot.keyClicks(client.call_page.number, first["number"].lower())
    qtbot.keyClick(client.call_page.number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: client.ticket.number.text() == first["number"], timeout=WAIT)

    press(qtbot, client, Qt.Key.Key_F4)  # start
    assert session.ticket is not None and session.ticket["status"] == "serving"
    qtbot.waitUntil(lambda: hall.ticket(first["id"])["status"] == "serving", timeout=WAIT)

    press(qtbot, client, Qt.Key.Key_F5)  # finish: outcome 3 = correction
    page = client.finish_page
    assert client.main.currentWidget() is page
    qtbot.keyClick(page, Qt.Key.Key_3)
    qtbot.keyClick(page, Qt.Key.Key_Return)
    checklist = client.correction_page
    assert client.main.currentWidget() is checklist
    assert len(checklist.checks) == 5
    qtbot.keyClick(checklist, Qt.Key.Key_Return)  # nothing ticked yet: refused on screen
    assert checklist.hint.isVisibleTo(client)
    qtbot.keyClick(checklist, Qt.Key.Key_2)
    qtbot.keyClick(checklist, Qt.Key.Key_5)
    checklist.note.setText("请补齐后再来")
    qtbot.keyClick(checklist, Qt.Key.Key_Return)
    assert client.main.currentWidget() is client.ticket

    qtbot.waitUntil(lambda: hall.ticket(first["id"])["status"] == "done", timeout=WAIT)
    done = hall.ticket(first["id"])
    assert done["outcome"] == "correction"
    assert done["missing_materials"] == ["劳动关系证明材料", "事故经过说明及证人证言"]
    notices = tmp_path / "notices"
    qtbot.waitUntil(lambda: notices.exists() and any(notices.glob("*.pdf")), timeout=WAIT)

    qtbot.waitUntil(lambda: pad.stack.currentWidget() is pad.rate, timeout=WAIT)
    assert first["number"] in pad.rate.subtitle.text()
    [dissatisfied] = [f for f in pad.rate.faces if f.level == 2]
    qtbot.mouseClick(dissatisfied, Qt.MouseButton.LeftButton)
    assert pad.stack.currentWidget() is pad.reasons
    pad.reasons.buttons[RatingTag.EXTRA_MATERIALS].click()
    pad.reasons.comment.setText("要求了清单以外的材料")
    pad.reasons.submit_button.click()
    assert pad.stack.currentWidget() is pad.thanks
    qtbot.waitUntil(lambda: hall.ticket(first["id"])["rating"] == 2, timeout=WAIT)
    rating = hall.reader().execute("SELECT tags, comment, channel FROM ratings").fetchone()
    assert tuple(rating) == ('["extra_materials"]', "要求了清单以外的材料", "pad")

    qtbot.waitUntil(lambda: client.side.figures["ratings"].text() == "1", timeout=WAIT)
    assert client.side.figures["completed"].text() == "0"  # a correction is not 办结
    assert client.side.figures["good"].text() == "0%"
    pad.close()
    client.close()


@pytest.mark.gui
def test_one_clerk_per_window(qtbot, sample_live, tmp_path: Path) -> None:
    sample_live.login("1002", "1234", 1)
    client = open_client(qtbot, sample_live.url, tmp_path)
    client.login.employee.setText("1001")
    client.login.pin.setText("1234")
    client.login.button.click()
    qtbot.waitUntil(lambda: "1002" in client.login.error.text(), timeout=WAIT)
    assert client.screens.currentIndex() == 0
    client.close()


@pytest.mark.gui
def test_queue_model(qtbot, qtmodeltester, sample_live, tmp_path: Path) -> None:
    kiosk = sample_live.client(sample_live.tokens["kiosk"])
    for category in ("SHEBAO", "YIBAO", "SHEBAO"):
        kiosk.post("/api/v1/tickets", json={"category": category})
    client = open_client(qtbot, sample_live.url, tmp_path)
    sign_in(qtbot, client)
    model = client.side.model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=WAIT)
    qtmodeltester.check(model)
    assert [model.data(model.index(r, 1)) for r in range(2)] == ["2", "1"]
    client.close()


@pytest.mark.gui
def test_transfer_with_a_note_and_reject_needs_a_reason(qtbot, sample_live, tmp_path: Path) -> None:
    kiosk = sample_live.client(sample_live.tokens["kiosk"])
    first = kiosk.post("/api/v1/tickets", json={"category": "SHEBAO"}).json()
    second = kiosk.post("/api/v1/tickets", json={"category": "SHEBAO"}).json()
    client = open_client(qtbot, sample_live.url, tmp_path)
    sign_in(qtbot, client)
    press(qtbot, client, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: client.ticket.number.text() == first["number"], timeout=WAIT)
    press(qtbot, client, Qt.Key.Key_F7)
    page = client.transfer_page
    assert client.main.currentWidget() is page
    page.to_window.setChecked(True)
    page.windows.setCurrentIndex(page.windows.findData(18))
    page.note.setText("已核验身份，需办理公积金")
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert client.session.ticket is None
    hall = sample_live.hall
    qtbot.waitUntil(lambda: hall.ticket(first["id"])["target_window"] == 18, timeout=WAIT)
    assert hall.ticket(first["id"])["transfer_note"] == "已核验身份，需办理公积金"

    press(qtbot, client, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: client.ticket.number.text() == second["number"], timeout=WAIT)
    press(qtbot, client, Qt.Key.Key_F5)
    finish = client.finish_page
    qtbot.keyClick(finish, Qt.Key.Key_4)  # rejected
    qtbot.keyClick(finish, Qt.Key.Key_Return)
    assert finish.hint.isVisibleTo(client) and client.main.currentWidget() is finish
    finish.reason.setText("不属于本中心受理范围")
    qtbot.keyClick(finish, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: hall.ticket(second["id"])["outcome"] == "rejected", timeout=WAIT)
    client.close()
