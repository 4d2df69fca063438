"""One staff member's session at the help desk: sign-in, presence, the hall's catalog, and the
live event stream that keeps the consultation list current.

Every request is asynchronous (HallApi) and every answer arrives by signal, so the GUI thread
never waits. The list is loaded once with the log position it reflects (`last_seq`) and then
follows the live stream from exactly there: nothing is missed and nothing is polled.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.common.api import ApiCall, ApiError, HallApi
from ui.common.live import LiveFeed
from ui.help_desk.texts import problem_text, set_hall_zone

DESK_ROLES = ("helpdesk", "supervisor", "admin")


class DeskSession(QObject):
    catalog_loaded = Signal()
    logged_in = Signal()
    logged_out = Signal()
    login_failed = Signal(str)
    listing = Signal(dict)  # GET /helpdesk/consultations, after sign-in
    live_event = Signal(dict)  # every live event, in order
    presence = Signal(bool, int)  # my switch is on, people on duty
    online = Signal(bool)
    message = Signal(str, str)  # text, level: info / warn / error

    def __init__(self, base_url: str, lang: str = "zh", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.base_url = base_url.rstrip("/")
        self.lang = lang
        self.api = HallApi(self.base_url, parent=self)
        self.api.reachable.connect(self.online)
        self.feed: LiveFeed | None = None
        self.catalog: dict[str, Any] = {}
        self.employee_no = ""
        self.name = ""
        self.role = ""
        self.on_duty = False
        self.staff: dict[str, str] = {}
        self.desk_staff: list[str] = []

    # -- start ---------------------------------------------------------------------------
    def load_catalog(self) -> None:
        call = self.api.get("/api/v1/catalog")
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
        call = self.api.post("/api/v1/sessions", body)
        call.succeeded.connect(self._logged_in)
        call.failed.connect(lambda e: self.login_failed.emit(problem_text(e, self.lang)))

    def _logged_in(self, body: dict[str, Any]) -> None:
        if body.get("role") not in DESK_ROLES:
            self.api.set_token(body["token"])
            self.api.delete("/api/v1/sessions/current")
            self.api.set_token(None)
            self.login_failed.emit(self.tr("This account is not help-desk staff."))
            return
        self.api.set_token(body["token"])
        self.employee_no, self.name, self.role = body["employee_no"], body["name"], body["role"]
        self.logged_in.emit()
        if self.role == "helpdesk":
            self.set_presence(True)  # signing in at the desk means being there
        self.reload()

    def reload(self) -> None:
        call = self.api.get("/api/v1/helpdesk/consultations")
        call.succeeded.connect(self._listed)
        call.failed.connect(self._failed)

    def _listed(self, body: dict[str, Any]) -> None:
        self.staff = dict(body.get("staff") or {})
        self.desk_staff = list(body.get("desk_staff") or [])
        set_hall_zone(body.get("timezone"))
        self.on_duty = self.employee_no in (body.get("on_duty") or [])
        self.listing.emit(body)
        self.presence.emit(self.on_duty, len(body.get("on_duty") or []))
        if self.feed is None:
            self.feed = LiveFeed(self.base_url, str(self.api.token), parent=self)
            self.feed.received.connect(self._event)
            self.feed.connected.connect(self.online)
            self.feed.start(int(body.get("last_seq", 0)))

    def _event(self, ev: dict[str, Any]) -> None:
        if ev.get("type") == "helpdesk.presence":
            p = ev["payload"]
            if p.get("clerk") == self.employee_no:
                self.on_duty = p.get("status") == "on_duty"
            self.presence.emit(self.on_duty, int(p.get("on_duty", 0)))
        self.live_event.emit(ev)

    # -- writes --------------------------------------------------------------------------
    def post(
        self,
        path: str,
        body: dict[str, Any] | None = None,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[ApiError], None] | None = None,
    ) -> ApiCall:
        """A write with its own Idempotency-Key: a resend after a lost reply acts once."""
        call = self.api.post(path, body, idempotency_key=uuid.uuid4().hex)
        if done is not None:
            call.succeeded.connect(done)
        call.failed.connect(failed or self._failed)
        return call

    def set_presence(self, on: bool) -> None:
        status = "on_duty" if on else "away"
        self.post("/api/v1/helpdesk/presence", {"status": status}, self._presence_set)

    def _presence_set(self, body: dict[str, Any]) -> None:
        self.on_duty = body.get("status") == "on_duty"
        self.presence.emit(self.on_duty, int(body.get("on_duty", 0)))

    def logout(self) -> None:
        """Away first (the kiosk must stop promising an answer), then end the session."""
        if self.feed is not None:
            self.feed.stop()
            self.feed.deleteLater()
            self.feed = None
        end: Callable[[Any], None] = lambda _: self._end()  # noqa: E731
        self.post("/api/v1/helpdesk/presence", {"status": "away"}, end, end)

    def _end(self) -> None:
        self.api.delete("/api/v1/sessions/current")
        self.api.set_token(None)
        self.employee_no = self.name = self.role = ""
        self.on_duty = False
        self.logged_out.emit()

    def _failed(self, error: ApiError) -> None:
        self.message.emit(problem_text(error, self.lang), "error")
