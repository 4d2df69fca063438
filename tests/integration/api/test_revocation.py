"""Revocation takes effect within a second: a device re-keyed or revoked, a clerk demoted or
disabled with the real `kiosk` CLI while `kiosk serve` runs in its own process, and a clerk who
signs out: their next request is refused and their open live connections are closed."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from kiosk.domain import DeviceRole
from tests.helpers.hallfactory import make_hall
from tests.helpers.server import free_port, server_process

WITHIN_S = 1.0


@dataclass
class Served:
    data: Path
    url: str

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "kiosk", *args, "--data", str(self.data)],
            capture_output=True,
            text=True,
            timeout=60,
        )

    def device(self, name: str, role: str) -> str:
        done = self.cli("device", "add", "--name", name, "--role", role, "--json")
        assert done.returncode == 0, done.stderr
        return str(json.loads(done.stdout)["token"])

    def login(self, employee_no: str, pin: str, window: int | None = None) -> str:
        body = {"employee_no": employee_no, "pin": pin, "window": window}
        r = httpx.post(f"{self.url}/api/v1/sessions", json=body, timeout=10)
        assert r.status_code == 201, r.text
        return str(r.json()["token"])

    def get(self, path: str, token: str) -> int:
        headers = {"Authorization": f"Bearer {token}"}
        return httpx.get(f"{self.url}{path}", headers=headers, timeout=10).status_code

    def live(self, token: str) -> ClientConnection:
        url = self.url.replace("http://", "ws://") + f"/api/v1/live?token={token}"
        return connect(url, open_timeout=5, close_timeout=1)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    hall = make_hall(tmp_path / "hall.db")
    hall.add_device("kiosk-0", DeviceRole.KIOSK)
    hall.close()
    port = free_port()
    with server_process(tmp_path, port):
        yield Served(tmp_path, f"http://127.0.0.1:{port}")


def seconds_until(check: Callable[[], bool], limit: float = 5.0) -> float:
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if check():
            return time.monotonic() - start
        time.sleep(0.02)
    raise AssertionError(f"still not refused after {limit} s")


def closed_with(ws: ClientConnection, limit: float = 5.0) -> tuple[float, int, str]:
    """Seconds until the server closed the socket, with the close code and reason."""
    start = time.monotonic()
    try:
        while time.monotonic() - start < limit:
            ws.recv(timeout=limit)
    except ConnectionClosed as exc:
        assert exc.rcvd is not None, "closed without a close frame"
        return time.monotonic() - start, exc.rcvd.code, exc.rcvd.reason
    except TimeoutError:
        pass
    raise AssertionError(f"the socket is still open after {limit} s")


def test_a_rekeyed_device_is_refused_within_a_second(served: Served) -> None:
    old = served.device("display-9", "display")
    assert served.get("/api/v1/events", old) == 403  # known, though not allowed there
    with served.live(old) as ws:
        new = served.device("display-9", "display")  # the same name again: a new key
        waited = seconds_until(
            lambda: (
                served.get("/api/v1/helpdesk/status", old) == 401
                or served.get("/api/v1/events", old) == 401
            )
        )
        took, code, reason = closed_with(ws)
    assert waited < WITHIN_S and took < WITHIN_S
    assert code == 4401 and "revoked" in reason
    with served.live(new) as ws:  # the new key works
        ws.ping().wait(5)


def test_a_revoked_device_is_refused_within_a_second(served: Served) -> None:
    token = served.device("kiosk-7", "kiosk")
    ticket = {"category": "SB"}
    auth = {"Authorization": f"Bearer {token}"}
    assert httpx.post(f"{served.url}/api/v1/tickets", json=ticket, headers=auth).status_code == 201
    with served.live(token) as ws:
        done = served.cli("device", "revoke", "--name", "kiosk-7")
        assert done.returncode == 0, done.stderr
        waited = seconds_until(
            lambda: (
                httpx.post(f"{served.url}/api/v1/tickets", json=ticket, headers=auth).status_code
                == 401
            )
        )
        took, code, _ = closed_with(ws)
    assert waited < WITHIN_S and took < WITHIN_S and code == 4401
    unknown = served.cli("device", "revoke", "--name", "no-such-device")
    assert unknown.returncode != 0 and "Traceback" not in unknown.stderr
    assert len(unknown.stderr.strip().splitlines()) == 1 and "no-such-device" in unknown.stderr


def test_a_demoted_admin_loses_admin_rights_within_a_second(served: Served) -> None:
    added = served.cli("clerk", "add", "--employee-no", "7001", "--name", "管理员",
                       "--pin", "7777", "--role", "admin")  # fmt: skip
    assert added.returncode == 0, added.stderr
    token = served.login("7001", "7777")
    assert served.get("/api/v1/events", token) == 200
    with served.live(token) as ws:
        demoted = served.cli("clerk", "add", "--employee-no", "7001", "--name", "管理员",
                             "--pin", "7777", "--role", "clerk")  # fmt: skip
        assert demoted.returncode == 0, demoted.stderr
        waited = seconds_until(lambda: served.get("/api/v1/events", token) == 403)
        took, code, _ = closed_with(ws)  # its stream was the admin's: it must reconnect
    assert waited < WITHIN_S and took < WITHIN_S and code == 4401


def test_a_disabled_clerk_is_signed_out_within_a_second(served: Served) -> None:
    token = served.login("8001", "8888")  # help desk, no window
    assert served.get("/api/v1/helpdesk/consultations", token) == 200
    with served.live(token) as ws:
        done = served.cli("clerk", "disable", "--employee-no", "8001")
        assert done.returncode == 0, done.stderr
        waited = seconds_until(lambda: served.get("/api/v1/helpdesk/consultations", token) == 401)
        took, code, _ = closed_with(ws)
    assert waited < WITHIN_S and took < WITHIN_S and code == 4401
    body = {"employee_no": "8001", "pin": "8888", "window": None}
    assert httpx.post(f"{served.url}/api/v1/sessions", json=body).status_code == 401
    unknown = served.cli("clerk", "disable", "--employee-no", "0000")
    assert unknown.returncode != 0 and "Traceback" not in unknown.stderr


def test_signing_out_closes_the_clerks_live_connection(served: Served) -> None:
    token = served.login("1001", "1234", 1)
    with served.live(token) as ws:
        auth = {"Authorization": f"Bearer {token}"}
        r = httpx.delete(f"{served.url}/api/v1/sessions/current", headers=auth)
        assert r.status_code == 204
        took, code, reason = closed_with(ws)
    assert took < WITHIN_S and code == 4401 and "signed out" in reason
