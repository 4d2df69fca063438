"""How the issuing rules' events change their tables: a supervisor's quota for today. (Issued
counts are kept by the queue's own `ticket.issued` handler, which calls `count_issue`.)"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from kiosk.engine.issuing.quota import project_change
from kiosk.events import Event, EventType

Handler = Callable[[sqlite3.Connection, Event], None]


def _quota_changed(conn: sqlite3.Connection, ev: Event) -> None:
    project_change(conn, ev.payload, ev.actor, ev.ts)


HANDLERS: dict[EventType, Handler] = {EventType.QUOTA_CHANGED: _quota_changed}
