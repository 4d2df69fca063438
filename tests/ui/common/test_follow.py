"""Following the hall (ui.common.follow), as every front end does, against a real `kiosk serve`
in its own process: the snapshot, then each later event exactly once, across a server that was
not there yet, a restart, and a restore from a backup (`stream.reset`)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import httpx
import pytest

from kiosk.domain import DeviceRole
from kiosk.store.db import store_path
from tests.helpers.hallfactory import make_hall
from tests.helpers.server import free_port, server_process
from ui.common import paths
from ui.common.api import HallApi
from ui.common.follow import Follow

pytestmark = [pytest.mark.gui, pytest.mark.slow]
WAIT_MS = 15000


class Watcher:
    """What one Follow reported, in order."""

    def __init__(self, follow: Follow) -> None:
        self.snapshots: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.failures: list[Any] = []
        self.resets: list[int] = []
        follow.loaded.connect(self.snapshots.append)
        follow.received.connect(self.events.append)
        follow.failed.connect(self.failures.append)
        follow.reset.connect(self.resets.append)

    @property
    def seqs(self) -> list[int]:
        return [int(ev["seq"]) for ev in self.events]


def ticket_seqs(db: Path) -> list[int]:
    """The log's ticket.issued events, read from the store file beside the running server."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT seq FROM events WHERE type = 'ticket.issued' ORDER BY seq")
        return [int(r[0]) for r in rows]
    finally:
        conn.close()


def issue(url: str, token: str, n: int = 1) -> list[str]:
    auth = {"Authorization": f"Bearer {token}"}
    answers = [
        httpx.post(f"{url}{paths.TICKETS}", json={"category": "SB"}, headers=auth) for _ in range(n)
    ]
    return [str(r.json()["number"]) for r in answers]


def backup(db: Path, to: Path) -> None:
    src, dst = sqlite3.connect(db), sqlite3.connect(to)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()


@pytest.fixture
def store(tmp_path: Path) -> tuple[Path, str, str]:
    """A hall store with a display and a kiosk device: (store file, display token, kiosk)."""
    db = store_path(tmp_path)
    hall = make_hall(db)
    display = hall.add_device("display-1", DeviceRole.DISPLAY)
    kiosk = hall.add_device("kiosk-1", DeviceRole.KIOSK)
    hall.close()
    return db, display, kiosk


def test_every_event_once_from_a_server_not_there_yet_and_across_a_restart(
    qtbot: Any, tmp_path: Path, store: tuple[Path, str, str]
) -> None:
    db, display, kiosk = store
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    follow = Follow(HallApi(url, display), paths.QUEUE)
    seen = Watcher(follow)
    follow.start()  # nothing answers yet: start() returns, the failure arrives by signal
    assert seen.snapshots == [] and not follow.is_connected
    qtbot.waitUntil(lambda: len(seen.failures) >= 1, timeout=WAIT_MS)
    with server_process(tmp_path, port):
        qtbot.waitUntil(lambda: follow.is_connected, timeout=WAIT_MS)  # retried by itself
        assert len(seen.snapshots) == 1
        start = int(seen.snapshots[0]["last_seq"])
        issue(url, kiosk, 2)
        qtbot.waitUntil(lambda: len(seen.events) == 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not follow.is_connected, timeout=WAIT_MS)
    with server_process(tmp_path, port):
        issue(url, kiosk, 3)  # most likely before the feed is back: read from the log
        qtbot.waitUntil(lambda: len(seen.events) == 5, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: follow.is_connected, timeout=WAIT_MS)
        issue(url, kiosk)
        qtbot.waitUntil(lambda: len(seen.events) == 6, timeout=WAIT_MS)
        assert seen.seqs == ticket_seqs(db) and min(seen.seqs) > start
        assert [ev["type"] for ev in seen.events] == ["ticket.issued"] * 6
        assert len(seen.snapshots) == 1 and seen.resets == []  # resumed, not reloaded
        assert follow.last_seq == seen.seqs[-1]
        follow.stop()
    qtbot.wait(50)


def test_a_restored_server_is_read_again_and_followed_from_its_head(
    qtbot: Any, tmp_path: Path, store: tuple[Path, str, str]
) -> None:
    db, display, kiosk = store
    saved = tmp_path / "backup.db"
    backup(db, saved)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    follow = Follow(HallApi(url, display), paths.QUEUE)
    seen = Watcher(follow)
    with server_process(tmp_path, port):
        follow.start()
        qtbot.waitUntil(lambda: follow.is_connected, timeout=WAIT_MS)
        issue(url, kiosk, 3)
        qtbot.waitUntil(lambda: len(seen.events) == 3, timeout=WAIT_MS)
        ahead = follow.last_seq
    qtbot.waitUntil(lambda: not follow.is_connected, timeout=WAIT_MS)
    for extra in (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        extra.unlink(missing_ok=True)
    backup(saved, db)  # the store is back to before those three tickets
    with server_process(tmp_path, port):
        qtbot.waitUntil(lambda: len(seen.snapshots) == 2, timeout=WAIT_MS)
        head = int(seen.snapshots[1]["last_seq"])
        assert seen.resets == [head] and head < ahead
        sb = next(c for c in seen.snapshots[1]["categories"] if c["code"] == "SB")
        assert sb["waiting"] == 0
        qtbot.waitUntil(lambda: follow.is_connected, timeout=WAIT_MS)
        (number,) = issue(url, kiosk)
        qtbot.waitUntil(lambda: len(seen.events) == 4, timeout=WAIT_MS)
        assert number == "A001" and seen.events[3]["payload"]["number"] == "A001"
        assert seen.events[3]["seq"] == head + 1 == follow.last_seq
        follow.stop()
    qtbot.wait(50)


def test_refreshes_asked_for_together_are_read_in_order_not_all_at_once(
    qtbot: Any, live: Any
) -> None:
    follow = Follow(HallApi(live.url, live.tokens["display"]), paths.QUEUE)
    seen = Watcher(follow)
    follow.refresh()  # a read without following: a sign-in screen's names
    follow.refresh()
    follow.refresh()  # both wait for the first answer, and become one read
    qtbot.waitUntil(lambda: len(seen.snapshots) == 2, timeout=WAIT_MS)
    qtbot.wait(200)
    assert len(seen.snapshots) == 2 and follow.feed is None
    for _ in range(5):
        follow.refresh_soon()  # cues of a burst of events
    qtbot.waitUntil(lambda: len(seen.snapshots) == 3, timeout=WAIT_MS)
    qtbot.wait(400)
    assert len(seen.snapshots) == 3
