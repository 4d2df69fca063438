"""The figures a rollup row keeps besides its counts: wait p50/p90 (so a month report reads no
histogram) and the bad-rating cases of its hall-day (so no report reads the case list). Each is
held equal to its histogram, to the raw events, and kept true when a case closes in a later
batch; migration 6 fills them in on a database populated before it; a month's totals of all
halls follow a changed hall month. On both engines."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import Engine, select, text

from kiosk.center.halls import get_hall
from kiosk.center.ingest import ingest_batch
from kiosk.center.migrations import current_version, migrate
from kiosk.center.report_metrics import percentile, secs
from kiosk.center.reports import build_report
from kiosk.center.rollups import ALL, HALL_MONTH, ensure_totals, refresh
from kiosk.center.schema import rollup_case_dirty, rollup_cases, rollups
from tests.helpers.center_fixture import DAY, DISTRICT, TOWNSHIP, district_events
from tests.helpers.raw_report import raw_report
from tests.integration.center.test_center_reports import load_fixture
from tests.integration.center.test_center_rollups import assert_equal_to_raw, push_days

DAYS = [date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 4)]
PERIODS = [(DAY, DAY), ("2026-11-01", "2026-11-30"), ("2026-11-02", "2026-11-03")]


def expanded(hist: str) -> list[float]:
    """The waits a histogram holds, one value each (the oracle expands, the code does not)."""
    return [float(v) for v, n in json.loads(hist).items() for _ in range(n)]


def stored(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(rollups)).mappings()]


def assert_percentiles_match_histograms(engine: Engine) -> int:
    rows = stored(engine)
    for row in rows:
        waits = expanded(row["wait_hist"])
        assert row["wait_p50"] == percentile(waits, 0.5), row
        assert row["wait_p90"] == percentile(waits, 0.9), row
    return sum(1 for r in rows if r["wait_p50"] is not None)


def fixture_and_days(engine: Engine, days: list[date]) -> int:
    """The two-hall fixture (17 events), then generated days of the township after it; returns
    the last seq pushed."""
    load_fixture(engine)
    return push_days(engine, TOWNSHIP, days, tickets=60, seed=8, start_seq=18)


def test_stored_percentiles_equal_the_histogram_and_the_raw_events(
    engine: Engine, hall_tokens: dict[str, str]
) -> None:
    fixture_and_days(engine, DAYS)
    build_report(engine, "2026-11-01", "2026-11-30", "level")  # day, month and totals rows
    assert assert_percentiles_match_histograms(engine) > 10
    raw = {r["hall"]: r for r in raw_report(engine, "2026-11-01", "2026-11-30", "hall")["rows"]}
    months = [r for r in stored(engine) if r["scope"] == HALL_MONTH and r["hall"] != ALL]
    assert {r["hall"] for r in months} == {DISTRICT, TOWNSHIP}
    for row in months:
        assert secs(row["wait_p50"]) == raw[row["hall"]]["wait_p50_s"]
        assert secs(row["wait_p90"]) == raw[row["hall"]]["wait_p90_s"]
        assert row["cases"] == raw[row["hall"]]["cases_opened"]
        assert row["cases_closed"] == raw[row["hall"]]["cases_closed"]


def test_a_case_closed_in_a_later_batch_is_counted(
    engine: Engine, hall_tokens: dict[str, str]
) -> None:
    """The case opened on the 26th is closed by an event of the 27th that arrives in a later
    batch: the report taken before says open, the one after says closed, both as the raw
    events say."""
    with engine.connect() as conn:
        district = get_hall(conn, DISTRICT)
    assert district is not None
    log = district_events()
    cut = next(
        n
        for n, e in enumerate(log)
        if e["type"] == "case.updated" and e["payload"].get("status") == "closed"
    )
    assert ingest_batch(engine, district, log[:cut]) == log[cut - 1]["seq"]
    rows = build_report(engine, DAY, DAY, "hall")["rows"]
    assert [(r["cases_opened"], r["cases_closed"]) for r in rows if r["hall"] == DISTRICT] == [
        (1, 0)
    ]
    assert ingest_batch(engine, district, log[cut:]) == log[-1]["seq"]
    with engine.connect() as conn:
        marked = conn.execute(select(rollup_case_dirty.c.hall, rollup_case_dirty.c.day)).all()
    assert [tuple(m) for m in marked] == [(DISTRICT, DAY)]
    rows = build_report(engine, DAY, DAY, "hall")["rows"]
    assert [(r["cases_opened"], r["cases_closed"]) for r in rows if r["hall"] == DISTRICT] == [
        (1, 1)
    ]
    assert_equal_to_raw(engine, [(DAY, DAY), ("2026-11-01", "2026-11-30")])


def back_to_version_5(engine: Engine) -> None:
    """The shape version 5 left: no stored percentiles, no case counts, no case marks."""
    with engine.begin() as conn:
        for column in ("wait_p50", "wait_p90", "cases", "cases_closed", "cases_on_time"):
            conn.execute(text(f"ALTER TABLE rollups DROP COLUMN {column}"))
        conn.execute(text("DROP TABLE rollup_case_dirty"))
        conn.execute(text("DELETE FROM schema_version WHERE version = 6"))


def test_migration_6_fills_a_populated_database(
    engine: Engine, hall_tokens: dict[str, str]
) -> None:
    fixture_and_days(engine, DAYS)
    refresh(engine)
    build_report(engine, "2026-11-01", "2026-11-30", "level")  # totals of all halls stored too
    before = {(r["hall"], r["day"], r["scope"], r["key"]): r for r in stored(engine)}
    assert any(r["cases"] for r in before.values())
    back_to_version_5(engine)
    assert current_version(engine) == 5
    assert migrate(engine) == [6]
    after = {(r["hall"], r["day"], r["scope"], r["key"]): r for r in stored(engine)}
    # the same rows and figures, but the totals of all halls: dropped, built again on demand
    assert after == {k: v for k, v in before.items() if k[0] != ALL}
    assert assert_percentiles_match_histograms(engine) > 10
    with engine.connect() as conn:
        opened = conn.execute(select(rollup_cases.c.hall).where(rollup_cases.c.day == DAY)).all()
    assert len(opened) == 2  # one case in each hall
    assert_equal_to_raw(engine, PERIODS)


def totals(engine: Engine) -> dict[tuple[str, str, str], dict[str, Any]]:
    return {(r["day"], r["scope"], r["key"]): r for r in stored(engine) if r["hall"] == ALL}


def test_totals_take_the_difference_of_a_changed_hall_month(
    engine: Engine, hall_tokens: dict[str, str]
) -> None:
    """Once a month's totals of all halls are built, a hall-day that changes (new days of a
    hall, a day recomputed) updates them in place: equal to totals built afresh, reports equal
    to the raw events."""
    last = fixture_and_days(engine, DAYS[:2])
    build_report(engine, "2026-11-01", "2026-11-30", "level")
    built = totals(engine)
    assert any(k[1] == "level_a" for k in built)
    push_days(engine, TOWNSHIP, DAYS[2:], tickets=60, seed=9, start_seq=last + 1)
    refresh(engine)
    shifted = totals(engine)
    assert shifted != built  # kept and changed, not dropped
    with engine.begin() as conn:
        conn.execute(rollups.delete().where(rollups.c.hall == ALL))
    ensure_totals(engine, "2026-11")
    assert totals(engine) == shifted
    assert_equal_to_raw(engine, PERIODS)
