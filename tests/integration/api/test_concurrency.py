"""Correctness under load, through the real server: the peer complaints were duplicate numbers
and two clerks calling the same ticket."""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.helpers.hallfactory import make_hall
from tests.helpers.server import running

ISSUERS = 32
TICKETS = 2000
WINDOWS = 16


def sixteen_windows() -> list[dict]:
    return [
        {
            "no": n,
            "name_zh": f"{n}号窗",
            "name_en": f"W{n}",
            "kind": "comprehensive",
            "categories": ["SB", "GJJ"] if n % 2 else [["SB", "GJJ"]],
        }
        for n in range(1, WINDOWS + 1)
    ]


def sixteen_clerks() -> list[dict]:
    return [
        {"employee_no": f"2{n:03d}", "name": f"职员{n}", "pin": "1234", "role": "clerk"}
        for n in range(1, WINDOWS + 1)
    ]


@pytest.mark.slow
def test_concurrent_issue_then_concurrent_calling(tmp_path, clock) -> None:
    hall = make_hall(tmp_path / "h.db", clock, windows=sixteen_windows(), clerks=sixteen_clerks())
    with running(hall) as live:
        kiosk_token = live.tokens["kiosk"]
        issued: list[dict] = []
        lock = threading.Lock()

        def issuer(worker: int) -> None:
            share = TICKETS // ISSUERS + (1 if worker < TICKETS % ISSUERS else 0)
            with live.client(kiosk_token, timeout=60) as c:
                for i in range(share):
                    cat = "SB" if (worker + i) % 3 else "GJJ"
                    r = c.post("/api/v1/tickets", json={"category": cat})
                    assert r.status_code == 201, r.text
                    with lock:
                        issued.append(r.json())

        with ThreadPoolExecutor(ISSUERS) as pool:
            list(pool.map(issuer, range(ISSUERS)))

        assert len(issued) == TICKETS
        numbers = Counter(t["number"] for t in issued)
        assert max(numbers.values()) == 1, "duplicate ticket numbers"
        per_prefix = Counter(t["number"][0] for t in issued)
        for prefix, count in per_prefix.items():
            expected = {f"{prefix}{n:03d}" for n in range(1, count + 1)}
            assert {n for n in numbers if n[0] == prefix} == expected, "gaps in numbering"

        called: list[str] = []

        def window(no: int) -> None:
            token = live.login(f"2{no:03d}", "1234", no)
            with live.client(token, timeout=60) as c:
                while True:
                    r = c.post(f"/api/v1/windows/{no}/call-next")
                    if r.status_code == 204:
                        return
                    assert r.status_code == 200, r.text
                    ticket = r.json()["ticket"]
                    assert ticket["window_no"] == no
                    with lock:
                        called.append(ticket["id"])
                    done = c.post(f"/api/v1/windows/{no}/finish", json={"outcome": "completed"})
                    assert done.status_code == 200, done.text

        with ThreadPoolExecutor(WINDOWS) as pool:
            list(pool.map(window, range(1, WINDOWS + 1)))

        counts = Counter(called)
        assert len(counts) == TICKETS, "some tickets were never called"
        assert max(counts.values()) == 1, "a ticket was called twice"
        assert {t["id"] for t in issued} == set(counts)
        q = live.client(live.tokens["display"]).get("/api/v1/queue").json()
        assert sum(c["waiting"] for c in q["categories"]) == 0
        statuses = dict(
            hall.reader().execute("SELECT status, COUNT(*) FROM tickets GROUP BY status").fetchall()
        )
        assert statuses == {"done": TICKETS}
    hall.close()
