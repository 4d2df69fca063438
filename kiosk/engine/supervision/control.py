"""A supervisor's hand on the hall's windows: pause or resume one remotely (with a reason and an
expected return), sign a clerk out, and change which categories a window serves until a time or
until undone (潮汐窗口: "window 12 serves 社保 until 12:00").

Why events and not settings: the board, the window strip, the window client and the center all
follow the log, so a tidal window is seen everywhere the moment it is set, and call-next routes
by it in the same store (kiosk/engine/queue/tidal.py). The configured categories in the hall
config never change; the change lives on the window's row and ends by itself at its time.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from kiosk.domain import PauseReason, WindowStatus
from kiosk.engine.base import Actor, HallBase, Tx, find_category
from kiosk.engine.queue.tidal import serving_now, tidal_active
from kiosk.engine.queue.windows import emit_pause, emit_resume, expected_time
from kiosk.errors import Conflict, Invalid, NotFound
from kiosk.events import EventType


def window_row(hall: HallBase, tx: Tx, window_no: int) -> sqlite3.Row:
    if window_no not in hall.windows:
        raise NotFound(f"没有{window_no}号窗口", f"no window {window_no}")
    state = tx.one("SELECT * FROM window_state WHERE no = ?", window_no)
    assert state is not None
    return state


def staffed(state: sqlite3.Row) -> sqlite3.Row:
    if state["status"] == WindowStatus.CLOSED or state["clerk"] is None:
        no = state["no"]
        raise Conflict(f"{no}号窗口无人登录", f"window {no} has nobody signed in")
    return state


class WindowControl(HallBase):
    def remote_pause(
        self,
        window_no: int,
        reason: PauseReason,
        actor: Actor,
        note: str | None = None,
        expected_back: str | None = None,
    ) -> dict[str, Any]:
        """Pauses a window for its clerk (who left it, or is called away), with a reason."""
        with self.transaction() as tx:
            state = staffed(window_row(self, tx, window_no))
            extra = {"by_supervisor": True}
            return emit_pause(self, tx, state, reason, actor, note, expected_back, **extra)

    def remote_resume(self, window_no: int, actor: Actor) -> dict[str, Any]:
        with self.transaction() as tx:
            state = staffed(window_row(self, tx, window_no))
            if state["status"] != WindowStatus.PAUSED:
                raise Conflict("窗口未暂停", "the window is not paused")
            ev = emit_resume(tx, state, actor, by_supervisor=True)
            return {"absence_id": state["absence_id"], "duration_s": ev.payload["duration_s"]}

    def sign_out(self, window_no: int, actor: Actor, note: str | None = None) -> dict[str, Any]:
        """Signs the window's clerk out: the window closes and the clerk's session there ends
        (their window client is told at once, as for a revoked token)."""
        with self.transaction() as tx:
            state = staffed(window_row(self, tx, window_no))
            if state["ticket_id"] is not None:
                raise Conflict(
                    "该窗口正在办理业务，请办结后再签退",
                    "the window is serving a citizen; sign out after the service",
                )
            if state["absence_id"] is not None:
                emit_resume(tx, state, actor, by_supervisor=True)
            clerk = state["clerk"]
            tx.emit(
                EventType.WINDOW_CLOSED,
                {"window_no": window_no, "clerk": clerk, "reason": "signed_out", "note": note},
                actor,
            )
            tx.conn.execute(
                "UPDATE sessions SET ended_at = ? WHERE employee_no = ? AND window_no = ?"
                " AND ended_at IS NULL",
                (tx.emitted[-1].ts, clerk, window_no),
            )
            cache = getattr(self, "_token_cache", None)
            if cache is not None:
                cache.clear()
            return {"window_no": window_no, "clerk": clerk}

    def serve(
        self,
        window_no: int,
        categories: list[str],
        actor: Actor,
        until: str | None = None,
        note: str | None = None,
    ) -> dict[str, Any]:
        """潮汐窗口: the window calls from `categories` (in this order) from now on, until
        `until` ("HH:MM" today or an ISO time) or until undone."""
        codes = [c.strip() for c in categories]
        if not codes:
            raise Invalid("请至少选择一个业务类别", "give at least one category")
        if len(set(codes)) != len(codes):
            raise Invalid("业务类别重复", "a category is listed twice")
        unknown = [c for c in codes if find_category(self.catalog, c) is None]
        if unknown:
            raise Invalid(
                f"未知的业务类别：{'、'.join(unknown)}", f"unknown categories: {', '.join(unknown)}"
            )
        with self.transaction() as tx:
            window_row(self, tx, window_no)
            end = expected_time(self, until, tx.now)
            tx.emit(
                EventType.WINDOW_CATEGORIES_CHANGED,
                {
                    "window_no": window_no,
                    "categories": codes,
                    "until": end,
                    "by": actor.clerk,
                    "note": note,
                    "expired": False,
                },
                actor,
            )
            return self._tidal_window(tx, window_no)

    def unserve(self, window_no: int, actor: Actor) -> dict[str, Any]:
        """Undoes a change of categories: the window serves its configured ones again."""
        with self.transaction() as tx:
            state = window_row(self, tx, window_no)
            if not tidal_active(state, tx.now):
                raise Conflict(
                    f"{window_no}号窗口未调整业务类别",
                    f"window {window_no} serves its configured categories",
                )
            self._back_to_configured(tx, window_no, actor, expired=False)
            return self._tidal_window(tx, window_no)

    def expire_tidal(self) -> list[int]:
        """Ends the changes of categories whose time has come (a periodic duty)."""
        now = self.clock.now()
        ended: list[int] = []
        with self.transaction() as tx:
            for st in tx.all("SELECT * FROM window_state WHERE serves IS NOT NULL"):
                if not tidal_active(st, now):
                    self._back_to_configured(tx, st["no"], Actor(device="server"), expired=True)
                    ended.append(st["no"])
        return ended

    def _back_to_configured(self, tx: Tx, window_no: int, actor: Actor, expired: bool) -> None:
        tx.emit(
            EventType.WINDOW_CATEGORIES_CHANGED,
            {
                "window_no": window_no,
                "categories": None,
                "until": None,
                "by": actor.clerk,
                "note": None,
                "expired": expired,
            },
            actor,
        )

    def _tidal_window(self, tx: Tx, window_no: int) -> dict[str, Any]:
        state = window_row(self, tx, window_no)
        return {
            "no": window_no,
            "categories": list(serving_now(self.settings, state, tx.now)),
            "configured_categories": list(self.window_ranks[window_no]),
            "tidal": tidal_of(state, tx.now),
            "status": state["status"],
            "clerk": state["clerk"],
        }


def tidal_of(state: sqlite3.Row, now: Any) -> dict[str, Any] | None:
    """The window's change of categories in force, as the snapshot shows it."""
    if not tidal_active(state, now):
        return None
    return {
        "categories": json.loads(state["serves"]),
        "until": state["serves_until"],
        "by": state["serves_by"],
    }
