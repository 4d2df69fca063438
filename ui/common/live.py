"""The live event stream over QWebSocket: push, not polling, and nothing missed on reconnect.

The feed remembers the last sequence number it delivered and reconnects with
`after_seq=<that>`, backing off from 0.5 s to 5 s while the server is away. With a heartbeat it
also notices a link that went silent without closing (a pulled cable): a ping unanswered for
`pong_timeout_ms` aborts the socket, emits `stalled`, and the usual reconnect follows.

When the server's log is behind the seq the feed resumes from (the store was restored from a
backup), the server answers `stream.reset` with its head: the feed stops and emits `reset`; its
user reloads its snapshot and calls `start(after_seq=<the snapshot's last_seq>)`, the same path
as at start-up, so nothing is shown from a log that no longer exists.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, QUrl, Signal
from PySide6.QtWebSockets import QWebSocket

from ui.common import paths

BACKOFF_MS = (500, 1000, 2000, 5000)


class LiveFeed(QObject):
    received = Signal(dict)  # one event (not `event`: that would shadow QObject.event)
    connected = Signal(bool)
    stalled = Signal()
    reset = Signal(int)  # the server's head seq: reload the snapshot, then start() again

    def __init__(
        self,
        base_url: str,
        token: str,
        after_seq: int = 0,
        parent: QObject | None = None,
        heartbeat_ms: int | None = None,
        pong_timeout_ms: int = 3000,
    ) -> None:
        super().__init__(parent)
        self.base_url = (
            base_url.rstrip("/").replace("http://", "ws://").replace("https://", "wss://")
        )
        self.token = token
        self.last_seq = after_seq
        self.is_connected = False
        self.awaiting_snapshot = False  # after a reset, until start() is called again
        self._attempt = 0
        self._stopped = False
        self._socket = QWebSocket()
        self._socket.setParent(self)
        self._socket.connected.connect(self._on_connected)
        self._socket.disconnected.connect(self._on_disconnected)
        self._socket.textMessageReceived.connect(self._on_message)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._open)
        self._pong_timeout_ms = pong_timeout_ms
        self._heartbeat = bool(heartbeat_ms)
        self._outstanding = QElapsedTimer()
        self._ping = QTimer(self)
        if heartbeat_ms:
            self._ping.setInterval(heartbeat_ms)
            self._ping.timeout.connect(self._tick)
            self._socket.pong.connect(lambda *_: self._outstanding.invalidate())

    def start(self, after_seq: int | None = None) -> None:
        if after_seq is not None:
            self.last_seq = after_seq
        self._stopped = False
        self.awaiting_snapshot = False
        self._open()

    def stop(self) -> None:
        """Closes politely when connected; a socket still opening is aborted, since writing a
        close frame on it fails (with a Qt warning)."""
        self._stopped = True
        self._retry.stop()
        self._ping.stop()
        if self.is_connected:
            self._socket.close()
        else:
            self._socket.abort()

    def _open(self) -> None:
        url = QUrl(f"{self.base_url}{paths.LIVE}?after_seq={self.last_seq}&token={self.token}")
        self._socket.open(url)

    def _tick(self) -> None:
        if self._outstanding.isValid():
            if self._outstanding.elapsed() > self._pong_timeout_ms:
                self._ping.stop()
                self.stalled.emit()
                self._socket.abort()  # disconnected -> reconnect with after_seq
            return
        self._outstanding.start()
        self._socket.ping(b"hb")

    def _on_connected(self) -> None:
        self._attempt = 0
        self.is_connected = True
        self._outstanding.invalidate()
        if self._heartbeat:
            self._ping.start()
        self.connected.emit(True)

    def _on_disconnected(self) -> None:
        self._ping.stop()
        if self.is_connected:
            self.is_connected = False
            self.connected.emit(False)
        if not self._stopped:
            delay = BACKOFF_MS[min(self._attempt, len(BACKOFF_MS) - 1)]
            self._attempt += 1
            self._retry.start(delay)

    def _on_message(self, text: str) -> None:
        try:
            ev: dict[str, Any] = json.loads(text)
        except ValueError:
            return
        if ev.get("type") == "stream.reset":
            head = int(ev.get("seq") or 0)
            self._stopped = True  # no reconnect from a seq the server does not have
            self._retry.stop()
            self._ping.stop()
            self._socket.abort()
            self.last_seq = head
            self.awaiting_snapshot = True
            self.reset.emit(head)
            return
        seq = int(ev.get("seq", 0))
        if seq <= self.last_seq:
            return
        self.last_seq = seq
        self.received.emit(ev)
