"""Following the hall: one snapshot read over HTTP, then the live stream from exactly its seq.

Every front end shows state that the server changes: the board its calls, the kiosk its
waiting counts, the window client its window, the help desk its questions, the rating pad its
window's last service. They all do it the same way, so it is written once here:

- ``start()`` reads the snapshot (GET ``path``, answered with the ``last_seq`` it reflects),
  hands it to the owner (``loaded``), and opens the live feed after that seq, so no event is
  missed between the two and none is shown twice;
- the feed resumes by itself after a drop or a server restart (``LiveFeed``: after the last seq
  it delivered);
- when the server's log is behind what was seen (a store restored from a backup, answered with
  ``stream.reset``), the snapshot is read again and the feed follows on from it: the same path
  as at start-up;
- while no snapshot is in hand (the first, or the one after a reset) a failed read is retried
  with a backoff, so a front end started before its server catches up by itself;
- ``refresh()`` re-reads the snapshot while following (front ends that take an event as a cue
  to re-read rather than apply it); ``refresh_soon()`` gathers the cues of a burst of events
  into one request, and one request is in flight at a time, so answers arrive in the order
  they were asked for.

Nothing here waits: requests and the socket report by signal (``HallApi``, ``LiveFeed``), so
the GUI thread never blocks on the network. The feed's credentials are the API's token when
``start()`` is called: a clerk's client starts following after signing in and ``stop()``s at
sign-out, while it may ``refresh()`` the snapshot for its sign-in screen before.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ui.common.api import ApiError, HallApi
from ui.common.live import LiveFeed

RETRY_MS = (1000, 2000, 5000)
COALESCE_MS = 200
PONG_TIMEOUT_MS = 3000


def snapshot_seq(body: Any) -> int:
    """The log position a snapshot reflects (0 for a body without one)."""
    return int(body.get("last_seq") or 0) if isinstance(body, dict) else 0


class Follow(QObject):
    """A snapshot (GET ``path``) and the live events after it, for one front end."""

    loaded = Signal(object)  # a snapshot's body: the first, each refresh, the one after a reset
    received = Signal(dict)  # one live event after the snapshot, in order
    connected = Signal(bool)  # the live feed is (or is no longer) connected
    stalled = Signal()  # a heartbeat went unanswered (a pulled cable): reconnecting
    reset = Signal(int)  # the server's log is behind what was seen: the snapshot is re-read
    failed = Signal(object)  # ApiError: a snapshot could not be read

    def __init__(
        self,
        api: HallApi,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        heartbeat_ms: int | None = None,
        pong_timeout_ms: int = PONG_TIMEOUT_MS,
        coalesce_ms: int = COALESCE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.api, self.path, self.params = api, path, params
        self.feed: LiveFeed | None = None
        self.following = False  # start() was called and stop() not since
        self.snapshot: Any = None  # the last snapshot read
        self._heartbeat_ms, self._pong_timeout_ms = heartbeat_ms, pong_timeout_ms
        self._in_flight = False
        self._again = False  # a refresh was asked for while one was in flight
        self._attempts = 0
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(self.refresh)
        self._soon = QTimer(self, singleShot=True, interval=coalesce_ms)
        self._soon.timeout.connect(self.refresh)

    @property
    def is_connected(self) -> bool:
        return self.feed is not None and self.feed.is_connected

    @property
    def last_seq(self) -> int:
        """The last event delivered (or the snapshot's seq before any)."""
        return self.feed.last_seq if self.feed is not None else snapshot_seq(self.snapshot)

    @property
    def needs_snapshot(self) -> bool:
        """Following, and the feed cannot go on without a (new) snapshot."""
        return self.following and (self.feed is None or self.feed.awaiting_snapshot)

    def start(self) -> None:
        """Reads the snapshot and follows the stream from it; again after stop()."""
        self.following = True
        self.refresh()

    def stop(self) -> None:
        """Closes the feed (a new one opens at the next start(), with the token of then)."""
        self.following = False
        self._retry.stop()
        self._soon.stop()
        if self.feed is not None:
            self.feed.stop()
            self.feed.deleteLater()
            self.feed = None

    def refresh(self) -> None:
        """Reads the snapshot now (after the one in flight, if any)."""
        self._soon.stop()
        if self._in_flight:
            self._again = True
            return
        self._in_flight = True
        call = self.api.get(self.path, self.params)
        call.succeeded.connect(self._got)
        call.failed.connect(self._failed)

    def refresh_soon(self) -> None:
        """Reads the snapshot shortly, once for all the cues given until then."""
        if not self._soon.isActive():
            self._soon.start()

    def _settle(self) -> None:
        """Ends the request in flight and sends the one asked for meanwhile, if any."""
        self._in_flight = False
        if self._again:
            self._again = False
            self.refresh()

    def _got(self, body: Any) -> None:
        self._settle()
        self._attempts = 0
        self._retry.stop()
        self.snapshot = body
        self.loaded.emit(body)
        if self.needs_snapshot:
            self._follow_from(snapshot_seq(body))

    def _failed(self, error: ApiError) -> None:
        self._settle()
        self.failed.emit(error)
        if not self._in_flight and (self.snapshot is None or self.needs_snapshot):
            delay = RETRY_MS[min(self._attempts, len(RETRY_MS) - 1)]
            self._attempts += 1
            self._retry.start(delay)

    def _follow_from(self, seq: int) -> None:
        if self.feed is None:
            self.feed = LiveFeed(
                self.api.base_url,
                self.api.token or "",
                parent=self,
                heartbeat_ms=self._heartbeat_ms,
                pong_timeout_ms=self._pong_timeout_ms,
            )
            self.feed.received.connect(self.received)
            self.feed.connected.connect(self.connected)
            self.feed.stalled.connect(self.stalled)
            self.feed.reset.connect(self._on_reset)
        self.feed.start(after_seq=seq)

    def _on_reset(self, head: int) -> None:
        """What was seen is gone from the server's log: start over from a snapshot."""
        self.reset.emit(head)
        self.refresh()
