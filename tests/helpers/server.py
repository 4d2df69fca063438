"""A real hall server for tests: uvicorn on 127.0.0.1, a free port, in a thread or a process."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from kiosk.domain import DeviceRole
from kiosk.engine.hall import Hall
from kiosk.server.app import create_app
from tests.helpers.live_server import serve_in_thread
from tests.helpers.postgres import free_port

__all__ = ["LiveHall", "free_port", "running", "server_process"]


@dataclass
class LiveHall:
    url: str
    hall: Hall
    tokens: dict[str, str] = field(default_factory=dict)
    app: Any = None

    def client(self, token: str | None = None, timeout: float = 10.0) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=timeout)

    def login(self, employee_no: str, pin: str, window: int | None) -> str:
        r = httpx.post(
            f"{self.url}/api/v1/sessions",
            json={"employee_no": employee_no, "pin": pin, "window": window},
            timeout=30,  # sixteen clerks signing in at once on a busy machine
        )
        assert r.status_code == 201, r.text
        return str(r.json()["token"])


def add_devices(hall: Hall) -> dict[str, str]:
    return {
        "kiosk": hall.add_device("kiosk-1", DeviceRole.KIOSK),
        "display": hall.add_device("display-1", DeviceRole.DISPLAY),
        "pad": hall.add_device("pad-1", DeviceRole.RATING_PAD, 1),
        "sync": hall.add_device("center-sync", DeviceRole.CENTER_SYNC),
    }


@contextmanager
def running(hall: Hall, *, duties: bool = False, port: int | None = None) -> Iterator[LiveHall]:
    """Serves `hall` from a thread until the block ends."""
    app = create_app(hall, duties=duties)
    with serve_in_thread(app, port=port) as url:
        yield LiveHall(url, hall, add_devices(hall), app)


@contextmanager
def server_process(
    data_dir: Path, port: int, *extra: str, log: Path | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """`kiosk serve` in its own process, for tests that kill it; `extra` are more options. With
    `log`, its stderr goes to that file (a server logging many errors would otherwise block on
    a full pipe)."""
    log_file = log.open("wb") if log is not None else None
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kiosk",
            "serve",
            "--data",
            str(data_dir),
            "--port",
            str(port),
            "--no-auto-close",
            *extra,
        ],
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.DEVNULL,
        stderr=log_file or subprocess.PIPE,
    )
    try:
        wait_ready(f"http://127.0.0.1:{port}", proc)
        yield proc
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        if proc.stderr:
            proc.stderr.close()
        if log_file is not None:
            log_file.close()


def wait_ready(url: str, proc: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode() if proc.stderr else ""
            raise RuntimeError(f"server exited: {err}")
        try:
            if httpx.get(f"{url}/api/v1/health", timeout=0.5).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.05)
    raise RuntimeError("server did not become ready")
