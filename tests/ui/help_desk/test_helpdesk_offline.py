"""The hall server goes away while help-desk staff answer a question: claiming is switched off
with a clear message, the saved answer and the resolve wait in the outbox ("待发送 N"), and
after the server restarts they arrive exactly once and in order."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from kiosk.domain import DeviceRole
from kiosk.store.db import store_path
from tests.helpers.hallfactory import make_sample_hall
from tests.helpers.server import free_port, server_process
from ui.help_desk.session import DeskSession
from ui.help_desk.window import HelpDeskWindow

WAIT = 20000
ANSWER = "带身份证到社保窗口补办，当场领卡。"


@pytest.mark.gui
@pytest.mark.slow
def test_answer_and_resolve_offline_arrive_once_after_restart(
    qtbot, tmp_path: Path, desk_qt: None
) -> None:
    data = tmp_path / "hall"
    data.mkdir()
    hall = make_sample_hall(store_path(data))
    sync = hall.add_device("center-sync", DeviceRole.CENTER_SYNC)
    kiosk = hall.add_device("kiosk-1", DeviceRole.KIOSK)
    hall.close()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    session = DeskSession(url, "zh", outbox_path=tmp_path / "outbox.sqlite")
    w = HelpDeskWindow(session, f"pdf://{tmp_path / 'prints'}")
    qtbot.addWidget(w)
    w.auto_login("2001", "1234")
    w.show()
    qtbot.waitExposed(w)
    with server_process(data, port):
        with qtbot.waitSignal(w.ready, timeout=WAIT):
            session.load_catalog()
        qtbot.waitUntil(lambda: session.follow.is_connected, timeout=WAIT)
        qtbot.waitUntil(lambda: session.on_duty and session.pending == 0, timeout=WAIT)
        r = httpx.post(
            f"{url}/api/v1/consultations",
            json={"topic": "社保卡", "question": "社保卡丢了怎么补？"},
            headers={"Authorization": f"Bearer {kiosk}"},
        )
        assert r.status_code == 201, r.text
        cid = r.json()["id"]
        qtbot.waitUntil(lambda: w.model.row_of(cid) >= 0, timeout=WAIT)
        assert w.queue.select(cid)
        qtbot.waitUntil(lambda: w.panel.row is not None and w.panel.row["id"] == cid, timeout=WAIT)
        w.panel.claim_button.click()
        qtbot.waitUntil(w.panel.action_area.resolve_button.isVisible, timeout=WAIT)

    qtbot.waitUntil(lambda: not session.is_online, timeout=WAIT)
    assert w.header.link.text() == "离线"
    assert not w.panel.claim_button.isEnabled()
    assert not w.panel.action_area.convert_button.isEnabled()
    assert w.panel.blocked.isVisibleTo(w) and "无法连接" in w.panel.blocked.text()

    w.panel.answer.setPlainText(ANSWER)
    w.panel.action_area.save_button.click()
    qtbot.waitUntil(lambda: w.header.pending.text() == "待发送 1", timeout=WAIT)
    w.panel.action_area.resolve_button.click()
    qtbot.waitUntil(lambda: w.header.pending.text() == "待发送 2", timeout=WAIT)
    assert w.header.pending.isVisibleTo(w) and session.pending == 2
    assert not w.panel.claim_button.isEnabled()

    with server_process(data, port):
        qtbot.waitUntil(lambda: session.is_online and session.pending == 0, timeout=WAIT)
        r = httpx.get(f"{url}/api/v1/events", headers={"Authorization": f"Bearer {sync}"})
        mine = [
            e
            for e in r.json()["events"]
            if e["type"] in ("consultation.answered", "consultation.resolved")
            and e["payload"].get("consultation_id") == cid
        ]
        assert [e["type"] for e in mine] == ["consultation.answered", "consultation.resolved"]
        assert [e["payload"]["answer"] for e in mine] == [ANSWER, ANSWER]
        qtbot.waitUntil(lambda: w.panel.row["status"] == "resolved", timeout=WAIT)
        qtbot.waitUntil(lambda: not w.header.pending.isVisibleTo(w), timeout=WAIT)
        assert w.panel.claim_button.isEnabled()  # online and nothing waits: claims are back
        w.close()
