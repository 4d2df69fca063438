"""Monthly partitions on PostgreSQL and retention by archive, on real databases with data in them.

Migration 4 moves an existing unpartitioned `events` (a center at schema version 3 holding two
months of two halls) into monthly partitions without losing or changing a row; ingest goes on
afterwards, a resent batch is still dropped, and an event of a month with no partition yet gets
one. `kiosk center archive --before YYYY-MM` writes the old months to gzip JSON lines with their
checksum, removes them from the database (on PostgreSQL the partition is detached and dropped),
and the reports of those months, read from the rollups, do not change.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select, text

from benchmarks.center_day import generate_day
from kiosk.center.db import make_engine, open_center_db
from kiosk.center.halls import add_hall, get_hall
from kiosk.center.ingest import acked_seq, ingest_batch
from kiosk.center.migrations import MIGRATIONS, current_version, migrate
from kiosk.center.partitions import existing, is_partitioned
from kiosk.center.reports import build_report
from kiosk.center.schema import events
from tests.helpers.center_cli import run_center
from tests.helpers.center_fixture import (
    DAY,
    DISTRICT,
    HALLS,
    TOWNSHIP,
    district_events,
    township_events,
)
from tests.helpers.postgres import PostgresServer

OCTOBER = date(2026, 10, 15)


def all_events(engine: Engine) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        query = select(events).order_by(events.c.hall, events.c.seq)
        return [tuple(r) for r in conn.execute(query)]


def load_two_months(engine: Engine) -> None:
    """The fixture (November) after an October day of the township (its seqs come first)."""
    for code, name, level, parent in HALLS:
        add_hall(engine, code, name, level, parent)
    october = generate_day(OCTOBER, tickets=60, hall=TOWNSHIP, start_seq=1)
    with engine.connect() as conn:
        township = get_hall(conn, TOWNSHIP)
    assert township is not None
    assert ingest_batch(engine, township, october) == len(october)
    shifted = []
    for ev in township_events():
        shifted.append({**ev, "seq": ev["seq"] + len(october), "id": ev["id"][:-4] + "ZZZZ"})
    with engine.connect() as conn:
        district = get_hall(conn, DISTRICT)
    assert district is not None
    assert ingest_batch(engine, district, district_events()) == len(district_events())
    assert ingest_batch(engine, township, shifted) == len(october) + len(shifted)


def reports(engine: Engine) -> list[Any]:
    out = []
    for period in (("2026-10-01", "2026-10-31"), ("2026-11-20", "2026-11-30")):
        for by in ("level", "hall", "item"):
            found = build_report(engine, *period, by)
            found.pop("generated_at")
            out.append(found)
    return out


@pytest.mark.postgres
def test_migration_partitions_a_table_with_data(pg_server: PostgresServer) -> None:
    engine = make_engine(pg_server.create_database())
    try:
        assert migrate(engine, upto=3) == [1, 2, 3]
        load_two_months(engine)
        with engine.connect() as conn:
            assert not is_partitioned(conn)
        before, figures = all_events(engine), reports(engine)
        assert len(before) > 300
        later = [m.version for m in MIGRATIONS if m.version > 3]
        assert migrate(engine) == later and current_version(engine) == later[-1]
        with engine.connect() as conn:
            assert is_partitioned(conn)
            assert {"2026-10", "2026-11"} <= set(existing(conn))
            rows = {m: conn.execute(text(f"SELECT count(*) FROM {name}")).scalar_one()
                    for m, name in existing(conn).items()}  # fmt: skip
        assert all_events(engine) == before  # nothing lost, nothing changed
        assert rows["2026-10"] + rows["2026-11"] == len(before)
        assert reports(engine) == figures
        # ingest goes on: a resent batch is dropped, a month without a partition gets one
        with engine.connect() as conn:
            township = get_hall(conn, TOWNSHIP)
        assert township is not None
        with engine.connect() as conn:
            last = acked_seq(conn, TOWNSHIP)
        late = generate_day(date(2027, 6, 1), tickets=5, hall=TOWNSHIP, start_seq=last + 1)
        assert ingest_batch(engine, township, late) == last + len(late)
        assert ingest_batch(engine, township, late) == last + len(late)
        assert len(all_events(engine)) == len(before) + len(late)
        with engine.connect() as conn:
            assert "2027-06" in existing(conn)
    finally:
        engine.dispose()


def test_archive_moves_old_months_to_files(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = open_center_db(db_url)
    try:
        load_two_months(engine)
        before, figures = all_events(engine), reports(engine)
        october = [r for r in before if r[4].startswith("2026-10")]
        out = tmp_path / "archive"
        code, printed, err = run_center(
            capsys, "archive", "--db", db_url, "--before", "2026-11", "--dir", str(out), "--json"
        )
        assert code == 0, err
        done = json.loads(printed)["archived"]
        assert [(d["month"], d["events"]) for d in done] == [("2026-10", len(october))]
        path = out / "events-2026-10.jsonl.gz"
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert (out / "events-2026-10.jsonl.gz.sha256").read_text().split()[0] == digest
        lines = [json.loads(x) for x in gzip.decompress(path.read_bytes()).splitlines()]
        assert [(x["hall"], x["seq"], x["id"]) for x in lines] == [r[:3] for r in october]
        assert all(isinstance(x["payload"], dict) for x in lines)
        assert all_events(engine) == [r for r in before if r not in october]
        assert reports(engine) == figures  # the rollups outlive the raw events
        with engine.connect() as conn:
            assert "2026-10" not in existing(conn)
        code, printed, _ = run_center(
            capsys, "archive", "--db", db_url, "--before", "2026-11", "--dir", str(out)
        )
        assert code == 0 and "no events before 2026-11" in printed
        code, _, err = run_center(capsys, "archive", "--db", db_url, "--before", "2026-13")
        assert code == 2 and "YYYY-MM" in err and "月份" in err
        assert build_report(engine, DAY, DAY, "hall")["rows"][2]["tickets"] == 3
    finally:
        engine.dispose()
