"""Migrations: an empty database reaches the same schema on both engines; re-running is a no-op."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, inspect, select

from kiosk.center import schema
from kiosk.center.db import make_engine
from kiosk.center.migrations import MIGRATIONS, current_version, migrate
from tests.helpers.postgres import PostgresServer


def snapshot(engine: Engine) -> dict[str, Any]:
    """Tables, columns (type, nullability), keys, uniques and indexes, engine-neutral."""
    insp = inspect(engine)
    out: dict[str, Any] = {}
    for table in sorted(insp.get_table_names()):
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
                (c["name"], str(c["type"]).upper(), c["nullable"]) for c in insp.get_columns(table)
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
        assert first["events"]["pk"] == ["hall", "seq"]
        assert ("id",) in first["events"]["uniques"]
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
        assert lite == pg
    finally:
        for engine in engines:
            engine.dispose()
