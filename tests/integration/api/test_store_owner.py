"""The serving process owns the store: writing commands run beside `kiosk serve` go through it
(or refuse in one line), and the server's own writes keep working afterwards."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from kiosk.admin.credentials import ADMIN_FILE
from kiosk.cli import main
from kiosk.domain import DeviceRole
from tests.helpers.hallfactory import make_hall
from tests.helpers.server import free_port, server_process


def kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    """The real `kiosk` command in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, timeout=60
    )


class InProcess:
    """The same CLI through `kiosk.cli.main` in this process (faster than a process each)."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys

    def __call__(self, *args: str) -> subprocess.CompletedProcess[str]:
        self.capsys.readouterr()
        code = main(list(args))
        out, err = self.capsys.readouterr()
        return subprocess.CompletedProcess(list(args), code, out, err)


def one_line_refusal(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "错误" in done.stderr and "error" in done.stderr


def test_writing_commands_beside_a_running_server(tmp_path: Path, capsys) -> None:
    cli = InProcess(capsys)
    hall = make_hall(tmp_path / "hall.db")
    kiosk_token = hall.add_device("kiosk-1", DeviceRole.KIOSK)
    hall.close()
    data = str(tmp_path)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    issuer = httpx.Client(base_url=url, headers={"Authorization": f"Bearer {kiosk_token}"})
    with server_process(tmp_path, port), issuer:
        for _ in range(3):
            assert issuer.post("/api/v1/tickets", json={"category": "SB"}).status_code == 201

        switched = cli("item", "SB-2", "--off", "--data", data)
        assert switched.returncode == 0, switched.stderr
        r = issuer.post("/api/v1/tickets", json={"category": "SB"})
        assert r.status_code == 201, f"the server's writes broke after `kiosk item`: {r.text}"
        assert issuer.post("/api/v1/tickets", json={"item": "SB-2"}).status_code == 422

        added = cli(
            "clerk", "add", "--data", data, "--employee-no", "7001", "--name", "新同事",
            "--pin", "2468",
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
        login = httpx.post(
            f"{url}/api/v1/sessions", json={"employee_no": "7001", "pin": "2468", "window": 2}
        )
        assert login.status_code == 201, login.text

        device = cli("device", "add", "--data", data, "--role", "kiosk", "--name", "k2", "--json")
        assert device.returncode == 0, device.stderr
        token = json.loads(device.stdout)["token"]
        r = httpx.post(
            f"{url}/api/v1/tickets",
            json={"category": "GJJ"},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert r.status_code == 201, r.text

        closed = kiosk("day", "close", "--data", data)
        assert closed.returncode == 0, closed.stderr
        assert "5 tickets cancelled" in closed.stdout
        r = issuer.post("/api/v1/tickets", json={"category": "SB"})
        assert r.status_code == 409, r.text  # closed for today: a refusal, not a broken store
        assert cli("day", "close", "--data", data).returncode == 2

        one_line_refusal(cli("store", "rebuild", "--data", data))
        second = kiosk("serve", "--data", data, "--port", str(free_port()))
        one_line_refusal(second)
        assert "kiosk serve" in second.stderr

        admin_file = tmp_path / ADMIN_FILE
        assert stat.S_IMODE(admin_file.stat().st_mode) == 0o600
        for headers, status in (({}, 401), ({"Authorization": f"Bearer {kiosk_token}"}, 403)):
            r = httpx.post(f"{url}/api/v1/admin/day-close", json={}, headers=headers)
            assert r.status_code == status, r.text
            assert r.headers["content-type"].startswith("application/problem+json")

    assert not (tmp_path / ADMIN_FILE).exists(), "the admin token outlived its server"
    rebuilt = cli("store", "rebuild", "--data", data)
    assert rebuilt.returncode == 0, rebuilt.stderr
