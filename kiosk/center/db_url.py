"""Where the center's database is, without loading SQLAlchemy: the CLI names its default in
every command's help, and `kiosk --help` should not pay a second for a database driver."""

from __future__ import annotations

import os

DEFAULT_DB_URL = "sqlite:///data/center.db"
DB_URL_ENV = "KIOSK_CENTER_DB"


def default_db_url() -> str:
    return os.environ.get(DB_URL_ENV, DEFAULT_DB_URL)


def normalize_url(url: str) -> str:
    """Accept the plain `postgresql://` form and pin the psycopg 3 driver."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url
