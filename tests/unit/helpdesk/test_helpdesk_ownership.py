"""首问负责: the first claimer owns a question until it is resolved, converted, referred or
handed over; nobody else may act on it meanwhile."""

from __future__ import annotations

import pytest

from kiosk.engine.base import Actor
from kiosk.errors import Conflict, Invalid
from tests.unit.helpdesk.helpdesk_setup import KIOSK, desk


def test_first_claim_wins_and_others_get_409(hall) -> None:
    a, b = desk(hall, "8001"), desk(hall, "8002")
    c = hall.create_consultation("社保卡", "怎么补办？", actor=KIOSK)
    assert c["staffed"] is True and "ticket" not in c
    assert hall.claim(c["id"], a)["owner"] == "8001"
    assert hall.claim(c["id"], a)["status"] == "claimed"  # a second press: no change
    with pytest.raises(Conflict) as exc:
        hall.claim(c["id"], b)
    assert exc.value.status == 409 and "咨询员" in exc.value.message_zh
    for step in (
        lambda: hall.answer(c["id"], b, "x"),
        lambda: hall.resolve(c["id"], b, "x"),
        lambda: hall.convert(c["id"], b),
        lambda: hall.refer(c["id"], b, "x"),
        lambda: hall.hand_over(c["id"], b, "x"),
    ):
        with pytest.raises(Conflict):
            step()
    claims = [e for e in hall.events_after(0) if e.type == "consultation.claimed"]
    assert len(claims) == 1


def test_answer_then_resolve(hall, clock) -> None:
    a = desk(hall)
    c = hall.create_consultation("公积金", "提取要带什么？", actor=KIOSK)
    with pytest.raises(Conflict):
        hall.answer(c["id"], a, "先接待")  # not claimed yet
    hall.claim(c["number"], a)  # by today's number as well as by id
    clock.advance(60)
    with pytest.raises(Invalid):
        hall.resolve(c["id"], a)  # nothing to resolve with
    with pytest.raises(Invalid):
        hall.answer(c["id"], a, "x", ["NOPE"])
    saved = hall.answer(c["id"], a, "带身份证和申请表", ["GJJ-1"])
    assert saved["status"] == "claimed" and saved["items"] == ["GJJ-1"]
    done = hall.resolve(c["id"], a)
    assert done["status"] == "resolved" and done["answer"] == "带身份证和申请表"
    assert done["resolved_by"] == "8001" and done["items"] == ["GJJ-1"]
    assert [h["step"] for h in done["history"]] == ["claimed", "answered", "resolved"]
    with pytest.raises(Conflict):
        hall.resolve(c["id"], a, "again")


def test_handover_with_and_without_a_colleague(hall, clock) -> None:
    a, b = desk(hall, "8001"), desk(hall, "8002")
    c = hall.create_consultation("户口", actor=KIOSK)
    first = hall.claim(c["id"], a)["claimed_at"]
    clock.advance(120)
    with pytest.raises(Invalid):
        hall.hand_over(c["id"], a, "  ")
    with pytest.raises(Invalid):
        hall.hand_over(c["id"], a, "给主管", to="1001")  # a window clerk is not desk staff
    moved = hall.hand_over(c["id"], a, "我要去开会", to="8002")
    assert moved["owner"] == "8002" and moved["handovers"] == 1
    with pytest.raises(Conflict):
        hall.answer(c["id"], a, "x")
    back = hall.hand_over(c["id"], b, "需要社保专家")
    assert back["status"] == "open" and back["owner"] is None
    again = hall.claim(c["id"], a)
    assert again["owner"] == "8001" and again["handovers"] == 2
    assert again["first_claimed_at"] == first < again["claimed_at"]  # time to claim is kept


def test_convert_issues_a_ticket_in_the_same_transaction(hall) -> None:
    a = desk(hall)
    c = hall.create_consultation("不动产", actor=KIOSK)
    hall.claim(c["id"], a)
    result = hall.convert(c["id"], a, note="需要窗口办理")
    ticket = result["ticket"]
    assert ticket["number"] == "Z001" and ticket["source"] == "consultation"
    assert ticket["category"] == "ZX" and ticket["status"] == "waiting"
    view = result["consultation"]
    assert view["status"] == "converted" and view["ticket_number"] == "Z001"
    other = hall.create_consultation("社保", actor=KIOSK)
    hall.claim(other["id"], a)
    assert hall.convert(other["id"], a, category="SB", item="SB-1")["ticket"]["number"] == "A001"
    types = [e.type for e in hall.events_after(0)]
    assert types.index("ticket.issued") < types.index("consultation.converted")


def test_referral_goes_to_supervisors(hall) -> None:
    a, b = desk(hall, "8001"), desk(hall, "8002")
    sup = desk(hall, "9001", on_duty=False)
    c = hall.create_consultation("投诉", "窗口要求额外材料", actor=KIOSK)
    hall.claim(c["id"], a)
    with pytest.raises(Invalid):
        hall.refer(c["id"], a, "请主管处理", to="8002")
    referred = hall.refer(c["id"], a, "请主管处理", to="9001")
    assert referred["status"] == "referred" and referred["referred_to"] == "9001"
    with pytest.raises(Conflict):
        hall.claim(c["id"], b)  # desk staff cannot take a referred question back
    assert hall.claim(c["id"], sup)["owner"] == "9001"
    assert hall.resolve(c["id"], sup, "已核实并整改")["status"] == "resolved"


def test_steps_need_a_signed_in_staff_member(hall) -> None:
    c = hall.create_consultation("社保", actor=KIOSK)
    with pytest.raises(Invalid):
        hall.claim(c["id"], Actor(device="kiosk-1"))
