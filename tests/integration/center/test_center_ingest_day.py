"""A large hall's day (~59,000 events) reaches PostgreSQL through the HTTP API, all of it, once.

A server of its own with PostgreSQL's default durability (fsync on), not the session server
that the functional tests run with fsync off. How fast is measured in benchmarks/
(bench_center_ingest, docs/benchmarks.md), never asserted here: a test that times itself fails
on a busy machine and proves nothing on a quiet one.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from benchmarks.center_day import HALL, generate_day
from kiosk.center.app import create_center_app
from kiosk.center.client import CenterClient
from kiosk.center.halls import add_hall
from kiosk.center.schema import events
from tests.helpers.live_server import serve_in_thread
from tests.helpers.postgres import PostgresServer, PostgresUnavailable


@pytest.mark.slow
@pytest.mark.postgres
def test_a_large_halls_day_ingests_into_postgresql_whole() -> None:
    day = generate_day(date(2026, 11, 2))
    assert len(day) > 55_000
    try:
        server = PostgresServer().start()
    except PostgresUnavailable as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        app = create_center_app(server.create_database())
        token = add_hall(app.state.engine, HALL, "大型大厅", "city")
        with serve_in_thread(app) as base, CenterClient(base, HALL, token) as client:
            for i in range(0, len(day), 2000):
                acked = client.push(day[i : i + 2000])
        with app.state.engine.connect() as conn:
            stored = conn.execute(select(func.count()).select_from(events)).scalar_one()
        assert acked == len(day) and stored == len(day)
    finally:
        server.stop()
