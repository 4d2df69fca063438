"""The help desk's state is a projection of its events: a hypothesis state machine runs random
desk days (presence, claims racing, handovers, answers, conversions, referrals, FAQs and
notices, alerts) and checks the ownership rules after every step and, at the end, that a
rebuild from the log alone equals the live store."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from kiosk.clock import FakeClock
from kiosk.domain import Role
from kiosk.engine.base import Actor
from kiosk.engine.hall import projection_dump, rebuild
from kiosk.engine.helpdesk.alerts import check_helpdesk
from kiosk.errors import HallError
from tests.helpers.hallfactory import make_hall, morning

STAFF = ("8001", "8002", "9001")
TOPICS = ("社保", "公积金", "户口")


class DeskMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.clock = FakeClock(morning())
        path = Path(tempfile.mkdtemp(prefix="desk-")) / "hall.db"
        self.hall = make_hall(path, self.clock)
        self.hall.add_clerk("8002", "咨询员二", "8888", Role.HELPDESK)
        for emp in STAFF:
            self.hall.login(emp, "9999" if emp == "9001" else "8888", None)
        self.ids: list[str] = []
        self.entries: list[tuple[str, str]] = []

    def teardown(self) -> None:
        live = projection_dump(self.hall)
        rebuild(self.hall)
        assert projection_dump(self.hall) == live
        self.hall.close()

    def attempt(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except HallError:
            return None

    def pick(self, data, pool):
        return data.draw(st.sampled_from(pool)) if pool else None

    @rule(topic=st.sampled_from(TOPICS))
    def ask(self, topic) -> None:
        self.ids.append(self.hall.create_consultation(topic, actor=Actor(device="k"))["id"])

    @rule(who=st.sampled_from(STAFF), on=st.booleans())
    def presence(self, who, on) -> None:
        self.hall.set_presence("on_duty" if on else "away", Actor(clerk=who))

    @rule(data=st.data(), who=st.sampled_from(STAFF))
    def claim(self, data, who) -> None:
        if (cid := self.pick(data, self.ids)) is not None:
            self.attempt(self.hall.claim, cid, Actor(clerk=who))

    @rule(data=st.data(), who=st.sampled_from(STAFF), step=st.integers(0, 5))
    def act(self, data, who, step) -> None:
        cid = self.pick(data, self.ids)
        if cid is None:
            return
        me, h = Actor(clerk=who), self.hall
        calls = (
            lambda: h.answer(cid, me, "先答复", ["SB-1"]),
            lambda: h.resolve(cid, me, "答复"),
            lambda: h.convert(cid, me),
            lambda: h.refer(cid, me, "请主管", "9001"),
            lambda: h.hand_over(cid, me, "移交", data.draw(st.sampled_from((None, *STAFF)))),
            lambda: h.make_faq(cid, me),
        )
        self.attempt(calls[step])

    @rule(kind=st.sampled_from(("faq", "notice")))
    def draft(self, kind) -> None:
        title = "question_zh" if kind == "faq" else "title_zh"
        body = "answer_zh" if kind == "faq" else "body_zh"
        e = self.hall.create_entry(kind, {title: "标题", body: "内容"}, Actor(clerk="8001"))
        self.entries.append((kind, e["id"]))

    @rule(data=st.data(), action=st.sampled_from(("publish", "retire", "edit")))
    def knowledge(self, data, action) -> None:
        if (entry := self.pick(data, self.entries)) is None:
            return
        kind, eid = entry
        me = Actor(clerk="9001")
        if action == "edit":
            self.attempt(self.hall.update_entry, kind, eid, {"keywords": ["新"]}, me)
        else:
            self.attempt(getattr(self.hall, f"{action}_entry"), kind, eid, me)

    @rule(seconds=st.integers(1, 900))
    def tick(self, seconds) -> None:
        self.clock.advance(seconds)
        check_helpdesk(self.hall)

    @invariant()
    def ownership(self) -> None:
        for r in self.hall.reader().execute("SELECT status, owner FROM consultations"):
            assert (r["owner"] is not None) == (r["status"] == "claimed"), dict(r)


DeskMachine.TestCase.settings = settings(
    max_examples=15,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestDeskMachine = DeskMachine.TestCase


def test_a_busy_desk_day_rebuilds_to_the_same_state(hall, clock) -> None:
    """Every help-desk event type at least once, then rebuild."""
    hall.add_clerk("8002", "咨询员二", "8888", Role.HELPDESK)
    for emp, pin in (("8001", "8888"), ("8002", "8888"), ("9001", "9999")):
        hall.login(emp, pin, None)
    a, b, sup = Actor(clerk="8001"), Actor(clerk="8002"), Actor(clerk="9001")
    kiosk = Actor(device="kiosk-1")
    auto = hall.create_consultation("社保", actor=kiosk)  # unstaffed: becomes a ticket
    hall.set_presence("on_duty", a)
    hall.set_presence("on_duty", b)
    c1, c2, c3 = (hall.create_consultation(t, actor=kiosk)["id"] for t in TOPICS)
    clock.advance(400)
    check_helpdesk(hall)
    hall.claim(c1, a)
    hall.answer(c1, a, "初步答复", ["SB-1"])
    hall.hand_over(c1, a, "交给同事", "8002")
    hall.resolve(c1, b, "最终答复")
    faq = hall.make_faq(c1, b)
    hall.update_entry("faq", faq["id"], {"question_en": "How?"}, sup)
    hall.publish_entry("faq", faq["id"], sup)
    hall.claim(c2, b)
    hall.convert(c2, b, category="GJJ")
    hall.claim(c3, a)
    hall.refer(c3, a, "请主管处理")
    hall.claim(c3, sup)
    notice = hall.create_entry("notice", {"title_zh": "通知", "body_zh": "内容"}, sup)
    hall.publish_entry("notice", notice["id"], sup)
    hall.retire_entry("notice", notice["id"], sup)
    hall.set_presence("away", a)
    live = projection_dump(hall)
    assert live["knowledge"] and live["helpdesk_presence"] and auto["ticket"]
    types = {e.type.split(".")[0] for e in hall.events_after(0)}
    assert {"helpdesk", "consultation", "faq", "notice", "alert", "ticket"} <= types
    rebuild(hall)
    assert projection_dump(hall) == live
