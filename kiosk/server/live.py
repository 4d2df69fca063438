"""Push, not polling: committed events reach every board, window and phone as they happen.

The engine calls `publish` from its writer thread in sequence order; each subscriber has a bounded
queue. A client that falls too far behind is disconnected rather than silently skipped, and a
(re)connecting client names the last seq it saw, so it reads the gap from the log and misses
nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from starlette.concurrency import run_in_threadpool

from kiosk.events import Event
from kiosk.server.deps import admit_socket, hall_of

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/v1")
QUEUE_LIMIT = 2000
BACKLOG_PAGE = 500
OVERFLOW = (-1, "")


class Broadcaster:
    def __init__(self) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None
        self._subscribers: set[asyncio.Queue[tuple[int, str]]] = set()

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop

    def publish(self, ev: Event) -> None:
        """Called on the engine's thread: serialise once, hand over to the event loop."""
        if not self._subscribers or self.loop is None or self.loop.is_closed():
            return
        text = json.dumps(ev.to_dict(), ensure_ascii=False, separators=(",", ":"))
        self.loop.call_soon_threadsafe(self._fanout, ev.seq, text)

    def _fanout(self, seq: int, text: str) -> None:
        for q in list(self._subscribers):
            if q.qsize() >= QUEUE_LIMIT - 1:
                self._subscribers.discard(q)
                q.put_nowait(OVERFLOW)
            else:
                q.put_nowait((seq, text))

    def subscribe(self) -> asyncio.Queue[tuple[int, str]]:
        q: asyncio.Queue[tuple[int, str]] = asyncio.Queue(maxsize=QUEUE_LIMIT)
        self._subscribers.add(q)
        return q

    def unsubscribe(self, q: asyncio.Queue[tuple[int, str]]) -> None:
        self._subscribers.discard(q)

    @property
    def count(self) -> int:
        return len(self._subscribers)


async def _send_backlog(ws: WebSocket, after: int) -> int:
    hall = hall_of(ws)
    while True:
        batch = await run_in_threadpool(hall.events_after, after, BACKLOG_PAGE)
        for ev in batch:
            await ws.send_text(json.dumps(ev.to_dict(), ensure_ascii=False))
            after = ev.seq
        if len(batch) < BACKLOG_PAGE:
            return after


@asynccontextmanager
async def subscription(ws: WebSocket) -> AsyncIterator[AsyncIterator[tuple[int, str]]]:
    """Subscribes an accepted socket; yields its events as (seq, text) until the client leaves,
    or closes it (1013) when it falls too far behind. Subscribing happens before the caller
    reads any backlog from the log, so nothing falls between the two."""
    broadcaster: Broadcaster = ws.app.state.broadcaster
    q = broadcaster.subscribe()
    receiver = asyncio.ensure_future(_drain_client(ws))

    async def items() -> AsyncIterator[tuple[int, str]]:
        while True:
            getter = asyncio.ensure_future(q.get())
            done, _ = await asyncio.wait({getter, receiver}, return_when=asyncio.FIRST_COMPLETED)
            if receiver in done:
                getter.cancel()
                return
            item = getter.result()
            if item == OVERFLOW:
                await ws.close(code=1013, reason="too slow; reconnect")
                return
            yield item

    try:
        yield items()
    except (WebSocketDisconnect, RuntimeError):
        pass
    finally:
        broadcaster.unsubscribe(q)
        receiver.cancel()
        with contextlib.suppress(BaseException):
            await receiver


@router.websocket("/live")
async def live(ws: WebSocket, after_seq: int = 0, token: str | None = None) -> None:
    # a citizen's status link is refused here (the access table): it has its own narrow feed
    # (/api/v1/tickets/{id}/live), never the hall's stream with other tickets and staff in it
    if await admit_socket(ws, token) is None:
        return
    await ws.accept()
    async with subscription(ws) as events:
        last = await _send_backlog(ws, max(0, after_seq))
        async for seq, text in events:
            if seq <= last:
                continue
            if seq > last + 1:
                last = await _send_backlog(ws, last)
                continue
            await ws.send_text(text)
            last = seq


async def _drain_client(ws: WebSocket) -> None:
    """Reads (and ignores) what the client sends, to notice when it goes away."""
    with contextlib.suppress(WebSocketDisconnect, RuntimeError):
        while True:
            msg = await ws.receive()
            if msg.get("type") == "websocket.disconnect":
                return
