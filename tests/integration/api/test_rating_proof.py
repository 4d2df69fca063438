"""Ratings decide clerks' assessments, so each channel needs its proof: `pad` only from the rating
pad registered at the window that just finished the service, `phone` only through the ticket's
own status link, `default` only from the server's 7-day rule. Every forgery below goes through a
real server and must be refused with a problem body, leaving no rating and no bad-rating case;
the citizen's own ratings still count."""

from __future__ import annotations

from typing import Any

import httpx

from kiosk.clock import FakeClock
from kiosk.domain import DeviceRole
from tests.helpers.server import LiveHall

PROBLEM = "application/problem+json"


def refused(r: httpx.Response, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith(PROBLEM)
    body: dict[str, Any] = r.json()
    assert body["detail"] and body["detail_zh"]
    return body


def serve(live: LiveHall, clerk: httpx.Client, no: int, category: str = "SB") -> dict[str, Any]:
    """One citizen issued, called and served to the end at window `no`."""
    with live.client(live.tokens["kiosk"]) as kiosk:
        ticket: dict[str, Any] = kiosk.post("/api/v1/tickets", json={"category": category}).json()
    assert clerk.post(f"/api/v1/windows/{no}/call-next").status_code == 200
    assert clerk.post(f"/api/v1/windows/{no}/finish", json={"outcome": "completed"}).is_success
    return ticket


def link(ticket: dict[str, Any]) -> str:
    return str(ticket["status_url"].rsplit("/", 1)[1])


def rating(ticket: dict[str, Any], channel: str, level: int = 1) -> dict[str, Any]:
    return {"ticket_id": ticket["id"], "level": level, "channel": channel, "tags": ["attitude"]}


def recorded(live: LiveHall) -> tuple[int, int]:
    conn = live.hall.reader()
    ratings = conn.execute("SELECT COUNT(*) FROM ratings").fetchone()[0]
    cases = conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    return int(ratings), int(cases)


def test_every_forged_rating_is_refused_and_the_citizens_own_counts(live: LiveHall) -> None:
    pad2_token = live.hall.add_device("pad-2", DeviceRole.RATING_PAD, 2)
    w1 = live.client(live.login("1001", "1234", 1))
    w2 = live.client(live.login("1002", "1234", 2))
    older = serve(live, w1, 1)
    newest = serve(live, w1, 1)
    at_two = serve(live, w2, 2, "GJJ")
    pad1, pad2 = live.client(live.tokens["pad"]), live.client(pad2_token)
    kiosk, display = live.client(live.tokens["kiosk"]), live.client(live.tokens["display"])

    # the pad of window 1 against window 2's service: the case would name clerk 1002
    refused(pad1.post("/api/v1/ratings", json=rating(at_two, "pad")), 403)
    # an older service of its own window, after the next citizen was served
    body = refused(pad1.post("/api/v1/ratings", json=rating(older, "pad")), 409)
    assert "later" in body["detail"]
    # a pad claiming to be the citizen's phone, or the server's default
    for channel in ("phone", "default", "kiosk"):
        refused(pad1.post("/api/v1/ratings", json=rating(newest, channel)), 403)
    # screens that cannot rate at all, whatever channel they claim
    for screen in (kiosk, display, w1):
        for channel in ("pad", "kiosk", "phone"):
            refused(screen.post("/api/v1/ratings", json=rating(newest, channel)), 403)
    # a status link rating another ticket, or claiming to be the pad or the server
    with live.client(link(older)) as phone:
        refused(phone.post("/api/v1/ratings", json=rating(newest, "phone")), 403)
        for channel in ("pad", "default", "kiosk"):
            refused(phone.post("/api/v1/ratings", json=rating(older, channel)), 403)
    assert recorded(live) == (0, 0)

    # the citizens' own: at window 2's pad just after the service, and by the link
    assert pad2.post("/api/v1/ratings", json=rating(at_two, "pad", 5)).status_code == 201
    assert pad1.post("/api/v1/ratings", json=rating(newest, "pad", 2)).status_code == 201
    with live.client(link(older)) as phone:
        assert phone.post("/api/v1/ratings", json=rating(older, "phone", 4)).status_code == 201
    rows = live.hall.reader().execute("SELECT ticket_id, channel, level FROM ratings").fetchall()
    assert sorted(map(tuple, rows)) == sorted(
        [(at_two["id"], "pad", 5), (newest["id"], "pad", 2), (older["id"], "phone", 4)]
    )
    case = live.hall.reader().execute("SELECT ticket_id, clerk FROM cases").fetchone()
    assert tuple(case) == (newest["id"], "1001")
    for c in (w1, w2, pad1, pad2, kiosk, display):
        c.close()


def test_a_pad_rating_comes_within_minutes_of_the_service(live: LiveHall, clock: FakeClock) -> None:
    with live.client(live.login("1001", "1234", 1)) as w1:
        fresh = serve(live, w1, 1)
        clock.advance(minutes=9)
        with live.client(live.tokens["pad"]) as pad:
            assert pad.post("/api/v1/ratings", json=rating(fresh, "pad", 5)).status_code == 201
            late = serve(live, w1, 1)
            clock.advance(minutes=10, seconds=1)
            body = refused(pad.post("/api/v1/ratings", json=rating(late, "pad", 1)), 409)
            assert "10" in body["detail"]
    assert recorded(live) == (1, 0)
    # the citizen who walked away can still rate by the ticket's own link
    with live.client(link(late)) as phone:
        assert phone.post("/api/v1/ratings", json=rating(late, "phone", 3)).status_code == 201
