"""The center's tables in SQLAlchemy Core: the one description both engines are built from.

Times are UTC wire-form text (see timeutil) so PostgreSQL and SQLite store and compare them the
same way. `events.day` is the hall's local service day, computed once at ingest, so the report's
day filter is a plain indexed range on both engines. Constraint names come from a naming
convention so a migrated PostgreSQL and a migrated SQLite database have identical schemas.

Change a table only together with a new migration in migrations.py (a column sized by
kiosk/limits.py too: widening a limit needs a migration that widens its column).
"""

from __future__ import annotations

from sqlalchemy import (
    DOUBLE_PRECISION,
    BigInteger,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from kiosk import limits

metadata = MetaData(
    naming_convention={
        "pk": "pk_%(table_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    }
)

TIME = String(32)
HALL_CODE = String(limits.HALL_CODE_MAX)

halls = Table(
    "halls",
    metadata,
    Column("code", HALL_CODE, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("level", String(16), nullable=False),
    Column("parent", HALL_CODE, ForeignKey("halls.code"), nullable=True),
    Column("timezone", String(64), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", TIME, nullable=False),
    Column("last_contact", TIME, nullable=True),
    Column("last_reported_seq", BigInteger, nullable=False),
    Column("catalog_version", String(64), nullable=True),
)

events = Table(
    "events",
    metadata,
    Column("hall", HALL_CODE, primary_key=True),
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("id", String(26), nullable=False),
    Column("ts", TIME, nullable=False),
    Column("day", String(10), nullable=False),
    # as wide as the limits every hall keeps (kiosk/limits.py), so no event a hall logged is
    # ever refused here
    Column("type", String(limits.EVENT_TYPE_MAX), nullable=False),
    Column("device", String(limits.DEVICE_NAME_MAX), nullable=True),
    Column("actor", String(limits.EMPLOYEE_NO_MAX), nullable=True),
    Column("payload", Text, nullable=False),
    Column("received_at", TIME, nullable=False),
    UniqueConstraint("hall", "id"),
    Index(None, "day", "type"),
)

hall_acks = Table(
    "hall_acks",
    metadata,
    Column("hall", HALL_CODE, ForeignKey("halls.code"), primary_key=True),
    Column("acked_seq", BigInteger, nullable=False),
)

catalog_versions = Table(
    "catalog_versions",
    metadata,
    Column("version", String(64), primary_key=True),
    Column("published_at", TIME, nullable=False, index=True),
    Column("body", Text, nullable=False),
)

admin_tokens = Table(
    "admin_tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("name", String(100), nullable=False),
    Column("created_at", TIME, nullable=False),
)

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("applied_at", TIME, nullable=False),
)

V1_TABLES = (halls, events, hall_acks, catalog_versions, admin_tokens)

# Daily rollups (kiosk/center/rollups.py): one row per hall-day and scope. scope `hall` has key
# "", scope `item` the item code ("" for tickets without one), scope `window` the window number.
# Times are integer milliseconds so sums are exact on both engines; the wait histogram is sparse
# JSON {second: count}; pauses JSON {reason: [count, ms]}; missing JSON {material: count}.
# wait_p50/wait_p90 are the row's own histogram's percentiles, kept so a report that reads one
# row per group (a hall's or an item's month) needs no histogram; they are exact (computed from
# the histogram, NULL without waits). The case counts are the bad-rating cases opened that day
# (rollup_cases), recounted when one of them closes (rollup_case_dirty).
CASE_COUNTS = ("cases", "cases_closed", "cases_on_time")
COUNTS = (
    "tickets", "no_show_tickets", "waits", "finished", "completed", "corrections", "handles",
    "handle_ms", "ratings", "satisfied", "bad_ratings", "extra_materials", "consultations",
    "unclaimed_alerts", "idle_alerts", "windows_opened", "pause_count", "pause_ms",
    *CASE_COUNTS,
)  # fmt: skip
rollups = Table(
    "rollups",
    metadata,
    Column("hall", HALL_CODE, primary_key=True),
    Column("day", String(10), primary_key=True),
    Column("scope", String(8), primary_key=True),
    Column("key", String(64), primary_key=True),
    *(Column(name, BigInteger, nullable=False, default=0) for name in COUNTS),
    Column("wait_hist", Text, nullable=False, default="{}"),
    Column("pauses", Text, nullable=False, default="{}"),
    Column("missing", Text, nullable=False, default="{}"),
    Column("wait_p50", DOUBLE_PRECISION, nullable=True),
    Column("wait_p90", DOUBLE_PRECISION, nullable=True),
    Index(None, "day", "scope"),
)

# Hall-days whose events changed since their rollups were computed (a late event, a day not yet
# closed); recomputed at the hall's day.closed and before any report that covers them.
rollup_dirty = Table(
    "rollup_dirty",
    metadata,
    Column("hall", HALL_CODE, primary_key=True),
    Column("day", String(10), primary_key=True),
)

# Hall-days with a case that closed since the day's case counts were taken: recounted from
# rollup_cases (no events read) before a report that covers them.
rollup_case_dirty = Table(
    "rollup_case_dirty",
    metadata,
    Column("hall", HALL_CODE, primary_key=True),
    Column("day", String(10), primary_key=True),
)

# Bad-rating cases, one row each: opened on `day` (local), closed on `closed_day` (the first
# `closed` update). Kept at ingest because a case closes days after it opened.
rollup_cases = Table(
    "rollup_cases",
    metadata,
    Column("hall", HALL_CODE, primary_key=True),
    Column("case_id", String(64), primary_key=True),
    Column("day", String(10), nullable=True),
    Column("deadline", String(10), nullable=True),
    Column("item", String(64), nullable=True),
    Column("closed_day", String(10), nullable=True),
    Index(None, "day"),
)

# The catalog a hall last applied on a day, and the items it had switched off (catalog.applied).
hall_catalogs = Table(
    "hall_catalogs",
    metadata,
    Column("hall", HALL_CODE, primary_key=True),
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("day", String(10), nullable=False),
    Column("version", String(64), nullable=False),
    Column("items_disabled", Text, nullable=False),
)

# Months of `events` moved out to archive files (`kiosk center archive`): their rollups are final.
archived_months = Table(
    "archived_months",
    metadata,
    Column("month", String(7), primary_key=True),
    Column("file", String(500), primary_key=True),
    Column("archived_at", TIME, nullable=False),
    Column("events", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False),
)

# (created by migration 3 as they are now; migration 6 adds to a version-3 shape what it lacks)
V3_TABLES = (rollups, rollup_dirty, rollup_case_dirty, rollup_cases, hall_catalogs, archived_months)

# People of the city and district offices who read reports: a token each, shown once. A row with
# a district hall code sees that district hall and its townships; a row without one sees the city.
office_users = Table(
    "office_users",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("name", String(100), nullable=False),
    Column("district", HALL_CODE, ForeignKey("halls.code"), nullable=True),
    Column("created_at", TIME, nullable=False),
)
