"""What a citizen's phone may read about its own ticket: numbers and states, nothing personal.

Why a module of its own: the phone page is the one reader outside the hall's staff, reached over
the public network by whoever holds the ticket's secret link. Everything it can see is chosen
here, field by field, so a column added to the tickets or cases tables never leaks by accident:
no clerk name or employee number, no notes written by staff, the window only by its number.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from kiosk.engine.base import HallBase
from kiosk.engine.queue.views import read_ticket, ticket_from_token
from kiosk.engine.supervision.ratings import DEFAULT_AFTER

# The steps of a bad-rating case in the order a citizen sees them progress.
CASE_STEPS = ("open", "called_back", "verified", "rectified", "revisited", "closed")

# Ticket fields the phone page shows; everything else in the ticket view stays on the server.
PHONE_FIELDS = (
    "id",
    "number",
    "category",
    "category_name_zh",
    "category_name_en",
    "status",
    "service_day",
    "window_no",
    "target_window",
    "ahead",
    "estimated_wait_s",
    "estimated_wait_range_s",
    "estimate_reason",
    "recall_count",
    "outcome",
    "missing_materials",
    "missing_materials_en",
    "rating",
)


@dataclass(frozen=True)
class Link:
    """A genuine status link of an existing ticket, and whether its time is over."""

    ticket_id: str
    expires_at: datetime
    expired: bool


def link_expiry(hall: HallBase, service_day: str) -> datetime:
    """A link works through its ticket's service day and then the 7-day rating window (the
    citizen may rate until the default rating applies); after that it opens nothing."""
    next_day = date.fromisoformat(service_day) + timedelta(days=1)
    return datetime.combine(next_day, time(0), tzinfo=hall.tz) + DEFAULT_AFTER


def ticket_expired(hall: HallBase, service_day: str) -> bool:
    return hall.clock.now() >= link_expiry(hall, service_day)


def link_of_token(hall: HallBase, token: str) -> Link | None:
    """The link a token stands for, if the token is genuine and the ticket exists (a genuine
    token of a ticket lost in a restore must still give the not-found page)."""
    ticket_id = ticket_from_token(hall.settings, token)
    if ticket_id is None:
        return None
    row = (
        hall.reader()
        .execute("SELECT service_day FROM tickets WHERE id = ?", (ticket_id,))
        .fetchone()
    )
    if row is None:
        return None
    expires = link_expiry(hall, row["service_day"])
    return Link(ticket_id, expires, hall.clock.now() >= expires)


def ticket_of_token(hall: HallBase, token: str) -> str | None:
    """The ticket id of a genuine, unexpired link: what may act as the ticket's holder."""
    link = link_of_token(hall, token)
    return link.ticket_id if link is not None and not link.expired else None


def phone_view(hall: HallBase, ticket_id: str) -> dict[str, Any]:
    """The ticket as its holder's phone shows it."""
    view = read_ticket(hall, hall.reader(), ticket_id)
    return {k: view.get(k) for k in PHONE_FIELDS}


def ticket_case(hall: HallBase, ticket_id: str) -> dict[str, Any] | None:
    """The follow-up of a bad rating of this ticket: its state, deadline and the dates of each
    step, without the staff's notes or names (they may name the clerk or other citizens)."""
    row = (
        hall.reader()
        .execute(
            "SELECT level, deadline, status, opened_at, updated_at, history FROM cases"
            " WHERE ticket_id = ? ORDER BY opened_at DESC LIMIT 1",
            (ticket_id,),
        )
        .fetchone()
    )
    if row is None:
        return None
    history = [
        {"status": str(step.get("status")), "at": step.get("at")}
        for step in json.loads(row["history"] or "[]")
    ]
    return {
        "status": row["status"],
        "level": row["level"],
        "deadline": row["deadline"],
        "opened_at": row["opened_at"],
        "updated_at": row["updated_at"],
        "history": [{"status": "open", "at": row["opened_at"]}, *history],
        "steps": list(CASE_STEPS),
    }
