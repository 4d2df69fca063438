"""Sync in the background of `kiosk serve`: soon after new events, every minute as a heartbeat,
and with exponential backoff (up to 5 minutes) while the center cannot be reached."""

from __future__ import annotations

import logging
import threading

import httpx

from kiosk.center.client import CenterClient, CenterSyncError
from kiosk.engine.hall import Hall
from kiosk.sync.pusher import SyncSummary, sync_once
from kiosk.sync.settings import CenterLink

log = logging.getLogger(__name__)
HEARTBEAT_S = 60.0
SETTLE_S = 1.0  # gather a burst of events into one push
BACKOFF = (1.0, 2.0, 5.0, 15.0, 60.0, 300.0)


class SyncLoop:
    def __init__(self, hall: Hall, link: CenterLink) -> None:
        self.hall = hall
        self.link = link
        self.last: SyncSummary | None = None
        self.failures = 0
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="center-sync", daemon=True)
        self._unsubscribe = hall.subscribe(lambda _ev: self._wake.set())

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        self._unsubscribe()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        with CenterClient(self.link.url, self.hall.code, self.link.token, timeout=30) as client:
            while not self._stop.is_set():
                delay = self._round(client)
                self._wake.wait(delay)
                if self._stop.is_set():
                    return
                if self._wake.is_set():
                    self._wake.clear()
                    self._stop.wait(SETTLE_S)

    def _round(self, client: CenterClient) -> float:
        try:
            self.last = sync_once(self.hall, client)
            self.failures = 0
            return HEARTBEAT_S
        except (httpx.TransportError, CenterSyncError) as exc:
            if isinstance(exc, CenterSyncError) and not exc.retryable:
                log.error("the center refused this hall's events: %s", exc)
            else:
                log.warning("center unreachable: %s", exc)
            self.failures += 1
            return BACKOFF[min(self.failures - 1, len(BACKOFF) - 1)]
        except Exception:
            log.exception("sync round failed")
            self.failures += 1
            return BACKOFF[min(self.failures - 1, len(BACKOFF) - 1)]
