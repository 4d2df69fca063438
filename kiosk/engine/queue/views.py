"""Tickets as the API shows them: plain dicts, no personal data, and the status links that
open them."""

from __future__ import annotations

import contextlib
import hmac
import json
import sqlite3
from datetime import datetime
from typing import Any

from kiosk.catalog.model import Catalog
from kiosk.engine.base import HallBase
from kiosk.engine.queue.estimate import estimate
from kiosk.engine.settings import HallSettings
from kiosk.errors import NotFound
from kiosk.ids import sign

TICKET_FIELDS = (
    "id",
    "number",
    "category",
    "item",
    "priority",
    "source",
    "status",
    "service_day",
    "window_no",
    "issued_at",
    "called_at",
    "started_at",
    "finished_at",
    "outcome",
    "recall_count",
    "transfer_count",
    "transfer_note",
    "target_window",
    "wait_s",
    "handle_s",
    "realname",  # issued by ID card (the number itself is never in a view)
    "repeat_visit",  # the same person came for the same item on an earlier day
)


def status_token(settings: HallSettings, ticket_id: str) -> str:
    """The secret in a ticket's status link: its id plus an HMAC, so the number alone reveals
    nothing and nothing needs storing."""
    return f"{ticket_id}.{sign(settings.secret, 'ticket:' + ticket_id)}"


def status_url(settings: HallSettings, ticket_id: str) -> str:
    """The ticket's status link (the QR code on the slip): a secret, derived, never stored;
    absolute under the hall's public URL when one is configured (a phone cannot open the
    kiosk's own address), else relative to whichever server the caller asked."""
    return f"{settings.config.public_url or ''}/t/{status_token(settings, ticket_id)}"


def ticket_from_token(settings: HallSettings, token: str) -> str | None:
    ticket_id, _, mac = token.partition(".")
    valid = bool(mac) and hmac.compare_digest(status_token(settings, ticket_id), token)
    return ticket_id if valid else None


def english_materials(catalog: Catalog, item_code: str | None, names: list[str]) -> list[str]:
    """The materials a clerk marked missing (recorded by their Chinese catalog names), named in
    English from the ticket's item in the catalog; a name the catalog does not know (typed by
    hand, or the item changed since) stays as recorded."""
    english: dict[str, str] = {}
    if item_code:
        with contextlib.suppress(KeyError):  # an item no longer in the catalog
            english = {m.name_zh: m.name_en for m in catalog.item(item_code).materials}
    return [english.get(name) or name for name in names]


def ticket_view(
    settings: HallSettings,
    conn: sqlite3.Connection,
    row: sqlite3.Row,
    now: datetime,
    fresh: bool = False,
) -> dict[str, Any]:
    """The ticket as the API shows it at `now`; `fresh`: it has just joined the back of its
    queue. `estimated_wait_s` is None, with `estimate_reason`, when nobody can call it."""
    view: dict[str, Any] = {k: row[k] for k in TICKET_FIELDS}
    view["realname"], view["repeat_visit"] = bool(row["realname"]), bool(row["repeat_visit"])
    view["missing_materials"] = json.loads(row["missing_materials"] or "[]")
    view["missing_materials_en"] = english_materials(
        settings.catalog, row["item"], view["missing_materials"]
    )
    est = estimate(settings, conn, row, now, last_in_tier=fresh)
    view["ahead"], view["estimated_wait_s"] = est.ahead, est.wait_s
    view["estimated_wait_range_s"] = None if est.low_s is None else [est.low_s, est.high_s]
    view["estimate_reason"] = est.reason
    view["status_url"] = status_url(settings, row["id"])
    cat = settings.catalog.category(row["category"])
    view["category_name_zh"], view["category_name_en"] = cat.name_zh, cat.name_en
    rated = None
    if row["status"] == "done":  # only a finished service can have been rated
        rated = conn.execute(
            "SELECT level FROM ratings WHERE ticket_id = ?", (row["id"],)
        ).fetchone()
    view["rating"] = None if rated is None else rated[0]
    return view


def find_ticket(conn: sqlite3.Connection, ref: str, today: str) -> sqlite3.Row:
    """A ticket by id, or by `today`'s number (what a citizen can type at the kiosk)."""
    row = conn.execute("SELECT * FROM tickets WHERE id = ?", (ref,)).fetchone()
    if row is None:
        row = conn.execute(
            "SELECT * FROM tickets WHERE number = ? AND service_day = ?",
            (ref.strip().upper(), today),
        ).fetchone()
    if row is None:
        raise NotFound("未找到该号码", f"no ticket {ref}")
    return row


def read_ticket(
    hall: HallBase, conn: sqlite3.Connection, ref: str, fresh: bool = False
) -> dict[str, Any]:
    """The view of ticket `ref` as `conn` sees it now (inside a command: with its own events)."""
    row = find_ticket(conn, ref, hall.today().isoformat())
    return ticket_view(hall.settings, conn, row, hall.clock.now(), fresh)


class TicketQueries(HallBase):
    def ticket(
        self, ref: str, conn: sqlite3.Connection | None = None, fresh: bool = False
    ) -> dict[str, Any]:
        return read_ticket(self, conn or self.reader(), ref, fresh)
