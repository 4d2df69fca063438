"""The outbox against a real hall server: queued while it is down, delivered once and in order
when it is back, a lost reply not applied twice, and a restarted outbox carrying on."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import httpx
import pytest

from kiosk.domain import DeviceRole
from kiosk.outbox import Outbox, OutboxEvent, open_outbox
from kiosk.store.db import store_path
from tests.helpers.hallfactory import make_hall
from tests.helpers.server import free_port, running, server_process

FAST = (0.05, 0.1, 0.2)


class Recorder:
    def __init__(self) -> None:
        self.events: list[OutboxEvent] = []
        self.lock = threading.Lock()

    def __call__(self, ev: OutboxEvent) -> None:
        with self.lock:
            self.events.append(ev)

    def kinds(self, kind: str) -> list[OutboxEvent]:
        with self.lock:
            return [e for e in self.events if e.kind == kind]


@pytest.fixture
def hall_dir(tmp_path: Path) -> tuple[Path, str]:
    """A hall data directory with a supervisor token, served by `server_process` on demand."""
    data = tmp_path / "hall"
    data.mkdir()
    hall = make_hall(store_path(data))
    token = hall.add_device("center-sync", DeviceRole.CENTER_SYNC)
    hall.close()
    return data, token


def window_events(url: str, sync_token: str) -> list[str]:
    r = httpx.get(
        f"{url}/api/v1/events", headers={"Authorization": f"Bearer {sync_token}"}, timeout=5
    )
    return [e["type"] for e in r.json()["events"] if e["type"].startswith("window.")]


def pause_cycle(box: Outbox, token: str, times: int) -> list[str]:
    """Alternating pauses and resumes: any reordering would be refused by the server (409)."""
    ids = []
    for i in range(times):
        body = {"reason": "meeting", "note": f"第{i}次"}
        ids.append(box.enqueue("POST", "/api/v1/windows/1/pause", body, token, owner="1001"))
        ids.append(box.enqueue("POST", "/api/v1/windows/1/resume", None, token, owner="1001"))
    return ids


def test_down_then_back_delivers_once_in_order(tmp_path: Path, hall_dir) -> None:
    data, sync = hall_dir
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with server_process(data, port):
        r = httpx.post(
            f"{url}/api/v1/sessions", json={"employee_no": "1001", "pin": "1234", "window": 1}
        )
        clerk = r.json()["token"]
    seen = Recorder()
    box = Outbox(tmp_path / "outbox.sqlite", url, seen, backoff_s=FAST, timeout_s=2)
    try:
        ids = pause_cycle(box, clerk, 5)
        assert not box.wait_idle(0.5)  # the server is down: all ten wait
        assert box.pending == 10
        assert seen.kinds("retrying"), "a failed attempt is reported"
        assert "unreachable" in seen.kinds("retrying")[0].error
        with server_process(data, port):
            box.kick()
            assert box.wait_idle(15)
            assert (
                window_events(url, sync)
                == ["window.opened"]
                + [
                    "window.paused",
                    "window.resumed",
                ]
                * 5
            )
        delivered = [e.item.id for e in seen.kinds("delivered") if e.item]
        assert delivered == ids
        assert not seen.kinds("refused")
    finally:
        box.close()


class LoseFirstReply(httpx.BaseTransport):
    """Delivers the request to the server, then loses the answer once: a cable pulled after
    the server committed, the case idempotency keys exist for."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.lost = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        response.read()
        if self.lost == 0:
            self.lost += 1
            raise httpx.ReadError("connection reset after the request was sent")
        return response


def test_a_lost_reply_is_not_applied_twice(tmp_path: Path, hall) -> None:
    with running(hall) as live:
        clerk = live.login("1001", "1234", 1)
        seen = Recorder()
        transport = LoseFirstReply()
        box = Outbox(tmp_path / "o.sqlite", live.url, seen, backoff_s=FAST, transport=transport)
        try:
            key = box.enqueue("POST", "/api/v1/windows/1/pause", {"reason": "meal"}, clerk)
            assert box.wait_idle(10)
        finally:
            box.close()
        assert transport.lost == 1 and len(seen.kinds("retrying")) == 1
        [done] = seen.kinds("delivered")
        assert done.item is not None and done.item.id == key and done.status == 200
        events = [e.type for e in hall.events_after(0) if e.type == "window.paused"]
        assert events == ["window.paused"], "the resend after a lost reply acted again"
        # a resend of the same key later still answers the first result, without acting
        again = httpx.post(
            f"{live.url}/api/v1/windows/1/pause",
            json={"reason": "meal"},
            headers={"Authorization": f"Bearer {clerk}", "Idempotency-Key": key},
        )
        assert again.status_code == 200 and again.json() == done.body
        assert [e.type for e in hall.events_after(0)].count("window.paused") == 1


def test_refusal_is_reported_and_the_rest_still_goes(tmp_path: Path, hall) -> None:
    with running(hall) as live:
        clerk = live.login("1001", "1234", 1)
        seen = Recorder()
        box = Outbox(tmp_path / "o.sqlite", live.url, seen, backoff_s=FAST)
        try:
            box.enqueue("POST", "/api/v1/windows/1/resume", None, clerk)  # not paused: 409
            box.enqueue("POST", "/api/v1/windows/1/pause", {"reason": "training"}, clerk)
            assert box.wait_idle(10)
        finally:
            box.close()
        [refused] = seen.kinds("refused")
        assert refused.status == 409 and refused.body["detail_zh"] == "窗口未暂停"
        assert len(seen.kinds("delivered")) == 1
        assert hall.queue_snapshot()["windows"][0]["status"] == "paused"


def test_a_restarted_outbox_carries_on(tmp_path: Path, hall_dir) -> None:
    data, sync = hall_dir
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with server_process(data, port):
        clerk = httpx.post(
            f"{url}/api/v1/sessions", json={"employee_no": "1002", "pin": "1234", "window": 2}
        ).json()["token"]
    path = tmp_path / "outbox.sqlite"
    first = Outbox(path, url, backoff_s=FAST, timeout_s=1)
    first.enqueue("POST", "/api/v1/windows/2/pause", {"reason": "short_leave"}, clerk)
    first.enqueue("POST", "/api/v1/windows/2/resume", None, clerk)
    assert not first.wait_idle(0.3)
    first.close()  # the front end quits (or crashes) with two writes waiting

    seen = Recorder()
    with server_process(data, port):
        second = Outbox(path, url, seen, backoff_s=FAST)
        try:
            assert second.wait_idle(10)
        finally:
            second.close()
        assert window_events(url, sync) == ["window.opened", "window.paused", "window.resumed"]
    assert len(seen.kinds("delivered")) == 2


def test_adopt_moves_waiting_writes_to_a_new_session(tmp_path: Path, hall) -> None:
    """The clerk signs in again (the old session ended): their writes go with the new token;
    a previous person's writes are given up rather than blocking the queue."""
    with running(hall) as live:
        old = live.login("1001", "1234", 1)
        seen = Recorder()
        box = Outbox(tmp_path / "o.sqlite", live.url, seen, backoff_s=FAST)
        try:
            box.enqueue("POST", "/api/v1/windows/1/pause", {"reason": "x"}, "stale", owner="9")
            box.enqueue("POST", "/api/v1/windows/1/pause", {"reason": "meal"}, old, owner="1001")
            assert not box.wait_idle(0.3)  # 401 on the stale token holds the queue
            new = live.login("1001", "1234", 1)  # ends the old session
            box.adopt("1001", new)
            assert box.wait_idle(10)
        finally:
            box.close()
        assert [e.item.owner for e in seen.kinds("refused") if e.item] == ["9"]
        assert len(seen.kinds("delivered")) == 1
        assert hall.queue_snapshot()["windows"][0]["status"] == "paused"


# The file as front ends wrote it before sqlite-utils kept it; such files live on front-end PCs.
OLD_FILE_SCHEMA = """CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, method TEXT NOT NULL,
    path TEXT NOT NULL, body TEXT, token TEXT, owner TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT,
    delivered_at TEXT, status INTEGER, result TEXT)"""


def file_schema(path: Path) -> list[tuple[str, str | None]]:
    conn = sqlite3.connect(path)
    try:
        return sorted(conn.execute("SELECT name, sql FROM sqlite_master").fetchall())
    finally:
        conn.close()


def test_a_new_file_refuses_a_second_copy_of_a_write(tmp_path: Path) -> None:
    path = tmp_path / "o.sqlite"
    box = open_outbox(path)
    insert = "INSERT {} INTO outbox(id, method, path, created_at) VALUES ('k1', 'POST', '/x', 't')"
    box.db.execute(insert.format("OR IGNORE"))
    box.db.execute(insert.format("OR IGNORE"))
    assert box.count == 1
    with pytest.raises(sqlite3.IntegrityError):
        box.db.execute(insert.format(""))
    box.db.close()
    before = file_schema(path)
    open_outbox(path).db.close()
    assert file_schema(path) == before  # opening again adds nothing


def test_a_file_from_before_is_carried_on_as_it_is(tmp_path: Path, hall_dir) -> None:
    """Writes waiting in a file the earlier code made go out once and in order, and the file
    keeps its own table (no second index on the key)."""
    data, sync = hall_dir
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    path = tmp_path / "outbox.sqlite"
    with server_process(data, port):
        clerk = httpx.post(
            f"{url}/api/v1/sessions", json={"employee_no": "1002", "pin": "1234", "window": 2}
        ).json()["token"]
    conn = sqlite3.connect(path)
    conn.execute(OLD_FILE_SCHEMA)
    rows = [
        (
            "old",
            "POST",
            "/api/v1/windows/2/pause",
            '{"reason": "meal"}',
            "2026-01-01T00:00:00+00:00",
        ),
        ("k1", "POST", "/api/v1/windows/2/pause", '{"reason": "short_leave"}', "2026-11-27T09:00"),
        ("k2", "POST", "/api/v1/windows/2/resume", None, "2026-11-27T09:01"),
    ]
    conn.executemany(
        "INSERT INTO outbox(id, method, path, body, token, owner, created_at)"
        " VALUES (?, ?, ?, ?, ?, '', ?)",
        [(i, m, p, b, clerk, t) for i, m, p, b, t in rows],
    )
    conn.execute("UPDATE outbox SET delivered_at = created_at, status = 200 WHERE id = 'old'")
    conn.commit()
    conn.close()
    before = file_schema(path)

    seen = Recorder()
    with server_process(data, port):
        box = Outbox(path, url, seen, backoff_s=FAST)
        try:
            assert box.wait_idle(10)
        finally:
            box.close()
        assert window_events(url, sync) == ["window.opened", "window.paused", "window.resumed"]
    assert [e.item.id for e in seen.kinds("delivered") if e.item] == ["k1", "k2"]
    assert file_schema(path) == before
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT id FROM outbox ORDER BY seq")] == ["k1", "k2"]
    conn.close()
