"""Presence and the unstaffed redirect: while nobody is on duty a kiosk question becomes a
ticket of the 综合咨询 category at once, instead of waiting for nobody."""

from __future__ import annotations

import pytest

from kiosk.catalog.model import Catalog
from kiosk.engine.hall import import_catalog
from kiosk.errors import Invalid
from tests.helpers.hallfactory import catalog_dict
from tests.unit.helpdesk.helpdesk_setup import KIOSK, desk


def test_unstaffed_question_becomes_a_helpdesk_ticket(hall) -> None:
    assert hall.helpdesk_status() == {"staffed": False, "on_duty": 0}
    c = hall.create_consultation("社保卡", "怎么补办？", phone="13812345678", actor=KIOSK)
    assert c["staffed"] is False and c["status"] == "converted"
    assert c["ticket"]["number"] == "Z001" and c["ticket"]["category"] == "ZX"
    assert c["number"] == "ZX001" and c["phone_masked"] == "138****5678"
    view = hall.consultation(c["id"])
    assert view["status"] == "converted" and view["ticket_id"] == c["ticket"]["id"]
    converted = [e for e in hall.events_after(0) if e.type == "consultation.converted"]
    assert converted[0].payload["auto"] is True and converted[0].payload["by"] is None


def test_presence_switch_and_what_counts_as_staffed(hall, clock) -> None:
    a = desk(hall, on_duty=False)
    assert hall.set_presence("on_duty", a) == {"status": "on_duty", "staffed": True, "on_duty": 1}
    before = hall.last_seq
    hall.set_presence("on_duty", a)  # a repeated switch emits nothing
    assert hall.last_seq == before
    c = hall.create_consultation("户口", actor=KIOSK)
    assert c["staffed"] is True and "ticket" not in c and c["status"] == "open"
    hall.set_presence("away", a)
    assert hall.helpdesk_status()["staffed"] is False
    with pytest.raises(Invalid):
        hall.set_presence("lunch", a)
    ev = [e for e in hall.events_after(0) if e.type == "helpdesk.presence"]
    assert [(e.payload["status"], e.payload["on_duty"]) for e in ev] == [
        ("on_duty", 1),
        ("away", 0),
    ]


def test_a_switch_left_on_overnight_or_a_logged_out_console_is_not_staff(hall, clock) -> None:
    desk(hall)
    assert hall.helpdesk_status()["on_duty"] == 1
    clock.advance(hours=24)
    assert hall.helpdesk_status()["staffed"] is False  # switched on yesterday
    token = hall.login("8001", "8888", None)["token"]
    a = hall.principal(token)
    hall.set_presence("on_duty", a.actor)  # re-asserting it today counts again
    assert hall.helpdesk_status()["on_duty"] == 1
    hall.logout(a, token)  # a new login ended the first session; this ends the second
    assert hall.helpdesk_status()["staffed"] is False


def test_without_a_helpdesk_category_the_question_waits(hall) -> None:
    data = catalog_dict("test.2")
    for cat in data["categories"]:
        cat["helpdesk"] = False
    import_catalog(hall, Catalog.model_validate(data))
    c = hall.create_consultation("社保", actor=KIOSK)
    assert c["staffed"] is False and c["ticket"] is None and c["status"] == "open"
