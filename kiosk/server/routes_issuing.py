"""When and how many tickets: what the kiosk and the board show per category, and a
supervisor's change of today's quota (an event, so it is in the log and the center's report)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response

from kiosk.engine.auth import Principal
from kiosk.server.deps import guard, hall_of, reply, write
from kiosk.server.schemas import Code, QuotaIn

router = APIRouter(prefix="/api/v1", dependencies=[Depends(guard)])


@router.get("/issuing")
def issuing(request: Request) -> Response:
    """Per category: issuing or not and why, walk-in tickets left today, real-name mode; the
    hall's hours and whether it runs in trial mode (`kiosk serve --always-open`). Public: the
    same figures stand on the board and on the kiosk's buttons."""
    return reply(hall_of(request).issuing_status())


@router.post("/quotas/{category}/today")
async def change_quota(
    category: Code, body: QuotaIn, request: Request, who: Principal = Depends(guard)
) -> Response:
    hall = hall_of(request)
    result = await write(
        request,
        hall.change_quota_today,
        category,
        body.daily,
        body.morning,
        body.afternoon,
        who.actor,
    )
    return reply(result)
