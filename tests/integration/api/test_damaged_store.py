"""A damaged store is refused at start with the recovery steps, instead of answering /health
and then failing every request."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from kiosk.domain import DeviceRole
from kiosk.engine.base import Actor
from kiosk.server.run import EXIT_STORE_FAILED
from tests.helpers.faults import truncate_copy
from tests.helpers.hallfactory import make_hall
from tests.helpers.server import free_port, server_process


def damaged_store(tmp_path: Path) -> Path:
    """A hall with a day's worth of tickets, then its hall.db cut in half."""
    source = tmp_path / "good" / "hall.db"
    source.parent.mkdir()
    hall = make_hall(source)
    for _ in range(200):
        hall.issue_ticket("SB", actor=Actor(device="kiosk-1"))
    hall.close()
    data = tmp_path / "bad"
    data.mkdir()
    truncate_copy(source, data / "hall.db", keep=0.5)
    return data


def kiosk(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_serve_refuses_a_truncated_store(tmp_path: Path) -> None:
    data = damaged_store(tmp_path)
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "serve", "--data", str(data), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        try:
            health = httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=2).status_code
        except httpx.HTTPError:
            health = None
        proc.kill()
        proc.communicate()
        raise AssertionError(f"a damaged store was served (/health answered {health})") from None
    assert proc.returncode != 0
    assert "Traceback" not in err
    assert "已损坏" in err and "damaged" in err
    assert "kiosk sync" in err and "backup" in err and "备份" in err


def test_commands_refuse_a_truncated_store_in_one_line(tmp_path: Path) -> None:
    data = damaged_store(tmp_path)
    done = kiosk("day", "close", "--data", str(data))
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "已损坏" in done.stderr and "damaged" in done.stderr


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    (tmp_path / "hall.db").write_bytes(b"this is a text file, not a hall store\n" * 200)
    done = kiosk("store", "rebuild", "--data", str(tmp_path))
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "已损坏" in done.stderr and "not a database" in done.stderr


def test_a_store_damaged_while_serving_stops_the_server_for_a_restart(tmp_path: Path) -> None:
    """Answers 503 problem+json, exits non-zero (its service manager restarts it), and the
    restart then refuses the damaged store with the recovery steps."""
    hall = make_hall(tmp_path / "hall.db")
    issue = lambda: hall.issue_ticket("SB", actor=Actor(device="kiosk-1"))  # noqa: E731
    for future in [hall.submit(issue) for _ in range(2000)]:  # batched: a big enough store
        future.result(timeout=60)
    token = hall.add_device("kiosk-2", DeviceRole.KIOSK)
    hall.close()
    port = free_port()
    with server_process(tmp_path, port) as proc:
        client = httpx.Client(
            base_url=f"http://127.0.0.1:{port}",
            headers={"Authorization": f"Bearer {token}"},
            timeout=10,
        )
        assert client.post("/api/v1/tickets", json={"category": "SB"}).status_code == 201
        db = tmp_path / "hall.db"
        size = db.stat().st_size
        with db.open("r+b") as f:  # a disk that returns garbage for most of the file
            f.seek(2 * 4096)
            f.write(random.Random(7).randbytes(size - 3 * 4096))
        statuses = []
        for _ in range(50):
            try:
                r = client.post("/api/v1/tickets", json={"category": "SB"})
            except httpx.TransportError:
                break  # the server has gone: what we want
            statuses.append(r.status_code)
            if r.status_code == 503:
                assert r.headers["content-type"].startswith("application/problem+json")
        assert 503 in statuses and 500 not in statuses
        try:
            code = proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            pytest.fail("the server kept running on a damaged store")
        assert code == EXIT_STORE_FAILED
    restart = kiosk("serve", "--data", str(tmp_path), "--port", str(free_port()))
    assert restart.returncode != 0 and "已损坏" in restart.stderr
