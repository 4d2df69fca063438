"""The clerk's side: sessions and every action at a window."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request, Response

from kiosk.engine.auth import Principal
from kiosk.server.deps import guard, hall_of, reply, write
from kiosk.server.links import for_caller
from kiosk.server.schemas import CallIn, FinishIn, PauseIn, SessionIn, TransferIn, WindowNo

router = APIRouter(prefix="/api/v1", dependencies=[Depends(guard)])


@router.post("/sessions", status_code=201)
async def login(body: SessionIn, request: Request) -> Response:
    """A login is never replayed from an Idempotency-Key: the answer holds a session token.
    Wrong PINs are throttled per clerk and per source address (never a forwarded-for header)."""
    hall = hall_of(request)
    source = request.client.host if request.client else "unknown"
    result = await write(
        request, hall.login, body.employee_no, body.pin, body.window, source, replayable=False
    )
    return reply(result, 201)


@router.delete("/sessions/current", status_code=204)
async def logout(request: Request, who: Principal = Depends(guard)) -> Response:
    await write(request, hall_of(request).logout, who, request.state.token)
    return Response(status_code=204)


@router.get("/sessions/current")
async def whoami(request: Request, who: Principal = Depends(guard)) -> dict[str, Any]:
    return {"employee_no": who.name, "role": who.role, "window": who.window_no}


async def _act(request: Request, who: Principal, no: int, command: str, *args: Any) -> Response:
    hall = hall_of(request)
    ticket = await write(request, getattr(hall, command), no, *args, who.actor)
    return reply({"ticket": for_caller(ticket, who)})


@router.post("/windows/{no}/call-next", response_model=None)
async def call_next(no: WindowNo, request: Request, who: Principal = Depends(guard)) -> Response:
    hall = hall_of(request)
    ticket = await write(request, hall.call_next, no, who.actor)
    return (
        Response(status_code=204) if ticket is None else reply({"ticket": for_caller(ticket, who)})
    )


@router.post("/windows/{no}/call")
async def call(
    no: WindowNo, body: CallIn, request: Request, who: Principal = Depends(guard)
) -> Any:
    return await _act(request, who, no, "call_number", body.number)


@router.post("/windows/{no}/recall")
async def recall(no: WindowNo, request: Request, who: Principal = Depends(guard)) -> Any:
    return await _act(request, who, no, "recall")


@router.post("/windows/{no}/no-show")
async def no_show(no: WindowNo, request: Request, who: Principal = Depends(guard)) -> Any:
    return await _act(request, who, no, "no_show")


@router.post("/windows/{no}/start")
async def start(no: WindowNo, request: Request, who: Principal = Depends(guard)) -> Any:
    return await _act(request, who, no, "start")


@router.post("/windows/{no}/finish")
async def finish(
    no: WindowNo, body: FinishIn, request: Request, who: Principal = Depends(guard)
) -> Any:
    hall = hall_of(request)
    ticket = await write(
        request,
        hall.finish,
        no,
        body.outcome,
        who.actor,
        missing_materials=body.missing_materials,
        note=body.note,
        reason=body.reason,
    )
    return reply({"ticket": for_caller(ticket, who)})


@router.post("/windows/{no}/transfer")
async def transfer(
    no: WindowNo, body: TransferIn, request: Request, who: Principal = Depends(guard)
) -> Any:
    hall = hall_of(request)
    ticket = await write(
        request,
        hall.transfer,
        no,
        who.actor,
        to_category=body.to_category,
        to_window=body.to_window,
        note=body.note,
    )
    return reply({"ticket": for_caller(ticket, who)})


@router.post("/windows/{no}/pause")
async def pause(
    no: WindowNo, body: PauseIn, request: Request, who: Principal = Depends(guard)
) -> Any:
    hall = hall_of(request)
    result = await write(
        request, hall.pause, no, body.reason, who.actor, body.note, body.expected_back
    )
    return reply(result)


@router.post("/windows/{no}/resume")
async def resume(no: WindowNo, request: Request, who: Principal = Depends(guard)) -> Any:
    return reply(await write(request, hall_of(request).resume, no, who.actor))
