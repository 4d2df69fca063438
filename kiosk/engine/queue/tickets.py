"""Issuing tickets, appointment check-in and rejoining after a missed call."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from kiosk.clock import iso, parse_iso
from kiosk.domain import Priority, TicketSource, TicketStatus
from kiosk.engine.base import Actor, Tx, find_category, find_item
from kiosk.engine.issuing.commands import IssuingCommands
from kiosk.engine.issuing.realname import (
    booking_of,
    came_before,
    check_card,
    open_tickets,
    remember,
    visit_key,
)
from kiosk.engine.queue.day import day_closed
from kiosk.engine.queue.estimate import waiting_in
from kiosk.engine.queue.views import find_ticket, read_ticket
from kiosk.errors import Conflict, Invalid, NotFound
from kiosk.events import EventType
from kiosk.idcard import parse_id_number
from kiosk.ids import new_token, ulid
from kiosk.store.keys import request_key

CHECKIN_EARLY = timedelta(minutes=30)
CHECKIN_LATE = timedelta(minutes=15)


def format_number(prefix: str, n: int) -> str:
    """A012; past 999 the digits simply grow (A1000), so a number never repeats in a day."""
    return f"{prefix}{n:03d}"


def _same_request(
    row: Any, category: str | None, item: str | None, priority: str, appointment_code: str | None
) -> bool:
    """Whether a retried request asks for what the first one did. A transferred ticket has moved
    queue since, so only what cannot change is compared for it."""
    if (row["appointment_code"] or None) != (appointment_code or None):
        return False
    if row["priority"] != Priority(priority).value:
        return False
    if appointment_code or row["transfer_count"]:
        return True
    return bool(row["category"] == category and row["item"] == item)


def appointment_slot(text: str) -> datetime:
    """An appointment's start: ISO 8601 with a zone (the check-in compares it with the hall's
    clock, so a time without one cannot be placed), in this system's years."""
    try:
        slot = parse_iso(text)
        if slot.tzinfo is None:
            raise ValueError("no zone")
        slot = slot.astimezone(UTC)
    except (ValueError, OverflowError):
        raise Invalid(
            "预约时间格式应为带时区的ISO 8601时间，如 2026-11-27T10:00:00+08:00",
            "slot_start must be an ISO 8601 time with a zone, e.g. 2026-11-27T10:00:00+08:00",
        ) from None
    if not 2000 <= slot.year <= 2099:
        raise Invalid("预约时间不在有效范围内", "slot_start must lie in the years 2000-2099")
    return slot


class TicketCommands(IssuingCommands):
    def issue_ticket(
        self,
        category: str | None = None,
        item: str | None = None,
        priority: Priority = Priority.NORMAL,
        appointment_code: str | None = None,
        request_id: str | None = None,
        actor: Actor = Actor(),
        id_number: str | None = None,
    ) -> tuple[dict[str, Any], bool]:
        """Returns (ticket, created). The same request_id from the same issuer again returns the
        first ticket, so a kiosk that retries after a timeout never prints two numbers for one
        tap; the same request_id with another request is refused.

        With an ID number (a real-name ticket, kiosk/engine/issuing/realname.py): a person who
        already holds the day's allowance of open tickets in the category gets the newest one
        back (created False, `already_issued`), and a booking made with the same number checks
        in by itself. Opening hours and the quota are checked last (`admit`), so a refusal
        never hides a ticket the citizen already has."""
        with self.transaction() as tx:
            key = request_key(actor.device, actor.clerk, request_id)
            if key:
                row = tx.one("SELECT * FROM tickets WHERE request_id = ?", key)
                if row is not None:
                    if not _same_request(row, category, item, priority, appointment_code):
                        raise Invalid(
                            "该取号请求编号已用于另一项取号，请重新取号",
                            "this request_id was already used for a different ticket request",
                        )
                    return read_ticket(self, tx.conn, row["id"]), False
            today = self.today(tx.now)
            if day_closed(tx.conn, today.isoformat()):
                raise Conflict("今日已停止取号，请明天再来", "the hall has closed for today")
            card, person = None, None
            if id_number is not None:
                card = parse_id_number(id_number, today)
                person = card.person_key(self.person_secret)
                if appointment_code is None and self.config.issuing.realname.booking_checkin:
                    appointment_code = self._booking_today(tx, person, category)
            source = TicketSource.WALK_IN
            if appointment_code:
                category, item, source = self._check_in(tx, appointment_code)
            if category is None:
                raise Invalid("请选择业务类别", "a category is required")
            cat = find_category(self.catalog, category)
            if cat is None:
                raise Invalid(f"未知的业务类别：{category}", f"unknown category: {category}")
            if item is not None:
                it = find_item(self.catalog, item)
                if it is None or it.category != cat.code:
                    raise Invalid(
                        f"该类别下没有此事项：{item}", f"unknown item {item} for {category}"
                    )
                if item in self.disabled_items:
                    raise Conflict("本厅暂不办理该事项", "this hall does not handle the item")
            rules = self.config.issuing.realname
            check_card(rules, cat.code, id_number, today, by_booking=bool(appointment_code))
            repeat = False
            if card is not None and person is not None:
                held = open_tickets(tx.conn, person, today.isoformat(), cat.code)
                if len(held) >= rules.per_person_per_day:
                    existing = read_ticket(self, tx.conn, held[0]["id"])
                    return {
                        **existing,
                        "already_issued": True,
                        "realname_masked": card.masked,
                    }, False
                repeat = came_before(tx.conn, person, visit_key(cat.code, item), today.isoformat())
            half = self.admit(
                tx, cat.code, today.isoformat(), booked=source is TicketSource.APPOINTMENT
            )
            counter = tx.one(
                "SELECT last FROM counters WHERE service_day = ? AND prefix = ?",
                today.isoformat(),
                cat.prefix,
            )
            seq_no = (counter["last"] if counter else 0) + 1
            ticket_id = ulid()
            tx.emit(
                EventType.TICKET_ISSUED,
                {
                    "ticket_id": ticket_id,
                    "number": format_number(cat.prefix, seq_no),
                    "prefix": cat.prefix,
                    "seq_no": seq_no,
                    "service_day": today.isoformat(),
                    "category": cat.code,
                    "item": item,
                    "priority": Priority(priority).value,
                    "source": source.value,
                    "appointment_code": appointment_code,
                    "request_id": request_id,
                    "issued_at": iso(tx.now),
                    "half": half,
                    "realname": card is not None,
                    "repeat_visit": repeat,
                },
                actor,
            )
            view = read_ticket(self, tx.conn, ticket_id, fresh=True)
            if card is not None and person is not None:
                remember(tx.conn, ticket_id, card, person, today.isoformat(), cat.code, item)
                view["realname_masked"] = card.masked
                offer = card.age_on(today) >= rules.green_channel_age
                view["green_channel_offered"] = offer and priority != Priority.GREEN
            return view, True

    def _booking_today(self, tx: Tx, person: str, category: str | None) -> str | None:
        """The code of the person's booking that may check in now, if there is one."""
        row = booking_of(tx.conn, person, category)
        if row is None:
            return None
        slot = parse_iso(row["slot_start"])
        if self.today(slot) != self.today(tx.now) or tx.now < slot - CHECKIN_EARLY:
            return None
        return str(row["code"])

    def _check_in(self, tx: Tx, code: str) -> tuple[str, str | None, TicketSource]:
        appt = tx.one("SELECT * FROM appointments WHERE code = ?", code)
        if appt is None:
            raise NotFound("未找到该预约，请核对预约码", "no appointment with this code")
        if appt["status"] != "booked":
            raise Conflict("该预约已签到", "this appointment has already checked in")
        slot = parse_iso(appt["slot_start"])
        if tx.now < slot - CHECKIN_EARLY:
            local = (slot - CHECKIN_EARLY).astimezone(self.tz).strftime("%H:%M")
            raise Conflict(f"签到时间未到，请于{local}后签到", f"too early: check in from {local}")
        late = tx.now > slot + CHECKIN_LATE
        source = TicketSource.WALK_IN if late else TicketSource.APPOINTMENT
        return appt["category"], appt["item"], source

    def book_appointment(
        self,
        category: str,
        slot_start: str,
        item: str | None = None,
        actor: Actor = Actor(),
        id_number: str | None = None,
    ) -> dict[str, Any]:
        """A booking; made with an ID number, the same card at the kiosk checks it in."""
        if find_category(self.catalog, category) is None:
            raise Invalid(f"未知的业务类别：{category}", f"unknown category: {category}")
        slot = appointment_slot(slot_start)
        code = new_token(6).upper().replace("-", "X").replace("_", "Y")[:8]
        card = None if id_number is None else parse_id_number(id_number, self.today())
        with self.transaction() as tx:
            if card is not None:
                tx.conn.execute(
                    "INSERT INTO appointment_persons(code, person) VALUES (?, ?)",
                    (code, card.person_key(self.person_secret)),
                )
            tx.emit(
                EventType.APPOINTMENT_BOOKED,
                {
                    "code": code,
                    "category": category,
                    "item": item,
                    "slot_start": iso(slot),
                },
                actor,
            )
        return {"code": code, "category": category, "item": item, "slot_start": slot_start}

    def requeue(self, ref: str, actor: Actor = Actor()) -> dict[str, Any]:
        """A missed citizen rejoins the same day, after `requeue_after` waiting tickets."""
        with self.transaction() as tx:
            row = find_ticket(tx.conn, ref, self.today().isoformat())
            today = self.today(tx.now).isoformat()
            if row["status"] != TicketStatus.NO_SHOW or row["service_day"] != today:
                raise Conflict(
                    "只有当天过号的号码可以重新排队", "only a same-day no-show may rejoin"
                )
            waiting = waiting_in(tx.conn, today, [row["category"]])
            hold = min(self.config.requeue_after, waiting)
            tx.emit(
                EventType.TICKET_REQUEUED,
                {"ticket_id": row["id"], "number": row["number"], "hold_calls": hold},
                actor,
            )
            return read_ticket(self, tx.conn, row["id"])
