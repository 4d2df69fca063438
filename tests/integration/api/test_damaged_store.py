"""A damaged store is refused at start with the recovery steps, instead of answering /health
and then failing every request."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx

from kiosk.engine.base import Actor
from tests.helpers.faults import truncate_copy
from tests.helpers.hallfactory import make_hall
from tests.helpers.server import free_port


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
