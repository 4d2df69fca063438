"""A clerk taking a window, pausing with a reason, resuming and leaving."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from typing import Any

from kiosk.clock import iso, parse_iso
from kiosk.domain import PauseReason, WindowStatus
from kiosk.engine.base import Actor, HallBase, Tx
from kiosk.errors import Conflict, Forbidden, Invalid, NotFound
from kiosk.events import Event, EventType
from kiosk.ids import ulid


def window_for(hall: HallBase, tx: Tx, window_no: int, actor: Actor) -> sqlite3.Row:
    """The window's state, after checking the actor is the clerk signed in at it."""
    if window_no not in hall.windows:
        raise NotFound(f"没有{window_no}号窗口", f"no window {window_no}")
    state = tx.one("SELECT * FROM window_state WHERE no = ?", window_no)
    assert state is not None
    if state["status"] == WindowStatus.CLOSED or state["clerk"] is None:
        raise Conflict(f"{window_no}号窗口未登录", f"window {window_no} is not open")
    if actor.clerk is not None and state["clerk"] != actor.clerk:
        raise Forbidden("您未在该窗口登录", "you are not signed in at this window")
    return state


def emit_resume(tx: Tx, state: sqlite3.Row, actor: Actor, **extra: Any) -> Event:
    """Ends the window's pause (before it resumes, closes, or the day closes)."""
    absence = tx.one("SELECT started_at FROM absences WHERE id = ?", state["absence_id"])
    assert absence is not None
    duration = (tx.now - parse_iso(absence["started_at"])).total_seconds()
    return tx.emit(
        EventType.WINDOW_RESUMED,
        {
            "window_no": state["no"],
            "clerk": state["clerk"],
            "absence_id": state["absence_id"],
            "duration_s": round(duration, 3),
            **extra,
        },
        actor,
    )


def expected_time(hall: HallBase, raw: str | None, now: datetime) -> str | None:
    """A time later today: "HH:MM" in the hall's zone, or an ISO time with its offset; as the
    log writes times (UTC). None stays None."""
    if raw is None or not raw.strip():
        return None
    text = raw.strip()
    try:
        if len(text) <= 5 and ":" in text:
            hh, mm = text.split(":")
            local = now.astimezone(hall.tz)
            moment = local.replace(hour=int(hh), minute=int(mm), second=0, microsecond=0)
        else:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=hall.tz)
    except ValueError:
        raise Invalid(
            f"时间格式应为HH:MM：{text}", f"a time must be HH:MM or ISO 8601: {text!r}"
        ) from None
    if moment <= now:
        raise Invalid("时间须晚于现在", "the time must be later than now")
    if moment - now > timedelta(days=1):
        raise Invalid("时间须在24小时之内", "the time must be within the next 24 hours")
    return iso(moment)


def emit_pause(
    hall: HallBase,
    tx: Tx,
    state: sqlite3.Row,
    reason: PauseReason,
    actor: Actor,
    note: str | None,
    expected_back: str | None,
    **extra: Any,
) -> dict[str, Any]:
    """Pauses an open window (its clerk's, or a supervisor's remote pause: `extra`)."""
    if reason == PauseReason.OTHER and not (note or "").strip():
        raise Invalid("选择“其他”时请填写说明", "reason 'other' needs a note")
    back = expected_time(hall, expected_back, tx.now)
    if state["status"] == WindowStatus.PAUSED:
        raise Conflict("窗口已在暂停中", "the window is already paused")
    if state["ticket_id"] is not None:
        raise Conflict("请先办结当前号码再暂停", "finish the current ticket first")
    absence_id = ulid()
    payload: dict[str, Any] = {
        "window_no": state["no"],
        "clerk": state["clerk"],
        "absence_id": absence_id,
        "reason": PauseReason(reason).value,
        "note": note,
    }
    if back is not None:
        payload["expected_back"] = back
    tx.emit(EventType.WINDOW_PAUSED, {**payload, **extra}, actor)
    return {"absence_id": absence_id, "expected_back": back}


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
                    EventType.WINDOW_CLOSED,
                    {"window_no": other["no"], "clerk": clerk, "reason": "moved"},
                    actor,
                )
            tx.emit(EventType.WINDOW_OPENED, {"window_no": window_no, "clerk": clerk}, actor)

    def close_window(self, window_no: int, actor: Actor, reason: str = "logout") -> None:
        with self.transaction() as tx:
            state = tx.one("SELECT * FROM window_state WHERE no = ?", window_no)
            if state is None or state["clerk"] is None:
                return
            if state["ticket_id"] is not None:
                raise Conflict("请先办结当前号码再退出", "finish the current ticket first")
            if state["absence_id"] is not None:
                emit_resume(tx, state, actor)
            tx.emit(
                EventType.WINDOW_CLOSED,
                {"window_no": window_no, "clerk": state["clerk"], "reason": reason},
                actor,
            )

    def pause(
        self,
        window_no: int,
        reason: PauseReason,
        actor: Actor,
        note: str | None = None,
        expected_back: str | None = None,
    ) -> dict[str, Any]:
        """`expected_back` ("HH:MM" today, or an ISO time): shown on the board and the window
        strip ("预计14:30恢复")."""
        with self.transaction() as tx:
            state = window_for(self, tx, window_no, actor)
            return emit_pause(self, tx, state, reason, actor, note, expected_back)

    def resume(self, window_no: int, actor: Actor) -> dict[str, Any]:
        with self.transaction() as tx:
            state = window_for(self, tx, window_no, actor)
            if state["status"] != WindowStatus.PAUSED:
                raise Conflict("窗口未暂停", "the window is not paused")
            ev = emit_resume(tx, state, actor)
            return {"absence_id": state["absence_id"], "duration_s": ev.payload["duration_s"]}
