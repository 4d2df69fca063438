"""A server killed with SIGKILL in the middle of a burst loses no ticket it answered 201 for."""

from __future__ import annotations

import os
import signal
import sqlite3
import threading
import time

import httpx
import pytest

from kiosk.domain import DeviceRole
from tests.helpers.hallfactory import make_hall
from tests.helpers.server import free_port, server_process

CLIENTS = 8
KILL_AFTER = 150


@pytest.mark.slow
def test_sigkill_during_a_burst_loses_nothing_acknowledged(tmp_path, clock) -> None:
    hall = make_hall(tmp_path / "hall.db")
    token = hall.add_device("kiosk-1", DeviceRole.KIOSK)
    hall.close()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    acked: list[dict] = []
    lock = threading.Lock()
    stop = threading.Event()

    def client(worker: int) -> None:
        with httpx.Client(
            base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=5
        ) as c:
            for i in range(1000):
                if stop.is_set():
                    return
                try:
                    r = c.post(
                        "/api/v1/tickets", json={"category": "SB", "request_id": f"w{worker}-{i}"}
                    )
                except httpx.HTTPError:
                    return  # the server died under us: this request was never acknowledged
                if r.status_code == 201:
                    with lock:
                        acked.append(r.json())

    with server_process(tmp_path, port) as proc:
        threads = [threading.Thread(target=client, args=(w,)) for w in range(CLIENTS)]
        for t in threads:
            t.start()
        deadline = time.monotonic() + 60
        while len(acked) < KILL_AFTER and time.monotonic() < deadline:
            time.sleep(0.005)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        stop.set()
        for t in threads:
            t.join(timeout=20)
    assert len(acked) >= KILL_AFTER

    conn = sqlite3.connect(tmp_path / "hall.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with server_process(tmp_path, port), httpx.Client(base_url=url) as c:
        for t in acked:
            r = c.get(f"/api/v1/tickets/{t['id']}")
            assert r.status_code == 200, f"acknowledged ticket {t['number']} was lost"
            assert r.json()["number"] == t["number"]
