"""Retention: months of raw events moved out of the database into files (`kiosk center archive`).

Reports read the daily rollups, so a month's raw events are needed only for audits and a hall's
recovery; after a while they go to a file and leave the database. For each month before the
cutoff:
1. its dirty hall-days are recomputed, so the month's rollups are final;
2. on PostgreSQL its partition is detached and renamed `events_YYYY_MM_detached` (a catalog
   change: ingest waits only for that moment, never for the export); on SQLite the rows are
   read and deleted inside one write transaction instead;
3. the rows go to `DIR/events-YYYY-MM.jsonl.gz` (one event envelope per line, in hall and seq
   order, with the center's `day` and `received_at`) through a temporary file that is flushed,
   synced and renamed, with `DIR/events-YYYY-MM.jsonl.gz.sha256` beside it (sha256sum format);
4. the file, its row count and checksum are recorded in `archived_months` and the detached
   table is dropped, in one transaction.
A crash between 2 and 4 leaves the detached table; the next run finishes it first. An event that
arrives later for an archived month is stored in a new partition (and archived by the next run
into `events-YYYY-MM.2.jsonl.gz`); the month's rollups are final and no longer recomputed.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, delete, select, text

from kiosk.center import partitions
from kiosk.center.errors import invalid
from kiosk.center.rollups import refresh
from kiosk.center.schema import archived_months, events
from kiosk.center.timeutil import iso_utc, utc_now

_MONTH = re.compile(r"^(20\d\d)-(0[1-9]|1[0-2])$")
_DETACHED = re.compile(r"^events_(\d{4})_(\d{2})_detached$")
COLUMNS = ("hall", "seq", "id", "ts", "day", "type", "device", "actor", "payload", "received_at")


def check_month(month: str) -> str:
    if not _MONTH.match(month or ""):
        raise invalid(
            f"--before must be a month YYYY-MM between 2000-01 and 2099-12, not {month!r}",
            f"--before 须为 2000-01 至 2099-12 之间的月份 YYYY-MM，而不是 {month!r}",
        )
    return month


def _line(row: Any) -> bytes:
    envelope = {name: row[i] for i, name in enumerate(COLUMNS)}
    envelope["payload"] = json.loads(envelope["payload"])
    return json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def _target(conn: Connection, directory: Path, month: str) -> Path:
    taken = conn.execute(select(archived_months.c.file).where(archived_months.c.month == month))
    n = len(list(taken)) + 1
    name = f"events-{month}.jsonl.gz" if n == 1 else f"events-{month}.{n}.jsonl.gz"
    return directory / name


def _write(path: Path, rows: Iterable[Any]) -> tuple[int, str]:
    """Rows to a gzip JSON-lines file, atomically; returns (rows, sha256 of the file)."""
    tmp = path.with_name(path.name + ".tmp")
    count = 0
    with open(tmp, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
            for row in rows:
                out.write(_line(row))
                count += 1
        raw.flush()
        os.fsync(raw.fileno())
    digest = hashlib.sha256(tmp.read_bytes()).hexdigest()
    os.replace(tmp, path)
    path.with_name(path.name + ".sha256").write_text(f"{digest}  {path.name}\n")
    return count, digest


def _record(conn: Connection, month: str, path: Path, count: int, digest: str) -> dict[str, Any]:
    row = {
        "month": month,
        "archived_at": iso_utc(utc_now()),
        "file": str(path),
        "events": count,
        "sha256": digest,
    }
    conn.execute(archived_months.insert().values(**row))
    return row


def _months_before(conn: Connection, before: str) -> list[str]:
    if partitions.is_partitioned(conn):
        return sorted(m for m in partitions.existing(conn) if m < before)
    found = conn.execute(select(events.c.day).distinct().where(events.c.day < f"{before}-01"))
    return sorted({d[:7] for (d,) in found})


def _detached(conn: Connection) -> list[str]:
    if conn.dialect.name != "postgresql":
        return []
    names = conn.execute(
        text("SELECT relname FROM pg_class WHERE relname LIKE 'events_%_detached'")
    )
    out = []
    for (name,) in names:
        m = _DETACHED.match(name)
        if m:
            out.append(f"{m.group(1)}-{m.group(2)}")
    return sorted(out)


def _archive_pg(engine: Engine, month: str, directory: Path) -> dict[str, Any]:
    table = f"{partitions.partition_name(month)}_detached"
    if month not in _detached_months(engine):
        with engine.begin() as conn:
            name = partitions.partition_name(month)
            conn.execute(text(f"ALTER TABLE events DETACH PARTITION {name}"))
            conn.execute(text(f"ALTER TABLE {name} RENAME TO {table}"))
    with engine.connect() as conn:
        path = _target(conn, directory, month)
        cols = ", ".join(COLUMNS)
        query = text(f"SELECT {cols} FROM {table} ORDER BY hall, seq")
        count, digest = _write(path, conn.execution_options(stream_results=True).execute(query))
    with engine.begin() as conn:
        stored = conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
        if stored != count:
            raise RuntimeError(f"{table}: wrote {count} of {stored} events; nothing dropped")
        row = _record(conn, month, path, count, digest)
        conn.execute(text(f"DROP TABLE {table}"))
    return row


def _detached_months(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return _detached(conn)


def _archive_sqlite(engine: Engine, month: str, directory: Path) -> dict[str, Any]:
    start, end = f"{month}-01", f"{partitions.next_month(month)}-01"
    in_month = (events.c.day >= start) & (events.c.day < end)
    with engine.begin() as conn:
        conn.execute(delete(events).where(events.c.day == ""))  # take the write lock first
        path = _target(conn, directory, month)
        query = select(*(events.c[name] for name in COLUMNS)).where(in_month)
        count, digest = _write(path, conn.execute(query.order_by(events.c.hall, events.c.seq)))
        deleted = conn.execute(delete(events).where(in_month)).rowcount
        if deleted != count:
            raise RuntimeError(f"{month}: wrote {count} of {deleted} events; nothing deleted")
        return _record(conn, month, path, count, digest)


def archive_before(engine: Engine, before: str, directory: Path) -> list[dict[str, Any]]:
    """Archive every month of events before `before` (YYYY-MM); returns what was written."""
    check_month(before)
    directory.mkdir(parents=True, exist_ok=True)
    with engine.connect() as conn:
        months = sorted(set(_months_before(conn, before)) | set(_detached(conn)))
        pg = conn.dialect.name == "postgresql"
    done = []
    for month in months:
        refresh(engine, f"{month}-01", f"{month}-31")
        job = _archive_pg if pg else _archive_sqlite
        done.append(job(engine, month, directory))
    return done
