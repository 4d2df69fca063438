"""Real-name tickets, quotas and opening hours through the real server: the problems a kiosk
gets, two kiosks racing for the last ticket and for the same card, a supervisor's quota change,
and the ID number kept out of the log, the live stream and the phone page."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
import websockets

from kiosk.clock import FakeClock
from kiosk.domain import DeviceRole
from kiosk.idcard import make_id_number
from kiosk.privacy import mask_id
from tests.helpers.hallfactory import make_hall
from tests.helpers.server import LiveHall, running
from tests.unit.issuing.conftest import RULES, local

NUMBER = make_id_number("370202", date(1950, 3, 8), 17)  # 76: offered the green channel
FORMS = (NUMBER, NUMBER[6:17], NUMBER[6:14])  # the number, and what its mask hides


@pytest.fixture
def rules_live(tmp_path: Path) -> Iterator[LiveHall]:
    """The test hall with office hours and quotas, on Friday 27 Nov 2026 at 10:00."""
    hall = make_hall(tmp_path / "h.db", FakeClock(local(2026, 11, 27, 10, 0)), issuing=RULES)
    with running(hall) as live:
        live.tokens["kiosk2"] = hall.add_device("kiosk-2", DeviceRole.KIOSK)
        yield live
    hall.close()


def problem(r: httpx.Response, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = r.json()
    assert body["detail"] and body["detail_zh"]
    return body


def test_a_wrong_id_number_is_a_422_in_both_languages(rules_live: LiveHall) -> None:
    with rules_live.client(rules_live.tokens["kiosk"]) as kiosk:
        wrong = NUMBER[:-1] + ("0" if NUMBER[-1] != "0" else "1")
        body = problem(
            kiosk.post("/api/v1/tickets", json={"category": "SB", "id_number": wrong}), 422
        )
        assert "校验位不正确" in body["detail_zh"] and "check character" in body["detail"]
        body = problem(kiosk.post("/api/v1/tickets", json={"category": "GJJ"}), 422)
        assert "须刷身份证" in body["detail_zh"]


def test_closed_and_exhausted_are_409s_saying_when(rules_live: LiveHall) -> None:
    clock: FakeClock = rules_live.hall.clock  # type: ignore[assignment]
    with rules_live.client(rules_live.tokens["kiosk"]) as kiosk:
        clock.set(local(2026, 11, 28, 16, 45))  # Saturday
        body = problem(kiosk.post("/api/v1/tickets", json={"category": "SB"}), 409)
        assert body["reason"] == "closed_day" and body["reopens_at"] == "2026-11-30T01:00:00.000Z"
        assert "11月30日（周一）09:00起取号" in body["detail_zh"]
        clock.set(local(2026, 11, 27, 10, 0))
        for _ in range(3):
            assert kiosk.post("/api/v1/tickets", json={"category": "SB"}).status_code == 201
        body = problem(kiosk.post("/api/v1/tickets", json={"category": "SB"}), 409)
        assert body["reason"] == "quota"
        status = httpx.get(f"{rules_live.url}/api/v1/issuing").json()  # no token: public
        sb = next(c for c in status["categories"] if c["category"] == "SB")
        assert (sb["open"], sb["left"], sb["message_zh"]) == (False, 0, body["detail_zh"])


def race(live: LiveHall, bodies: list[dict[str, Any]]) -> list[httpx.Response]:
    """Every body sent at the same moment, alternately from two kiosks."""
    tokens = [live.tokens["kiosk"], live.tokens["kiosk2"]]
    start = threading.Barrier(len(bodies))
    out: list[httpx.Response | None] = [None] * len(bodies)

    def send(i: int) -> None:
        with live.client(tokens[i % 2], timeout=60) as c:
            start.wait()
            out[i] = c.post("/api/v1/tickets", json=bodies[i])

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(bodies))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(90)
    assert all(r is not None for r in out)
    return [r for r in out if r is not None]


def test_two_kiosks_racing_for_the_last_ticket_one_wins(rules_live: LiveHall) -> None:
    with rules_live.client(rules_live.tokens["kiosk"]) as kiosk:
        for _ in range(2):
            assert kiosk.post("/api/v1/tickets", json={"category": "SB"}).status_code == 201
    replies = race(rules_live, [{"category": "SB"}] * 8)
    statuses = sorted(r.status_code for r in replies)
    assert statuses == [201] + [409] * 7, [r.text for r in replies]
    assert {r.json()["reason"] for r in replies if r.status_code == 409} == {"quota"}
    issued = [e for e in rules_live.hall.events_after(0) if e.type == "ticket.issued"]
    assert len(issued) == 3


def test_the_same_card_at_two_kiosks_at_once_is_one_ticket(rules_live: LiveHall) -> None:
    replies = race(rules_live, [{"category": "SB", "id_number": NUMBER}] * 8)
    created = [r for r in replies if r.status_code == 201]
    again = [r for r in replies if r.status_code == 200]
    assert len(created) == 1 and len(again) == 7, [r.text for r in replies]
    ticket = created[0].json()
    assert all(r.json()["id"] == ticket["id"] and r.json()["already_issued"] for r in again)
    assert ticket["green_channel_offered"] is True and ticket["priority"] == "normal"
    issued = [e for e in rules_live.hall.events_after(0) if e.type == "ticket.issued"]
    assert len(issued) == 1


def test_a_supervisor_changes_today_s_quota_others_may_not(rules_live: LiveHall) -> None:
    body = {"daily": 10}
    with rules_live.client(rules_live.tokens["kiosk"]) as kiosk:
        assert kiosk.post("/api/v1/quotas/SB/today", json=body).status_code == 403
    clerk = rules_live.client(rules_live.login("1001", "1234", 1))
    assert clerk.post("/api/v1/quotas/SB/today", json=body).status_code == 403
    with rules_live.client(rules_live.login("9001", "9999", None)) as supervisor:
        r = supervisor.post("/api/v1/quotas/SB/today", json=body)
        assert r.status_code == 200, r.text
        problem(supervisor.post("/api/v1/quotas/SB/today", json={"morning": 5}), 422)
        problem(supervisor.post("/api/v1/quotas/SB/today", json={"daily": -1}), 422)
        log = supervisor.get("/api/v1/events", params={"limit": 5000}).json()["events"]
    changed = [e for e in log if e["type"] == "quota.changed"]
    assert [(e["actor"], e["payload"]["daily"]) for e in changed] == [("9001", 10)]
    status = httpx.get(f"{rules_live.url}/api/v1/issuing").json()
    assert next(c for c in status["categories"] if c["category"] == "SB")["left"] == 10


async def frames(url: str, until_type: str, count: int) -> list[str]:
    """Raw frames of the live stream until `count` events of `until_type` arrived."""
    out: list[str] = []
    seen = 0
    async with websockets.connect(url) as ws:
        while seen < count:
            text = await asyncio.wait_for(ws.recv(), 15)
            out.append(str(text))
            if json.loads(text).get("type") == until_type:
                seen += 1
    return out


def test_the_number_never_reaches_the_log_live_stream_or_phone_page(
    rules_live: LiveHall,
) -> None:
    live = rules_live
    clerk_token = live.login("1001", "1234", 1)
    streams = {
        role: live.url.replace("http", "ws") + f"/api/v1/live?after_seq=0&token={token}"
        for role, token in (
            ("kiosk", live.tokens["kiosk"]),
            ("display", live.tokens["display"]),
            ("clerk", clerk_token),
        )
    }
    with live.client(live.tokens["kiosk"]) as kiosk:
        first = kiosk.post("/api/v1/tickets", json={"category": "SB", "id_number": NUMBER})
        assert first.status_code == 201, first.text
        second = kiosk.post("/api/v1/tickets", json={"category": "GJJ", "id_number": NUMBER})
        assert second.status_code == 201, second.text
    ticket = first.json()
    assert ticket["realname_masked"] == mask_id(NUMBER)  # the issuing kiosk alone sees it
    texts: dict[str, str] = {}
    for role, url in streams.items():
        texts[f"live stream ({role})"] = "".join(asyncio.run(frames(url, "ticket.issued", 2)))
    with live.client(live.login("9001", "9999", None)) as supervisor:
        texts["event log"] = supervisor.get("/api/v1/events", params={"limit": 5000}).text
    link = ticket["status_url"]
    texts["phone page"] = httpx.get(live.url + link).text
    token = link.rsplit("/", 1)[1]
    with live.client(token) as phone:
        texts["phone JSON"] = phone.get(f"/api/v1/tickets/{ticket['id']}").text
    with live.client(clerk_token) as clerk:
        called = clerk.post("/api/v1/windows/1/call-next").json()["ticket"]
        texts["window client"] = json.dumps(called)
    assert called["realname"] is True
    for where, text in texts.items():
        for form in (*FORMS, mask_id(NUMBER)):
            assert form not in text, f"{form} found in {where}"
    assert '"realname": true' in texts["event log"].replace('":true', '": true')
