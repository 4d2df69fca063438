"""Push, not polling: committed events reach every board, window and phone as they happen.

The engine calls `publish` from its writer thread in sequence order; each subscriber has a bounded
queue. A client that falls too far behind is disconnected rather than silently skipped, and a
(re)connecting client names the last seq it saw, so it reads the gap from the log and misses
nothing. A client that names a seq beyond the log's head (the store was restored from a backup,
or the client speaks to another hall) is told `stream.reset` and should reload its snapshot.

Each subscriber sees the stream through its role's view (live_views.py): staff get it whole,
screens only what they show. Every open connection is re-checked against its credentials
several times a second: one whose token was revoked, whose session ended or whose role changed
is closed (4401), so a revocation reaches live connections within a second too.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from starlette.concurrency import run_in_threadpool

from kiosk import events as evlog
from kiosk.engine.auth import Principal
from kiosk.engine.hall import Hall
from kiosk.engine.queue.views import ticket_from_token
from kiosk.events import Event
from kiosk.server.deps import admit_socket, hall_of
from kiosk.server.live_views import View, project, view_for

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/v1")
QUEUE_LIMIT = 2000
BACKLOG_PAGE = 500
REVALIDATE_S = 0.25
MAX_SEQ = 2**63 - 1
SEQ_SHAPE = re.compile(r"^[0-9]{1,19}$")
Item = tuple[int, str | None]  # (seq, text); text None: not for this subscriber
OVERFLOW: Item = (-1, None)
BAD_REQUEST, UNAUTHORIZED = 4400, 4401


def dumps(event: dict[str, Any]) -> str:
    return json.dumps(event, ensure_ascii=False, separators=(",", ":"))


@dataclass(eq=False)
class Subscriber:
    """One open connection: its queue, its view of the stream and the credentials it opened
    with. `ended` resolves to a close (code, reason) when those credentials stop being good."""

    queue: asyncio.Queue[Item]
    ended: asyncio.Future[tuple[int, str]]
    view: View | None = None
    window_no: int | None = None
    token: str | None = None
    who: Principal | None = None
    key: tuple[str, int | None] = field(init=False)

    def __post_init__(self) -> None:
        view = self.view
        self.key = ("" if view is None else view.name, self.window_no if view else None)

    def end(self, code: int, reason: str) -> None:
        if not self.ended.done():
            self.ended.set_result((code, reason))


class Broadcaster:
    def __init__(self) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None
        self._subscribers: set[Subscriber] = set()

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop

    def publish(self, ev: Event) -> None:
        """Called on the engine's thread: serialise once, hand over to the event loop."""
        if not self._subscribers or self.loop is None or self.loop.is_closed():
            return
        text = dumps(ev.to_dict())
        self.loop.call_soon_threadsafe(self._fanout, ev, text)

    def _fanout(self, ev: Event, text: str) -> None:
        shown: dict[tuple[str, int | None], str | None] = {}
        for sub in list(self._subscribers):
            if sub.key not in shown:  # each view is rendered once per event, not per socket
                seen = project(sub.view, ev.to_dict(), sub.window_no) if sub.view else None
                shown[sub.key] = text if sub.view is None else (dumps(seen) if seen else None)
            q = sub.queue
            if q.qsize() >= QUEUE_LIMIT - 1:
                self._subscribers.discard(sub)
                q.put_nowait(OVERFLOW)
            else:
                q.put_nowait((ev.seq, shown[sub.key]))

    def subscribe(
        self,
        view: View | None = None,
        window_no: int | None = None,
        token: str | None = None,
        who: Principal | None = None,
    ) -> Subscriber:
        loop = asyncio.get_running_loop()
        sub = Subscriber(asyncio.Queue(maxsize=QUEUE_LIMIT), loop.create_future(), view,
                         window_no, token, who)  # fmt: skip
        self._subscribers.add(sub)
        return sub

    def unsubscribe(self, sub: Subscriber) -> None:
        self._subscribers.discard(sub)

    @property
    def count(self) -> int:
        return len(self._subscribers)

    async def watch(self, hall: Hall) -> None:
        """Closes the connections whose credentials were revoked, ended or changed. A lookup
        is cached for at most auth.CACHE_S, so this costs a dictionary lookup per connection
        per round, and one query per token per CACHE_S."""
        while True:
            await asyncio.sleep(REVALIDATE_S)
            for sub in list(self._subscribers):
                try:
                    reason = revoked(hall, sub)
                except Exception:  # the store is unreadable now: check again next round
                    log.exception("could not re-check a live connection's token")
                    continue
                if reason is not None:
                    self._subscribers.discard(sub)
                    sub.end(UNAUTHORIZED, reason)


def revoked(hall: Hall, sub: Subscriber) -> str | None:
    """Why a connection's credentials no longer hold, or None while they do."""
    who, token = sub.who, sub.token
    if who is None or token is None:
        return None
    if who.kind == "ticket":
        return (
            None if ticket_from_token(hall.settings, token) == who.name else "status link not valid"
        )
    now = hall.principal(token)
    if now is None:
        return "signed out" if who.kind == "clerk" else "token revoked"
    if now != who:
        return "credentials changed; reconnect"
    return None


async def _send_backlog(ws: WebSocket, after: int, sub: Subscriber) -> int:
    """Sends what the log holds after `after`, as the subscriber's view shows it; returns the
    last seq read (shown or not)."""
    hall = hall_of(ws)
    while True:
        batch = await run_in_threadpool(hall.events_after, after, BACKLOG_PAGE)
        for ev in batch:
            seen = project(sub.view, ev.to_dict(), sub.window_no)
            if seen is not None:
                await ws.send_text(dumps(seen))
            after = ev.seq
        if len(batch) < BACKLOG_PAGE:
            return after


@asynccontextmanager
async def subscription(
    ws: WebSocket, view: View | None = None, window_no: int | None = None
) -> AsyncIterator[tuple[Subscriber, AsyncIterator[Item]]]:
    """Subscribes an accepted socket; yields its events as (seq, text or None) until the client
    leaves, or closes it when it falls too far behind (1013) or its credentials no longer hold
    (4401). Subscribing happens before the caller reads any backlog from the log, so nothing
    falls between the two."""
    broadcaster: Broadcaster = ws.app.state.broadcaster
    sub = broadcaster.subscribe(
        view, window_no, getattr(ws.state, "token", None), getattr(ws.state, "who", None)
    )
    receiver = asyncio.ensure_future(_drain_client(ws))

    async def items() -> AsyncIterator[Item]:
        while True:
            getter = asyncio.ensure_future(sub.queue.get())
            waiting: set[asyncio.Future[Any]] = {getter, receiver, sub.ended}
            done, _ = await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
            if receiver in done:
                getter.cancel()
                return
            if sub.ended in done:
                getter.cancel()
                code, reason = sub.ended.result()
                await ws.close(code=code, reason=reason)
                return
            item = getter.result()
            if item == OVERFLOW:
                await ws.close(code=1013, reason="too slow; reconnect")
                return
            yield item

    try:
        yield sub, items()
    except (WebSocketDisconnect, RuntimeError):
        pass
    finally:
        broadcaster.unsubscribe(sub)
        receiver.cancel()
        with contextlib.suppress(BaseException):
            await receiver


def parse_after(raw: str | None) -> int | str:
    """The seq a client resumes after, or why it is not one (negative, not a whole number,
    beyond 2^63 - 1)."""
    if raw is None or raw == "":
        return 0
    if not SEQ_SHAPE.match(raw) or int(raw) > MAX_SEQ:
        return "after_seq must be a whole number from 0 to 2^63-1"
    return int(raw)


def _head(hall: Hall) -> int:
    """The last seq in the log as readers see it (a snapshot's last_seq is read the same way)."""
    return evlog.last_seq(hall.reader())


@router.websocket("/live")
async def live(ws: WebSocket, after_seq: str | None = None, token: str | None = None) -> None:
    # a citizen's status link is refused here (the access table): it has its own narrow feed
    # (/api/v1/tickets/{id}/live), never the hall's stream with other tickets and staff in it
    who = await admit_socket(ws, token)
    if who is None:
        return
    await ws.accept()
    start = parse_after(after_seq)
    if isinstance(start, str):
        await ws.close(code=BAD_REQUEST, reason=start)
        return
    async with subscription(ws, view_for(who.role), who.window_no) as (sub, events):
        head = await run_in_threadpool(_head, hall_of(ws))
        if start > head:
            why = "after_seq is beyond the hall's log: reload the snapshot"
            reset = {"type": "stream.reset", "seq": head, "after_seq": start, "reason": why}
            await ws.send_text(dumps(reset))
            start = head
        last = await _send_backlog(ws, start, sub)
        async for seq, text in events:
            if seq <= last:
                continue
            if seq > last + 1:
                last = await _send_backlog(ws, last, sub)
                continue
            if text is not None:
                await ws.send_text(text)
            last = seq


async def _drain_client(ws: WebSocket) -> None:
    """Reads (and ignores) what the client sends, to notice when it goes away."""
    with contextlib.suppress(WebSocketDisconnect, RuntimeError):
        while True:
            msg = await ws.receive()
            if msg.get("type") == "websocket.disconnect":
                return
