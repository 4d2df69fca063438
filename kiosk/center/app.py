"""The center web app: `create_center_app(db_url)` for uvicorn (`kiosk center serve`).

Every error leaves as application/problem+json with `title`, `status`, `detail` and a Chinese
`detail_zh`, so a hall's sync log and a supervisor's screen can both show it as is.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from kiosk.center.db import default_db_url, open_center_db
from kiosk.center.errors import CenterError
from kiosk.center.office_routes import build_office_router
from kiosk.center.routes import build_router

log = logging.getLogger(__name__)
PROBLEM = "application/problem+json"
_STATUS_ZH = {404: "未找到该资源", 405: "不支持该请求方法"}


def problem_response(err: CenterError) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if err.status == 401 else None
    return JSONResponse(err.problem(), status_code=err.status, media_type=PROBLEM, headers=headers)


def _install_problem_handlers(app: FastAPI) -> None:
    async def center_error(_req: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, CenterError)
        return problem_response(exc)

    async def http_error(_req: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, HTTPException)
        zh = _STATUS_ZH.get(exc.status_code, "请求失败")
        err = CenterError(exc.status_code, str(exc.detail), str(exc.detail), zh)
        return problem_response(err)

    async def validation_error(_req: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        where = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()
        )
        return problem_response(
            CenterError(422, "Invalid request", where, f"请求参数不合法：{where}")
        )

    async def unexpected(req: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", req.method, req.url.path, exc_info=exc)
        return problem_response(
            CenterError(500, "Internal error", "internal error", "中心内部错误，请联系管理员")
        )

    app.add_exception_handler(CenterError, center_error)
    app.add_exception_handler(Exception, unexpected)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)


def create_center_app(db_url: str, rollups: bool = True) -> FastAPI:
    """The app over a migrated database; the engine is disposed when the server stops.
    `rollups=False` stores batches without touching the rollups: only for the benchmark that
    measures what they cost at ingest."""
    engine = open_center_db(db_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(title="Hall kiosk city center", version="1", lifespan=lifespan)
    app.state.engine = engine
    _install_problem_handlers(app)
    app.include_router(build_router(engine, rollups))
    app.include_router(build_office_router(engine))
    return app


def app_from_env() -> FastAPI:
    """Factory for several worker processes: `uvicorn --factory kiosk.center.app:app_from_env
    --workers N` with the database URL in $KIOSK_CENTER_DB (each worker opens its own pool)."""
    return create_center_app(default_db_url())
