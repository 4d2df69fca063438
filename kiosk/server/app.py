"""The FastAPI application of one hall."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response
from starlette.concurrency import run_in_threadpool

from kiosk import __version__
from kiosk.engine.hall import Hall
from kiosk.server import problems, routes_public, routes_tickets, routes_windows
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
        try:
            yield
        finally:
            unsubscribe()
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
    problems.install(app)

    @app.middleware("http")
    async def limit_body(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            return problems.problem(413, "too_large", "request body too large", "请求内容过大")
        return await call_next(request)

    for router in (routes_public.router, routes_tickets.router, routes_windows.router):
        app.include_router(router)
    app.include_router(live_router)
    return app


async def _duty_loop(hall: Hall, auto_close: bool) -> None:
    while True:
        await asyncio.sleep(DUTY_PERIOD_S)
        try:
            await run_in_threadpool(hall.run_duties, auto_close)
        except Exception:
            log.exception("periodic duties failed")
