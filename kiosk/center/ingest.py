"""Storing a hall's batch: idempotent, one transaction, and the contiguous acknowledgement.

Events already stored are left out before the insert: every seq up to the acknowledged one, and
any seq or id of the hall found stored (one indexed read per batch). The keys alone would not
do on PostgreSQL, where the partitioned table's keys carry the day, so an event sent again under
another day (a log that forked after a restore) would land in another partition. The insert is
still `ON CONFLICT DO NOTHING` as the last guard, so a batch sent twice, or overlapping the last
one, changes nothing. Events after a gap are
stored, but `acked_seq` only moves over a contiguous run from 1: the hall resumes from there and
resends the gap. Batches of one hall are serialized by first updating its hall_acks row (a row
lock on PostgreSQL, the write lock on SQLite), so concurrent pushes cannot skip a seq.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine, case, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.dml import Insert

from kiosk.center import partitions
from kiosk.center import rollups as rollup_mod
from kiosk.center.halls import Hall
from kiosk.center.schema import events, hall_acks, halls
from kiosk.center.timeutil import iso_utc, utc_now
from kiosk.center.wire import event_row

_WALK_CHUNK = 20_000


_COLUMNS = tuple(c.name for c in events.columns)
_COPY = f"COPY events ({', '.join(_COLUMNS)}) FROM STDIN"


def _insert_ignoring_duplicates(conn: Connection) -> Insert:
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(events).on_conflict_do_nothing()


def _store(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Insert rows `_unstored` kept. On PostgreSQL by COPY (an executemany insert cost about
    110 us an event, most of a large hall's ingest); should a key clash all the same, the
    savepoint is rolled back and the rows go in with `ON CONFLICT DO NOTHING`."""
    if conn.dialect.name == "postgresql":
        clash = conn.dialect.loaded_dbapi.IntegrityError  # the driver's own: COPY bypasses ours
        try:
            with conn.begin_nested():
                raw: Any = conn.connection.dbapi_connection
                with raw.cursor() as cursor, cursor.copy(_COPY) as copy:
                    for row in rows:
                        copy.write_row(tuple(row[name] for name in _COLUMNS))
            return
        except (IntegrityError, clash):
            pass
    conn.execute(_insert_ignoring_duplicates(conn), rows)


def _unstored(
    conn: Connection, hall: str, acked: int, rows: list[dict[str, Any]], batch: list[Any]
) -> tuple[list[dict[str, Any]], list[Any]]:
    """The rows (and their events) of the batch not stored yet, each seq and id once."""
    fresh = [(r, ev) for r, ev in zip(rows, batch, strict=True) if r["seq"] > acked]
    if not fresh:
        return [], []
    seqs = [r["seq"] for r, _ev in fresh]
    ids = [r["id"] for r, _ev in fresh]
    c = events.c
    # ULIDs grow with time, so a batch's ids span a narrow range: two index range scans, where
    # an IN list of 2,000 ids cost more to render and plan than the insert itself
    in_range = (c.seq >= min(seqs)) & (c.seq <= max(seqs))
    in_ids = (c.id >= min(ids)) & (c.id <= max(ids))
    query = select(c.seq, c.id).where(c.hall == hall, in_range | in_ids)
    seen_seqs: set[int] = set()
    seen_ids: set[str] = set()
    for seq, eid in conn.execute(query):
        seen_seqs.add(int(seq))
        seen_ids.add(str(eid))
    kept_rows, kept_batch = [], []
    for row, ev in fresh:
        if row["seq"] in seen_seqs or row["id"] in seen_ids:
            continue
        seen_seqs.add(row["seq"])
        seen_ids.add(row["id"])
        kept_rows.append(row)
        kept_batch.append(ev)
    return kept_rows, kept_batch


def _advance(conn: Connection, hall: str, acked: int) -> int:
    """Walk stored seqs after `acked` while they are contiguous."""
    while True:
        query = (
            select(events.c.seq)
            .distinct()
            .where(events.c.hall == hall, events.c.seq > acked)
            .order_by(events.c.seq)
            .limit(_WALK_CHUNK)
        )
        seqs = list(conn.execute(query).scalars())
        for seq in seqs:
            if seq != acked + 1:
                return acked
            acked = seq
        if len(seqs) < _WALK_CHUNK:
            return acked


def acked_seq(conn: Connection, hall: str) -> int:
    query = select(hall_acks.c.acked_seq).where(hall_acks.c.hall == hall)
    return int(conn.execute(query).scalar_one_or_none() or 0)


def ingest_batch(
    engine: Engine,
    hall: Hall,
    batch: list[Any],
    reported_last_seq: int | None = None,
    catalog_version: str | None = None,
    rollups: bool = True,
    on_day_closed: Callable[[str], None] | None = None,
) -> int:
    """Check and store a batch for `hall`; returns the highest contiguous seq now stored.

    With `rollups` (always, but in the benchmark that measures their cost) the batch marks its
    hall-days dirty in the same transaction, and a `day.closed` in it has that day's rollups
    recomputed right after the commit."""
    now = iso_utc(utc_now())
    rows = [event_row(i, ev, hall.code, hall.timezone, now) for i, ev in enumerate(batch)]
    highest = max([r["seq"] for r in rows], default=0)
    reported = max(reported_last_seq or 0, highest)
    code = hall.code
    with engine.begin() as conn:
        lock = update(hall_acks).where(hall_acks.c.hall == code)
        conn.execute(lock.values(acked_seq=hall_acks.c.acked_seq))
        before = acked_seq(conn, code)
        # partitions first: creating one waits for every lock on `events`, so a batch must
        # not hold one (as the read of what is stored takes) while it waits to create one
        if rows:
            partitions.ensure_for_rows(conn, rows)
        rows, batch = _unstored(conn, code, before, rows, batch)
        if rows:
            _store(conn, rows)
            if rollups:
                rollup_mod.note_batch(conn, code, rows, batch)
        after = _advance(conn, code, before)
        if after != before:
            conn.execute(lock.values(acked_seq=after))
        last = halls.c.last_reported_seq
        changes: dict[str, Any] = {
            "last_contact": now,
            "last_reported_seq": case((last > reported, last), else_=reported),
        }
        if catalog_version:
            changes["catalog_version"] = catalog_version[:64]
        conn.execute(update(halls).where(halls.c.code == code).values(**changes))
    if rollups:
        for day in rollup_mod.closed_days_in_batch(rows):
            if on_day_closed is None:
                recompute_closed_day(engine, code, day)
            else:
                on_day_closed(day)
    return after


def recompute_closed_day(engine: Engine, hall: str, day: str) -> None:
    """The rollups of a day its hall has just closed (if still dirty), and the case counts of
    the hall's earlier days whose cases closed since (so a report rarely finds any to do)."""
    rollup_mod.refresh(engine, day, day, hall)
    rollup_mod.refresh_cases(engine, hall=hall)


def touch(engine: Engine, hall: str) -> None:
    """Record that the hall was in contact (an ack or catalog poll)."""
    with engine.begin() as conn:
        query = update(halls).where(halls.c.code == hall)
        conn.execute(query.values(last_contact=iso_utc(utc_now())))
