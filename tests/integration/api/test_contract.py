"""The hall server's HTTP contract, through httpx against a live uvicorn on loopback."""

from __future__ import annotations

import json

import httpx
import pytest

PROBLEM = "application/problem+json"


def problem(r: httpx.Response, status: int) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith(PROBLEM)
    body = r.json()
    assert body["status"] == status and body["detail"] and body["detail_zh"]
    return body


def test_health_and_catalog(live) -> None:
    with live.client() as c:
        assert c.get("/api/v1/health").json() == {"status": "ok"}
        r = c.get("/api/v1/catalog")
        body = r.json()
        assert {c["code"] for c in body["categories"]} == {"SB", "GJJ", "ZX"}
        assert body["version"] == "test.1" and body["items"]
        assert (
            c.get("/api/v1/catalog", headers={"If-None-Match": r.headers["etag"]}).status_code
            == 304
        )


def test_issue_ticket(live) -> None:
    with live.client(live.tokens["kiosk"]) as c:
        r = c.post("/api/v1/tickets", json={"category": "SB", "item": "SB-1"})
        assert r.status_code == 201
        t = r.json()
        assert t["number"] == "A001" and t["ahead"] == 0
        # no window is open: no figure, and the reason instead
        assert t["estimated_wait_s"] is None and t["estimate_reason"] == "no_window"
        assert t["status_url"].startswith("/t/") and t["issued_at"]
        live.login("1001", "1234", 1)
        second = c.post("/api/v1/tickets", json={"category": "SB"}).json()
        assert second["ahead"] == 1 and second["estimate_reason"] is None
        low, high = second["estimated_wait_range_s"]
        assert 0 < low <= second["estimated_wait_s"] <= high
        problem(c.post("/api/v1/tickets", json={"category": "XX"}), 422)
        got = c.get(f"/api/v1/tickets/{t['id']}").json()
        assert got["number"] == "A001" and got["status"] == "waiting"
        assert "ticket_id" not in got


def test_request_id_is_idempotent(live) -> None:
    with live.client(live.tokens["kiosk"]) as c:
        a = c.post("/api/v1/tickets", json={"category": "SB", "request_id": "r1"})
        b = c.post("/api/v1/tickets", json={"category": "SB", "request_id": "r1"})
        assert a.status_code == 201 and b.status_code == 200
        assert a.json()["id"] == b.json()["id"]


def test_writes_need_the_right_token(live) -> None:
    with live.client() as anon:
        problem(anon.post("/api/v1/tickets", json={"category": "SB"}), 401)
    with live.client("not-a-token") as bad:
        problem(bad.post("/api/v1/tickets", json={"category": "SB"}), 401)
    with live.client(live.tokens["display"]) as display:
        problem(display.post("/api/v1/tickets", json={"category": "SB"}), 403)
        problem(display.post("/api/v1/windows/1/call-next"), 403)
        problem(display.get("/api/v1/events"), 403)


def test_sessions(live) -> None:
    with live.client() as c:
        r = c.post("/api/v1/sessions", json={"employee_no": "1001", "pin": "1234", "window": 1})
        assert r.status_code == 201 and r.json()["token"]
        problem(
            c.post("/api/v1/sessions", json={"employee_no": "1002", "pin": "1234", "window": 1}),
            409,
        )
        problem(
            c.post("/api/v1/sessions", json={"employee_no": "1002", "pin": "0000", "window": 2}),
            401,
        )


def test_repeated_wrong_pins_are_slowed(live) -> None:
    with live.client() as c:
        body = {"employee_no": "1003", "pin": "0000", "window": 3}
        codes = [c.post("/api/v1/sessions", json=body).status_code for _ in range(5)]
        assert codes[:3] == [401, 401, 401] and codes[4] == 429
        locked = c.post("/api/v1/sessions", json={**body, "pin": "1234"})
        assert problem(locked, 429)["retry_after"] >= 1
        assert locked.headers["retry-after"]


def test_the_full_window_cycle(live) -> None:
    kiosk = live.client(live.tokens["kiosk"])
    clerk = live.client(live.login("1001", "1234", 1))
    pad = live.client(live.tokens["pad"])
    assert clerk.post("/api/v1/windows/1/call-next").status_code == 204
    t = kiosk.post("/api/v1/tickets", json={"category": "SB"}).json()
    kiosk.post("/api/v1/tickets", json={"category": "SB"})
    called = clerk.post("/api/v1/windows/1/call-next")
    assert called.status_code == 200 and called.json()["ticket"]["number"] == "A001"
    problem(clerk.post("/api/v1/windows/1/call-next"), 409)
    assert clerk.post("/api/v1/windows/1/recall").json()["ticket"]["recall_count"] == 1
    assert clerk.post("/api/v1/windows/1/start").status_code == 200
    problem(
        pad.post("/api/v1/ratings", json={"ticket_id": t["id"], "level": 5, "channel": "pad"}), 409
    )
    done = clerk.post(
        "/api/v1/windows/1/finish",
        json={"outcome": "correction", "missing_materials": ["户口簿原件"]},
    )
    assert done.json()["ticket"]["missing_materials"] == ["户口簿原件"]
    r = pad.post(
        "/api/v1/ratings",
        json={"ticket_id": t["id"], "level": 2, "tags": ["extra_materials"], "channel": "pad"},
    )
    assert r.status_code == 201
    problem(
        pad.post("/api/v1/ratings", json={"ticket_id": t["id"], "level": 5, "channel": "pad"}), 409
    )
    problem(clerk.post("/api/v1/windows/1/call", json={"number": "A001"}), 409)
    assert clerk.post("/api/v1/windows/1/call", json={"number": "A002"}).status_code == 200
    assert clerk.post("/api/v1/windows/1/no-show").json()["ticket"]["status"] == "no_show"
    assert kiosk.post("/api/v1/tickets/A002/requeue").status_code == 200
    problem(kiosk.post(f"/api/v1/tickets/{t['id']}/requeue"), 409)
    clerk.post("/api/v1/windows/1/call-next")
    moved = clerk.post("/api/v1/windows/1/transfer", json={"to_category": "GJJ", "note": "公积金"})
    assert moved.json()["ticket"]["category"] == "GJJ"
    assert clerk.post("/api/v1/windows/1/pause", json={"reason": "meal"}).status_code == 200
    problem(clerk.post("/api/v1/windows/1/pause", json={"reason": "meal"}), 409)
    assert clerk.post("/api/v1/windows/1/resume").json()["duration_s"] >= 0
    assert clerk.delete("/api/v1/sessions/current").status_code == 204
    problem(clerk.post("/api/v1/windows/1/call-next"), 401)
    for c in (kiosk, clerk, pad):
        c.close()


def test_clerk_acts_only_at_own_window(live) -> None:
    with live.client(live.login("1001", "1234", 1)) as clerk:
        problem(clerk.post("/api/v1/windows/2/call-next"), 403)
        problem(clerk.post("/api/v1/windows/99/call-next"), 404)


def test_phone_link_rates_only_its_own_ticket(live) -> None:
    kiosk = live.client(live.tokens["kiosk"])
    a = kiosk.post("/api/v1/tickets", json={"category": "SB"}).json()
    b = kiosk.post("/api/v1/tickets", json={"category": "SB"}).json()
    with live.client(live.login("1001", "1234", 1)) as clerk:
        for _ in range(2):
            clerk.post("/api/v1/windows/1/call-next")
            clerk.post("/api/v1/windows/1/finish", json={"outcome": "completed"})
    link = a["status_url"].rsplit("/", 1)[1]
    with live.client(link) as phone:
        problem(
            phone.post(
                "/api/v1/ratings", json={"ticket_id": b["id"], "level": 5, "channel": "phone"}
            ),
            403,
        )
        ok = phone.post(
            "/api/v1/ratings", json={"ticket_id": a["id"], "level": 5, "channel": "phone"}
        )
        assert ok.status_code == 201
    kiosk.close()


def test_consultation_and_queue(live) -> None:
    with live.client(live.tokens["kiosk"]) as c:
        r = c.post("/api/v1/consultations", json={"topic": "社保卡", "phone": "13812345678"})
        assert r.status_code == 201 and r.json()["number"] == "ZX001"
        assert r.json()["phone_masked"] == "138****5678"
        problem(c.post("/api/v1/consultations", json={"topic": "x", "phone": "12345"}), 422)
        c.post("/api/v1/tickets", json={"category": "GJJ"})
    q = httpx.get(f"{live.url}/api/v1/queue").json()
    gjj = next(c for c in q["categories"] if c["code"] == "GJJ")
    assert gjj["waiting"] == 1 and "longest_wait_s" in gjj
    assert {w["no"] for w in q["windows"]} == {1, 2, 3, 4}
    assert set(q["windows"][0]) >= {"no", "kind", "categories", "status", "ticket", "clerk"}
    assert "recent_calls" in q


def test_events_for_supervisors_and_sync(live) -> None:
    with live.client(live.tokens["kiosk"]) as k:
        for _ in range(3):
            k.post("/api/v1/tickets", json={"category": "SB"})
    with live.client(live.tokens["sync"]) as s:
        body = s.get("/api/v1/events", params={"after_seq": 1, "limit": 10}).json()
        assert [e["seq"] for e in body["events"]] == [2, 3]
        assert body["events"][0]["type"] == "ticket.issued"
    with live.client(live.login("9001", "9999", None)) as sup:
        assert len(sup.get("/api/v1/events").json()["events"]) == 3


def test_openapi_docs_served(live) -> None:
    assert httpx.get(f"{live.url}/docs").status_code == 200
    spec = httpx.get(f"{live.url}/openapi.json").json()
    assert "/api/v1/windows/{no}/call-next" in spec["paths"]


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"[]",
        json.dumps({"category": "SB", "bogus": 1}).encode(),
        json.dumps({"category": 7}).encode(),
        json.dumps({"category": "SB", "priority": "vip"}).encode(),
        json.dumps({"category": "S" * 100_000}).encode(),
        json.dumps({"category": "SB", "request_id": "x" * 500}).encode(),
        "类别".encode("gbk"),
    ],
)
def test_bad_ticket_input_is_a_problem_not_a_500(live, body) -> None:
    r = httpx.post(
        f"{live.url}/api/v1/tickets",
        content=body,
        headers={
            "Authorization": f"Bearer {live.tokens['kiosk']}",
            "Content-Type": "application/json",
        },
    )
    assert 400 <= r.status_code < 500, r.text
    problem(r, r.status_code)


@pytest.mark.parametrize(
    "path, body",
    [
        ("/api/v1/windows/1/finish", {"outcome": "maybe"}),
        ("/api/v1/windows/1/finish", {"outcome": "completed", "missing_materials": "x"}),
        ("/api/v1/windows/1/pause", {"reason": "nap"}),
        ("/api/v1/windows/1/transfer", {"to_window": "three"}),
        ("/api/v1/windows/1/call", {"number": ""}),
        ("/api/v1/windows/1/call", {}),
        ("/api/v1/ratings", {"ticket_id": "x", "level": 9, "channel": "pad"}),
        ("/api/v1/windows/abc/call-next", {}),
        ("/api/v1/windows/-1/call-next", {}),
    ],
)
def test_bad_window_input_is_a_problem(live, path, body) -> None:
    token = live.login("1001", "1234", 1)
    r = httpx.post(f"{live.url}{path}", json=body, headers={"Authorization": f"Bearer {token}"})
    assert 400 <= r.status_code < 500, r.text
    problem(r, r.status_code)


def test_idempotency_key_replays_the_first_answer(live) -> None:
    token = live.login("1001", "1234", 1)
    with live.client(token) as clerk:
        key = {"Idempotency-Key": "pause-1"}
        first = clerk.post("/api/v1/windows/1/pause", json={"reason": "meal"}, headers=key)
        again = clerk.post("/api/v1/windows/1/pause", json={"reason": "meal"}, headers=key)
        assert first.status_code == again.status_code == 200
        assert first.json() == again.json()
        other = clerk.post(
            "/api/v1/windows/1/pause",
            json={"reason": "meal"},
            headers={"Idempotency-Key": "pause-2"},
        )
        problem(other, 409)
        replay = clerk.post(
            "/api/v1/windows/1/pause",
            json={"reason": "meal"},
            headers={"Idempotency-Key": "pause-2"},
        )
        assert problem(replay, 409)["detail_zh"] == other.json()["detail_zh"]
    absences = live.hall.reader().execute("SELECT COUNT(*) FROM absences").fetchone()[0]
    assert absences == 1


def test_status_links_stay_with_their_holder(live) -> None:
    with live.client(live.tokens["kiosk"]) as kiosk:
        t = kiosk.post("/api/v1/tickets", json={"category": "SB"}).json()
        assert kiosk.get("/api/v1/tickets/A001").json()["status_url"] == t["status_url"]
    with live.client() as anyone:
        problem(anyone.get("/api/v1/tickets/A001"), 401)
        by_id = anyone.get(f"/api/v1/tickets/{t['id']}").json()
        assert by_id["number"] == "A001" and "status_url" not in by_id
    link = t["status_url"].rsplit("/", 1)[1]
    with live.client(link) as holder:
        assert holder.get(f"/api/v1/tickets/{t['id']}").json()["status_url"] == t["status_url"]
