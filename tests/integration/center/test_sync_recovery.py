"""A hall restored from a backup, or copied without its -wal file, is behind the center: sync
says so, reads the missing tail of its own log back from the center, replays it, and goes on.
A hall that wrote new events after a restore has forked from the center: sync stops and says so.
Every test runs against a real center on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from kiosk.center.app import create_center_app
from kiosk.center.halls import add_hall
from kiosk.center.schema import events as center_events
from kiosk.cli import main
from kiosk.clock import FakeClock
from kiosk.domain import DeviceRole
from kiosk.engine.base import Actor
from kiosk.engine.hall import Hall, projection_dump
from kiosk.sync.loop import SyncLoop
from kiosk.sync.settings import CenterLink
from tests.helpers.activity import simulate_day
from tests.helpers.hallfactory import make_hall
from tests.helpers.live_server import serve_in_thread
from tests.helpers.server import free_port, server_process

DAY1 = datetime(2026, 11, 23, 0, 30, tzinfo=UTC)
DAY2 = datetime(2026, 11, 24, 0, 30, tzinfo=UTC)


@pytest.fixture
def center(db_url: str):  # type: ignore[no-untyped-def]
    app = create_center_app(db_url)
    add_hall(app.state.engine, "T-00", "测试市中心", "city")
    token = add_hall(app.state.engine, "T-01", "测试区中心", "district", "T-00")
    other = add_hall(app.state.engine, "T-02", "另一区中心", "district", "T-00")
    with serve_in_thread(app) as url:
        yield app, url, token, other


def center_log(app, code: str = "T-01") -> list[tuple]:  # type: ignore[no-untyped-def]
    cols = center_events.c
    query = (
        select(cols.seq, cols.id, cols.ts, cols.device, cols.actor, cols.type, cols.payload)
        .where(cols.hall == code)
        .order_by(cols.seq)
    )
    with app.state.engine.connect() as conn:
        return [(*r[:6], json.loads(r[6])) for r in conn.execute(query)]


def hall_rows(path: Path) -> list[tuple]:
    """The local log exactly as stored (payload as its JSON text)."""
    conn = sqlite3.connect(path)
    try:
        return [tuple(r) for r in conn.execute("SELECT * FROM events ORDER BY seq")]
    finally:
        conn.close()


def as_center(rows: list[tuple]) -> list[tuple]:
    return [
        (seq, i, ts, dev, actor, typ, json.loads(p)) for seq, i, _h, ts, dev, actor, typ, p in rows
    ]


def sync(capsys, data: Path, *extra: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    capsys.readouterr()
    code = main(["sync", "--data", str(data), "--quiet", *extra])
    out, err = capsys.readouterr()
    return code, out, err


def restore(backup: Path, data: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        (data / f"hall.db{suffix}").unlink(missing_ok=True)
    shutil.copyfile(backup, data / "hall.db")


def two_days(data: Path, url: str, token: str, capsys) -> tuple[Path, list[tuple], dict]:  # type: ignore[no-untyped-def]
    """Day 1 synced and backed up, day 2 synced; returns the backup, the full log and the
    projections as they were before anything was lost."""
    clock = FakeClock(DAY1)
    hall = make_hall(data / "hall.db", clock)
    simulate_day(hall, clock, DAY1, tickets=20, seed=3)
    hall.close()
    code, _, err = sync(capsys, data, "--center", url, "--center-token", token)
    assert code == 0, err
    backup = data.parent / "backup.db"
    shutil.copyfile(data / "hall.db", backup)  # closed cleanly: the WAL is checkpointed
    hall = Hall(data / "hall.db", clock)
    simulate_day(hall, clock, DAY2, tickets=25, seed=4)
    projections = projection_dump(hall)
    hall.close()
    assert sync(capsys, data)[0] == 0
    return backup, hall_rows(data / "hall.db"), projections


def test_a_hall_restored_from_a_backup_recovers_its_tail(center, tmp_path, capsys) -> None:
    app, url, token, _ = center
    data = tmp_path / "hall"
    data.mkdir()
    backup, full_log, projections = two_days(data, url, token, capsys)
    restore(backup, data)
    assert len(hall_rows(data / "hall.db")) < len(full_log)

    code, out, err = sync(capsys, data)
    assert code == 0, err
    assert "落后" in err and "behind" in err
    recovered = len(full_log) - len(hall_rows(backup))
    assert f"recovered {recovered} events" in out

    assert hall_rows(data / "hall.db") == full_log  # byte for byte, payload text included
    assert center_log(app) == as_center(full_log)
    hall = Hall(data / "hall.db", FakeClock(DAY2 + timedelta(days=1)))
    try:
        assert projection_dump(hall) == projections
        hall.issue_ticket("SB", actor=Actor(device="kiosk-1"))
        last = hall.last_seq
    finally:
        hall.close()
    code, out, _ = sync(capsys, data)
    assert code == 0 and "(lag 0)" in out
    assert [r[0] for r in center_log(app)][-1] == last
    assert center_log(app) == as_center(hall_rows(data / "hall.db"))


def test_a_store_copied_without_its_wal_recovers(center, tmp_path, capsys) -> None:
    app, url, token, _ = center
    data, copy = tmp_path / "hall", tmp_path / "copy"
    data.mkdir()
    copy.mkdir()
    clock = FakeClock(DAY1)
    hall = make_hall(data / "hall.db", clock)
    try:
        simulate_day(hall, clock, DAY1, tickets=15, seed=5)
        from kiosk.center.client import CenterClient
        from kiosk.sync.pusher import sync_once

        with CenterClient(url, "T-01", token) as client:
            assert sync_once(hall, client).lag == 0
        assert (data / "hall.db-wal").stat().st_size > 0
        shutil.copyfile(data / "hall.db", copy / "hall.db")  # the -wal file left behind
        full_log = [tuple(r) for r in hall.reader().execute("SELECT * FROM events ORDER BY seq")]
    finally:
        hall.close()
    assert len(hall_rows(copy / "hall.db")) < len(full_log)

    code, _out, err = sync(capsys, copy, "--center", url, "--center-token", token)
    assert code == 0, err
    assert "behind" in err
    assert hall_rows(copy / "hall.db") == full_log
    assert center_log(app) == as_center(full_log)


def test_a_forked_log_stops_sync_and_says_so(center, tmp_path, capsys) -> None:
    app, url, token, _ = center
    data = tmp_path / "hall"
    data.mkdir()
    backup, full_log, _ = two_days(data, url, token, capsys)
    restore(backup, data)
    hall = Hall(data / "hall.db", FakeClock(DAY2))
    hall.issue_ticket("SB", actor=Actor(device="kiosk-1"))  # new business after the restore
    hall.close()

    code, _, err = sync(capsys, data)
    assert code == 2
    assert "Traceback" not in err
    assert "不一致" in err and "differ" in err
    assert center_log(app) == as_center(full_log), "the center's copy must not change"

    hall = Hall(data / "hall.db")
    loop = SyncLoop(hall, CenterLink(url, token))
    try:
        for _ in range(3):
            loop._round()
        alerts = hall.reader().execute("SELECT kind, details FROM alerts WHERE kind LIKE 'sync%'")
        alerts = alerts.fetchall()
        assert [r[0] for r in alerts] == ["sync_diverged"], [tuple(r) for r in alerts]
    finally:
        loop.stop()
        hall.close()


@pytest.mark.slow
def test_kiosk_serve_recovers_before_it_serves(center, tmp_path, capsys) -> None:
    app, url, token, _ = center
    data = tmp_path / "hall"
    data.mkdir()
    backup, full_log, _ = two_days(data, url, token, capsys)
    restore(backup, data)
    hall = Hall(data / "hall.db")
    kiosk_token = hall.add_device("kiosk-9", DeviceRole.KIOSK)
    hall.close()
    port = free_port()
    with server_process(data, port):
        assert hall_rows(data / "hall.db")[: len(full_log)] == full_log
        r = httpx.post(
            f"http://127.0.0.1:{port}/api/v1/tickets",
            json={"category": "SB"},
            headers={"Authorization": f"Bearer {kiosk_token}"},
        )
        assert r.status_code in (201, 409), r.text  # 409 if day 2 is closed in the hall's zone
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if len(center_log(app)) == len(hall_rows(data / "hall.db")):
                break
            time.sleep(0.2)
    assert center_log(app) == as_center(hall_rows(data / "hall.db"))


def test_read_back_is_the_halls_own_and_paginated(center, tmp_path, capsys) -> None:
    _app, url, token, other = center
    data = tmp_path / "hall"
    data.mkdir()
    clock = FakeClock(DAY1)
    hall = make_hall(data / "hall.db", clock)
    simulate_day(hall, clock, DAY1, tickets=5, seed=6)
    hall.close()
    assert sync(capsys, data, "--center", url, "--center-token", token)[0] == 0
    path = f"{url}/api/v1/halls/T-01/events"
    page = httpx.get(
        path, params={"after_seq": 3, "limit": 2}, headers={"Authorization": f"Bearer {token}"}
    )
    assert page.status_code == 200
    assert [e["seq"] for e in page.json()["events"]] == [4, 5]
    assert isinstance(page.json()["events"][0]["payload"], dict)
    assert httpx.get(path, headers={"Authorization": f"Bearer {other}"}).status_code == 403
    assert httpx.get(path).status_code == 401
    bad = httpx.get(path, params={"after_seq": -1}, headers={"Authorization": f"Bearer {token}"})
    assert bad.status_code == 422
