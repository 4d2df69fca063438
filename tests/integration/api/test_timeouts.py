"""Half-sent requests are cut off after a bounded time, on the hall server and on the center;
and a request left half-sent does not keep SIGTERM from stopping the hall server.

Raw sockets on loopback; every wait is bounded by a socket timeout, so a server that holds the
connection fails the test instead of hanging it."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers.hallfactory import make_hall
from tests.helpers.server import free_port, server_process, wait_ready

LIMITS = ("--header-timeout", "1", "--body-timeout", "1")
HALF_HEADERS = b"POST /api/v1/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty"
HALF_BODY = (
    b"POST /api/v1/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    b'Content-Length: 100\r\n\r\n{"category"'
)


def closed_by_server(port: int, sent: bytes, wait: float = 10.0) -> bytes:
    """Sends `sent`, then reads until the server closes; fails if it is still open after
    `wait` seconds. Returns what the server said before closing."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as sock:
        if sent:
            sock.sendall(sent)
        received = b""
        try:
            while chunk := sock.recv(4096):
                received += chunk
        except TimeoutError:
            pytest.fail(f"the server held a half-sent request open for {wait} s: {sent[:40]!r}")
        except ConnectionResetError:
            pass
        return received


@pytest.fixture(scope="module")
def hall_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    data = tmp_path_factory.mktemp("timeouts")
    make_hall(data / "hall.db").close()
    port = free_port()
    with server_process(data, port, *LIMITS):
        yield port


def test_hall_server_cuts_off_half_sent_headers(hall_port: int) -> None:
    answer = closed_by_server(hall_port, HALF_HEADERS)
    assert answer.startswith(b"HTTP/1.1 408")


def test_hall_server_cuts_off_a_silent_connection(hall_port: int) -> None:
    closed_by_server(hall_port, b"")


def test_hall_server_cuts_off_a_stalled_body(hall_port: int) -> None:
    closed_by_server(hall_port, HALF_BODY)


def test_whole_requests_still_work_with_tight_limits(hall_port: int) -> None:
    answer = closed_by_server(
        hall_port, b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    assert answer.startswith(b"HTTP/1.1 200")


@contextmanager
def center_process(tmp_path: Path, *extra: str) -> Iterator[int]:
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "kiosk", "center", "serve",
            "--db", f"sqlite:///{tmp_path / 'center.db'}", "--port", str(port), *extra,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        wait_ready(f"http://127.0.0.1:{port}", proc, timeout=30)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()


def test_center_cuts_off_half_sent_requests(tmp_path: Path) -> None:
    with center_process(tmp_path, *LIMITS) as port:
        assert closed_by_server(port, HALF_HEADERS).startswith(b"HTTP/1.1 408")
        body = HALF_BODY.replace(b"/api/v1/tickets", b"/api/v1/halls/X/events")
        closed_by_server(port, body)


def test_sigterm_stops_a_server_holding_a_half_sent_request(tmp_path: Path) -> None:
    """With the default (30 s) body limit, the stalled request still cannot delay the stop."""
    make_hall(tmp_path / "hall.db").close()
    port = free_port()
    with (
        server_process(tmp_path, port) as proc,
        socket.create_connection(("127.0.0.1", port), timeout=10) as sock,
    ):
        sock.sendall(HALF_BODY)
        time.sleep(0.5)  # the request is being served, waiting for the rest of its body
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            pytest.fail("SIGTERM did not stop a server holding a half-sent request")
