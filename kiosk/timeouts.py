"""Bounded waits on a client's request: the headers within `header_timeout` seconds of the
connection (or of the request's first byte after a keep-alive pause), and the body without a
pause longer than `body_timeout`.

uvicorn itself only times out idle keep-alive connections, so a client that sends half a request
line, or half a body, held its connection (and the request's task) for ever: a handful of them
could exhaust a hall PC's sockets, and one kept the server from stopping. This protocol is
uvicorn's httptools protocol with two timers; it is given to uvicorn as `http=` by `kiosk serve`
and `kiosk center serve`. The limits are class attributes read from the environment at import,
so the center's worker processes (which import this module anew) use the same ones.
"""

from __future__ import annotations

import asyncio
import logging
import os
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

log = logging.getLogger(__name__)
HEADER_TIMEOUT_S = 10.0
BODY_TIMEOUT_S = 30.0
HEADER_ENV = "KIOSK_HEADER_TIMEOUT"
BODY_ENV = "KIOSK_BODY_TIMEOUT"
REQUEST_TIMEOUT = (
    b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain; charset=utf-8\r\n"
    b"connection: close\r\ncontent-length: 42\r\n\r\nthe request headers did not arrive in time"
)


def _seconds(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


class TimedHttpProtocol(HttpToolsProtocol):
    header_timeout = _seconds(HEADER_ENV, HEADER_TIMEOUT_S)
    body_timeout = _seconds(BODY_ENV, BODY_TIMEOUT_S)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._timer: asyncio.TimerHandle | None = None
        self._body_seen = 0.0  # loop time the body last made progress

    # -- the timers ----------------------------------------------------------------------
    def _arm(self, delay: float, callback: Any) -> None:
        self._disarm()
        self._timer = self.loop.call_later(delay, callback)

    def _disarm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _headers_late(self) -> None:
        self._timer = None
        if self.transport is not None and not self.transport.is_closing():
            log.info(
                "closing %s: no complete request headers within %.0f s",
                self.client,
                self.header_timeout,
            )
            if self.cycle is None or self.cycle.response_complete:  # not mid-response
                self.transport.write(REQUEST_TIMEOUT)
            self.transport.close()

    def _body_late(self) -> None:
        self._timer = None
        if self.transport is None or self.transport.is_closing():
            return
        idle = self.loop.time() - self._body_seen
        if self.flow is not None and self.flow.read_paused:
            idle = 0.0  # the application has not read what came: the wait is ours, not theirs
        if idle < self.body_timeout:
            self._arm(self.body_timeout - idle, self._body_late)
            return
        log.info("closing %s: the request body stalled for %.0f s", self.client, idle)
        self.transport.close()  # the handler sees http.disconnect

    # -- uvicorn's hooks -----------------------------------------------------------------
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm(self.header_timeout, self._headers_late)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self._timer is None:
            self._arm(self.header_timeout, self._headers_late)

    def on_headers_complete(self) -> None:
        before = self.cycle
        self._disarm()
        super().on_headers_complete()
        if self.cycle is not before:  # a request (not an upgrade) whose body may follow
            self._body_seen = self.loop.time()
            self._arm(self.body_timeout, self._body_late)

    def on_body(self, body: bytes) -> None:
        self._body_seen = self.loop.time()
        super().on_body(body)

    def on_message_complete(self) -> None:
        self._disarm()
        super().on_message_complete()

    def handle_websocket_upgrade(self) -> None:
        self._disarm()
        super().handle_websocket_upgrade()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)


def configure(header_timeout: float | None, body_timeout: float | None) -> type[TimedHttpProtocol]:
    """Sets the limits for this process and for worker processes started after it."""
    if header_timeout:
        os.environ[HEADER_ENV] = str(header_timeout)
        TimedHttpProtocol.header_timeout = header_timeout
    if body_timeout:
        os.environ[BODY_ENV] = str(body_timeout)
        TimedHttpProtocol.body_timeout = body_timeout
    return TimedHttpProtocol
