"""Read-only figures for the people at the windows: today's own service counts and ratings."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from starlette.concurrency import run_in_threadpool

from kiosk import limits
from kiosk.engine.auth import Principal
from kiosk.engine.queue.stats import window_stats
from kiosk.errors import Forbidden
from kiosk.server.access import SUPERVISORS
from kiosk.server.deps import guard, hall_of
from kiosk.server.schemas import WindowNo

router = APIRouter(prefix="/api/v1", dependencies=[Depends(guard)])


@router.get("/windows/{no}/stats")
async def stats(
    no: WindowNo,
    request: Request,
    clerk: str | None = Query(None, max_length=limits.EMPLOYEE_NO_MAX),
    who: Principal = Depends(guard),
) -> dict[str, Any]:
    """A clerk sees their own window (all of it, or `clerk=` themselves only); supervisors see
    any window and any clerk."""
    hall = hall_of(request)
    if who.role not in SUPERVISORS and clerk not in (None, who.name):
        raise Forbidden("只能查看本人窗口的数据", "clerks may read only their own window")
    result: dict[str, Any] = await run_in_threadpool(window_stats, hall, no, clerk)
    return result
