"""Request dependencies: the hall, and the caller's token checked against the roles allowed."""

from __future__ import annotations

import asyncio
import functools
import hmac
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse
from starlette.requests import HTTPConnection

from kiosk.engine.auth import Principal
from kiosk.engine.commit import AsyncReply
from kiosk.engine.hall import Hall
from kiosk.engine.idempotency import run_once
from kiosk.engine.views import ticket_from_token
from kiosk.errors import Forbidden, Invalid, NotFound, Unauthorized

CLERK_ROLES = ("clerk", "helpdesk", "supervisor", "admin")


def hall_of(conn: HTTPConnection) -> Hall:
    hall: Hall = conn.app.state.hall
    return hall


def bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return None


def resolve(hall: Hall, token: str | None) -> Principal | None:
    """A device, a clerk session, or a citizen holding a ticket's secret status link."""
    if not token:
        return None
    found = hall.principal(token)
    if found is None and "." in token:
        ticket_id = ticket_from_token(hall, token)
        if ticket_id is not None:
            found = Principal("ticket", ticket_id, "citizen")
    return found


def local_admin(conn: HTTPConnection, token: str) -> Principal | None:
    """The `kiosk serve` process's own admin token (kiosk.admin.credentials), accepted only
    from this machine: loopback, or the very address the server listens on."""
    expected: str | None = getattr(conn.app.state, "local_admin_token", None)
    if not expected or not hmac.compare_digest(token.encode(), expected.encode()):
        return None
    client = conn.client.host if conn.client else ""
    server = conn.scope.get("server") or ("",)
    if client not in ("127.0.0.1", "::1", server[0]):
        return None
    return Principal("local", "local-admin", "local_admin")


def allow(*roles: str) -> Callable[[Request], Awaitable[Principal]]:
    """A dependency admitting only tokens whose role is listed (device roles and clerk roles
    share one namespace: kiosk, display, rating_pad, center_sync, citizen, clerk, ...)."""

    async def check(request: Request) -> Principal:
        token = bearer(request)
        if token is None:
            raise Unauthorized("请先登录或配置设备令牌", "a bearer token is required")
        who = local_admin(request, token) or resolve(hall_of(request), token)
        if who is None:
            raise Unauthorized("令牌无效或已过期，请重新登录", "invalid or expired token")
        if who.role not in roles:
            raise Forbidden("无权执行此操作", f"role {who.role} may not do this")
        request.state.token = token
        return who

    return check


async def write(request: Request, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Runs an engine command on the hall's writer thread and waits, without blocking the
    event loop, until it is durable. With an Idempotency-Key header a resend gets the first
    answer again instead of acting twice."""
    hall = hall_of(request)
    call: Callable[[], Any] = functools.partial(fn, *args, **kwargs)
    key = request.headers.get("idempotency-key")
    if key:
        if len(key) > 100:
            raise Invalid("幂等键过长", "Idempotency-Key is longer than 100 characters")
        who = resolve(hall, getattr(request.state, "token", None))
        scope = who.name if who is not None else "anon"
        call = functools.partial(run_once, hall, scope, key, call)
    reply = AsyncReply(asyncio.get_running_loop())
    hall.submit(call, reply)
    return await reply.future


def reply(body: Any, status: int = 200) -> JSONResponse:
    """Plain JSON out: our bodies are already JSON-ready dicts, so skip re-encoding them."""
    return JSONResponse(body, status_code=status)


def at_window(request: Request, who: Principal, window_no: int) -> None:
    if window_no not in hall_of(request).windows:
        raise NotFound(f"没有{window_no}号窗口", f"no window {window_no}")
    if who.kind != "clerk" or who.window_no != window_no:
        raise Forbidden(
            f"您未在{window_no}号窗口登录", f"you are not signed in at window {window_no}"
        )
