"""Call-back numbers through the real server: the question's owner sees the full number (each
reveal logged without it); another help-desk user, a supervisor, a clerk, a display and the
center's sync token do not; the number never reaches the log or the live stream; and it is
erased when its retention is over (fake clock)."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.domain import Role

MOBILE = "13812345678"


def desk(live: Any, employee_no: str, pin: str) -> Any:
    c = live.client(live.login(employee_no, pin, None))
    assert c.post("/api/v1/helpdesk/presence", json={"status": "on_duty"}).status_code == 200
    return c


def asked_and_claimed(live: Any) -> tuple[Any, dict[str, Any]]:
    live.hall.add_clerk("8002", "咨询员二", "8888", Role.HELPDESK)
    owner = desk(live, "8001", "8888")
    with live.client(live.tokens["kiosk"]) as k:
        r = k.post("/api/v1/consultations", json={"topic": "社保卡", "phone": MOBILE})
        assert r.status_code == 201, r.text
        question = r.json()
    assert owner.post(f"/api/v1/consultations/{question['id']}/claim").status_code == 200
    return owner, question


def test_only_the_owner_sees_the_number_and_each_look_is_logged(live: Any) -> None:
    owner, question = asked_and_claimed(live)
    path = f"/api/v1/consultations/{question['id']}/phone"
    r = owner.post(path)
    assert r.status_code == 200, r.text
    assert r.json() == {
        "consultation_id": question["id"],
        "number": question["number"],
        "phone": MOBILE,
    }
    revealed = [e for e in live.hall.events_after(0) if e.type == "consultation.phone_revealed"]
    assert [(e.payload["by"], e.actor) for e in revealed] == [("8001", "8001")]
    everything = live.hall.reader().execute("SELECT group_concat(payload) FROM events").fetchone()
    assert MOBILE not in everything[0]


@pytest.mark.parametrize("caller", ["other_desk", "supervisor", "clerk", "display", "center"])
def test_nobody_else_sees_the_number(live: Any, caller: str) -> None:
    _, question = asked_and_claimed(live)
    token = {
        "other_desk": lambda: live.login("8002", "8888", None),
        "supervisor": lambda: live.login("9001", "9999", None),
        "clerk": lambda: live.login("1001", "1234", 1),
        "display": lambda: live.tokens["display"],
        "center": lambda: live.tokens["sync"],
    }[caller]()
    r = live.client(token).post(f"/api/v1/consultations/{question['id']}/phone")
    assert r.status_code == 403, r.text
    assert MOBILE not in r.text
    assert r.json()["detail_zh"]
    assert not [e for e in live.hall.events_after(0) if e.type == "consultation.phone_revealed"]


def test_the_number_is_erased_when_its_retention_is_over(live: Any) -> None:
    owner, question = asked_and_claimed(live)
    cid = question["id"]
    r = owner.post(f"/api/v1/consultations/{cid}/resolve", json={"answer": "请带身份证到3号窗口"})
    assert r.status_code == 200, r.text
    hall, clock = live.hall, live.hall.clock
    clock.advance(days=29, hours=23)
    assert hall.submit(hall.erase_contacts).result(10) == []
    assert owner.post(f"/api/v1/consultations/{cid}/phone").status_code == 200
    clock.advance(hours=2)
    assert hall.submit(hall.erase_contacts).result(10) == [cid]
    assert hall.reader().execute("SELECT COUNT(*) FROM contacts").fetchone()[0] == 0
    r = owner.post(f"/api/v1/consultations/{cid}/phone")
    assert r.status_code == 404 and MOBILE not in r.text
    (erased,) = [e for e in hall.events_after(0) if e.type == "consultation.phone_erased"]
    assert erased.payload == {"consultation_id": cid, "number": question["number"]}
    assert hall.submit(hall.erase_contacts).result(10) == []
