"""The help-desk console against a live hall server: 首问负责 when two staff race to claim,
the full claim-answer-resolve cycle, a question turned into a queue number, the unstaffed
redirect, and the unclaimed alert driven by the hall's fake clock."""

from __future__ import annotations

import pytest

from kiosk.domain import Role
from tests.ui.help_desk.conftest import WAIT, ask


def select(qtbot, window, cid: str) -> None:
    qtbot.waitUntil(lambda: window.model.row_of(cid) >= 0, timeout=WAIT)
    assert window.queue.select(cid)
    qtbot.waitUntil(lambda: window.panel.row is not None and window.panel.row["id"] == cid)


@pytest.mark.gui
def test_two_staff_race_to_claim_and_one_wins(qtbot, live, console) -> None:
    live.hall.add_clerk("8002", "咨询员二", "8888", Role.HELPDESK)
    a, b = console("8001"), console("8002")
    cid = ask(live)["id"]
    for w in (a, b):
        select(qtbot, w, cid)
        assert w.panel.claim_button.isVisible()
    a.panel.claim_button.click()  # both requests are in flight together
    b.panel.claim_button.click()
    for w in (a, b):
        qtbot.waitUntil(lambda w=w: w.panel.row["status"] == "claimed", timeout=WAIT)
    owner = live.hall.consultation(cid)["owner"]
    winner, loser = (a, b) if owner == "8001" else (b, a)
    qtbot.waitUntil(lambda: "首问负责" in loser.panel.feedback.text(), timeout=WAIT)
    assert winner.panel.answer.isVisible() and not winner.panel.answer.isReadOnly()
    assert winner.panel.action_area.resolve_button.isVisible()
    assert not loser.panel.action_area.resolve_button.isVisible()
    assert not loser.panel.claim_button.isVisible()
    claims = [e for e in live.hall.events_after(0) if e.type == "consultation.claimed"]
    assert len(claims) == 1


@pytest.mark.gui
def test_claim_answer_resolve_cycle(qtbot, live, console) -> None:
    w = console()
    cid = ask(live, "社保", "社保卡丢了怎么补？")["id"]
    qtbot.waitUntil(lambda: w.model.rowCount() == 1, timeout=WAIT)
    select(qtbot, w, cid)
    assert w.model.text(w.model.rows[0], "status") == "待接待"
    w.panel.claim_button.click()
    qtbot.waitUntil(lambda: w.panel.action_area.resolve_button.isVisible(), timeout=WAIT)
    w.panel.answer.setPlainText("带身份证到社保窗口补办，当场领卡。")
    w.panel.items.search.setText("社保卡补换（SB-1）")
    w.panel.items.search.returnPressed.emit()
    assert w.panel.items.codes() == ["SB-1"]
    w.panel.items.print_button.click()  # the item's one-time notice at the desk printer
    qtbot.waitUntil(lambda: "已打印 SB-1" in w.panel.feedback.text(), timeout=WAIT)
    w.panel.action_area.resolve_button.click()
    qtbot.waitUntil(lambda: w.panel.row["status"] == "resolved", timeout=WAIT)
    view = live.hall.consultation(cid)
    assert view["answer"] == "带身份证到社保窗口补办，当场领卡。" and view["items"] == ["SB-1"]
    assert w.panel.answer.isReadOnly() and w.panel.action_area.faq_button.isVisible()
    w.panel.action_area.faq_button.click()  # "make this an FAQ"
    qtbot.waitUntil(lambda: bool(w.panel.row.get("faq_id")), timeout=WAIT)
    assert live.hall.entries("faq")[0]["consultation_id"] == cid
    assert "接待" in w.panel.history.text() and "办结" in w.panel.history.text()


@pytest.mark.gui
def test_convert_to_a_queue_number(qtbot, live, console) -> None:
    w = console()
    cid = ask(live, "不动产", "过户在哪办？")["id"]
    select(qtbot, w, cid)
    w.panel.claim_button.click()
    qtbot.waitUntil(lambda: w.panel.action_area.convert_button.isVisible(), timeout=WAIT)
    assert w.panel.action_area.category.currentData() == "ZX"  # 综合咨询 first
    w.panel.action_area.note.setText("需到窗口办理")
    w.panel.action_area.convert_button.click()
    qtbot.waitUntil(lambda: w.panel.row["status"] == "converted", timeout=WAIT)
    assert "Z001" in w.panel.action_area.ticket_label.text()
    assert w.panel.action_area.print_button.isVisible()
    w.panel.action_area.print_button.click()
    qtbot.waitUntil(lambda: "已打印 Z001" in w.panel.feedback.text(), timeout=WAIT)
    ticket = live.hall.ticket("Z001")
    assert ticket["source"] == "consultation" and ticket["status"] == "waiting"


@pytest.mark.gui
def test_unstaffed_desk_turns_questions_into_tickets(qtbot, live, console) -> None:
    w = console()
    assert w.header.duty.text() == "在岗"
    w.header.duty.click()  # away
    qtbot.waitUntil(lambda: w.header.duty.text() == "离开", timeout=WAIT)
    assert "无人在岗" in w.header.count.text()
    with live.client() as anyone:
        assert anyone.get("/api/v1/helpdesk/status").json() == {"staffed": False, "on_duty": 0}
    answer = ask(live)
    assert answer["staffed"] is False and answer["ticket"]["number"] == "Z001"
    qtbot.waitUntil(lambda: w.model.rowCount() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: w.model.rows[0]["status"] == "converted", timeout=WAIT)
    assert w.model.rows[0]["ticket_number"] == "Z001"
    w.header.duty.click()  # back on duty: the next question waits for the desk
    qtbot.waitUntil(lambda: w.header.duty.text() == "在岗", timeout=WAIT)
    assert ask(live)["staffed"] is True


@pytest.mark.gui
def test_unclaimed_alert_with_the_fake_clock(qtbot, live, console, clock) -> None:
    w = console()
    cid = ask(live, "公积金")["id"]
    qtbot.waitUntil(lambda: w.model.rowCount() == 1, timeout=WAIT)
    clock.advance(minutes=4)
    live.hall.submit(lambda: live.hall.run_duties(auto_close=False)).result(timeout=10)
    assert not w.alerts.isVisible()
    clock.advance(minutes=2)
    live.hall.submit(lambda: live.hall.run_duties(auto_close=False)).result(timeout=10)
    qtbot.waitUntil(w.alerts.isVisible, timeout=WAIT)
    assert "ZX001" in w.alerts.text() and "6分钟" in w.alerts.text()
    select(qtbot, w, cid)
    w.panel.claim_button.click()
    qtbot.waitUntil(lambda: not w.alerts.isVisible(), timeout=WAIT)  # taken: alert cleared
