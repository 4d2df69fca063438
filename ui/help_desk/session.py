"""One staff member's session at the help desk: sign-in, presence, the hall's catalog, and the
live event stream that keeps the consultation list current.

Every request is asynchronous (HallApi) and every answer arrives by signal, so the GUI thread
never waits. Signed in, the session follows the hall (ui.common.follow): the list is loaded with
the log position it reflects (`last_seq`) and the live stream follows from exactly there, so
nothing is missed and nothing is polled.

What a person typed or decided (an answer, a resolve, a handover, a referral, presence, a draft)
is a record: it goes through the outbox (kiosk.outbox), in order and exactly once, so nothing is
lost while the hall server is unreachable. Claims and conversions need the server's decision
(first claimer wins; the ticket number is read out): they go straight to it and are switched off
while it is unreachable or while records still wait (`decisions_blocked`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.common import paths
from ui.common.api import ApiCall, ApiError, HallApi
from ui.common.follow import Follow
from ui.common.outbox_qt import QtOutbox
from ui.help_desk.texts import problem_text, set_hall_zone

DESK_ROLES = ("helpdesk", "supervisor", "admin")
MEMORY = Path(":memory:")  # no file given: records still go in order, but only while running
Done = Callable[[Any], None]
Failed = Callable[[ApiError], None]


class DeskSession(QObject):
    catalog_loaded = Signal()
    logged_in = Signal()
    logged_out = Signal()
    login_failed = Signal(str)
    listing = Signal(dict)  # GET /helpdesk/consultations, after sign-in
    live_event = Signal(dict)  # every live event, in order
    presence = Signal(bool, int)  # my switch is on, people on duty
    online = Signal(bool)
    pending_changed = Signal(int)  # records waiting in the outbox
    blocked = Signal(str)  # why claims and conversions are off ("" when they are not)
    message = Signal(str, str)  # text, level: info / warn / error

    def __init__(
        self,
        base_url: str,
        lang: str = "zh",
        parent: QObject | None = None,
        outbox_path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.base_url = base_url.rstrip("/")
        self.lang = lang
        self.api = HallApi(self.base_url, parent=self)
        self.api.reachable.connect(self._set_online)
        self.is_online = True
        self.outbox = QtOutbox(outbox_path or MEMORY, self.base_url, self)
        self.outbox.pending_changed.connect(self._pending_changed)
        self.outbox.delivered.connect(self._delivered)
        self.outbox.refused.connect(self._refused)
        self.outbox.retrying.connect(self._retrying)
        self._waiting: dict[str, tuple[Done | None, Failed | None]] = {}
        self.duty_count = 0
        self.follow = Follow(self.api, paths.HELPDESK_CONSULTATIONS, parent=self)
        self.follow.loaded.connect(self._listed)
        self.follow.failed.connect(self._failed)
        self.follow.received.connect(self._event)
        self.follow.connected.connect(self._feed_connected)
        self.catalog: dict[str, Any] = {}
        self.employee_no = ""
        self.name = ""
        self.role = ""
        self.on_duty = False
        self.staff: dict[str, str] = {}
        self.desk_staff: list[str] = []

    # -- start ---------------------------------------------------------------------------
    def load_catalog(self) -> None:
        call = self.api.get(paths.CATALOG)
        call.succeeded.connect(self._catalog)
        call.failed.connect(self._failed)

    def _catalog(self, body: Any) -> None:
        self.catalog = body if isinstance(body, dict) else {}
        self.catalog_loaded.emit()

    def item(self, code: str) -> dict[str, Any] | None:
        return next((i for i in self.catalog.get("items", []) if i["code"] == code), None)

    def hall_name(self) -> str:
        hall = self.catalog.get("hall") or {}
        return str(hall.get(f"name_{self.lang}") or hall.get("name_zh") or "")

    def login(self, employee_no: str, pin: str) -> None:
        body = {"employee_no": employee_no, "pin": pin, "window": None}
        call = self.api.post(paths.SESSIONS, body)
        call.succeeded.connect(self._logged_in)
        call.failed.connect(lambda e: self.login_failed.emit(problem_text(e, self.lang)))

    def _logged_in(self, body: dict[str, Any]) -> None:
        if body.get("role") not in DESK_ROLES:
            self.api.set_token(body["token"])
            self.api.delete(paths.CURRENT_SESSION)
            self.api.set_token(None)
            self.login_failed.emit(self.tr("This account is not help-desk staff."))
            return
        self.api.set_token(body["token"])
        self.employee_no, self.name, self.role = body["employee_no"], body["name"], body["role"]
        self.outbox.adopt(self.employee_no, body["token"])
        self.logged_in.emit()
        if self.role == "helpdesk":
            self.set_presence(True)  # signing in at the desk means being there
        self.follow.start()

    def reload(self) -> None:
        """Reads the list again (the live stream goes on)."""
        self.follow.refresh()

    def _listed(self, body: Any) -> None:
        if not isinstance(body, dict) or not self.follow.following:
            return  # signed out while it was on its way
        self.staff = dict(body.get("staff") or {})
        self.desk_staff = list(body.get("desk_staff") or [])
        set_hall_zone(body.get("timezone"))
        if not self.pending:  # else the outbox still carries my own switch
            self.on_duty = self.employee_no in (body.get("on_duty") or [])
            self.duty_count = len(body.get("on_duty") or [])
        self.listing.emit(body)
        self.presence.emit(self.on_duty, self.duty_count)

    def _event(self, ev: dict[str, Any]) -> None:
        if ev.get("type") == "helpdesk.presence":
            p = ev["payload"]
            if p.get("clerk") == self.employee_no and not self.pending:
                self.on_duty = p.get("status") == "on_duty"
            self.duty_count = int(p.get("on_duty", 0))
            self.presence.emit(self.on_duty, self.duty_count)
        self.live_event.emit(ev)

    # -- connection and outbox -----------------------------------------------------------
    @property
    def pending(self) -> int:
        return self.outbox.pending

    def decisions_blocked(self) -> str:
        """Why claims and conversions are off, in words for the panel; "" when they are not."""
        if not self.is_online:
            return self.tr(
                "Cannot reach the hall server: claiming and queue numbers are off. Answers, "
                "resolves, handovers and drafts are saved here and sent when it is back."
            )
        if self.outbox.held_back:
            return self.tr("Sending saved actions first…")
        return ""

    def _feed_connected(self, up: bool) -> None:
        self._set_online(up)
        if up:
            self.outbox.kick()

    def _set_online(self, up: bool) -> None:
        if up != self.is_online:
            self.is_online = up
            if up:
                self.outbox.kick()
            self.online.emit(up)
            self.blocked.emit(self.decisions_blocked())

    def _retrying(self, ev: Any) -> None:
        if ev.status is None:  # unreachable (not busy): the server is away
            self._set_online(False)

    def _pending_changed(self, count: int) -> None:
        self.pending_changed.emit(count)
        self.blocked.emit(self.decisions_blocked())

    def _delivered(self, ev: Any) -> None:
        self._set_online(True)
        done, _ = self._waiting.pop(ev.item.id, (None, None))
        if done is not None:
            done(ev.body)

    def _refused(self, ev: Any) -> None:
        _, failed = self._waiting.pop(ev.item.id, (None, None))
        b = ev.body if isinstance(ev.body, dict) else {}
        error = ApiError(
            int(ev.status or 0),
            str(b.get("type", "")).rsplit("/", 1)[-1] or "refused",
            str(b.get("detail_zh") or ev.error or "请求失败"),
            str(b.get("detail") or ev.error or "refused"),
            b,
        )
        if failed is not None:
            failed(error)
        else:
            text = self.tr("The server refused a saved action: {reason}")
            self.message.emit(text.format(reason=problem_text(error, self.lang)), "error")

    # -- writes --------------------------------------------------------------------------
    def post(
        self,
        path: str,
        body: dict[str, Any] | None = None,
        done: Done | None = None,
        failed: Failed | None = None,
    ) -> ApiCall:
        """A decision, straight to the server with its own Idempotency-Key: a resend after a
        lost reply acts once."""
        call = self.api.post(path, body, idempotency_key=uuid.uuid4().hex)
        if done is not None:
            call.succeeded.connect(done)
        call.failed.connect(failed or self._failed)
        return call

    def record(
        self,
        path: str,
        body: dict[str, Any] | None = None,
        done: Done | None = None,
        failed: Failed | None = None,
    ) -> str:
        """A record through the outbox: kept while the server is away, sent in order and once.
        `done`/`failed` run when it is delivered or refused (in this run of the console)."""
        key = self.outbox.enqueue("POST", path, body, self.api.token, owner=self.employee_no)
        self._waiting[key] = (done, failed)
        if not self.is_online:
            self.message.emit(
                self.tr("Saved here: it is sent when the hall server is back."), "warn"
            )
        return key

    def set_presence(self, on: bool) -> None:
        status = "on_duty" if on else "away"
        if not self.is_online:  # kept for later: shown at once, the server's count follows
            if on != self.on_duty:
                self.duty_count = max(0, self.duty_count + (1 if on else -1))
            self.on_duty = on
            self.presence.emit(on, self.duty_count)
        self.record(paths.HELPDESK_PRESENCE, {"status": status}, self._presence_set)

    def _presence_set(self, body: dict[str, Any]) -> None:
        if not self.pending:
            self.on_duty = body.get("status") == "on_duty"
        self.duty_count = int(body.get("on_duty", 0))
        self.presence.emit(self.on_duty, self.duty_count)

    def logout(self) -> None:
        """Away first (the kiosk must stop promising an answer), then end the session once
        that and every earlier record has reached the server."""
        blocked = self.decisions_blocked()
        if blocked:  # signing out now would strand what waits in the outbox
            self.message.emit(blocked, "warn")
            return
        self.follow.stop()
        end: Callable[[Any], None] = lambda _: self._end()  # noqa: E731
        self.record(paths.HELPDESK_PRESENCE, {"status": "away"}, end, end)

    def _end(self) -> None:
        self.api.delete(paths.CURRENT_SESSION)
        self.api.set_token(None)
        self.employee_no = self.name = self.role = ""
        self.on_duty = False
        self.logged_out.emit()

    def _failed(self, error: ApiError) -> None:
        self.message.emit(problem_text(error, self.lang), "error")

    def close(self) -> None:
        self.follow.stop()
        self.outbox.close()
