"""A queue number printed at the help desk is the kiosk's ticket: the item's materials to bring
and the wait rounded up to whole minutes, as the kiosk prints it (one ticket layout, one way to
fill it), so a citizen sent to the queue by the desk is told the same as one who took a ticket."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from tests.helpers.hallfactory import at_window
from tests.ui.help_desk.conftest import WAIT, ask
from tests.ui.help_desk.test_helpdesk_console import select


def gb(text: str) -> bytes:
    """Text as the thermal printer receives it."""
    return text.encode("gb18030")


@pytest.mark.gui
def test_a_converted_question_prints_its_materials_and_the_kiosks_wait(
    qtbot, live, console, tmp_path: Path
) -> None:
    # two open windows serve SB, one of them 97 s into a service: the wait is not whole minutes
    w1 = at_window(live.hall, 1)
    at_window(live.hall, 3)
    with live.client(live.tokens["kiosk"]) as k:
        for _ in range(2):
            assert k.post("/api/v1/tickets", json={"category": "SB"}).status_code == 201
    assert live.hall.call_next(1, w1) is not None
    live.hall.clock.advance(97)
    paper = tmp_path / "desk-printer"  # an ESC/POS printer seen as a device file
    w = console(printer=f"escpos+file://{paper}")
    cid = ask(live, "社保", "社保卡丢了，要排哪个队？")["id"]
    select(qtbot, w, cid)
    w.panel.claim_button.click()
    qtbot.waitUntil(lambda: w.panel.action_area.convert_button.isVisible(), timeout=WAIT)
    with live.client(w.session.api.token) as desk:  # a number for the item it is about
        r = desk.post(
            f"/api/v1/consultations/{cid}/convert", json={"category": "SB", "item": "SB-1"}
        )
        assert r.status_code == 200, r.text
        number = r.json()["ticket"]["number"]
    qtbot.waitUntil(lambda: w.panel.row["status"] == "converted", timeout=WAIT)
    ticket = live.hall.ticket(number)
    assert ticket["item"] == "SB-1" and ticket["ahead"] == 1
    wait_s = float(ticket["estimated_wait_s"])
    assert round(wait_s / 60) != math.ceil(wait_s / 60)  # the two roundings differ here
    w.panel.action_area.print_button.click()
    qtbot.waitUntil(lambda: f"已打印 {number}" in w.panel.feedback.text(), timeout=WAIT)
    data = paper.read_bytes()
    assert gb(number) in data and gb("社保卡补换") in data
    assert gb("请备齐材料：居民身份证、申请表") in data
    assert gb(f"预计等待：约 {math.ceil(wait_s / 60)} 分钟") in data
