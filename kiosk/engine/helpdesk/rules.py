"""Who may act on a consultation, and the refusals in the hall's two languages.

Kept apart from the commands so the rule of 首问负责 reads in one place: an action needs a
signed-in staff member, and a question someone else owns, or one already finished, is a 409
that names the owner (the console shows it; the API returns it with `owner`).
"""

from __future__ import annotations

import sqlite3

from kiosk.engine.base import Actor
from kiosk.engine.helpdesk.views import staff_names
from kiosk.errors import Conflict, Invalid


def clerk_of(actor: Actor) -> str:
    if not actor.clerk:
        raise Invalid("请先登录", "a signed-in staff member is required")
    return actor.clerk


def role_of(conn: sqlite3.Connection, clerk: str) -> str | None:
    row = conn.execute(
        "SELECT role FROM clerks WHERE employee_no = ? AND active = 1", (clerk,)
    ).fetchone()
    return None if row is None else str(row[0])


def taken(conn: sqlite3.Connection, row: sqlite3.Row) -> Conflict:
    name = staff_names(conn).get(row["owner"], row["owner"])
    return Conflict(
        f"该咨询已由{name}接待（首问负责）",
        f"consultation {row['number']} is owned by {row['owner']}",
        owner=row["owner"],
    )


def finished(row: sqlite3.Row) -> Conflict:
    return Conflict("该咨询已处理完毕", f"consultation {row['number']} is {row['status']}")
