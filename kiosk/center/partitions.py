"""Monthly partitions of `events` on PostgreSQL (declarative range partitions on `day`).

The partitioned table's keys carry the partition key, as PostgreSQL requires: `(hall, seq, day)`
and `(hall, id, day)`. `day` is fixed by the event itself (its `service_day`, or its `ts` in the
hall's time zone), so a resent event lands in the same partition and `ON CONFLICT DO NOTHING`
still drops it. Partitions are created ahead (the current month and the next `AHEAD` when the
center starts) and, for an event of a month nobody made yet (a hall back after a long outage, a
clock far off), by the ingest that needs it, under an advisory lock. SQLite has no partitions:
every function here is a no-op there, and the rest of the code does not know the difference.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, text

from kiosk.center.timeutil import utc_now

AHEAD = 3
_LOCK_KEY = 7_370_201  # arbitrary, constant: creating partitions, one process at a time


def month_of(day: str) -> str:
    return day[:7]


def next_month(month: str) -> str:
    year, mon = int(month[:4]), int(month[5:7])
    return f"{year + mon // 12:04d}-{mon % 12 + 1:02d}"


def partition_name(month: str) -> str:
    return f"events_{month[:4]}_{month[5:7]}"


def is_partitioned(conn: Connection) -> bool:
    if conn.dialect.name != "postgresql":
        return False
    found = conn.execute(text("SELECT relkind FROM pg_class WHERE oid = to_regclass('events')"))
    return found.scalar_one_or_none() == "p"


def existing(conn: Connection) -> dict[str, str]:
    """Month -> partition name of every attached partition."""
    if not is_partitioned(conn):
        return {}
    query = text(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
        " WHERE i.inhparent = to_regclass('events')"
    )
    out = {}
    for (name,) in conn.execute(query):
        if name.startswith("events_") and len(name) == len("events_2026_11"):
            out[f"{name[7:11]}-{name[12:14]}"] = name
    return out


def create(conn: Connection, months: set[str]) -> list[str]:
    """Create the partitions of `months` that do not exist yet; returns the months created."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
    have = existing(conn)
    made = []
    for month in sorted(months - set(have)):
        date.fromisoformat(f"{month}-01")  # a real month, never text from outside as SQL
        conn.execute(
            text(
                f"CREATE TABLE {partition_name(month)} PARTITION OF events"
                f" FOR VALUES FROM ('{month}-01') TO ('{next_month(month)}-01')"
            )
        )
        made.append(month)
    return made


def ensure_for_rows(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Before an insert: the partitions the rows' days fall in (one catalog query per batch)."""
    if conn.dialect.name != "postgresql":
        return
    months = {month_of(r["day"]) for r in rows}
    if not months:
        return
    names = ", ".join(f"to_regclass('{partition_name(m)}')" for m in sorted(months))
    kind = conn.execute(
        text(f"SELECT (SELECT relkind FROM pg_class WHERE oid = to_regclass('events')), {names}")
    ).one()
    if kind[0] != "p" or all(found is not None for found in kind[1:]):
        return
    create(conn, months)


def ahead_months(today: date | None = None, ahead: int = AHEAD) -> set[str]:
    month = (today or utc_now().date()).isoformat()[:7]
    out = {month}
    for _ in range(ahead):
        month = next_month(month)
        out.add(month)
    return out


def create_ahead(engine: Engine, ahead: int = AHEAD) -> list[str]:
    """The current month's partition and the next `ahead` (the center does this at start)."""
    with engine.begin() as conn:
        if not is_partitioned(conn):
            return []
        return create(conn, ahead_months(ahead=ahead))


def partition_events(conn: Connection) -> None:
    """Move an unpartitioned `events` into a partitioned one (migration 4), in one transaction:
    the old table is renamed, the new one made with the same columns, a partition per month
    present plus the months ahead, every row copied, the counts compared, the old one dropped."""
    conn.execute(text("ALTER TABLE events RENAME TO events_unpartitioned"))
    conn.execute(
        text("ALTER TABLE events_unpartitioned RENAME CONSTRAINT pk_events TO pk_events_v3")
    )
    conn.execute(
        text("ALTER TABLE events_unpartitioned RENAME CONSTRAINT uq_events_hall TO uq_events_v3")
    )
    conn.execute(text("ALTER INDEX ix_events_day_type RENAME TO ix_events_v3_day_type"))
    conn.execute(
        text(
            "CREATE TABLE events (LIKE events_unpartitioned INCLUDING DEFAULTS)"
            " PARTITION BY RANGE (day)"
        )
    )
    conn.execute(text("ALTER TABLE events ADD CONSTRAINT pk_events PRIMARY KEY (hall, seq, day)"))
    conn.execute(text("ALTER TABLE events ADD CONSTRAINT uq_events_hall UNIQUE (hall, id, day)"))
    conn.execute(text("CREATE INDEX ix_events_day_type ON events (day, type)"))
    present = conn.execute(text("SELECT DISTINCT substr(day, 1, 7) FROM events_unpartitioned"))
    create(conn, set(present.scalars()) | ahead_months())
    conn.execute(text("INSERT INTO events SELECT * FROM events_unpartitioned"))
    before = conn.execute(text("SELECT count(*) FROM events_unpartitioned")).scalar_one()
    after = conn.execute(text("SELECT count(*) FROM events")).scalar_one()
    if before != after:
        raise RuntimeError(f"partitioning copied {after} of {before} events; nothing changed")
    conn.execute(text("DROP TABLE events_unpartitioned"))
