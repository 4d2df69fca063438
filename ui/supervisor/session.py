"""One supervisor's session: sign-in, the hall overview followed live, the alerts and cases
lists, reports, and the supervisor's actions.

Every request is asynchronous (HallApi) and answers by signal, so the GUI thread never waits.
The overview is read once and the live stream followed from its `last_seq` (ui.common.follow);
an event that changes what a list shows is a cue to re-read that list, and a burst of events is
gathered into one read (`Follow.refresh_soon`, and a short timer for alerts and cases), so
nothing is polled and nothing is missed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ui.common import paths
from ui.common.api import ApiError, HallApi
from ui.common.follow import Follow

SUPERVISOR_ROLES = ("supervisor", "admin")
COALESCE_MS = 250
Done = Callable[[Any], None]
Failed = Callable[[ApiError], None]
FILE_TIMEOUT_MS = 60_000  # a month's report as a PDF is written on the server


def text_of(error: ApiError, lang: str) -> str:
    return error.message(lang)


class SupervisorSession(QObject):
    logged_in = Signal()
    logged_out = Signal()
    login_failed = Signal(str)
    overview = Signal(object)  # dict: not Signal(dict), a QVariantMap would sort its keys
    alerts = Signal(list)
    cases = Signal(object)
    report = Signal(str, object)  # kind, the report JSON (its tables in order)
    report_file = Signal(str, bytes)  # format, the file's bytes
    live_event = Signal(dict)  # every live event, in order (the live hall's chime, counters)
    online = Signal(bool)
    message = Signal(str, str)  # text, level: info / warn / error

    def __init__(self, base_url: str, lang: str = "zh", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.api = HallApi(base_url, parent=self)
        self.follow = Follow(self.api, paths.SUPERVISION_OVERVIEW, parent=self)
        self.follow.loaded.connect(self._overview)
        self.follow.received.connect(self._event)
        self.follow.failed.connect(self._failed)
        self.follow.connected.connect(self.online)
        self.employee_no = self.name = self.role = ""
        self.alert_state = "open"
        self.case_filter = "open"
        self._again: dict[str, QTimer] = {}
        for what, read in (("alerts", self.load_alerts), ("cases", self.load_cases)):
            t = QTimer(self)
            t.setSingleShot(True)
            t.setInterval(COALESCE_MS)
            t.timeout.connect(read)
            self._again[what] = t

    # -- sign-in -------------------------------------------------------------------------
    def login(self, employee_no: str, pin: str) -> None:
        call = self.api.post(paths.SESSIONS, {"employee_no": employee_no, "pin": pin})
        call.succeeded.connect(self._logged_in)
        call.failed.connect(lambda e: self.login_failed.emit(text_of(e, self.lang)))

    def _logged_in(self, body: dict[str, Any]) -> None:
        if body.get("role") not in SUPERVISOR_ROLES:
            self.api.set_token(body["token"])
            self.api.delete(paths.CURRENT_SESSION)
            self.api.set_token(None)
            self.login_failed.emit(self.tr("This account is not a hall supervisor."))
            return
        self.api.set_token(body["token"])
        self.employee_no, self.name, self.role = body["employee_no"], body["name"], body["role"]
        self.logged_in.emit()
        self.follow.start()
        self.load_alerts()
        self.load_cases()

    def logout(self) -> None:
        self.follow.stop()
        self.api.delete(paths.CURRENT_SESSION)
        self.api.set_token(None)
        self.employee_no = self.name = self.role = ""
        self.logged_out.emit()

    # -- following the hall --------------------------------------------------------------
    def _overview(self, body: Any) -> None:
        if isinstance(body, dict) and self.follow.following:
            self.overview.emit(body)

    def _event(self, ev: dict[str, Any]) -> None:
        kind = str(ev.get("type", ""))
        self.live_event.emit(ev)
        if kind.startswith(("ticket.", "window.", "rating.", "helpdesk.", "day.")):
            self.follow.refresh_soon()
        if kind.startswith(("alert.", "print.")):
            self._again["alerts"].start()
            self.follow.refresh_soon()  # the overview counts open alerts
        if kind.startswith("case."):
            self._again["cases"].start()
            self.follow.refresh_soon()

    def load_alerts(self, state: str | None = None) -> None:
        if state is not None:
            self.alert_state = state
        call = self.api.get(paths.SUPERVISION_ALERTS, {"state": self.alert_state})
        call.succeeded.connect(lambda b: self.alerts.emit(list((b or {}).get("alerts", []))))
        call.failed.connect(self._failed)

    def load_cases(self, status: str | None = None) -> None:
        if status is not None:
            self.case_filter = status
        call = self.api.get(paths.SUPERVISION_CASES, {"status": self.case_filter})
        call.succeeded.connect(lambda b: self.cases.emit(dict(b or {})))
        call.failed.connect(self._failed)

    def load_report(self, kind: str, day_from: str, day_to: str) -> None:
        params = {"from": day_from, "to": day_to, "lang": self.lang}
        call = self.api.get(paths.report(kind), params)
        call.succeeded.connect(lambda b: self.report.emit(kind, dict(b or {})))
        call.failed.connect(self._failed)

    def fetch_file(self, kind: str, day_from: str, day_to: str, fmt: str) -> None:
        """The report as a file, written by the server (the same file `kiosk report` writes);
        the bytes arrive by signal and the window saves them."""
        params = {"from": day_from, "to": day_to, "lang": self.lang, "format": fmt}
        call = self.api.get_raw(paths.report(kind), params, FILE_TIMEOUT_MS)
        call.succeeded.connect(lambda data: self.report_file.emit(fmt, data))
        call.failed.connect(self._failed)

    # -- actions -------------------------------------------------------------------------
    def post(
        self,
        path: str,
        body: dict[str, Any] | None = None,
        done: Done | None = None,
        failed: Failed | None = None,
    ) -> None:
        """A decision, straight to the server with its own Idempotency-Key (a resend after a
        lost reply acts once); the live stream then brings its effect to every pane."""
        call = self.api.post(path, body, idempotency_key=uuid.uuid4().hex)
        if done is not None:
            call.succeeded.connect(done)
        call.failed.connect(failed or self._failed)

    def delete(self, path: str, done: Done | None = None) -> None:
        call = self.api.delete(path)
        if done is not None:
            call.succeeded.connect(done)
        call.failed.connect(self._failed)

    def _failed(self, error: ApiError) -> None:
        self.message.emit(text_of(error, self.lang), "error")

    def close(self) -> None:
        self.follow.stop()
