"""Schema migrations: a list of versioned functions applied in order, recorded in schema_version.

Each migration runs in its own transaction together with its schema_version row, so a crash
leaves the database at a known version (both PostgreSQL and SQLite have transactional DDL).
On PostgreSQL an advisory lock keeps two center processes from migrating at the same time.
Released migrations never change; a schema change is a new entry at the end of MIGRATIONS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, inspect, select, text

from kiosk.center import partitions, rollups, schema
from kiosk.center.timeutil import iso_utc, utc_now

_LOCK_KEY = 7_370_200  # arbitrary, constant: the advisory lock id for center migrations


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


def _v1_initial(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=list(schema.V1_TABLES))


def _v2_wide_actor(conn: Connection) -> None:
    """events.actor was 32 characters while halls let clerks sign in with employee numbers of
    up to 64: one such clerk stopped the hall's sync for good. SQLite does not enforce
    VARCHAR lengths, and widening a VARCHAR is a catalog-only change on PostgreSQL."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("ALTER TABLE events ALTER COLUMN actor TYPE VARCHAR(64)"))


def _v3_rollups(conn: Connection) -> None:
    """Daily rollups, and the hall in every unique key of `events`: `UNIQUE (id)` becomes
    `UNIQUE (hall, id)` so the table can be sharded by hall (docs/scaling.md). ULIDs are unique
    across halls by construction; a duplicate id within a hall is still refused. SQLite cannot
    drop a constraint, so there the table is copied into the new shape. The rollups of the
    events already stored are computed by marking every stored hall-day dirty."""
    uniques = inspect(conn).get_unique_constraints("events")
    if any(u["column_names"] == ["id"] for u in uniques):
        if conn.dialect.name == "postgresql":
            name = next(u["name"] for u in uniques if u["column_names"] == ["id"])
            conn.execute(text(f'ALTER TABLE events DROP CONSTRAINT "{name}"'))
            conn.execute(text("ALTER TABLE events ADD CONSTRAINT uq_events_hall UNIQUE (hall, id)"))
        else:
            for index in inspect(conn).get_indexes("events"):
                conn.execute(text(f'DROP INDEX "{index["name"]}"'))
            conn.execute(text("ALTER TABLE events RENAME TO events_v2"))
            schema.events.create(conn)
            columns = ", ".join(c.name for c in schema.events.columns)
            conn.execute(text(f"INSERT INTO events ({columns}) SELECT {columns} FROM events_v2"))
            conn.execute(text("DROP TABLE events_v2"))
    schema.metadata.create_all(conn, tables=list(schema.V3_TABLES))
    conn.execute(text("INSERT INTO rollup_dirty (hall, day) SELECT DISTINCT hall, day FROM events"))


def _v4_partitions(conn: Connection) -> None:
    """On PostgreSQL, `events` becomes partitioned by month (kiosk/center/partitions.py); the
    rows already stored are moved in the same transaction. SQLite keeps one table."""
    if conn.dialect.name == "postgresql":
        partitions.partition_events(conn)


def _v5_office_users(conn: Connection) -> None:
    """Tokens for the city and district offices that read the reports page."""
    schema.office_users.create(conn)


def _v6_stored_percentiles_and_cases(conn: Connection) -> None:
    """Each rollup row keeps its own wait p50/p90 and the bad-rating cases of its hall-day, so
    a month report reads one row per hall and no histogram nor case list (a province's month is
    millions of cases). The stored rows get both here: percentiles from their histograms, case
    counts from rollup_cases (then the halls' month rows are merged again and the totals of all
    halls dropped). Nothing is read from `events`, so archived months get them too. Databases
    created by this code have the columns and the table from migration 3 already; they are
    added only where missing."""
    have = {c["name"] for c in inspect(conn).get_columns("rollups")}
    for name in ("wait_p50", "wait_p90"):
        if name not in have:
            conn.execute(text(f"ALTER TABLE rollups ADD COLUMN {name} DOUBLE PRECISION"))
    for name in schema.CASE_COUNTS:
        if name not in have:
            conn.execute(text(f"ALTER TABLE rollups ADD COLUMN {name} BIGINT NOT NULL DEFAULT 0"))
    schema.rollup_case_dirty.create(conn, checkfirst=True)
    rollups.fill_stored_figures(conn)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "halls, events, acks, catalogs, admins", _v1_initial),
    Migration(2, "events.actor as wide as an employee number", _v2_wide_actor),
    Migration(3, "daily rollups; the hall in every unique key", _v3_rollups),
    Migration(4, "events partitioned by month (PostgreSQL)", _v4_partitions),
    Migration(5, "office users (city and district report readers)", _v5_office_users),
    Migration(6, "rollups keep wait p50/p90 and case counts", _v6_stored_percentiles_and_cases),
)


def applied_versions(conn: Connection) -> set[int]:
    return set(conn.execute(select(schema.schema_version.c.version)).scalars())


def _lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})


def migrate(engine: Engine, upto: int | None = None) -> list[int]:
    """Bring the database to the newest version (or to `upto`, for tests of a migration on a
    database with data in it); returns the versions applied (empty: no-op)."""
    with engine.begin() as conn:
        _lock(conn)
        schema.schema_version.create(conn, checkfirst=True)
    done: list[int] = []
    for migration in sorted(MIGRATIONS, key=lambda m: m.version):
        if upto is not None and migration.version > upto:
            break
        with engine.begin() as conn:
            _lock(conn)
            if migration.version in applied_versions(conn):
                continue
            migration.apply(conn)
            conn.execute(
                schema.schema_version.insert().values(
                    version=migration.version,
                    name=migration.name,
                    applied_at=iso_utc(utc_now()),
                )
            )
            done.append(migration.version)
    return done


def current_version(engine: Engine) -> int:
    with engine.connect() as conn:
        versions = applied_versions(conn)
    return max(versions, default=0)
