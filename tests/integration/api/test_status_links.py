"""A ticket's status link (the QR on the ticket) is a bearer secret in a citizen's pocket: only
those who print or hand over the ticket, and the link's holder, ever see it; it can hold one
open question at a time, makes a few writes a minute at most, and stops working once the
service day and the 7-day rating window are over. All against a real server."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from kiosk.clock import FakeClock
from tests.helpers.server import LiveHall

PROBLEM = "application/problem+json"


def refused(r: httpx.Response, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith(PROBLEM)
    body: dict[str, Any] = r.json()
    assert body["detail"] and body["detail_zh"]
    return body


def issue(live: LiveHall, category: str = "SB") -> dict[str, Any]:
    with live.client(live.tokens["kiosk"]) as kiosk:
        ticket: dict[str, Any] = kiosk.post("/api/v1/tickets", json={"category": category}).json()
    return ticket


def link(ticket: dict[str, Any]) -> str:
    return str(ticket["status_url"].rsplit("/", 1)[1])


def test_the_link_is_shown_only_to_issuers_and_its_holder(live: LiveHall) -> None:
    ticket, other = issue(live), issue(live)
    live.hall.add_clerk("7001", "管理员", "7777", "admin")
    seen: dict[str, bool] = {}
    callers = {
        "kiosk": live.tokens["kiosk"],
        "helpdesk": live.login("8001", "8888", None),
        "supervisor": live.login("9001", "9999", None),
        "admin": live.login("7001", "7777", None),
        "holder": link(ticket),
        "display": live.tokens["display"],
        "rating_pad": live.tokens["pad"],
        "center_sync": live.tokens["sync"],
        "clerk": live.login("1002", "1234", 2),
        "other_link": link(other),
        "anonymous": None,
    }
    for name, token in callers.items():
        with live.client(token) as c:
            r = c.get(f"/api/v1/tickets/{ticket['id']}")
            assert r.status_code == 200, (name, r.text)
            seen[name] = "status_url" in r.json()
    shown = {name for name, yes in seen.items() if yes}
    assert shown == {"kiosk", "helpdesk", "supervisor", "admin", "holder"}
    # a clerk calling the ticket gets its state, not its link
    with live.client(live.login("1001", "1234", 1)) as clerk:
        called = clerk.post("/api/v1/windows/1/call-next").json()["ticket"]
        assert called["id"] == ticket["id"] and "status_url" not in called
        done = clerk.post("/api/v1/windows/1/finish", json={"outcome": "completed"}).json()
        assert "status_url" not in done["ticket"]


def test_one_open_question_per_ticket(live: LiveHall, clock: FakeClock) -> None:
    ticket = issue(live)
    question = {"topic": "社保卡", "question": "补办要带什么？"}
    with live.client(link(ticket)) as phone:
        # nobody at the desk: the question becomes a 综合咨询 ticket at once
        first = phone.post("/api/v1/consultations", json=question)
        assert first.status_code == 201 and first.json()["status"] == "converted"
        again = refused(phone.post("/api/v1/consultations", json=question), 409)
        assert again["number"] == first.json()["number"]
        assert first.json()["number"] in again["detail"]
        # fifty more in a row: refused (409), then throttled (429); never another ticket
        statuses = {
            phone.post("/api/v1/consultations", json=question).status_code for _ in range(50)
        }
        assert statuses == {409, 429}
    made = live.hall.reader().execute("SELECT COUNT(*) FROM tickets WHERE source = 'consultation'")
    assert made.fetchone()[0] == 1
    # once the ticket it became has been served (and the link's budget refilled), it may ask
    clock.advance(60)
    desk_ticket = first.json()["ticket"]["number"]
    with live.client(live.login("1004", "1234", 4)) as clerk:
        assert clerk.post("/api/v1/windows/4/call", json={"number": desk_ticket}).is_success
        assert clerk.post("/api/v1/windows/4/finish", json={"outcome": "completed"}).is_success
    with live.client(link(ticket)) as phone:
        assert phone.post("/api/v1/consultations", json=question).status_code == 201


def test_an_open_question_at_a_staffed_desk_blocks_a_second_until_resolved(
    live: LiveHall,
) -> None:
    ticket = issue(live)
    desk = live.client(live.login("8001", "8888", None))
    assert desk.post("/api/v1/helpdesk/presence", json={"status": "on_duty"}).is_success
    with live.client(link(ticket)) as phone:
        first = phone.post("/api/v1/consultations", json={"topic": "医保"}).json()
        assert first["status"] == "open"
        assert refused(phone.post("/api/v1/consultations", json={"topic": "医保"}), 409)
        assert desk.post(f"/api/v1/consultations/{first['id']}/claim").is_success
        refused(phone.post("/api/v1/consultations", json={"topic": "医保"}), 409)
        resolved = desk.post(f"/api/v1/consultations/{first['id']}/resolve", json={"answer": "好"})
        assert resolved.is_success
        assert phone.post("/api/v1/consultations", json={"topic": "医保"}).status_code == 201
    # the kiosk asks for many citizens: no such limit there
    with live.client(live.tokens["kiosk"]) as kiosk:
        for _ in range(3):
            assert kiosk.post("/api/v1/consultations", json={"topic": "医保"}).status_code == 201
    desk.close()


def test_a_link_makes_only_a_few_writes_a_minute(live: LiveHall, clock: FakeClock) -> None:
    ticket, other = issue(live), issue(live)
    rating = {"ticket_id": ticket["id"], "level": 5, "channel": "phone"}
    with live.client(link(ticket)) as phone:
        answers = [phone.post("/api/v1/ratings", json=rating) for _ in range(8)]
        assert {r.status_code for r in answers[:5]} == {409}  # not served yet
        limited = answers[5:]
        for r in limited:
            refused(r, 429)
            assert 1 <= int(r.headers["Retry-After"]) <= 60
        assert phone.get(f"/api/v1/tickets/{ticket['id']}").status_code == 200  # reads: free
        with live.client(link(other)) as neighbour:  # another link has its own budget
            refused(
                neighbour.post("/api/v1/ratings", json={**rating, "ticket_id": other["id"]}), 409
            )
        clock.advance(int(limited[-1].headers["Retry-After"]))
        refused(phone.post("/api/v1/ratings", json=rating), 409)  # refilled: heard again
        refused(phone.post("/api/v1/ratings", json=rating), 429)


def expiry(live: LiveHall, ticket: dict[str, Any]) -> datetime:
    """Midnight after the service day, plus the 7-day rating window, in the hall's zone."""
    day = datetime.fromisoformat(ticket["service_day"]).replace(tzinfo=ZoneInfo("Asia/Shanghai"))
    return day + timedelta(days=8)


def test_a_link_expires_after_the_service_day_and_the_rating_window(
    live: LiveHall, clock: FakeClock
) -> None:
    ticket = issue(live)
    with live.client(live.login("1001", "1234", 1)) as clerk:
        assert clerk.post("/api/v1/windows/1/call-next").is_success
        assert clerk.post("/api/v1/windows/1/finish", json={"outcome": "completed"}).is_success
    rating = {"ticket_id": ticket["id"], "level": 4, "channel": "phone"}
    clock.set(expiry(live, ticket) - timedelta(seconds=1))
    with live.client(link(ticket)) as phone:
        assert phone.get(f"/api/v1/tickets/{ticket['id']}/case").status_code == 200
        assert phone.get(f"/t/{link(ticket)}").status_code == 200
        clock.advance(2)
        refused(phone.post("/api/v1/ratings", json=rating), 401)
        refused(phone.post("/api/v1/consultations", json={"topic": "社保"}), 401)
        refused(phone.get(f"/api/v1/tickets/{ticket['id']}/case"), 401)
        refused(phone.get(f"/api/v1/tickets/{ticket['id']}"), 410)
        page = phone.get(f"/t/{link(ticket)}")
    assert page.status_code == 410
    assert "链接已过期" in page.text and "This link has expired" in page.text
    assert ticket["number"] not in page.text
    # staff still read the ticket, without a link to hand out
    with live.client(live.tokens["kiosk"]) as kiosk:
        assert kiosk.get(f"/api/v1/tickets/{ticket['id']}").status_code == 200
