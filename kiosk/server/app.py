"""The FastAPI application of one hall."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kiosk import __version__
from kiosk.admin.ops import Site
from kiosk.engine.hall import Hall
from kiosk.server import (
    problems,
    routes_admin,
    routes_helpdesk,
    routes_issuing,
    routes_knowledge,
    routes_phone,
    routes_public,
    routes_reports,
    routes_stats,
    routes_supervision,
    routes_tickets,
    routes_windows,
)
from kiosk.server.live import Broadcaster
from kiosk.server.live import router as live_router

log = logging.getLogger(__name__)
MAX_BODY = 64 * 1024
DUTY_PERIOD_S = 30.0


def create_app(hall: Hall, *, duties: bool = True, auto_close: bool = True) -> FastAPI:
    broadcaster = Broadcaster()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        broadcaster.attach(asyncio.get_running_loop())
        unsubscribe = hall.subscribe(broadcaster.publish)
        task = asyncio.create_task(_duty_loop(hall, auto_close)) if duties else None
        watch = asyncio.create_task(broadcaster.watch(hall))
        try:
            yield
        finally:
            unsubscribe()
            watch.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watch
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    app = FastAPI(
        title="政务服务中心排队叫号 Hall server",
        version=__version__,
        lifespan=lifespan,
        docs_url="/docs",
    )
    app.state.hall = hall
    app.state.broadcaster = broadcaster
    app.state.site = Site(hall)  # `kiosk serve` replaces it with its own (and its sync loop)
    app.state.local_admin_token = None  # set by `kiosk serve`: see kiosk.admin.credentials
    problems.install(app)

    app.add_middleware(BodyLimit, limit=MAX_BODY)
    for router in (
        routes_public.router,
        routes_tickets.router,
        routes_issuing.router,
        routes_windows.router,
        routes_stats.router,
        routes_reports.router,
        routes_phone.router,
        routes_helpdesk.router,
        routes_knowledge.router,
        routes_supervision.router,
        routes_admin.router,
    ):
        app.include_router(router)
    app.include_router(live_router)
    return app


async def _duty_loop(hall: Hall, auto_close: bool) -> None:
    while True:
        await asyncio.sleep(DUTY_PERIOD_S)
        try:
            await asyncio.wrap_future(hall.submit(lambda: hall.run_duties(auto_close)))
        except Exception:
            log.exception("periodic duties failed")


class BodyLimit:
    """Refuses oversized bodies (413) before they are read: pure ASGI, so it costs nothing on
    the hot path, unlike a BaseHTTPMiddleware."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            for name, value in scope["headers"]:
                if name == b"content-length":
                    if not value.isdigit() or int(value) > self.limit:
                        response = problems.problem(
                            413, "too_large", "request body too large", "请求内容过大"
                        )
                        await response(scope, receive, send)
                        return
                    break
            else:
                receive = _capped(receive, self.limit)
        await self.app(scope, receive, send)


def _capped(receive: Receive, limit: int) -> Receive:
    """For chunked bodies with no length: stop reading past the limit."""
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise problems.RequestTooLarge
        return message

    return wrapped
