"""The center reads no body it was not asked to: the token and the declared size are checked
before a byte is read, and a body without a length is cut off at the cap.

Against a real `kiosk center serve` process, whose memory is read from /proc: large bodies sent
without a token once grew the center by the size of every body in flight (400 MB took it from
165 to 924 MB; four at once to 2.2 GB). The bound below is on the server's peak resident
memory (VmHWM), not on time.
"""

from __future__ import annotations

import gzip
import json
import os
import select
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from kiosk.center.client import CenterClient
from kiosk.center.db import open_center_db
from kiosk.center.halls import add_hall
from kiosk.center.wire import MAX_BODY_BYTES
from tests.helpers.center_fixture import CITY, DISTRICT, HALLS, HallLog
from tests.helpers.postgres import free_port

MiB = 1024 * 1024
BODY = 160 * MiB  # each, well past the center's cap (sending stops once it answers)
GROWTH_BOUND = 48 * MiB  # what refusing may cost the server, all requests together


@dataclass
class CenterProcess:
    url: str
    pid: int
    token: str

    def reset_peak(self) -> int:
        """Start measuring the peak afresh (Linux: 5 > clear_refs); returns the current peak."""
        Path(f"/proc/{self.pid}/clear_refs").write_text("5")
        return self.peak_rss()

    def peak_rss(self) -> int:
        """The process's peak resident memory since the last reset, in bytes (VmHWM)."""
        status = Path(f"/proc/{self.pid}/status").read_text()
        line = next(x for x in status.splitlines() if x.startswith("VmHWM:"))
        return int(line.split()[1]) * 1024


@pytest.fixture(scope="module")
def center(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CenterProcess]:
    """One center process for the module (starting `kiosk` takes seconds)."""
    tmp_path = tmp_path_factory.mktemp("center")
    db = f"sqlite:///{tmp_path / 'center.db'}"
    engine = open_center_db(db)
    tokens = {
        code: add_hall(engine, code, name, level, parent) for code, name, level, parent in HALLS
    }
    engine.dispose()
    port = free_port()
    log = (tmp_path / "center.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "center", "serve", "--db", db, "--port", str(port)],
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(400):
            try:
                if httpx.get(f"{url}/api/v1/health", timeout=0.5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None, (tmp_path / "center.log").read_text()
            threading.Event().wait(0.05)
        yield CenterProcess(url, proc.pid, tokens[DISTRICT])
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def raw_post(url: str, path: str, size: int, token: str | None, declare: bool) -> int | None:
    """POST up to `size` zero bytes over a plain socket (declared with Content-Length, or
    chunked) and return the answer's status, or None if the server closed without one. Sending
    stops as soon as the server answers; the client reuses one small buffer, so only the
    server's memory can grow."""
    parts = urlsplit(url)
    head = [f"POST {path} HTTP/1.1", f"Host: {parts.netloc}", "Content-Type: application/json"]
    if token:
        head.append(f"Authorization: Bearer {token}")
    head.append(f"Content-Length: {size}" if declare else "Transfer-Encoding: chunked")
    chunk = bytes(MiB) if declare else b"%x\r\n%s\r\n" % (MiB, bytes(MiB))
    with socket.create_connection((parts.hostname, parts.port), timeout=60) as sock:
        try:
            sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode())
            for _ in range(size // MiB):
                if select.select([sock], [], [], 0)[0]:
                    break  # answered before the body was read
                sock.sendall(chunk)
            else:
                sock.sendall(b"" if declare else b"0\r\n\r\n")
            answer = sock.recv(4096)
        except (BrokenPipeError, ConnectionResetError):
            return None
    if not answer.startswith(b"HTTP/1.1 "):
        return None
    return int(answer.split(b" ", 2)[1])


def in_parallel(count: int, *args: object) -> list[int | None]:
    results: list[int | None] = [None] * count

    def run(i: int) -> None:
        results[i] = raw_post(*args)  # type: ignore[arg-type]

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def events_path(code: str = DISTRICT) -> str:
    return f"/api/v1/halls/{code}/events"


def test_bodies_without_a_token_are_never_read(center: CenterProcess) -> None:
    before = center.reset_peak()
    declared = in_parallel(4, center.url, events_path(), BODY, None, True)
    chunked = in_parallel(2, center.url, events_path(), BODY, "forged", False)
    grown = center.peak_rss() - before
    assert grown < GROWTH_BOUND, f"the center grew by {grown / MiB:.0f} MiB"
    assert declared == [401] * 4 and chunked == [401] * 2


def test_a_hall_declaring_too_large_a_body_is_refused_before_it_is_read(
    center: CenterProcess,
) -> None:
    before = center.reset_peak()
    status = raw_post(center.url, events_path(), BODY, center.token, True)
    other = raw_post(center.url, events_path(CITY), BODY, center.token, True)  # not its own
    assert center.peak_rss() - before < GROWTH_BOUND
    assert status == 413 and other == 403


def test_a_chunked_body_is_cut_off_at_the_cap(center: CenterProcess) -> None:
    before = center.reset_peak()
    status = raw_post(center.url, events_path(), BODY, center.token, False)
    grown = center.peak_rss() - before
    assert status == 413
    assert grown < 3 * MAX_BODY_BYTES, f"the center grew by {grown / MiB:.0f} MiB"


def test_a_halls_normal_gzip_batch_still_goes_through(center: CenterProcess) -> None:
    log = HallLog(DISTRICT)
    for n in range(500):
        log.add(f"2026-11-26T01:{n // 60:02d}:{n % 60:02d}.000Z", "ticket.issued", ticket_id=n)
    with CenterClient(center.url, DISTRICT, center.token) as client:
        assert client.push(log.events) == 500
        assert client.acked() == 500
    plain = json.dumps({"events": log.events}).encode()
    auth = {"Authorization": f"Bearer {center.token}", "Content-Encoding": "gzip"}
    again = httpx.post(center.url + events_path(), content=gzip.compress(plain), headers=auth)
    assert again.status_code == 200 and again.json() == {"acked_seq": 500}
