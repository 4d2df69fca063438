"""In service or out of service: the kiosk must know within seconds when the hall server is gone.

Three signals feed the decision. Any HTTP call that cannot reach the server (HallApi.reachable)
puts the kiosk out of service at once. The live WebSocket closing makes the kiosk probe
GET /health at once (a feed dropped for being slow is no outage). And because a pulled cable or
a hung server closes nothing, the feed is pinged every second; a ping unanswered for
``PONG_TIMEOUT_MS`` counts as an outage. While out of service, /health is probed every second,
so the kiosk recovers by itself as soon as the server answers.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from ui.common import paths
from ui.common.api import HallApi
from ui.common.follow import Follow

PING_MS = 1000
PONG_TIMEOUT_MS = 1800
PROBE_MS = 1000


def kiosk_follow(api: HallApi, parent: QObject | None = None) -> Follow:
    """The kiosk follows the queue with a heartbeat, so a silent link counts as an outage."""
    return Follow(
        api, paths.QUEUE, heartbeat_ms=PING_MS, pong_timeout_ms=PONG_TIMEOUT_MS, parent=parent
    )


class ServiceMonitor(QObject):
    """``changed(bool)`` whenever the kiosk goes in or out of service."""

    changed = Signal(bool)

    def __init__(self, api: HallApi, follow: Follow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.api = api
        self.up: bool | None = None
        self._probing = False
        self._timer = QTimer(self)
        self._timer.setInterval(PROBE_MS)
        self._timer.timeout.connect(self.probe)
        api.reachable.connect(self._set)
        follow.connected.connect(lambda up: None if up else self.probe())
        follow.stalled.connect(lambda: self._set(False))

    def _set(self, up: bool) -> None:
        if up:
            self._timer.stop()
        elif not self._timer.isActive():
            self._timer.start()
        if up != self.up:
            self.up = up
            self.changed.emit(up)

    def probe(self) -> None:
        if self._probing:
            return
        self._probing = True
        call = self.api.get(paths.HEALTH)
        call.done.connect(lambda: self._probed(call.status))

    def _probed(self, status: int) -> None:
        self._probing = False
        self._set(status != 0)  # any HTTP answer means the server is there

    def stop(self) -> None:
        self._timer.stop()
