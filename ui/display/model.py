"""What a display board shows, kept Qt-free so every event rule is a plain unit test.

The board starts from GET /api/v1/queue and then changes only by live events, so this model
replays the engine's own transitions: a call takes a ticket out of its queue and onto a window,
a transfer or requeue puts it back, a finish or no-show frees the window. Waiting counts move
by those events; the model remembers each ticket's queue it has seen by its number (the stream
gives a display numbers, never ticket ids; a number is unique within the service day) and falls
back to the number's prefix, and `day.closed` empties every queue, which also covers tickets it
never saw.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from kiosk.events import EventType

RECENT = 8


@dataclass
class WindowState:
    no: int
    name_zh: str = ""
    name_en: str = ""
    status: str = "closed"  # open / paused / closed
    ticket: str | None = None
    serving: bool | None = False  # False: called, citizen on the way; True: started; None: ?
    pause_reason: str | None = None

    @property
    def in_service(self) -> bool:
        """Only an open window serves: a paused one reads 暂停服务 on the board, a closed one
        (nobody signed in) 暂无人员."""
        return self.status == "open"


@dataclass
class Queue:
    code: str
    prefix: str
    name_zh: str
    name_en: str
    waiting: int = 0


@dataclass(frozen=True)
class Call:
    """One call or recall, as the board lists and announces it."""

    seq: int
    number: str
    window_no: int
    recall: bool = False


@dataclass
class BoardModel:
    hall_zh: str = ""
    hall_en: str = ""
    timezone: str | None = None
    service_day: str = ""
    windows: dict[int, WindowState] = field(default_factory=dict)
    queues: dict[str, Queue] = field(default_factory=dict)
    recent: list[Call] = field(default_factory=list)  # newest first, one entry per number
    latest: Call | None = None
    notices: list[dict[str, str]] = field(default_factory=list)
    last_seq: int = 0
    _tickets: dict[str, tuple[str, bool]] = field(
        default_factory=dict
    )  # number -> (queue, waiting)

    def load_snapshot(self, snap: dict[str, Any]) -> None:
        hall = snap.get("hall") or {}
        self.hall_zh, self.hall_en = hall.get("name_zh", ""), hall.get("name_en", "")
        self.timezone = hall.get("timezone") or None
        self.service_day = str(snap.get("service_day", ""))
        self.queues = {
            c["code"]: Queue(c["code"], c["prefix"], c["name_zh"], c["name_en"], int(c["waiting"]))
            for c in snap.get("categories", [])
        }
        self.windows = {}
        for w in snap.get("windows", []):  # whether a ticket is called or started is not known
            state = WindowState(w["no"], w["name_zh"], w["name_en"], w["status"], w["ticket"])
            state.serving, state.pause_reason = None, w["pause_reason"]
            self.windows[w["no"]] = state
        self.recent = []
        for c in snap.get("recent_calls", []):  # newest first
            if all(r.number != c["number"] for r in self.recent):
                self.recent.append(Call(c["seq"], c["number"], c["window_no"], bool(c["recall"])))
        self.recent = self.recent[:RECENT]
        self.latest = self.recent[0] if self.recent else None
        self._tickets.clear()
        self.last_seq = int(snap.get("last_seq", 0))

    def load_catalog(self, catalog: dict[str, Any]) -> None:
        self.notices = [
            {k: str(n.get(k) or "") for k in ("title_zh", "body_zh", "title_en", "body_en")}
            for n in catalog.get("notices", [])
        ]

    # -- events ----------------------------------------------------------------------------
    def apply(self, ev: dict[str, Any]) -> list[Call]:
        """Apply one live event; returns the calls (and recalls) it makes, to show and say."""
        self.last_seq = max(self.last_seq, int(ev.get("seq", 0)))
        kind, p = str(ev.get("type", "")), ev.get("payload") or {}
        if kind == EventType.TICKET_CALLED or kind == EventType.TICKET_RECALLED:
            return [self._call(ev, p, recall=kind == EventType.TICKET_RECALLED)]
        transition = self._TRANSITIONS.get(kind)
        if transition is not None:
            transition(self, p)
        return []

    def _call(self, ev: dict[str, Any], p: dict[str, Any], recall: bool) -> Call:
        call = Call(int(ev.get("seq", 0)), str(p["number"]), int(p["window_no"]), recall)
        if not recall:
            queue = str(p.get("category") or self._queue_of(p))
            if self._tickets.get(call.number, (queue, True))[1]:
                self._add(queue, -1)
            self._tickets[call.number] = (queue, False)
        window = self._window(call.window_no)
        window.ticket, window.serving = call.number, False
        self.recent = [call, *(r for r in self.recent if r.number != call.number)][:RECENT]
        self.latest = call
        return call

    def _add(self, queue: str, delta: int) -> None:
        if queue in self.queues:
            self.queues[queue].waiting = max(0, self.queues[queue].waiting + delta)

    def _queue_of(self, p: dict[str, Any]) -> str:
        known = self._tickets.get(str(p.get("number")))
        if known is not None:
            return known[0]
        number = str(p.get("number", ""))
        prefix = number.rstrip("0123456789")
        return next((q.code for q in self.queues.values() if q.prefix == prefix), "")

    def _window(self, no: int) -> WindowState:
        return self.windows.setdefault(no, WindowState(no))

    def _free(self, no: Any, number: Any) -> None:
        window = self.windows.get(int(no)) if no is not None else None
        if window is not None and (number is None or window.ticket == number):
            window.ticket, window.serving = None, False

    def _not_coming(self, no: Any, number: Any) -> None:
        """A called number that will not be served there now (no-show, transfer, cancel):
        the board must stop inviting its holder to the window."""
        self._free(no, number)
        if self.latest is not None and self.latest.number == number:
            self.latest = None

    def _issued(self, p: dict[str, Any]) -> None:
        day = str(p.get("service_day", ""))
        if day > self.service_day:  # the first ticket of a new day: yesterday's queues are gone
            self._new_day(day)
        if day == self.service_day:
            self._add(p["category"], +1)
            self._tickets[str(p["number"])] = (p["category"], True)

    def _new_day(self, day: str) -> None:
        self.service_day = day
        self._tickets.clear()
        for queue in self.queues.values():
            queue.waiting = 0

    def _back_in_queue(self, p: dict[str, Any], queue: str) -> None:
        self._add(queue, +1)
        self._tickets[str(p["number"])] = (queue, True)

    def _transferred(self, p: dict[str, Any]) -> None:
        self._not_coming(p.get("from_window"), p.get("number"))
        self._back_in_queue(p, str(p.get("to_category") or self._queue_of(p)))

    def _cancelled(self, p: dict[str, Any]) -> None:
        queue, waiting = self._tickets.pop(str(p.get("number")), ("", False))
        if waiting:
            self._add(queue, -1)
        for no in self.windows:
            self._not_coming(no, p.get("number"))

    def _window_status(self, p: dict[str, Any], status: str) -> None:
        window = self._window(int(p["window_no"]))
        window.status = status
        window.pause_reason = p.get("reason") if status == "paused" else None
        if status == "closed":
            window.ticket, window.serving = None, False

    def _started(self, p: dict[str, Any]) -> None:
        window = self.windows.get(int(p["window_no"]))
        if window is not None and window.ticket == p.get("number"):
            window.serving = True

    def _day_closed(self, p: dict[str, Any]) -> None:
        self._new_day(self.service_day)  # every open ticket was cancelled
        for window in self.windows.values():
            window.status, window.ticket, window.pause_reason = "closed", None, None

    # event type -> the transition it makes (calls and recalls return what to announce: apply)
    _TRANSITIONS: ClassVar[dict[str, Callable[[BoardModel, dict[str, Any]], Any]]] = {
        EventType.TICKET_ISSUED: _issued,
        EventType.TICKET_STARTED: _started,
        EventType.TICKET_FINISHED: lambda self, p: self._free(p.get("window_no"), p.get("number")),
        EventType.TICKET_NO_SHOW: lambda self, p: self._not_coming(
            p.get("window_no"), p.get("number")
        ),
        EventType.TICKET_TRANSFERRED: _transferred,
        EventType.TICKET_REQUEUED: lambda self, p: self._back_in_queue(p, self._queue_of(p)),
        EventType.TICKET_CANCELLED: _cancelled,
        EventType.WINDOW_OPENED: lambda self, p: self._window_status(p, "open"),
        EventType.WINDOW_RESUMED: lambda self, p: self._window_status(p, "open"),
        EventType.WINDOW_PAUSED: lambda self, p: self._window_status(p, "paused"),
        EventType.WINDOW_CLOSED: lambda self, p: self._window_status(p, "closed"),
        EventType.DAY_CLOSED: _day_closed,
    }
