"""Every error leaves the server as application/problem+json (RFC 9457) with a Chinese message
for the screen (`detail_zh`) and an English one (`detail`); never a bare 500 for bad input."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from kiosk.errors import HallError

log = logging.getLogger(__name__)
PROBLEM = "application/problem+json"

_HTTP_ZH = {
    400: "请求有误",
    401: "请先登录",
    403: "无权执行此操作",
    404: "未找到",
    405: "不支持的请求方法",
    409: "操作冲突",
    413: "请求内容过大",
    415: "不支持的内容类型",
    422: "请求内容有误",
    429: "请求过于频繁",
}


class RequestTooLarge(Exception):
    """A chunked body grew past the limit while being read."""


def problem(status: int, code: str, detail: str, detail_zh: str, **extra: Any) -> JSONResponse:
    body = {
        "type": f"/problems/{code}",
        "title": code.replace("_", " "),
        "status": status,
        "detail": detail,
        "detail_zh": detail_zh,
        **extra,
    }
    headers = {}
    if "retry_after" in extra:
        headers["Retry-After"] = str(extra["retry_after"])
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


def _field(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc if p != "body") or "body"


def install(app: FastAPI) -> None:
    @app.exception_handler(HallError)
    async def _hall_error(request: Request, exc: HallError) -> JSONResponse:
        return problem(exc.status, exc.code, exc.message_en, exc.message_zh, **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"field": _field(tuple(e.get("loc", ()))), "message": str(e.get("msg", ""))[:200]}
            for e in exc.errors()
        ]
        first = errors[0] if errors else {"field": "body", "message": "invalid"}
        return problem(
            422,
            "invalid",
            f"{first['field']}: {first['message']}",
            f"请求内容有误（{first['field']}），请检查后重试",
            errors=errors[:20],
        )

    @app.exception_handler(RequestTooLarge)
    async def _too_large(request: Request, exc: RequestTooLarge) -> JSONResponse:
        return problem(413, "too_large", "request body too large", "请求内容过大")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        zh = _HTTP_ZH.get(exc.status_code, "请求失败")
        return problem(exc.status_code, f"http_{exc.status_code}", str(exc.detail), zh)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem(500, "internal", "internal error", "系统内部错误，请联系工作人员")
