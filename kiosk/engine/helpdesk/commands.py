"""The help desk's commands: presence, and 首问负责 (first-inquiry ownership) of consultations.

The first staff member to claim a question owns it until it is resolved, converted to a ticket,
referred to a supervisor or handed over with a note; meanwhile nobody else may answer it (409).
Claims run under the engine's writer lock, so of two people pressing "claim" at once exactly one
wins. Every step is an event whose payload carries the resulting status and owner.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from kiosk.engine.base import Actor, HallBase, Tx
from kiosk.engine.helpdesk.consultations import emit_converted
from kiosk.engine.helpdesk.knowledge import draft_in
from kiosk.engine.helpdesk.rules import clerk_of, finished, role_of, taken
from kiosk.engine.helpdesk.tickets import target_category
from kiosk.engine.helpdesk.views import (
    consultation_row,
    consultation_view,
    day_bounds,
    on_duty,
    read_consultation,
)
from kiosk.errors import Conflict, Invalid
from kiosk.events import EventType

DESK_ROLES = ("helpdesk", "supervisor", "admin")
SUPERVISORS = ("supervisor", "admin")
PRESENCE = ("on_duty", "away")


class HelpdeskCommands(HallBase):
    # -- presence ------------------------------------------------------------------------
    def set_presence(self, status: str, actor: Actor) -> dict[str, Any]:
        """On duty / away; a repeated switch changes nothing and emits nothing."""
        if status not in PRESENCE:
            raise Invalid(f"未知的在岗状态：{status}", f"unknown presence: {status}")
        clerk = clerk_of(actor)
        with self.transaction() as tx:
            row = tx.one("SELECT status, since FROM helpdesk_presence WHERE clerk = ?", clerk)
            start, _ = day_bounds(self, self.today(tx.now))
            stale = row is not None and status == "on_duty" and row["since"] < start
            if row is None or row["status"] != status or stale:
                others = [c for c in on_duty(self, tx.conn, tx.now) if c != clerk]
                signed_in = tx.one(
                    "SELECT 1 FROM sessions WHERE employee_no = ? AND ended_at IS NULL", clerk
                )
                n = len(others) + (1 if status == "on_duty" and signed_in else 0)
                payload = {"clerk": clerk, "status": status, "on_duty": n, "staffed": n > 0}
                tx.emit(EventType.HELPDESK_PRESENCE, payload, actor)
            clerks = on_duty(self, tx.conn, tx.now)
            return {"status": status, "staffed": bool(clerks), "on_duty": len(clerks)}

    # -- consultation steps ----------------------------------------------------------------
    def claim(self, ref: str, actor: Actor) -> dict[str, Any]:
        clerk = clerk_of(actor)
        with self.transaction() as tx:
            row = consultation_row(self, tx.conn, ref)
            if row["status"] == "claimed" and row["owner"] == clerk:
                return self._view(tx, row["id"])  # a second press by the owner: nothing to do
            if row["status"] == "claimed":
                raise taken(tx.conn, row)
            if row["status"] == "referred":
                if role_of(tx.conn, clerk) not in SUPERVISORS and row["referred_to"] != clerk:
                    raise Conflict("该咨询已转交主管处理", "referred to a supervisor")
            elif row["status"] != "open":
                raise finished(row)
            return self._step(
                tx, row, EventType.CONSULTATION_CLAIMED, actor, status="claimed", owner=clerk
            )

    def hand_over(self, ref: str, actor: Actor, note: str, to: str | None = None) -> dict[str, Any]:
        """Gives the question to a named colleague, or back to the open list, with a note."""
        if not note.strip():
            raise Invalid("移交时请填写说明", "a handover needs a note")
        with self.transaction() as tx:
            row = self._owned(tx, ref, actor)
            if to is not None and (to == row["owner"] or role_of(tx.conn, to) not in DESK_ROLES):
                raise Invalid("请选择另一位咨询台人员", "hand over to another help-desk member")
            status = "claimed" if to else "open"
            released = EventType.CONSULTATION_RELEASED
            return self._step(tx, row, released, actor, status=status, owner=to, to=to, note=note)

    def answer(
        self, ref: str, actor: Actor, answer: str, items: list[str] | None = None
    ) -> dict[str, Any]:
        """Saves the answer and linked service items without closing the question."""
        with self.transaction() as tx:
            row = self._owned(tx, ref, actor)
            text, codes = self._answer_parts(answer, items)
            answered, owner = EventType.CONSULTATION_ANSWERED, row["owner"]
            return self._step(
                tx, row, answered, actor, status="claimed", owner=owner, answer=text, items=codes
            )

    def resolve(
        self, ref: str, actor: Actor, answer: str | None = None, items: list[str] | None = None
    ) -> dict[str, Any]:
        with self.transaction() as tx:
            row = self._owned(tx, ref, actor)
            text, codes = self._answer_parts(
                answer if answer is not None else row["answer"] or "",
                items if items is not None else consultation_view(row, {})["items"],
            )
            if not text:
                raise Invalid("请先填写答复内容", "write an answer before resolving")
            resolved, owner = EventType.CONSULTATION_RESOLVED, row["owner"]
            return self._step(
                tx, row, resolved, actor, status="resolved", owner=owner, answer=text, items=codes
            )

    def convert(
        self,
        ref: str,
        actor: Actor,
        category: str | None = None,
        item: str | None = None,
        note: str | None = None,
    ) -> dict[str, Any]:
        """Turns the question into a queue ticket (default: the 综合咨询 category)."""
        with self.transaction() as tx:
            row = self._owned(tx, ref, actor)
            cat = target_category(self, category)
            ticket = emit_converted(self, tx, dict(row), cat, item, note, actor)
            return {"consultation": self._view(tx, row["id"]), "ticket": ticket}

    def refer(self, ref: str, actor: Actor, note: str, to: str | None = None) -> dict[str, Any]:
        """Passes the question up to a supervisor (any, or a named one)."""
        if not note.strip():
            raise Invalid("转交主管时请填写说明", "a referral needs a note")
        with self.transaction() as tx:
            row = self._owned(tx, ref, actor)
            if to is not None and role_of(tx.conn, to) not in SUPERVISORS:
                raise Invalid("只能转交给大厅主管", "refer to a supervisor")
            referred = EventType.CONSULTATION_REFERRED
            return self._step(
                tx, row, referred, actor, status="referred", owner=None, to=to, note=note
            )

    def make_faq(self, ref: str, actor: Actor) -> dict[str, Any]:
        """ "Make this an FAQ": the question and its answer become a draft FAQ."""
        with self.transaction() as tx:
            row = consultation_row(self, tx.conn, ref)
            if row["faq_id"]:
                raise Conflict("该咨询已生成常见问题", "this consultation already has an FAQ")
            if not row["answer"]:
                raise Conflict("该咨询还没有答复", "this consultation has no answer yet")
            body = {
                "question_zh": (row["question"] or row["topic"]).strip(),
                "question_en": "",
                "answer_zh": row["answer"],
                "answer_en": "",
                "keywords": [row["topic"]],
                "items": consultation_view(row, {})["items"],
            }
            return draft_in(tx, "faq", body, actor, consultation_id=row["id"])

    # -- helpers -------------------------------------------------------------------------
    def _step(self, tx: Tx, row: sqlite3.Row, step: EventType, actor: Actor, **extra: Any) -> Any:
        payload = {"consultation_id": row["id"], "number": row["number"], "by": actor.clerk}
        tx.emit(step, {**payload, **extra}, actor)
        return self._view(tx, row["id"])

    def _view(self, tx: Tx, cid: str) -> dict[str, Any]:
        return read_consultation(self, tx.conn, cid)

    def _owned(self, tx: Tx, ref: str, actor: Actor) -> sqlite3.Row:
        """The consultation, if `actor` owns it now; otherwise why not (409)."""
        clerk = clerk_of(actor)
        row = consultation_row(self, tx.conn, ref)
        if row["status"] in ("resolved", "converted"):
            raise finished(row)
        if row["status"] != "claimed":
            raise Conflict("请先接待该咨询", "claim the consultation first")
        if row["owner"] != clerk:
            raise taken(tx.conn, row)
        return row

    def _answer_parts(self, answer: str, items: list[str] | None) -> tuple[str, list[str]]:
        codes = list(dict.fromkeys(items or []))
        known = {i.code for i in self.catalog.items}
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise Invalid(f"未知的事项：{', '.join(unknown)}", f"unknown items: {unknown}")
        return answer.strip(), codes
