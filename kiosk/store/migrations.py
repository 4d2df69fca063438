"""Bringing a store up to date: an ordered list of migrations, each applied once and recorded.

The list itself is the schema's (kiosk.store.schema.MIGRATIONS); this module only runs one it is
given, so it knows nothing of the hall's tables. Each migration runs in its own BEGIN IMMEDIATE
transaction together with its row in `_migrations`: a crash or an error in the middle leaves the
store at the previous version, never half-migrated, and two processes opening a store at once
never both apply the same step.

sqlite-utils ships a migrations runner of its own; it records names in another table and begins
with a deferred BEGIN, so every hall installed so far (versions in `_migrations`) would need a
conversion step for nothing.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kiosk.store.db import transaction


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]


def check_order(migrations: Sequence[Migration]) -> None:
    """Versions strictly increase: the list is append-only, so every hall, whatever version it
    was installed at, reaches the same schema by the same steps."""
    for before, after in itertools.pairwise(migrations):
        if after.version <= before.version:
            raise ValueError(
                f"migration {after.version} ({after.name}) listed after {before.version}"
            )


def current_version(conn: sqlite3.Connection) -> int:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS _migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    row = conn.execute("SELECT MAX(version) FROM _migrations").fetchone()
    return int(row[0] or 0)


def upgrade(conn: sqlite3.Connection, migrations: Sequence[Migration]) -> list[int]:
    """Apply every pending migration of `migrations`, each in its own transaction; returns the
    versions applied."""
    check_order(migrations)
    applied = []
    have = current_version(conn)
    for m in migrations:
        if m.version <= have:
            continue
        with transaction(conn):
            m.apply(conn)
            if not conn.in_transaction:  # the step committed part of itself: say so loudly
                raise RuntimeError(f"migration {m.version} ({m.name}) ended its transaction")
            conn.execute(
                "INSERT INTO _migrations(version, name, applied_at)"
                " VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))",
                (m.version, m.name),
            )
        applied.append(m.version)
    return applied
