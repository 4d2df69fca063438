"""Migrations: an empty database reaches the same schema on both engines; re-running is a no-op."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, inspect, select

from kiosk.center import schema
from kiosk.center.db import make_engine
from kiosk.center.migrations import MIGRATIONS, current_version, migrate
from tests.helpers.postgres import PostgresServer

PARTITION = re.compile(r"^events_\d{4}_\d{2}$")
SHARDED = (
    "events", "hall_acks", "rollups", "rollup_dirty", "rollup_case_dirty", "rollup_cases",
    "hall_catalogs",
)  # fmt: skip


# SQLite's REAL is an 8-byte IEEE float, as PostgreSQL's DOUBLE PRECISION
SAME_TYPE = {"REAL": "DOUBLE PRECISION"}


def without_partition_key(snap: dict[str, Any]) -> dict[str, Any]:
    """PostgreSQL's partitioned events carry `day` in its keys; the rest must be identical."""
    events = dict(snap["events"])
    events["pk"] = [c for c in events["pk"] if c != "day"]
    events["uniques"] = sorted(tuple(c for c in u if c != "day") for u in events["uniques"])
    return {**snap, "events": events}


def snapshot(engine: Engine) -> dict[str, Any]:
    """Tables, columns (type, nullability), keys, uniques and indexes, engine-neutral."""
    insp = inspect(engine)
    out: dict[str, Any] = {}
    for table in sorted(insp.get_table_names()):
        if PARTITION.match(table):
            continue
        uniques = {tuple(u["column_names"]) for u in insp.get_unique_constraints(table)}
        indexes = set()
        for ix in insp.get_indexes(table):
            if ix.get("duplicates_constraint"):
                continue
            if ix["unique"]:
                uniques.add(tuple(ix["column_names"]))
            else:
                indexes.add((ix["name"], tuple(ix["column_names"])))
        out[table] = {
            "columns": [
                (c["name"], SAME_TYPE.get(t, t), c["nullable"])
                for c in insp.get_columns(table)
                for t in (str(c["type"]).upper(),)
            ],
            "pk": insp.get_pk_constraint(table)["constrained_columns"],
            "fks": sorted(
                (tuple(f["constrained_columns"]), f["referred_table"], tuple(f["referred_columns"]))
                for f in insp.get_foreign_keys(table)
            ),
            "uniques": sorted(uniques),
            "indexes": sorted(indexes),
        }
    return out


def test_migrating_an_empty_db_then_rerunning_is_a_noop(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        assert migrate(engine) == [m.version for m in MIGRATIONS]
        first = snapshot(engine)
        assert migrate(engine) == []
        assert snapshot(engine) == first
        with engine.connect() as conn:
            versions = list(conn.execute(select(schema.schema_version.c.version)).scalars())
        assert versions == [m.version for m in MIGRATIONS]
        assert current_version(engine) == MIGRATIONS[-1].version
        assert set(first) == set(schema.metadata.tables)
        for name, table in schema.metadata.tables.items():
            assert [c[0] for c in first[name]["columns"]] == [c.name for c in table.columns]
        keys = without_partition_key(first)["events"]
        assert keys["pk"] == ["hall", "seq"] and ("hall", "id") in keys["uniques"]
        assert ("token_hash",) in first["halls"]["uniques"]
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_same_schema_on_postgresql_and_sqlite(pg_server: PostgresServer, tmp_path: Path) -> None:
    engines = [
        make_engine(f"sqlite:///{tmp_path / 'c.db'}"),
        make_engine(pg_server.create_database()),
    ]
    try:
        for engine in engines:
            migrate(engine)
        lite, pg = (snapshot(e) for e in engines)
        assert pg["events"]["pk"] == ["hall", "seq", "day"]
        assert lite == without_partition_key(pg)
    finally:
        for engine in engines:
            engine.dispose()


def test_the_hall_is_in_every_unique_key_of_a_hall_table(db_url: str) -> None:
    """Ready for sharding by hall (docs/scaling.md): every primary key, unique constraint and
    unique index of a table that holds one hall's rows starts from or contains `hall`."""
    engine = make_engine(db_url)
    try:
        migrate(engine)
        snap = snapshot(engine)
    finally:
        engine.dispose()
    assert set(SHARDED) <= set(snap)
    for table in SHARDED:
        keys = [tuple(snap[table]["pk"]), *snap[table]["uniques"]]
        assert keys and all("hall" in key for key in keys), (table, keys)
    # the others are small tables every shard gets a copy of (Citus reference tables)
    assert set(snap) - set(SHARDED) == {
        "halls", "catalog_versions", "admin_tokens", "office_users", "schema_version",
        "archived_months",
    }  # fmt: skip
