"""The group commit's own path (commands from several threads, no writer thread: the CLI and
the tests) when SQLite runs out of room: each command fails with StorageError or succeeds,
no thread is left waiting, and once there is room again the log goes on without a gap."""

from __future__ import annotations

import threading
from collections import Counter

from kiosk.engine.base import Actor
from kiosk.engine.hall import Hall
from kiosk.errors import StorageError

THREADS = 8
EACH = 40


def page_limit(hall: Hall, pages: int) -> None:
    with hall.exclusive() as conn:
        conn.execute(f"PRAGMA max_page_count = {pages}")


def issue_from_threads(hall: Hall) -> Counter[str]:
    outcomes: Counter[str] = Counter()
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(EACH):
            try:
                hall.issue_ticket("SB", actor=Actor(device="kiosk-1"))
                outcome = "ok"
            except StorageError:
                outcome = "storage"
            with lock:
                outcomes[outcome] += 1

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a command was left waiting on a failed commit"
    return outcomes


def test_commands_from_threads_on_a_full_store(hall: Hall) -> None:
    page_limit(hall, hall.reader().execute("PRAGMA page_count").fetchone()[0])
    full = issue_from_threads(hall)
    assert full["storage"] > 0 and sum(full.values()) == THREADS * EACH
    page_limit(hall, 1073741823)
    free = issue_from_threads(hall)
    assert free == Counter({"ok": THREADS * EACH})
    seqs = [r[0] for r in hall.reader().execute("SELECT seq FROM events ORDER BY seq")]
    assert seqs == list(range(1, len(seqs) + 1))
    assert hall.last_seq == seqs[-1]
    numbers = [r[0] for r in hall.reader().execute("SELECT number FROM tickets")]
    assert len(numbers) == len(set(numbers)) == full["ok"] + free["ok"]
