"""Applies one event to the projection tables.

This is the only code that writes projections, for live commands and for `kiosk store rebuild`
alike, which is why a rebuilt store equals the live one by construction. Each room keeps the
handlers of its own events in one table (queue/projection.py, supervision/projection.py,
helpdesk/projection.py); they are merged here, once. An event type that no room handles and
that is not listed below as read from the log itself is refused: a new type cannot be logged
without a decision about its projection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping

from kiosk.engine.helpdesk.projection import HANDLERS as HELPDESK
from kiosk.engine.issuing.projection import HANDLERS as ISSUING
from kiosk.engine.queue.projection import HANDLERS as QUEUE
from kiosk.engine.supervision.projection import HANDLERS as SUPERVISION
from kiosk.errors import Invalid
from kiosk.events import Event, EventType

Handler = Callable[[sqlite3.Connection, Event], None]

# Types with no table of their own: readers find them in the log (the day close is looked up
# by day, the catalog a hall applied is the catalog table's, written by the command itself).
# A call-back number's reveal and erasure are an audit trail only (the number is in neither).
NOT_PROJECTED = frozenset(
    {
        EventType.DAY_CLOSED,
        EventType.CATALOG_APPLIED,
        EventType.CONSULTATION_PHONE_REVEALED,
        EventType.CONSULTATION_PHONE_ERASED,
    }
)


def merge(*tables: Mapping[EventType, Handler]) -> dict[str, Handler]:
    """One table from the rooms' tables; a type projected twice is a mistake caught at import."""
    merged: dict[str, Handler] = {}
    for table in tables:
        for type_, handler in table.items():
            if type_ in merged:
                raise ValueError(f"{type_} is projected by two rooms")
            if type_ in NOT_PROJECTED:
                raise ValueError(f"{type_} is projected and listed as not projected")
            merged[type_] = handler
    return merged


HANDLERS = merge(QUEUE, SUPERVISION, HELPDESK, ISSUING)


class UnknownEventType(Invalid):
    code = "unknown_event_type"


def apply(conn: sqlite3.Connection, ev: Event) -> None:
    handler = HANDLERS.get(ev.type)
    if handler is not None:
        handler(conn, ev)
    elif ev.type not in NOT_PROJECTED:
        raise UnknownEventType(
            f"未知的事件类型：{ev.type}", f"no projection knows the event type {ev.type!r}"
        )
