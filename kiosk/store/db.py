"""Opening the store with the guarantees the product promises.

WAL lets displays and reports read while the engine writes; synchronous=FULL makes every commit
reach the disk before the kiosk may show or print the ticket it holds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

STORE_FILE = "hall.db"


def connect(path: Path | str, *, readonly: bool = False) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(
            f"file:{path}?mode=ro", uri=True, check_same_thread=False, isolation_level=None
        )
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 10000")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    return conn


def database(conn: sqlite3.Connection) -> Database:
    """sqlite-utils over one of our connections, changing nothing about it: by default
    sqlite-utils turns on recursive triggers (a REPLACE into tickets would then fire the delete
    triggers that keep the queue counts) and runs its plugins' connection hooks. Its writes join
    a transaction already open on the connection (as SAVEPOINTs) and never commit it, which the
    migrations rely on: that needs sqlite-utils 4, version 3 committed after each table change."""
    return Database(conn, recursive_triggers=False, execute_plugins=False)


def store_path(data_dir: Path | str) -> Path:
    return Path(data_dir) / STORE_FILE


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT: takes the write lock up front so two writers never deadlock."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:  # some errors (a full disk) end the transaction themselves
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
