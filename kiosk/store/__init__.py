"""The hall's SQLite store: one file per hall, WAL, durable commits, migrations, event log."""

from kiosk.store.db import open_database, transaction
from kiosk.store.migrations import MIGRATIONS, current_version, migrate

__all__ = ["MIGRATIONS", "current_version", "migrate", "open_database", "transaction"]
