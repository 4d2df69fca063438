"""The outbox (kiosk.outbox) for Qt screens: its worker thread's reports become signals, which
Qt queues onto the GUI thread, so a screen reacts to "delivered" like to any other event."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Signal

from kiosk.outbox import Outbox, OutboxEvent


def default_path(name: str) -> Path:
    """<user data dir of this front end>/<name>.sqlite; computing it touches no disk."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or ".") / f"{name}.sqlite"


class QtOutbox(QObject):
    pending_changed = Signal(int)
    delivered = Signal(object)  # OutboxEvent with the server's answer in `body`
    refused = Signal(object)  # OutboxEvent: a non-retryable 4xx, problem body in `body`
    retrying = Signal(object)  # OutboxEvent: unreachable or busy; `error` says which

    def __init__(
        self, path: Path, base_url: str, parent: QObject | None = None, **options: Any
    ) -> None:
        super().__init__(parent)
        self.outbox = Outbox(path, base_url, self._relay, **options)
        # records left from an earlier run were saved while the server was away
        self._held = self.outbox.pending > 0
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)

    @property
    def pending(self) -> int:
        return self.outbox.pending

    @property
    def held_back(self) -> int:
        """Records kept here because a send failed (the server away or busy), until the
        outbox is empty again; 0 while records merely pass through it on their way, as every
        record does online, so "sending saved actions" is said only when some were saved."""
        return self.outbox.pending if self._held else 0

    def enqueue(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        token: str | None = None,
        owner: str = "",
    ) -> str:
        return self.outbox.enqueue(method, path, body, token, owner)

    def adopt(self, owner: str, token: str) -> None:
        self.outbox.adopt(owner, token)

    def kick(self) -> None:
        self.outbox.kick()

    def close(self) -> None:
        self._closed = True
        self.outbox.close()

    def _relay(self, ev: OutboxEvent) -> None:
        """Runs on the outbox thread: emitting hands each report to the GUI thread."""
        if getattr(self, "_closed", False):
            return
        with contextlib.suppress(RuntimeError):  # the screen is already gone (shutdown)
            self._emit(ev)

    def _emit(self, ev: OutboxEvent) -> None:
        if ev.kind == "retrying":
            self._held = True
        elif ev.kind == "pending" and ev.pending == 0:
            self._held = False
        if ev.kind == "pending":
            self.pending_changed.emit(ev.pending)
        elif ev.kind == "delivered":
            self.delivered.emit(ev)
        elif ev.kind == "refused":
            self.refused.emit(ev)
        elif ev.kind == "retrying":
            self.retrying.emit(ev)
