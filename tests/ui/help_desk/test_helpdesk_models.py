"""The console's Qt models: they pass qtmodeltester, and folding the live events reproduces the
server's own view of every consultation (the console never needs to reload its list)."""

from __future__ import annotations

from kiosk.domain import Role
from kiosk.engine.base import Actor
from ui.help_desk.knowledge_model import KnowledgeModel
from ui.help_desk.model import ConsultationModel
from ui.help_desk.queue_list import QueueFilter

FIELDS = ("status", "owner", "answer", "items", "ticket_number", "handovers", "faq_id")
TIMES = ("claimed_at", "first_claimed_at", "resolved_at", "referred_to", "resolved_by")


def busy_desk(hall, clock):
    hall.add_clerk("8002", "咨询员二", "8888", Role.HELPDESK)
    for emp, pin in (("8001", "8888"), ("8002", "8888"), ("9001", "9999")):
        hall.login(emp, pin, None)
    a, b, sup = Actor(clerk="8001"), Actor(clerk="8002"), Actor(clerk="9001")
    hall.create_consultation("社保", actor=Actor(device="k"))  # unstaffed: converted
    hall.set_presence("on_duty", a)
    ids = [hall.create_consultation(t, "?", actor=Actor(device="k"))["id"] for t in "ABCDE"]
    clock.advance(90)
    hall.claim(ids[0], a)
    hall.answer(ids[0], a, "先答", ["SB-1"])
    hall.hand_over(ids[0], a, "交给你", "8002")
    hall.resolve(ids[0], b, "答复")
    hall.make_faq(ids[0], b)
    hall.claim(ids[1], a)
    hall.convert(ids[1], a, category="GJJ")
    hall.claim(ids[2], a)
    hall.refer(ids[2], a, "主管看看", "9001")
    hall.claim(ids[3], a)
    hall.hand_over(ids[3], a, "放回")
    hall.claim(ids[2], sup)
    return ids


def test_folding_events_equals_the_server_view(qtbot, hall, clock) -> None:
    model = ConsultationModel()
    model.reset([], {}, "2026-11-27T01:00:00.000Z")
    busy_desk(hall, clock)
    for ev in hall.events_after(0):
        model.apply_event(ev.to_dict())
    server = {c["id"]: c for c in hall.consultations()["consultations"]}
    assert len(model.rows) == len(server) == 6
    for row in model.rows:
        truth = server[row["id"]]
        for key in (*FIELDS, *TIMES):
            assert row.get(key) == truth[key] or (not row.get(key) and not truth[key]), key
        assert [h["step"] for h in row["history"]] == [h["step"] for h in truth["history"]]


def test_models_pass_the_model_tester(qtmodeltester, hall, clock) -> None:
    busy_desk(hall, clock)
    listing = hall.consultations()
    model = ConsultationModel()
    model.reset(listing["consultations"], listing["staff"], listing["server_now"])
    qtmodeltester.check(model)
    proxy = QueueFilter()
    proxy.setSourceModel(model)
    proxy.me = "8001"
    for mode in ("active", "mine", "all"):
        proxy.set_mode(mode)
        qtmodeltester.check(proxy)
    proxy.set_mode("active")
    assert proxy.rowCount() == 3  # handed back, never claimed, and the supervisor's
    kb = KnowledgeModel()
    kb.reset("faq", hall.entries("faq"), listing["staff"])
    qtmodeltester.check(kb)
    assert kb.rowCount() == 1
