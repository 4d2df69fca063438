"""The live stream per role, through the real server and a real WebSocket client: a display,
a rating pad and a kiosk never receive a question, a phone number, an appointment code or
another window's ticket ids; staff still get everything; a client beyond the log's head is told
to reload, and a bad `after_seq` is closed with a clear reason."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
import websockets
from websockets.exceptions import ConnectionClosed

ID_NUMBER = "370202199001011234"
MOBILE = "13812345678"
QUESTION = f"我的身份证号是{ID_NUMBER} 电话{MOBILE}，社保卡怎么补办？"


def ws_url(live: Any, token: str, after: str | int = 0) -> str:
    return live.url.replace("http", "ws") + f"/api/v1/live?after_seq={after}&token={token}"


async def collect(ws: Any, until: Any, timeout: float = 10.0) -> list[tuple[str, dict]]:
    """(raw text, parsed) of every message up to and including the first that `until` accepts."""
    out: list[tuple[str, dict]] = []
    while True:
        text = await asyncio.wait_for(ws.recv(), timeout)
        message = json.loads(text)
        out.append((text, message))
        if until(message):
            return out


def paused_at_1(message: dict) -> bool:
    payload = message.get("payload") or {}
    return message.get("type") == "window.paused" and payload.get("window_no") == 1


def busy_morning(live: Any) -> dict[str, Any]:
    """An appointment checked in, a question with an ID and a phone number, and services at
    windows 1 and 2; ends with window 1 pausing (an event every screen is shown)."""
    supervisor = live.client(live.login("9001", "9999", None))
    kiosk = live.client(live.tokens["kiosk"])
    at_1 = live.client(live.login("1001", "1234", 1))
    at_2 = live.client(live.login("1002", "1234", 2))
    slot = live.hall.clock.now().isoformat().replace("+00:00", "Z")
    code = supervisor.post("/api/v1/appointments", json={"category": "SB", "slot_start": slot})
    assert code.status_code == 201, code.text
    appointment = code.json()["code"]
    booked = kiosk.post("/api/v1/tickets", json={"appointment_code": appointment})
    assert booked.status_code == 201, booked.text
    asked = kiosk.post(
        "/api/v1/consultations", json={"topic": "社保卡", "question": QUESTION, "phone": MOBILE}
    )
    assert asked.status_code == 201, asked.text
    others = [kiosk.post("/api/v1/tickets", json={"category": c}).json() for c in ("SB", "GJJ")]
    served = {}
    for no, clerk in ((1, at_1), (2, at_2)):
        called = clerk.post(f"/api/v1/windows/{no}/call-next").json()["ticket"]
        assert clerk.post(f"/api/v1/windows/{no}/start").status_code == 200
        done = clerk.post(f"/api/v1/windows/{no}/finish", json={"outcome": "completed"})
        assert done.status_code == 200, done.text
        served[no] = called["id"]
    assert at_1.post("/api/v1/windows/1/pause", json={"reason": "meal"}).status_code == 200
    for c in (supervisor, kiosk, at_1, at_2):
        c.close()
    all_ids = {booked.json()["id"], *(t["id"] for t in others), *served.values()}
    return {"appointment": appointment, "served": served, "ids": all_ids}


def test_screens_see_only_what_they_show_and_staff_see_everything(live) -> None:
    helpdesk = live.login("8001", "8888", None)

    async def scenario() -> tuple[dict[str, list[tuple[str, dict]]], dict[str, Any]]:
        roles = {
            "display": live.tokens["display"],
            "pad": live.tokens["pad"],  # registered to window 1
            "kiosk": live.tokens["kiosk"],
            "helpdesk": helpdesk,
        }
        socks = {name: await websockets.connect(ws_url(live, t)) for name, t in roles.items()}
        try:
            facts = await asyncio.to_thread(busy_morning, live)
            seen = {name: await collect(ws, paused_at_1) for name, ws in socks.items()}
        finally:
            for ws in socks.values():
                await ws.close()
        return seen, facts

    seen, facts = asyncio.run(scenario())
    secrets = (ID_NUMBER, MOBILE, MOBILE[:3] + "****", "身份证", facts["appointment"])
    for name in ("display", "pad", "kiosk"):
        raw = "\n".join(text for text, _ in seen[name])
        leaked = [s for s in secrets if s in raw]
        assert not leaked, f"{name} received {leaked}"
        types = {m["type"] for _, m in seen[name]}
        assert not any(t.startswith(("consultation.", "appointment.")) for t in types), name
        seqs = [m["seq"] for _, m in seen[name]]
        assert seqs == sorted(set(seqs)), name
    display = "\n".join(text for text, _ in seen["display"])
    assert not [i for i in facts["ids"] if i in display], "a display received ticket ids"
    pad = "\n".join(text for text, _ in seen["pad"])
    elsewhere = facts["ids"] - {facts["served"][1]}
    assert not [i for i in elsewhere if i in pad], "a pad received another window's ticket ids"
    # what the screens need is still there
    calls = [m["payload"] for _, m in seen["display"] if m["type"] == "ticket.called"]
    assert {c["window_no"] for c in calls} == {1, 2} and all(c["number"] for c in calls)
    (finished,) = [m["payload"] for _, m in seen["pad"] if m["type"] == "ticket.finished"]
    assert finished["ticket_id"] == facts["served"][1] and finished["window_no"] == 1
    assert {"ticket.issued", "window.paused"} <= {m["type"] for _, m in seen["kiosk"]}
    # staff see the question, the appointment and every ticket
    staff = seen["helpdesk"]
    (created,) = [m for _, m in staff if m["type"] == "consultation.created"]
    assert "身份证" in created["payload"]["question"]
    assert any(m["type"] == "appointment.booked" for _, m in staff)
    staff_raw = "\n".join(text for text, _ in staff)
    assert all(i in staff_raw for i in facts["ids"])
    assert [m["seq"] for _, m in staff] == list(range(1, live.hall.last_seq + 1))


def test_a_client_beyond_the_head_is_told_to_reload(live) -> None:
    with live.client(live.tokens["kiosk"]) as kiosk:
        assert kiosk.post("/api/v1/tickets", json={"category": "SB"}).status_code == 201
    head = live.hall.last_seq

    async def scenario() -> list[dict]:
        async with websockets.connect(ws_url(live, live.tokens["display"], head + 100)) as ws:
            first = json.loads(await asyncio.wait_for(ws.recv(), 10))
            await asyncio.to_thread(
                lambda: live.client(live.tokens["kiosk"]).post(
                    "/api/v1/tickets", json={"category": "SB"}
                )
            )
            second = json.loads(await asyncio.wait_for(ws.recv(), 10))
        return [first, second]

    reset, issued = asyncio.run(scenario())
    assert reset["type"] == "stream.reset" and reset["seq"] == head
    assert issued["type"] == "ticket.issued" and issued["seq"] == head + 1


@pytest.mark.parametrize("after", ["-1", "abc", "1e23", "1.5", str(2**63), "9" * 40])
def test_a_bad_after_seq_is_closed_with_a_clear_reason(live, after: str) -> None:
    async def scenario() -> tuple[int, str]:
        async with websockets.connect(ws_url(live, live.tokens["display"], after)) as ws:
            try:
                await asyncio.wait_for(ws.recv(), 10)
            except ConnectionClosed as exc:
                assert exc.rcvd is not None
                return exc.rcvd.code, exc.rcvd.reason
        raise AssertionError("the socket stayed open")

    code, reason = asyncio.run(scenario())
    assert code == 4400 and "after_seq" in reason
    assert httpx.get(f"{live.url}/api/v1/health").status_code == 200
