"""Bad input at the center answers 4xx problem+json on both engines, never a 5xx, and every
event a hall may log (kiosk/limits.py) is stored: PostgreSQL refuses values wider than their
columns where SQLite does not, so each case runs on both."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, func, inspect, select, text

from kiosk import limits
from kiosk.center import wire
from kiosk.center.db import make_engine
from kiosk.center.migrations import MIGRATIONS, migrate
from kiosk.center.schema import events
from tests.helpers.center_fixture import DISTRICT, HallLog, event_id
from tests.helpers.live_server import LiveCenter
from tests.helpers.postgres import PostgresServer

PROBLEM = "application/problem+json"


def nested(depth: int) -> dict[str, Any]:
    """A payload whose objects nest `depth` levels (the payload itself is level 1)."""
    value: dict[str, Any] = {}
    for _ in range(depth - 1):
        value = {"a": value}
    return value


def event(seq: int = 1, **change: Any) -> dict[str, Any]:
    log = HallLog(DISTRICT)
    log.add("2026-11-26T01:00:00.000Z", "ticket.issued", ticket_id="t1")
    return {**log.events[0], "seq": seq, "id": event_id(DISTRICT, seq), **change}


def push(live: LiveCenter, body: Any = None, content: bytes | None = None, **headers: str) -> Any:
    auth = {"Authorization": f"Bearer {live.tokens[DISTRICT]}", **headers}
    url = f"{live.base_url}/api/v1/halls/{DISTRICT}/events"
    if content is not None:
        return httpx.post(url, content=content, headers=auth, timeout=30)
    return httpx.post(url, json=body, headers=auth, timeout=30)


def refused(r: httpx.Response, status: int = 422) -> dict[str, Any]:
    assert r.status_code == status, r.text[:300]
    assert r.headers["content-type"] == PROBLEM
    problem: dict[str, Any] = r.json()
    assert problem["detail"] and problem["detail_zh"]
    return problem


def stored(live: LiveCenter) -> list[tuple[int, str | None, str | None]]:
    with live.engine.connect() as conn:
        query = select(events.c.seq, events.c.device, events.c.actor).order_by(events.c.seq)
        return [tuple(row) for row in conn.execute(query)]  # type: ignore[misc]


BEYOND: dict[str, tuple[Callable[[], dict[str, Any]], str]] = {
    "seq-2^63": (lambda: {"seq": 2**63}, "seq"),
    "seq-10^30": (lambda: {"seq": 10**30}, "seq"),
    "device": (lambda: {"device": "d" * (limits.DEVICE_NAME_MAX + 1)}, "device name"),
    "actor": (lambda: {"actor": "7" * (limits.EMPLOYEE_NO_MAX + 1)}, "employee number"),
    "type": (lambda: {"type": "ticket." + "x" * limits.EVENT_TYPE_MAX}, "type"),
    "depth": (lambda: {"payload": nested(limits.PAYLOAD_MAX_DEPTH + 1)}, "nested deeper"),
    "depth-900": (lambda: {"payload": nested(900)}, "nested deeper"),
    "size": (lambda: {"payload": {"note": "x" * limits.PAYLOAD_MAX_BYTES}}, "payload larger"),
}


@pytest.mark.parametrize("case", list(BEYOND))
def test_an_event_beyond_the_shared_limits_is_refused(live: LiveCenter, case: str) -> None:
    change, why = BEYOND[case]
    problem = refused(push(live, {"events": [event(1), {**event(2), **change()}]}))
    assert "#1" in problem["detail"] and why in problem["detail"]
    assert stored(live) == []


def test_every_event_a_hall_may_log_is_stored(live: LiveCenter) -> None:
    """At each limit, with multi-byte text where characters and bytes differ."""
    biggest = {"note": "答" * ((limits.PAYLOAD_MAX_BYTES - 20) // 3)}
    assert len(json.dumps(biggest, ensure_ascii=False).encode()) <= limits.PAYLOAD_MAX_BYTES
    batch = [
        event(1, actor="7" * 40),  # once stopped a hall's sync to PostgreSQL for good
        event(2, actor="工" * limits.EMPLOYEE_NO_MAX, device="取" * limits.DEVICE_NAME_MAX),
        event(3, payload=nested(limits.PAYLOAD_MAX_DEPTH)),
        event(4, payload=biggest, type="a." + "b" * (limits.EVENT_TYPE_MAX - 2)),
        event(limits.SEQ_MAX),  # stored, though not acknowledged: seqs before it are missing
    ]
    r = push(live, content=gzip.compress(json.dumps({"events": batch}).encode()))
    assert r.status_code == 200 and r.json() == {"acked_seq": 4}, r.text
    rows = stored(live)
    assert [seq for seq, _, _ in rows] == [1, 2, 3, 4, limits.SEQ_MAX]
    assert rows[1][1:] == ("取" * limits.DEVICE_NAME_MAX, "工" * limits.EMPLOYEE_NO_MAX)


@pytest.mark.parametrize("depth", [5_000, 100_000])
def test_a_body_nested_past_the_parser_is_refused(live: LiveCenter, depth: int) -> None:
    deep = b'{"events":[' + b"[" * depth + b"]" * depth + b"]}"
    refused(push(live, content=deep))
    refused(push(live, content=gzip.compress(deep)))


@pytest.mark.parametrize("value", [str(10**30), str(2**63), "-1", "1e3", "0x10"])
def test_a_last_seq_header_beyond_64_bits_is_refused(live: LiveCenter, value: str) -> None:
    problem = refused(push(live, {"events": []}, **{"X-Hall-Last-Seq": value}))
    assert "X-Hall-Last-Seq" in problem["detail"]
    ok = push(live, {"events": []}, **{"X-Hall-Last-Seq": str(limits.SEQ_MAX)})
    assert ok.status_code == 200


@pytest.mark.parametrize(
    ("day_from", "day_to"),
    [
        ("0001-01-01", "9999-12-31"),
        ("0001-01-01", "0001-01-01"),
        ("9999-12-31", "9999-12-31"),
        ("1999-12-31", "2000-01-01"),
        ("2026-01-01", "2027-01-02"),  # 367 days
        ("2026-02-30", "2026-03-01"),
        ("2026-11-26", "2026-11-25"),
        ("yesterday", "today"),
        ("２０２６-11-26", "2026-11-26"),
    ],
)
def test_report_periods_out_of_range_are_refused(
    live: LiveCenter, day_from: str, day_to: str
) -> None:
    auth = {"Authorization": f"Bearer {live.admin}"}
    url = f"{live.base_url}/api/v1/reports"
    refused(httpx.get(url, params={"from": day_from, "to": day_to}, headers=auth))
    leap_year = httpx.get(url, params={"from": "2028-01-01", "to": "2028-12-31"}, headers=auth)
    assert leap_year.status_code == 200 and leap_year.json()["rows"]


def test_the_event_columns_hold_the_shared_limits(engine: Engine) -> None:
    columns = {c["name"]: c["type"] for c in inspect(engine).get_columns("events")}
    assert columns["actor"].length == limits.EMPLOYEE_NO_MAX
    assert columns["device"].length == limits.DEVICE_NAME_MAX
    assert columns["type"].length == limits.EVENT_TYPE_MAX
    assert columns["hall"].length == limits.HALL_CODE_MAX


@pytest.mark.postgres
def test_a_center_made_before_the_wider_actor_is_migrated(pg_server: PostgresServer) -> None:
    """A database at schema version 1 (actor VARCHAR(32)) takes long employee numbers after
    migrating, without losing what it holds."""
    engine = make_engine(pg_server.create_database())
    try:
        migrate(engine, upto=1)
        with engine.begin() as conn:
            conn.execute(text("ALTER TABLE events ALTER COLUMN actor TYPE VARCHAR(32)"))
            row = {**wire.event_row(0, event(1, actor="1001"), DISTRICT, "Asia/Shanghai", "x")}
            conn.execute(text("INSERT INTO halls VALUES ('370202-00', 'h', 'district', NULL,"
                              " 'Asia/Shanghai', 'hash', 'x', NULL, 0, NULL)"))  # fmt: skip
            conn.execute(events.insert().values(row))
        assert migrate(engine, upto=2) == [2]
        length = inspect(engine).get_columns("events")
        assert next(c for c in length if c["name"] == "actor")["type"].length == 64
        with engine.begin() as conn:
            long_row = wire.event_row(0, event(2, actor="7" * 40), DISTRICT, "Asia/Shanghai", "x")
            conn.execute(events.insert().values(long_row))
            assert conn.execute(select(func.count()).select_from(events)).scalar_one() == 2
        later = [m.version for m in MIGRATIONS if m.version > 2]
        assert migrate(engine) == later  # the later migrations keep both rows
        with engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(events)).scalar_one() == 2
    finally:
        engine.dispose()


def test_the_largest_events_a_hall_may_log_fit_one_sync_batch() -> None:
    """A full batch of the largest events the limits allow is one request the center takes:
    otherwise such a hall could never push past that batch."""
    envelope = {
        "id": "0" * 26,
        "hall": "H" * limits.HALL_CODE_MAX,
        "seq": limits.SEQ_MAX,
        "ts": "2026-11-26T01:00:00.000Z",
        "device": "\x01" * limits.DEVICE_NAME_MAX,  # each written as six bytes
        "actor": "\x01" * limits.EMPLOYEE_NO_MAX,
        "type": "a." + "b" * (limits.EVENT_TYPE_MAX - 2),
        "payload": {},
    }
    compact = {"ensure_ascii": False, "separators": (",", ":")}
    size = len(json.dumps(envelope, **compact).encode()) - 2 + limits.PAYLOAD_MAX_BYTES  # type: ignore[arg-type]
    assert size <= limits.PAYLOAD_MAX_BYTES + limits.EVENT_ENVELOPE_MAX
    batch = len('{"events":[]}') + limits.SYNC_BATCH_EVENTS * (size + 1)
    assert batch <= wire.MAX_BODY_BYTES
    assert limits.SYNC_BATCH_EVENTS <= wire.MAX_BATCH_EVENTS
