"""Bearer tokens for halls and center administrators, stored only as sha256 hashes.

A token is shown once, when it is made; the center keeps its hash, so a copy of the database
does not let anyone push events or read reports. Tokens are long random strings, so a plain
unsalted sha256 is enough (there is nothing to brute-force). The prefix tells a human which
kind of token they are holding: `kh-` for a hall, `ka-` for an administrator.
"""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import Connection, Engine, func, select

from kiosk.center.schema import admin_tokens, halls
from kiosk.center.timeutil import iso_utc, utc_now

HALL_PREFIX = "kh-"
ADMIN_PREFIX = "ka-"


def new_token(prefix: str) -> str:
    return prefix + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def hall_for_token(conn: Connection, token: str) -> str | None:
    """The code of the hall owning this token, or None."""
    row = conn.execute(select(halls.c.code).where(halls.c.token_hash == hash_token(token)))
    return row.scalar_one_or_none()


def is_admin_token(conn: Connection, token: str) -> bool:
    query = select(admin_tokens.c.token_hash).where(admin_tokens.c.token_hash == hash_token(token))
    return conn.execute(query).first() is not None


def create_admin_token(engine: Engine, name: str = "admin") -> str:
    token = new_token(ADMIN_PREFIX)
    with engine.begin() as conn:
        conn.execute(
            admin_tokens.insert().values(
                token_hash=hash_token(token), name=name, created_at=iso_utc(utc_now())
            )
        )
    return token


def ensure_admin_token(engine: Engine) -> str | None:
    """Make the first admin token if there is none; returns it, or None if one already exists."""
    with engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(admin_tokens)).scalar_one()
    return None if count else create_admin_token(engine)
