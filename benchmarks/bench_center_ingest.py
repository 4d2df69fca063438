"""Center ingest benchmark: a large hall's day (10,000 tickets, ~59,000 events) and a month.

Events (benchmarks/center_day.py, following docs/events.md) are pushed through the real HTTP
API (gzip batches via kiosk.center.client, every ack checked) into a throwaway PostgreSQL server
started from the machine's binaries with its default durability settings (fsync on).
Run: `.venv/bin/python benchmarks/bench_center_ingest.py [--batch 2000] [--no-month] [--sqlite]`.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.center_day import HALL, generate_day  # noqa: E402
from kiosk.center.app import create_center_app  # noqa: E402
from kiosk.center.client import CenterClient  # noqa: E402
from kiosk.center.halls import add_hall  # noqa: E402
from kiosk.center.reports import build_report  # noqa: E402
from tests.helpers.live_server import serve_in_thread  # noqa: E402
from tests.helpers.postgres import PostgresServer  # noqa: E402


def push_all(client: CenterClient, evs: list[dict], batch: int) -> float:
    """Push in batches, checking every ack; returns the seconds taken."""
    began = time.perf_counter()
    for i in range(0, len(evs), batch):
        acked = client.push(evs[i : i + batch])
        assert acked == evs[min(i + batch, len(evs)) - 1]["seq"], acked
    return time.perf_counter() - began


def _bytes_per_event(engine: Engine, events: int) -> int | None:
    """On-disk size of the events table with its indexes, per event (PostgreSQL only)."""
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as conn:
        # a partitioned table holds nothing itself: its partitions' sizes, or its own if plain
        size = conn.execute(
            text(
                "SELECT GREATEST(pg_total_relation_size('events'), (SELECT COALESCE("
                "SUM(pg_total_relation_size(relid)), 0) FROM pg_partition_tree('events')))"
            )
        ).scalar_one()
    return round(size / events)


def _measure(name: str, url: str, batch: int, month: bool, out: dict[str, Any]) -> None:
    day0 = date(2026, 11, 2)
    first = generate_day(day0)
    out["events_per_day"] = len(first)
    app = create_center_app(url)
    token = add_hall(app.state.engine, HALL, "S市市南区政务服务中心", "city")
    with serve_in_thread(app) as base, CenterClient(base, HALL, token) as client:
        secs = push_all(client, first, batch)
        out[f"{name}_day_s"] = round(secs, 2)
        out[f"{name}_day_events_per_s"] = round(len(first) / secs)
        out[f"{name}_bytes_per_event"] = _bytes_per_event(app.state.engine, len(first))
        if not month:
            return
        total, seq = len(first), len(first) + 1
        for d in range(1, 30):
            evs = generate_day(day0 + timedelta(days=d), start_seq=seq)
            secs += push_all(client, evs, batch)
            total, seq = total + len(evs), seq + len(evs)
        out[f"{name}_month_events"] = total
        out[f"{name}_month_s"] = round(secs, 1)
        out[f"{name}_month_events_per_s"] = round(total / secs)
        began = time.perf_counter()
        build_report(app.state.engine, "2026-11-02", "2026-12-01", "hall")
        out[f"{name}_month_report_s"] = round(time.perf_counter() - began, 1)


def _measure_floor(url: str, out: dict[str, Any]) -> None:
    """The floor in the same run: the same day's rows, already checked and built, copied into
    the same schema and partitions in one transaction (psycopg COPY, no HTTP, no checks, no
    rollups). Ingest / floor says what the center adds, on whatever machine runs it."""
    from kiosk.center import partitions
    from kiosk.center.ingest import _COLUMNS, _COPY
    from kiosk.center.wire import event_row

    evs = generate_day(date(2026, 11, 2))
    rows = [
        event_row(i, e, HALL, "Asia/Shanghai", "2026-11-02T00:00:00Z") for i, e in enumerate(evs)
    ]
    engine = create_center_app(url).state.engine
    add_hall(engine, HALL, "S市市南区政务服务中心", "city")
    with engine.begin() as conn:
        partitions.ensure_for_rows(conn, rows)
    began = time.perf_counter()
    with engine.begin() as conn:
        raw: Any = conn.connection.dbapi_connection
        with raw.cursor() as cursor, cursor.copy(_COPY) as copy:
            for row in rows:
                copy.write_row(tuple(row[name] for name in _COLUMNS))
    secs = time.perf_counter() - began
    out["postgresql_floor_copy_day_s"] = round(secs, 2)
    if "postgresql_day_s" in out:
        out["postgresql_day_over_floor"] = round(out["postgresql_day_s"] / secs, 2)


def _measure_hall_sync(url: str, batch: int, out: dict[str, Any]) -> None:
    """The real path: a hall store holding a large day's log, `sync_once` reading it from
    SQLite and pushing it to the PostgreSQL center, acks checked."""
    from kiosk.catalog.hall_config import load_hall_config
    from kiosk.catalog.model import load_catalog
    from kiosk.domain import HallLevel
    from kiosk.engine.hall import Hall, initialise
    from kiosk.events import Event, insert
    from kiosk.paths import default_catalog_path, sample_hall_path
    from kiosk.store.db import connect, transaction
    from kiosk.sync.pusher import sync_once

    evs = generate_day(date(2026, 11, 2))
    app = create_center_app(url)
    add_hall(app.state.engine, "370200-00", "S市政务服务中心", "city")
    token = add_hall(app.state.engine, HALL, "S市市南区政务服务中心", "district", "370200-00")
    catalog = load_catalog(default_catalog_path())
    config = load_hall_config(sample_hall_path(), catalog).model_copy(
        update={"code": HALL, "level": HallLevel.DISTRICT, "parent": "370200-00", "clerks": []}
    )
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-hall-") as tmp:
        path = Path(tmp) / "hall.db"
        initialise(path, config, catalog).close()
        conn = connect(path)
        with transaction(conn):  # the day's log as the hall recorded it
            for e in evs:
                insert(conn, Event(**{k: e[k] for k in Event.__dataclass_fields__}))
        conn.close()
        hall = Hall(path)
        with serve_in_thread(app) as base, CenterClient(base, HALL, token) as client:
            began = time.perf_counter()
            summary = sync_once(hall, client, batch=batch)
            secs = time.perf_counter() - began
        hall.close()
    assert summary.lag == 0 and summary.pushed == len(evs), summary
    out["hall_sync_day_events"] = len(evs)
    out["hall_sync_day_s"] = round(secs, 2)
    out["hall_sync_day_events_per_s"] = round(len(evs) / secs)


def _measure_concurrent(url: str, halls: int, batch: int, out: dict[str, Any]) -> None:
    """`halls` halls pushing at once (one thread and connection each), a day of 10,000 tickets
    split between them: the aggregate rate of a center serving many halls."""
    app = create_center_app(url)
    codes = [f"3702{n:02d}-01" for n in range(halls)]
    days = [
        generate_day(date(2026, 11, 2), 10_000 // halls, seed=n, hall=c)
        for n, c in enumerate(codes)
    ]
    tokens = [add_hall(app.state.engine, c, f"大厅{c}", "city") for c in codes]
    with serve_in_thread(app) as base:
        clients = [CenterClient(base, c, t) for c, t in zip(codes, tokens, strict=True)]
        errors: list[BaseException] = []

        def push(client: CenterClient, evs: list[dict]) -> None:
            try:
                push_all(client, evs, batch)
            except BaseException as exc:  # re-raised below, in the main thread
                errors.append(exc)

        pairs = zip(clients, days, strict=True)
        threads = [threading.Thread(target=push, args=pair) for pair in pairs]
        began = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        secs = time.perf_counter() - began
        for cl in clients:
            cl.close()
        if errors:
            raise errors[0]
    total = sum(len(d) for d in days)
    out[f"postgresql_{halls}_halls_events"] = total
    out[f"postgresql_{halls}_halls_events_per_s"] = round(total / secs)


def run(batch: int = 2000, month: bool = True, sqlite: bool = False) -> dict[str, Any]:
    """Measure (PostgreSQL; SQLite too if asked); returns the numbers."""
    result: dict[str, Any] = {"batch": batch}
    server = PostgresServer().start()
    try:
        _measure("postgresql", server.create_database(), batch, month, result)
        _measure_floor(server.create_database(), result)
        _measure_hall_sync(server.create_database(), batch, result)
        _measure_concurrent(server.create_database(), 8, batch, result)
    finally:
        server.stop()
    if sqlite:
        with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
            _measure("sqlite", f"sqlite:///{tmp}/center.db", batch, month, result)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--no-month", action="store_true")
    parser.add_argument("--sqlite", action="store_true", help="also measure the SQLite engine")
    args = parser.parse_args()
    print(json.dumps(run(args.batch, not args.no_month, args.sqlite), indent=2))


if __name__ == "__main__":
    main()
