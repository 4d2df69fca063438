"""Request dependencies: the hall, and the caller's token checked against the roles allowed."""

from __future__ import annotations

import asyncio
import functools
import hmac
from collections.abc import Callable
from typing import Any

from fastapi import Request, WebSocket
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.requests import HTTPConnection

from kiosk import limits
from kiosk.engine.auth import Principal
from kiosk.engine.hall import Hall
from kiosk.engine.idempotency import fingerprint
from kiosk.engine.phone import ticket_of_token
from kiosk.errors import HallError, Invalid, NotAllowed, NotFound, Unauthorized
from kiosk.server.access import ANYONE, SUPERVISORS, Rule, Where, rule_for
from kiosk.server.links import spend_link_budget


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
        ticket_id = ticket_of_token(hall, token)  # genuine and not expired
        if ticket_id is not None:
            found = Principal("ticket", ticket_id, "citizen")
    return found


ANONYMOUS = Principal("anonymous", "", ANYONE)


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


async def guard(request: HTTPConnection) -> Principal:
    """The caller, admitted by the access table for the matched route (see access.py). Every
    router runs it first; handlers that need the caller declare `Depends(guard)` again (FastAPI
    runs it once per request). On a public route a missing or unknown token is anonymous.
    Live channels answer with close codes instead, in `admit_socket`."""
    if request.scope["type"] != "http":
        return ANONYMOUS
    assert isinstance(request, Request)
    route = request.scope.get("route")
    template = getattr(route, "path", "")
    rule = rule_for(request.method, template)
    if rule is None:
        raise NotAllowed("此功能未开放", f"{request.method} {template} is not in the access table")
    token = bearer(request)
    who = (local_admin(request, token) or resolve(hall_of(request), token)) if token else None
    if rule.public:
        request.state.token = token if who is not None else None
        request.state.who = who or ANONYMOUS
        return request.state.who
    if token is None:
        raise Unauthorized("请先登录或配置设备令牌", "a bearer token is required")
    if who is None:
        raise Unauthorized("令牌无效或已过期，请重新登录", "invalid or expired token")
    admit(hall_of(request), rule, who, request.path_params)
    if who.kind == "ticket" and request.method != "GET":
        spend_link_budget(request, who)  # a link's writes are few: 429 beyond them
    request.state.token, request.state.who = token, who
    return who


def admit(hall: Hall, rule: Rule, who: Principal, params: dict[str, Any]) -> None:
    """The role check, then the rule's check on the path (the clerk's window, the link's
    ticket); raises NotAllowed (403), or 404/422 for a window that does not exist."""
    if who.role not in rule.roles:
        raise NotAllowed("无权执行此操作", f"role {who.role} may not do this")
    if rule.where == Where.OWN_TICKET:
        if who.kind != "ticket" or who.name != params.get("ticket_id"):
            raise NotAllowed("只能查看本人的号码", "a status link may read only its own ticket")
    elif rule.where in (Where.OWN_WINDOW, Where.OWN_WINDOW_OR_SUPERVISOR):
        no = window_param(hall, params.get("no"))
        if rule.where == Where.OWN_WINDOW_OR_SUPERVISOR and who.role in SUPERVISORS:
            return
        if who.kind != "clerk" or who.window_no != no:
            raise NotAllowed(f"您未在{no}号窗口登录", f"you are not signed in at window {no}")


def window_param(hall: Hall, raw: Any) -> int:
    """The path's window number, refused as FastAPI would refuse it (422 on `path.no`) when it
    is no window number at all, 404 when the hall has no such window."""
    try:
        no = int(str(raw))
    except ValueError:
        no = 0
    if not limits.WINDOW_NO_MIN <= no <= limits.WINDOW_NO_MAX:
        message = f"a window number from {limits.WINDOW_NO_MIN} to {limits.WINDOW_NO_MAX}"
        raise RequestValidationError([{"loc": ("path", "no"), "msg": message, "type": "range"}])
    if no not in hall.windows:
        raise NotFound(f"没有{no}号窗口", f"no window {no}")
    return no


class AsyncReply:
    """Where the hall's writer thread answers a request: an asyncio future, resolved with one
    call_soon_threadsafe, so the event loop is woken directly instead of through a chain of
    futures across threads."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.future: asyncio.Future[Any] = loop.create_future()

    def set_result(self, result: Any) -> None:
        self.loop.call_soon_threadsafe(self._settle, result, None)

    def set_exception(self, exc: BaseException) -> None:
        self.loop.call_soon_threadsafe(self._settle, None, exc)

    def _settle(self, result: Any, exc: BaseException | None) -> None:
        if self.future.done():
            return
        if exc is not None:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)


async def write(
    request: Request, fn: Callable[..., Any], *args: Any, replayable: bool = True, **kwargs: Any
) -> Any:
    """Runs an engine command on the hall's writer thread and waits, without blocking the
    event loop, until it is durable. With an Idempotency-Key header a resend by the same caller
    of the same request gets the first answer again instead of acting twice (idempotency.py);
    an anonymous write, or one that is not `replayable` (a login), ignores the key."""
    hall = hall_of(request)
    call: Callable[[], Any] = functools.partial(fn, *args, **kwargs)
    key = request.headers.get("idempotency-key")
    who: Principal | None = getattr(request.state, "who", None)
    if key and replayable and who is not None and who is not ANONYMOUS:
        if len(key) > 100:
            raise Invalid("幂等键过长", "Idempotency-Key is longer than 100 characters")
        query = f"?{request.url.query}" if request.url.query else ""
        print_ = fingerprint(request.method, request.url.path + query, await request.body())
        scope = f"{who.kind}:{who.name}"
        call = functools.partial(hall.run_once, scope, key, print_, call)
    reply = AsyncReply(asyncio.get_running_loop())
    hall.submit(call, reply)
    return await reply.future


def reply(body: Any, status: int = 200) -> JSONResponse:
    """Plain JSON out: our bodies are already JSON-ready dicts, so skip re-encoding them."""
    return JSONResponse(body, status_code=status)


async def admit_socket(ws: WebSocket, token: str | None) -> Principal | None:
    """The live channels' guard: the same table, answered with close codes (4401 no or bad
    token, 4403 refused) instead of statuses. Returns the caller, or None once closed."""
    route = ws.scope.get("route")
    rule = rule_for("WS", getattr(route, "path", ""))
    header = ws.headers.get("authorization", "")
    token = token or (header[7:].strip() if header.lower().startswith("bearer ") else None)
    hall = hall_of(ws)
    who = resolve(hall, token) if token else None
    if who is None:
        await ws.close(code=4401, reason="invalid token")
        return None
    try:
        if rule is None:
            raise NotAllowed("此功能未开放", "this channel is not in the access table")
        admit(hall, rule, who, ws.path_params)
    except HallError as exc:
        await ws.close(code=4403, reason=exc.message_en[:120])
        return None
    ws.state.token, ws.state.who = token, who  # re-checked while open (live.py)
    return who
