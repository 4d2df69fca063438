"""What the phone page's server side lets a status link see: its own ticket's follow-up and
bare notices of events, never other tickets' details or event payloads."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
import websockets

from kiosk.server.routes_phone import language


def issue(live: Any, n: int = 1, category: str = "SB") -> list[dict[str, Any]]:
    with live.client(live.tokens["kiosk"]) as c:
        return [c.post("/api/v1/tickets", json={"category": category}).json() for _ in range(n)]


def token_of(ticket: dict[str, Any]) -> str:
    return str(ticket["status_url"]).removeprefix("/t/")


def test_the_case_endpoint_answers_only_the_tickets_own_link(live: Any) -> None:
    mine, other = issue(live, 2)
    url = f"{live.url}/api/v1/tickets/{mine['id']}/case"
    own = httpx.get(url, headers={"Authorization": f"Bearer {token_of(mine)}"})
    assert own.status_code == 200 and own.json() == {"case": None}
    assert httpx.get(url).status_code == 401
    foreign = httpx.get(url, headers={"Authorization": f"Bearer {token_of(other)}"})
    assert foreign.status_code == 403
    staff = httpx.get(url, headers={"Authorization": f"Bearer {live.tokens['display']}"})
    assert staff.status_code == 403


def test_a_bad_rating_case_shows_states_and_dates_but_no_staff_notes(live: Any) -> None:
    (ticket,) = issue(live)
    clerk = live.client(live.login("1001", "1234", 1))
    assert clerk.post("/api/v1/windows/1/call-next").status_code == 200
    assert clerk.post("/api/v1/windows/1/finish", json={"outcome": "completed"}).status_code == 200
    headers = {"Authorization": f"Bearer {token_of(ticket)}"}
    body = {"ticket_id": ticket["id"], "level": 1, "tags": ["attitude"], "channel": "phone"}
    assert httpx.post(f"{live.url}/api/v1/ratings", json=body, headers=headers).status_code == 201
    case = httpx.get(f"{live.url}/api/v1/tickets/{ticket['id']}/case", headers=headers).json()
    case = case["case"]
    assert case["status"] == "open" and case["level"] == 1 and case["deadline"]
    assert case["history"] == [{"status": "open", "at": case["opened_at"]}]
    assert "clerk" not in json.dumps(case) and "1001" not in json.dumps(case)


def test_the_phone_feed_carries_notices_not_payloads(live: Any) -> None:
    mine, _other = issue(live, 2)
    base = live.url.replace("http", "ws") + f"/api/v1/tickets/{mine['id']}/live?token="

    async def scenario() -> list[dict[str, Any]]:
        async with websockets.connect(base + token_of(mine)) as ws:
            hello = json.loads(await asyncio.wait_for(ws.recv(), 5))
            assert hello["type"] == "hello"
            clerk = live.client(live.login("1001", "1234", 1))
            await asyncio.to_thread(clerk.post, "/api/v1/windows/1/call-next")
            return [json.loads(await asyncio.wait_for(ws.recv(), 5)) for _ in range(2)]

    opened, called = asyncio.run(scenario())
    assert opened == {"seq": opened["seq"], "type": "window.opened", "mine": False}
    assert called == {"seq": called["seq"], "type": "ticket.called", "mine": True, "category": "SB"}


@pytest.mark.parametrize("token", ["", "nope", "ticket-id-only"])
def test_the_phone_feed_refuses_a_wrong_link(live: Any, token: str) -> None:
    (ticket,) = issue(live)
    other = issue(live)[0]
    url = live.url.replace("http", "ws") + f"/api/v1/tickets/{ticket['id']}/live?token="
    for bad in (token, token_of(other)):

        async def attempt(t: str = bad) -> None:
            async with websockets.connect(url + t) as ws:
                await ws.recv()

        with pytest.raises(websockets.exceptions.WebSocketException):
            asyncio.run(attempt())


def test_static_files_and_language_choice(live: Any) -> None:
    for name, kind in (("phone.js", "text/javascript"), ("phone.css", "text/css")):
        r = httpx.get(f"{live.url}/static/phone/{name}")
        assert r.status_code == 200 and r.headers["content-type"].startswith(kind)
    assert httpx.get(f"{live.url}/static/phone/page.html").status_code == 404
    (ticket,) = issue(live)
    r = httpx.get(live.url + ticket["status_url"], headers={"Accept-Language": "en-US,en;q=0.8"})
    assert r.status_code == 200 and '<html lang="en">' in r.text
    assert r.headers["referrer-policy"] == "no-referrer"
    assert "no-store" in r.headers["cache-control"]


class _Req:
    def __init__(self, header: str, query: dict[str, str] | None = None) -> None:
        self.headers = {"accept-language": header}
        self.query_params = query or {}


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("", "zh"),
        ("en-US,en;q=0.9", "en"),
        ("zh-CN,zh;q=0.9,en;q=0.8", "zh"),
        ("fr-FR,en;q=0.5,zh;q=0.7", "zh"),
        ("de-DE,en;q=0.4", "en"),
        ("en;q=bogus", "en"),
    ],
)
def test_accept_language(header: str, expected: str) -> None:
    assert language(_Req(header)) == expected  # type: ignore[arg-type]
    assert language(_Req(header, {"lang": "en"})) == "en"  # type: ignore[arg-type]
