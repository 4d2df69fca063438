"""A clerk taking a window, pausing with a reason, resuming and leaving."""

from __future__ import annotations

from typing import Any

from kiosk.domain import PauseReason, WindowStatus
from kiosk.engine.base import Actor, HallBase
from kiosk.errors import Conflict, Invalid, NotFound
from kiosk.ids import ulid


class WindowCommands(HallBase):
    def open_window(self, window_no: int, clerk: str, actor: Actor) -> None:
        """One clerk per window, one window per clerk: the login a session token stands for."""
        if window_no not in self.windows:
            raise NotFound(f"没有{window_no}号窗口", f"no window {window_no}")
        with self.transaction() as tx:
            state = tx.one("SELECT * FROM window_state WHERE no = ?", window_no)
            assert state is not None
            if state["clerk"] == clerk:
                return
            if state["clerk"] is not None:
                raise Conflict(
                    f"{window_no}号窗口已由工号{state['clerk']}登录",
                    f"window {window_no} is held by clerk {state['clerk']}",
                )
            other = tx.one("SELECT no FROM window_state WHERE clerk = ?", clerk)
            if other is not None:
                tx.emit(
                    "window.closed",
                    {"window_no": other["no"], "clerk": clerk, "reason": "moved"},
                    actor,
                )
            tx.emit("window.opened", {"window_no": window_no, "clerk": clerk}, actor)

    def close_window(self, window_no: int, actor: Actor, reason: str = "logout") -> None:
        with self.transaction() as tx:
            state = tx.one("SELECT * FROM window_state WHERE no = ?", window_no)
            if state is None or state["clerk"] is None:
                return
            if state["ticket_id"] is not None:
                raise Conflict("请先办结当前号码再退出", "finish the current ticket first")
            if state["absence_id"] is not None:
                self._emit_resume(tx, state, actor)
            tx.emit(
                "window.closed",
                {"window_no": window_no, "clerk": state["clerk"], "reason": reason},
                actor,
            )

    def pause(
        self, window_no: int, reason: PauseReason, actor: Actor, note: str | None = None
    ) -> dict[str, Any]:
        if reason == PauseReason.OTHER and not (note or "").strip():
            raise Invalid("选择“其他”时请填写说明", "reason 'other' needs a note")
        with self.transaction() as tx:
            state = self._window_for(tx, window_no, actor)
            if state["status"] == WindowStatus.PAUSED:
                raise Conflict("窗口已在暂停中", "the window is already paused")
            if state["ticket_id"] is not None:
                raise Conflict("请先办结当前号码再暂停", "finish the current ticket first")
            absence_id = ulid()
            tx.emit(
                "window.paused",
                {
                    "window_no": window_no,
                    "clerk": state["clerk"],
                    "absence_id": absence_id,
                    "reason": PauseReason(reason).value,
                    "note": note,
                },
                actor,
            )
            return {"absence_id": absence_id}

    def resume(self, window_no: int, actor: Actor) -> dict[str, Any]:
        with self.transaction() as tx:
            state = self._window_for(tx, window_no, actor)
            if state["status"] != WindowStatus.PAUSED:
                raise Conflict("窗口未暂停", "the window is not paused")
            ev = self._emit_resume(tx, state, actor)
            return {"absence_id": state["absence_id"], "duration_s": ev.payload["duration_s"]}
