"""The migrations registry: ordered, each applied once, recorded, and a no-op when re-run."""

from __future__ import annotations

import sqlite3

import pytest

from kiosk.store.db import connect
from kiosk.store.migrations import MIGRATIONS, current_version, migrate, migration
from kiosk.store.schema import PROJECTION_TABLES


def schema_of(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return sorted(
        (r[0], r[1] or "")
        for r in conn.execute("SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    )


def test_fresh_store_reaches_the_latest_version(tmp_path) -> None:
    conn = connect(tmp_path / "a.db")
    applied = migrate(conn)
    assert applied == [m.version for m in MIGRATIONS]
    assert current_version(conn) == MIGRATIONS[-1].version
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert set(PROJECTION_TABLES) <= tables and "events" in tables


def test_rerunning_is_a_no_op(tmp_path) -> None:
    conn = connect(tmp_path / "a.db")
    migrate(conn)
    before = schema_of(conn)
    assert migrate(conn) == []
    assert schema_of(conn) == before


def test_store_is_wal_and_fully_synchronous(tmp_path) -> None:
    conn = connect(tmp_path / "a.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_a_failing_migration_leaves_nothing_half_done(tmp_path, monkeypatch) -> None:
    conn = connect(tmp_path / "a.db")
    migrate(conn)
    version = MIGRATIONS[-1].version + 1

    registry = list(MIGRATIONS)
    monkeypatch.setattr("kiosk.store.migrations.MIGRATIONS", registry)

    def broken(c: sqlite3.Connection) -> None:
        c.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("power cut")

    migration(version, "broken")(broken)
    with pytest.raises(RuntimeError):
        migrate(conn)
    assert current_version(conn) == version - 1
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in names


def test_out_of_order_registration_is_refused(monkeypatch) -> None:
    monkeypatch.setattr("kiosk.store.migrations.MIGRATIONS", list(MIGRATIONS))
    with pytest.raises(ValueError):
        migration(1, "again")(lambda c: None)
