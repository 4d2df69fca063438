"""Real-name tickets in the store: who holds which ticket, by keyed hash only.

Kept in ticket_persons and appointment_persons, beside the log and never in it: an event says
only that a ticket is real-name and whether it is a second trip, so the live stream, the phone
page, the center and a rebuilt store know no more. Each question here is one indexed seek (the
person's rows of a day and category, or of one item before a day), so issuing a real-name
ticket costs the same at the first ticket of the day as at the thousandth.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from kiosk.catalog.issuing import RealNameRules
from kiosk.errors import Invalid
from kiosk.idcard import IdCard, parse_id_number

OPEN_STATUSES = ("waiting", "called", "serving")


def visit_key(category: str, item: str | None) -> str:
    """What a second trip is a trip for: the item, or the category when none was chosen."""
    return item if item else f"category:{category}"


def check_card(
    rules: RealNameRules, category: str, id_number: str | None, today: date, by_booking: bool
) -> IdCard | None:
    """The card given for a ticket in `category`, checked against the hall's rules."""
    mode = rules.mode(category)
    if id_number is None:
        if mode == "required" and not by_booking:
            raise Invalid(
                "该业务须刷身份证实名取号，也可手动输入身份证号码",
                f"category {category} issues real-name tickets only: give id_number",
            )
        return None
    if mode == "off":
        raise Invalid(
            "该业务无需实名取号，请直接取号",
            f"category {category} does not take real-name tickets",
        )
    return parse_id_number(id_number, today)


def open_tickets(
    conn: sqlite3.Connection, person: str, day: str, category: str
) -> list[sqlite3.Row]:
    """The person's tickets of the day and category that are still open, newest first (a
    handful: sorted here rather than by SQLite, which would sort through a temporary tree)."""
    rows = conn.execute(
        "SELECT t.id, t.issued_at FROM ticket_persons p JOIN tickets t ON t.id = p.ticket_id"
        " WHERE p.person = ? AND p.service_day = ? AND p.category = ?"
        f" AND t.status IN {OPEN_STATUSES}",
        (person, day, category),
    ).fetchall()
    return sorted(rows, key=lambda r: (r["issued_at"], r["id"]), reverse=True)


def came_before(conn: sqlite3.Connection, person: str, visit: str, day: str) -> bool:
    """Whether the person took a ticket for the same item on an earlier day (a second trip)."""
    row = conn.execute(
        "SELECT 1 FROM ticket_persons WHERE person = ? AND visit = ? AND service_day < ? LIMIT 1",
        (person, visit, day),
    ).fetchone()
    return row is not None


def remember(
    conn: sqlite3.Connection,
    ticket_id: str,
    card: IdCard,
    person: str,
    day: str,
    category: str,
    item: str | None,
) -> None:
    conn.execute(
        "INSERT INTO ticket_persons(ticket_id, person, masked, service_day, category, visit)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (ticket_id, person, card.masked, day, category, visit_key(category, item)),
    )


def booking_of(conn: sqlite3.Connection, person: str, category: str | None) -> sqlite3.Row | None:
    """The person's open booking (in `category`, when one was chosen), earliest slot first."""
    sql = (
        "SELECT a.* FROM appointment_persons p JOIN appointments a ON a.code = p.code"
        " WHERE p.person = ? AND a.status = 'booked'"
    )
    args: list[str] = [person]
    if category is not None:
        sql += " AND a.category = ?"
        args.append(category)
    rows = conn.execute(sql, args).fetchall()  # one person's open bookings: a handful
    return min(rows, key=lambda r: r["slot_start"]) if rows else None
