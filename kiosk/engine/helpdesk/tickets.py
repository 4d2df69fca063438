"""Issuing a queue ticket from inside a help-desk command's transaction.

Why not call `issue_ticket`: a conversion must change the consultation and issue the ticket in
one transaction (a crash between the two would leave a citizen with a question marked converted
and no number), and engine commands cannot nest. So this emits the same `ticket.issued` event,
numbered the same way, inside the caller's `Tx`.
"""

from __future__ import annotations

from kiosk.catalog.model import Category
from kiosk.clock import iso
from kiosk.domain import Priority, TicketSource
from kiosk.engine.base import Actor, HallBase, Tx, find_category, find_item
from kiosk.engine.issuing.opening import half_of
from kiosk.engine.queue.day import day_closed
from kiosk.engine.queue.tickets import format_number
from kiosk.errors import Conflict, Invalid
from kiosk.events import EventType
from kiosk.ids import ulid


def target_category(hall: HallBase, code: str | None) -> Category:
    """The category asked for, or the catalog's help-desk category (综合咨询)."""
    cat = find_category(hall.catalog, code) if code else hall.catalog.helpdesk_category()
    if cat is None:
        if code:
            raise Invalid(f"未知的业务类别：{code}", f"unknown category: {code}")
        raise Invalid("目录中没有综合咨询类别", "the catalog has no help-desk category")
    return cat


def issue_in(
    hall: HallBase, tx: Tx, cat: Category, item: str | None, actor: Actor
) -> tuple[str, str]:
    """Emits `ticket.issued` (source consultation) in `tx`; returns (ticket id, number)."""
    today = hall.today(tx.now).isoformat()
    if day_closed(tx.conn, today):
        raise Conflict("今日已停止取号，请明天再来", "the hall has closed for today")
    if item is not None:
        it = find_item(hall.catalog, item)
        if it is None or it.category != cat.code:
            raise Invalid(f"该类别下没有此事项：{item}", f"unknown item {item} for {cat.code}")
        if item in hall.disabled_items:
            raise Conflict("本厅暂不办理该事项", "this hall does not handle the item")
    row = tx.one(
        "SELECT last FROM counters WHERE service_day = ? AND prefix = ?", today, cat.prefix
    )
    seq_no = (row["last"] if row else 0) + 1
    ticket_id, number = ulid(), format_number(cat.prefix, seq_no)
    tx.emit(
        EventType.TICKET_ISSUED,
        {
            "ticket_id": ticket_id,
            "number": number,
            "prefix": cat.prefix,
            "seq_no": seq_no,
            "service_day": today,
            "category": cat.code,
            "item": item,
            "priority": Priority.NORMAL.value,
            "source": TicketSource.CONSULTATION.value,
            "appointment_code": None,
            "request_id": None,
            "issued_at": iso(tx.now),
            "half": half_of(hall.config.issuing.hours, tx.now, hall.tz),
        },
        actor,
    )
    return ticket_id, number
