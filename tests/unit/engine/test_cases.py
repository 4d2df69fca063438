"""Bad-rating cases (差评整改) in the engine: every step a `case.updated` with who and when, in
order (409 otherwise), an exclusion confirmed by a second supervisor only, deadlines and
reminders by the hall's working days on a fake clock, and the phone's view of the steps."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest

from kiosk.clock import FakeClock
from kiosk.domain import Outcome, RatingChannel, Role
from kiosk.engine.base import Actor
from kiosk.engine.hall import Hall, projection_dump, rebuild
from kiosk.engine.phone import ticket_case
from kiosk.errors import Conflict, Forbidden, Invalid, NotFound
from tests.helpers.hallfactory import at_window, issue

BOSS = Actor(clerk="9001")
DEPUTY = Actor(clerk="9002")


def bad_rating(hall: Hall, level: int = 1) -> dict[str, Any]:
    """A service at window 1 rated `level` by its pad: the case it opened."""
    w1 = at_window(hall, 1)
    issue(hall, "SB", item="SB-1")
    hall.call_next(1, w1)
    done = hall.finish(1, Outcome.COMPLETED, w1)
    hall.rate(done["id"], level, RatingChannel.PAD, Actor(device="pad-1"), pad_window=1,
              comment="态度不好")  # fmt: skip
    (found,) = hall.cases()["cases"]
    return found


def updates(hall: Hall) -> list[dict[str, Any]]:
    rows = hall.reader().execute(
        "SELECT actor, payload FROM events WHERE type = 'case.updated' ORDER BY seq"
    )
    return [{"actor": r[0], **json.loads(r[1])} for r in rows]


def test_a_case_walks_every_step_with_who_and_when(hall: Hall, clock: FakeClock) -> None:
    case = bad_rating(hall)
    assert case["status"] == "open" and case["deadline"] == "2026-12-04"  # 5 working days
    assert case["clerk"] == "1001" and case["clerk_name"] == "职员1" and case["item"] == "SB-1"
    cid = case["id"]
    hall.assign_case(cid, "9001", BOSS)
    clock.advance(minutes=30)
    hall.call_back_case(cid, False, "无人接听", BOSS)
    hall.call_back_case(cid, True, "已联系市民，了解情况", BOSS)
    hall.verify_case(cid, "valid", None, BOSS)
    hall.rectify_case(cid, "已对窗口人员进行批评教育", BOSS)
    hall.revisit_case(cid, True, "市民表示满意", BOSS)
    closed = hall.close_case(cid, BOSS)
    assert closed["status"] == "closed" and closed["on_time"] is True
    steps = [(u["step"], u["status"], u["by"], u["actor"]) for u in updates(hall)]
    assert steps == [
        ("assign", "assigned", "9001", "9001"),
        ("call_back", "called_back", "9001", "9001"),
        ("call_back", "called_back", "9001", "9001"),
        ("verify", "verified", "9001", "9001"),
        ("rectify", "rectified", "9001", "9001"),
        ("revisit", "revisited", "9001", "9001"),
        ("close", "closed", "9001", "9001"),
    ]
    last = updates(hall)[-1]
    assert last["ticket_id"] == case["ticket_id"] and last["on_time"] is True
    assert last["deadline"] == "2026-12-04"
    detail = hall.case(cid)
    assert detail["rating"]["comment"] == "态度不好" and detail["ticket"]["number"] == "A001"
    assert [h["by_name"] for h in detail["history"]] == ["主管"] * 7
    assert detail["history"][1]["reached"] is False
    # the citizen sees the steps by date only: no names, no notes
    phone = ticket_case(hall, case["ticket_id"])
    assert phone is not None
    assert [s["status"] for s in phone["history"]] == [
        "open", "assigned", "called_back", "called_back", "verified", "rectified", "revisited",
        "closed",
    ]  # fmt: skip
    assert all(set(s) == {"status", "at"} for s in phone["history"])
    # the bad rating's alert closed with the case
    states = hall.reader().execute("SELECT kind, state FROM alerts").fetchall()
    assert [tuple(r) for r in states] == [("bad_rating", "resolved")]


@pytest.mark.parametrize(
    "step",
    [
        lambda h, c: h.call_back_case(c, True, "x", BOSS),
        lambda h, c: h.verify_case(c, "valid", None, BOSS),
        lambda h, c: h.rectify_case(c, "x", BOSS),
        lambda h, c: h.revisit_case(c, True, "x", BOSS),
        lambda h, c: h.close_case(c, BOSS),
        lambda h, c: h.confirm_exclusion(c, True, DEPUTY),
    ],
)
def test_a_step_out_of_order_is_refused_in_chinese(hall: Hall, step: Any) -> None:
    cid = bad_rating(hall)["id"]
    with pytest.raises(Conflict) as refused:
        step(hall, cid)
    assert refused.value.status == 409 and refused.value.message_zh
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in refused.value.message_en)
    assert updates(hall) == []


def test_rectify_needs_a_valid_verdict_and_close_needs_the_revisit(hall: Hall) -> None:
    cid = bad_rating(hall)["id"]
    hall.assign_case(cid, "1002", BOSS)
    hall.call_back_case(cid, True, "已联系", BOSS)
    with pytest.raises(Conflict, match="verify"):
        hall.rectify_case(cid, "x", BOSS)
    hall.verify_case(cid, "valid", None, BOSS)
    with pytest.raises(Conflict):
        hall.close_case(cid, BOSS)
    hall.rectify_case(cid, "整改", BOSS)
    with pytest.raises(Conflict):
        hall.close_case(cid, BOSS)


def test_an_exclusion_needs_a_second_supervisor(hall: Hall) -> None:
    hall.add_clerk("9002", "副主管", "9999", Role.SUPERVISOR)
    cid = bad_rating(hall)["id"]
    hall.assign_case(cid, "9001", BOSS)
    hall.call_back_case(cid, True, "市民承认误点", BOSS)
    with pytest.raises(Invalid):
        hall.verify_case(cid, "mistaken", " ", BOSS)  # an exclusion needs its reason
    asked = hall.verify_case(cid, "mistaken", "市民误触评价器", BOSS)
    assert asked["status"] == "appealed"
    assert asked["exclusion"] == {
        "verdict": "mistaken",
        "reason": "市民误触评价器",
        "requested_by": "9001",
        "confirmed_by": None,
    }
    with pytest.raises(Forbidden) as same:
        hall.confirm_exclusion(cid, True, BOSS)
    assert same.value.code == "same_person"
    with pytest.raises(Conflict):
        hall.rectify_case(cid, "x", BOSS)  # not while the exclusion waits
    confirmed = hall.confirm_exclusion(cid, True, DEPUTY, "同意排除")
    assert confirmed["status"] == "excluded"
    assert confirmed["exclusion"]["confirmed_by"] == "9002"
    assert hall.close_case(cid, DEPUTY)["status"] == "closed"


def test_a_refused_exclusion_goes_back_to_verification(hall: Hall) -> None:
    hall.add_clerk("9002", "副主管", "9999", Role.SUPERVISOR)
    cid = bad_rating(hall)["id"]
    hall.assign_case(cid, "9001", BOSS)
    hall.call_back_case(cid, True, "已联系", BOSS)
    hall.verify_case(cid, "malicious", "恶意差评", BOSS)
    refused = hall.confirm_exclusion(cid, False, DEPUTY, "证据不足")
    assert refused["status"] == "called_back" and refused["exclusion"] is None
    assert hall.verify_case(cid, "valid", None, BOSS)["status"] == "verified"


def test_assign_needs_an_active_staff_member_and_a_case(hall: Hall) -> None:
    cid = bad_rating(hall)["id"]
    with pytest.raises(Invalid):
        hall.assign_case(cid, "7777", BOSS)
    with pytest.raises(NotFound):
        hall.assign_case("nope", "9001", BOSS)
    hall.assign_case(cid, "9001", BOSS)
    hall.call_back_case(cid, True, "已联系", BOSS)
    again = hall.assign_case(cid, "1002", BOSS)  # re-assignment keeps the status
    assert again["status"] == "called_back" and again["assignee"] == "1002"


def test_filters_by_status_assignee_window_clerk_and_period(hall: Hall, clock: FakeClock) -> None:
    first = bad_rating(hall)["id"]
    hall.assign_case(first, "9001", BOSS)
    assert [c["id"] for c in hall.cases(assignee="9001")["cases"]] == [first]
    assert hall.cases(assignee="1002")["cases"] == []
    assert [c["id"] for c in hall.cases(window_no=1)["cases"]] == [first]
    assert hall.cases(window_no=2)["cases"] == []
    assert [c["id"] for c in hall.cases(clerk="1001")["cases"]] == [first]
    today = hall.today()
    assert len(hall.cases(day_from=today, day_to=today)["cases"]) == 1
    assert hall.cases(day_from=today + timedelta(days=1))["cases"] == []
    assert hall.cases("overdue")["cases"] == [] and hall.cases("closed")["cases"] == []
    with pytest.raises(Invalid):
        hall.cases("pending")


def test_deadline_reminder_and_overdue_by_working_days(hall: Hall, clock: FakeClock) -> None:
    """Opened Friday 2026-11-27, due Friday 2026-12-04: reminded on Thursday, overdue on
    Saturday; each alert once, and both resolved when the case closes."""
    cid = bad_rating(hall)["id"]
    assert hall.check_cases() == []
    clock.advance(days=5)  # Wednesday 12-02: two working days ahead
    assert hall.check_cases() == []
    clock.advance(days=1)  # Thursday 12-03: one working day before
    assert hall.check_cases() == [f"case:{cid}:due"]
    assert hall.cases()["cases"][0]["due_soon"] is True
    assert hall.check_cases() == []
    clock.advance(days=2)  # Saturday 12-05
    assert hall.check_cases() == [f"case:{cid}:overdue"]
    assert hall.cases("overdue")["cases"][0]["overdue"] is True
    assert hall.check_cases() == []
    hall.assign_case(cid, "9001", BOSS)
    hall.call_back_case(cid, True, "已联系", BOSS)
    hall.verify_case(cid, "valid", None, BOSS)
    hall.rectify_case(cid, "整改", BOSS)
    hall.revisit_case(cid, None, "市民未表态", BOSS)
    assert hall.close_case(cid, BOSS)["on_time"] is False
    rows = hall.reader().execute("SELECT kind, state FROM alerts ORDER BY seq").fetchall()
    assert [tuple(r) for r in rows] == [
        ("bad_rating", "resolved"),
        ("case_due", "resolved"),
        ("case_overdue", "resolved"),
    ]


def test_a_case_rebuilds_to_the_same_state(hall: Hall) -> None:
    hall.add_clerk("9002", "副主管", "9999", Role.SUPERVISOR)
    cid = bad_rating(hall)["id"]
    hall.assign_case(cid, "9001", BOSS)
    hall.call_back_case(cid, True, "已联系", BOSS)
    hall.verify_case(cid, "not_this_hall", "属其他大厅", BOSS)
    hall.confirm_exclusion(cid, True, DEPUTY)
    hall.close_case(cid, DEPUTY)
    before = projection_dump(hall)
    rebuild(hall)
    assert projection_dump(hall) == before
