"""Ingest over real HTTP: idempotent batches, overlaps, gaps, gzip, tokens, problem+json."""

from __future__ import annotations

import gzip
import json
import threading
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from kiosk.center.client import CenterClient, CenterSyncError
from kiosk.center.schema import events
from tests.helpers.center_fixture import DISTRICT, TOWNSHIP, HallLog
from tests.helpers.live_server import LiveCenter

PROBLEM = "application/problem+json"


def make_events(hall: str, count: int) -> list[dict[str, Any]]:
    log = HallLog(hall)
    for n in range(count):
        ts = f"2026-11-26T01:{n // 60:02d}:{n % 60:02d}.000Z"
        log.add(ts, "ticket.issued", ticket_id=f"t{n}", service_day="2026-11-26", item=None)
    return log.events


def stored(live: LiveCenter, hall: str = DISTRICT) -> int:
    with live.engine.connect() as conn:
        query = select(func.count()).select_from(events).where(events.c.hall == hall)
        return int(conn.execute(query).scalar_one())


def client(live: LiveCenter, hall: str = DISTRICT) -> CenterClient:
    return CenterClient(live.base_url, hall, live.tokens[hall])


def test_same_batch_twice_and_overlapping_batches(live: LiveCenter) -> None:
    evs = make_events(DISTRICT, 15)
    with client(live) as c:
        assert c.push(evs[:10]) == 10
        assert c.push(evs[:10]) == 10
        assert stored(live) == 10
        assert c.push(evs[5:15]) == 15
        assert stored(live) == 15
        assert c.acked() == 15
        assert c.push([]) == 15  # a heartbeat


def test_gaps_are_stored_but_not_acked(live: LiveCenter) -> None:
    evs = make_events(DISTRICT, 10)
    with client(live) as c:
        assert c.push(evs[:5]) == 5
        assert c.push(evs[7:]) == 5
        assert stored(live) == 8
        assert c.acked() == 5
        assert c.push(evs[5:7]) == 10
        assert c.acked() == 10


def test_a_reused_id_under_another_seq_is_ignored(live: LiveCenter) -> None:
    evs = make_events(DISTRICT, 3)
    clash = dict(evs[2], seq=4)
    with client(live) as c:
        assert c.push([*evs, clash]) == 3
    assert stored(live) == 3


def test_an_event_sent_again_under_another_day_is_not_stored_twice(live: LiveCenter) -> None:
    """A forked log (a store restored from a backup went on differently) can send a stored seq,
    or a stored id, again with another day; on PostgreSQL that day picks another partition,
    where the table's keys alone would not see the first one."""
    evs = make_events(DISTRICT, 3)
    forked = dict(evs[1], id="01KFQRKEDFQRKEDFQRKEDFQRKE", ts="2026-12-03T01:00:00.000Z")
    forked["payload"] = dict(evs[1]["payload"], service_day="2026-12-03")
    reused_id = dict(evs[2], seq=4, ts="2026-12-03T01:00:01.000Z")
    reused_id["payload"] = dict(evs[2]["payload"], service_day="2026-12-03")
    with client(live) as c:
        assert c.push(evs) == 3
        assert c.push([forked]) == 3
        assert c.push([reused_id]) == 3
    assert stored(live) == 3
    with live.engine.connect() as conn:
        query = select(events.c.id, events.c.day).where(
            events.c.hall == DISTRICT, events.c.seq == 2
        )
        assert list(conn.execute(query)) == [(evs[1]["id"], "2026-11-26")]


def test_plain_and_gzip_bodies(live: LiveCenter) -> None:
    evs = make_events(DISTRICT, 4)
    url = f"{live.base_url}/api/v1/halls/{DISTRICT}/events"
    auth = {"Authorization": f"Bearer {live.tokens[DISTRICT]}"}
    plain = httpx.post(url, json={"events": evs[:2]}, headers=auth)
    assert plain.status_code == 200 and plain.json() == {"acked_seq": 2}
    body = gzip.compress(json.dumps(evs[2:]).encode())
    zipped = httpx.post(url, content=body, headers={**auth, "Content-Encoding": "gzip"})
    assert zipped.json() == {"acked_seq": 4}
    bad = httpx.post(url, content=b"\x1f\x8bnot gzip", headers={**auth, "Content-Encoding": "gzip"})
    assert bad.status_code == 400 and bad.headers["content-type"] == PROBLEM


def test_another_halls_token_is_forbidden(live: LiveCenter) -> None:
    evs = make_events(DISTRICT, 2)
    url = f"{live.base_url}/api/v1/halls/{DISTRICT}/events"
    other = httpx.post(url, json=evs, headers={"Authorization": f"Bearer {live.tokens[TOWNSHIP]}"})
    assert other.status_code == 403
    assert other.headers["content-type"] == PROBLEM
    problem = other.json()
    assert problem["status"] == 403 and problem["title"] == "Forbidden"
    assert TOWNSHIP in problem["detail"] and "令牌" in problem["detail_zh"]
    assert httpx.post(url, json=evs).status_code == 401
    assert httpx.post(url, json=evs, headers={"Authorization": "Bearer nope"}).status_code == 401
    ack = httpx.get(f"{url[: -len('/events')]}/ack", headers={"Authorization": "Bearer nope"})
    assert ack.status_code == 401 and ack.json()["detail_zh"]
    assert stored(live) == 0


@pytest.mark.parametrize(
    ("change", "where"),
    [({"hall": TOWNSHIP}, "hall"), ({"id": "short"}, "id"), ({"seq": 0}, "seq"),
     ({"ts": "2026-11-26 01:00:00"}, "ts"), ({"payload": []}, "payload")],
)  # fmt: skip
def test_a_bad_event_refuses_the_whole_batch(live: LiveCenter, change: dict, where: str) -> None:
    evs = make_events(DISTRICT, 3)
    evs[1] = {**evs[1], **change}
    with client(live) as c, pytest.raises(CenterSyncError) as caught:
        c.push(evs)
    assert caught.value.status == 422 and not caught.value.retryable
    assert "#1" in caught.value.detail and where in caught.value.detail
    assert caught.value.detail_zh.startswith("第 1 条事件")
    assert stored(live) == 0


def test_concurrent_overlapping_pushes_ack_everything(live: LiveCenter) -> None:
    evs = make_events(DISTRICT, 400)
    errors: list[BaseException] = []

    def push(offset: int) -> None:
        try:
            with client(live) as c:
                for i in range(offset, 400, 50):
                    c.push(evs[i : i + 100])
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=push, args=(k * 10,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert stored(live) == 400
    with client(live) as c:
        assert c.push(evs[:1]) == 400


def test_halls_pushing_at_once_into_months_without_a_partition(live: LiveCenter) -> None:
    """Each first batch of a month makes that month's partition on PostgreSQL while the other
    halls' batches are in flight: none may wait for the partition while holding a lock on
    `events` that the partition's creation waits for (a deadlock, answered 500)."""
    halls = sorted(live.tokens)
    months = [f"2025-{m:02d}" for m in range(1, 9)]
    logs = {code: HallLog(code) for code in halls}
    for month in months:
        for n, code in enumerate(halls):
            ts = f"{month}-10T01:00:{n:02d}.000Z"
            logs[code].add(ts, "ticket.issued", ticket_id=f"t-{month}", service_day=f"{month}-10")
    errors: list[BaseException] = []
    start = threading.Barrier(len(halls))

    def push(code: str) -> None:
        try:
            with CenterClient(live.base_url, code, live.tokens[code]) as c:
                for k in range(len(months)):
                    start.wait(timeout=30)  # every hall's batch of the month at once
                    assert c.push(logs[code].events[k : k + 1]) == k + 1
        except BaseException as exc:  # reported below
            errors.append(exc)
            start.abort()

    threads = [threading.Thread(target=push, args=(code,)) for code in halls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    for code in halls:
        assert stored(live, code) == len(months)


def test_rows_clashing_with_stored_keys_fall_back_to_the_guarded_insert(
    engine, hall_tokens
) -> None:
    """`_store` copies rows in on PostgreSQL; should one clash with a stored key anyway (nothing
    in ingest lets it, this is the last guard) the savepoint goes back and the insert that
    ignores duplicates stores the rest, in the same transaction."""
    from kiosk.center import partitions
    from kiosk.center.ingest import _store
    from kiosk.center.wire import event_row

    evs = make_events(DISTRICT, 3)
    rows = [
        event_row(i, e, DISTRICT, "Asia/Shanghai", "2026-11-26T02:00:00Z")
        for i, e in enumerate(evs)
    ]
    with engine.begin() as conn:
        partitions.ensure_for_rows(conn, rows)
        _store(conn, rows[:2])
    with engine.begin() as conn:
        _store(conn, rows[1:])  # rows[1] is stored already
        conn.execute(events.update().where(events.c.seq == 3).values(actor="9001"))
    with engine.connect() as conn:
        query = select(events.c.seq, events.c.actor).where(events.c.hall == DISTRICT)
        assert sorted(conn.execute(query)) == [(1, None), (2, None), (3, "9001")]
