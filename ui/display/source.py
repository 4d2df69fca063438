"""Feeds a BoardModel from the hall server: one snapshot, then live events only.

Why no polling: peers' boards poll every 2 s and show calls up to 2 s late while loading the
server with every board's requests. Here the board follows the hall (ui.common.follow): GET
/queue gives the state and the sequence number it was read at, the live stream continues from
exactly that number and resumes after a drop, so no call is missed or shown twice; when the
server says its log is behind the board's (`stream.reset`), the board reloads the snapshot and
its notices and follows on from them. The only timers retry what could not be read while the
server was away.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ui.common import paths
from ui.common.api import ApiError, HallApi
from ui.common.follow import RETRY_MS, Follow
from ui.display.model import BoardModel

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
        self.follow = Follow(self.api, paths.QUEUE, parent=self)
        self.follow.loaded.connect(self._on_queue)
        self.follow.received.connect(self._on_event)
        self.follow.connected.connect(self.connected)
        self.follow.reset.connect(lambda _head: self._load_catalog())
        self.loaded = False
        self.is_ready = False
        self._catalog_tried = False
        self._catalog_retry = QTimer(self)
        self._catalog_retry.setSingleShot(True)
        self._catalog_retry.timeout.connect(self._load_catalog)
        # whether the hall issues tickets now, and its hours: shown when it is closed. Opening
        # and closing follow the clock and no event announces them, so asked once a minute.
        self.issuing: dict[str, Any] = {}
        self._issuing_timer = QTimer(self)
        self._issuing_timer.setInterval(60_000)
        self._issuing_timer.timeout.connect(self._load_issuing)

    @property
    def live(self) -> bool:
        return self.follow.is_connected

    def start(self) -> None:
        """Loads the snapshot (and the notices), then follows the live stream from it."""
        if not self.follow.following:
            self.follow.start()
        if not self._catalog_tried:
            self._load_catalog()
        self._load_issuing()
        self._issuing_timer.start()

    def stop(self) -> None:
        self._issuing_timer.stop()
        self._catalog_retry.stop()
        self.follow.stop()

    def _load_catalog(self) -> None:
        call = self.api.get(paths.CATALOG)
        call.succeeded.connect(self._on_catalog)
        call.failed.connect(self._on_catalog_failed)

    def _load_issuing(self) -> None:
        call = self.api.get(paths.ISSUING)
        call.succeeded.connect(self._on_issuing)

    def _on_issuing(self, body: Any) -> None:
        if isinstance(body, dict) and body != self.issuing:
            self.issuing = body
            self.changed.emit()

    @property
    def closed(self) -> bool:
        """The hall issues no ticket in any category now (not in trial mode)."""
        return bool(self.issuing) and not self.issuing.get("open", True)

    def _on_queue(self, body: Any) -> None:
        if not isinstance(body, dict):
            return
        self.model.load_snapshot(body)
        self.loaded = True
        self.changed.emit()
        self._maybe_ready()

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

    def _on_event(self, ev: dict[str, Any]) -> None:
        calls = self.model.apply(ev)
        if ev.get("type") in CATALOG_EVENTS:
            self._load_catalog()
        if ev.get("type") == "day.closed":
            self._load_issuing()
        for call in calls:
            self.called.emit(call)
        self.changed.emit()
