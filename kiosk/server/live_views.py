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

STAFF_ROLES = frozenset({"clerk", "helpdesk", "supervisor", "admin"})
ENVELOPE = ("seq", "ts", "type")

FAQ_CONTENT = ("question_zh", "question_en", "answer_zh", "answer_en", "keywords", "items")
NOTICE_CONTENT = ("title_zh", "title_en", "body_zh", "body_en", "keywords")


@dataclass(frozen=True)
class View:
    """Event type -> the payload fields kept. `own_window`: only events whose payload names
    the viewer's window in one of these fields (a pad sees only its window's services)."""

    name: str
    fields: Mapping[str, tuple[str, ...]]
    own_window: tuple[str, ...] = ()


DISPLAY = View(
    "display",
    {
        "ticket.issued": ("number", "category", "service_day"),
        "ticket.called": ("number", "category", "window_no"),
        "ticket.recalled": ("number", "window_no", "recall_count"),
        "ticket.started": ("number", "window_no"),
        "ticket.finished": ("number", "window_no"),
        "ticket.no_show": ("number", "window_no"),
        "ticket.requeued": ("number",),
        "ticket.transferred": ("number", "from_window", "from_category", "to_category"),
        "ticket.cancelled": ("number",),
        "window.opened": ("window_no",),
        "window.paused": ("window_no", "reason"),
        "window.resumed": ("window_no",),
        "window.closed": ("window_no",),
        "day.closed": ("service_day",),
        "catalog.applied": ("version",),
        "notice.published": ("notice_id", *NOTICE_CONTENT),
        "notice.retired": ("notice_id",),
    },
)

PAD = View(
    "rating_pad",
    {
        "ticket.called": ("ticket_id", "number", "window_no"),
        "ticket.recalled": ("ticket_id", "number", "window_no"),
        "ticket.started": ("ticket_id", "number", "window_no"),
        "ticket.no_show": ("ticket_id", "number", "window_no"),
        "ticket.finished": ("ticket_id", "number", "window_no"),
        "ticket.transferred": ("ticket_id", "number", "from_window"),
        "window.opened": ("window_no",),
        "window.paused": ("window_no", "reason"),
        "window.resumed": ("window_no",),
        "window.closed": ("window_no",),
    },
    own_window=("window_no", "from_window"),
)

_QUEUE_MOVES = ("category", "window_no")
KIOSK = View(
    "kiosk",
    {
        "ticket.issued": ("category", "service_day"),
        "ticket.called": _QUEUE_MOVES,
        "ticket.recalled": ("window_no",),
        "ticket.started": ("window_no",),
        "ticket.finished": _QUEUE_MOVES,
        "ticket.no_show": ("window_no",),
        "ticket.requeued": (),
        "ticket.transferred": ("from_category", "to_category", "from_window"),
        "ticket.cancelled": (),
        "window.opened": ("window_no",),
        "window.paused": ("window_no",),
        "window.resumed": ("window_no",),
        "window.closed": ("window_no",),
        "day.closed": ("service_day",),
        "catalog.applied": ("version", "items_disabled"),
        "helpdesk.presence": ("on_duty", "staffed"),
        "faq.published": ("faq_id", "revision", *FAQ_CONTENT),
        "faq.retired": ("faq_id",),
        "notice.published": ("notice_id", "revision", *NOTICE_CONTENT),
        "notice.retired": ("notice_id",),
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
