"""A full disk during a burst: every request is answered (201, or 503 problem+json), none hangs,
the writer recovers when space comes back, the log has no gap and no duplicate, every ticket
answered 201 is in the store, and SIGTERM still stops the server."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import threading
from pathlib import Path

import httpx
import pytest

from kiosk.domain import DeviceRole
from kiosk.engine.hall import Hall
from tests.helpers.faults import fill, small_filesystem
from tests.helpers.hallfactory import make_hall
from tests.helpers.server import free_port, running, server_process

WORKERS = 8
PER_WORKER = 25
PROBLEM = "application/problem+json"


def burst(url: str, token: str, tag: str) -> list[tuple[int, dict]]:
    """WORKERS clients issuing PER_WORKER tickets each; every answer (or the lack of one)."""
    answers: list[tuple[int, dict]] = []
    lock = threading.Lock()

    def worker(w: int) -> None:
        with httpx.Client(
            base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=20
        ) as c:
            for i in range(PER_WORKER):
                try:
                    r = c.post(
                        "/api/v1/tickets", json={"category": "SB", "request_id": f"{tag}{w}-{i}"}
                    )
                except httpx.TimeoutException:
                    answer = (0, {"detail": "no answer within 20 s"})
                else:
                    assert r.status_code in (201, 503), r.text
                    if r.status_code == 503:
                        assert r.headers["content-type"].startswith(PROBLEM)
                        assert r.json()["detail_zh"] and r.json()["detail"]
                    answer = (r.status_code, r.json())
                with lock:
                    answers.append(answer)

    threads = [threading.Thread(target=worker, args=(w,)) for w in range(WORKERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return answers


def check_store(db: Path, acknowledged: list[dict]) -> None:
    """Contiguous seqs from 1, unique numbers, and every acknowledged ticket present."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        seqs = [r[0] for r in conn.execute("SELECT seq FROM events ORDER BY seq")]
        assert seqs == list(range(1, len(seqs) + 1)), "the event log has a gap or a duplicate"
        numbers = [r[0] for r in conn.execute("SELECT number FROM tickets")]
        assert len(numbers) == len(set(numbers))
        stored = {r[0] for r in conn.execute("SELECT id FROM tickets")}
        lost = [t["number"] for t in acknowledged if t["id"] not in stored]
        assert not lost, f"acknowledged tickets lost: {lost}"
    finally:
        conn.close()


@pytest.mark.slow
def test_full_disk_through_the_real_server(tmp_path: Path) -> None:
    with small_filesystem(tmp_path / "fs", "8m") as data:
        hall = make_hall(data / "hall.db")
        token = hall.add_device("kiosk-1", DeviceRole.KIOSK)
        hall.close()
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        with server_process(data, port) as proc:
            before = burst(url, token, "a")
            assert {s for s, _ in before} == {201}
            filler = fill(data)
            during = burst(url, token, "b")
            assert all(s != 0 for s, _ in during), "a request got no answer while the disk was full"
            assert any(s == 503 for s, _ in during), "the disk never filled up"
            filler.unlink()
            after = burst(url, token, "c")
            assert {s for s, _ in after} == {201}, "the writer did not recover"
            acknowledged = [b for s, b in before + during + after if s == 201]
            check_store(data / "hall.db", acknowledged)
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                pytest.fail("SIGTERM did not stop the server within 10 s")
        check_store(data / "hall.db", acknowledged)


def set_page_limit(hall: Hall, pages: int | None) -> None:
    """On the writer's own connection: SQLite answers SQLITE_FULL past `pages`."""

    def run() -> None:
        with hall.exclusive() as conn:
            conn.execute(f"PRAGMA max_page_count = {pages or 1073741823}")

    hall.submit(run).result(timeout=10)


def test_sqlite_full_through_the_server(tmp_path: Path) -> None:
    """The same promise without a mount: SQLITE_FULL from inside the commands."""
    hall = make_hall(tmp_path / "hall.db")
    try:
        with running(hall) as live:
            token = live.tokens["kiosk"]
            pages = hall.reader().execute("PRAGMA page_count").fetchone()[0]
            set_page_limit(hall, pages)
            during = burst(live.url, token, "b")
            assert all(s != 0 for s, _ in during), (
                "a request got no answer while the store was full"
            )
            assert any(s == 503 for s, _ in during), "the store never filled up"
            set_page_limit(hall, None)
            after = burst(live.url, token, "c")
            assert {s for s, _ in after} == {201}, "the writer did not recover"
            acknowledged = [b for s, b in during + after if s == 201]
        hall.flush()
        check_store(tmp_path / "hall.db", acknowledged)
    finally:
        hall.close()
