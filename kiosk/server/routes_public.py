"""Reads anyone may make (health, catalog, queue) and the staff's event and day-close calls."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from kiosk import limits
from kiosk.engine.auth import Principal
from kiosk.server.deps import guard, hall_of, reply, write

router = APIRouter(prefix="/api/v1", dependencies=[Depends(guard)])


@router.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/catalog")
def catalog(request: Request) -> Response:
    """The catalog as stored, with the hall's switched-off items marked and the hall's own
    published FAQs and notices after the center's (marked source "hall"); cached by version."""
    hall = hall_of(request)
    etag = f'"{hall.catalog.version}-{len(hall.disabled_items)}-{hall.knowledge_tag()}"'
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    body = hall.catalog.model_dump(mode="json")
    faqs, notices = hall.published_for_catalog()
    body["faqs"] += faqs
    body["notices"] += notices
    body["disabled_items"] = sorted(hall.disabled_items)
    body["hall"] = {
        "code": hall.code,
        "name_zh": hall.config.name_zh,
        "name_en": hall.config.name_en,
        "timezone": hall.config.timezone,
    }
    from fastapi.responses import JSONResponse

    return JSONResponse(body, headers={"ETag": etag})


@router.get("/queue")
def queue(request: Request) -> dict[str, Any]:
    return hall_of(request).queue_snapshot()


@router.get("/events")
def events(
    request: Request,
    after_seq: int = Query(0, ge=0, le=limits.SEQ_MAX),
    limit: int = Query(500, ge=1, le=5000),
    who: Principal = Depends(guard),
) -> dict[str, Any]:
    hall = hall_of(request)
    batch = hall.events_after(after_seq, limit)
    return {
        "hall": hall.code,
        "events": [e.to_dict() for e in batch],
        "last_seq": hall.last_seq,
    }


@router.post("/day/close")
async def close_day(request: Request, who: Principal = Depends(guard)) -> Response:
    return reply(await write(request, hall_of(request).close_day, who.actor))
