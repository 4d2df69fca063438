"""Feeds a BoardModel from the hall server: one snapshot, then live events only.

Why no polling: peers' boards poll every 2 s and show calls up to 2 s late while loading the
server with every board's requests. Here GET /api/v1/queue gives the state and the sequence
number it was read at; the live WebSocket continues from exactly that number, and after a
drop LiveFeed resumes from the last event it delivered, so no call is missed or shown twice;
when the server says its log is behind the board's (`stream.reset`), the board reloads the
snapshot and follows on from it. The only timer retries the first load while the server cannot
be reached.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ui.common import paths
from ui.common.api import ApiError, HallApi
from ui.common.live import LiveFeed
from ui.display.model import BoardModel

RETRY_MS = (1000, 2000, 5000)
CATALOG_EVENTS = ("catalog.applied", "notice.published", "notice.retired")  # notices shown


class BoardSource(QObject):
    changed = Signal()  # the model changed: render it
    called = Signal(object)  # a Call (or recall) just arrived
    ready = Signal()  # the first snapshot (and the notices, or their failure) are in
    connected = Signal(bool)  # the live feed is (or is no longer) connected

    def __init__(
        self,
        server: str,
        token: str,
        model: BoardModel | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model or BoardModel()
        self.api = HallApi(server, token, parent=self)
        self.feed = LiveFeed(server, token, parent=self)
        self.feed.received.connect(self._on_event)
        self.feed.connected.connect(self.connected)
        self.feed.reset.connect(self._on_reset)
        self.loaded = False
        self.is_ready = False
        self._catalog_tried = False
        self._attempts = 0
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.start)
        self._catalog_retry = QTimer(self)
        self._catalog_retry.setSingleShot(True)
        self._catalog_retry.timeout.connect(self._load_catalog)

    @property
    def live(self) -> bool:
        return self.feed.is_connected

    def start(self) -> None:
        """Loads the snapshot (and the notices), then opens the live feed where it left off."""
        if not self.loaded:
            call = self.api.get(paths.QUEUE)
            call.succeeded.connect(self._on_queue)
            call.failed.connect(self._on_failed)
        if not self._catalog_tried:
            self._load_catalog()

    def stop(self) -> None:
        self._retry.stop()
        self._catalog_retry.stop()
        self.feed.stop()

    def _load_catalog(self) -> None:
        call = self.api.get(paths.CATALOG)
        call.succeeded.connect(self._on_catalog)
        call.failed.connect(self._on_catalog_failed)

    def _on_queue(self, body: Any) -> None:
        self.model.load_snapshot(body)
        self.loaded = True
        self.feed.start(after_seq=self.model.last_seq)
        self.changed.emit()
        self._maybe_ready()

    def _on_failed(self, error: ApiError) -> None:
        delay = RETRY_MS[min(self._attempts, len(RETRY_MS) - 1)]
        self._attempts += 1
        self._retry.start(delay)

    def _on_catalog(self, body: Any) -> None:
        if isinstance(body, dict):
            self.model.load_catalog(body)
        self._catalog_tried = True
        self.changed.emit()
        self._maybe_ready()

    def _on_catalog_failed(self, error: ApiError) -> None:
        """The board works without its notices: show it, and fetch them again later."""
        self._catalog_tried = True
        self._catalog_retry.start(RETRY_MS[-1])
        self._maybe_ready()

    def _maybe_ready(self) -> None:
        if self.loaded and self._catalog_tried and not self.is_ready:
            self.is_ready = True
            self.ready.emit()

    def _on_reset(self, head: int) -> None:
        """The server's log no longer has what this board saw: start over from a snapshot."""
        self.loaded = False
        self.start()
        self._load_catalog()

    def _on_event(self, ev: dict[str, Any]) -> None:
        calls = self.model.apply(ev)
        if ev.get("type") in CATALOG_EVENTS:
            self._load_catalog()
        for call in calls:
            self.called.emit(call)
        self.changed.emit()
