"""The center's HTTP API (v1). Handlers are thin: auth, then one core function off the loop.

Database work runs in the thread pool (run_in_threadpool) so a 5,000-event batch being stored
never stalls other halls' requests on the event loop.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Header, Query, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from kiosk import limits
from kiosk.center import catalogs, governance, halls, ingest, readback, reports, wire
from kiosk.center.auth import require_admin, require_any, require_hall
from kiosk.center.errors import CenterError, invalid

Auth = Annotated[str | None, Header(alias="Authorization")]
IfNoneMatch = Annotated[str | None, Header(alias="If-None-Match")]


def _seq_header(value: str | None, name: str) -> int | None:
    """A sequence number header: an integer both databases can store, or absent."""
    if value is None or value.strip() == "":
        return None
    try:
        number = int(value)
    except ValueError:
        number = -1
    if not 0 <= number <= limits.SEQ_MAX:
        raise invalid(
            f"{name} must be an integer from 0 to {limits.SEQ_MAX}",
            f"{name} 须为 0 到 {limits.SEQ_MAX} 之间的整数",
        )
    return number


async def _read_capped(request: Request, cap: int) -> bytes:
    """The request body, refused (413) when its declared length is over `cap` before a byte is
    read, and cut off when a body without a length (chunked) grows past it."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.strip().isdigit() and int(declared) > cap:
        raise wire.too_large()
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > cap:
            raise wire.too_large()
    return bytes(body)


def _etag_matches(if_none_match: str | None, version: str) -> bool:
    tags = [t.strip().removeprefix("W/").strip('"') for t in (if_none_match or "").split(",")]
    return "*" in tags or version in tags


# What push_events reads by hand, for the OpenAPI schema: the batch and two headers.
_PUSH_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": wire.BATCH_SCHEMA}},
    },
    "parameters": [
        {
            "name": "X-Hall-Last-Seq",
            "in": "header",
            "required": False,
            "schema": {"type": "integer", "minimum": 0, "maximum": limits.SEQ_MAX},
        },
        {
            "name": "X-Catalog-Version",
            "in": "header",
            "required": False,
            "schema": {"type": "string", "maxLength": 64},
        },
    ],
}


def build_router(engine: Engine, rollups: bool = True) -> APIRouter:
    router = APIRouter(prefix="/api/v1")

    @router.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @router.post("/halls/{code}/events", openapi_extra=_PUSH_DOC)
    async def push_events(
        code: str, request: Request, background: BackgroundTasks, authorization: Auth = None
    ) -> Any:
        """The token is checked, then the declared size, and only then is the body read (with
        a cap): a caller without a token cannot make the center hold anything in memory. A
        `day.closed` in the batch has its day's rollups recomputed after the answer is sent,
        so the hall never waits for it (a crash before leaves the day dirty: recomputed later)."""
        hall = await run_in_threadpool(require_hall, engine, authorization, code)
        body = await _read_capped(request, wire.MAX_BODY_BYTES)
        headers = request.headers
        closed: list[str] = []

        def work() -> int:
            batch = wire.batch_events(wire.decode_body(body, headers.get("content-encoding")))
            last = _seq_header(headers.get("x-hall-last-seq"), "X-Hall-Last-Seq")
            version = headers.get("x-catalog-version")
            return ingest.ingest_batch(engine, hall, batch, last, version, rollups, closed.append)

        acked = await run_in_threadpool(work)
        for day in closed:
            background.add_task(ingest.recompute_closed_day, engine, hall.code, day)
        return {"acked_seq": acked}

    @router.get("/halls/{code}/ack")
    def get_ack(code: str, authorization: Auth = None) -> dict[str, int]:
        require_hall(engine, authorization, code)
        ingest.touch(engine, code)
        with engine.connect() as conn:
            return {"acked_seq": ingest.acked_seq(conn, code)}

    @router.get("/halls/{code}/events")
    def read_back(
        code: str,
        after_seq: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=readback.MAX_PAGE)] = 1000,
        authorization: Auth = None,
    ) -> dict[str, Any]:
        """A hall's own acknowledged events after `after_seq` (its recovery after a restore)."""
        require_hall(engine, authorization, code)
        return readback.events_after(engine, code, after_seq, limit)

    @router.get("/catalog/latest")
    def latest_catalog(
        authorization: Auth = None,
        if_none_match: IfNoneMatch = None,
    ) -> Any:
        hall = require_any(engine, authorization)
        if hall is not None:
            ingest.touch(engine, hall)
        version = catalogs.latest_version(engine)
        if version is None:
            raise CenterError(404, "Not found", "no catalog published yet", "中心尚未发布事项目录")
        etag = f'"{version}"'
        if _etag_matches(if_none_match, version):
            return Response(status_code=304, headers={"ETag": etag})
        body = {"version": version, "catalog": catalogs.load_catalog(engine, version)}
        return JSONResponse(body, headers={"ETag": etag})

    @router.get("/halls")
    def list_halls(authorization: Auth = None) -> dict[str, Any]:
        require_admin(engine, authorization)
        return {"halls": halls.hall_status(engine)}

    @router.get("/reports")
    def get_report(
        day_from: Annotated[str, Query(alias="from")],
        day_to: Annotated[str, Query(alias="to")],
        by: str = "level",
        authorization: Auth = None,
    ) -> dict[str, Any]:
        require_admin(engine, authorization)
        return reports.build_report(engine, day_from, day_to, by)

    @router.get("/reports/governance")
    def get_governance(
        day_from: Annotated[str, Query(alias="from")],
        day_to: Annotated[str, Query(alias="to")],
        compare_from: str | None = None,
        compare_to: str | None = None,
        authorization: Auth = None,
    ) -> dict[str, Any]:
        """The governance report (三级对比): definitions and every view, with the change
        against the compared period (by default the same length just before)."""
        require_admin(engine, authorization)
        return governance.build_governance(engine, day_from, day_to, compare_from, compare_to)

    return router
