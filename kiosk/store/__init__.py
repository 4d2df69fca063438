"""The hall's SQLite store: one file per hall, WAL, durable commits, migrations, event log."""

from kiosk.store.db import database, transaction
from kiosk.store.migrations import current_version
from kiosk.store.schema import MIGRATIONS, migrate

__all__ = ["MIGRATIONS", "current_version", "database", "migrate", "transaction"]
