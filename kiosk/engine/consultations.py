"""Questions from the kiosk to the help desk (咨询). The phone number, when given, is kept only
in the contacts table for a call-back; the event log carries the masked form."""

from __future__ import annotations

import re
from typing import Any

from kiosk.clock import iso
from kiosk.engine.base import Actor, HallBase
from kiosk.errors import Invalid
from kiosk.ids import ulid

COUNTER = "ZX"  # two letters: can never collide with a category's one-letter prefix
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


class ConsultationCommands(HallBase):
    def create_consultation(
        self,
        topic: str,
        question: str | None = None,
        phone: str | None = None,
        source: str = "kiosk",
        actor: Actor = Actor(),
    ) -> dict[str, Any]:
        if not topic.strip():
            raise Invalid("请选择或填写咨询主题", "a topic is required")
        plain = normalise_phone(phone) if phone else None
        with self._tx() as tx:
            today = self.today(tx.now).isoformat()
            row = tx.one(
                "SELECT last FROM counters WHERE service_day = ? AND prefix = ?", today, COUNTER
            )
            seq_no = (row["last"] if row else 0) + 1
            cid = ulid()
            number = f"{COUNTER}{seq_no:03d}"
            tx.emit(
                "consultation.created",
                {
                    "consultation_id": cid,
                    "number": number,
                    "topic": topic.strip(),
                    "question": question,
                    "phone_masked": mask_phone(plain) if plain else None,
                    "source": source,
                    "service_day": today,
                    "counter": COUNTER,
                    "seq_no": seq_no,
                },
                actor,
            )
            if plain:
                tx.conn.execute(
                    "INSERT INTO contacts(consultation_id, phone, created_at) VALUES (?, ?, ?)",
                    (cid, plain, iso(tx.now)),
                )
            return {
                "id": cid,
                "number": number,
                "phone_masked": mask_phone(plain) if plain else None,
            }
