"""A clerk's session at one window: who is signed in, the window's state and current ticket as
the server last said (or as the clerk changed it since, while writes wait in the outbox), the
queue the window serves, and the connection to the hall server.

The server is the truth; the screen only runs ahead of it for writes waiting in the outbox, and
re-reads the server's state as soon as nothing waits (`_reconcile`). Signed in, the session
follows the hall (ui.common.follow): each live event is a cue to re-read GET /queue.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ui.common import paths
from ui.common.api import ApiError, HallApi
from ui.common.follow import Follow
from ui.common.outbox_qt import QtOutbox
from ui.window_client.texts import problem_text

REFRESH_DEBOUNCE_MS = 250
MY_EVENTS = ("ticket.finished", "ticket.no_show", "rating.recorded")


class SessionBase(QObject):
    changed = Signal()  # window state, ticket, online or pending count
    queue_changed = Signal()  # waiting figures of the categories served
    stats_changed = Signal(dict)
    message = Signal(str, str)  # text, level ("info", "warn", "error")
    loaded = Signal()  # hall and window names known (the login screen can show them)
    logged_in = Signal()
    logged_out = Signal()

    def __init__(self, base_url: str, window_no: int, outbox_path: Path, lang: str) -> None:
        super().__init__()
        self.window_no = window_no
        self.lang = lang
        self.api = HallApi(base_url, parent=self)
        self.outbox = QtOutbox(outbox_path, base_url, self)
        self.token: str | None = None
        self.employee_no = ""
        self.clerk_name = ""
        self.status = "closed"
        self.pause_reason: str | None = None
        self.ticket: dict[str, Any] | None = None
        self.online = True
        self.busy = False  # a decision (call, recall, login) is in flight
        self.catalog: dict[str, Any] = {}
        self.snapshot: dict[str, Any] = {}
        self.fetched_at = 0.0
        self.follow = Follow(self.api, paths.QUEUE, coalesce_ms=REFRESH_DEBOUNCE_MS, parent=self)
        self.follow.loaded.connect(self._snapshot)
        self.follow.received.connect(self._event)
        self.follow.connected.connect(self._feed_connected)
        self._stats = QTimer(self, singleShot=True, interval=REFRESH_DEBOUNCE_MS)
        self._stats.timeout.connect(self.refresh_stats)
        self.api.reachable.connect(self._set_online)
        self.outbox.pending_changed.connect(self._pending_changed)
        self.outbox.delivered.connect(self._delivered)
        self.outbox.refused.connect(self._refused)
        self.outbox.retrying.connect(self._retrying)

    # -- reading ----------------------------------------------------------------------------
    @property
    def pending(self) -> int:
        return self.outbox.pending

    @property
    def window(self) -> dict[str, Any]:
        for w in self.snapshot.get("windows", []):
            if w["no"] == self.window_no:
                return dict(w)
        return {}

    def load(self) -> None:
        """The catalog (item names, materials) and the first queue snapshot."""
        call = self.api.get(paths.CATALOG)
        call.succeeded.connect(self._catalog_loaded)
        call.failed.connect(self._failed)
        self.refresh()

    def _catalog_loaded(self, body: dict[str, Any]) -> None:
        self.catalog = body
        if self.snapshot:
            self.loaded.emit()

    def refresh(self) -> None:
        """Re-reads the queue (the sign-in screen shows the hall's and the window's names)."""
        self.follow.refresh()

    def refresh_stats(self) -> None:
        if self.token:
            call = self.api.get(paths.window(self.window_no, "stats"), {"clerk": self.employee_no})
            call.succeeded.connect(self.stats_changed.emit)

    def _snapshot(self, body: Any) -> None:
        if not isinstance(body, dict):
            return
        first = not self.snapshot
        self.snapshot, self.fetched_at = body, time.monotonic()
        self.queue_changed.emit()
        if first and self.catalog:
            self.loaded.emit()
        self._reconcile()

    def _reconcile(self) -> None:
        """Takes the server's word for the window, unless writes still wait in the outbox."""
        if not self.token or self.pending:
            return
        w = self.window
        if w.get("clerk") != self.employee_no:
            self._signed_out(self.tr("You were signed out of this window (day close)."))
            return
        self.status, self.pause_reason = w["status"], w.get("pause_reason")
        number = w.get("ticket")
        if number is None:
            self.ticket = None
        elif self.ticket is None or self.ticket.get("number") != number:
            call = self.api.get(paths.ticket(number))
            call.succeeded.connect(self._ticket_loaded)
        self.changed.emit()

    def _ticket_loaded(self, ticket: dict[str, Any]) -> None:
        if (
            ticket.get("status") in ("called", "serving")
            and ticket.get("window_no") == self.window_no
        ):
            self.ticket = ticket
            self.changed.emit()

    # -- the live feed ----------------------------------------------------------------------
    def _feed_connected(self, up: bool) -> None:
        self._set_online(up)
        if up:
            self.outbox.kick()
            self.follow.refresh_soon()
            self._stats.start()

    def _event(self, ev: dict[str, Any]) -> None:
        self.follow.refresh_soon()
        if ev["type"] in MY_EVENTS and ev["payload"].get("window_no") == self.window_no:
            self._stats.start()

    def _set_online(self, up: bool) -> None:
        if up != self.online:
            self.online = up
            if up:
                self.outbox.kick()
            self.changed.emit()

    # -- the outbox -------------------------------------------------------------------------
    def _pending_changed(self, count: int) -> None:
        if count == 0:
            self.follow.refresh_soon()
        self.changed.emit()

    def _delivered(self, ev: Any) -> None:
        self._set_online(True)

    def _retrying(self, ev: Any) -> None:
        if ev.status is None:  # unreachable (not busy): the server is away
            self._set_online(False)

    def _refused(self, ev: Any) -> None:
        reason = problem_text(ev.body, self.lang, ev.error)
        text = self.tr("The server refused a saved action: {reason}").format(reason=reason)
        self.message.emit(text, "error")
        self.follow.refresh_soon()

    def _failed(self, error: ApiError) -> None:
        self.message.emit(error.message(self.lang), "error" if not error.network else "warn")

    def _signed_out(self, why: str) -> None:
        self.follow.stop()
        self.token, self.employee_no, self.clerk_name = None, "", ""
        self.api.set_token(None)
        self.status, self.ticket, self.pause_reason = "closed", None, None
        self.message.emit(why, "info")
        self.logged_out.emit()
        self.changed.emit()

    def close(self) -> None:
        self.follow.stop()
        self.outbox.close()
