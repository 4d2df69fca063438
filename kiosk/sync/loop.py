"""Sync in the background of `kiosk serve`: soon after new events, every minute as a heartbeat,
and with exponential backoff (up to 5 minutes) while the center cannot be reached.

A refusal (the center answers 401/403/4xx: a wrong token, another hall's token) or a log that
has forked from the center's copy will not fix itself by retrying: the loop then waits long
between rounds, ignores new events as a reason to retry, and raises one alert per distinct
problem (`sync_refused`, `sync_diverged`) for the supervisors. `run_now` (the `kiosk sync`
command, through the server) tries at once, after a human has fixed the cause.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta
from typing import Any

import httpx

from kiosk.center.client import CenterClient, CenterSyncError
from kiosk.clock import iso
from kiosk.engine.hall import Hall
from kiosk.errors import StorageError
from kiosk.sync.pusher import SyncSummary, sync_once
from kiosk.sync.recover import SyncDiverged, behind_message, check_same_history, recover_tail
from kiosk.sync.settings import CenterLink

log = logging.getLogger(__name__)
HEARTBEAT_S = 60.0
SETTLE_S = 1.0  # gather a burst of events into one push
BACKOFF = (1.0, 2.0, 5.0, 15.0, 60.0, 300.0)
REFUSED_BACKOFF_S = 1800.0  # a refusal needs a human: try again only now and then
ALERT_MEMORY = timedelta(days=1)  # the same problem is alerted again after a day at most
STOP_JOIN_S = 5.0


class SyncLoop:
    def __init__(self, hall: Hall, link: CenterLink) -> None:
        self.hall = hall
        self.link = link
        self.last: SyncSummary | None = None
        self.failures = 0
        self.problem: str | None = None  # the last round's error, for the status
        self._verified = False  # the overlap with the center's copy was checked this run
        self._alerted: set[str] = set()
        self._round_lock = threading.Lock()
        self._wake = threading.Event()  # new events: push soon
        self._kick = threading.Event()  # stop, or a successful round from run_now
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="center-sync", daemon=True)
        self._unsubscribe = hall.subscribe(lambda _ev: self._wake.set())

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = STOP_JOIN_S) -> None:
        """Bounded: a round stuck on a slow center is left behind (a daemon thread)."""
        self._stop.set()
        self._wake.set()
        self._kick.set()
        self._unsubscribe()
        if self._thread.is_alive():
            self._thread.join(timeout=timeout)

    def run_now(self, link: CenterLink | None = None, timeout: float = 60.0) -> SyncSummary:
        """One round at once, in the caller's thread (serialised with the loop's rounds);
        raises what the round raised."""
        if link is not None:
            self.link = link
            self._verified = False
            self._alerted.clear()
        with self._round_lock, self._open(timeout) as client:
            summary = sync_once(self.hall, client, verify=not self._verified)
            self._succeeded(summary)
        self._kick.set()
        return summary

    def catch_up(self, timeout: float = 10.0) -> None:
        """Before the server takes requests: a hall behind the center's ack (restored from a
        backup, or a lost -wal file) recovers the missing tail first, so no new local event
        can fork its log. A center out of reach does not stop the hall from serving."""
        with self._round_lock:
            try:
                with self._open(timeout) as client:
                    acked = client.acked()
                    head = self.hall.last_seq
                    if acked > head:
                        log.warning(behind_message(head, acked)[1])
                        count = recover_tail(self.hall, client, acked)
                        log.warning("recovered %d events from the center", count)
                    else:
                        check_same_history(self.hall, client, acked)
                self._verified = True
            except SyncDiverged as exc:
                log.error("sync stopped: %s", exc.message_en)
                self._alert("sync_diverged", exc.key, exc.message_en, exc.message_zh)
            except (httpx.HTTPError, CenterSyncError) as exc:
                log.warning("could not check the log with the center before serving: %s", exc)

    def _open(self, timeout: float) -> CenterClient:
        return CenterClient(self.link.url, self.hall.code, self.link.token, timeout=timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            delay, healthy = self._round()
            if healthy:
                self._wake.wait(delay)
                if self._stop.is_set():
                    return
                if self._wake.is_set():
                    self._wake.clear()
                    self._stop.wait(SETTLE_S)
            else:
                self._kick.wait(delay)  # new events do not cut a backoff short
                self._kick.clear()
                self._wake.clear()

    def _round(self) -> tuple[float, bool]:
        """One scheduled round: (seconds until the next, whether it went well)."""
        with self._round_lock:
            try:
                with self._open(30.0) as client:
                    summary = sync_once(self.hall, client, verify=not self._verified)
                self._succeeded(summary)
                return HEARTBEAT_S, True
            except SyncDiverged as exc:
                log.error("sync stopped: %s", exc.message_en)
                self._alert("sync_diverged", exc.key, exc.message_en, exc.message_zh)
                return REFUSED_BACKOFF_S, False
            except CenterSyncError as exc:
                if exc.retryable:
                    log.warning("the center failed: %s", exc)
                    return self._backoff(str(exc)), False
                log.error("the center refused this hall's sync: %s", exc)
                key = f"{exc.status}:{exc.title}"
                self._alert("sync_refused", key, exc.detail, exc.detail_zh, status=exc.status)
                return REFUSED_BACKOFF_S, False
            except httpx.HTTPError as exc:
                log.warning("center unreachable: %s", exc)
                return self._backoff(f"center unreachable: {exc}"), False
            except StorageError as exc:
                log.error("sync could not write the hall store: %s", exc.message_en)
                return self._backoff(exc.message_en), False
            except Exception as exc:  # the loop must go on; logged in full
                log.exception("sync round failed")
                return self._backoff(f"{type(exc).__name__}: {exc}"), False

    def _succeeded(self, summary: SyncSummary) -> None:
        self.last = summary
        self.failures = 0
        self.problem = None
        self._verified = True
        self._alerted.clear()

    def _backoff(self, problem: str) -> float:
        self.problem = problem
        self.failures += 1
        return BACKOFF[min(self.failures - 1, len(BACKOFF) - 1)]

    def _alert(self, kind: str, key: str, detail: str, detail_zh: str, **extra: Any) -> None:
        """Raises an alert in the hall once per distinct problem (not every round)."""
        self.problem = detail
        self.failures += 1
        if key in self._alerted:
            return
        self._alerted.add(key)
        hall = self.hall
        since = iso(hall.clock.now() - ALERT_MEMORY)
        if hall.alerted_since(kind, key, since):
            return
        details = {"key": key, "detail": detail, "detail_zh": detail_zh, **extra}
        try:
            hall.submit(lambda: hall.raise_alert(kind, details)).result(timeout=30)
        except Exception:  # the log line above already says it
            log.exception("could not raise the %s alert", kind)
