"""Read-only figures for the people at the windows: today's own service counts and ratings."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from starlette.concurrency import run_in_threadpool

from kiosk import limits
from kiosk.engine.auth import Principal
from kiosk.engine.stats import window_stats
from kiosk.errors import Forbidden, NotFound
from kiosk.server.deps import CLERK_ROLES, allow, hall_of
from kiosk.server.schemas import WindowNo

router = APIRouter(prefix="/api/v1")
SUPERVISORS = ("supervisor", "admin")


@router.get("/windows/{no}/stats")
async def stats(
    no: WindowNo,
    request: Request,
    clerk: str | None = Query(None, max_length=limits.EMPLOYEE_NO_MAX),
    who: Principal = Depends(allow(*CLERK_ROLES)),
) -> dict[str, Any]:
    """A clerk sees their own window (all of it, or `clerk=` themselves only); supervisors see
    any window and any clerk."""
    hall = hall_of(request)
    if no not in hall.windows:
        raise NotFound(f"没有{no}号窗口", f"no window {no}")
    if who.role not in SUPERVISORS and (who.window_no != no or clerk not in (None, who.name)):
        raise Forbidden("只能查看本人窗口的数据", "clerks may read only their own window")
    result: dict[str, Any] = await run_in_threadpool(window_stats, hall, no, clerk)
    return result
