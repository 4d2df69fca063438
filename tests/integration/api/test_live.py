"""The live WebSocket: events as they happen, and a reconnecting client misses nothing."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
import websockets


def ws_url(live, after: int, token: str) -> str:
    return live.url.replace("http", "ws") + f"/api/v1/live?after_seq={after}&token={token}"


async def take(ws, n: int, timeout: float = 10.0) -> list[dict]:
    out = []
    while len(out) < n:
        out.append(json.loads(await asyncio.wait_for(ws.recv(), timeout)))
    return out


def issue(live, n: int) -> None:
    with live.client(live.tokens["kiosk"]) as c:
        for _ in range(n):
            assert c.post("/api/v1/tickets", json={"category": "SB"}).status_code == 201


def test_events_arrive_and_resume_after_reconnect(live) -> None:
    async def scenario() -> None:
        token = live.tokens["display"]
        async with websockets.connect(ws_url(live, 0, token)) as ws:
            await asyncio.to_thread(issue, live, 3)
            first = await take(ws, 3)
        assert [e["seq"] for e in first] == [1, 2, 3]
        assert first[0]["type"] == "ticket.issued" and first[0]["payload"]["number"] == "A001"
        await asyncio.to_thread(issue, live, 4)  # while the board is away
        async with websockets.connect(ws_url(live, 3, token)) as ws:
            resumed = await take(ws, 4)
            await asyncio.to_thread(issue, live, 1)
            (latest,) = await take(ws, 1)
        assert [e["seq"] for e in resumed] == [4, 5, 6, 7]
        assert latest["seq"] == 8

    asyncio.run(scenario())


def test_many_subscribers_each_get_every_event_once(live) -> None:
    async def scenario() -> None:
        token = live.tokens["display"]
        socks = [await websockets.connect(ws_url(live, 0, token)) for _ in range(20)]
        try:
            await asyncio.to_thread(issue, live, 5)
            got = await asyncio.gather(*(take(ws, 5) for ws in socks))
        finally:
            for ws in socks:
                await ws.close()
        for events in got:
            assert [e["seq"] for e in events] == [1, 2, 3, 4, 5]

    asyncio.run(scenario())


def test_live_refuses_a_bad_token(live) -> None:
    async def scenario() -> None:
        with pytest.raises(websockets.exceptions.WebSocketException):
            async with websockets.connect(ws_url(live, 0, "nope")) as ws:
                await ws.recv()

    asyncio.run(scenario())
    assert httpx.get(f"{live.url}/api/v1/health").status_code == 200


def test_a_status_link_cannot_read_the_hall_stream(live) -> None:
    with live.client(live.tokens["kiosk"]) as c:
        link = c.post("/api/v1/tickets", json={"category": "SB"}).json()["status_url"]
    token = link.rsplit("/", 1)[1]

    async def scenario() -> None:
        with pytest.raises(websockets.exceptions.WebSocketException):
            async with websockets.connect(ws_url(live, 0, token)) as ws:
                await ws.recv()

    asyncio.run(scenario())
