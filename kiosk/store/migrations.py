"""The schema as an ordered registry of migrations, each applied once and recorded.

A migration is a function of the connection; the registry is append-only so every hall, whatever
version it was installed at, reaches the same schema.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.store.db import transaction


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]


MIGRATIONS: list[Migration] = []


def migration(version: int, name: str) -> Callable[[Callable[[sqlite3.Connection], None]], None]:
    def register(fn: Callable[[sqlite3.Connection], None]) -> None:
        if MIGRATIONS and MIGRATIONS[-1].version >= version:
            raise ValueError(f"migration {version} registered out of order")
        MIGRATIONS.append(Migration(version, name, fn))

    return register


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Statement by statement: executescript() would COMMIT and break the migration's
    transaction, leaving a half-applied schema after a crash."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            conn.execute(pending)
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement: {pending[:80]}")


def current_version(conn: sqlite3.Connection) -> int:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS _migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    row = conn.execute("SELECT MAX(version) FROM _migrations").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply every pending migration, each in its own transaction; returns what was applied."""
    from kiosk.store import schema  # noqa: F401  (registers the migrations)

    applied = []
    have = current_version(conn)
    for m in MIGRATIONS:
        if m.version <= have:
            continue
        with transaction(conn):
            m.apply(conn)
            conn.execute(
                "INSERT INTO _migrations(version, name, applied_at)"
                " VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))",
                (m.version, m.name),
            )
        applied.append(m.version)
    return applied
