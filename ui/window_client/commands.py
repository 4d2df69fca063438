"""What a clerk does at the window, split by what it needs from the server.

Decisions (call next, call a number, recall, sign in and out) need the server's answer: they go
straight to it and are refused on screen while it is unreachable or while earlier writes still
wait, so they can never overtake them. Records (start, no-show, finish, transfer, pause,
resume) are facts the clerk states: they always go through the outbox, in order, and the
screen shows them at once.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ui.common import paths
from ui.common.api import ApiError, new_request_id
from ui.window_client.session import SessionBase

DECISIONS = ("call", "recall", "logout")


class ClerkSession(SessionBase):
    def can(self, action: str) -> bool:
        """Whether a button is live now; the screen greys out the rest."""
        if not self.token:
            return False
        t = self.ticket
        state = None if t is None else t.get("status")
        if action in DECISIONS and (not self.online or self.pending or self.busy):
            return False
        rules = {
            "call": t is None and self.status == "open",
            "recall": state == "called",
            "no_show": state == "called",
            "start": state == "called",
            "finish": state in ("called", "serving"),
            "transfer": state in ("called", "serving"),
            "pause": t is None and self.status == "open",
            "resume": self.status == "paused",
            "logout": t is None,
        }
        return rules.get(action, False)

    def calling_blocked(self) -> str:
        """Why calling is off, in words for the banner; "" when it is not."""
        if not self.token:
            return ""
        if not self.online:
            return self.tr(
                "Cannot reach the hall server: calling is off. Pauses, notes and finished "
                "services are saved here and sent when it is back."
            )
        if self.outbox.held_back:
            return self.tr("Sending saved actions first…")
        return ""

    # -- decisions ---------------------------------------------------------------------------
    def login(self, employee_no: str, pin: str) -> None:
        body = {"employee_no": employee_no.strip(), "pin": pin, "window": self.window_no}
        self.busy = True
        call = self.api.post(paths.SESSIONS, body)
        call.succeeded.connect(self._logged_in)
        call.failed.connect(self._decision_failed)

    def _logged_in(self, body: dict[str, Any]) -> None:
        self.busy = False
        self.token, self.employee_no = body["token"], body["employee_no"]
        self.clerk_name = body.get("name") or ""
        self.api.set_token(self.token)
        self.outbox.adopt(self.employee_no, self.token)
        self.status = "open"
        self.logged_in.emit()
        self.changed.emit()
        self.follow.start()  # the queue again, and its live stream with this session's token
        self.refresh_stats()

    def logout(self) -> None:
        if self.can("logout"):
            self.busy = True
            call = self.api.delete(paths.CURRENT_SESSION)
            call.succeeded.connect(lambda _: self._signed_out(self.tr("Signed out.")))
            call.failed.connect(self._decision_failed)

    def call_next(self) -> None:
        self._decide("call-next")

    def call_number(self, number: str) -> None:
        self._decide("call", {"number": number.strip().upper()})

    def recall(self) -> None:
        if self.can("recall"):
            self._post("recall", None)

    def _decide(self, action: str, body: dict[str, Any] | None = None) -> None:
        if self.can("call"):
            self._post(action, body)

    def _post(self, action: str, body: dict[str, Any] | None) -> None:
        self.busy = True
        self.changed.emit()
        path = paths.window(self.window_no, action)
        call = self.api.post(path, body, idempotency_key=new_request_id())
        call.succeeded.connect(self._called)
        call.failed.connect(self._decision_failed)

    def _called(self, body: dict[str, Any] | None) -> None:
        self.busy = False
        if body is None:  # 204: nobody waits for this window
            self.message.emit(self.tr("Nobody is waiting for this window."), "info")
        else:
            self.ticket = body["ticket"]
        self.changed.emit()

    def _decision_failed(self, error: ApiError) -> None:
        self.busy = False
        self._failed(error)
        self.follow.refresh_soon()
        self.changed.emit()

    # -- records (through the outbox) ------------------------------------------------------
    def start(self) -> None:
        if self._record("start", "start"):
            assert self.ticket is not None
            self.ticket = {**self.ticket, "status": "serving", "started_at": _now()}
            self.changed.emit()

    def no_show(self) -> None:
        number = (self.ticket or {}).get("number", "")
        if self._record("no_show", "no-show"):
            self.ticket = None
            self.message.emit(
                self.tr("{number} marked as a no-show.").format(number=number), "info"
            )
            self.changed.emit()

    def finish(
        self,
        outcome: str,
        missing: list[str] | None = None,
        note: str | None = None,
        reason: str | None = None,
    ) -> dict[str, Any] | None:
        """Ends the service; returns the ticket as it was (for the one-time notice)."""
        body: dict[str, Any] = {"outcome": outcome, "missing_materials": missing or []}
        if note:
            body["note"] = note
        if reason:
            body["reason"] = reason
        ticket = self.ticket
        if not self._record("finish", "finish", body):
            return None
        self.ticket = None
        self.changed.emit()
        return ticket

    def transfer(
        self, to_category: str | None = None, to_window: int | None = None, note: str = ""
    ) -> None:
        body: dict[str, Any] = {"to_category": to_category, "to_window": to_window}
        if note.strip():
            body["note"] = note.strip()
        if self._record("transfer", "transfer", body):
            self.ticket = None
            self.changed.emit()

    def pause(self, reason: str, note: str = "") -> None:
        body = {"reason": reason, "note": note.strip() or None}
        if self._record("pause", "pause", body):
            self.status, self.pause_reason = "paused", reason
            self.changed.emit()

    def resume(self) -> None:
        if self._record("resume", "resume"):
            self.status, self.pause_reason = "open", None
            self.changed.emit()

    def _record(self, action: str, path: str, body: dict[str, Any] | None = None) -> bool:
        if not self.can(action):
            return False
        url = paths.window(self.window_no, path)
        self.outbox.enqueue("POST", url, body, self.token, owner=self.employee_no)
        return True


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
