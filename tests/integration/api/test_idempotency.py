"""Idempotency keys and ticket request ids, attacked through the real server: a key replays only
its own principal's own request, never a login, never a stored secret."""

from __future__ import annotations

import httpx

from kiosk.domain import DeviceRole
from tests.integration.api.test_contract import problem


def login(live, employee_no: str, pin: str, window: int | None, key: str) -> httpx.Response:
    return httpx.post(
        f"{live.url}/api/v1/sessions",
        json={"employee_no": employee_no, "pin": pin, "window": window},
        headers={"Idempotency-Key": key},
    )


def test_a_replayed_login_never_hands_out_another_clerks_session(live) -> None:
    first = login(live, "1001", "1234", 1, "login-1")
    assert first.status_code == 201
    token = first.json()["token"]
    # the attacker sends the same key with a wrong PIN: refused, and no token in the answer
    stolen = login(live, "1001", "0000", None, "login-1")
    problem(stolen, 401)
    assert token not in stolen.text
    # another employee with the same key gets a session of their own (or their own refusal)
    other = login(live, "1002", "1234", 2, "login-1")
    assert other.status_code == 201 and other.json()["token"] != token
    rows = live.hall.reader().execute("SELECT key, body FROM idempotency").fetchall()
    assert all(token not in r["body"] and "login-1" not in r["key"] for r in rows)


def test_stored_replies_hold_no_secret_yet_a_replay_gets_its_status_link(live) -> None:
    key = {"Idempotency-Key": "tap-1"}
    with live.client(live.tokens["kiosk"]) as kiosk:
        first = kiosk.post("/api/v1/tickets", json={"category": "SB"}, headers=key)
        again = kiosk.post("/api/v1/tickets", json={"category": "SB"}, headers=key)
    assert first.status_code == 201 and again.status_code in (200, 201)
    assert again.json()["id"] == first.json()["id"]
    link = first.json()["status_url"]
    assert again.json()["status_url"] == link
    secret = link.rsplit("/", 1)[1]
    (body,) = [r["body"] for r in live.hall.reader().execute("SELECT body FROM idempotency")]
    assert secret.split(".", 1)[1] not in body and link not in body


def test_an_idempotency_key_is_scoped_by_the_principal(live) -> None:
    other = live.hall.add_device("kiosk-2", DeviceRole.KIOSK)
    clerk_like = live.hall.add_device("1001", DeviceRole.KIOSK)  # a device named like a clerk
    key = {"Idempotency-Key": "same-key"}
    with live.client(live.tokens["kiosk"]) as k1, live.client(other) as k2:
        a = k1.post("/api/v1/tickets", json={"category": "SB"}, headers=key).json()
        b = k2.post("/api/v1/tickets", json={"category": "SB"}, headers=key).json()
    assert a["id"] != b["id"] and a["number"] != b["number"]
    clerk = live.login("1001", "1234", 1)
    with live.client(clerk_like) as device, live.client(clerk) as person:
        theirs = device.post("/api/v1/consultations", json={"topic": "t"}, headers=key)
        asked = person.post("/api/v1/consultations", json={"topic": "t"}, headers=key)
    assert theirs.status_code == asked.status_code == 201, asked.text
    assert asked.json()["id"] != theirs.json()["id"]


def test_a_request_id_is_scoped_by_the_issuing_device(live) -> None:
    other = live.hall.add_device("kiosk-2", DeviceRole.KIOSK)
    body = {"category": "SB", "request_id": "tap-0001"}
    with live.client(live.tokens["kiosk"]) as k1, live.client(other) as k2:
        mine = k1.post("/api/v1/tickets", json=body)
        theirs = k2.post("/api/v1/tickets", json=body)
        again = k1.post("/api/v1/tickets", json=body)
    assert mine.status_code == 201 and theirs.status_code == 201, theirs.text
    assert theirs.json()["id"] != mine.json()["id"]
    assert theirs.json()["status_url"] != mine.json()["status_url"]
    assert again.status_code == 200 and again.json()["id"] == mine.json()["id"]


def test_the_same_key_with_another_body_is_refused(live) -> None:
    key = {"Idempotency-Key": "tap-2"}
    with live.client(live.tokens["kiosk"]) as kiosk:
        first = kiosk.post("/api/v1/tickets", json={"category": "SB"}, headers=key)
        assert first.status_code == 201
        green = kiosk.post(
            "/api/v1/tickets", json={"category": "GJJ", "priority": "green"}, headers=key
        )
        body = problem(green, 422)
        assert "Idempotency-Key" in body["detail"]
        elsewhere = kiosk.post("/api/v1/consultations", json={"topic": "社保"}, headers=key)
        problem(elsewhere, 422)
        same = kiosk.post("/api/v1/tickets", json={"category": "SB"}, headers=key)
    assert same.json()["id"] == first.json()["id"]
    numbers = live.hall.reader().execute("SELECT number FROM tickets").fetchall()
    assert [r[0] for r in numbers] == ["A001"]


def test_the_same_request_id_with_another_body_is_refused(live) -> None:
    with live.client(live.tokens["kiosk"]) as kiosk:
        first = kiosk.post("/api/v1/tickets", json={"category": "SB", "request_id": "r-9"})
        assert first.status_code == 201
        other = {"category": "GJJ", "priority": "green", "request_id": "r-9"}
        problem(kiosk.post("/api/v1/tickets", json=other), 422)
        same = kiosk.post("/api/v1/tickets", json={"category": "SB", "request_id": "r-9"})
    assert same.status_code == 200 and same.json()["id"] == first.json()["id"]
