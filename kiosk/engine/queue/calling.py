"""Calling, recalling, no-shows, service start, finish and transfer at a window."""

from __future__ import annotations

import sqlite3
from typing import Any

from kiosk.clock import parse_iso
from kiosk.domain import Outcome, TicketStatus, WindowStatus
from kiosk.engine.base import Actor, HallBase, Tx, find_category, find_item
from kiosk.engine.queue.routing import next_for
from kiosk.engine.queue.tidal import serving_now
from kiosk.engine.queue.views import read_ticket
from kiosk.engine.queue.windows import window_for
from kiosk.errors import Conflict, Invalid, NotFound
from kiosk.events import EventType


class CallCommands(HallBase):
    def _active(self, tx: Tx, state: sqlite3.Row) -> sqlite3.Row:
        if state["ticket_id"] is None:
            raise Conflict("当前没有正在办理的号码", "no active ticket at this window")
        row = tx.one("SELECT * FROM tickets WHERE id = ?", state["ticket_id"])
        assert row is not None
        return row

    def _ready_to_call(self, tx: Tx, window_no: int, actor: Actor) -> sqlite3.Row:
        state = window_for(self, tx, window_no, actor)
        if state["status"] == WindowStatus.PAUSED:
            raise Conflict("窗口暂停服务中，请先恢复服务", "the window is paused; resume first")
        if state["ticket_id"] is not None:
            raise Conflict(
                "请先办结或处理当前号码", "finish the current ticket before calling another"
            )
        return state

    def _emit_call(self, tx: Tx, row: sqlite3.Row, window_no: int, actor: Actor) -> None:
        wait = (tx.now - parse_iso(row["issued_at"])).total_seconds()
        tx.emit(
            EventType.TICKET_CALLED,
            {
                "ticket_id": row["id"],
                "number": row["number"],
                "category": row["category"],
                "window_no": window_no,
                "clerk": actor.clerk,
                "wait_s": round(wait, 3) if row["first_called_at"] is None else row["wait_s"],
            },
            actor,
        )

    def call_next(self, window_no: int, actor: Actor) -> dict[str, Any] | None:
        """Green channel, then returning tickets, then the window's category rank, then issue
        time; a requeue still holding back comes only when nothing else waits."""
        with self.transaction() as tx:
            state = self._ready_to_call(tx, window_no, actor)
            day = self.today(tx.now).isoformat()
            row = next_for(tx.conn, day, window_no, serving_now(self.settings, state, tx.now))
            if row is None:
                return None
            self._emit_call(tx, row, window_no, actor)
            return read_ticket(self, tx.conn, row["id"])

    def call_number(self, window_no: int, number: str, actor: Actor) -> dict[str, Any]:
        with self.transaction() as tx:
            self._ready_to_call(tx, window_no, actor)
            row = tx.one(
                "SELECT * FROM tickets WHERE number = ? AND service_day = ?",
                number.strip().upper(),
                self.today(tx.now).isoformat(),
            )
            if row is None:
                raise NotFound(f"今天没有{number}号", f"no ticket {number} today")
            if row["status"] != TicketStatus.WAITING:
                raise Conflict(f"{number}号不在等候中", f"ticket {number} is not waiting")
            if row["target_window"] not in (None, window_no):
                raise Conflict(
                    f"{number}号已转至{row['target_window']}号窗口",
                    f"ticket {number} was transferred to window {row['target_window']}",
                )
            self._emit_call(tx, row, window_no, actor)
            return read_ticket(self, tx.conn, row["id"])

    def recall(self, window_no: int, actor: Actor) -> dict[str, Any]:
        with self.transaction() as tx:
            row = self._active(tx, window_for(self, tx, window_no, actor))
            if row["status"] != TicketStatus.CALLED:
                raise Conflict("已开始办理，无需重呼", "service has started; no recall")
            if row["recall_count"] >= self.config.max_recalls:
                raise Conflict(
                    f"已重呼{self.config.max_recalls}次，请标记过号",
                    f"recalled {self.config.max_recalls} times already: mark it a no-show",
                )
            tx.emit(
                EventType.TICKET_RECALLED,
                {
                    "ticket_id": row["id"],
                    "number": row["number"],
                    "window_no": window_no,
                    "recall_count": row["recall_count"] + 1,
                },
                actor,
            )
            return read_ticket(self, tx.conn, row["id"])

    def no_show(self, window_no: int, actor: Actor) -> dict[str, Any]:
        with self.transaction() as tx:
            row = self._active(tx, window_for(self, tx, window_no, actor))
            if row["status"] != TicketStatus.CALLED:
                raise Conflict("已开始办理，不能标记过号", "service has started; not a no-show")
            payload = {"ticket_id": row["id"], "number": row["number"], "window_no": window_no}
            tx.emit(EventType.TICKET_NO_SHOW, payload, actor)
            return read_ticket(self, tx.conn, row["id"])

    def start(self, window_no: int, actor: Actor) -> dict[str, Any]:
        with self.transaction() as tx:
            row = self._active(tx, window_for(self, tx, window_no, actor))
            if row["status"] != TicketStatus.CALLED:
                raise Conflict("已在办理中", "service has already started")
            payload = {"ticket_id": row["id"], "number": row["number"], "window_no": window_no}
            tx.emit(EventType.TICKET_STARTED, payload, actor)
            return read_ticket(self, tx.conn, row["id"])

    def finish(
        self,
        window_no: int,
        outcome: Outcome,
        actor: Actor,
        missing_materials: list[str] | None = None,
        note: str | None = None,
        reason: str | None = None,
    ) -> dict[str, Any]:
        """Ends a service; this is the moment the rating pad and phone page invite a rating."""
        if outcome == Outcome.CORRECTION and not missing_materials:
            raise Invalid("补正需列明缺少的材料", "a correction must list the missing materials")
        if outcome == Outcome.REJECTED and not (reason or "").strip():
            raise Invalid("不予受理需说明理由", "a rejection needs a reason")
        with self.transaction() as tx:
            row = self._active(tx, window_for(self, tx, window_no, actor))
            began = parse_iso(row["started_at"] or row["called_at"])
            tx.emit(
                EventType.TICKET_FINISHED,
                {
                    "ticket_id": row["id"],
                    "number": row["number"],
                    "category": row["category"],
                    "item": row["item"],
                    "window_no": window_no,
                    "clerk": actor.clerk,
                    "outcome": Outcome(outcome).value,
                    "missing_materials": list(missing_materials or []),
                    "note": note,
                    "reason": reason,
                    "wait_s": row["wait_s"],
                    "handle_s": round((tx.now - began).total_seconds(), 3),
                },
                actor,
            )
            return read_ticket(self, tx.conn, row["id"])

    def transfer(
        self,
        window_no: int,
        actor: Actor,
        to_category: str | None = None,
        to_window: int | None = None,
        note: str | None = None,
    ) -> dict[str, Any]:
        """Sends the citizen on without losing their place: the original issue time is kept."""
        if (to_category is None) == (to_window is None):
            raise Invalid("请选择转往的业务类别或窗口（二选一）", "give to_category or to_window")
        if to_category is not None and find_category(self.catalog, to_category) is None:
            raise Invalid(f"未知的业务类别：{to_category}", f"unknown category: {to_category}")
        if to_window is not None and to_window not in self.windows:
            raise Invalid(f"没有{to_window}号窗口", f"no window {to_window}")
        if to_window == window_no:
            raise Invalid("不能转给本窗口", "cannot transfer to the same window")
        with self.transaction() as tx:
            row = self._active(tx, window_for(self, tx, window_no, actor))
            category = to_category or row["category"]
            item = row["item"]
            if item is not None and (found := find_item(self.catalog, item)) is not None:
                item = item if found.category == category else None
            tx.emit(
                EventType.TICKET_TRANSFERRED,
                {
                    "ticket_id": row["id"],
                    "number": row["number"],
                    "from_window": window_no,
                    "from_category": row["category"],
                    "to_category": category,
                    "to_window": to_window,
                    "item": item,
                    "note": note,
                },
                actor,
            )
            return read_ticket(self, tx.conn, row["id"])
