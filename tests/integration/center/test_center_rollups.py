"""The rollup-based report equals the raw-event computation (tests/helpers/raw_report.py), on
the hand-written fixture and on a generated month of two halls, on both engines; late events
after a day's close mark it for recomputation; the rollups survive a re-ingest unchanged."""

from __future__ import annotations

import time
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from benchmarks.center_day import generate_day
from kiosk.center.client import CenterClient
from kiosk.center.halls import get_hall
from kiosk.center.ingest import ingest_batch
from kiosk.center.reports import build_report
from kiosk.center.rollups import ALL, dirty_count, refresh
from kiosk.center.schema import rollup_dirty, rollups
from tests.helpers.center_fixture import DAY, DISTRICT, TOWNSHIP, HallLog, township_events
from tests.helpers.live_server import LiveCenter
from tests.helpers.raw_report import raw_report
from tests.integration.center.test_center_reports import load_fixture

MONTH = [date(2026, 11, d) for d in range(1, 31) if date(2026, 11, d).weekday() < 5]


def without_stamp(report: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in report.items() if k != "generated_at"}


def assert_equal_to_raw(engine: Engine, periods: list[tuple[str, str]]) -> None:
    for day_from, day_to in periods:
        for by in ("level", "hall", "item"):
            rolled = without_stamp(build_report(engine, day_from, day_to, by))
            raw = without_stamp(raw_report(engine, day_from, day_to, by))
            assert rolled == raw, (day_from, day_to, by)


def push_days(
    engine: Engine, code: str, days: list[date], tickets: int, seed: int, start_seq: int = 1
) -> int:
    with engine.connect() as conn:
        hall = get_hall(conn, code)
    assert hall is not None
    seq = start_seq
    for day in days:
        log = generate_day(day, tickets=tickets, start_seq=seq, seed=seed, hall=code)
        for start in range(0, len(log), 2000):
            ingest_batch(engine, hall, log[start : start + 2000])
        seq += len(log)
    return seq - 1


def test_fixture_reports_equal_raw(engine: Engine, hall_tokens: dict[str, str]) -> None:
    load_fixture(engine)
    periods = [(DAY, DAY), ("2026-11-25", DAY), ("2026-11-20", "2026-11-30")]
    assert_equal_to_raw(engine, [*periods, ("2026-11-01", "2026-11-30"), ("2026-10-01", DAY)])


@pytest.mark.slow
def test_generated_month_reports_equal_raw(engine: Engine, hall_tokens: dict[str, str]) -> None:
    push_days(engine, DISTRICT, MONTH, tickets=120, seed=3)
    push_days(engine, TOWNSHIP, MONTH, tickets=40, seed=4)
    # every day was closed by its own day.closed, so no working day waits for a report; only
    # the day after each one is marked (a pause's reason may serve a resume after midnight)
    with engine.connect() as conn:
        dirty = {d for (d,) in conn.execute(select(rollup_dirty.c.day))}
    assert dirty and not dirty & {d.isoformat() for d in MONTH}
    with engine.connect() as conn:
        rows = conn.execute(select(func.count()).select_from(rollups)).scalar_one()
    assert rows > len(MONTH) * 2 * 10  # hall, items and windows of each hall-day
    first, last = MONTH[0].isoformat(), MONTH[-1].isoformat()
    week = (MONTH[5].isoformat(), MONTH[9].isoformat())
    periods = [(first, last), ("2026-11-01", "2026-11-30"), ("2026-10-20", "2026-12-03"), week]
    assert_equal_to_raw(engine, [*periods, (MONTH[3].isoformat(),) * 2])


def test_late_event_after_close_marks_the_day_for_recomputation(
    engine: Engine, hall_tokens: dict[str, str]
) -> None:
    load_fixture(engine)  # the township's day ends with its day.closed: computed at once
    with engine.connect() as conn:
        dirty = set(
            (h, d) for h, d in conn.execute(select(rollup_dirty.c.hall, rollup_dirty.c.day))
        )
    assert (TOWNSHIP, DAY) not in dirty and (DISTRICT, DAY) in dirty
    before = build_report(engine, DAY, DAY, "hall")["rows"][2]
    assert before["ratings"] == 2 and dirty_count(engine) > 0
    late = HallLog(TOWNSHIP)
    late.events = township_events()  # the township's log so far, day.closed last
    late.add("2026-11-26T10:00:00.000Z", "rating.recorded", rating_id="r-late", ticket_id="t-3",
             number="A003", level=5, tags=[], comment="", channel="pad", window_no=1,
             clerk="1001", category="SHEBAO", item="SB-001")  # fmt: skip
    with engine.connect() as conn:
        township = get_hall(conn, TOWNSHIP)
    assert township is not None
    assert ingest_batch(engine, township, late.events[-1:]) == len(late.events)
    with engine.connect() as conn:
        marks = set(
            (h, d) for h, d in conn.execute(select(rollup_dirty.c.hall, rollup_dirty.c.day))
        )
    assert (TOWNSHIP, DAY) in marks
    after = build_report(engine, DAY, DAY, "hall")["rows"][2]
    assert after["ratings"] == 3 and after["satisfaction_rate"] == round(1 / 3, 6)
    assert_equal_to_raw(engine, [(DAY, DAY)])


def test_recomputing_changes_nothing(engine: Engine, hall_tokens: dict[str, str]) -> None:
    load_fixture(engine)
    refresh(engine)
    halls = select(rollups).where(rollups.c.hall != ALL)  # not the totals of all halls
    with engine.connect() as conn:
        first = sorted(tuple(r) for r in conn.execute(halls))
        with engine.begin() as tx:  # every stored hall-day marked again, as migration 3 does
            days = select(rollups.c.hall, rollups.c.day).where(rollups.c.scope == "hall")
            tx.execute(rollup_dirty.insert().from_select(["hall", "day"], days.distinct()))
    assert refresh(engine) > 0
    with engine.connect() as conn:
        assert sorted(tuple(r) for r in conn.execute(halls)) == first
    day_after = (date.fromisoformat(DAY) + timedelta(days=1)).isoformat()
    assert_equal_to_raw(engine, [(DAY, day_after)])


def test_the_api_recomputes_a_closed_day_after_answering(live: LiveCenter) -> None:
    """A hall's push that ends with its day.closed is acknowledged at once; the day's rollups
    follow in the background (bounded wait), without any report asking for them."""
    events = township_events()
    with CenterClient(live.base_url, TOWNSHIP, live.tokens[TOWNSHIP]) as client:
        assert client.push(events) == len(events)
    mark = (rollup_dirty.c.hall == TOWNSHIP) & (rollup_dirty.c.day == DAY)
    for _ in range(600):
        with live.engine.connect() as conn:
            if conn.execute(select(rollup_dirty.c.day).where(mark)).first() is None:
                break
        time.sleep(0.05)
    with live.engine.connect() as conn:
        query = select(rollups.c.tickets).where(
            rollups.c.hall == TOWNSHIP, rollups.c.day == DAY, rollups.c.scope == "hall"
        )
        assert conn.execute(query).scalar_one() == 3
