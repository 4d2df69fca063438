"""Engines from a URL: `postgresql://...` in production, `sqlite:///PATH` embedded.

Everything else in the center is engine-neutral SQLAlchemy Core; the differences live here:
psycopg 3 as the PostgreSQL driver, and for SQLite WAL mode (readers never block the ingest
writer), a busy timeout (concurrent batches wait instead of failing) and enforced foreign keys.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

from kiosk.center.db_url import DB_URL_ENV, DEFAULT_DB_URL, default_db_url, normalize_url
from kiosk.center.migrations import migrate
from kiosk.center.partitions import create_ahead

__all__ = [
    "DB_URL_ENV",
    "DEFAULT_DB_URL",
    "default_db_url",
    "make_engine",
    "normalize_url",
    "open_center_db",
]


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=15000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for the URL, without touching the schema."""
    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database in ("", ":memory:"):
            engine = create_engine(
                url, poolclass=StaticPool, connect_args={"check_same_thread": False}
            )
        else:
            Path(database).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 15})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(url, pool_pre_ping=True, pool_size=8, max_overflow=8)
    raise ValueError(f"unsupported database URL {url!r}: use postgresql:// or sqlite:///")


def open_center_db(url: str) -> Engine:
    """An engine with the schema migrated to the newest version and, on PostgreSQL, the
    partitions of the coming months made."""
    engine = make_engine(url)
    migrate(engine)
    create_ahead(engine)
    return engine
