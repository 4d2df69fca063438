"""Questions to the help desk (咨询) from the kiosk, the citizen's phone page or a window clerk.

The phone number, when given, is kept only in the contacts table for a call-back; the event log
carries the masked form, and ID-card or mobile numbers typed into the topic or the question are
masked before they are logged (kiosk/privacy.py, applied to every event). While nobody is on
duty a question must not wait for nobody: it is converted at once, in the same transaction, into
a ticket of the catalog's help-desk category (综合咨询), and the caller gets that ticket to print
or show.
"""

from __future__ import annotations

import re
from typing import Any

from kiosk.catalog.model import Category
from kiosk.clock import iso
from kiosk.engine.base import Actor, HallBase, Tx
from kiosk.engine.helpdesk.tickets import issue_in
from kiosk.engine.helpdesk.views import on_duty
from kiosk.engine.queue.day import day_closed
from kiosk.engine.queue.views import read_ticket
from kiosk.errors import Conflict, Invalid
from kiosk.events import EventType
from kiosk.ids import ulid

COUNTER = "ZX"  # two letters: can never collide with a category's one-letter prefix
SOURCES = ("kiosk", "phone", "window", "desk")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")


def normalise_phone(phone: str) -> str:
    digits = re.sub(r"[\s()+]", "", phone)
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not (_MOBILE.match(digits) or _LANDLINE.match(digits)):
        raise Invalid("请输入正确的手机号或固定电话", "enter a valid mobile or landline number")
    return digits


def mask_phone(phone: str) -> str:
    """138****5678: enough for the citizen to recognise, useless to anyone reading a screen."""
    plain = phone.replace("-", "")
    return plain[:3] + "****" + plain[-4:]


def emit_converted(
    hall: HallBase,
    tx: Tx,
    row: dict[str, Any],
    cat: Category,
    item: str | None,
    note: str | None,
    actor: Actor,
    auto: bool = False,
) -> dict[str, Any]:
    """Issues the ticket and marks the consultation converted; returns the ticket view."""
    ticket_id, number = issue_in(hall, tx, cat, item, actor)
    tx.emit(
        EventType.CONSULTATION_CONVERTED,
        {
            "consultation_id": row["id"],
            "number": row["number"],
            "by": None if auto else actor.clerk,
            "status": "converted",
            "owner": None,
            "ticket_id": ticket_id,
            "ticket_number": number,
            "category": cat.code,
            "item": item,
            "note": note,
            "auto": auto,
        },
        actor,
    )
    return read_ticket(hall, tx.conn, ticket_id)


def _one_open_question(tx: Tx, ticket_id: str) -> None:
    """A status link holds one open question at a time: while its last one waits for the desk,
    or the ticket it became still waits to be served, a second is refused with the first's
    number (else one link could fill the queue with tickets)."""
    row = tx.one(
        "SELECT c.number, c.status, c.ticket_number FROM consultations c"
        " LEFT JOIN tickets t ON t.id = c.ticket_id WHERE c.from_ticket = ?"
        " AND (c.status IN ('open', 'claimed', 'referred')"
        " OR (c.status = 'converted' AND t.status IN ('waiting', 'called', 'serving')))"
        " ORDER BY c.created_at LIMIT 1",
        ticket_id,
    )
    if row is None:
        return
    number, ticket_number = row["number"], row["ticket_number"]
    if row["status"] == "converted":
        raise Conflict(
            f"您的咨询{number}已转为排队号{ticket_number}，请等候叫号",
            f"your question {number} became ticket {ticket_number}; please wait to be called",
            number=number,
            ticket_number=ticket_number,
        )
    raise Conflict(
        f"您的咨询{number}正在处理中，请等候答复",
        f"your question {number} is still open; please wait for the answer",
        number=number,
    )


class ConsultationCommands(HallBase):
    def create_consultation(
        self,
        topic: str,
        question: str | None = None,
        phone: str | None = None,
        source: str = "kiosk",
        actor: Actor = Actor(),
        from_ticket: str | None = None,
    ) -> dict[str, Any]:
        """Returns the consultation; `staffed` says whether someone will answer it, and when
        nobody is on duty `ticket` is the 综合咨询 ticket it became (None if the catalog has no
        help-desk category or the day is closed: then it waits for the desk). A question asked
        through a ticket's status link names that ticket (`from_ticket`): one open at a time."""
        if not topic.strip():
            raise Invalid("请选择或填写咨询主题", "a topic is required")
        if source not in SOURCES:
            raise Invalid(f"未知的咨询来源：{source}", f"unknown source: {source}")
        plain = normalise_phone(phone) if phone else None
        with self.transaction() as tx:
            if from_ticket is not None:
                _one_open_question(tx, from_ticket)
            today = self.today(tx.now).isoformat()
            row = tx.one(
                "SELECT last FROM counters WHERE service_day = ? AND prefix = ?", today, COUNTER
            )
            seq_no = (row["last"] if row else 0) + 1
            cid = ulid()
            number = f"{COUNTER}{seq_no:03d}"
            masked = mask_phone(plain) if plain else None
            created = tx.emit(
                EventType.CONSULTATION_CREATED,
                {
                    "consultation_id": cid,
                    "number": number,
                    "topic": topic.strip(),
                    "question": question,
                    "phone_masked": masked,
                    "source": source,
                    "service_day": today,
                    "counter": COUNTER,
                    "seq_no": seq_no,
                    **({"from_ticket": from_ticket} if from_ticket else {}),
                },
                actor,
            )
            if plain:
                tx.conn.execute(
                    "INSERT INTO contacts(consultation_id, phone, created_at) VALUES (?, ?, ?)",
                    (cid, plain, iso(tx.now)),
                )
            result: dict[str, Any] = {
                "id": cid,
                "number": number,
                "topic": created.payload["topic"],  # as logged: masked
                "phone_masked": masked,
                "status": "open",
                "staffed": bool(on_duty(self, tx.conn, tx.now)),
            }
            if not result["staffed"]:
                result["ticket"] = self._redirect(tx, result, actor)
                if result["ticket"] is not None:
                    result["status"] = "converted"
            return result

    def _redirect(self, tx: Tx, row: dict[str, Any], actor: Actor) -> dict[str, Any] | None:
        cat = self.catalog.helpdesk_category()
        if cat is None or day_closed(tx.conn, self.today(tx.now).isoformat()):
            return None
        return emit_converted(self, tx, row, cat, None, None, actor, auto=True)
