"""What each kind of screen may see of the hall's live stream: the minimum it needs (PIPL).

The stream carries every event of the hall, and some of them hold what a wall screen must never
show: a citizen's question to the help desk (which may hold an ID or phone number), appointment
codes, ticket ids (an id opens the ticket's status) and staff numbers. Staff roles get the
stream whole. Every other screen gets a view, defined here as data: per event type, the payload
fields it keeps; an event type not listed is not sent at all. The envelope keeps only `seq`,
`ts` and `type`, so a client still resumes from the last `seq` it saw (filtered events leave
gaps, which is normal). A rating pad's view is also narrowed to its own window's events.

The views follow what the front ends read: the board and the window strip (ui/display/model.py:
numbers, queues, windows, notices), the kiosk (ui/ticket_kiosk/hall.py: it re-reads the queue
counts on ticket and window events, the catalog on catalog and knowledge events, the desk's
staffing on presence events, and indexes published FAQs and notices for its search), the rating
pad (ui/rating_pad/pad.py: its window's calls and the service that just finished there).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.events import EventType

STAFF_ROLES = frozenset({"clerk", "helpdesk", "supervisor", "admin"})
ENVELOPE = ("seq", "ts", "type")

FAQ_CONTENT = ("question_zh", "question_en", "answer_zh", "answer_en", "keywords", "items")
NOTICE_CONTENT = ("title_zh", "title_en", "body_zh", "body_en", "keywords")


@dataclass(frozen=True)
class View:
    """Event type -> the payload fields kept. `own_window`: only events whose payload names
    the viewer's window in one of these fields (a pad sees only its window's services)."""

    name: str
    fields: Mapping[str, tuple[str, ...]]  # EventType -> fields
    own_window: tuple[str, ...] = ()


DISPLAY = View(
    "display",
    {
        EventType.TICKET_ISSUED: ("number", "category", "service_day"),
        EventType.TICKET_CALLED: ("number", "category", "window_no"),
        EventType.TICKET_RECALLED: ("number", "window_no", "recall_count"),
        EventType.TICKET_STARTED: ("number", "window_no"),
        EventType.TICKET_FINISHED: ("number", "window_no"),
        EventType.TICKET_NO_SHOW: ("number", "window_no"),
        EventType.TICKET_REQUEUED: ("number",),
        EventType.TICKET_TRANSFERRED: ("number", "from_window", "from_category", "to_category"),
        EventType.TICKET_CANCELLED: ("number",),
        EventType.WINDOW_OPENED: ("window_no",),
        EventType.WINDOW_PAUSED: ("window_no", "reason", "expected_back"),
        EventType.WINDOW_RESUMED: ("window_no",),
        EventType.WINDOW_CLOSED: ("window_no",),
        EventType.WINDOW_CATEGORIES_CHANGED: ("window_no", "categories", "until"),
        EventType.DAY_CLOSED: ("service_day",),
        EventType.CATALOG_APPLIED: ("version",),
        EventType.NOTICE_PUBLISHED: ("notice_id", *NOTICE_CONTENT),
        EventType.NOTICE_RETIRED: ("notice_id",),
    },
)

PAD = View(
    "rating_pad",
    {
        EventType.TICKET_CALLED: ("ticket_id", "number", "window_no"),
        EventType.TICKET_RECALLED: ("ticket_id", "number", "window_no"),
        EventType.TICKET_STARTED: ("ticket_id", "number", "window_no"),
        EventType.TICKET_NO_SHOW: ("ticket_id", "number", "window_no"),
        EventType.TICKET_FINISHED: ("ticket_id", "number", "window_no"),
        EventType.TICKET_TRANSFERRED: ("ticket_id", "number", "from_window"),
        EventType.WINDOW_OPENED: ("window_no",),
        EventType.WINDOW_PAUSED: ("window_no", "reason"),
        EventType.WINDOW_RESUMED: ("window_no",),
        EventType.WINDOW_CLOSED: ("window_no",),
    },
    own_window=("window_no", "from_window"),
)

_QUEUE_MOVES = ("category", "window_no")
KIOSK = View(
    "kiosk",
    {
        EventType.TICKET_ISSUED: ("category", "service_day"),
        EventType.TICKET_CALLED: _QUEUE_MOVES,
        EventType.TICKET_RECALLED: ("window_no",),
        EventType.TICKET_STARTED: ("window_no",),
        EventType.TICKET_FINISHED: _QUEUE_MOVES,
        EventType.TICKET_NO_SHOW: ("window_no",),
        EventType.TICKET_REQUEUED: (),
        EventType.TICKET_TRANSFERRED: ("from_category", "to_category", "from_window"),
        EventType.TICKET_CANCELLED: (),
        EventType.WINDOW_OPENED: ("window_no",),
        EventType.WINDOW_PAUSED: ("window_no",),
        EventType.WINDOW_RESUMED: ("window_no",),
        EventType.WINDOW_CLOSED: ("window_no",),
        EventType.WINDOW_CATEGORIES_CHANGED: ("window_no", "categories"),
        EventType.DAY_CLOSED: ("service_day",),
        EventType.CATALOG_APPLIED: ("version", "items_disabled"),
        EventType.QUOTA_CHANGED: ("category", "service_day"),
        EventType.HELPDESK_PRESENCE: ("on_duty", "staffed"),
        EventType.FAQ_PUBLISHED: ("faq_id", "revision", *FAQ_CONTENT),
        EventType.FAQ_RETIRED: ("faq_id",),
        EventType.NOTICE_PUBLISHED: ("notice_id", "revision", *NOTICE_CONTENT),
        EventType.NOTICE_RETIRED: ("notice_id",),
    },
)

VIEWS: dict[str, View] = {"display": DISPLAY, "rating_pad": PAD, "kiosk": KIOSK}


def view_for(role: str) -> View | None:
    """The view of a role; None for staff (the whole stream). A role with neither gets an
    empty view: a new screen role sees nothing until it is given a view here."""
    if role in STAFF_ROLES:
        return None
    return VIEWS.get(role, View(role, {}))


def project(
    view: View | None, event: dict[str, Any], window_no: int | None
) -> dict[str, Any] | None:
    """The event as `view` shows it, or None when it is not for this viewer."""
    if view is None:
        return event
    keep = view.fields.get(event["type"])
    if keep is None:
        return None
    payload = event.get("payload") or {}
    if view.own_window and (
        window_no is None or all(payload.get(f) != window_no for f in view.own_window)
    ):
        return None
    out = {k: event[k] for k in ENVELOPE}
    out["payload"] = {k: payload[k] for k in keep if k in payload}
    return out
