"""The supervisor's API through the real server (docs/supervision-api.md): a case's steps with
their problems (409 out of order, 403 confirming one's own exclusion), alerts listed and
acknowledged, a window switched to another category (routing, the board's live view and the
snapshot follow), a remote pause with its expected return, a clerk signed out."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import websockets

from kiosk.domain import Role

V1 = "/api/v1"


def problem(r: Any, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = r.json()
    assert body["detail"] and body["detail_zh"]
    return body


def rated_badly(live: Any) -> tuple[str, dict[str, Any]]:
    """A service at window 1 rated 1 by window 1's pad; returns the clerk's token and the case."""
    kiosk = live.client(live.tokens["kiosk"])
    clerk = live.login("1001", "1234", 1)
    at_1 = live.client(clerk)
    ticket = kiosk.post(f"{V1}/tickets", json={"category": "SB"}).json()
    assert at_1.post(f"{V1}/windows/1/call-next").status_code == 200
    assert at_1.post(f"{V1}/windows/1/finish", json={"outcome": "completed"}).status_code == 200
    pad = live.client(live.tokens["pad"])
    r = pad.post(
        f"{V1}/ratings",
        json={"ticket_id": ticket["id"], "level": 1, "channel": "pad", "comment": "态度差"},
    )
    assert r.status_code in (200, 201), r.text
    boss = live.client(live.login("9001", "9999", None))
    (case,) = boss.get(f"{V1}/supervision/cases").json()["cases"]
    return clerk, case


def test_a_case_through_the_api_with_its_problems(live: Any) -> None:
    live.hall.add_clerk("9002", "副主管", "9999", Role.SUPERVISOR)
    _, case = rated_badly(live)
    boss = live.client(live.login("9001", "9999", None))
    deputy = live.client(live.login("9002", "9999", None))
    steps = f"{V1}/supervision/cases/{case['id']}"
    body = problem(boss.post(f"{steps}/verify", json={"verdict": "valid"}), 409)
    assert "回访" in body["detail_zh"] or "指派" in body["detail_zh"]
    problem(boss.post(f"{steps}/assign", json={"assignee": "nobody"}), 422)
    problem(boss.post(f"{V1}/supervision/cases/nope/assign", json={"assignee": "9001"}), 404)
    problem(boss.post(f"{steps}/call-back", json={"reached": True}), 422)  # the note is required
    assert boss.post(f"{steps}/assign", json={"assignee": "9001"}).json()["status"] == "assigned"
    mine = boss.get(f"{V1}/supervision/cases", params={"assignee": "me"}).json()["cases"]
    assert [c["id"] for c in mine] == [case["id"]]
    assert deputy.get(f"{V1}/supervision/cases", params={"assignee": "me"}).json()["cases"] == []
    r = boss.post(f"{steps}/call-back", json={"reached": True, "note": "已联系市民"})
    assert r.json()["status"] == "called_back"
    r = boss.post(f"{steps}/verify", json={"verdict": "malicious", "reason": "同行恶意差评"})
    assert r.json()["status"] == "appealed"
    same = problem(boss.post(f"{steps}/confirm-exclusion", json={"approve": True}), 403)
    assert same["type"] == "/problems/same_person"
    r = deputy.post(f"{steps}/confirm-exclusion", json={"approve": True, "note": "同意"})
    assert r.status_code == 200 and r.json()["status"] == "excluded"
    closed = deputy.post(f"{steps}/close", json={})
    assert closed.status_code == 200 and closed.json()["on_time"] is True
    problem(deputy.post(f"{steps}/close", json={}), 409)
    detail = boss.get(steps).json()
    assert detail["rating"]["comment"] == "态度差" and detail["exclusion"]["confirmed_by"] == "9002"
    assert boss.get(f"{V1}/supervision/cases", params={"status": "closed"}).json()["cases"]


def test_alerts_listed_and_acknowledged(live: Any) -> None:
    rated_badly(live)
    boss = live.client(live.login("9001", "9999", None))
    (alert,) = boss.get(f"{V1}/supervision/alerts").json()["alerts"]
    assert alert["kind"] == "bad_rating" and alert["state"] == "open"
    assert alert["details"]["number"] == "A001" and alert["details"]["level"] == 1
    problem(boss.post(f"{V1}/supervision/alerts/{alert['id']}/acknowledge", json={}), 422)
    r = boss.post(f"{V1}/supervision/alerts/{alert['id']}/acknowledge", json={"note": "已指派"})
    assert r.status_code == 200 and r.json()["state"] == "acknowledged"
    problem(
        boss.post(f"{V1}/supervision/alerts/{alert['id']}/acknowledge", json={"note": "x"}), 409
    )
    problem(boss.post(f"{V1}/supervision/alerts/999999/acknowledge", json={"note": "x"}), 404)
    assert boss.get(f"{V1}/supervision/alerts").json()["alerts"] == []
    every = boss.get(f"{V1}/supervision/alerts", params={"state": "all"}).json()["alerts"]
    assert [a["note"] for a in every] == ["已指派"]
    overview = boss.get(f"{V1}/supervision/overview").json()
    assert overview["open_cases"] == 1 and overview["open_alerts"] == 0
    (w1,) = [w for w in overview["windows"] if w["no"] == 1]
    assert w1["served_today"] == 1 and w1["satisfaction_today"] == 0.0


def test_a_tidal_window_reaches_routing_the_board_and_the_snapshot(live: Any) -> None:
    display = live.tokens["display"]
    kiosk = live.client(live.tokens["kiosk"])
    at_2 = live.client(live.login("1002", "1234", 2))  # window 2 serves GJJ only
    boss = live.client(live.login("9001", "9999", None))
    sb = kiosk.post(f"{V1}/tickets", json={"category": "SB"}).json()
    assert at_2.post(f"{V1}/windows/2/call-next").status_code == 204
    problem(boss.post(f"{V1}/supervision/windows/2/serve", json={"categories": ["XX"]}), 422)
    problem(boss.post(f"{V1}/supervision/windows/99/serve", json={"categories": ["SB"]}), 404)

    async def board_sees_it() -> list[dict[str, Any]]:
        url = live.url.replace("http", "ws") + f"{V1}/live?after_seq={live.hall.last_seq}"
        async with websockets.connect(url + f"&token={display}") as ws:
            r = await asyncio.to_thread(
                boss.post,
                f"{V1}/supervision/windows/2/serve",
                json={"categories": ["SB", "GJJ"], "until": "16:00", "note": "社保排长队"},
            )
            assert r.status_code == 200, r.text
            seen = []
            while not seen or seen[-1]["type"] != "window.categories_changed":
                seen.append(json.loads(await asyncio.wait_for(ws.recv(), 10)))
            return seen

    seen = asyncio.run(board_sees_it())
    assert seen[-1]["payload"] == {
        "window_no": 2,
        "categories": ["SB", "GJJ"],
        "until": "2026-11-27T08:00:00.000Z",
    }
    called = at_2.post(f"{V1}/windows/2/call-next").json()["ticket"]
    assert called["number"] == sb["number"]
    snap = live.client().get(f"{V1}/queue").json()
    (w2,) = [w for w in snap["windows"] if w["no"] == 2]
    assert w2["categories"] == ["SB", "GJJ"] and w2["configured_categories"] == ["GJJ"]
    undone = boss.delete(f"{V1}/supervision/windows/2/serve")
    assert undone.status_code == 200 and undone.json()["tidal"] is None
    problem(boss.delete(f"{V1}/supervision/windows/2/serve"), 409)


def test_pauses_with_an_expected_return_and_a_sign_out(live: Any) -> None:
    clerk = live.login("1001", "1234", 1)
    at_1 = live.client(clerk)
    boss = live.client(live.login("9001", "9999", None))
    problem(
        at_1.post(f"{V1}/windows/1/pause", json={"reason": "meal", "expected_back": "1pm"}), 422
    )
    r = at_1.post(f"{V1}/windows/1/pause", json={"reason": "meal", "expected_back": "12:30"})
    assert r.status_code == 200 and r.json()["expected_back"] == "2026-11-27T04:30:00.000Z"
    (w1,) = [w for w in live.client().get(f"{V1}/queue").json()["windows"] if w["no"] == 1]
    assert w1["expected_back_local"] == "12:30" and w1["pause_reason"] == "meal"
    assert boss.post(f"{V1}/supervision/windows/1/resume").status_code == 200
    problem(boss.post(f"{V1}/supervision/windows/1/resume"), 409)
    r = boss.post(
        f"{V1}/supervision/windows/1/pause",
        json={"reason": "meeting", "note": "主任召集", "expected_back": "14:00"},
    )
    assert r.status_code == 200, r.text
    r = boss.post(f"{V1}/supervision/windows/1/sign-out", json={"note": "会议结束前不回"})
    assert r.json() == {"window_no": 1, "clerk": "1001"}
    assert at_1.get(f"{V1}/sessions/current").status_code == 401
    problem(boss.post(f"{V1}/supervision/windows/1/sign-out", json={}), 409)
