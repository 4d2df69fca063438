"""GET /api/v1/windows/{no}/stats: a clerk's own figures of today, and who may read them."""

from __future__ import annotations

from kiosk.clock import FakeClock
from tests.helpers.server import LiveHall


def serve_one(live: LiveHall, clerk: str, clock: FakeClock, seconds: float, outcome: str) -> str:
    kiosk = live.client(live.tokens["kiosk"])
    ticket = kiosk.post("/api/v1/tickets", json={"category": "SB"}).json()
    with live.client(clerk) as c:
        clock.advance(60)
        assert c.post("/api/v1/windows/1/call-next").status_code == 200
        assert c.post("/api/v1/windows/1/start").status_code == 200
        clock.advance(seconds)
        body: dict = {"outcome": outcome}
        if outcome == "correction":
            body["missing_materials"] = ["申请表"]
        assert c.post("/api/v1/windows/1/finish", json=body).status_code == 200
    return str(ticket["id"])


def test_figures_of_today(live: LiveHall, clock: FakeClock) -> None:
    clerk = live.login("1001", "1234", 1)
    with live.client(live.tokens["pad"]) as pad:  # each rated at the pad as it finishes
        for seconds, outcome, level in ((120, "completed", 5), (240, "correction", 2)):
            ticket = serve_one(live, clerk, clock, seconds, outcome)
            r = pad.post(
                "/api/v1/ratings", json={"ticket_id": ticket, "level": level, "channel": "pad"}
            )
            assert r.status_code == 201
    with live.client(clerk) as c:
        mine = c.get("/api/v1/windows/1/stats", params={"clerk": "1001"}).json()
        whole = c.get("/api/v1/windows/1/stats").json()
    assert mine["served"] == 2 and mine["clerk"] == "1001"
    assert mine["completed"] == 1, "a correction (补正) counted as completed (办结)"
    assert mine["outcomes"] == {"completed": 1, "correction": 1}
    assert mine["avg_handle_s"] == 180.0
    assert mine["avg_wait_s"] == 60.0
    assert mine["ratings"] == {"count": 2, "average": 3.5, "good": 1, "good_rate": 0.5}
    assert whole["served"] == 2 and whole["service_day"] == "2026-11-27"


def test_empty_window_has_no_averages(live: LiveHall) -> None:
    clerk = live.login("1002", "1234", 2)
    with live.client(clerk) as c:
        r = c.get("/api/v1/windows/2/stats").json()
    assert r["served"] == 0 and r["avg_handle_s"] is None
    assert r["ratings"] == {"count": 0, "average": None, "good": 0, "good_rate": None}


def test_who_may_read(live: LiveHall) -> None:
    clerk = live.login("1001", "1234", 1)
    supervisor = live.login("9001", "9999", None)
    with live.client(clerk) as c:
        assert c.get("/api/v1/windows/2/stats").status_code == 403
        assert c.get("/api/v1/windows/1/stats", params={"clerk": "1002"}).status_code == 403
        assert c.get("/api/v1/windows/99/stats").status_code == 404
    with live.client(supervisor) as s:
        assert s.get("/api/v1/windows/2/stats", params={"clerk": "1002"}).status_code == 200
    with live.client(live.tokens["pad"]) as pad:
        assert pad.get("/api/v1/windows/1/stats").status_code == 403
    with live.client() as anon:
        assert anon.get("/api/v1/windows/1/stats").status_code == 401
